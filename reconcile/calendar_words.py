"""Month names and ordinal day words of the languages of the sources, folded (SPEC §4)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from functools import lru_cache

from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems, tokens

#: How a message names a month: the report speaks English.
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Words written after a day in digits to make it an ordinal: 6th, 1er, 15., 6-го.
ORDINAL_SUFFIXES = frozenset(
    {"st", "nd", "rd", "th", "er", "re", "e", "eme", "го", "ого", "е", "ое"}
)

#: Words between a day and its month: "6th of May", "15 de mayo", "السادس من شباط".
DAY_MONTH_LINKS = frozenset({"of", "the", "de", "del", "du", "im", "des", "من", "شهر"})

#: Words between the two days of a range in one month: "10 to 11 September", "с 10 на 11 сентября",
#: "العاشر على الحادي عشر من أيلول".
DAY_RANGE_LINKS = frozenset(
    {"to", "and", "until", "till", "through", "الي", "علي", "حتي", "و", "на", "по", "и", "до",
     "au", "bis", "al", "a"}
)  # fmt: skip

_ARABIC_UNITS = ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
_ARABIC_TENS = {20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين")}

Phrases = dict[tuple[str, ...], int]


@lru_cache(maxsize=16)
def month_names(language: str) -> Phrases:
    """Every month name CLDR knows in `language`, in every locale and both grammatical contexts
    (Russian мая beside май, Levantine أيار beside مايو), folded and split into tokens."""
    from babel import Locale, UnknownLocaleError  # imported here: slow, and rarely needed
    from babel.localedata import locale_identifiers

    names: Phrases = {}
    for identifier in locale_identifiers():
        if identifier.split("_")[0] != language:
            continue
        try:
            months = Locale.parse(identifier).months
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = tuple(t.text for t in tokens(normalise(name)))
                    # an abbreviation of two letters is too often a word; a name is not (آب)
                    if key and (width == "wide" or sum(map(len, key)) >= 3):
                        names.setdefault(key, int(number))
    for forms in EXTRA_MONTH_FORMS.get(language, ()):
        for number, name in enumerate(forms, start=1):
            names.setdefault((normalise(name),), number)
    return names


#: Cases of month names CLDR does not give: the Russian prepositional ("в феврале 2011 года")
#: and dative ("к декабрю 2014 года").
EXTRA_MONTH_FORMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ru": (
        ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
         "октябре", "ноябре", "декабре"),
        ("январю", "февралю", "марту", "апрелю", "маю", "июню", "июлю", "августу", "сентябрю",
         "октябрю", "ноябрю", "декабрю"),
    ),
}  # fmt: skip

#: The seasons, as EDTF numbers them (21 spring, 22 summer, 23 autumn, 24 winter), in the
#: forms written before a year: "summer 2019", "صيف 2019", "летом 2019 года", "осени 2028".
SEASONS: dict[str, int] = {
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
    **{normalise(word): 21 + n for n, word in enumerate(("ربيع", "صيف", "خريف", "شتاء"))},
    **{word: 21 for word in ("весна", "весны", "весной", "весну")},
    **{word: 22 for word in ("лето", "лета", "летом")},
    **{word: 23 for word in ("осень", "осени", "осенью")},
    **{normalise(word): 24 for word in ("зима", "зимы", "зимой", "зиму")},
}  # fmt: skip


@lru_cache(maxsize=16)
def ordinal_days(language: str) -> Phrases:
    """The ordinal words for days 1 to 31 in `language`, folded: sixth, السادس, шестого."""
    if language == "ar":
        return _arabic_ordinal_days()
    from num2words import num2words  # imported here: slow, and rarely needed

    days: Phrases = {}
    for day in range(1, 32):
        try:
            written = normalise(num2words(day, lang=language, to="ordinal"))
        except (NotImplementedError, OverflowError):
            return {}
        key = tuple(t.text for t in tokens(written))
        for form in _ordinal_forms(language, key[-1]):
            days.setdefault((*key[:-1], form), day)
    return days


_RU_HARD_ORDINAL = ("ыи", "ои", "ого", "ому", "ом", "ая", "ую", "ое", "ые", "ых", "ым", "ыми")
_RU_SOFT_ORDINAL = ("ьего", "ьему", "ьем", "ья", "ью", "ье", "ьи", "ьих", "ьим", "ьими", "ьеи")


def _ordinal_forms(language: str, word: str) -> tuple[str, ...]:
    """An ordinal and its forms in dates: шестого, первое for шестой, первый; sechsten."""
    # Folded Russian writes й as и: шестой is шестои here. Every case and gender: a date
    # writes шестого, шестое; a count "на четвёртом этаже", "третья попытка".
    if language == "ru" and word.endswith("ии"):
        return (word, *(word[:-2] + ending for ending in _RU_SOFT_ORDINAL))  # третий
    if language == "ru" and word.endswith(("ыи", "ои")):
        return (word, *(word[:-2] + ending for ending in _RU_HARD_ORDINAL))
    if language == "de":
        return (word, word + "n", word + "r")
    return (word,)


def _arabic_ordinal_days() -> Phrases:
    # num2words writes no Arabic compound ordinals, so they are composed: الحادي والعشرين.
    # The feminine forms count what is feminine: الجلسة الحادية عشرة, الدورة الأولى.
    days: Phrases = {("اول",): 1, ("اولي",): 1, ("عاشر",): 10, ("عاشره",): 10}
    for unit, word in enumerate(_ARABIC_UNITS, start=1):
        if unit > 1:
            days[(normalise(word),)] = unit
            days[(normalise(word) + "ه",)] = unit
        days[(normalise(word), "عشر")] = 10 + unit
        days[(normalise(word) + "ه", "عشره")] = 10 + unit
    for tens, words in _ARABIC_TENS.items():
        for tens_word in words:
            days[(normalise(tens_word),)] = tens
            for unit, word in enumerate(_ARABIC_UNITS, start=1):
                if tens + unit <= 31:
                    days[(normalise(word), normalise(tens_word))] = tens + unit
    return days


class PhraseTable:
    """Phrases and their values, looked up by the first word each begins with."""

    def __init__(self, phrases: Phrases) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for key, value in phrases.items():
            self._by_first.setdefault(key[0], []).append((key, value))

    def at(self, found: Sequence[Token], start: int) -> tuple[int, int] | None:
        """The value of the longest phrase written from token `start`, and the token after it;
        Arabic words may carry proclitics (السادس، والعشرين) and a lone و may join them."""
        best: tuple[int, int] | None = None
        for stem in arabic_stems(found[start].text):
            for key, value in self._by_first.get(stem, ()):
                end = _match(found, start + 1, key[1:])
                if end is not None and (best is None or end > best[1]):
                    best = (value, end)
        return best


@lru_cache(maxsize=64)
def month_table(languages: tuple[str, ...]) -> PhraseTable:
    """The month names of all `languages` in one table."""
    return PhraseTable({k: v for language in languages for k, v in month_names(language).items()})


@lru_cache(maxsize=64)
def ordinal_table(languages: tuple[str, ...]) -> PhraseTable:
    """The ordinal day words of all `languages` in one table."""
    return PhraseTable({k: v for language in languages for k, v in ordinal_days(language).items()})


def _match(found: Sequence[Token], index: int, rest: tuple[str, ...]) -> int | None:
    for word in rest:
        if index < len(found) and found[index].text == "و":
            index += 1
        if index >= len(found):
            return None
        text = found[index].text
        if text != word and word not in arabic_stems(text):
            return None
        index += 1
    return index


#: Words for "year" (folded), with the count a dual gives: عامين is two years.
YEAR_WORDS: dict[str, int] = {
    "year": 1, "years": 1,
    "عام": 1, "العام": 1, "سنه": 1, "السنه": 1, "سنوات": 1, "السنوات": 1, "اعوام": 1,
    "الاعوام": 1, "عامين": 2, "العامين": 2, "عامان": 2, "سنتين": 2, "السنتين": 2, "سنتان": 2,
    "год": 1, "года": 1, "году": 1, "лет": 1,
}  # fmt: skip

#: Words that make a year the one after a year named before it: "the following year",
#: "العام التالي", "в следующем году".
NEXT_YEAR_WORDS = frozenset(
    {"following", "next", "subsequent", "التالي", "التاليه", "اللاحق", "اللاحقه", "следующем",
     "следующий", "следующего", "последующем"}
)  # fmt: skip

#: Words that count years on from a year named before them: "five years later", "بعد خمس
#: سنوات", "через пять лет", "пять лет спустя".
LATER_WORDS = frozenset(
    {"later", "after", "afterwards", "on", "بعد", "через", "спустя", "позже", "позднее"}
)


# Dates by reference -------------------------------------------------------------------------

#: Phrases that name a date by its distance from another: (unit, offset, anchor), the anchor
#: "before" being the date the text gave last, "published" the day the article appeared.
RELATIVE_DATES: dict[str, tuple[str, int, str]] = {
    "the following year": ("year", 1, "before"), "the next year": ("year", 1, "before"),
    "a year later": ("year", 1, "before"), "the year after": ("year", 1, "before"),
    "the previous year": ("year", -1, "before"), "a year earlier": ("year", -1, "before"),
    "the year before": ("year", -1, "before"), "last year": ("year", -1, "published"),
    "this year": ("year", 0, "published"), "next year": ("year", 1, "published"),
    "the following day": ("day", 1, "before"), "the next day": ("day", 1, "before"),
    "a day later": ("day", 1, "before"), "the day after": ("day", 1, "before"),
    "the previous day": ("day", -1, "before"), "the day before": ("day", -1, "before"),
    "yesterday": ("day", -1, "published"), "today": ("day", 0, "published"),
    "العام التالي": ("year", 1, "before"), "السنة التالية": ("year", 1, "before"),
    "العام الذي تلاه": ("year", 1, "before"), "العام اللاحق": ("year", 1, "before"),
    "العام السابق": ("year", -1, "before"), "السنة السابقة": ("year", -1, "before"),
    "العام الماضي": ("year", -1, "published"), "السنة الماضية": ("year", -1, "published"),
    "العام الجاري": ("year", 0, "published"), "العام الحالي": ("year", 0, "published"),
    "هذا العام": ("year", 0, "published"), "العام المقبل": ("year", 1, "published"),
    "اليوم التالي": ("day", 1, "before"), "اليوم الذي تلاه": ("day", 1, "before"),
    "اليوم السابق": ("day", -1, "before"), "أمس": ("day", -1, "published"),
    "الأمس": ("day", -1, "published"),
    "на следующий год": ("year", 1, "before"), "год спустя": ("year", 1, "before"),
    "годом позже": ("year", 1, "before"), "годом ранее": ("year", -1, "before"),
    "годом раньше": ("year", -1, "before"), "в предыдущем году": ("year", -1, "before"),
    "в прошлом году": ("year", -1, "published"), "в этом году": ("year", 0, "published"),
    "в следующем году": ("year", 1, "published"), "прошлого года": ("year", -1, "published"),
    "этого года": ("year", 0, "published"), "текущего года": ("year", 0, "published"),
    "следующего года": ("year", 1, "published"), "на следующий день": ("day", 1, "before"),
    "на другой день": ("day", 1, "before"), "днём позже": ("day", 1, "before"),
    "днем позже": ("day", 1, "before"), "накануне": ("day", -1, "before"),
    "вчера": ("day", -1, "published"), "сегодня": ("day", 0, "published"),
}  # fmt: skip

#: Words for a part of a month and the days it spans, the month's thirds as the press divides
#: them (the last ends with the month): "late May", "أواخر مايو", "в конце мая", "в первой
#: декаде июня". A part is written before the month name, with "of" or a preposition between.
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
    "middle": (11, 20), "late": (21, 31), "end": (21, 31),
    **{normalise(word): (1, 10) for word in ("أوائل", "مطلع", "بداية", "مستهل")},
    **{normalise(word): (11, 20) for word in ("منتصف", "أواسط")},
    **{normalise(word): (21, 31) for word in ("أواخر", "نهاية")},
    "начале": (1, 10), "середине": (11, 20), "конце": (21, 31),
}  # fmt: skip
#: The years of a decade that a part word names, its thirds as for a month's parts (the days
#: MONTH_PARTS gives): "the early 2030s" are 2030 to 2033, "the mid-2030s" 2034 to 2036, "в
#: конце 2030-х" 2037 to 2039.
DECADE_PARTS: dict[tuple[int, int], tuple[int, int]] = {
    (1, 10): (0, 3), (11, 20): (4, 6), (21, 31): (7, 9)
}  # fmt: skip
#: Words between a part and its month ("the end of May", "مطلع شهر يونيو", "в первой декаде мая").
MONTH_PART_LINKS = frozenset({"of", "the", "شهر", "декаде", "декады"})
#: The ordinal of a Russian dekad ("в первой декаде мая").
DEKADS: dict[str, tuple[int, int]] = {normalise(word): days for word, days in {
    "первой": (1, 10), "первая": (1, 10), "второй": (11, 20), "вторая": (11, 20),
    "третьей": (21, 31), "третья": (21, 31), "последней": (21, 31),
}.items()}  # fmt: skip


def year_named_after(
    found: Sequence[Token], at: int, published: str, count: Callable[[str], int | None]
) -> tuple[int, int] | None:
    """The year a month name's next words (from token `at`) count from the article's day, and
    the token after them: "July of last year", "يوليو من العام الماضي", "в июле прошлого
    года", "в мае текущего года"."""
    while at < len(found) and found[at].text in DAY_MONTH_LINKS:
        at += 1
    reference = relative_at(found, at, count) if at < len(found) else None
    if reference is None or reference[0] != "year" or reference[2] != "published":
        return None
    year = shifted(published, "year", reference[1])
    return (int(year), reference[3]) if year is not None else None


