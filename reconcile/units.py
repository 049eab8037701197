"""Quantities as a text writes them, with their unit ("an hour and 45 minutes", "полгода",
"ساعتين", "1,8 тонны", "28 طناً و900 كيلوغرام"), counted in the unit a property's label names
("Minutes to the loss of contact", "Sentence (months)", "Mass (kg)"): the conversions a desk
makes when it types such a claim.

Only conversions that are exact are made: minutes, hours, days and weeks among themselves,
months and years among themselves (a month is no whole number of days), grams, kilograms and
tonnes, millimetres, centimetres, metres and kilometres. A "ton" (short, long or metric?), a
mile or a foot is not converted: its size in metric units is a rounding, or unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.normalise import normalise
from reconcile.numerals import HALF_PHRASES
from reconcile.wordforms import Token, arabic_stems, tokens

__all__ = ["Quantity", "Unit", "in_unit", "property_unit", "quantities", "unit_at"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its family (units of one family convert exactly) and its size in the family's
    smallest unit."""

    family: str
    size: float


_MINUTE, _HOUR, _DAY, _WEEK = (Unit("clock", n) for n in (1, 60, 1440, 10080))
_MONTH, _YEAR = Unit("calendar", 1), Unit("calendar", 12)
_DECADE, _CENTURY = Unit("calendar", 120), Unit("calendar", 1200)
_GRAM, _KILOGRAM, _TONNE = (Unit("mass", n) for n in (1, 1000, 1_000_000))
_MILLIMETRE, _CENTIMETRE, _METRE, _KILOMETRE = (Unit("length", n) for n in (1, 10, 1000, 10**6))

_WORDS: dict[Unit, tuple[str, ...]] = {
    _MINUTE: ("minute", "minutes", "min", "mins", "دقيقة", "دقائق", "دقيقه", "минута", "минуты",
              "минут", "минуту", "минутам", "минутами"),
    _HOUR: ("hour", "hours", "hr", "hrs", "ساعة", "ساعات", "ساعه", "час", "часа", "часов",
            "часам", "часами"),
    _DAY: ("day", "days", "يوم", "أيام", "يوما", "день", "дня", "дней", "сутки", "суток",
           "дням", "днями"),
    _WEEK: ("week", "weeks", "أسبوع", "أسابيع", "أسبوعا", "неделя", "недели", "недель",
            "неделю", "неделям"),
    _MONTH: ("month", "months", "شهر", "أشهر", "شهور", "شهرا", "месяц", "месяца", "месяцев",
             "месяцам", "месяцами"),
    _YEAR: ("year", "years", "yr", "yrs", "سنة", "سنوات", "عام", "أعوام", "عاما", "سنين",
            "год", "года", "лет", "году", "годам", "годами"),
    _DECADE: ("decade", "decades", "عقود", "عقدين", "десятилетие", "десятилетия", "десятилетий"),
    _CENTURY: ("century", "centuries", "قرن", "قرون", "قرنا", "век", "века", "веков",
               "столетие", "столетия", "столетий"),
    _GRAM: ("gram", "grams", "gramme", "grammes", "غرام", "غراما", "جرام", "جراما", "грамм",
            "грамма", "граммов"),
    _KILOGRAM: ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "كيلوغرام",
                "كيلوغراما", "كيلوغرامات", "كيلوجرام", "كيلوجراما", "كغ", "кг", "килограмм",
                "килограмма", "килограммов"),
    _TONNE: ("tonne", "tonnes", "طن", "طنا", "أطنان", "تونة", "тонна", "тонны", "тонн",
             "тонну", "тоннами"),
    _MILLIMETRE: ("mm", "millimetre", "millimetres", "millimeter", "millimeters", "ملم",
                  "مليمتر", "мм", "миллиметр", "миллиметра", "миллиметров"),
    _CENTIMETRE: ("cm", "centimetre", "centimetres", "centimeter", "centimeters", "سم",
                  "سنتيمتر", "سنتيمترا", "см", "сантиметр", "сантиметра", "сантиметров"),
    _METRE: ("metre", "metres", "meter", "meters", "متر", "مترا", "أمتار", "метр", "метра",
             "метров"),
    _KILOMETRE: ("km", "kilometre", "kilometres", "kilometer", "kilometers", "كيلومتر",
                 "كيلومترا", "كيلومترات", "كلم", "км", "километр", "километра", "километров"),
}  # fmt: skip
#: Words that are a count and a unit at once: the Arabic dual, and the Russian "half".
_COUNTED: dict[str, tuple[float, Unit]] = {
    **{normalise(w): (2, _MINUTE) for w in ("دقيقتين", "دقيقتان")},
    **{normalise(w): (2, _HOUR) for w in ("ساعتين", "ساعتان")},
    **{normalise(w): (2, _DAY) for w in ("يومين", "يومان")},
    **{normalise(w): (2, _WEEK) for w in ("أسبوعين", "أسبوعان")},
    **{normalise(w): (2, _MONTH) for w in ("شهرين", "شهران")},
    **{normalise(w): (2, _YEAR) for w in ("سنتين", "سنتان", "عامين", "عامان")},
    "полчаса": (0.5, _HOUR), "полгода": (0.5, _YEAR), "полмесяца": (0.5, _MONTH),
    "полсуток": (0.5, _DAY), "полвека": (0.5, _CENTURY),
}  # fmt: skip
#: Words that make the unit after them half of it: "half a century", "نصف قرن", "half an hour".
_HALF = frozenset({"half", normalise("نصف")})
#: Words that make the unit after them one of it: "an hour", "a year".
_ONE = frozenset({"a", "an", "one"})
#: Words that join the parts of one length: "an hour and 45 minutes", "ساعة و45 دقيقة".
_AND = frozenset({"and", "و", "и"})


