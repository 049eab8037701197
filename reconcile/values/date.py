"""Dates: EDTF dates and intervals, compared by the days they cover.

A span is in days (proleptic ordinals, the first of January of the year 1 being day 1); a day
covers its 86,400 seconds, from `d` to `d + LAST_SECOND`, so that a time of day (EDTF's
`2021-11-25T14:00:00`, at `d + 14/24`) falls within its day. A time with an offset (`Z`,
`+07:00`) is taken in UTC; one without, as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reconcile.problems import Place
from reconcile.values import (
    Describer,
    InvalidValue,
    PropertyType,
    ReadContext,
    Relation,
    Rule,
    SentenceLook,
    Span,
    Value,
    ViewT,
)

if TYPE_CHECKING:
    from reconcile.model import Property


@dataclass(frozen=True, slots=True)
class DateValue:
    """An EDTF date or interval and the days it covers."""

    edtf: str
    span: Span

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, DateValue)
        return self.span.relate(other.span)

    def canonical(self) -> str:
        return self.edtf


def parse_date(raw: object) -> DateValue:
    """Read an EDTF string, a YAML date or a bare year as a DateValue."""
    if isinstance(raw, bool) or raw is None:
        raise InvalidValue(f"expected an EDTF date such as 1992 or 1992-05-15, got {raw!r}")
    if isinstance(raw, dt.datetime):  # a YAML timestamp
        text = raw.isoformat(timespec="seconds").replace("+00:00", "Z")
    elif isinstance(raw, dt.date):
        text = raw.isoformat()
    elif isinstance(raw, int):
        text = f"{raw:04d}" if raw >= 0 else str(raw)
    elif isinstance(raw, str):
        text = raw.strip()
    else:
        raise InvalidValue(f"expected an EDTF date such as 1992 or 1992-05-15, got {raw!r}")
    return DateValue(text, date_span(text))


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATE_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?")
_NO_SECONDS = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})")
#: Where a day's span ends: its last second.
LAST_SECOND = 86399 / 86400
#: Dates an EDTF set ([1990, 1992..1994] or {…}) may list: each one costs the EDTF parser time.
MAX_SET_DATES = 1000


@lru_cache(maxsize=16384)
def date_span(text: str) -> Span:
    """The days an EDTF expression covers, fuzzy bounds included (`1992~` is 1991–1993)."""
    plain = _PLAIN_DATE.fullmatch(text)
    if plain:  # the common case, computed directly: the EDTF parser takes milliseconds a date
        year, month, day = plain.groups()
        try:
            return _plain_span(int(year), _int_or_none(month), _int_or_none(day))
        except ValueError:
            _no_such_day(int(year), _int_or_none(month), _int_or_none(day))
            # else let the parser explain what is wrong
    if _DATE_TIME.fullmatch(text):
        return _time_span(text)
    if text.startswith(("[", "{")) and text.endswith(("]", "}")):
        return _set_span(text)
    from edtf import parse_edtf  # 50 ms of import: only for dates beyond YYYY[-MM[-DD]]

    try:
        parsed = parse_edtf(text)
        low, high = parsed.lower_fuzzy(), parsed.upper_fuzzy()
    except Exception as exc:  # the edtf library raises several unrelated types
        raise _not_edtf(text) from exc
    span = Span(_ordinal(low, -math.inf), _ordinal(high, math.inf) + LAST_SECOND)
    if span.low > span.high:
        raise InvalidValue(f"the interval {text!r} ends before it starts; write it earliest first")
    return span


def _time_span(text: str) -> Span:
    """The instant a date and time of day name (to the second, as EDTF writes them)."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise _not_edtf(text) from exc
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    at = moment.toordinal() + seconds / 86400
    return Span(at, at)


def _not_edtf(text: str) -> InvalidValue:
    shown = repr(text) if len(text) <= 60 else repr(text[:60]) + "…"
    if time := _NO_SECONDS.match(text):
        return InvalidValue(
            f"{shown} is not an EDTF date: a time of day is written with its seconds, "
            f"{time[1]}T{time[2]}:00"
        )
    return InvalidValue(
        f"{shown} is not an EDTF date; write e.g. 1992, 1992-05, 1992-05-15, 199X, "
        "1992~ or 1990/1993"
    )


def _set_span(text: str) -> Span:
    """The days an EDTF set covers, from its first to its last date, each read on its own."""
    if (text[0], text[-1]) not in (("[", "]"), ("{", "}")):
        raise _not_edtf(text)
    elements = [element.strip() for element in text[1:-1].split(",")]
    if len(elements) > MAX_SET_DATES:
        raise InvalidValue(
            f"a set of {len(elements):,} dates is more than the {MAX_SET_DATES:,} a set may list; "
            "write the interval they span (1990/1999)"
        )
    low, high = math.inf, -math.inf
    for element in elements:
        start, dots, end = element.partition("..")
        if not element or any(c in element for c in "[]{}") or (dots and not start and not end):
            raise _not_edtf(text)
        bounds = (start, end) if dots else (element, element)
        low = min(low, date_span(bounds[0]).low if bounds[0] else -math.inf)
        high = max(high, date_span(bounds[1]).high if bounds[1] else math.inf)
    return Span(low, high)


