"""The dates a sentence writes: in digits, with month names, by reference to another date or
to the article's day, seasons and decades, each as EDTF with the tokens it spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reconcile.calendar_words import (
    DECADE_PARTS,
    ORDINAL_SUFFIXES,
    SEASONS,
    WEEKDAYS,
    month_part_before,
    month_table,
    month_year_by_word,
    relative_at,
    shifted,
    year_named_after,
)
from reconcile.extract import YEAR_WORDS, Found, ends_with, phrases
from reconcile.mentions import day_before, days_listed_before
from reconcile.normalise import normalise
from reconcile.number_words import DECADE_ENDINGS, DECADE_WORDS, number_words
from reconcile.numerals import RANGE_OPENERS
from reconcile.wordforms import Token, arabic_stems

__all__ = ["find_dates"]

_BETWEEN = phrases(*RANGE_OPENERS)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_MONTH = re.compile(r"0[1-9]|1[0-2]")


def _year(text: str) -> int | None:
    return int(text) if _YEAR.fullmatch(text) else None


def find_dates(
    found: Sequence[Token],
    languages: tuple[str, ...],
    year: int | None,
    before: str | None = None,
    published: str | None = None,
) -> list[Found]:
    """Every date written in the tokens: 2023-02-06, 6/2/2023, 15 May 1992, May 15, 1992,
    "السادس من شباط", "15 мая 1992 года", a bare year. A day and month without a year take
    `year` (the article's); a month alone is no date (English "may" is a verb too). Dates by
    reference count from the last date written before them in the sentence, else `before`
    (the text's last before it): "the following year", "two days later", "في العام التالي",
    "на следующий день"; or from `published`: "yesterday", "أمس", "вчера", "on Tuesday"."""
    dates: list[Found] = []
    taken: set[int] = set()
    for candidate in (
        *_digit_dates(found),
        *_named_dates(found, languages, year, published),
        *_season_dates(found),
        *_decade_dates(found),
    ):
        span = set(range(candidate.start, candidate.end))
        if not span & taken:
            dates.append(candidate)
            taken |= span
    for index, token in enumerate(found):
        value = _year(token.text)
        if value is not None and index not in taken:
            dates.append(Found(str(value), index, index + 1))
    dates.sort(key=lambda d: d.start)
    if dates or before is not None or published is not None:
        dates = _by_reference(found, dates, taken, languages, (before, published))
    return _joined(found, dates)


#: What opens an interval written as two dates ("from 1 December to 3 December", "من الجمعة 1
#: ديسمبر حتى الأحد 3 ديسمبر", "с 1 декабря по 3 декабря"), and what opens one whose ends "and"
#: links ("between 1 May and 3 June", "بين 1 مايو و3 يونيو"); its ends are linked as the days
#: of an interval in one month are (`_DATE_LINKS`).
_FROM = phrases(*RANGE_OPENERS, "с", "со")
_BETWEEN_ONLY = phrases("between", "بين", "ما بين", "между")
_DAY_NAME_OPENERS = frozenset({"on", "يوم", "в", "во"})


def _joined(found: Sequence[Token], dates: list[Found]) -> list[Found]:
    """`dates`, where two of one precision are the ends of an interval, as that interval; a
    first end written without a year takes the year of the last ("from 28 December to 3
    January 2024": 2023-12-28/2024-01-03)."""
    joined: list[Found] = []
    for date in dates:
        first = joined[-1] if joined else None
        value = _interval(found, first, date) if first is not None else None
        if first is not None and value is not None:
            ends = (replace(first, value=value.split("/")[0]), date)
            joined[-1] = Found(value, first.start, date.end, yearless=date.yearless, ends=ends)
        else:
            joined.append(date)
    return joined


def _interval(found: Sequence[Token], first: Found, last: Found) -> str | None:
    """The interval from `first` to `last` when the sentence writes them as its ends."""
    start, end = str(first.value), str(last.value)
    if "/" in start + end or len(start) != len(end) or len(start) < 7:
        return None  # intervals, seasons, years (1992 to 1995 may be numbers)
    opener = _before_day_name(found, first.start)
    link = first.end
    if link >= last.start or _before_day_name(found, last.start) != link + 1:
        return None
    if not ends_with(found, opener, _FROM):
        return None
    joins = _DAY_LIST_LINKS if ends_with(found, opener, _BETWEEN_ONLY) else _DATE_LINKS
    if found[link].text not in joins:
        return None
    if first.yearless and not last.yearless:
        start = f"{end[:4]}{start[4:]}"
        if start > end:
            start = f"{int(end[:4]) - 1}{start[4:]}"
    return f"{start}/{end}" if start < end else None


def _before_day_name(found: Sequence[Token], at: int) -> int:
    """Where a date at token `at` starts with the name of its day before it: "(on) Friday 1
    December", "(يوم) الجمعة 1 ديسمبر", "в пятницу 1 декабря"."""
    if at > 0 and _weekday(found[at - 1]):
        at -= 1
        if at > 0 and found[at - 1].text in _DAY_NAME_OPENERS:
            at -= 1
    return at


def _weekday(token: Token) -> bool:
    return any(stem in WEEKDAYS for stem in arabic_stems(token.text))


def _by_reference(
    found: Sequence[Token],
    dates: list[Found],
    taken: set[int],
    languages: tuple[str, ...],
    anchors: tuple[str | None, str | None],
) -> list[Found]:
    """`dates` with the dates named by reference among the tokens not `taken`, but for one
    written just before a date, which names that date's day."""
    words = number_words(languages)

    def count(text: str) -> int | None:
        return int(text) if text.isdigit() and len(text) <= 3 else words.get(text)

    written = {d.start for d in dates}
    index = 0
    while index < len(found):
        hit = None if index in taken else relative_at(found, index, count)
        if hit is None:
            index += 1
            continue
        unit, offset, anchor, end = hit
        earlier = [d for d in dates if d.end <= index]
        base = str(earlier[-1].value) if earlier else anchors[0]
        value = shifted(base if anchor == "before" else anchors[1], unit, offset)
        # "on Tuesday, 8 September", "the next day, on 8 September": the written date is the day
        if value is not None and not written & {end, end + 1}:
            dates.append(Found(value, index, end))
        index = end
    return sorted(dates, key=lambda d: d.start)


def _digit_dates(found: Sequence[Token]) -> Iterable[Found]:
    for index, token in enumerate(found):
        parts = token.text.split(".") if token.text.count(".") == 2 else None
        if parts and len(parts[2]) == 4:
            date = _ymd(parts[2], parts[1], parts[0])
            if date:
                yield Found(date, index, index + 1)
            continue
        group = found[index : index + 3]
        if len(group) < 3 or len({t.word for t in group}) != 1:
            continue
        texts = [t.text for t in group]
        if not all(t.isdigit() for t in texts):
            continue
        date = _ymd(*texts) if len(texts[0]) == 4 else _ymd(texts[2], texts[1], texts[0])
        if date:
            yield Found(date, index, index + 3)

    for index, token in enumerate(found[:-1]):  # 1993-04
        after = found[index + 1]
        if after.word != token.word or not _MONTH.fullmatch(after.text) or not _year(token.text):
            continue
        if index + 2 >= len(found) or found[index + 2].word != token.word:
            yield Found(f"{token.text}-{after.text}", index, index + 2)


def _ymd(year: str, month: str, day: str) -> str | None:
    if _year(year) is None or not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _named_dates(
    found: Sequence[Token],
    languages: tuple[str, ...],
    default_year: int | None,
    published: str | None = None,
) -> Iterable[Found]:
    months = month_table(languages)
    index = 0
    while index < len(found):
        named = months.at(found, index)
        if named is None:
            index += 1
            continue
        month, end = named
        while end < len(found) and found[end - 1].stop and (also := months.at(found, end)):
            end = also[1]  # أيار/مايو
        before = day_before(found, index, languages)
        day, start = before if before is not None else (None, index)
        after = found[end].text if end < len(found) else ""
        if day is None and after.isdigit() and len(after) <= 2 and 1 <= int(after) <= 31:
            day, end = int(after), end + 1  # May 15
            if end < len(found) and found[end].text in ORDINAL_SUFFIXES:
                end += 1  # May 15th
        year, end = _year_after(found, end)
        counted = None
        if year is None and published is not None:
            counted = year_named_after(found, end, published, _count_of_days)
        if counted is not None:
            year, end = counted  # "в мае текущего года", "in July last year"
        placed = None  # the year "last June", "مارس المقبل" give from the article's day
        if counted is None and year is None and published is not None:
            placed = year = month_year_by_word(found, index, end, month, published)
        yearless = year is None
        if year is None and day is not None:
            year = default_year
        if year is not None and (day is not None or end > named[1] or placed is not None):
            text = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
            first = _first_day(found, start, day, languages) if before is not None else None
            if first is not None:  # "10 to 11 September": an interval
                text = f"{year}-{month:02d}-{first[1]:02d}/{text}"
                start = first[0]
            yield Found(text, start, end, yearless=yearless)
        index = max(end, index + 1)


def _count_of_days(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 3 else None


def _season_dates(found: Sequence[Token]) -> Iterable[Found]:
    """A season and its year, as EDTF writes it (2019-22 is summer 2019): "summer 2019", "the
    summer of 2019", "صيف 2019", "في خريف عام 2028", "летом 2019 года"."""
    for index, token in enumerate(found):
        season = next((SEASONS[s] for s in arabic_stems(token.text) if s in SEASONS), None)
        if season is None:
            continue
        year, end = _year_after(found, index + 1)
        if year is not None:
            yield Found(f"{year}-{season}", index, end)


#: The words after a decade named in words that put it in the twentieth century: "سبعينيات
#: القرن الماضي", "семидесятые годы прошлого века", "the seventies of the last century".
_LAST_CENTURY = (
    tuple(normalise(w) for w in ("القرن", "الماضي")),
    tuple(normalise(w) for w in ("القرن", "العشرين")),
    ("прошлого", "века"),
    ("годы", "прошлого", "века"),
    ("of", "the", "last", "century"),
    ("of", "the", "20th", "century"),
)


def _decade_dates(found: Sequence[Token]) -> Iterable[Found]:
    """A decade as EDTF writes it (197X): "the 1970s", "в 1970-е", and a decade in words with
    its century ("سبعينيات القرن الماضي", "семидесятые годы прошлого века"); a part of one
    as its third ("the early 2030s" 2030/2033, "в конце 1970-х" 1977/1979, "أواخر سبعينيات
    القرن الماضي" 1977/1979)."""
    for at, token in enumerate(found):
        after = found[at + 1] if at + 1 < len(found) else None
        year = _year(token.text)
        if year is not None and year % 10 == 0 and after is not None:
            if after.word == token.word and after.text in DECADE_ENDINGS:
                yield Found(_decade(found, at, year), at, at + 2)
            continue
        tens = next((DECADE_WORDS[s] for s in arabic_stems(token.text) if s in DECADE_WORDS), None)
        if tens is None:
            continue
        for words in _LAST_CENTURY:
            if tuple(t.text for t in found[at + 1 : at + 1 + len(words)]) == words:
                yield Found(_decade(found, at, 1900 + tens), at, at + 1 + len(words))
                break


def _decade(found: Sequence[Token], at: int, year: int) -> str:
    """The decade from `year` named at token `at`, or the part of it a word before names."""
    part = DECADE_PARTS.get(month_part_before(found, at) or (0, 0))
    return f"{year + part[0]}/{year + part[1]}" if part else f"{year // 10}X"


#: Words between the first and the last day of an interval in one month: "10 to 11
#: September", "من 10 إلى 11 سبتمبر", "с 10 по 11 сентября" ("and" joins two days, not an
#: interval); a night across two days is "ليلة العاشر على الحادي عشر", "в ночь с 10 на 11".
_INTERVAL_LINKS = frozenset(
    normalise(w)
    for w in ("to", "until", "till", "through", "-", "إلى", "حتى", "على", "по", "до", "на")
)
#: Those that link two whole dates, but the night's: "с 1 декабря на 3 декабря" is a move.
_DATE_LINKS = _INTERVAL_LINKS - {normalise(w) for w in ("-", "على", "на")}


def _first_day(
    found: Sequence[Token], start: int, last: int | None, languages: tuple[str, ...]
) -> tuple[int, int] | None:
    """Where the first day of an interval ending on day `last` at token `start` is written,
    and that day: the 10 of "10 to 11 September" and of "10-11 September", the العاشر of
    "العاشر إلى الحادي عشر", the 1 of "1, 2 and 3 December" (three or more days in a row; days
    out of a row are a list)."""
    if last is None or start < 1:
        return None
    listed = days_listed_before(found, start, languages)
    if not listed:
        return None
    link = found[start - 1].text
    between = start >= 3 and (found[start - 3].text,) in _BETWEEN
    hyphenated = listed[0][1] == start - 1 and found[start - 1].word == found[start].word
    if hyphenated or link in _INTERVAL_LINKS or (between and link in _DAY_LIST_LINKS):
        day, at = listed[0]
        return (at, day) if day < last else None
    first = (start, last)
    for day, at in listed:
        if day != first[1] - 1:
            break
        first = (at, day)
    return first if last - first[1] >= 2 else None


#: Two days after "between" ("بين 10 و12") are an interval.
_DAY_LIST_LINKS = frozenset(normalise(w) for w in ("and", "و", "и"))


def _year_after(found: Sequence[Token], end: int) -> tuple[int | None, int]:
    at = end
    while at < len(found) and at - end < 2 and found[at].text in YEAR_WORDS | {"من"}:
        at += 1
    if at < len(found) and (year := _year(found[at].text)) is not None:
        at += 1
        if at < len(found) and found[at].text in YEAR_WORDS:
            at += 1
        return year, at
    return None, end