#: Words that place a month named without its year before or after the article's month:
#: "last June", "next March" (written before it); "يونيو الماضي", "مارس المقبل" (after it).
_LAST_BEFORE = frozenset({"last", "past"})
_NEXT_BEFORE = frozenset({"next", "coming"})
_LAST_AFTER = frozenset(normalise(w) for w in ("الماضي", "المنصرم", "الفائت"))
_NEXT_AFTER = frozenset(normalise(w) for w in ("المقبل", "القادم"))


def month_year_by_word(
    found: Sequence[Token], start: int, end: int, month: int, published: str
) -> int | None:
    """The year of a month name at tokens `start` to `end` that "last" or "next" places from
    the article's day: "last June" in an article of June 2024 is June 2023, "يونيو الماضي" in
    one of July 2024 June 2024, "next March" the first March after it."""
    if len(published) < 7 or not (published[:4] + published[5:7]).isdigit():
        return None  # a year alone places no month
    year, current = int(published[:4]), int(published[5:7])
    before = found[start - 1].text if start > 0 else ""
    after = found[end].text if end < len(found) else ""
    if before in _LAST_BEFORE or after in _LAST_AFTER:
        return year if month < current else year - 1
    if before in _NEXT_BEFORE or after in _NEXT_AFTER:
        return year if month > current else year + 1
    return None


