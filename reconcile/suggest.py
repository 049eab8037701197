"""Claims guessed from an article, from what the project already knows.

Each sentence is scored against each property on the signals that tell, in the project's own
data, which sentences state which property: how like the sentence is to the quotes other sources
gave for it, whether it holds a value close to theirs, how often sources claim the property,
whether a value of the property's type is there at all, and the property's labels and keywords.
The value is then read from the sentence by the rule of the property's type (reconcile.extract),
nearest the words that signal the property.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import itemgetter
from typing import Any

import numpy as np

from reconcile.extract import (
    Found,
    Sentence,
    find_numbers,
    find_ordinals,
    stop_counts,
    without_possessives,
)
from reconcile.extract_dates import find_dates
from reconcile.extract_names import entity_spans, joining_verb, left_out_of
from reconcile.model import Config, Property
from reconcile.name_mentions import NameIndex
from reconcile.numerals import language_key
from reconcile.precedent import Known, Precedent, masked
from reconcile.suggest_cues import Cues, Rivals, rivals_of
from reconcile.suggest_keep import (
    PAIRS_PER_SENTENCE,
    THRESHOLD,
    UNQUOTED_THRESHOLD,
    budget,
    chosen,
    filled,
    promising,
)
from reconcile.suggest_subjects import named_by_date, named_by_kind, pairs_named, refers_to_two
from reconcile.suggest_text import headline_line, sentences
from reconcile.values import PropertyType
from reconcile.values.number import figures_in_percent, is_share

__all__ = ["Suggestion", "suggest_claims"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A claim an article's sentence may make, with its value as read, and how sure it is."""

    property: Property
    sentence: str
    line: int
    score: float
    value: object = None
    subject: str | None = None
    as_of: str | None = None
    approximate: bool = False
    complete: bool = True
    why: tuple[str, ...] = ()  # the signals that found it, for the hint
    also: tuple[str, ...] = ()  # other values the sentence holds

    @builtins.property
    def key(self) -> tuple[str, str, str | None, str]:
        """(topic, property, subject, value): what two suggestions must not share."""
        return (self.property.topic, self.property.id, self.subject, repr(self.value))


#: How much each signal weighs in a suggestion's score (0-1).
WEIGHTS = {"like": 0.5, "words": 0.25, "value": 0.15, "often": 0.1}
#: What entities named after "except", "all but", "باستثناء", "кроме", or in a sentence with a
#: verb of joining or signing, weigh as a word of a per-entity choice of their kind: the
#: sentence says those left out take another choice, and those who join the others' one.
LEFT_OUT = 0.75
#: What the score of a per-entity property weighs when the sentence names no subject of it,
#: which is then those the paragraph named last ("Finland brings more than territory. It keeps
#: 12,000 professional soldiers"): less than where the sentence names its own.
CARRIED = 0.8
#: How much more the words of a property no other source quotes weigh: it has no likeness
#: to be judged by, so that without more its words alone would lose every sentence to the
#: properties others quote. In a project's first article, no property is quoted.
UNQUOTED_WORDS = 2.0


