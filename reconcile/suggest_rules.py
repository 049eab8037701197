"""What add-source looks for in a sentence, one function per property type: the value nearest
the words that signal the property, for each subject the sentence names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reconcile.extract import Found, Sentence, year_cued
from reconcile.extract_words import (
    find_entity,
)
from reconcile.model import Claim, Property
from reconcile.precedent import Known
from reconcile.values import RULES, PropertyType

if TYPE_CHECKING:
    from reconcile.mentions import NameIndex
    from reconcile.suggest import Suggestion

__all__ = ["Look", "candidates"]


@dataclass(frozen=True)
class Look:
    """What a rule reads a sentence with: the sentence, the values found in it once for every
    property, where the property's words stand, and what other sources claim of it."""

    sentence: Sentence
    text: str
    dates: Sequence[Found]
    numbers: Sequence[Found]
    near: Sequence[int]
    known: Known
    quote: Claim | None  # the most similar quote of another source, if any
    names: Callable[[str], NameIndex]  # the names of the entities of a kind


def candidates(prop: Property, look: Look, line: int, why: tuple[str, ...]) -> list[Suggestion]:
    """The suggestions of `prop` the sentence supports, one per subject it names: none when it
    holds no value of the property's type (a date property needs a date, a list two entities of
    its kind, a per-entity property an entity of its subject's kind)."""
    from reconcile.suggest import Suggestion

    subjects: list[Found | None] = [None]
    if prop.subject:
        named = find_entity(look.sentence.tokens, look.names(prop.subject))
        subjects = list({str(f.value): f for f in named}.values())
        if not subjects:
            return []
    rule = RULES[prop.type]  # what the property's type looks for in a sentence
    found: list[Suggestion] = []
    for subject in subjects:
        near = [subject.start] if subject is not None else look.near
        options = rule.find(prop, Look(**{**look.__dict__, "near": near}))
        options = [o for o in options if subject is None or o.value != subject.value]
        if not options:
            continue
        best = options[0]
        also = tuple(dict.fromkeys(str(o.value) for o in options[1:4] if o.value != best.value))
        found.append(
            Suggestion(
                prop,
                look.text,
                line,
                0.0,
                best.value,
                str(subject.value) if subject is not None else None,
                _as_of(prop, look, best) if prop.temporal else None,
                best.approximate,
                best.complete,
                why,
                also,
            )
        )
    return found


def _as_of(prop: Property, look: Look, value: Found) -> str | None:
    """When a temporal claim held, where the sentence says: the date nearest its value that is
    not the value itself, given to the month, or a year written as one (in 2012, عام 2012)."""
    if prop.type is PropertyType.DATE:
        return None
    others = [
        d
        for d in look.dates
        if (len(str(d.value)) >= 7 or year_cued(look.sentence.tokens, d.start))
        and (d.start, d.end) != (value.start, value.end)
    ]
    if not others:
        return None
    return str(min(others, key=lambda d: d.distance([value.start])).value)
