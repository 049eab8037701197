"""Reading the numbers a folded text mentions: digits in any usual writing, scale words, and
number words in the languages of the sources (SPEC §4)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems, is_digits, tokens

#: Multipliers written after a number ("13.5 million", "50 ألف", "2 тысячи"), per language.
SCALE_WORDS: dict[str, dict[str, float]] = {
    "en": {
        "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6,
        "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    },
    "ar": {
        "مائة": 100, "مئة": 100, "ألف": 1e3, "ألفا": 1e3, "آلاف": 1e3, "ألوف": 1e3,
        "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارا": 1e9,
        "مليارات": 1e9, "بليون": 1e9,
    },
    "ru": {
        "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тысячей": 1e3,
        "тысячам": 1e3, "тысячами": 1e3, "тысячах": 1e3, "тыс": 1e3, "миллион": 1e6,
        "миллиона": 1e6, "миллионов": 1e6, "миллионам": 1e6, "миллионами": 1e6,
        "миллионах": 1e6, "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
        "млрд": 1e9, "тысяче": 1e3, "миллиону": 1e6, "миллионом": 1e6, "миллионе": 1e6,
        "миллиарду": 1e9, "миллиардом": 1e9, "миллиарде": 1e9, "миллиардам": 1e9,
        "миллиардами": 1e9, "миллиардах": 1e9,
        # a hundred as a noun: "около сотни", "две сотни", "сотни семей"
        "сотня": 100, "сотни": 100, "сотню": 100, "сотней": 100, "сотне": 100, "сотен": 100,
        "сотням": 100, "сотнями": 100, "сотнях": 100,
    },
    "fr": {
        "cent": 100, "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6,
        "milliard": 1e9, "milliards": 1e9,
    },
    "de": {
        "hundert": 100, "tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
        "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
    },
    "es": {
        "cien": 100, "ciento": 100, "cientos": 100, "mil": 1e3, "millón": 1e6,
        "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
    },
    "tr": {"yüz": 100, "bin": 1e3, "milyon": 1e6, "milyar": 1e9},
}  # fmt: skip

#: Forms num2words does not write: other genders, cases and spellings of the same numbers.
EXTRA_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "ar": {
        "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
        "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثماني": 8, "ثمان": 8, "مئتان": 200,
        "مئتين": 200, "مائتان": 200, "مائتين": 200, "مائتا": 200, "ألفان": 2000,
        "ألفين": 2000, "مليونان": 2_000_000, "مليونين": 2_000_000, "ملياران": 2 * 10**9,
        "مليارين": 2 * 10**9,
        # the dual before the noun it counts drops its ن: ألفي قتيل, مئتي جندي
        "مئتي": 200, "مائتي": 200, "ألفي": 2000, "مليوني": 2_000_000,
        "ملياري": 2 * 10**9,
        # the dual of a unit of time, or of "time", is itself a count of two: مهلة شهرين
        "شهران": 2, "شهرين": 2, "يومان": 2, "يومين": 2, "أسبوعان": 2, "أسبوعين": 2,
        "عامان": 2, "عامين": 2, "سنتان": 2, "سنتين": 2, "ساعتان": 2, "ساعتين": 2,
        "دقيقتان": 2, "دقيقتين": 2, "ليلتان": 2, "ليلتين": 2, "مرتان": 2, "مرتين": 2,
    },
    "ru": {
        "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одному": 1, "одним": 1, "одном": 1,
        "одну": 1, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "трёх": 3, "трём": 3,
        "тремя": 3, "четырёх": 4, "четырём": 4, "четырьмя": 4, "восьми": 8, "восьмью": 8,
        "сорока": 40, "девяноста": 90, "ста": 100, "двухсот": 200, "трёхсот": 300,
        "четырёхсот": 400, "пятисот": 500, "шестисот": 600, "семисот": 700,
        "восьмисот": 800, "девятисот": 900,
        # the oblique cases of the tens 50 to 80: "пятидесяти одного человека"
        "пятидесяти": 50, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80,
        "пятьюдесятью": 50, "шестьюдесятью": 60, "семьюдесятью": 70, "восемьюдесятью": 80,
        # and of the hundreds: "двумстам", "пятьюстами", "о трёхстах"
        "двумстам": 200, "трёмстам": 300, "четырёмстам": 400, "пятистам": 500,
        "шестистам": 600, "семистам": 700, "восьмистам": 800, "девятистам": 900,
        "двумястами": 200, "тремястами": 300, "четырьмястами": 400, "пятьюстами": 500,
        "шестьюстами": 600, "семьюстами": 700, "восьмьюстами": 800, "девятьюстами": 900,
        "двухстах": 200, "трёхстах": 300, "четырёхстах": 400, "пятистах": 500,
        "шестистах": 600, "семистах": 700, "восьмистах": 800, "девятистах": 900,
        "дюжина": 12, "дюжины": 12, "дюжину": 12, "дюжиной": 12, "полмиллиона": 500_000,
        "полмиллиарда": 500_000_000,
        # collective numerals, which count people: "трое погибших", "шестерых горноспасателей"
        **{
            stem + ending: value
            for value, stem in enumerate(
                ("дво", "тро", "четвер", "пятер", "шестер", "семер", "восьмер", "девятер",
                 "десятер"),
                start=2,
            )
            for ending in (("е", "их", "им", "ими") if value < 4 else ("о", "ых", "ым", "ыми"))
        },
    },
    "en": {"dozen": 12},  # "a dozen ministers"; "dozens" is no number
    "fr": {"une": 1, "quatre-vingts": 80},
    "de": {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1},
    "es": {"un": 1, "una": 1, "veintiún": 21, "veintiuna": 21},
}  # fmt: skip

#: Fractions written as one word before a scale word: "полтора миллиона", "полутора тысяч".
FRACTION_WORDS: dict[str, dict[str, float]] = {
    "ru": {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5},
}

#: Words that join the parts of one number: "one hundred and six", "واحد و عشرون".
CONNECTORS = frozenset({"and", "et", "und", "y", "و", "ve", "и"})

#: Numbers num2words is asked for: every one below a thousand, and the round ones above it
#: whose words are not a count times a scale word (the Arabic dual ألفا, مليونا …).
_GENERATED = (*range(1000), *(n * 1000 for n in range(1, 11)), 10**6, 2 * 10**6, 10**9, 2 * 10**9)
_MAX_PHRASE = 6
_GROUP = re.compile(r"\d{3}")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number a text mentions: every value its writing can mean, and the tokens it spans."""

    values: frozenset[float]
    start: int  # index of its first token
    end: int  # index after its last token
    scale: float = 1.0  # the largest scale word in it: 1e6 for "13.5 million"

    def means(self, value: float) -> bool:
        """True when one reading of this mention is `value`."""
        return any(same_number(value, candidate) for candidate in self.values)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    words: dict[str, float]
    phrases: dict[tuple[str, ...], int]
    scales: dict[str, float]
    longest: dict[str, int]  # the most words of a phrase that begins with each word
    #: Every stem a written number can begin with: a word, a phrase's first word, a scale word.
    starts: frozenset[str]