@lru_cache(maxsize=1)
def _units() -> dict[str, Unit]:
    return {normalise(word): unit for unit, words in _WORDS.items() for word in words}


def unit_at(found: Sequence[Token], at: int) -> Unit | None:
    """The unit the token at `at` names, if any (an Arabic word may carry a proclitic)."""
    if at >= len(found):
        return None
    units = _units()
    return next((units[s] for s in arabic_stems(found[at].text) if s in units), None)


@lru_cache(maxsize=1024)
def property_unit(texts: tuple[str, ...]) -> Unit | None:
    """The unit a property's label (or id) counts in: "Minutes from launch to the loss of
    contact", "sentence_months", "Срок (месяцев)", "Масса, кг"; None when it names none, or
    several."""
    named: set[Unit] = set()
    for text in texts:
        found = tokens(normalise(text.replace("_", " ")))
        named.update(u for at in range(len(found)) if (u := unit_at(found, at)) is not None)
    return named.pop() if len(named) == 1 else None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity a text writes: its amount in its family's smallest unit, the tokens it spans,
    and where its figure begins (a bound written before it belongs to the figure)."""

    amount: float
    unit: Unit
    start: int
    end: int


def quantities(found: Sequence[Token], figures: Iterable[tuple[float, int, int]]) -> list[Quantity]:
    """The quantities the tokens write: a figure (value, first token, token after it) followed
    by a unit, a word that is a count and a unit ("ساعتين", "полгода"), "an hour", and such
    parts of one family joined by "and" summed ("an hour and 45 minutes" is 105 minutes, "28
    طناً و900 كيلوغرام" 28,900 kilograms)."""
    parts: list[Quantity] = []
    lone: set[int] = set()  # where a unit alone stands, a part only of a longer length
    for value, start, end in figures:
        end += _half_after(found, end)
        unit = unit_at(found, end)
        if unit is not None:
            parts.append(Quantity(value * unit.size, unit, start, end + 1))
    for at, token in enumerate(found):
        counted = next((_COUNTED[s] for s in arabic_stems(token.text) if s in _COUNTED), None)
        if counted is not None:
            count, unit = counted
            parts.append(Quantity(count * unit.size, unit, at, at + 1))
        elif token.text in _HALF and (unit := _unit_after_article(found, at + 1)) is not None:
            parts.append(Quantity(0.5 * unit.size, unit, at, at + 2 + (found[at + 1].text in _ONE)))
        elif token.text in _ONE and (unit := unit_at(found, at + 1)) is not None:
            if not any(p.start <= at < p.end for p in parts):  # "one hour": a figure already
                parts.append(Quantity(unit.size, unit, at, at + 2))
        elif at == 0 or found[at - 1].text not in _ONE:
            # a unit alone before "and" and a figure: "ساعة و45 دقيقة" is an hour and 45 minutes
            unit = unit_at(found, at)
            joins = at + 1 < len(found) and found[at + 1].text in _AND
            if unit is not None and joins and not any(p.end == at + 1 for p in parts):
                parts.append(Quantity(unit.size, unit, at, at + 1))
                lone.add(at)
    parts.sort(key=lambda d: d.start)
    joined: list[Quantity] = []
    for part in parts:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.unit.family == part.unit.family
            and last.unit.size > part.unit.size
            and part.start - last.end <= 1
            and (part.start == last.end or found[last.end].text in _AND)
        ):
            joined[-1] = Quantity(last.amount + part.amount, part.unit, last.start, part.end)
        else:
            joined.append(part)
    return [d for d in joined if d.start not in lone or d.end - d.start > 1]


def _half_after(found: Sequence[Token], at: int) -> int:
    """How many tokens of an "and a half" stand at `at`, between a figure and its unit: the
    figure's reading holds the half already ("two and a half years")."""
    texts = tuple(t.text for t in found[at : at + 3])
    return next((len(h) for h in HALF_PHRASES if texts[: len(h)] == h), 0)


def _unit_after_article(found: Sequence[Token], at: int) -> Unit | None:
    """The unit at `at`, or after an "a" there: "half a century", "نصف قرن"."""
    if at < len(found) and found[at].text in _ONE:
        at += 1
    return unit_at(found, at)


def in_unit(duration: Quantity, unit: Unit) -> float | None:
    """The duration counted in `unit`, or None when the two do not convert exactly."""
    if duration.unit.family != unit.family:
        return None
    return duration.amount / unit.size