def _no_such_day(year: int, month: int | None, day: int | None) -> None:
    """Raise for a day its month does not have (2023-02-29), which the EDTF parser accepts."""
    if year and month and 1 <= month <= 12 and day and 1 <= day <= 31:
        days = calendar.monthrange(year, month)[1]
        if day > days:
            name = calendar.month_name[month]
            raise InvalidValue(
                f"{year:04d}-{month:02d}-{day:02d} is not a day: {name} {year} has {days} days"
            )


def _int_or_none(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _plain_span(year: int, month: int | None, day: int | None) -> Span:
    if month is not None and day is not None:
        low = high = dt.date(year, month, day)
    elif month is not None:
        low = dt.date(year, month, 1)
        high = dt.date(year, month, calendar.monthrange(year, month)[1])
    else:
        low, high = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Span(float(low.toordinal()), high.toordinal() + LAST_SECOND)


def _ordinal(bound: object, infinite: float) -> float:
    if isinstance(bound, float):  # open interval ends come back as ±inf
        return infinite
    try:
        return float(dt.date(bound.tm_year, bound.tm_mon, bound.tm_mday).toordinal())  # type: ignore[attr-defined]
    except (ValueError, OverflowError) as exc:
        raise InvalidValue("dates must fall between the years 1 and 9999") from exc


#: The JSON Schema of an EDTF date (a claim's value or its `as_of`).
EDTF_SCHEMA: Mapping[str, Any] = {
    "type": ["string", "integer"],
    "description": "An EDTF date or interval: 1992, 1992-05, 1992-05-15, 199X, 1992~, 1992?, "
    "1990/1993.",
    "examples": ["1992", "1992-05-15", "199X", "1992~", "1990/1993"],
}


class DateRule(Rule):
    type = PropertyType.DATE
    value_class = DateValue
    error_code = "bad-date"

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value:
        return parse_date(raw)

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return dict(EDTF_SCHEMA)

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, DateValue)
        text, precision = describe_date(value.edtf, words)
        # The EDTF code says more than the words only for qualified dates and intervals.
        shown_code = text != value.edtf and any(c in value.edtf for c in "X~?%/")
        return words.view(text, precision=precision, code=value.edtf if shown_code else None)

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The date nearest the property's words; a year other sources gave first. An interval
        written as two dates ("from 1 December to 3 December") is read as one only when other
        sources give the property intervals, else as its two days: "moved from 29 March to 12
        April" names the days a deadline was moved between, not a span."""
        from reconcile.extract import nearest

        dates = look.dates
        if not look.known.intervals:
            dates = [end for date in dates for end in date.ends or (date,)]
        return nearest(
            dates, look.near, lambda d: float(_year_of(str(d.value)) in look.known.years)
        )


def plain_date(text: str) -> object:
    """A date found in a sentence as the YAML value that reads back as it: 2022, 2022-05-30."""
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    return text


# Describing a date ---------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_OF_YEAR = re.compile(r"(\d{4})-(\d{2})")
_YEAR_ONLY = re.compile(r"-?\d{1,4}")
_DECADE = re.compile(r"(\d{3})X")
_CENTURY = re.compile(r"(\d{2})XX")


def describe_date(edtf: str, words: Describer[object]) -> tuple[str, str | None]:
    """A reader's form of an EDTF date and the name of its precision."""
    text = edtf.strip()
    if "/" in text:
        return _describe_interval(text, words), words.t("precision_range")
    core, qualifier = (text[:-1], text[-1]) if text[-1:] in "~?%" else (text, "")
    plain, precision = _describe_plain(core, words)
    if plain is None:
        return text, None
    described = plain
    if qualifier == "~":
        described = words.t("about", value=described)
    elif qualifier == "?":
        described = words.t("uncertain", value=described)
    elif qualifier == "%":
        described = words.t("approx_uncertain", value=described)
    return described, words.t(f"precision_{precision}")


def _describe_interval(text: str, words: Describer[object]) -> str:
    start, _, end = text.partition("/")
    start_text = describe_date(start, words)[0] if start not in ("", "..") else None
    end_text = describe_date(end, words)[0] if end not in ("", "..") else None
    if start_text and end_text:
        return words.t("interval", start=start_text, end=end_text)
    if start_text:
        return words.t("open_end", value=start_text)
    if end_text:
        return words.t("open_start", value=end_text)
    return text


def _describe_plain(core: str, words: Describer[object]) -> tuple[str | None, str]:
    if match := _DATE_TIME.fullmatch(core):
        year, month, day = (int(part) for part in match.groups()[:3])
        zone = {"Z": " UTC", None: ""}.get(match[7], f" ({match[7]})")
        if 1 <= month <= 12:
            clock = f"{match[4]}:{match[5]}" + (f":{match[6]}" if match[6] != "00" else "")
            return f"{day} {words.months[month - 1]} {year}, {clock}{zone}", "time"
    elif match := _DAY.fullmatch(core):
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12:
            return f"{day} {words.months[month - 1]} {year}", "day"
    elif match := _MONTH_OF_YEAR.fullmatch(core):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return f"{words.months[month - 1]} {year}", "month"
    elif _YEAR_ONLY.fullmatch(core):
        return str(int(core)), "year"
    elif match := _DECADE.fullmatch(core):
        return words.t("decade", value=match[1]), "decade"
    elif match := _CENTURY.fullmatch(core):
        return words.t("century", value=match[1]), "century"
    return None, ""


def _year_of(edtf: str) -> int | None:
    """The year an EDTF date begins with, None when its digits are not all given (197X)."""
    return int(edtf[:4]) if edtf[:4].isdigit() else None
