"""Does a claim's quote carry its value? Dates and numbers as quotes write them (SPEC §4).

Every function takes the quote as written or already folded (folding twice changes nothing) and
answers with a `Mention`, true when the value is mentioned and otherwise naming what is missing,
so that the caller can say "the quote does not mention 1993". Entities are read in
reconcile.name_mentions, with the same `Mention`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.calendar_words import (
    DAY_MONTH_LINKS,
    DAY_RANGE_LINKS,
    DECADE_PARTS,
    ENGLISH_MONTHS,
    LATER_WORDS,
    NEXT_YEAR_WORDS,
    ORDINAL_SUFFIXES,
    YEAR_WORDS,
    month_part_before,
    month_table,
    month_year_by_word,
    ordinal_table,
    relative_at,
    shifted,
    year_named_after,
)
from reconcile.normalise import normalise
from reconcile.numerals import decades, language_key, read_numbers, same_number
from reconcile.units import Unit, in_unit, quantities
from reconcile.wordforms import Token, arabic_stems, tokens

_DIGIT_DATE = re.compile(r"(?<![\d.,])(\d{1,4})([./-])(\d{1,2})(?:\2(\d{1,4}))?(?!\d)")


@dataclass(frozen=True, slots=True)
class Mention:
    """Whether a quote mentions a value: true when it does; otherwise `missing` says what it
    lacks, each as a reader would write it ("1993", "15 May", "4000", "Belarus")."""

    missing: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return not self.missing

    @property
    def message(self) -> str:
        """The warning's words: "the quote does not mention 1993 or 15 May"."""
        if not self.missing:
            return ""
        *first, last = self.missing
        return "the quote does not mention " + (f"{', '.join(first)} or " if first else "") + last


def mentions_date(
    quote: str,
    year: int | None,
    month: int | None,
    day: int | None,
    languages: Collection[str],
    published: str | None = None,
) -> Mention:
    """A date is mentioned by its year, or by its day and month where the value gives both;
    with the day the article appeared (`published`, EDTF), also as the article dates it: "on
    Sunday", "yesterday", "this year", or its month alone in the year the month last came."""
    folded = normalise(quote)
    key = language_key(languages)
    if year is not None and (mentions_year(folded, year) or year in relative_years(folded, key)):
        return Mention()
    if (
        month is not None
        and day is not None
        and mentions_day_and_month(folded, day, month, languages)
    ):
        return Mention()
    if published is not None and (year, month, day) in _dated_by_article(folded, key, published):
        return Mention()
    if year and month and day and _counted_from_a_day(folded, (year, month, day), languages):
        return Mention()
    missing = [] if year is None else [str(year)]
    if month is not None and day is not None:
        missing.append(f"{day} {ENGLISH_MONTHS[month - 1]}")
    return Mention(tuple(missing))


def _counted_from_a_day(folded: str, ymd: tuple[int, int, int], languages: Collection[str]) -> bool:
    """Whether the quote gives the day counting from another day it names before: "on 28
    October … and the next day" for 29 October, "في 28 أكتوبر … وفي اليوم التالي", "30
    октября … накануне" for 29 October."""
    try:
        day = datetime.date(*ymd)
    except ValueError:
        return False
    found = tokens(folded)
    for index in range(1, len(found)):
        reference = relative_at(found, index, _digit_count)
        if reference is None or reference[0] != "day" or reference[2] != "before":
            continue
        try:
            named = day - datetime.timedelta(days=reference[1])
        except OverflowError:
            continue
        before = " ".join(t.text for t in found[:index])
        if mentions_day_and_month(before, named.day, named.month, languages):
            return True
    return False


def mentions_part_of_month(
    quote: str,
    year: int,
    month: int,
    days: tuple[int, int],
    languages: Collection[str],
    published: str | None = None,
) -> bool:
    """Whether the quote names the days `days` of a month as a part of it: "late May 2023" or,
    in an article of December 2023, "أواخر مايو" for 2023-05-21/2023-05-31."""
    folded = normalise(quote)
    key = language_key(languages)
    found = tokens(folded)
    months = month_table(key)
    last_day = calendar.monthrange(year, month)[1]
    for index in range(len(found)):
        named = months.at(found, index)
        if named is None or named[0] != month:
            continue
        part = month_part_before(found, index)
        if part is None or (part[0], min(part[1], last_day)) != days:
            continue
        if mentions_year(folded, year) or (
            published is not None
            and (year, month, None) in _dated_by_article(folded, key, published)
        ):
            return True
    return False


