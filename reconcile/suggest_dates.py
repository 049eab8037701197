"""Which date of a sentence a suggestion takes, beyond the nearest: a date after "until" last,
and a day and month without a year that would fall after the article of the year before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache

from reconcile.extract import Found
from reconcile.model import Property
from reconcile.normalise import normalise
from reconcile.wordforms import Token, tokens

#: Words before a date that make it the end of a span, not when its fact happened: "postponed
#: until 1 May", "отложены до 1 мая", "حتى الأول من أيار".
_UNTIL = frozenset(normalise(w) for w in ("until", "till", "до", "حتى", "لغاية"))

#: Words of a property that name the end of a span: its date may well follow "until".
_ENDS = frozenset(
    normalise(w)
    for w in (
        "end", "ends", "expiry", "expires", "deadline", "نهاية", "انتهاء", "تنتهي", "مهلة",
        "конец", "окончание", "истечение", "истечения", "срок",
    )
)  # fmt: skip


def until_last(prop: Property, found: Sequence[Token], options: list[Found]) -> list[Found]:
    """A date written after "until" after the sentence's other dates ("the visits were put off
    at the end of March 2020 until 1 May": March), for a property whose words name no end."""
    if names_an_end(prop):
        return options
    return sorted(options, key=lambda o: o.start > 0 and found[o.start - 1].text in _UNTIL)


@lru_cache(maxsize=1024)
def names_an_end(prop: Property) -> bool:
    """Whether the property's label, keywords or id name the end of a span (until, expiry)."""
    texts = (*prop.label.all(), *prop.keywords, prop.id.replace("_", " "))
    return any(t.text in _UNTIL | _ENDS for text in texts for t in tokens(normalise(text)))


def year_before(date: Found, published: str | None, known_years: Collection[int]) -> Found:
    """A day and month written without a year, which took the article's: of the latest year
    other sources give for the property that puts it on or before the day the article
    appeared (`published`), when they give years and not the article's, as an article mostly
    tells what has happened ("walked out of the scheme on 30 October", in March 2023:
    2022-10-30; "the blast at Unit 1 on 12 March", in August 2023, when the others say 2011:
    2011-03-12); both days of an interval ("بين 10 و12 ديسمبر الماضي"). A day in the weeks
    just before the article keeps its year: "yesterday, Friday 12 August" is this August's; and
    a day that would fall just after the article in its year is of the weeks before it, whatever
    the others say: "11 December", in an article of 2 January 2010, is 2009-12-11."""
    value = str(date.value)
    if not date.yearless or not published:
        return date
    year = int(value[:4])
    day = value[:10]
    if day > published[:10] and _days_before(f"{year - 1}{day[4:]}", published[:10]) in RECENT_DAYS:
        return _years_earlier(date, 1)  # "11 December", in an article of 2 January
    if not known_years:
        return date
    recent = _days_before(day, published[:10]) in RECENT_DAYS
    if (year in known_years or recent) and day <= published[:10]:
        return date
    fits = [y for y in known_years if y < year and f"{y}{value[4:10]}" <= published[:10]]
    if not fits:
        return date
    return _years_earlier(date, year - max(fits))


def _years_earlier(date: Found, shift: int) -> Found:
    """`date`, both ends of it when it is an interval, `shift` years earlier."""
    value = str(date.value)
    earlier = "/".join(f"{int(part[:4]) - shift}{part[4:]}" for part in value.split("/"))
    return replace(date, value=earlier, yearless=False)


#: How many days before its article a day written without a year is taken to be of the
#: article's year whatever other sources say: news tells the days just past so.
RECENT_DAYS = range(0, 32)


def _days_before(day: str, published: str) -> int:
    """How many days `day` is before `published` (both YYYY-MM-DD); -1 when either is not a
    day."""
    try:
        return (dt.date.fromisoformat(published) - dt.date.fromisoformat(day)).days
    except ValueError:
        return -1