def same_number(a: float, b: float) -> bool:
    """True when two numbers are equal, up to the rounding of decimal fractions."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def base_language(code: str) -> str:
    """The language of a tag such as `ar-SY` or `ru_RU`: `ar`, `ru`."""
    return code.replace("_", "-").split("-")[0].lower()


def language_key(languages: Iterable[str]) -> tuple[str, ...]:
    """The distinct base languages of `languages`, sorted: a key for the cached tables."""
    return tuple(sorted({base_language(code) for code in languages if code}))


def digit_readings(token: str) -> frozenset[float]:
    """Every value digits with separators can mean: 4,000 and 4.000 are 4000 (or 4),
    17,9 and 17.9 are 17.9, 1.234,5 is 1234.5; Arabic ٫ is a decimal point, ٬ a group mark."""
    parts = re.split(r"([.,])", token.replace("\u066c", ",").replace("\u066b", "."))
    groups, marks = parts[0::2], parts[1::2]
    if not marks:
        return frozenset({float(int(token))})
    readings: set[float] = set()
    if len(set(marks)) == 1 and all(len(group) == 3 for group in groups[1:]):
        readings.add(float("".join(groups)))  # every mark groups thousands
    grouping = marks[:-1]
    if not grouping or (
        len(set(grouping)) == 1
        and grouping[0] != marks[-1]
        and all(len(group) == 3 for group in groups[1:-1])
    ):
        readings.add(float("".join(groups[:-1]) + "." + groups[-1]))  # the last is a decimal mark
    return frozenset(readings)


def read_numbers(folded: str, languages: Iterable[str]) -> tuple[NumberMention, ...]:
    """Every number the folded text mentions, in the order written."""
    return _read_numbers(folded, language_key(languages))


@lru_cache(maxsize=4096)
def _read_numbers(folded: str, languages: tuple[str, ...]) -> tuple[NumberMention, ...]:
    vocabulary = _vocabulary(languages)
    found = tokens(folded)
    mentions: list[NumberMention] = []
    index = 0
    while index < len(found):
        if not _may_start(found[index].text, languages):
            index += 1
            continue
        mention = _number_at(found, index, vocabulary)
        if mention is None:
            index += 1
        else:
            if mentions and _shares_scale(found, mentions[-1], mention):
                first = mentions[-1]
                more = {value * mention.scale for value in first.values}
                mentions[-1] = NumberMention(first.values | more, first.start, first.end)
            mentions.append(mention)
            index = mention.end
    for at, mention in enumerate(mentions):
        stop = mentions[at + 1].start if at + 1 < len(mentions) else len(found)
        if _half_after(found, mention.end, stop):
            values = frozenset(value + 0.5 for value in mention.values)
            mentions[at] = NumberMention(values, mention.start, mention.end, mention.scale)
    return tuple(mentions)


#: "And a half" after a number, or after the noun it counts: "two and a half years", "two
#: years and a half", "ثلاث سنوات ونصفا", "пять с половиной лет".
_HALF = (("and", "a", "half"), ("ونصف",), ("ونصفا",), ("с", "половинои"))


def _half_after(found: Sequence[Token], end: int, stop: int) -> bool:
    """Whether "and a half" follows the number ending at `end`, or the noun after it, in its
    phrase and before the next number at `stop` ("ونصف المجموعة" is half of the group)."""
    for start in (end, end + 1):
        if start >= stop or found[start - 1].stop:
            return False
        for phrase in _HALF:
            if tuple(t.text for t in found[start : start + len(phrase)]) == phrase:
                after = start + len(phrase)
                return after >= len(found) or not found[after].text.startswith("ال")
    return False


#: Words that open a range, and those that join its bounds ("and" only after an opener).
RANGE_OPENERS = ("between", "from", "بين", "ما بين", "من", "от", "между")
RANGE_LINKS = frozenset(normalise(word) for word in ("to", "إلى", "حتى", "до"))
RANGE_AND = frozenset(normalise(word) for word in ("and", "و", "и"))
_OPENER_WORDS = frozenset(normalise(opener).split(" ")[-1] for opener in RANGE_OPENERS)


def hyphenated(found: Sequence[Token], first: NumberMention, second: NumberMention) -> bool:
    """Whether two numbers are one word, joined by a dash: "10-15", "3–4 million"."""
    return (
        second.start == first.end
        and found[first.end - 1].word == found[second.start].word
        and not found[first.end - 1].stop
    )


def _shares_scale(found: Sequence[Token], first: NumberMention, second: NumberMention) -> bool:
    """Whether the scale word of a range's second bound is its first bound's too: "10 to 15
    million", "10-15 million", "от 910 до 930 млн", "بين 10 و15 ألفا" (ten million, not ten)."""
    if first.scale != 1 or second.scale <= 1 or found[first.end - 1].stop:
        return False
    opened = first.start > 0 and found[first.start - 1].text in _OPENER_WORDS
    if second.start == first.end:  # "10-15 million" in one word, "ثلاثة وأربعة آلاف"
        return hyphenated(found, first, second) or (
            opened and found[second.start].text.startswith("و")
        )
    if second.start != first.end + 1:
        return False
    link = found[first.end].text
    return link in RANGE_LINKS or (link in RANGE_AND and opened)


