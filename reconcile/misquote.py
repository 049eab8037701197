"""A near match is not a quote when the words that differ carry the fact (SPEC §4): a number, a
name of an entity of the project, or a negation present on one side only. Typos, spelling and
punctuation leave the quote approximate."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from rapidfuzz import fuzz

from reconcile.name_mentions import NAME_THRESHOLD, NameIndex
from reconcile.normalise import normalise
from reconcile.numerals import NumberMention, read_numbers
from reconcile.wordforms import Token, is_digits, tokens, word_key

#: Words that deny what follows them, in the languages of the sources (folded).
NEGATIONS = frozenset(
    {
        # English; "n't" loses its apostrophe in folding, see `_is_negation`
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
        # Arabic
        "لم", "لا", "ليس", "ليست", "لست", "لسنا", "ليسوا", "ليسا", "لن", "غير", "ما",
        # Russian
        "не", "нет", "ни", "никогда", "ничего", "нельзя",
        # French
        "ne", "pas", "jamais", "non", "aucun", "aucune", "rien",
        # German
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
        "nichts", "weder",
        # Spanish
        "nunca", "jamas", "ningun", "ninguna", "ninguno", "tampoco", "nada",
        # Turkish
        "degil", "yok", "hic", "asla",
    }
)  # fmt: skip

#: English auxiliaries whose "n't" folds to "nt": didnt, wasnt, cant, wont.
_AUXILIARIES = frozenset(
    {
        "do", "does", "did", "is", "was", "are", "were", "has", "have", "had", "could", "would",
        "should", "ca", "wo", "must", "need", "ai", "might",
    }
)  # fmt: skip

#: How alike a number word and the word in its place must be to be a typo (sevn for seven).
_TYPO_SCORE = 80.0


class MisquoteKind(StrEnum):
    """What the differing words carry."""

    NUMBER = "number"
    ENTITY = "entity"
    NEGATION = "negation"


class DiffPart(NamedTuple):
    """One step of the word diff: equal, replace, delete (quote only), insert (found only)."""

    op: str
    quote_words: tuple[str, ...]
    found_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """Words of the quote and of the text found in their place that differ in a fact."""

    kind: MisquoteKind
    quote_words: tuple[str, ...]
    found_words: tuple[str, ...]
    #: Where the words stand: word indices (from, to) in each folded side.
    quote_at: tuple[int, int] = field(default=(0, 0), compare=False)
    found_at: tuple[int, int] = field(default=(0, 0), compare=False)

    @property
    def message(self) -> str:
        """ "the quote says 'ten', the source says 'nine'" """
        quoted, found = " ".join(self.quote_words), " ".join(self.found_words)
        return f"the quote says '{quoted}', the source says '{found}'"


@dataclass(frozen=True, slots=True)
class Misquote:
    """An approximate match whose differing words carry a fact, one `Difference` each."""

    differences: tuple[Difference, ...]

    @property
    def message(self) -> str:
        """Every difference, in the order of the quote."""
        return "; ".join(difference.message for difference in self.differences)


class _Side:
    """One side of the comparison, the quote or the text found: its words and what they name."""

    def __init__(self, folded: str, languages: Collection[str], names: NameIndex) -> None:
        self.folded = folded
        self.words = folded.split(" ") if folded else []
        self.tokens: tuple[Token, ...] = tokens(folded)
        self._languages = languages
        self._names = names

    @cached_property
    def numbers(self) -> tuple[NumberMention, ...]:
        return read_numbers(self.folded, self._languages)

    @cached_property
    def entities(self) -> tuple[tuple[str, int, int], ...]:
        return self._names.occurrences(self.folded)

    def word_span(self, start: int, end: int) -> tuple[int, int]:
        """The words that tokens `start` to `end` stand in."""
        return self.tokens[start].word, self.tokens[end - 1].word + 1

    def tokens_in(self, low: int, high: int) -> list[Token]:
        """The tokens of words `low` to `high`."""
        return [token for token in self.tokens if low <= token.word < high]

    def names(self, entity: str, threshold: float) -> bool:
        """True when this side names `entity` anywhere, in any form or close spelling."""
        return self._names.mentions(self.folded, entity, threshold)


@dataclass(frozen=True, slots=True)
class _Change:
    """A non-equal step of the diff, as word ranges of each side."""

    quote: _Side
    found: _Side
    q_low: int
    q_high: int
    f_low: int
    f_high: int


def word_diff(quote: str, found: str) -> list[DiffPart]:
    """The folded words of the quote and of the text found, aligned."""
    return _aligned(_words(normalise(quote)), _words(normalise(found)))


def shown_diff(quote: str, found: str) -> list[DiffPart]:
    """The words of the quote and of the text found as written, aligned on what they say:
    what the reports show (give the quote without its ellipses)."""
    return _aligned(quote.split(), found.split())


def _aligned(quote_words: Sequence[str], found_words: Sequence[str]) -> list[DiffPart]:
    return [
        DiffPart(op, tuple(quote_words[i1:i2]), tuple(found_words[j1:j2]))
        for op, i1, i2, j1, j2 in _opcodes(quote_words, found_words)
    ]


def _words(folded: str) -> list[str]:
    return folded.split(" ") if folded else []


def _opcodes(
    quote_words: Sequence[str], found_words: Sequence[str]
) -> Sequence[tuple[str, int, int, int, int]]:
    # Words align on what they say, so "Russia," matches "Russia".
    matcher = SequenceMatcher(
        None,
        [word_key(normalise(w)) for w in quote_words],
        [word_key(normalise(w)) for w in found_words],
        autojunk=False,
    )
    return matcher.get_opcodes()


def find_misquote(
    quote: str,
    found: str,
    names: Mapping[str, str],
    languages: Collection[str],
    threshold: float = NAME_THRESHOLD,
) -> Misquote | None:
    """The facts in which an approximately matched quote differs from the text found for it, or
    None when they differ only in spelling and punctuation. `names` maps each folded entity name
    of the project to its entity; `languages` are those of the source (for number words);
    `threshold` is the project's `alias_threshold`."""
    index = names if isinstance(names, NameIndex) else NameIndex(names)
    quote_side = _Side(normalise(quote), languages, index)
    found_side = _Side(normalise(found), languages, index)
    steps = [s for s in _opcodes(quote_side.words, found_side.words) if s[0] != "equal"]
    differences: list[Difference] = []
    for op, i1, i2, j1, j2 in steps:
        # The text found may run a word past the quote at either end: that is not a difference.
        if op == "insert" and i1 in (0, len(quote_side.words)):
            continue
        change = _Change(quote_side, found_side, i1, i2, j1, j2)
        for rule in _RULES:
            difference = rule(change, threshold)
            if difference is not None:
                differences.append(difference)
    return Misquote(tuple(differences)) if differences else None


