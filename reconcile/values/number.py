"""Numbers: a number or an inclusive range, widened by a tolerance when approximate."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reconcile.normalise import normalise
from reconcile.numerals import RANGE_AND, RANGE_LINKS
from reconcile.problems import Place
from reconcile.units import Unit, in_unit, property_unit, quantities, unit_at
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
    shown,
)

if TYPE_CHECKING:
    from reconcile.extract import Found, Sentence
    from reconcile.model import Property
    from reconcile.wordforms import Token


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
        raise InvalidValue(f'expected a tolerance such as 100 or "10%", got {shown(raw)}')
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
        raise InvalidValue(
            f'expected a number for {what}, got {shown(raw)} (write 4000, not "4,000")'
        )
    try:
        number = float(raw)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InvalidValue(f"expected a finite number for {what}, got {shown(raw)}")
    return number


_NUMBER_SCHEMA: Mapping[str, Any] = {
    "description": "A number, or a range with inclusive bounds: {min: N} is 'more than', "
    "{max: N} 'up to', {min: N, max: M} a range.",
    "oneOf": [
        {"type": "number"},
        {
            "type": "object",
            "properties": {"min": {"type": "number"}, "max": {"type": "number"}},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}


#: How many different figures other sources must give a number property before a figure
#: `OFF_SCALE` of theirs (the ratio of the smaller to the larger) is taken for another
#: property's, when the sentence also holds one within `IN_SCALE` of theirs.
SCALE_SET_BY = 2
IN_SCALE = 0.1
OFF_SCALE = 0.01


class NumberRule(Rule):
    type = PropertyType.NUMBER
    value_class = NumberValue
    flags = MappingProxyType({"approximate": False})
    takes_tolerance = True

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value:
        tolerance = context.prop.tolerance or context.settings.number_tolerance
        return parse_number(raw, approximate=context.flags["approximate"], tolerance=tolerance)

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return dict(_NUMBER_SCHEMA)

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, NumberValue)
        low, high = value.minimum, value.maximum
        if low is not None and low == high:
            text, precision = words.number(low), "exact"
        elif high is None and low is not None:
            text, precision = words.t("at_least", value=words.number(low)), "range"
        elif low is None and high is not None:
            text, precision = words.t("up_to", value=words.number(high)), "range"
        elif low is not None and high is not None:
            text = words.t("between", low=words.number(low), high=words.number(high))
            precision = "range"
        else:
            text, precision = words.t("unknown"), "range"
        if value.approximate:
            text, precision = words.t("about", value=text), "approximate"
        return words.view(text, precision=words.t(f"precision_{precision}"))

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The number nearest the property's words; one near other sources' first. An ordinal
        in words counts as its number where other sources give that number ("the fire began
        on the fourth floor", when others say 4)."""
        from reconcile.extract import nearest

        def closeness(found: Found) -> float:
            return float(look.known.figure_closeness(found.value))

        given = look.known.number_set
        ranked = [o for o in look.ordinals if float(o.value) in given] if given else []
        options = [*look.numbers, *ranked]
        unit = property_unit((*prop.label.all(), prop.id))
        if unit is not None:
            options = in_property_unit(options, look.sentence.tokens, unit)
        if not is_share(prop):  # "45 في المئة من الحالات" is no count of cases
            options = [o for o in options if not in_percent(look.sentence, o)] or options
        if len(given) >= SCALE_SET_BY and any(closeness(o) >= IN_SCALE for o in options):
            # the other sources' figures set the property's scale (a share in per cent, a
            # toll in hundreds): a figure a hundred times off theirs is of another property
            options = [o for o in options if closeness(o) >= OFF_SCALE]
        return nearest(options, look.near, closeness)