@lru_cache(maxsize=65536)
def _may_start(token: str, languages: tuple[str, ...]) -> bool:
    """False when no number can begin at `token`: the words most of a text is made of."""
    starts = _vocabulary(languages).starts
    return is_digits(token) or any(stem in starts for stem in _number_stems(token))


def _number_at(found: Sequence[Token], start: int, vocabulary: _Vocabulary) -> NumberMention | None:
    """The number whose writing begins at token `start`, if one does."""
    if is_digits(found[start].text):
        end = _digit_groups_end(found, start)
        readings = (
            digit_readings("".join(t.text for t in found[start:end]))
            if end > start + 1
            else digit_readings(found[start].text)
        )
        scale = 1.0
        while (
            end < len(found)
            and not found[end - 1].stop
            and (multiplier := _scale(found[end].text, vocabulary, bare=True))
        ):
            scale *= multiplier
            end += 1
        mention = NumberMention(frozenset(r * scale for r in readings), start, end, scale)
    else:
        in_words = _words_at(found, start, vocabulary)
        if in_words is None:
            return None
        mention = in_words
    rest = _rest_after_scale(found, mention.end, mention.scale, vocabulary)
    # After digits a smaller part joins: "42 ألفا و45" is 42045, "69 млн 250 тыс." 69,250,000.
    # After words, only a part with a scale word of its own: "مليون و767 ألفا" is 1,767,000,
    # while "في ألفا و976" (a place, then a figure) are two.
    if rest is None or (rest.scale == 1 and not is_digits(found[start].text)):
        return mention
    values = mention.values | {v + extra for v in mention.values for extra in rest.values}
    if mention.values == {2 * mention.scale} and found[start].text.endswith("ا"):
        # "مليونا و622 ألفا" is one million in the accusative, not the dual "two million"
        values |= {mention.scale + extra for extra in rest.values}
    return NumberMention(values, start, rest.end, mention.scale)


