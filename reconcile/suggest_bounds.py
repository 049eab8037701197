"""What a number property's own words make of a bound a sentence writes: the value of a
maximum ("a capacity of up to 22.5 million"), of a minimum ("a threshold of at least 55"),
or one end of a range ("the oldest" of "aged 11 to 16")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from reconcile.extract import Found
from reconcile.extract_words import property_words, starts_with_stem
from reconcile.model import Property
from reconcile.normalise import normalise
from reconcile.values import PropertyType

__all__ = ["bound_as_value", "extreme_of", "is_maximum", "is_minimum"]

#: The stems of words that make a property itself a maximum (a limit, a ceiling, a capacity):
#: "no more than 1,550", "up to 22.5 million", "не более 800", "ما يصل إلى" then write its
#: value, not a bound on it.
MAXIMUM_STEMS = tuple(
    normalise(stem)
    for stem in (
        "limit", "ceiling", "capacit", "maximum", "quota", "designed", "withstand",
        "سقف", "سعة", "حد أقصى", "الحد الأقصى", "طاقة استيعابية", "تصميمي",
        "потол", "лимит", "предел", "максимум", "максимальн", "вместимост", "квот",
        "расчетн", "рассчитан",
    )
)  # fmt: skip
MAXIMUM_WORDS = frozenset({"cap", "caps"})


@lru_cache(maxsize=1024)
def is_maximum(prop: Property) -> bool:
    """Whether the property's label, keywords or id name a maximum: a limit, cap or capacity."""
    words = property_words(prop)
    return not MAXIMUM_WORDS.isdisjoint(words) or starts_with_stem(words, MAXIMUM_STEMS)


#: The stems of words that make a property itself a minimum (a threshold, what is required):
#: "at least 55 parties", "25 ألف تزكية على الأقل", "не менее 55" then write its value.
MINIMUM_STEMS = tuple(
    normalise(stem)
    for stem in (
        "threshold", "minimum", "required", "needed", "quorum",
        "حد أدنى", "الحد الأدنى", "نصاب", "مطلوب", "اللازم", "عتبة",
        "порог", "минимум", "минимальн", "необходим", "требуем", "кворум",
    )
)  # fmt: skip


@lru_cache(maxsize=1024)
def is_minimum(prop: Property) -> bool:
    """Whether the property's label, keywords or id name a minimum: a threshold, a requirement."""
    return starts_with_stem(property_words(prop), MINIMUM_STEMS)


def bound_as_value(prop: Property, value: Found) -> Found:
    """A number written as at most N is the value N of a property that is a maximum, and one
    written as at least N of a property that is a minimum; a range's end is the value of a
    property of the range's highest or lowest ("aged 11 to 16" gives the oldest 16)."""
    written = value.value
    if not isinstance(written, dict) or prop.type is not PropertyType.NUMBER:
        return value
    low, high = written.get("min"), written.get("max")
    end = extreme_of(prop)
    if low is not None and high is not None and end is not None:
        return replace(value, value=high if end == "max" else low)
    if low is None and high is not None and is_maximum(prop):
        return replace(value, value=high)
    if high is None and low is not None and is_minimum(prop):
        return replace(value, value=low)
    return value


#: The stems of words that make a property the highest or the lowest of what a range spans:
#: "the oldest of the boys", "أكبر المصابين سنا", "самый старший".
_HIGHEST = tuple(
    normalise(stem)
    for stem in (
        "oldest", "eldest", "highest", "largest", "biggest", "longest", "deepest", "heaviest",
        "upper", "أكبر", "أعلى", "أطول", "أقصى", "старш", "наибольш", "высш", "верхн",
    )
)  # fmt: skip
_LOWEST = tuple(
    normalise(stem)
    for stem in (
        "youngest", "lowest", "smallest", "shortest", "lightest", "lower", "أصغر", "أدنى",
        "أقصر", "младш", "наименьш", "низш", "нижн",
    )
)  # fmt: skip


@lru_cache(maxsize=1024)
def extreme_of(prop: Property) -> str | None:
    """ "max" for a property whose label names the highest of something, "min" for the lowest,
    None for neither or both."""
    words = property_words(prop, keywords=False)
    high, low = starts_with_stem(words, _HIGHEST), starts_with_stem(words, _LOWEST)
    return "max" if high and not low else "min" if low and not high else None