@dataclass
class _Context:
    """What scoring every sentence needs, built once per article."""

    config: Config
    precedent: Precedent
    languages: tuple[str, ...]
    year: int | None
    published: str | None = None
    before: str | None = None  # the last date the article gave
    names_by_kind: dict[str, NameIndex] = field(default_factory=dict)
    dated_by_kind: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.given_year = self.year

    def names(self, kind: str) -> NameIndex:
        if kind not in self.names_by_kind:
            by_id = self.config.entities.get(kind, {})
            self.names_by_kind[kind] = NameIndex(
                {without_possessives(name): e.id for e in by_id.values() for name in e.names},
                close=self.config.settings.alias_threshold,
            )
        return self.names_by_kind[kind]

    def dated(self, kind: str) -> dict[str, frozenset[str]]:
        """The entities of a kind whose names give a day, a month or a year, by that date
        (EDTF): "First meaningful vote (15 January 2019)" is the vote of 2019-01-15,
        "انتخابات سبتمبر 2022" the election of 2022-09."""
        if kind not in self.dated_by_kind:
            days: dict[str, set[str]] = {}
            for entity in self.config.entities.get(kind, {}).values():
                for name in entity.names:
                    for found in find_dates(Sentence.of(name).tokens, self.languages, None):
                        if _DATE.fullmatch(str(found.value)):
                            days.setdefault(str(found.value), set()).add(entity.id)
            self.dated_by_kind[kind] = {day: frozenset(ids) for day, ids in days.items()}
        return self.dated_by_kind[kind]

    def rivals(
        self, read: _Reading, prop: Property, table: Mapping[tuple[str, str], Rivals]
    ) -> tuple[int, ...]:
        """Where the sentence names the words of the other properties of `prop`'s type that
        `prop` does not share (its own words and label entities do not count): a number next to
        "injured" is the injured, not the dead. `table`: the rivals' table to read."""
        rivals = table.get((prop.topic, prop.id))
        if rivals is None or not (rivals.words or rivals.entities):
            return ()
        return self._spots(read, rivals.words, rivals.entities)

    def rivalry(
        self, read: _Reading, prop: Property, table: Mapping[tuple[str, str], Rivals]
    ) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
        """For each other property of `prop`'s type whose words the sentence names, where the
        words of `prop` that it lacks stand, and where its words that `prop` lacks stand: a
        word `prop` shares with one rival still tells it from another ("73 seats" beside
        "elections": the seats, though another seats property has the word too)."""
        rivals = table.get((prop.topic, prop.id))
        found = []
        for words, entities, mine, named in rivals.each if rivals else ():
            theirs = self._spots(read, words, entities)
            if theirs:
                found.append((self._spots(read, mine, named), theirs))
        return tuple(found)

    @staticmethod
    def _spots(read: _Reading, words: frozenset[str], entities: frozenset[str]) -> tuple[int, ...]:
        spots = {at for word in words & read.cue_places.keys() for at in read.cue_places[word]}
        spots.update(at for entity, at, _ in read.spans if entity in entities)
        return tuple(sorted(spots))

    @cached_property
    def rival_table(self) -> dict[tuple[str, str], Rivals]:
        """What tells each number and date property from the others of its type."""
        return rivals_of(self.properties, self.cue_words, self.label_entities)

    @cached_property
    def per_cent_rival_table(self) -> dict[tuple[str, str], Rivals]:
        """What tells each property measured in per cent from the others so measured: a share
        written in per cent is no count's, whatever words stand by it ("1,477,735 votes, or
        17.38 per cent")."""
        shares = [p for p in self.properties if p.type is PropertyType.NUMBER and is_share(p)]
        return rivals_of(shares, self.cue_words, self.label_entities)

    @cached_property
    def cues(self) -> Cues:
        """The words that signal each property."""
        return Cues(self.properties)

    @cached_property
    def cue_words(self) -> dict[tuple[str, str], tuple[tuple[str, float], ...]]:
        return self.cues.words

    @cached_property
    def table(self) -> _Table:
        """What scoring a sentence for every property at once needs, as arrays."""
        return _Table.of(self.properties, self.precedent)

    @cached_property
    def properties(self) -> tuple[Property, ...]:
        return tuple(p for t in self.config.topics.values() for p in t.properties.values())

    @cached_property
    def label_entities(self) -> dict[tuple[str, str], frozenset[str]]:
        """The entities each property's label names: Turkey in "People killed in Turkey"."""
        names = self.precedent.names
        return {
            (p.topic, p.id): frozenset(
                entity
                for label in p.label.all()
                for entity, _, _ in entity_spans(Sentence.of(label).tokens, names)
            )
            for p in self.properties
        }


@dataclass(frozen=True)
class _Table:
    """Per property, in the order of `_Context.properties`: the column of its quotes (-1:
    none), the weighed share of other sources that claim it, and for each thing a type needs
    (#number, #date, an entity kind) which properties need it."""

    index: dict[tuple[str, str], int]
    columns: Any  # numpy arrays
    often: Any
    needs: dict[str, Any]
    choices: dict[str, Any]  # per entity kind, the choice properties of a subject of it

    @classmethod
    def of(cls, properties: Sequence[Property], precedent: Precedent) -> _Table:
        keys = [(p.topic, p.id) for p in properties]
        columns = [precedent.column(key) for key in keys]
        sources = precedent.sources or 1
        often = [precedent.known.get(key, Known()).sources / sources for key in keys]
        needs: dict[str, Any] = {}
        choices: dict[str, Any] = {}
        for at, prop in enumerate(properties):
            for need in _needs(prop):
                needs.setdefault(need, np.zeros(len(properties), dtype=bool))[at] = True
            if prop.subject and prop.type is PropertyType.CHOICE:
                choices.setdefault(prop.subject, np.zeros(len(properties), dtype=bool))[at] = True
        return cls(
            {key: at for at, key in enumerate(keys)},
            np.array([-1 if c is None else c for c in columns], dtype=np.int64),
            WEIGHTS["often"] * np.array(often, dtype=np.float64),
            needs,
            choices,
        )


