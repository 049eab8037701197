"""Finding a claim's quote in its source's text (SPEC §4): exact, approximate or missing."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from reconcile.model import QuoteMatch, QuoteStatus
from reconcile.normalise import normalise, normalise_with_offsets, vanishes

_ELLIPSIS = re.compile(r"…|\.\.\.")


def without_ellipses(quote: str) -> str:
    """The quote's words without the ellipses that stand for omitted ones."""
    return " ".join(_ELLIPSIS.sub(" ", quote).split())


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
        parts = [p for p in (normalise(part) for part in _ELLIPSIS.split(quote)) if p]
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
        alignment = fuzz.partial_ratio_alignment(
            whole, self.folded, processor=None, score_cutoff=threshold
        )
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            best = fuzz.partial_ratio(whole, self.folded, processor=None)
            return QuoteMatch(QuoteStatus.MISSING, score=round(best, 1))
        span = self._whole_words(*self._span(alignment.dest_start, alignment.dest_end))
        return QuoteMatch(
            QuoteStatus.APPROXIMATE,
            (span,),
            round(alignment.score, 1),
            self.text[span[0] : span[1]],
        )

    def _whole_words(self, low: int, high: int) -> tuple[int, int]:
        """Widen a span of the text so that it neither starts nor ends inside a word."""
        while low > 0 and self.text[low - 1].isalnum() and self.text[low].isalnum():
            low -= 1
        while high < len(self.text) and self.text[high].isalnum() and self.text[high - 1].isalnum():
            high += 1
        return low, high

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of folded characters `start` to `end`."""
        low = self._origin[start]
        high = self._origin[end - 1] + 1
        # Keep the marks that follow the last letter (diacritics, tatweel): they fold to nothing.
        while high < len(self.text) and vanishes(self.text[high]):
            high += 1
        return low, high
