"""Entities: one entity, or a list of them that may be partial (`complete: false`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reconcile.fields import kind_of
from reconcile.problems import Place, warning
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
)
from reconcile.yamlfile import YamlList

if TYPE_CHECKING:
    from reconcile.model import Property


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

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The entity of the property's kind nearest its words."""
        from reconcile.extract import nearest
        from reconcile.extract_names import find_entity

        found = find_entity(
            look.sentence.tokens, look.names(prop.kind or ""), look.sentence.capitalised
        )
        return nearest(found, look.near, lambda e: float(e.value in look.known.entities))


class EntitiesRule(Rule):
    type = PropertyType.ENTITIES
    value_class = EntitySetValue
    flags = MappingProxyType({"complete": True})
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

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The list nearest the property's words; for a property of what is left out ("did not
        renew"), the entities named after "except"."""
        from reconcile.extract import Found, nearest
        from reconcile.extract_names import find_entities
        from reconcile.extract_words import negated_words

        least = 1 if prop.subject and _mostly_single(look.known.lists) else 2
        lists = find_entities(
            look.sentence.tokens, look.names(prop.kind or ""), least, look.sentence.capitalised
        )
        if negated_words(prop.label.all() + prop.keywords):
            lists = [Found(list(f.left_out), f.start, f.end) for f in lists if f.left_out]
        lists = [f for f in lists if f.value]

        def overlap(found: Found) -> float:
            named = set(found.value) if isinstance(found.value, list) else set()
            known = look.known.lists
            return max((len(named & ids) / len(named | ids) for ids in known), default=0.0)

        return nearest(lists, look.near, overlap)


def _mostly_single(lists: Sequence[frozenset[str]]) -> bool:
    """Whether most lists other sources give a per-entity property name one entity (each
    person's nationality): a name alone is then a list too."""
    return bool(lists) and 2 * sum(len(ids) == 1 for ids in lists) > len(lists)


# Finding entities in a sentence --------------------------------------------------------------