def mentions_part_of_decade(quote: str, first: int, last: int) -> bool:
    """Whether the quote names the years `first` to `last` as a decade written in digits or a
    part of one: "the 2030s", "в 2030-е" for 2030 to 2039; "the early 2030s", "в начале
    2030-х" for 2030 to 2033."""
    decade = first - first % 10
    folded = normalise(quote)
    if last - last % 10 != decade or decade not in decades(folded):
        return False
    found = tokens(folded)
    for at, token in enumerate(found):
        if token.text == str(decade):
            part = month_part_before(found, at)
            if (DECADE_PARTS.get(part) if part else (0, 9)) == (first - decade, last - decade):
                return True
    return False


def _dated_by_article(
    folded: str, languages: tuple[str, ...], published: str
) -> set[tuple[int | None, int | None, int | None]]:
    """The dates, as (year, month, day) at each precision, that the text gives counting from
    the day its article appeared: a weekday (the last one on or before that day, or the next
    after it: "the oxygen would run out on Thursday"), "yesterday",
    "last year", and a month named without a year (the last such month up to that day)."""
    found = tokens(folded)
    dates: set[tuple[int | None, int | None, int | None]] = set()
    months = month_table(languages)
    appeared = re.match(r"(\d{4})-(\d{2})", published)
    for index in range(len(found)):
        reference = relative_at(found, index, _digit_count)
        if reference is not None and reference[2] == "published":
            date = shifted(published, reference[0], reference[1])
            if date is not None and reference[0] == "year":
                dates.add((int(date), None, None))
            elif date is not None:
                days = [date]
                if reference[0] == "weekday":
                    days.append(shifted(date, "day", 7) or date)
                for day in days:
                    y, m, d = (int(part) for part in day.split("-"))
                    dates.update({(y, None, None), (y, m, None), (y, m, d)})
        named = months.at(found, index)
        if named is not None and appeared is not None:
            year = month_year_by_word(found, index, named[1], named[0], published)
            if year is None:
                year = _year_by_article_after(found, named[1], published)
            if year is None:
                appeared_year, appeared_month = int(appeared[1]), int(appeared[2])
                year = appeared_year if named[0] <= appeared_month else appeared_year - 1
            dates.update({(year, None, None), (year, named[0], None)})
    return dates


def _year_by_article_after(found: Sequence[Token], at: int, published: str) -> int | None:
    named = year_named_after(found, at, published, _digit_count)
    return named[0] if named is not None else None