def _needs(prop: Property) -> list[str]:
    needs = [prop.subject] if prop.subject else []
    if prop.type is PropertyType.NUMBER:
        needs.append("#number")
    elif prop.type is PropertyType.DATE:
        needs.append("#date")
    elif prop.type in (PropertyType.ENTITY, PropertyType.ENTITIES) and prop.kind:
        needs.append(prop.kind)
    return needs


def suggest_claims(
    text: str,
    config: Config,
    precedent: Precedent | None = None,
    *,
    language: str | None = None,
    year: int | None = None,
    published: str | None = None,
) -> list[Suggestion]:
    """The claims the article `text` may make, best first: one per (property, subject, value).

    `precedent` holds the claims of the project's other sources; without it (the project's
    first article) only labels, keywords and the fit of the values are used. `year` is the
    article's: it completes dates written without one ("15 May"); `published` (EDTF) is the
    day it appeared, from which "yesterday" and "on Tuesday" count.
    """
    precedent = precedent or Precedent(config, (), ())
    languages = language_key(
        (*filter(None, (language, config.language)), *precedent.languages, *_scripts(text))
    )
    if year is None and published and published[:4].isdigit():
        year = int(published[:4])
    context = _Context(config, precedent, languages, year, published)
    reads = list(_read(text, context))
    scored = [
        (base, index, prop)
        for index, read in enumerate(reads)
        for prop, base in _base_scores(read, context)
    ]
    headline = headline_line(text)
    pairs = promising(scored, budget(precedent, len(text)))
    found = _read_values(pairs, reads, context, len(text), headline)
    return chosen(found, precedent, len(text), headline)


@dataclass(frozen=True, eq=False)
class _Reading:
    """A sentence read once for every property: its values, its likeness to other sources'
    quotes, and the words of each property it holds."""

    line: int
    text: str
    parsed: Sentence
    dates: list[Found]
    numbers: list[Found]
    ordinals: list[Found]  # in words, outside its numbers and dates
    shape: str  # masked, as quotes are compared
    like: Any  # numpy arrays: per property, the best similarity and that quote's index
    nearest: Any
    cues: dict[tuple[str, str], tuple[tuple[int, float, str], ...]]
    spans: list[tuple[str, int, int]]  # the entities it names, as kind:id
    stops: tuple[int, ...]  # stop_counts of its tokens
    # per entity kind, those each sentence of the paragraph before it named, the last last (and,
    # when it refers back to two, the last two or more the article named)
    earlier: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    @cached_property
    def cue_places(self) -> dict[str, set[int]]:
        """Where each cue word of any property stands in the sentence."""
        places: dict[str, set[int]] = {}
        for hits in self.cues.values():
            for at, _, word in hits:
                places.setdefault(word, set()).add(at)
        return places


def _read(text: str, context: _Context) -> Iterator[_Reading]:
    precedent = context.precedent
    earlier: dict[str, tuple[tuple[str, ...], ...]] = {}  # in the paragraph
    in_article: dict[str, tuple[tuple[str, ...], ...]] = {}
    last_line = 0
    for line, sentence in sentences(text):
        parsed = Sentence.of(sentence)
        if len(parsed.tokens) < 3:
            continue
        if line > last_line + 1:  # a blank line between: a new paragraph
            earlier = {}
        last_line = line
        dates = find_dates(
            parsed.tokens, context.languages, context.year, context.before, context.published
        )
        numbers = find_numbers(parsed, context.languages, dates)
        ordinals = find_ordinals(parsed.tokens, context.languages, [*dates, *numbers])
        spans = entity_spans(parsed.tokens, precedent.names, parsed.capitalised)
        shape = masked(parsed.tokens, spans)
        like, nearest = precedent.similarity(shape)
        cues = context.cues.in_sentence(parsed)
        stops = stop_counts(parsed.tokens)
        told = earlier
        if refers_to_two(parsed.tokens):
            told = {**pairs_named(in_article), **earlier}
        yield _Reading(
            line, sentence, parsed, dates, numbers, ordinals, shape, like, nearest, cues, spans,
            stops, told,
        )  # fmt: skip
        for kind, ids in named_by_kind(spans).items():
            earlier = {**earlier, kind: (*earlier.get(kind, ()), ids)}
            in_article = {**in_article, kind: (*in_article.get(kind, ()), ids)}
        if dates:
            context.before = str(dates[-1].value)
        if dates and context.given_year is None and str(dates[-1].value)[:4].isdigit():
            context.year = int(str(dates[-1].value)[:4])