def month_part_before(found: Sequence[Token], month_at: int) -> tuple[int, int] | None:
    """The days of the month a part word before the month name at token `month_at` gives:
    (21, 31) for "late May", "أواخر مايو", "в конце мая", "в третьей декаде мая"."""
    at = month_at - 1
    while at >= 0 and found[at].text in MONTH_PART_LINKS and month_at - at <= 2:
        at -= 1
    if at < 0:
        return None
    for stem in arabic_stems(found[at].text):
        if stem in MONTH_PARTS:
            return MONTH_PARTS[stem]
    if found[at].text in DEKADS and found[at + 1].text in MONTH_PART_LINKS:
        return DEKADS[found[at].text]
    return None


#: Day names and the weekday they are (Monday 0), with the word a language writes before
#: them when the name alone may mean something else (Arabic الأحد is also "one", Russian
#: среда "environment"): on Tuesday, يوم الثلاثاء, во вторник.
WEEKDAYS: dict[str, tuple[int, frozenset[str]]] = {
    **{day: (n, frozenset()) for n, day in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{normalise(day): (n, frozenset({"يوم"})) for n, day in enumerate(
        ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"))},
    **{day: (n, frozenset({"в", "во"})) for n, day in enumerate(
        ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"))},
}  # fmt: skip

#: Words for a day, with the count a dual gives (يومين is two days), and the words around a
#: count of days that make it the days after a date: "three days later", "بعد ثلاثة أيام",
#: "через три дня", "три дня спустя".
DAY_WORDS: dict[str, int] = {
    "day": 1, "days": 1, "يوم": 1, "ايام": 1, "يوما": 1, "يومين": 2, "يومان": 2,
    "день": 1, "дня": 1, "дней": 1, "сутки": 1, "суток": 1,
}  # fmt: skip
_DAYS_AFTER_BEFORE = frozenset({"بعد", "через"})
_DAYS_AFTER_AFTER = frozenset({"later", "afterwards", "спустя", "позже", "позднее"})


@lru_cache(maxsize=1)
def _relative_table() -> dict[str, list[tuple[tuple[str, ...], tuple[str, int, str]]]]:
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, int, str]]]] = {}
    for phrase, meaning in RELATIVE_DATES.items():
        key = tuple(t.text for t in tokens(normalise(phrase)))
        table.setdefault(key[0], []).append((key, meaning))
    return table


def relative_at(
    found: Sequence[Token], start: int, count: Callable[[str], int | None]
) -> tuple[str, int, str, int] | None:
    """The date named by reference from token `start`: (unit, offset, anchor, token after
    it), or None. `count` reads a count of days (digits or a number word)."""
    best: tuple[str, int, str, int] | None = None
    for stem in arabic_stems(found[start].text):
        for key, (unit, offset, anchor) in _relative_table().get(stem, ()):
            end = _match(found, start + 1, key[1:])
            if end is not None and (best is None or end > best[3]):
                best = (unit, offset, anchor, end)
    if best is not None:
        return best
    weekday = _weekday_at(found, start)
    if weekday is not None:
        return ("weekday", weekday, "published", start + 1)
    return _days_after(found, start, count)


def _weekday_at(found: Sequence[Token], start: int) -> int | None:
    for stem in arabic_stems(found[start].text):
        if stem in WEEKDAYS:
            weekday, needs = WEEKDAYS[stem]
            before = arabic_stems(found[start - 1].text) if start > 0 else ()
            if not needs or needs & set(before):
                return weekday
    return None


def _days_after(
    found: Sequence[Token], start: int, count: Callable[[str], int | None]
) -> tuple[str, int, str, int] | None:
    """ "three days later", "بعد ثلاثة أيام", "بعد يومين", "через три дня", "три дня спустя";
    and years the same way: "five years later", "بعد خمس سنوات", "بعد عامين", "через пять
    лет"."""
    texts = [t.text for t in found[start : start + 3]]
    if len(texts) >= 2 and _DAYS_AFTER_BEFORE & set(arabic_stems(texts[0])):
        for unit, words in (("day", DAY_WORDS), ("year", YEAR_WORDS)):
            if words.get(texts[1]) == 2:
                return (unit, 2, "before", start + 2)
        days = count(texts[1])
        unit_of = _unit(texts[2]) if len(texts) == 3 else None
        if days is not None and unit_of is not None and not _of_event(found, start + 3):
            return (unit_of, days, "before", start + 3)
    if len(texts) == 3 and texts[2] in _DAYS_AFTER_AFTER:
        days, unit_of = count(texts[0]), _unit(texts[1])
        if days is not None and unit_of is not None:
            return (unit_of, days, "before", start + 3)
    return None


#: Words that tie a count of days or years to an event rather than to the date written
#: last: "seven years after its entry into force", "через семь лет после вступления в силу",
#: "بعد خمس سنوات على تجديدها", "بعد ثلاثة أيام من الزلزال".
_OF_EVENT = frozenset({"after", "since", "of", "على", "علي", "من", "после", "с", "со"})


def _of_event(found: Sequence[Token], end: int) -> bool:
    return end < len(found) and found[end].text in _OF_EVENT


def _unit(word: str) -> str | None:
    """The unit a word after a count names: days or years ("أيام", "years", "лет")."""
    if word in DAY_WORDS:
        return "day"
    return "year" if word in YEAR_WORDS else None


def shifted(date: str | None, unit: str, offset: int) -> str | None:
    """The date `offset` years or days from `date` (EDTF), or the last `offset` weekday on or
    before it; None when `date` is not precise enough (a day from a year)."""
    if date is None or not date[:4].isdigit():
        return None
    if unit == "year":
        return f"{int(date[:4]) + offset:04d}"
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if unit == "weekday":
        return (day - datetime.timedelta(days=(day.weekday() - offset) % 7)).isoformat()
    return (day + datetime.timedelta(days=offset)).isoformat()
