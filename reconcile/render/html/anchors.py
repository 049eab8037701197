"""Stable ids for the page's links to claims, quoted passages and sources: never positions."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from reconcile.model import Claim


class ClaimAnchors:
    """Stable ids for claims, from their source and place: never from their position."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self._ids: dict[tuple[str, str, int, int], str] = {}
        taken: set[str] = set()
        self._by_file: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for claim in claims:
            base = f"c--{claim.source}--{claim.place.line}-{claim.place.column}"
            anchor, n = base, 1
            while anchor in taken:
                n += 1
                anchor = f"{base}-{n}"
            taken.add(anchor)
            self._ids[self._key(claim)] = anchor
            self._by_file[claim.place.file].append((claim.place.line, anchor))
        for rows in self._by_file.values():
            rows.sort()

    @staticmethod
    def _key(claim: Claim) -> tuple[str, str, int, int]:
        return (claim.source, claim.place.file, claim.place.line, claim.place.column)

    def __getitem__(self, claim: Claim) -> str:
        return self._ids[self._key(claim)]

    def at(self, file: str, line: int) -> str | None:
        """The claim written at or above `line` of `file`: where a problem points."""
        rows = self._by_file.get(file)
        if not rows:
            return None
        index = bisect_right(rows, (line, "\uffff")) - 1
        return rows[index][1] if index >= 0 else None


def quote_anchor(source: str, span: tuple[int, int]) -> str:
    """The id of a quoted passage's highlight in its source's full text."""
    return f"q--{source}--{span[0]}-{span[1]}"


def source_anchor(source: str) -> str:
    """The id of a source's row and full text."""
    return f"src--{source}"
