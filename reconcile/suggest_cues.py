"""The words that signal each property in a sentence: its keywords and the words of its
label, each weighted by how few properties share it, found at the start of a word after any
Arabic proclitic."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from reconcile.extract import Sentence
from reconcile.extract_words import choice_forms
from reconcile.model import Property
from reconcile.normalise import normalise
from reconcile.values import PropertyType
from reconcile.wordforms import Token, arabic_stems, tokens

__all__ = ["FUNCTION_WORDS", "Cues", "Rivals", "rivals_of"]

#: The cues a token begins: those of one word (property, weight, text), and those of more
#: words whose first word it is, by their second word (words, property, weight, text).
_CueStart = tuple[
    tuple[tuple[tuple[str, str], float, str], ...],
    dict[str, list[tuple[tuple[str, ...], tuple[str, str], float, str]]],
]


#: Words of a label that say nothing of what it is about: they signal no property.
FUNCTION_WORDS = frozenset(
    normalise(w)
    for w in (
        "that", "which", "with", "from", "into", "this", "these", "those", "their", "there",
        "have", "been", "were", "when", "where", "what", "after", "before", "other", "than",
        "more", "less", "about", "over", "under", "between", "each", "every", "first",
        "التي", "الذي", "الذين", "اللذين", "هذه", "هذا", "ذلك", "تلك", "بين", "بعد", "قبل",
        "على", "إلى", "الى", "عند", "حتى", "منذ", "خلال", "كان", "كانت",
        "который", "которая", "которые", "которых", "этот", "эта", "эти", "того", "после",
        "перед", "между", "были", "было", "была", "более", "менее", "каждый",
    )
)  # fmt: skip


class Cues:
    """The cue words of a project's properties, and where they stand in a sentence."""

    def __init__(self, properties: Sequence[Property]) -> None:
        self.properties = tuple(properties)
        self.starts: dict[str, _CueStart] = {}

    @cached_property
    def words(self) -> dict[tuple[str, str], tuple[tuple[str, float], ...]]:
        """Each property's keywords and label words, weighted by how few properties share them."""
        words = {(p.topic, p.id): _cue_words(p) for p in self.properties}
        spread: dict[str, int] = {}
        for found in words.values():
            for word in set(found):
                spread[word] = spread.get(word, 0) + 1
        total = len(words) or 1
        return {
            key: tuple(
                (word, weight * (1 - math.log(spread[word]) / math.log(total + 1)))
                for word, weight in found.items()
            )
            for key, found in words.items()
        }

    @cached_property
    def cue_index(self) -> dict[str, list[tuple[tuple[str, ...], tuple[str, str], float, str]]]:
        """Every cue word's first token, and the cues that begin with it."""
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, str], float, str]]] = {}
        for key, words in self.words.items():
            for word, weight in words:
                parts = tuple(t.text for t in tokens(word))
                if parts:
                    index.setdefault(parts[0], []).append((parts, key, weight, word))
        return index

    @cached_property
    def cue_lengths(self) -> tuple[int, ...]:
        """The lengths of the cues' first words, shortest first."""
        return tuple(sorted({len(first) for first in self.cue_index if len(first) >= 2}))

    def in_sentence(
        self, sentence: Sentence
    ) -> dict[tuple[str, str], tuple[tuple[int, float, str], ...]]:
        """For each property, where its words stand in the sentence: at the start of a word,
        after any Arabic proclitic; a cue's last word may go on (sign finds signed)."""
        found = sentence.tokens
        hits: dict[tuple[str, str], set[tuple[int, float, str]]] = {}
        for at, token in enumerate(found):
            single, longer = self.starting(token.text)
            for key, weight, word in single:
                hits.setdefault(key, set()).add((at, weight, word))
            if not longer or at + 1 >= len(found):
                continue
            after = found[at + 1].text
            for length in {len(second) for second in longer}:
                for parts, key, weight, word in longer.get(after[:length], ()):
                    if _cue_at(found, at, parts, whole=True):
                        hits.setdefault(key, set()).add((at, weight, word))
        return {key: tuple(sorted(found_hits)) for key, found_hits in hits.items()}

    def starting(self, token: str) -> _CueStart:
        """The cues of one word that the token begins, after any Arabic proclitic, and the
        cues of more words whose first word it is, by their second: looked up once per
        distinct token."""
        if token not in self.starts:
            single: list[tuple[tuple[str, str], float, str]] = []
            longer: dict[str, list[tuple[tuple[str, ...], tuple[str, str], float, str]]] = {}
            for stem in arabic_stems(token):
                for length in self.cue_lengths:
                    if length > len(stem):
                        break
                    for parts, key, weight, word in self.cue_index.get(stem[:length], ()):
                        if len(parts) == 1:
                            single.append((key, weight, word))
                        elif length == len(stem):
                            longer.setdefault(parts[1], []).append((parts, key, weight, word))
            self.starts[token] = (tuple(single), longer)
        return self.starts[token]


