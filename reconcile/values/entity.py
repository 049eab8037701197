"""Entities: one entity, or a list of them that may be partial (`complete: false`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reconcile.fields import kind_of
from reconcile.normalise import PROCLITICS, normalise
from reconcile.problems import Place, warning
from reconcile.values import (
    Describer,
    Guess,
    InvalidValue,
    PropertyType,
    ReadContext,
    Relation,
    Rule,
    SentenceContext,
    Value,
    ViewT,
)
from reconcile.yamlfile import YamlList

if TYPE_CHECKING:
    from reconcile.model import Entity, Property


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


def _names_schema(prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    return {"type": ["string", "integer"], "examples": list(examples.get(prop.kind or "", ()))}


class EntityRule(Rule):
    type = PropertyType.ENTITY
    value_class = EntityValue
    needs_kind = True

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value | None:
        assert context.prop.kind is not None
        found = context.names.entity(context.prop.kind, raw, place)
        return EntityValue(found[0]) if found else None

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return _names_schema(prop, examples)

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, EntityValue)
        return words.view(words.entity(prop.kind, value.id))

    def hint(self, prop: Property) -> str:
        return f"a {prop.kind or ''}: its id or any name of it"

    def candidates(self, folded: str, prop: Property, context: SentenceContext) -> tuple[str, ...]:
        return context.finder.find(prop.kind, folded)


class EntitiesRule(Rule):
    type = PropertyType.ENTITIES
    value_class = EntitySetValue
    flags = MappingProxyType({"complete": True})
    flag_hints = ("add `complete: false` if the sentence lists only some of them",)
    needs_kind = True

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value | None:
        kind = context.prop.kind
        assert kind is not None
        if not isinstance(raw, YamlList):
            raise InvalidValue(f"expected a list of {kind} names, not {kind_of(raw)}")
        ids: list[str] = []
        unknown = False
        for item, item_place in zip(raw, raw.places, strict=True):
            found = context.names.entity(kind, item, item_place)
            if found is None:
                unknown = True
            elif found[0] in ids:
                context.names.add(
                    warning(
                        item_place,
                        "repeated-entity",
                        f"{item!r} names {found[0]!r}, already in this list",
                    )
                )
            else:
                ids.append(found[0])
        return None if unknown else EntitySetValue(frozenset(ids), context.flags["complete"])

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return {"type": "array", "items": _names_schema(prop, examples)}

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, EntitySetValue)
        items = tuple(sorted((words.entity(prop.kind, i) for i in value.ids), key=str.casefold))
        text = words.separator.join(items) + ("" if value.complete else words.separator + "…")
        return words.view(text, items, partial=not value.complete)

    def hint(self, prop: Property) -> str:
        return f"a list of {prop.kind or ''} names, such as [a, b, c]"

    def candidates(self, folded: str, prop: Property, context: SentenceContext) -> tuple[str, ...]:
        return context.finder.find(prop.kind, folded)

    def guess(self, candidates: tuple[str, ...]) -> Guess | None:
        return (list(candidates), ()) if candidates else None


# Finding entities in a sentence --------------------------------------------------------------


class EntityFinder:
    """Finds the entities of each kind named in a normalised sentence, by any of their names."""

    def __init__(self, entities: Mapping[str, Mapping[str, Entity]]) -> None:
        self.patterns: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for kind, by_id in entities.items():
            names = [
                (normalise(name), entity.id) for entity in by_id.values() for name in entity.names
            ]
            names = [(name, entity_id) for name, entity_id in names if name]
            names.sort(key=lambda pair: len(pair[0]), reverse=True)
            self.patterns[kind] = [
                (re.compile(rf"(?<!\w){PROCLITICS}{re.escape(name)}(?!\w)"), entity_id)
                for name, entity_id in names
            ]

    def find(self, kind: str | None, folded: str) -> tuple[str, ...]:
        if kind is None:
            return ()
        found: list[tuple[int, str]] = []
        for pattern, entity_id in self.patterns.get(kind, ()):
            match = pattern.search(folded)
            if match:
                found.append((match.start(), entity_id))
        return tuple(dict.fromkeys(entity_id for _, entity_id in sorted(found)))