def in_property_unit(options: Sequence[Found], found: Sequence[Token], unit: Unit) -> list[Found]:
    """The figures of a property counted in a unit, each counted in it where the sentence
    writes it in another ("an hour and 45 minutes" is 105 for minutes, "less than two hours" at
    most 120, "1,8 тонны" 1,800 for kilograms), and the lengths written without a figure
    ("полгода", "ساعتين")."""
    from dataclasses import replace

    from reconcile.extract import Found

    plain = [(float(o.value), o.start, o.end) for o in options if isinstance(o.value, (int, float))]
    lengths = quantities(found, plain)
    converted: list[Found] = []
    used: set[int] = set()  # the lengths a figure was counted into: one figure each
    for option in options:
        length = next((d for d in lengths if d.start <= option.start < d.end), None)
        if _is_figure(option.value) and length is not None:
            if length.start in used:
                continue  # the 45 of "an hour and 45 minutes", counted with the hour
            used.add(length.start)
            counted = in_unit(length, unit)
            if counted is not None and counted != option.value:
                start, end = min(option.start, length.start), max(option.end, length.end)
                option = replace(option, value=_whole(counted), start=start, end=end)
        elif isinstance(option.value, dict):
            after = unit_at(found, option.end)
            if after is not None and after.family == unit.family and after != unit:
                bounds = {k: _whole(v * after.size / unit.size) for k, v in option.value.items()}
                option = replace(option, value=bounds, end=option.end + 1)
        converted.append(option)
    taken = {at for o in options for at in range(o.start, o.end)}
    for length in lengths:
        counted = in_unit(length, unit)
        if counted is not None and not taken & set(range(length.start, length.end)):
            converted.append(Found(_whole(counted), length.start, length.end))
    return converted


def _is_figure(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _whole(number: float) -> int | float:
    """The number as a claim would write it: whole if it is, else to two decimals (22 hours
    and 37 minutes are 22.62 hours)."""
    number = round(number, 2)
    return int(number) if number.is_integer() else number


#: The stems of the words that make a number property a share, counted in per cent.
_SHARE_STEMS = (
    "percent", "per cent", "share", "proportion", "rate", "turnout", "ratio",
    "نسبه", "معدل", "الميه", "المايه", "بالميه", "المئوي",
    "процент", "доля", "доли", "явк", "уровень",
)  # fmt: skip
#: Words after a figure that make it a share: "45 per cent", "45 في المئة", "45 процентов".
_PERCENT_AFTER = (("percent",), ("pct",), ("per", "cent"), ("في", "الميه"), ("في", "المايه"),
                  ("بالميه",), ("بالمايه",))  # fmt: skip


@lru_cache(maxsize=1024)
def is_share(prop: Property) -> bool:
    """Whether the property's label, keywords or id name a share or a rate, or write "%"."""
    from reconcile.extract_words import property_words, starts_with_stem

    texts = (*prop.label.all(), *prop.keywords)
    return any("%" in text for text in texts) or starts_with_stem(
        property_words(prop), _SHARE_STEMS
    )


def in_percent(sentence: Sentence, option: Found) -> bool:
    """Whether the figure is written in per cent: "45%", "45 per cent", "45 في المئة",
    "45 процентов"."""
    found = sentence.tokens
    word = found[option.end - 1].word
    if "%" in sentence.folded and sentence.words()[word].rstrip(".,;:!?)»\"'").endswith("%"):
        return True
    after = tuple(t.text for t in found[option.end : option.end + 2])
    if after and after[0].startswith("процент"):
        return True
    return any(after[: len(words)] == words for words in _PERCENT_AFTER)


#: What joins figures of which only the last is written with its unit: "51 to 49 percent".
_FIGURE_LINKS = RANGE_LINKS | RANGE_AND | {normalise(w) for w in ("or", "أو", "или")}


def figures_in_percent(sentence: Sentence, figures: Sequence[Found]) -> list[Found]:
    """The figures the sentence writes in per cent (`in_percent`), with those joined before
    one: "by 51 to 49 percent" gives both."""
    found = sentence.tokens
    starts = {f.start for f in figures if in_percent(sentence, f)}
    for figure in reversed(figures):
        joined = figure.end + 1 in starts and found[figure.end].text in _FIGURE_LINKS
        if joined:
            starts.add(figure.start)
    return [f for f in figures if f.start in starts]
