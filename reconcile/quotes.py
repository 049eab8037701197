"""Finding a claim's quote in its source's text (SPEC §4): exact, approximate or missing."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from reconcile.model import QuoteMatch, QuoteStatus
from reconcile.normalise import normalise, normalise_with_offsets, vanishes

_ELLIPSIS = re.compile(r"…|\.\.\.")

#: The longest quote checked, in characters: a quote backs one claim, a few sentences at most.
MAX_QUOTE_CHARS = 5000
#: The most parts a quote's ellipses may cut it into.
MAX_ELLIPSIS_PARTS = 50
#: Quote length × text length up to which the whole text is searched for an approximate match;
#: beyond, only the windows where pieces of the quote occur exactly (rapidfuzz's alignment is
#: quadratic in the quote's length).
FULL_SEARCH_BUDGET = 50_000_000
_PIECE = 12  # characters of the quote looked up exactly to place a window
_PIECES = 48  # pieces looked up per quote
_HITS = 16  # occurrences of one piece followed
_WINDOWS = 3  # windows aligned


def quote_limit_problem(quote: str | None) -> str | None:
    """Why `quote` is too long to check, or None."""
    if quote is None:
        return None
    if len(quote) > MAX_QUOTE_CHARS:
        return (
            f"the quote is {len(quote):,} characters; quotes are checked up to {MAX_QUOTE_CHARS:,}"
        )
    parts = quote.count("…") + quote.count("...") + 1  # as many as _ELLIPSIS finds, faster
    if parts > MAX_ELLIPSIS_PARTS:
        return (
            f"the quote's ellipses cut it into {parts:,} parts; the limit is {MAX_ELLIPSIS_PARTS}"
        )
    return None


def _split(quote: str) -> list[str]:
    """The quote cut at its ellipses (most quotes have none: no pattern is run for them)."""
    return _ELLIPSIS.split(quote) if "…" in quote or "..." in quote else [quote]


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote between its ellipses, each stripped; empty ones left out."""
    return [part.strip() for part in _split(quote) if normalise(part)]


def without_ellipses(quote: str) -> str:
    """The quote's words without the ellipses that stand for omitted ones."""
    return " ".join(" ".join(_split(quote)).split())


class SourceText:
    """A source's text folded once, so that every quote is one search of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self._origin = normalise_with_offsets(text)
        self._cache: dict[tuple[str, float], QuoteMatch] = {}

    def find(self, quote: str | None, threshold: float) -> QuoteMatch:
        """Where `quote` stands in the text; ellipses stand for omitted words."""
        if quote is None or not quote.strip():
            return QuoteMatch(QuoteStatus.ABSENT)
        key = (quote, threshold)
        if key not in self._cache:
            self._cache[key] = self._find(quote, threshold)
        return self._cache[key]

    def _find(self, quote: str, threshold: float) -> QuoteMatch:
        if quote_limit_problem(quote) is not None:
            return QuoteMatch(QuoteStatus.MISSING, score=0.0)
        parts = [part for part in map(normalise, _split(quote)) if part]
        if not parts:
            return QuoteMatch(QuoteStatus.ABSENT)
        spans: list[tuple[int, int]] = []
        start = 0
        for part in parts:
            at = self.folded.find(part, start)
            if at < 0:
                break
            spans.append(self._span(at, at + len(part)))
            start = at + len(part)
        else:
            return QuoteMatch(QuoteStatus.EXACT, tuple(spans), 100.0)
        whole = " ".join(parts)
        alignment = self._align(whole)
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            return QuoteMatch(QuoteStatus.MISSING, score=0.0)
        span = self._whole_words(*self._span(alignment.dest_start, alignment.dest_end))
        found = self.text[span[0] : span[1]]
        if alignment.score < threshold:  # the nearest passage, for the misquote rules
            return QuoteMatch(QuoteStatus.MISSING, score=round(alignment.score, 1), found=found)
        return QuoteMatch(QuoteStatus.APPROXIMATE, (span,), round(alignment.score, 1), found)

    def words_at(self, start: int, end: int) -> str:
        """The text's own words that folded characters `start` to `end` stand in, whole."""
        low, high = self._whole_words(*self._span(start, end))
        return self.text[low:high]

    def passage(self, match: QuoteMatch) -> str:
        """The text a match covers, its parts joined by a space."""
        return " ".join(self.text[low:high] for low, high in match.spans)

    def _align(self, whole: str) -> ScoreAlignment | None:
        """The best approximate place of `whole`: over the whole text for a short quote, else in
        windows around its exact pieces, so that the work stays near-linear in the text."""
        if len(whole) * len(self.folded) <= FULL_SEARCH_BUDGET:
            return fuzz.partial_ratio_alignment(whole, self.folded, processor=None)
        best: ScoreAlignment | None = None
        slack = len(whole) // 8 + _PIECE
        for start in self._window_starts(whole):
            low = max(0, start - slack)
            window = self.folded[low : start + len(whole) + slack]
            found = fuzz.partial_ratio_alignment(whole, window, processor=None)
            if found is not None and (best is None or found.score > best.score):
                best = ScoreAlignment(
                    found.score,
                    found.src_start,
                    found.src_end,
                    found.dest_start + low,
                    found.dest_end + low,
                )
        return best

    def _window_starts(self, whole: str) -> list[int]:
        """Where `whole` would start in the text, by the places its pieces occur exactly."""
        votes: Counter[int] = Counter()
        step = max(_PIECE, (len(whole) - _PIECE) // _PIECES)
        for offset in range(0, max(1, len(whole) - _PIECE + 1), step):
            piece = whole[offset : offset + _PIECE]
            at = self.folded.find(piece)
            for _ in range(_HITS):
                if at < 0:
                    break
                votes[(at - offset) // _PIECE] += 1
                at = self.folded.find(piece, at + 1)
        return [bucket * _PIECE for bucket, _ in votes.most_common(_WINDOWS)]

    def _whole_words(self, low: int, high: int) -> tuple[int, int]:
        """Widen a span of the text so that it neither starts nor ends inside a word."""
        text = self.text
        while low > 0 and _joined(text, low - 1, low):
            low -= 1
        while high < len(text) and _joined(text, high - 1, high):
            high += 1
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        return low, high

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of folded characters `start` to `end`."""
        low = self._origin[start]
        high = self._origin[end - 1] + 1
        # Keep the marks that follow the last letter (diacritics, tatweel): they fold to nothing.
        while high < len(self.text) and vanishes(self.text[high]):
            high += 1
        return low, high


def _joined(text: str, left: int, right: int) -> bool:
    """Whether characters `left` and `right` (next to each other) stand in one word or number:
    letters and digits, or a number's separator between digits (7.8, 4,000)."""
    a, b = text[left], text[right]
    if a.isalnum() and b.isalnum():
        return True
    if b in _NUMBER_MARKS and a.isdigit():
        return right + 1 < len(text) and text[right + 1].isdigit()
    if a in _NUMBER_MARKS and b.isdigit():
        return left > 0 and text[left - 1].isdigit()
    return False


_NUMBER_MARKS = frozenset(".,\u066b\u066c")
