"""Free text: two texts agree when similar enough once normalised."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from reconcile.normalise import normalise
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
        raise InvalidValue(f"expected text, got {shown(raw)}")
    return TextValue(str(raw), threshold)


class TextRule(Rule):
    type = PropertyType.TEXT
    value_class = TextValue

    def read(self, raw: Any, place: Place, context: ReadContext) -> Value:
        return parse_text(raw, context.settings.text_threshold)

    def schema(self, prop: Property, examples: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        return {"type": ["string", "number"]}

    def describe(self, value: Any, prop: Property, words: Describer[ViewT]) -> ViewT:
        assert isinstance(value, TextValue)
        return words.view(value.text)

    def find(self, prop: Property, look: SentenceLook) -> list[Any]:
        """The words that write a text other sources gave; else the words the sentence puts in
        quotation marks; else the clause after the property's words."""
        from reconcile.extract import Found
        from reconcile.extract_words import clause_after, find_quoted, find_text

        found = find_text(look.text, look.known.texts)
        if found:
            return found
        quoted = find_quoted(look.text)
        if quoted:
            return [Found(quoted, look.near[0] if look.near else 0, 1)]
        return [clause_after(look.sentence, look.text, look.near[0])] if look.near else []
