"""Text folding used for names, quotes and search alike (SPEC §4).

Every step of the fold works on one character at a time, except the collapsing of white space,
so one table serves both the plain fold and the fold that remembers where each character came
from (needed to highlight a quote in the source's own text).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache

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
    return " ".join(text.translate(_FOLD).split())


def folded_length(text: str) -> int:
    """The length of `text` folded, before white space is collapsed, counted without folding it."""
    length = len(text)
    for char in set(_unfamiliar().findall(text)):  # the characters not known to fold to one
        folded = len(_FOLD[ord(char)])
        if folded != 1:
            length += (folded - 1) * text.count(char)
    return length


def _unfamiliar() -> re.Pattern[str]:
    """A pattern of any character but those met so far that fold to exactly one."""
    global _unfamiliar_pattern, _folded_count
    if _folded_count != len(_FOLD):
        _folded_count = len(_FOLD)
        even = sorted(chr(c) for c, folded in _FOLD.items() if len(folded) == 1)
        _unfamiliar_pattern = re.compile(
            "[^" + "".join(map(re.escape, even)) + "]" if even else "(?s:.)"
        )
    return _unfamiliar_pattern


_unfamiliar_pattern = re.compile("(?s:.)")  # until a character is known to fold to one
_folded_count = 0


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


_EXTRA_SPACES = re.compile("^ +| +$|  +")  # what collapsing white space takes away


def normalise_with_offsets(text: str) -> tuple[str, array[int]]:
    """Fold `text` and, for each character of the result, the index in `text` it came from.

    The fold is one `str.translate`; the offsets are ranges, broken only at the few characters
    that fold to more or fewer than one and where white space collapses.
    """
    spread = text.translate(_FOLD)
    every: range | list[int] = range(len(text))
    uneven = _uneven_characters()
    if uneven is not None and uneven.search(text) is not None:
        every = []
        done = 0
        for odd in uneven.finditer(text):
            index = odd.start()
            every.extend(range(done, index))
            every.extend([index] * len(_FOLD[ord(odd.group())]))
            done = index + 1
        every.extend(range(done, len(text)))
    origin: list[int] = []
    done = 0
    for run in _EXTRA_SPACES.finditer(spread):
        start, end = run.span()
        origin.extend(every[done : start if start == 0 or end == len(spread) else start + 1])
        done = end
    origin.extend(every[done:])
    return " ".join(spread.split()), array("l", origin)


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