def _base_scores(read: _Reading, context: _Context) -> Iterator[tuple[Property, float]]:
    """The properties the sentence may state, with the score of its words and its likeness:
    every property at once, those whose type finds no value in it left out."""
    table = context.table
    words = np.zeros(len(context.properties), dtype=np.float64)
    for key, hits in read.cues.items():
        words[table.index[key]] = max(map(itemgetter(1), hits))
    signalled = left_out_of(read.parsed.tokens, read.spans)
    if joining_verb(read.parsed.tokens) is not None:
        signalled |= {entity for entity, _, _ in read.spans}
    for kind in {e.split(":", 1)[0] for e in signalled}:
        # "all but Azerbaijan, Georgia and Uzbekistan renewed", "Georgia joined the treaty":
        # a status of those left out, or of those who join
        if kind in table.choices:
            words[table.choices[kind]] += LEFT_OUT
    like = np.zeros(len(context.properties), dtype=np.float64)
    quoted = table.columns >= 0
    like[quoted] = read.like[table.columns[quoted]]
    words[~quoted] *= UNQUOTED_WORDS
    scores = WEIGHTS["like"] * np.minimum(1.0, like * 1.6) + WEIGHTS["words"] * words + table.often
    kinds = {entity.split(":", 1)[0] for entity, _, _ in read.spans}
    unnamed = read.earlier.keys() - kinds
    kinds |= unnamed
    kinds |= {  # "On 15 January MPs threw it out": the vote of 15 January, by its name
        kind
        for kind in table.needs.keys() - kinds
        if not kind.startswith("#") and named_by_date(read.dates, context.dated(kind))
    }
    absent = [table.needs[need] for need in table.needs if not _holds(read, kinds, need)]
    if absent:
        scores[np.logical_or.reduce(absent)] = 0.0
    for kind in unnamed & table.needs.keys():
        scores[table.needs[kind]] *= CARRIED
    order = np.argsort(-scores, kind="stable")[:PAIRS_PER_SENTENCE]
    lowest = np.where(quoted, THRESHOLD, UNQUOTED_THRESHOLD)
    for at in order[scores[order] >= lowest[order] * 0.6]:
        yield context.properties[at], float(scores[at])


def _holds(read: _Reading, kinds: set[str], need: str) -> bool:
    """Whether the sentence holds what a property's type needs: a number (or an ordinal in
    words, a number where other sources give it), a date, an entity of a kind."""
    if need == "#number":
        return bool(read.numbers or read.ordinals)
    if need == "#date":
        return bool(read.dates)
    return need in kinds


#: How many (sentence, property) pairs are read between two looks at which properties
#: `chosen` has filled already.
SETTLE_EVERY = 128


def _read_values(
    pairs: list[tuple[float, int, Property]],
    reads: Sequence[_Reading],
    context: _Context,
    length: int,
    headline: int | None,
) -> list[Suggestion]:
    """The suggestions of the pairs, read in their order (the best base first), but for those
    `chosen` drops in any case: once the suggestions read so far that outscore all a later
    pair can give (its base, plus the value's weight, plus 0.01 for rounding) fill the share of
    a property with no subject, its later pairs are not read. A property the headline suggests
    is read to the end: whether the headline's suggestion stays turns on all the body says."""
    found: list[Suggestion] = []
    full: set[tuple[str, str]] = set()
    on_headline: set[tuple[str, str]] = set()  # what the headline suggests decides with all
    settled = 0  # how many suggestions `full` was worked out from: they only grow in number
    for done, (base, index, prop) in enumerate(pairs):
        if done and done % SETTLE_EVERY == 0:
            above = [s for s in found if s.score > base + WEIGHTS["value"] + 0.01]
            if len(above) > settled:
                full = filled(above, context.precedent, length, headline) - on_headline
                settled = len(above)
        if prop.subject is None and (prop.topic, prop.id) in full:
            continue
        for suggestion in _suggestions(reads[index], prop, base, context):
            if suggestion.line == headline:
                on_headline.add((prop.topic, prop.id))
            found.append(suggestion)
    return found


