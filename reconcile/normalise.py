"""Text folding used for names, quotes and search alike (SPEC §4).

Every step of the fold works on one character at a time, except the collapsing of white space,
so one table serves both the plain fold and the fold that remembers where each character came
from (needed to highlight a quote in the source's own text).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import overload

#: How many times its length a text may grow when folded (a few ligatures fold to many letters:
#: U+FDFA to 18); beyond it the text is refused, so that memory stays in proportion to input.
MAX_FOLD_GROWTH = 2

#: What may come before a word in Arabic: a conjunction and a preposition (وروسيا, لروسيا, وبروسيا).
PROCLITICS = r"(?:و|ف)?(?:ب|ل|ك)?"

_REMOVED = frozenset(
    "\u0640"  # tatweel
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
    "\"“”„«»'‘’‹›"  # quotation marks
)
_REPLACED = {
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "،": ",",
    "؛": ";",
    "؟": "?",
    **{d: "-" for d in "‐‑‒–—―−"},
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
}


def _fold_char(char: str) -> str:
    text = unicodedata.normalize("NFKC", char)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = "".join(_REPLACED.get(c, c) for c in text if c not in _REMOVED)
    text = "".join(" " if c.isspace() else c for c in text)
    return text.casefold()


class _FoldTable(dict[int, str]):
    """A `str.translate` table filled on first use of each character."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = _fold_char(chr(codepoint))
        if len(folded) != 1:
            _UNEVEN.add(chr(codepoint))
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold `text` as SPEC §4 says: Unicode forms, Arabic variants, digits, quotes, case, spaces."""
    return " ".join(_spread(text).split())


def _spread(text: str) -> str:
    """`text` folded character by character, before white space is collapsed.

    The same as `text.translate(_FOLD)`, in less than half its time: most characters fold as
    `str.casefold` folds them, so only the few others (Arabic letter variants, marks, quotes)
    are replaced, each once, before the whole text is case-folded.
    """
    odd = set(_odd().findall(text))
    if len(odd) > _FEW_ODD or not all(map(_replaceable, odd)):
        return text.translate(_FOLD)
    for char in odd:
        text = text.replace(char, _FOLD[ord(char)])
    return text.casefold()


@cache
def _replaceable(char: str) -> bool:
    """Whether `char` may be replaced by its fold before the rest is case-folded: its fold is
    made of characters that fold to themselves, and that `casefold` leaves alone."""
    folded = _FOLD[ord(char)]
    return folded.casefold() == folded and all(_FOLD[ord(c)] == c for c in folded)


#: Distinct characters not folded as `casefold` folds them up to which each is replaced in turn.
_FEW_ODD = 24
#: A pattern of the characters the fold table has met is rebuilt as the table grows, but only
#: after as many uses as the table holds characters divided by this: a text that teaches the
#: table one new character at each use cannot make every use rebuild it.
_USES_PER_REBUILD = 64


class _AllBut:
    """A pattern of any character but those the fold table has met and `plain` accepts (a
    character not yet met is matched). A pattern left behind by the table only matches more
    characters than it needs to, which its users allow for."""

    def __init__(self, plain: Callable[[str, str], bool]) -> None:
        self._plain = plain
        self._pattern = re.compile("(?s:.)")
        self._size = 0
        self._uses = 0

    def __call__(self) -> re.Pattern[str]:
        self._uses += 1
        if len(_FOLD) != self._size and self._uses * _USES_PER_REBUILD >= self._size:
            self._size, self._uses = len(_FOLD), 0
            kept = sorted(chr(c) for c, folded in _FOLD.items() if self._plain(chr(c), folded))
            self._pattern = re.compile(
                "[^" + "".join(map(re.escape, kept)) + "]" if kept else "(?s:.)"
            )
        return self._pattern


#: Any character but those whose fold is theirs by `casefold`, and that `casefold` leaves
#: alone once folded (so that case-folding after replacing the others is the fold).
_odd = _AllBut(lambda char, folded: folded == char.casefold() and folded.casefold() == folded)
#: Any character but those known to fold to exactly one.
_unfamiliar = _AllBut(lambda char, folded: len(folded) == 1)


def folded_length(text: str) -> int:
    """The length of `text` folded, before white space is collapsed, counted without folding it."""
    length = len(text)
    for char in set(_unfamiliar().findall(text)):  # the characters not known to fold to one
        folded = len(_FOLD[ord(char)])
        if folded != 1:
            length += (folded - 1) * text.count(char)
    return length


def _fold_with_offsets_by_character(text: str) -> tuple[str, list[int]]:
    """The reference for `normalise_with_offsets`, one character at a time (tests use it)."""
    out: list[str] = []
    origin: list[int] = []
    pending_space: int | None = None
    for index, char in enumerate(text):
        for folded in _FOLD[ord(char)]:
            if folded == " ":
                if out and pending_space is None:
                    pending_space = index
                continue
            if pending_space is not None:
                out.append(" ")
                origin.append(pending_space)
                pending_space = None
            out.append(folded)
            origin.append(index)
    return "".join(out), origin


class Offsets(Sequence[int]):
    """For each character of a folded text, the index in the original text it came from.

    Kept as runs, not one number per character: a run starts at a folded index and counts on
    from an original index, one for one (or stays on it, for the characters one ligature folds
    to). A text breaks into a run only where white space collapses and at the few characters
    that fold to more or fewer than one.
    """

    __slots__ = ("_bases", "_length", "_starts", "_steps")

    def __init__(self, length: int, runs: Iterable[tuple[int, int, int]]) -> None:
        self._length = length
        self._starts = array("q")
        self._bases = array("q")
        self._steps = array("b")
        for start, base, step in runs:
            if self._starts and self._starts[-1] == start:  # an empty run: the later one holds
                self._bases[-1], self._steps[-1] = base, step
                continue
            self._starts.append(start)
            self._bases.append(base)
            self._steps.append(step)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._bases[run] + (index - self._starts[run]) * self._steps[run]

    @property
    def runs(self) -> int:
        """How many runs the offsets are kept in."""
        return len(self._starts)


_SPACES = re.compile("  +")


def _extra_spaces(spread: str) -> list[tuple[int, int]]:
    """The runs of spaces collapsing white space shortens, in order: those at either end, and
    those of two or more between words (found by a pattern of a fixed start, which is searched
    for many times faster than one that may start at any space)."""
    lead = len(spread) - len(spread.lstrip(" "))
    runs = [(0, lead)] if lead else []
    runs.extend(run.span() for run in _SPACES.finditer(spread, lead))
    trail = len(spread.rstrip(" "))
    if lead <= trail < len(spread) and (not runs or runs[-1][0] != trail):
        runs.append((trail, len(spread)))
    return runs


def normalise_with_offsets(text: str) -> tuple[str, Offsets]:
    """Fold `text` and, for each character of the result, the index in `text` it came from."""
    spread = _spread(text)
    folded = " ".join(spread.split())
    return folded, Offsets(len(folded), _folded_runs(spread, _spread_runs(text)))


def _spread_runs(text: str) -> list[tuple[int, int, int]]:
    """Runs of the character-by-character fold: (index in it, index in `text`, step)."""
    runs = [(0, 0, 1)]
    uneven = _uneven_characters()
    if uneven is None:
        return runs
    shift = 0  # characters the fold has gained (or, if negative, lost) so far
    for odd in uneven.finditer(text):
        index = odd.start()
        size = len(_FOLD[ord(odd.group())])
        if size > 1:
            runs.append((index + shift, index, 0))
        shift += size - 1
        runs.append((index + 1 + shift, index + 1, 1))
    return runs


def _folded_runs(spread: str, runs: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, int]]:
    """The runs of `spread` once its white space is collapsed."""
    kept: list[tuple[int, int]] = []  # spans of `spread` kept, in order
    done = 0
    for start, end in _extra_spaces(spread):
        keep_to = start if start == 0 or end == len(spread) else start + 1
        if keep_to > done:
            kept.append((done, keep_to))
        done = end
    if len(spread) > done:
        kept.append((done, len(spread)))
    folded_at = 0
    run = 0
    for low, high in kept:
        while run + 1 < len(runs) and runs[run + 1][0] <= low:
            run += 1
        at = low
        while at < high:
            start, base, step = runs[run]
            yield folded_at + at - low, base + (at - start) * step, step
            following = runs[run + 1][0] if run + 1 < len(runs) else high
            if following >= high:
                break
            at = following
            run += 1
        folded_at += high - low


def _uneven_characters() -> re.Pattern[str] | None:
    """A pattern of the characters met so far that fold to more or fewer than one."""
    global _uneven_pattern, _uneven_count
    if _uneven_count != len(_UNEVEN):
        _uneven_count = len(_UNEVEN)
        _uneven_pattern = re.compile("[" + "".join(map(re.escape, sorted(_UNEVEN))) + "]")
    return _uneven_pattern


_UNEVEN: set[str] = set()
_uneven_pattern: re.Pattern[str] | None = None
_uneven_count = 0


def strip_conjunction(name: str) -> str | None:
    """The normalised name without a leading Arabic و ("and"), or None when it has none."""
    if len(name) > 1 and name[0] == "و" and name[1] != " ":
        return name[1:]
    return None


def vanishes(char: str) -> bool:
    """True when `char` folds to nothing: a diacritic, tatweel, a control or quotation mark."""
    return not _FOLD[ord(char)]
