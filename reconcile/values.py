"""The kinds of value a claim can hold, and the rule that compares two values of each kind.

Every value is immutable, knows its canonical JSON form, and relates to another value of its
kind as equal, compatible (they differ only in precision or completeness) or contradicting.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from edtf import parse_edtf
from rapidfuzz import fuzz

from reconcile.normalise import normalise


class Relation(StrEnum):
    EQUAL = "equal"
    COMPATIBLE = "compatible"
    CONTRADICTS = "contradicts"


class PropertyType(StrEnum):
    DATE = "date"
    NUMBER = "number"
    ENTITY = "entity"
    ENTITIES = "entities"
    CHOICE = "choice"
    BOOLEAN = "boolean"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Span:
    """A closed interval: days (proleptic ordinals) for dates, amounts for numbers."""

    low: float
    high: float

    def overlaps(self, other: Span) -> bool:
        return self.low <= other.high and other.low <= self.high

    def relate(self, other: Span) -> Relation:
        if self == other:
            return Relation.EQUAL
        return Relation.COMPATIBLE if self.overlaps(other) else Relation.CONTRADICTS


class InvalidValue(ValueError):
    """A value that cannot be read as its property's type; the message says what was expected."""


class Value(Protocol):
    def relate(self, other: Value) -> Relation: ...
    def canonical(self) -> object: ...


# Dates ---------------------------------------------------------------------------------------


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
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        text = raw.isoformat()
    elif isinstance(raw, int):
        text = f"{raw:04d}" if raw >= 0 else str(raw)
    elif isinstance(raw, str):
        text = raw.strip()
    else:
        raise InvalidValue(f"expected an EDTF date such as 1992 or 1992-05-15, got {raw!r}")
    return DateValue(text, date_span(text))


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=16384)
def date_span(text: str) -> Span:
    """The days an EDTF expression covers, fuzzy bounds included (`1992~` is 1991–1993)."""
    plain = _PLAIN_DATE.fullmatch(text)
    if plain:  # the common case, computed directly: the EDTF parser takes milliseconds a date
        year, month, day = plain.groups()
        try:
            return _plain_span(int(year), _int_or_none(month), _int_or_none(day))
        except ValueError:
            pass  # let the parser explain what is wrong
    try:
        parsed = parse_edtf(text)
        low, high = parsed.lower_fuzzy(), parsed.upper_fuzzy()
    except Exception as exc:  # the edtf library raises several unrelated types
        raise InvalidValue(
            f"{text!r} is not an EDTF date; write e.g. 1992, 1992-05, 1992-05-15, 199X, "
            "1992~ or 1990/1993"
        ) from exc
    return Span(_ordinal(low, -math.inf), _ordinal(high, math.inf))


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
    return Span(float(low.toordinal()), float(high.toordinal()))


def _ordinal(bound: object, infinite: float) -> float:
    if isinstance(bound, float):  # open interval ends come back as ±inf
        return infinite
    try:
        return float(dt.date(bound.tm_year, bound.tm_mon, bound.tm_mday).toordinal())  # type: ignore[attr-defined]
    except (ValueError, OverflowError) as exc:
        raise InvalidValue("dates must fall between the years 1 and 9999") from exc


# Numbers -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far an approximate number may stray: an absolute amount or a percentage."""

    amount: float = 0.0
    percent: bool = False

    def widen(self, bound: float) -> float:
        return abs(bound) * self.amount / 100 if self.percent else self.amount