def _rest_after_scale(
    found: Sequence[Token], end: int, scale: float, vocabulary: _Vocabulary
) -> NumberMention | None:
    """The smaller number joined by "and" after a scale word, the 45 of "42 ألفا و45", or
    written after it with a smaller scale word of its own: the 250 тыс. of "69 млн 250 тыс."."""
    if scale <= 1 or end >= len(found) or found[end - 1].stop:
        return None
    joined = found[end].text in CONNECTORS
    if joined and end + 1 >= len(found):
        return None
    if not joined and not is_digits(found[end].text):
        return None
    rest = _number_at(found, end + 1 if joined else end, vocabulary)
    if rest is None or not all(v < scale for v in rest.values):
        return None
    if not joined and not 1 < rest.scale < scale:
        return None  # "2 million 500 people" are two numbers
    return rest


def _digit_groups_end(found: Sequence[Token], start: int) -> int:
    """Where digits grouped by spaces end: "4 000", "13 500 000" (the first group 1-3 digits)."""
    end = start + 1
    if not re.fullmatch(r"\d{1,3}", found[start].text):
        return end
    while (
        end < len(found)
        and _GROUP.fullmatch(found[end].text)
        and found[end].word == found[end - 1].word + 1
        and not found[end - 1].stop
    ):
        end += 1
    return end