def _number_difference(change: _Change, threshold: float) -> Difference | None:
    """The changed words hold numbers that do not pair up with equal ones on the other side."""
    quoted = _touching(change.quote, change.quote.numbers, change.q_low, change.q_high)
    found = _touching(change.found, change.found.numbers, change.f_low, change.f_high)
    unpaired_q, unpaired_f = _unpaired(quoted, found)
    # A lone "one" is an article as often as a number (une armée, ein Land).
    unpaired_q = [m for m in unpaired_q if not _lone_one(change.quote, m)]
    unpaired_f = [m for m in unpaired_f if not _lone_one(change.found, m)]
    if not unpaired_q and not unpaired_f:
        return None
    if _number_word_typo(change, quoted, found):
        return None
    return _difference(MisquoteKind.NUMBER, change, quoted, found)


def _touching(
    side: _Side, mentions: Sequence[NumberMention], low: int, high: int
) -> list[NumberMention]:
    return [m for m in mentions if _overlaps(side.word_span(m.start, m.end), low, high)]


def _overlaps(span: tuple[int, int], low: int, high: int) -> bool:
    return span[0] < high and low < span[1]


def _unpaired(
    quoted: Sequence[NumberMention], found: Sequence[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The mentions of each side left once each is paired with one of equal value."""
    left = list(found)
    unpaired: list[NumberMention] = []
    for mention in quoted:
        match = next((m for m in left if any(m.means(v) for v in mention.values)), None)
        if match is None:
            unpaired.append(mention)
        else:
            left.remove(match)
    return unpaired, left


def _lone_one(side: _Side, mention: NumberMention) -> bool:
    return mention.values == frozenset({1.0}) and not is_digits(side.tokens[mention.start].text)


def _number_word_typo(
    change: _Change, quoted: Sequence[NumberMention], found: Sequence[NumberMention]
) -> bool:
    """A number word on one side only, in the place of a word spelled almost like it."""
    if quoted and found:
        return False
    side, mentions = (change.quote, quoted) if quoted else (change.found, found)
    if any(is_digits(side.tokens[m.start].text) for m in mentions):
        return False
    q_words = " ".join(change.quote.words[change.q_low : change.q_high])
    f_words = " ".join(change.found.words[change.f_low : change.f_high])
    return bool(q_words and f_words) and fuzz.ratio(q_words, f_words) >= _TYPO_SCORE


def _entity_difference(change: _Change, threshold: float) -> Difference | None:
    """The changed words name an entity that the other side does not name at all."""
    differs = False
    spans_q: list[tuple[int, int]] = []
    spans_f: list[tuple[int, int]] = []
    for side, other, low, high, spans in (
        (change.quote, change.found, change.q_low, change.q_high, spans_q),
        (change.found, change.quote, change.f_low, change.f_high, spans_f),
    ):
        for entity, start, end in side.entities:
            span = side.word_span(start, end)
            if _overlaps(span, low, high):
                spans.append(span)
                differs = differs or not other.names(entity, threshold)
    if not differs:
        return None
    return _difference_of_spans(MisquoteKind.ENTITY, change, spans_q, spans_f)


def _negation_difference(change: _Change, threshold: float) -> Difference | None:
    """A negation stands in the changed words of one side and not of the other."""
    quoted = any(map(_is_negation, change.quote.tokens_in(change.q_low, change.q_high)))
    found = any(map(_is_negation, change.found.tokens_in(change.f_low, change.f_high)))
    if quoted == found:
        return None
    return _difference_of_spans(MisquoteKind.NEGATION, change, [], [])


def _is_negation(token: Token) -> bool:
    word = token.text
    if word in NEGATIONS:
        return True
    if word[:1] in ("و", "ف") and word[1:] in NEGATIONS and len(word) > 2:
        return True  # ولم، فلا
    return word.endswith("nt") and word[:-2] in _AUXILIARIES


def _difference(
    kind: MisquoteKind,
    change: _Change,
    quoted: Sequence[NumberMention],
    found: Sequence[NumberMention],
) -> Difference:
    spans_q = [change.quote.word_span(m.start, m.end) for m in quoted]
    spans_f = [change.found.word_span(m.start, m.end) for m in found]
    return _difference_of_spans(kind, change, spans_q, spans_f)


def _difference_of_spans(
    kind: MisquoteKind,
    change: _Change,
    spans_q: Sequence[tuple[int, int]],
    spans_f: Sequence[tuple[int, int]],
) -> Difference:
    """The changed words of each side, widened to whole numbers and names, and by one word of
    context on both sides when one side would be empty ("did not" against "did")."""
    q_low = min([change.q_low, *(s[0] for s in spans_q)])
    q_high = max([change.q_high, *(s[1] for s in spans_q)])
    f_low = min([change.f_low, *(s[0] for s in spans_f)])
    f_high = max([change.f_high, *(s[1] for s in spans_f)])
    if q_low == q_high or f_low == f_high:
        if q_low > 0 and f_low > 0:
            q_low, f_low = q_low - 1, f_low - 1
        elif q_high < len(change.quote.words) and f_high < len(change.found.words):
            q_high, f_high = q_high + 1, f_high + 1
    return Difference(
        kind,
        tuple(change.quote.words[q_low:q_high]),
        tuple(change.found.words[f_low:f_high]),
        (q_low, q_high),
        (f_low, f_high),
    )


_RULES: tuple[Callable[[_Change, float], Difference | None], ...] = (
    _number_difference,
    _entity_difference,
    _negation_difference,
)