def _digit_count(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def mentions_year(folded: str, year: int) -> bool:
    """True when the year stands in the text in digits, not inside another number (1,992)."""
    digits = re.escape(str(year))
    return re.search(rf"(?<!\d)(?<!\d,){digits}(?!\d)(?![.,]\d)", folded) is not None


@lru_cache(maxsize=4096)
def relative_years(folded: str, languages: tuple[str, ...]) -> frozenset[int]:
    """The years the text gives by counting on from a year it names before: "in 1992 … the
    following year" is 1993, "في عام 1994 … بعد خمس سنوات" is 1999, "через два года" two on."""
    found = tokens(folded)
    counts = {mention.end: mention for mention in read_numbers(folded, languages)}
    years: set[int] = set()
    for index, token in enumerate(found):
        unit = _year_word(token.text)
        if unit is None:
            continue
        count = counts.get(index)
        start = count.start if count is not None else index
        around = {_plain(found, start - 1), _plain(found, index + 1)}
        if count is None and around & NEXT_YEAR_WORDS:
            offset = 1
        elif around & LATER_WORDS:
            offset = _whole(count.values) if count is not None else unit
        else:
            continue
        anchor = _year_before(found, start)
        if anchor is not None and offset:
            years.add(anchor + offset)
    return frozenset(years)


def _year_word(text: str) -> int | None:
    for stem in arabic_stems(text):
        if stem in YEAR_WORDS:
            return YEAR_WORDS[stem]
    return None


def _plain(found: Sequence[Token], index: int) -> str:
    """The token at `index` without an Arabic conjunction (وبعد is بعد); "" outside the text."""
    if not 0 <= index < len(found):
        return ""
    text = found[index].text
    return text[1:] if len(text) > 3 and text[0] in "وف" else text


def _whole(values: frozenset[float]) -> int:
    whole = [int(v) for v in values if float(v).is_integer() and 0 < v < 1000]
    return min(whole) if whole else 0


def _year_before(found: Sequence[Token], end: int) -> int | None:
    """The last year written in digits before token `end`."""
    for token in reversed(found[:end]):
        if re.fullmatch(r"[12]\d{3}", token.text):
            return int(token.text)
    return None


def mentions_day_and_month(folded: str, day: int, month: int, languages: Collection[str]) -> bool:
    """True when the text gives the day and month in digits (15/5/1992, 1992-05-15, 5/15) or
    with a month name and a day in digits or ordinal words (15 May, June 28, السادس من شباط),
    or a day of "the same month" after the month's name ("21 مارس … حتى 29 من الشهر نفسه")."""
    return _digit_day_and_month(folded, day, month) or _named_day_and_month(
        tokens(folded), day, month, language_key(languages)
    )


def _digit_day_and_month(folded: str, day: int, month: int) -> bool:
    for match in _DIGIT_DATE.finditer(folded):
        first, second, third = int(match[1]), int(match[3]), match[4]
        if (first, second) in ((day, month), (month, day)):
            return True
        if third is not None and len(match[1]) == 4 and (second, int(third)) == (month, day):
            return True
    return False


#: Words that name again the month a text named last: "حتى 29 من الشهر نفسه", "the 29th of
#: the same month", "29-го того же месяца".
_SAME_MONTH = tuple(
    tuple(token.text for token in tokens(normalise(words)))
    for words in (
        "الشهر نفسه", "الشهر ذاته", "نفس الشهر", "ذات الشهر", "الشهر عينه",
        "the same month", "that same month", "того же месяца",
    )
)  # fmt: skip


def _same_month_at(found: Sequence[Token], index: int) -> bool:
    texts = tuple(token.text for token in found[index : index + 3])
    return any(texts[: len(words)] == words for words in _SAME_MONTH)


def _named_day_and_month(
    found: Sequence[Token], day: int, month: int, languages: tuple[str, ...]
) -> bool:
    months = month_table(languages)
    last_named: int | None = None  # the month named last before the token at hand
    for index in range(len(found)):
        if last_named == month and _same_month_at(found, index):
            before = day_before(found, index, languages)
            if before is not None and before[0] == day:
                return True
        named = months.at(found, index)
        if named is not None:
            last_named = named[0]
        if named is None or named[0] != month:
            continue
        before = day_before(found, index, languages)
        if before is not None and (
            day in (before[0], _night_before(found, before))
            or any(day == listed for listed, _ in days_listed_before(found, before[1], languages))
        ):
            return True
        after = named[1]
        while after < len(found) and found[after].text in DAY_MONTH_LINKS:
            after += 1
        if day in _days_listed_after(found, after, languages):
            return True
    return False


def _days_listed_after(found: Sequence[Token], at: int, languages: tuple[str, ...]) -> list[int]:
    """The day written from token `at` after a month name and the days a range or list goes
    on to: "June 28", "between July 8 and 11", "July 8-11", "July 8, 9 and 10" (a list by
    commas only when "and" ends it: "on May 5, 12 people died" names the 5th alone)."""
    first = _day_at(found, at, languages)
    if first is None:
        return []
    days, joins = [first], []
    while at + 1 < len(found):
        if found[at + 1].text in ORDINAL_SUFFIXES and found[at + 1].word == found[at].word:
            at += 1  # 8th
            continue
        if found[at + 1].word == found[at].word:
            join, step = "word", 1  # 8-11, one word
        elif found[at + 1].text in DAY_RANGE_LINKS:
            join, step = "link", 2
        elif found[at].stop:
            join, step = "comma", 1
        else:
            break
        day = _day_at(found, at + step, languages, end=at + step + 1)
        if day is None:
            break
        days.append(day)
        joins.append(join)
        at += step
    while joins and joins[-1] == "comma":
        joins.pop()
        days.pop()
    return days


def day_before(
    found: Sequence[Token], month_at: int, languages: tuple[str, ...]
) -> tuple[int, int] | None:
    """The day written just before a month name ("15 May", "6th of May", "السادس من شباط"),
    and the token it starts at."""
    end = month_at
    while end > 0 and found[end - 1].text in DAY_MONTH_LINKS and month_at - end < 2:
        end -= 1
    for start in range(max(0, end - 4), end):
        day = _day_at(found, start, languages, end=end)
        if day is not None:
            return day, start
    return None


#: "The night to" a day, which begins the evening before it: "(в) ночь на 6 апреля".
_NIGHT_TO = ("ночь", "на")


def _night_before(found: Sequence[Token], day: tuple[int, int]) -> int | None:
    """The day before the day written after "в ночь на" (the night of the 5th to the 6th),
    when it is in the same month."""
    value, at = day
    words = tuple(token.text for token in found[max(0, at - 2) : at])
    return value - 1 if value > 1 and words == _NIGHT_TO else None


def days_listed_before(
    found: Sequence[Token], day_at: int, languages: tuple[str, ...]
) -> list[tuple[int, int]]:
    """The days written before the day at token `day_at` in one range or list of days of a
    month, nearest first, each with the token it starts at: "10-11 September", "from 10 to 11
    September", "ليلة العاشر على الحادي عشر من أيلول", and "1, 2 and 3 December", "أيام 1 و2 و3
    ديسمبر" (a range's first day, a list's every one)."""
    days: list[tuple[int, int]] = []
    while True:
        end = day_at
        if end > 0 and found[end - 1].text in DAY_RANGE_LINKS:
            end -= 1
        elif not (end > 0 and (found[end - 1].word == found[day_at].word or found[end - 1].stop)):
            return days  # neither a link, 10-11 written as one word, nor a comma
        for start in range(max(0, end - 4), end):
            day = _day_at(found, start, languages, end=end)
            if day is not None:
                days.append((day, start))
                day_at = start
                break
        else:
            return days


def _day_at(
    found: Sequence[Token], start: int, languages: tuple[str, ...], end: int | None = None
) -> int | None:
    """The day written from token `start` (and ending at `end` when given): 15, 15th, sixth."""
    if start >= len(found):
        return None
    text = found[start].text
    if text.isdigit() and 1 <= int(text) <= 31:
        stop = start + 1
        if stop < len(found) and found[stop].text in ORDINAL_SUFFIXES and end != stop:
            stop += 1
        return int(text) if end is None or stop == end else None
    ordinal = ordinal_table(languages).at(found, start)
    if ordinal is not None and (end is None or ordinal[1] == end):
        return ordinal[0]
    return None


def mentions_number(
    quote: str,
    low: float | None,
    high: float | None,
    languages: Collection[str],
    unit: Unit | None = None,
) -> Mention:
    """A number is mentioned in any usual writing; a range when both its bounds are (a single
    number is `low == high`; an open bound is None). A number of a `unit` of time is also
    mentioned as a length in another unit it converts to exactly ("an hour and 45 minutes"
    for 105 minutes, "полгода" for 6 months)."""
    folded = normalise(quote)
    mentions = read_numbers(folded, languages)
    bounds = dict.fromkeys(bound for bound in (low, high) if bound is not None)
    missing = [bound for bound in bounds if not any(m.means(bound) for m in mentions)]
    if missing and unit is not None:
        figures = [(v, m.start, m.end) for m in mentions for v in m.values]
        lengths = [in_unit(d, unit) for d in quantities(tokens(folded), figures)]
        missing = [
            b for b in missing if not any(n is not None and same_number(b, n) for n in lengths)
        ]
    if missing and any(float(bound).is_integer() and 1 <= bound <= 31 for bound in missing):
        ordinals = _ordinals_in(folded, language_key(languages))
        missing = [bound for bound in missing if bound not in ordinals]
    if missing and low is not None and high == low + 9 and low in decades(folded):
        missing = []  # "in his 20s" for 20 to 29
    if missing:
        counted = {_TIMES[s] for t in tokens(folded) for s in arabic_stems(t.text) if s in _TIMES}
        missing = [bound for bound in missing if bound not in counted]
    return Mention(tuple(_written(bound) for bound in missing))


#: Words that say how many times something happened: "twice postponed" mentions 2.
_TIMES = {
    normalise(word): times
    for word, times in {
        "twice": 2, "thrice": 3, "مرتين": 2, "مرتان": 2, "дважды": 2, "трижды": 3,
        "четырежды": 4,
    }.items()
}  # fmt: skip


def _ordinals_in(folded: str, languages: tuple[str, ...]) -> set[int]:
    """The numbers of the ordinal words of a folded quote up to 31: "the fourth floor" and
    "fourth-floor" mention 4, "الجلسة الحادية عشرة" 11, "на четвёртом этаже" 4. (Suggestions
    read no number from them: an ordinal ranks more often than it counts.)"""
    found = tokens(folded)
    table = ordinal_table(languages)
    return {hit[0] for at in range(len(found)) if (hit := table.at(found, at)) is not None}


def _written(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