#: With the article, Arabic "one" and "two" are the day names Sunday and Monday (وقع الأحد,
#: مساء الاثنين): a count of one or two is written واحد, اثنان, اثنين without it. Before عشر
#: they are "the eleven", "the twelve".
DAY_NAMES = ("الاحد", "الاثنين")
TEENS = frozenset({"عشر", "عشرة"})
#: With the article, Arabic "hundred" is the per cent of "52.18 في المئة", "بالمائة" (folded).
PER_CENT = ("الميه", "المايه")


#: "Half" before a scale word: "half a million", "نصف مليون" (Russian writes it as one word).
HALF_WORDS = frozenset({"half", "نصف"})
_ARTICLES = frozenset({"a", "an"})


def _half_at(found: Sequence[Token], start: int, vocabulary: _Vocabulary) -> NumberMention | None:
    """Half of the scale word after token `start`: "half a million" is 500,000."""
    at = start + 1
    if at < len(found) and found[at].text in _ARTICLES:
        at += 1
    if found[start].stop or at >= len(found) or found[at - 1].stop:
        return None
    scale = _scale(found[at].text, vocabulary, bare=True)
    if scale is None:
        return None
    return NumberMention(frozenset({scale / 2}), start, at + 1, scale)


def _words_at(found: Sequence[Token], start: int, vocabulary: _Vocabulary) -> NumberMention | None:
    """A number written in words from token `start`: "twenty-one", "ستة آلاف", "две тысячи"."""
    if found[start].text in HALF_WORDS:
        return _half_at(found, start, vocabulary)
    if found[start].text.endswith(PER_CENT):
        return None
    if found[start].text.endswith(DAY_NAMES) and not (
        start + 1 < len(found) and found[start + 1].text in TEENS
    ):
        return None
    total, current = 0.0, 0.0
    index = end = start
    while index < len(found) and not (index > start and found[index - 1].stop):
        word = _word_value(found, index, vocabulary)
        counted = total + current > 0
        # A multiplier with a proclitic (والفا) starts a number of its own instead.
        multiplier = _scale(found[index].text, vocabulary, bare=counted)
        # After a count, ألفا is "thousand" (عشرون ألفا); alone it is "two thousand" (ألفا جندي).
        if multiplier is not None and (word is None or counted):
            if total + current < multiplier:
                total, current = max(total + current, 1.0) * multiplier, 0.0
            else:
                total, current = total + max(current, 1.0) * multiplier, 0.0
            index = end = index + 1
        elif word is not None and _adds_to(current, word[0]):
            current += word[0]
            index = end = index + word[1]
        elif index == end > start and found[index].text in CONNECTORS:
            index += 1  # "and" joins two parts only when a part follows it
        else:
            break
    if end == start:
        return None
    scales = (_scale(token.text, vocabulary) for token in found[start:end])
    return NumberMention(
        frozenset({total + current}), start, end, max(filter(None, scales), default=1.0)
    )


def _adds_to(current: float, value: float) -> bool:
    """True when `value` fills places `current` leaves empty: 20 + 1, 100 + 20, and the
    units before the tens of Arabic and German (واحد وعشرون, ein und zwanzig)."""
    if current == 0:
        return True
    place = 1
    while int(current) % (place * 10) == 0:
        place *= 10
    return value < place or (current < 10 and value < 100 and value % 10 == 0)


def _word_value(
    found: Sequence[Token], start: int, vocabulary: _Vocabulary
) -> tuple[float, int] | None:
    """The value of the number word or phrase at `start`, and how many tokens it takes."""
    stems = _number_stems(found[start].text)
    most = max((vocabulary.longest.get(stem, 0) for stem in stems), default=0)
    for length in range(min(most, _MAX_PHRASE, len(found) - start), 1, -1):
        rest = tuple(t.text for t in found[start + 1 : start + length])
        for stem in stems:
            if (value := vocabulary.phrases.get((stem, *rest))) is not None:
                return value, length
    for stem in stems:
        if (word := vocabulary.words.get(stem)) is not None:
            return word, 1
    return None


