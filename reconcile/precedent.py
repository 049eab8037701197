"""What a project's other sources already claim, as add-source learns from it: for each property,
the quotes that back its claims (names and numbers masked), their values, and how often sources
claim it; and how similar a new sentence is to those quotes (character 3-5-grams, TF-IDF)."""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from reconcile.extract import Sentence, without_possessives
from reconcile.extract_names import entity_spans
from reconcile.model import Claim, Config, Project
from reconcile.name_mentions import NameIndex
from reconcile.values import (
    BooleanValue,
    ChoiceValue,
    DateValue,
    EntitySetValue,
    EntityValue,
    NumberValue,
)
from reconcile.wordforms import Token

__all__ = ["Known", "Precedent", "all_names", "masked", "precedent_of"]

PropertyKey = tuple[str, str]

#: How many quotes of one property are compared with each sentence: enough to learn how
#: articles word it, few enough that a project of thousands of claims stays quick.
MAX_QUOTES = 24
_GRAMS = (3, 4, 5)
#: What the share of a quote's n-grams the sentence holds weighs against their cosine: a short
#: quote ("Miguel Luna, 49", masked "§ § , 0") held whole in a long sentence has a low cosine
#: with it. On the development projects 0.3 found 20 more claims, 15 of them right; 0.45 and
#: 0.6 found more but put Arabic values right under 85 % and suggestions per claim up.
HELD_WEIGHT = 0.3


@dataclass(frozen=True)
class Known:
    """What the other sources claim about one property."""

    sources: int = 0  # how many other sources claim it
    claims: int = 0
    years: frozenset[int] = frozenset()
    numbers: tuple[float, ...] = ()
    entities: frozenset[str] = frozenset()
    lists: tuple[frozenset[str], ...] = ()
    choices: Counter[str] = field(default_factory=Counter)
    truths: Counter[bool] = field(default_factory=Counter)
    texts: tuple[str, ...] = ()
    intervals: int = 0  # dates other sources gave as an interval
    # of a per-entity property of entities, the subjects each value was given for
    owners: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # number_closeness of each number asked: an article's figures are asked of many times
    _closeness: dict[float, float] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def number_set(self) -> frozenset[float]:
        """The numbers other sources gave, as a set."""
        return frozenset(self.numbers)

    def figure_closeness(self, value: object) -> float:
        """`number_closeness` of a number value, or of the nearer of a range's bounds; 0 for
        any other value."""
        bounds = list(value.values()) if isinstance(value, dict) else [value]
        numbers = [float(b) for b in bounds if isinstance(b, (int, float))]
        return max(map(self.number_closeness, numbers), default=0.0)

    def number_closeness(self, number: float) -> float:
        """How close `number` is to the nearest number other sources gave: the ratio of the
        smaller to the larger (1 when equal, 0 when none is known)."""
        if number <= 0 or not self.numbers:
            return 0.0
        if number in self._closeness:
            return self._closeness[number]
        at = bisect.bisect_left(self.numbers, number)
        best = 0.0
        for known in self.numbers[max(0, at - 1) : at + 1]:
            if known > 0:
                best = max(best, known / number if known < number else number / known)
        self._closeness[number] = best
        return best


def masked(found: Sequence[Token], spans: Iterable[tuple[str, int, int]]) -> str:
    """The tokens with every entity name (`spans`: entity_spans of the tokens) written as §
    and every digit as 0, so that what is compared is how a fact is worded, not which entity
    or figure it names."""
    words = [t.text for t in found]
    for _, start, end in spans:
        words[start:end] = ["§"] * (end - start)
    return " ".join(w if not w[:1].isdigit() else "0" for w in words)


def _masked_quote(quote: str, names: NameIndex) -> str:
    parsed = Sentence.of(quote)
    return masked(parsed.tokens, entity_spans(parsed.tokens, names, parsed.capitalised))


def all_names(config: Config) -> NameIndex:
    """Every name of every entity, for masking, and the names written closely."""
    names: dict[str, str] = {}
    for kind, by_id in config.entities.items():
        for entity in by_id.values():
            for name in entity.names:
                names.setdefault(without_possessives(name), f"{kind}:{entity.id}")
    return NameIndex(names, close=config.settings.alias_threshold)


