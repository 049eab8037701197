"""What add-source looks for in a sentence, one function per property type: the value nearest
the words that signal the property, for each subject the sentence names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reconcile.extract import Found, Sentence, year_cued
from reconcile.extract_words import (
    clause_after,
    find_boolean,
    find_choices,
    find_entities,
    find_entity,
    find_quoted,
    find_text,
    negated_words,
)
from reconcile.model import Claim, Property
from reconcile.precedent import Known
from reconcile.values import BooleanValue, ChoiceValue, PropertyType

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
    rule = RULES[prop.type]
    found: list[Suggestion] = []
    for subject in subjects:
        near = [subject.start] if subject is not None else look.near
        options = rule(prop, Look(**{**look.__dict__, "near": near}))
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


def _nearest(
    options: Sequence[Found], near: Sequence[int], bonus: Callable[[Found], float]
) -> list[Found]:
    """`options` in the order of their distance to `near`, less a bonus for values like the
    other sources'."""
    return sorted(options, key=lambda o: (o.distance(near) - 4 * bonus(o), o.start))


def dates_rule(prop: Property, look: Look) -> list[Found]:
    """A date property: the date nearest the property's words, a year others gave first."""
    return _nearest(
        look.dates, look.near, lambda d: float(int(str(d.value)[:4]) in look.known.years)
    )


def numbers_rule(prop: Property, look: Look) -> list[Found]:
    """A number property: the number nearest the property's words, one near others' first."""

    def closeness(found: Found) -> float:
        value = found.value
        bounds = list(value.values()) if isinstance(value, dict) else [value]
        numbers = [float(b) for b in bounds if isinstance(b, (int, float))]
        return max(map(look.known.number_closeness, numbers), default=0.0)

    return _nearest(look.numbers, look.near, closeness)


def entity_rule(prop: Property, look: Look) -> list[Found]:
    """An entity property: the entity of its kind nearest the property's words."""
    found = find_entity(look.sentence.tokens, look.names(prop.kind or ""))
    return _nearest(found, look.near, lambda e: float(e.value in look.known.entities))


def entities_rule(prop: Property, look: Look) -> list[Found]:
    """An entities property: the list nearest the property's words; for a property of what
    is left out ("did not renew"), the entities named after "except"."""
    lists = find_entities(look.sentence.tokens, look.names(prop.kind or ""))
    if negated_words(prop.label.all() + prop.keywords):
        lists = [Found(list(f.left_out), f.start, f.end) for f in lists if f.left_out]
    lists = [f for f in lists if f.value]

    def overlap(found: Found) -> float:
        named = set(found.value) if isinstance(found.value, list) else set()
        return max((len(named & ids) / len(named | ids) for ids in look.known.lists), default=0.0)

    return _nearest(lists, look.near, overlap)


def choice_rule(prop: Property, look: Look) -> list[Found]:
    """A choice property: the choice whose words stand nearest; else the choice of the most
    similar quote of another source."""
    words = dict(prop.choice_words)
    found = find_choices(look.sentence, [(c, words.get(c, ())) for c in prop.choices])
    if found:
        return _nearest(found, look.near, lambda c: 0.0)
    if look.quote is not None and isinstance(look.quote.value, ChoiceValue):
        at = look.near[0] if look.near else 0
        return [Found(look.quote.value.choice, at, at + 1)]
    return []


def boolean_rule(prop: Property, look: Look) -> list[Found]:
    """A boolean property: true, or false when the clause of its words is negated; a property
    that is itself a negation ("may not join") is stated with one, so it is true."""
    if not look.near and (look.quote is None or not isinstance(look.quote.value, BooleanValue)):
        return []
    (found,) = find_boolean(look.sentence.tokens, look.near)
    if negated_words(prop.label.all()):
        return [Found(True, found.start, found.end)]
    return [found]


def text_rule(prop: Property, look: Look) -> list[Found]:
    """A text property: the words that write a text other sources gave; else the words the
    sentence puts in quotation marks."""
    found = find_text(look.text, look.known.texts)
    if found:
        return found
    quoted = find_quoted(look.text)
    if quoted:
        return [Found(quoted, look.near[0] if look.near else 0, 1)]
    return [clause_after(look.sentence, look.text, look.near[0])] if look.near else []


RULES: dict[PropertyType, Callable[[Property, Look], list[Found]]] = {
    PropertyType.DATE: dates_rule,
    PropertyType.NUMBER: numbers_rule,
    PropertyType.ENTITY: entity_rule,
    PropertyType.ENTITIES: entities_rule,
    PropertyType.CHOICE: choice_rule,
    PropertyType.BOOLEAN: boolean_rule,
    PropertyType.TEXT: text_rule,
}


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