def _scale(token: str, vocabulary: _Vocabulary, *, bare: bool = False) -> float | None:
    """The multiplier a scale word stands for; with `bare`, only when it has no proclitic."""
    for stem in (token,) if bare else _number_stems(token):
        if (multiplier := vocabulary.scales.get(stem)) is not None:
            return multiplier
    return None


@lru_cache(maxsize=65536)
def _number_stems(token: str) -> tuple[str, ...]:
    # Past the article (الست، والستة) any stem counts; past another proclitic only one of three
    # letters or more: لست is "I am not", not ل + ست.
    return tuple(
        stem
        for stem in arabic_stems(token)
        if stem == token or len(stem) >= 3 or token[: len(token) - len(stem)].endswith("ال")
    )


@lru_cache(maxsize=64)
def _vocabulary(languages: tuple[str, ...]) -> _Vocabulary:
    words: dict[str, float] = {}
    phrases: dict[tuple[str, ...], int] = {}
    scales: dict[str, float] = {}
    for language in languages:
        for value, key in _number_words(language):
            if len(key) == 1:
                words.setdefault(key[0], value)
            else:
                phrases.setdefault(key, value)
        for word, multiplier in SCALE_WORDS.get(language, {}).items():
            scales.setdefault(normalise(word), multiplier)
        for word, fraction in FRACTION_WORDS.get(language, {}).items():
            words.setdefault(normalise(word), fraction)
    for scale, multiplier in scales.items():
        if words.get(scale) == multiplier:
            del words[scale]  # "mil", "cent", "ألف" are multipliers, so that "ستة آلاف" is 6000
    longest: dict[str, int] = {}
    for phrase in phrases:
        longest[phrase[0]] = max(len(phrase), longest.get(phrase[0], 0))
    return _Vocabulary(
        words, phrases, scales, longest, frozenset({*words, *scales, *longest, *HALF_WORDS})
    )


@lru_cache(maxsize=16)
def number_words(language: str) -> dict[str, int]:
    """Every one-word number of `language` (folded) and its value: a table for rules on words."""
    return {key[0]: value for value, key in _number_words(language) if len(key) == 1}