def _suggestions(
    read: _Reading, prop: Property, base: float, context: _Context
) -> list[Suggestion]:
    from reconcile.suggest_rules import Look, candidates

    precedent = context.precedent
    key = (prop.topic, prop.id)
    column = precedent.column(key)
    cues = read.cues.get(key, ())
    known = precedent.known.get(key, Known())
    quote = None
    similarity = float(read.like[column]) if column is not None else 0.0
    if column is not None:
        quote = precedent.quote_claims[int(read.nearest[column])]
        cues = cues or _aligned(read.shape, precedent.quote_masks[int(read.nearest[column])])
    named = context.label_entities[key]
    spots: list[int] = []
    if named:
        spots = [start for entity, start, _ in read.spans if entity in named]
        base = base if spots else base * 0.6
    numbers, table = read.numbers, context.rival_table
    if prop.type is PropertyType.NUMBER and key in context.per_cent_rival_table:
        # a property measured in per cent takes the figures written so, when there are any
        shares = figures_in_percent(read.parsed, numbers)
        if shares:
            numbers, table = shares, context.per_cent_rival_table
    rivals = context.rivals(read, prop, table)
    rivalry = context.rivalry(read, prop, table) if rivals else ()
    told = table.get(key)
    mine = told.distinct if told else frozenset()
    own = tuple(at for at, _, word in cues if word in mine)
    own += tuple(at for entity, at, _ in read.spans if entity in mine)
    # the label's entities weigh as its strongest words, but a number or a date is read
    # with them apart (for one entity) and with the property's rivals in mind
    if prop.type not in (PropertyType.NUMBER, PropertyType.DATE):
        cues = (*cues, *((at, 1.0, "") for at in spots))
    look = Look(
        read.parsed, read.text, read.dates, numbers, _strongest(cues) or spots, known,
        quote, context.names, own, rivals, tuple(spots) if len(named) == 1 else (), read.stops,
        rivalry, context.published, read.earlier.get(prop.subject or "", ()),
        frozenset(e.partition(":")[2] for e in named if e.startswith(f"{prop.subject}:")),
        ordinals=read.ordinals,
        dated=context.dated(prop.subject) if prop.subject else {},
    )  # fmt: skip
    why: tuple[str, ...] = (f"like {quote.source}",) if quote and similarity >= 0.25 else ()
    why += tuple(f"keyword {_written_word(read.parsed, at)!r}" for at, _, word in cues[:1] if word)
    return [
        replace(s, score=round(base + WEIGHTS["value"] * _closeness(s, known), 2))
        for s in candidates(prop, look, read.line, why)
    ]


def _written_word(sentence: Sentence, at: int) -> str:
    """The whole word of the sentence that token `at` is part of, without its punctuation."""
    word = sentence.words()[sentence.tokens[at].word]
    return re.sub(r"^\W+|\W+$", "", word) or word


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_SCRIPTS = (("ar", re.compile(r"[\u0600-\u06ff]")), ("ru", re.compile(r"[\u0400-\u04ff]")))


def _scripts(text: str) -> list[str]:
    """The languages whose script the text is written in, beside English: ar, ru."""
    sample = text[:20_000]
    return ["en", *(language for language, letters in _SCRIPTS if letters.search(sample))]


def _strongest(cues: Sequence[tuple[int, float, str]]) -> list[int]:
    """Where the strongest of the words that signal a property stand."""
    top = max((weight for _, weight, _ in cues), default=0.0)
    return [at for at, weight, _ in cues if weight >= 0.75 * top]


def _aligned(shape: str, quote: str) -> tuple[tuple[int, float, str], ...]:
    """Where in the sentence the most similar quote of another source lies: its middle token."""
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(quote, shape)
    if alignment is None or alignment.score < 50:
        return ()
    middle = (alignment.dest_start + alignment.dest_end) // 2
    return ((shape.count(" ", 0, middle), 0.0, ""),)


def _closeness(suggestion: Suggestion, known: Known) -> float:
    """How close the value is to the values other sources gave (0-1)."""
    value = suggestion.value
    prop = suggestion.property
    if prop.type is PropertyType.DATE and isinstance(value, str) and value[:4].isdigit():
        return 1.0 if int(value[:4]) in known.years else 0.0
    if prop.type is PropertyType.NUMBER:
        return known.figure_closeness(value)
    if prop.type is PropertyType.ENTITY:
        return 1.0 if value in known.entities else 0.0
    if prop.type is PropertyType.CHOICE and known.choices:
        return known.choices.get(str(value), 0) / max(known.choices.values())
    if prop.type is PropertyType.ENTITIES and isinstance(value, list) and known.lists:
        named = set(value)
        return max(len(named & ids) / len(named | ids) for ids in known.lists)
    return 0.0