#: What a keyword of one word weighs in its other forms, and a word of the label or the id.
KEYWORD_FORM = 0.8
LABEL_WORD = 0.6


def _cue_words(prop: Property) -> dict[str, float]:
    found = {normalise(k): 1.0 for k in prop.keywords if normalise(k)}
    for keyword in [k for k in found if " " not in k]:
        # "إصابة" also finds "أصاب", "انضمت" "تنضم", "вступила" "вступили", "hosted" "hosts"
        for form in (_stem(keyword), *choice_forms(keyword)[1:]):
            found.setdefault(form, KEYWORD_FORM)
    for label in (*prop.label.all(), prop.id.replace("_", " ")):
        for token in tokens(normalise(label)):
            word = token.text
            if len(word) >= 4 and not word.isdigit() and word not in FUNCTION_WORDS:
                found.setdefault(_stem(word), LABEL_WORD)
    return found


def _stem(word: str) -> str:
    """The start of a word that its other forms share: all but its last two letters (at least
    four), without an Arabic article."""
    word = _without_article(word)
    return word[: max(4, len(word) - 2)]


def _without_article(word: str) -> str:
    """An Arabic word without its article, which a sentence's words are matched without too:
    cut with it, "الجميع" (all) would keep only "الجم" and signal "الجماعي" (collective)."""
    return word[2:] if word.startswith("ال") and len(word) >= 5 else word


def _cue_at(found: Sequence[Token], at: int, parts: tuple[str, ...], *, whole: bool) -> bool:
    """Whether a cue of `parts` is written from token `at`, whose stem begins with its first
    word (`whole`: is that word)."""
    if len(parts) == 1:
        return True
    if not whole or at + len(parts) > len(found):
        return False
    middle = [t.text for t in found[at + 1 : at + len(parts) - 1]]
    return middle == list(parts[1:-1]) and found[at + len(parts) - 1].text.startswith(parts[-1])


#: Of one rival of a property: the words and label entities it has and the property lacks, then
#: those the property has and it lacks.
Rival = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class Rivals:
    """What tells a number or date property from the other properties of its type."""

    each: tuple[Rival, ...]  # per other property of its type
    words: frozenset[str]  # the words of the others that it lacks
    entities: frozenset[str]  # the entities their labels name and its label does not
    distinct: frozenset[str]  # its words and label entities that no other has


def rivals_of(
    properties: Sequence[Property],
    cue_words: Mapping[tuple[str, str], Sequence[tuple[str, float]]],
    label_entities: Mapping[tuple[str, str], frozenset[str]],
) -> dict[tuple[str, str], Rivals]:
    """For each number and date property, what tells it from the others of its type, by their
    cue words and the entities their labels name."""
    found = {}
    for prop in properties:
        if prop.type not in (PropertyType.NUMBER, PropertyType.DATE):
            continue
        key = (prop.topic, prop.id)
        mine = frozenset(word for word, _ in cue_words[key])
        named = label_entities[key]
        each: list[Rival] = []
        for other in properties:
            other_key = (other.topic, other.id)
            if other.type is not prop.type or other_key == key:
                continue
            words = frozenset(word for word, _ in cue_words[other_key])
            entities = label_entities[other_key]
            each.append(
                (_lacking(words, mine), entities - named, _lacking(mine, words), named - entities)
            )
        found[key] = Rivals(
            tuple(each),
            frozenset().union(*(r[0] for r in each)),
            frozenset().union(*(r[1] for r in each)),
            mine.intersection(*(r[2] for r in each)) | named.intersection(*(r[3] for r in each)),
        )
    return found


def _lacking(words: frozenset[str], others: frozenset[str]) -> frozenset[str]:
    """The words of `words` that no word of `others` begins: those are found at the start of
    a token, so that "deploy" (a label's stem) is found wherever "deployed" is."""
    return frozenset(w for w in words if not any(w.startswith(o) for o in others))
