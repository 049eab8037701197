"""Choices (one of a property's list) and booleans: equal or contradicting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reconcile.fields import did_you_mean
from reconcile.problems import Place
from reconcile.values import (
    Describer,
    InvalidValue,
    PropertyType,
    ReadContext,
    Relation,
    Rule,
    SentenceLook,
    Value,
    ViewT,
    shown,
)

if TYPE_CHECKING:
    from reconcile.model import Property


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
        raise InvalidValue(f"expected true or false, got {shown(raw)}")
    return BooleanValue(raw)


class ChoiceRule(Rule):
    type = PropertyType.CHOICE
    value_class = ChoiceValue
    needs_choices = True

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value:
        prop = context.prop
        if not isinstance(raw, str) or raw not in prop.choices:
            raise InvalidValue(
                f"{shown(raw)} is not a choice of {prop.topic}.{prop.id}"
                f"{did_you_mean(str(raw), prop.choices)}",
                "unknown-choice",
            )
        return ChoiceValue(raw)

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return {"enum": list(prop.choices)}

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, ChoiceValue)
        return words.view(value.choice)

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The choice whose words stand nearest; else, after a verb of joining or signing,
        the choice whose own words join or sign (`member: [joined, вступила]`), or the one
        other sources claim most (the state the others are in); else the choice of the most
        similar quote of another source."""
        from reconcile.extract import Found, nearest
        from reconcile.extract_names import joining_verb
        from reconcile.extract_words import find_choices, has_negation, negated_at

        words = dict(prop.choice_words)
        found = find_choices(look.sentence, [(c, words.get(c, ())) for c in prop.choices])
        if found:
            ordered = nearest(found, look.near, lambda c: 0.0)
            first, chosen = ordered[0], str(ordered[0].value)
            if not has_negation(words.get(chosen, ())) and negated_at(
                look.sentence.tokens, first.start
            ):  # "did not withdraw", "لم تنسحب", "не вышла": another choice
                other = other_choice(prop, look.known.choices, chosen)
                if other is not None:
                    return [replace(first, value=other), *ordered[1:]]
            return ordered
        joined = joining_verb(look.sentence.tokens) if prop.subject else None
        if joined is not None:  # "Yemen joined the boycott"
            state = joining_choice(prop, look.sentence.tokens[joined].text)
            if state is None and look.known.choices:
                state = most_claimed(prop.choices, look.known.choices)
            if state is not None:
                return [Found(state, joined, joined + 1)]
        if look.quote is not None and isinstance(look.quote.value, ChoiceValue):
            at = look.near[0] if look.near else 0
            return [Found(look.quote.value.choice, at, at + 1)]
        return []


def joining_choice(prop: Property, verb: str) -> str | None:
    """The choice whose id or words are a verb of joining or signing, as a sentence's `verb`
    of joining means it (`member: [joined, انضمت, вступила]`): the one that writes the same
    verb, else the first; None when no choice is so written. A word that denies it ("لم
    تنضم", "not signed") is not the choice of joining."""
    from reconcile.extract_names import joining_stems, joining_verb
    from reconcile.extract_words import has_negation
    from reconcile.normalise import normalise
    from reconcile.wordforms import tokens

    words = dict(prop.choice_words)
    joining: list[tuple[str, str]] = []
    for choice in prop.choices:
        for word in (choice.replace("_", " "), *words.get(choice, ())):
            if has_negation([word]):
                continue
            found = tokens(normalise(word))
            at = joining_verb(found)
            if at is not None:
                joining.append((choice, found[at].text))
    if not joining:
        return None
    verbs = set(joining_stems(verb))
    same = [c for c, text in joining if verbs & set(joining_stems(text))]
    return (same or [c for c, _ in joining])[0]


def other_choice(prop: Property, counts: Mapping[str, int], choice: str) -> str | None:
    """The choice a sentence gives where it denies `choice` ("did not withdraw") or gives it
    to all but some ("all but Georgia renewed"): the most claimed of the property's others."""
    return most_claimed([c for c in prop.choices if c != choice], counts)


def most_claimed(choices: Sequence[str], counts: Mapping[str, int]) -> str | None:
    """Of `choices`, the one other sources claim most often (`counts`), the first listed when
    they claim none or as many; None when there is none to choose."""
    if not choices:
        return None
    return max(choices, key=lambda c: (counts.get(c, 0), -choices.index(c)))


class BooleanRule(Rule):
    type = PropertyType.BOOLEAN
    value_class = BooleanValue

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value:
        return parse_boolean(raw)

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return {"type": "boolean"}

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, BooleanValue)
        return words.view(words.t("yes") if value.truth else words.t("no"))

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """True, or false when the clause of the property's words is negated; a property that
        is itself a negation ("may not join") is stated with one, so it is true."""
        from reconcile.extract import Found
        from reconcile.extract_words import find_boolean, negated_words

        if not look.near and (look.quote is None or not isinstance(look.quote.value, BooleanValue)):
            return []
        (found,) = find_boolean(look.sentence.tokens, look.near)
        if negated_words(prop.label.all()):
            return [Found(True, found.start, found.end)]
        return [found]
