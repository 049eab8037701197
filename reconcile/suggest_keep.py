"""Which of an article's suggestions are kept: the thresholds of their scores, the share of
each sentence, property and figure, and the budget of an article as long as it is."""

from __future__ import annotations

import math
from operator import itemgetter
from typing import TYPE_CHECKING

from reconcile.model import Property
from reconcile.precedent import Precedent
from reconcile.values import PropertyType

if TYPE_CHECKING:
    from reconcile.suggest import Suggestion

__all__ = ["budget", "chosen", "filled", "promising"]

#: Below this score nothing is suggested of a property other sources quote: under it, such
#: suggestions are seldom what a claim says (fewer than one in twenty on the development
#: projects).
THRESHOLD = 0.275
#: The threshold of a number property other sources quote: a sentence of news holds many
#: figures, each of which fits the type, and on the development projects 2 of the 70 number
#: suggestions from 0.275 to 0.35 were what a claim says (18 of 85 of the other types).
NUMBER_THRESHOLD = 0.35
#: The threshold of a property no other source quotes, whose score rests on its words alone
#: (counted twice), when the project has other sources.
UNQUOTED_THRESHOLD = 0.2
#: The threshold of a project's first article, where no property is quoted: on the development
#: projects, 8 of the 197 suggestions of first articles from 0.2 to 0.25 were what a claim says
#: (one in twenty-five), 25 of the 90 from 0.25 to 0.3.
FIRST_THRESHOLD = 0.25
#: At most this many properties a sentence is suggested for (a per-entity property counting
#: once however many subjects it names): a long sentence may state many facts, and the
#: threshold keeps out what it does not state.
MAX_PER_SENTENCE = 12
#: How many properties of a sentence get their values read, the best first; and in all, at
#: most so many (sentence, property) pairs per suggestion of the article's budget, and so many
#: more.
PAIRS_PER_SENTENCE = MAX_PER_SENTENCE + 1
PAIRS_PER_BUDGET = 1.2
MORE_PAIRS = 50
#: At most this many suggestions per claim the other sources make, for an article as long.
BUDGET = 1.9
#: At most so many properties one figure of a sentence (one subject's) is suggested for, the
#: best scored: of the third and later, 1 in 30 was what a claim says.
PROPERTIES_PER_FIGURE = 2


def budget(precedent: Precedent, length: int) -> float:
    """At most how many suggestions an article of `length` characters gets."""
    if precedent.sources and precedent.claims_per_source and precedent.mean_length:
        return max(5, BUDGET * precedent.claims_per_source * length / precedent.mean_length)
    return math.inf


def promising(
    scored: list[tuple[float, int, Property]], most: float
) -> list[tuple[float, int, Property]]:
    """The (sentence, property) pairs worth reading values for (the best few of each sentence
    are `scored`), the best first: no more in all than 1.2 times `most` (the article's budget)
    and a few more, so that long articles stay quick, as a sentence may have a dozen
    properties."""
    scored.sort(key=itemgetter(0), reverse=True)  # stable: ties keep the sentences' order
    return scored[: int(PAIRS_PER_BUDGET * most) + MORE_PAIRS] if most < math.inf else scored


def chosen(
    found: list[Suggestion], precedent: Precedent, length: int, headline: int | None = None
) -> list[Suggestion]:
    """The suggestions kept, best first: one per (property, subject, value), a few properties
    per sentence (one per subject it names for a per-entity property), and no more in all than
    BUDGET times what the other sources claim for an article of this length, each subject of
    a per-entity property counting as one. A headline says again what the article's body
    says: a suggestion of it that a sentence of the body also makes is that sentence's, the
    words a claim would quote. One figure of a sentence is suggested for two properties at
    most."""
    found.sort(key=lambda s: (-s.score, s.line, s.property.topic, s.property.id))
    in_body = {s.key for s in found if s.line != headline}
    found = [s for s in found if s.line != headline or s.key not in in_body]
    most = budget(precedent, length)
    lowest = UNQUOTED_THRESHOLD if precedent.sources else FIRST_THRESHOLD
    kept: list[Suggestion] = []
    seen: set[tuple[str, str, str | None, str]] = set()
    per_sentence: dict[tuple[int, str], set[tuple[str, str]]] = {}
    per_property: dict[tuple[str, str, str | None], int] = {}
    per_figure: dict[tuple[object, ...], int] = {}
    for suggestion in found:
        if suggestion.score < lowest or len(kept) >= most:
            break
        group = (suggestion.property.topic, suggestion.property.id, suggestion.subject)
        if suggestion.score < _threshold(suggestion) and precedent.column(group[:2]) is not None:
            continue
        place = (suggestion.line, suggestion.sentence)
        told = per_sentence.setdefault(place, set())
        if suggestion.key in seen or (group[:2] not in told and len(told) >= MAX_PER_SENTENCE):
            continue
        if per_property.get(group, 0) >= _per_property(precedent, suggestion.property):
            continue
        figure = _figure(suggestion)
        if figure is not None and per_figure.get(figure, 0) >= PROPERTIES_PER_FIGURE:
            continue
        if figure is not None:
            per_figure[figure] = per_figure.get(figure, 0) + 1
        seen.add(suggestion.key)
        told.add(group[:2])
        per_property[group] = per_property.get(group, 0) + 1
        kept.append(suggestion)
    return kept


def _figure(suggestion: Suggestion) -> tuple[object, ...] | None:
    """The figure a number suggestion gives, where the sentence writes it: a figure states
    mostly one fact, so that it is suggested for PROPERTIES_PER_FIGURE properties at most."""
    if suggestion.property.type is not PropertyType.NUMBER:
        return None
    return (suggestion.line, suggestion.sentence, suggestion.subject, repr(suggestion.value))


def _threshold(suggestion: Suggestion) -> float:
    """The score a suggestion of a property other sources quote needs."""
    return NUMBER_THRESHOLD if suggestion.property.type is PropertyType.NUMBER else THRESHOLD


def _per_property(precedent: Precedent, prop: Property) -> int:
    known = precedent.known.get((prop.topic, prop.id))
    if known is None or not known.sources:
        return 3
    return max(2, math.ceil(2 * known.claims / known.sources))


def filled(
    settled: list[Suggestion], precedent: Precedent, length: int, headline: int | None
) -> set[tuple[str, str]]:
    """The properties whose suggestions without a subject `chosen` keeps as many of as it
    keeps of one property, among `settled` (the headline's left out: whether one is kept
    turns on all that the body suggests); keeping the headline's too only fills them more."""
    body = [s for s in settled if s.line != headline]
    kept = chosen(body, precedent, length)
    counts: dict[tuple[str, str], tuple[Property, int]] = {}
    for suggestion in kept:
        if suggestion.subject is None:
            prop = suggestion.property
            held = counts.get((prop.topic, prop.id), (prop, 0))[1]
            counts[prop.topic, prop.id] = (prop, held + 1)
    return {key for key, (prop, n) in counts.items() if n >= _per_property(precedent, prop)}
