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
        """For a subject, its title (`title_of`), else a text other sources gave written
        next to it. Then the words that write a text other sources gave; else the words the
        sentence puts in quotation marks; else the clause after the property's words (after
        the subject, for a subject: "فريد زهران، رئيس حزبه، ورمزه الشمس")."""
        from reconcile.extract import Found, phrases
        from reconcile.extract_text import clause_after, find_quoted, find_text, title_of

        found = find_text(look.text, look.known.texts)
        subject = look.subject
        if subject is not None:
            tokens = look.sentence.tokens
            first, last = tokens[subject.start].word, tokens[subject.end - 1].word
            beside = [f for f in found if first - 2 <= f.end <= first or last < f.start <= last + 3]
            heads = frozenset(word for words in phrases(*look.known.texts) for word in words)
            span = (subject.start, subject.end)
            title = title_of(look.sentence, look.text, span, look.near, heads, look.stops)
            if title is not None and title.value:
                return [title]
            if beside:
                return beside
        if found:
            return found
        quoted = find_quoted(look.text)
        if quoted:
            return [Found(quoted, look.near[0] if look.near else 0, 1)]
        if subject is None:
            return [clause_after(look.sentence, look.text, look.near[0])] if look.near else []
        later = [at for at in look.near if at >= subject.end]
        at = later[0] if later else subject.end - 1
        read = clause_after(look.sentence, look.text, at)
        return [read] if read.value else []