def parse_tolerance(raw: object) -> Tolerance:
    """Read a tolerance: an absolute amount (100) or a percentage ("10%")."""
    percent = isinstance(raw, str) and raw.strip().endswith("%")
    text = raw.strip()[:-1] if isinstance(raw, str) and percent else raw
    try:
        amount = _number(float(text) if isinstance(text, str) else text, "the tolerance")
    except (InvalidValue, ValueError):
        amount = None
    if amount is None or amount < 0 or (isinstance(raw, str) and not percent):
        raise InvalidValue(f'expected a tolerance such as 100 or "10%", got {raw!r}')
    return Tolerance(amount, percent=percent)


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A number or an inclusive range (`minimum`/`maximum` may be open), and its tolerance."""

    minimum: float | None
    maximum: float | None
    approximate: bool = False
    tolerance: Tolerance = Tolerance()

    @property
    def span(self) -> Span:
        low = -math.inf if self.minimum is None else self.minimum
        high = math.inf if self.maximum is None else self.maximum
        if self.approximate:
            low -= self.tolerance.widen(low) if math.isfinite(low) else 0
            high += self.tolerance.widen(high) if math.isfinite(high) else 0
        return Span(low, high)

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, NumberValue)
        return self.span.relate(other.span)

    def canonical(self) -> object:
        if self.minimum is not None and self.minimum == self.maximum:
            return _plain(self.minimum)
        return {"min": _plain(self.minimum), "max": _plain(self.maximum)}


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def parse_number(raw: object, *, approximate: bool, tolerance: Tolerance) -> NumberValue:
    """Read a number, or a `{min, max}` range with either bound optional."""
    if isinstance(raw, dict):
        unknown = set(raw) - {"min", "max"}
        if unknown or not raw:
            raise InvalidValue(
                "expected a number or a range such as {min: 10000} or {min: 10, max: 20}"
            )
        low, high = (_number(raw.get(k), k) for k in ("min", "max"))
        if low is not None and high is not None and low > high:
            raise InvalidValue(f"the range's min ({_plain(low)}) is above its max ({_plain(high)})")
        return NumberValue(low, high, approximate, tolerance)
    number = _number(raw, "value")
    if number is None:
        raise InvalidValue("expected a number, got nothing")
    return NumberValue(number, number, approximate, tolerance)


def _number(raw: object, what: str) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise InvalidValue(f'expected a number for {what}, got {raw!r} (write 4000, not "4,000")')
    try:
        number = float(raw)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InvalidValue(f"expected a finite number for {what}, got {raw!r}")
    return number


# Entities, choices, booleans, text -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityValue:
    id: str

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, EntityValue)
        return Relation.EQUAL if self.id == other.id else Relation.CONTRADICTS

    def canonical(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class EntitySetValue:
    """A list of entities; a partial list (`complete: false`) is silent about the rest."""

    ids: frozenset[str]
    complete: bool = True

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, EntitySetValue)
        if self.ids == other.ids:
            return Relation.EQUAL
        if self.complete and other.complete:
            return Relation.CONTRADICTS
        if not self.complete and not other.complete:
            return Relation.COMPATIBLE
        partial, complete = (self, other) if other.complete else (other, self)
        if partial.ids - complete.ids:
            return Relation.CONTRADICTS
        return Relation.COMPATIBLE

    def canonical(self) -> list[str]:
        return sorted(self.ids)


@dataclass(frozen=True, slots=True)
class ChoiceValue:
    choice: str

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, ChoiceValue)
        return Relation.EQUAL if self.choice == other.choice else Relation.CONTRADICTS

    def canonical(self) -> str:
        return self.choice


@dataclass(frozen=True, slots=True)
class BooleanValue:
    truth: bool

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, BooleanValue)
        return Relation.EQUAL if self.truth == other.truth else Relation.CONTRADICTS

    def canonical(self) -> bool:
        return self.truth


def parse_boolean(raw: object) -> BooleanValue:
    if not isinstance(raw, bool):
        raise InvalidValue(f"expected true or false, got {raw!r}")
    return BooleanValue(raw)


@dataclass(frozen=True, slots=True)
class TextValue:
    """Free text; two texts agree when at least `threshold` similar after normalisation."""

    text: str
    threshold: float = 90

    def relate(self, other: Value) -> Relation:
        assert isinstance(other, TextValue)
        score = fuzz.token_sort_ratio(normalise(self.text), normalise(other.text))
        threshold = min(self.threshold, other.threshold)
        return Relation.EQUAL if score >= threshold else Relation.CONTRADICTS

    def canonical(self) -> str:
        return self.text


def parse_text(raw: object, threshold: float) -> TextValue:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise InvalidValue(f"expected text, got {raw!r}")
    return TextValue(str(raw), threshold)