class Precedent:
    """The claims of the project's other sources, per property."""

    def __init__(
        self,
        config: Config,
        claims: Iterable[Claim],
        lengths: Sequence[int],
        languages: Iterable[str] = (),
    ) -> None:
        """`claims` are the other sources' claims; `lengths` their texts' lengths; `languages`
        those the project's sources are written in."""
        self.names = all_names(config)
        sources = self.sources = len(lengths)  # how many other sources the project has
        self.mean_length = sum(lengths) / sources if sources else 0.0
        self.languages = tuple(languages)
        by_key: dict[PropertyKey, list[Claim]] = {}
        for claim in claims:
            by_key.setdefault((claim.topic, claim.property), []).append(claim)
        self.known: Mapping[PropertyKey, Known] = {k: _known(c) for k, c in by_key.items()}
        self.claims_per_source = sum(len(c) for c in by_key.values()) / sources if sources else 0.0
        quotes: list[tuple[PropertyKey, str, Claim]] = []
        for key, group in sorted(by_key.items()):
            with_quotes = [c for c in group if c.quote]
            step = max(1, math.ceil(len(with_quotes) / MAX_QUOTES))
            for claim in with_quotes[::step]:
                quotes.append((key, _masked_quote(claim.quote or "", self.names), claim))
        self.keys: tuple[PropertyKey, ...] = tuple(dict.fromkeys(k for k, _, _ in quotes))
        self._column_of = {key: column for column, key in enumerate(self.keys)}
        self.quote_claims = tuple(c for _, _, c in quotes)
        self.quote_masks = tuple(q for _, q, _ in quotes)
        self._columns = np.array([self._column_of[k] for k, _, _ in quotes], dtype=np.int64)
        self._index(q for _, q, _ in quotes)

    def column(self, key: PropertyKey) -> int | None:
        """The place of a property in `keys`, None when no other source quotes it."""
        return self._column_of.get(key)

    def _index(self, quotes: Iterable[str]) -> None:
        grams = [_grams(q) for q in quotes]
        frequency = Counter(g for gs in grams for g in set(gs))
        self._vocabulary = {g: i for i, g in enumerate(sorted(frequency))}
        total = len(grams)
        self._idf = np.array(
            [math.log((1 + total) / (1 + frequency[g])) + 1 for g in sorted(frequency)],
            dtype=np.float32,
        )
        self._unseen_idf = math.log(1 + total) + 1
        matrix = np.zeros((len(self._vocabulary), max(total, 1)), dtype=np.float32)
        held = np.zeros_like(matrix)
        for column, gs in enumerate(grams):
            counts = Counter(self._vocabulary[g] for g in gs)
            rows = np.fromiter(counts, dtype=np.int64)
            weights = np.sqrt(np.fromiter(counts.values(), dtype=np.float32)) * self._idf[rows]
            norm = float(np.linalg.norm(weights)) or 1.0
            matrix[rows, column] = weights / norm * self._idf[rows]
            held[rows, column] = weights**2 / norm**2  # each n-gram's share of the quote
        self._both = np.hstack([matrix, held])  # one row per n-gram, read in one go
        self._idf_squared = self._idf**2
        # the quotes of each property stand together, in the order of `keys`
        self._starts = np.flatnonzero(np.diff(self._columns, prepend=-1))
        self._positions = np.arange(len(self._columns))

    def similarity(self, sentence: str) -> tuple[np.ndarray, np.ndarray]:
        """For each property of `keys`, the likeness of the masked sentence to its most similar
        quote (their cosine, or `HELD_WEIGHT` times the share of the quote the sentence holds,
        the greater), and that quote's index in `quote_claims`."""
        if not self.keys:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        grams = set(_grams(sentence))
        rows = np.sort(  # in a fixed order: float sums in set order would vary from run to run
            np.fromiter(
                (i for g in grams if (i := self._vocabulary.get(g)) is not None), dtype=np.int64
            )
        )
        unseen = len(grams) - len(rows)
        squares = float(np.sum(self._idf_squared[rows])) + unseen * self._unseen_idf**2
        norm = math.sqrt(squares) or 1
        quotes = len(self._columns)
        if len(rows):
            sums = self._both[rows].sum(axis=0)
            scores = np.maximum(sums[:quotes] / norm, HELD_WEIGHT * sums[quotes:])
        else:
            scores = np.zeros(quotes, dtype=np.float32)
        best = np.maximum.reduceat(scores, self._starts)
        # of the quotes as like it as the best, the first
        firsts = np.where(scores == best[self._columns], self._positions, quotes)
        which = np.minimum.reduceat(firsts, self._starts)
        return best, which


def _grams(text: str) -> list[str]:
    padded = f" {text} "
    return [padded[i : i + n] for n in _GRAMS for i in range(len(padded) - n + 1)]


def _known(claims: Sequence[Claim]) -> Known:
    years: set[int] = set()
    numbers: list[float] = []
    entities: set[str] = set()
    lists: list[frozenset[str]] = []
    choices: Counter[str] = Counter()
    truths: Counter[bool] = Counter()
    texts: list[str] = []
    owners: dict[str, set[str]] = {}
    intervals = 0
    for claim in claims:
        value = claim.value
        if isinstance(value, EntityValue) and claim.subject is not None:
            owners.setdefault(value.id, set()).add(claim.subject)
        if isinstance(value, DateValue) and "/" in value.edtf:
            intervals += 1
        if isinstance(value, DateValue) and value.edtf[:4].isdigit():
            years.add(int(value.edtf[:4]))
        elif isinstance(value, NumberValue):
            numbers += [b for b in (value.minimum, value.maximum) if b is not None]
        elif isinstance(value, EntityValue):
            entities.add(value.id)
        elif isinstance(value, EntitySetValue):
            lists.append(value.ids)
        elif isinstance(value, ChoiceValue):
            choices[value.choice] += 1
        elif isinstance(value, BooleanValue):
            truths[value.truth] += 1
        elif isinstance(claim.written, str):
            texts.append(claim.written)
    return Known(
        len({c.source for c in claims}),
        len(claims),
        frozenset(years),
        tuple(sorted(numbers)),
        frozenset(entities),
        tuple(lists),
        choices,
        truths,
        tuple(texts),
        intervals,
        {entity: frozenset(subjects) for entity, subjects in owners.items()},
    )


def precedent_of(project: Project, leaving_out: str | None = None) -> Precedent:
    """What the project's sources other than `leaving_out` claim."""
    others = [s for s in project.sources.values() if s.id != leaving_out]
    claimed = {c.source for c in project.claims}
    return Precedent(
        project.config,
        (c for c in project.claims if c.source != leaving_out),
        [len(s.text) for s in others if s.id in claimed],
        {s.language for s in project.sources.values() if s.language},
    )