@lru_cache(maxsize=16)
def _number_words(language: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each number's words in `language`, folded and split into tokens, with its value."""
    from num2words import num2words  # imported here: it is slow to import and rarely needed

    table: list[tuple[int, tuple[str, ...]]] = []
    try:
        spelled = [(n, num2words(n, lang=language)) for n in _GENERATED]
    except (NotImplementedError, OverflowError):
        spelled = []
    for value, text in spelled:
        key = _phrase_key(normalise(text))
        table.append((value, key))
        if len(key) == 1:
            table.extend((value, (form,)) for form in _word_forms(language, value, key[0]))
    table.extend(
        (value, (normalise(word),)) for word, value in EXTRA_NUMBER_WORDS.get(language, {}).items()
    )
    table.extend(_compound_ordinals(language))
    table.extend(_counting_adjectives(language))
    return tuple(table)


#: Arabic ordinal units (masculine, feminine) and tens, as compound ordinals write them:
#: "الحادية والأربعين", "الثالث والعشرون".
_AR_ORDINAL_UNITS = (
    ("الحادي", "الحادية"), ("الثاني", "الثانية"), ("الثالث", "الثالثة"), ("الرابع", "الرابعة"),
    ("الخامس", "الخامسة"), ("السادس", "السادسة"), ("السابع", "السابعة"), ("الثامن", "الثامنة"),
    ("التاسع", "التاسعة"),
)  # fmt: skip
_AR_TENS = ("العشر", "الثلاث", "الأربع", "الخمس", "الست", "السبع", "الثمان", "التسع")
#: The case endings of a Russian ordinal's last word: первый, первого, первой, первую …
_RU_ORDINAL_ENDINGS = ("ый", "ой", "ий", "ого", "ому", "ом", "ая", "ую", "ое", "ые", "ых", "ым")


def _compound_ordinals(language: str) -> list[tuple[int, tuple[str, ...]]]:
    """The ordinals of 20 to 99, which write a number a text means ("the forty-first summit",
    "the thirtieth member", "القمة الحادية والأربعين", "сорок первый саммит"); an ordinal
    below twenty ("first", "second", "tenth") ranks, it is no number. (An Arabic ordinal ten
    is its cardinal with the article, العشرين, and is read as that.)"""
    table: list[tuple[int, tuple[str, ...]]] = []
    compound = [n for n in range(20, 100) if n % 10 or language != "ar"]
    if language == "ar":
        for n in compound:
            tens = _AR_TENS[n // 10 - 2]
            for unit in _AR_ORDINAL_UNITS[n % 10 - 1]:
                for ending in ("ين", "ون"):
                    table.append((n, _phrase_key(normalise(f"{unit} و{tens}{ending}"))))
        return table
    from num2words import num2words

    for n in compound:
        try:
            key = _phrase_key(normalise(num2words(n, lang=language, to="ordinal")))
        except (NotImplementedError, OverflowError, TypeError):
            return []
        if len(key) < 2 and n % 10:
            continue
        table.append((n, key))
        if language == "ru":
            stem = next(
                (key[-1][: -len(e)] for e in ("ыи", "ои", "ии") if key[-1].endswith(e)), None
            )
            if stem is not None:
                table.extend(
                    (n, (*key[:-1], stem + normalise(ending))) for ending in _RU_ORDINAL_ENDINGS
                )
    return table


#: The first part of a Russian compound adjective of measure, and the number it counts:
#: "трёхдневный траур", "пятилетний срок", "десятиэтажный дом".
_RU_COUNTING_PREFIXES = {
    "одно": 1, "двух": 2, "трёх": 3, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12, "пятнадцати": 15,
    "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "ста": 100,
}  # fmt: skip
#: The measures such adjectives count, with the endings each takes.
_RU_HARD = ("ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми")
_RU_SOFT = ("ий", "его", "ему", "им", "ем", "яя", "юю", "ее", "ие", "их", "ими", "ей")
_RU_MEASURES = {
    "дневн": _RU_HARD, "недельн": _RU_HARD, "месячн": _RU_HARD, "годичн": _RU_HARD,
    "летн": _RU_SOFT, "часов": _RU_HARD, "минутн": _RU_HARD, "этажн": _RU_HARD,
    "кратн": _RU_HARD, "тысячн": _RU_HARD, "процентн": _RU_HARD,
}  # fmt: skip


def _counting_adjectives(language: str) -> list[tuple[int, tuple[str, ...]]]:
    """Compound adjectives that count a measure in one word, in Russian: "трёхдневный" is 3."""
    if language != "ru":
        return []
    return [
        (value, (normalise(prefix + measure + ending),))
        for prefix, value in _RU_COUNTING_PREFIXES.items()
        for measure, endings in _RU_MEASURES.items()
        for ending in endings
    ]


def _phrase_key(folded: str) -> tuple[str, ...]:
    """A phrase's tokens, with a lone Arabic و joined to the word after it, as texts write it."""
    key: list[str] = []
    joiner = ""
    for token in tokens(folded):
        if token.text == "و":
            joiner = "و"
            continue
        key.append(joiner + token.text)
        joiner = ""
    return tuple(key)


def _word_forms(language: str, value: int, word: str) -> list[str]:
    """Common other forms of a number word: ست for ستة, عشرين for عشرون, шести for шесть."""
    forms = []
    if language == "ar":
        if word.endswith("ه") and 3 <= value <= 10:
            forms.append(word[:-1])  # the count of a feminine noun: ست دول, سبع سنوات
        if word.endswith(("ون", "ان")):
            forms.append(word[:-2] + "ين")  # عشرين, ثلاثين, اثنين
        if "مايه" in word:
            forms.append(word.replace("مايه", "ميه"))  # ثلاثمئة beside ثلاثمائة, folded
    elif language == "ru" and word.endswith("ь"):
        forms.extend((word[:-1] + "и", word[:-1] + "ью"))  # шести, шестью; двадцати
    return forms
