"""The kinds of value a claim can hold, and one rule per property type that knows them.

Every value is immutable, knows its canonical JSON form, and relates to another value of its
kind as equal, compatible (they differ only in precision or completeness) or contradicting.
Everything a property type means lives in its `Rule`: how a value is read from YAML, which
claim flags it takes, its JSON Schema, how a reader sees it, what add-source looks for in a
sentence. `RULES` holds one rule per type; adding a type is one `Rule` subclass and one line
there.
"""

from __future__ import annotations

import builtins
import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from reconcile.problems import Place, Problem

if TYPE_CHECKING:
    from reconcile.model import Property, Settings


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
    """A value that cannot be read as its property's type; the message says what was expected.

    `code` names the problem when it is not the type's usual one.
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


def shown(raw: object) -> str:
    """A value read from YAML as a message shows it: a date as it was written, not as Python
    writes it."""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, str) and len(raw) > 60:
        return repr(raw[:60]) + f"… ({len(raw):,} characters)"
    return repr(raw)


class Value(Protocol):
    def relate(self, other: Value) -> Relation: ...
    def canonical(self) -> object: ...


# What reading, describing and suggesting a value needs from the rest of the program ----------


class Names(Protocol):
    """Resolves entity names while a value is read, and hears of the problems found."""

    def entity(self, kind: str, raw: object, place: Place) -> tuple[str, str] | None:
        """The id of the entity `raw` names and the name as written; None, reported, if none."""
        ...

    def add(self, problem: Problem) -> None: ...


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What reading a value needs besides the value: its property, the settings, the names."""

    prop: Property
    settings: Settings
    flags: Mapping[str, bool]  # the claim's flags the property's type takes (SPEC §3)
    names: Names


ViewT = TypeVar("ViewT", covariant=True)


class Describer(Protocol[ViewT]):
    """The reader's language, as describing a value needs it; `view` builds the description."""

    @property
    def separator(self) -> str: ...
    @property
    def months(self) -> Sequence[str]: ...
    def t(self, key: str, **fields: object) -> str: ...
    def entity(self, kind: str | None, entity_id: str) -> str: ...
    def number(self, number: float) -> str: ...
    def view(
        self,
        text: str,
        items: tuple[str, ...] = (),
        precision: str | None = None,
        partial: bool = False,
        code: str | None = None,
    ) -> ViewT: ...


class SentenceLook(Protocol):
    """What a rule reads a sentence with, for add-source (reconcile/suggest_rules.py's `Look`):
    the sentence, the dates and numbers found in it, where the property's words stand, what
    other sources claim of the property, the most similar quote, the names of each kind."""

    @property
    def sentence(self) -> Any: ...
    @property
    def text(self) -> str: ...
    @property
    def dates(self) -> Sequence[Any]: ...
    @property
    def numbers(self) -> Sequence[Any]: ...
    @property
    def near(self) -> Sequence[int]: ...
    @property
    def known(self) -> Any: ...
    @property
    def quote(self) -> Any: ...
    @property
    def names(self) -> Callable[[str], Any]: ...
    @property
    def stops(self) -> Sequence[int]: ...
    @property
    def subject(self) -> Any: ...  # the tokens of the subject read for, if any
    @property
    def ordinals(self) -> Sequence[Any]: ...  # ordinals in words, as their numbers


class Rule(ABC):
    """Everything one property type means."""

    type: ClassVar[PropertyType]
    value_class: ClassVar[builtins.type]
    #: The claim flags the type takes, with their defaults: complete, approximate…
    flags: ClassVar[Mapping[str, bool]] = MappingProxyType({})
    needs_kind: ClassVar[bool] = False  # entity values: the property names their `kind`
    needs_choices: ClassVar[bool] = False
    takes_tolerance: ClassVar[bool] = False
    error_code: ClassVar[str] = "wrong-type"  # the code of a value the type cannot read

    @abstractmethod
    def read(self, raw: Any, place: Place, context: ReadContext) -> Value | None:
        """The value `raw` (as parsed from YAML) holds; raises InvalidValue when it holds none.

        None when a problem was already reported through `context.names`.
        """

    def relate(self, a: Value, b: Value) -> Relation:
        """How two values of this type relate."""
        return a.relate(b)

    def canonical(self, value: Value) -> object:
        """The value's canonical JSON form."""
        return value.canonical()

    @abstractmethod
    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        """The JSON Schema of a value; `examples` maps an entity kind to some of its names."""

    @abstractmethod
    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        """The value as a reader sees it, in the words of `words`."""

    @abstractmethod
    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """What add-source looks for in a sentence: the values of the property it holds (as
        `reconcile.extract.Found`), the likeliest first."""


from reconcile.values.choice import (  # noqa: E402 (the rules build on the classes above)
    BooleanRule,
    BooleanValue,
    ChoiceRule,
    ChoiceValue,
    parse_boolean,
)
from reconcile.values.date import DateRule, DateValue, date_span, parse_date  # noqa: E402
from reconcile.values.entity import (  # noqa: E402
    EntitiesRule,
    EntityRule,
    EntitySetValue,
    EntityValue,
)
from reconcile.values.number import (  # noqa: E402
    NumberRule,
    NumberValue,
    Tolerance,
    parse_number,
    parse_tolerance,
)
from reconcile.values.text import TextRule, TextValue, parse_text  # noqa: E402

_RULES: tuple[Rule, ...] = (
    DateRule(),
    NumberRule(),
    EntityRule(),
    EntitiesRule(),
    ChoiceRule(),
    BooleanRule(),
    TextRule(),
)

#: The rule of each property type.
RULES: Mapping[PropertyType, Rule] = MappingProxyType({rule.type: rule for rule in _RULES})
assert set(RULES) == set(PropertyType), "every property type needs its rule"

_BY_VALUE: Mapping[type, Rule] = MappingProxyType({rule.value_class: rule for rule in _RULES})


def rule_for(value: Value) -> Rule:
    """The rule of the type `value` belongs to."""
    return _BY_VALUE[type(value)]


def types_taking(flag: str) -> tuple[PropertyType, ...]:
    """The property types whose claims take `flag`."""
    return tuple(prop_type for prop_type, rule in RULES.items() if flag in rule.flags)


__all__ = [
    "RULES",
    "BooleanValue",
    "ChoiceValue",
    "DateValue",
    "Describer",
    "EntitySetValue",
    "EntityValue",
    "InvalidValue",
    "Names",
    "NumberValue",
    "PropertyType",
    "ReadContext",
    "Relation",
    "Rule",
    "SentenceLook",
    "Span",
    "TextValue",
    "Tolerance",
    "Value",
    "date_span",
    "parse_boolean",
    "parse_date",
    "parse_number",
    "parse_text",
    "parse_tolerance",
    "rule_for",
    "types_taking",
]
