"""A source's full text as the page shows it: cut into runs, quoted passages highlighted."""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reconcile.model import Group, Report, Source, SourceCounts
from reconcile.render.html.anchors import ClaimAnchors, quote_anchor, source_anchor
from reconcile.render.words import Words

#: Languages written right to left, for the `dir` of quotes and source texts.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"}
)

#: A quoted span, the anchor of the claim quoting it, and that claim's group title.
Passage = tuple[tuple[int, int], str, str]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a source's text: plain, or inside highlighted quotes.

    `opens` holds the anchors of the quoted passages that start here (one <mark> each, nested);
    a covered run where none starts is one <mark> without an id. `backlinks` follow the run:
    the claims whose passage ends here.
    """

    text: str
    covered: bool
    opens: tuple[str, ...]
    backlinks: tuple[tuple[str, str], ...]  # (claim anchor, accessible label)


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    anchor: str
    title: str
    author: str | None
    published: str | None
    published_sort: str
    language: str | None
    dir: str
    url: str | None
    claims: int
    agreements: int
    conflicts: int
    rejected: int
    pieces: tuple[Piece, ...]
    lazy: bool


def language_direction(language: str | None) -> str:
    """The `dir` of text in `language`: "rtl", "ltr", or "auto" when the language is unknown."""
    if not language:
        return "auto"
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def quoted_passages(
    groups: Iterable[Group], anchors: ClaimAnchors, words: Words
) -> dict[str, list[Passage]]:
    """Per source, every quoted span with the claim that quotes it and that claim's title."""
    passages: dict[str, list[Passage]] = defaultdict(list)
    for group in groups:
        title = words.group_title(group)
        for view in group.claims:
            claim = view.claim
            for span in claim.quote_match.spans:
                if span[1] > span[0]:
                    passages[claim.source].append((span, anchors[claim], title))
    return passages


def _pieces(
    text: str, source_id: str, passages: Sequence[Passage], words: Words
) -> tuple[Piece, ...]:
    """Cut a source's text at every quoted passage's ends; runs inside any passage are marked."""
    if not passages:
        return (Piece(text, False, (), ()),) if text else ()
    spans = sorted({span for span, _, _ in passages})
    backlinks: dict[int, dict[tuple[str, str], None]] = defaultdict(dict)  # ordered sets
    for span, claim_anchor, title in sorted(passages):
        backlinks[span[1]][(claim_anchor, words.t("back_to_claim", title=title))] = None
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        starts[span[0]].append(span)
    cuts = sorted({0, len(text), *(p for span in spans for p in span)})
    pieces = []
    depth_events: dict[int, int] = defaultdict(int)
    for low, high in spans:
        depth_events[low] += 1
        depth_events[high] -= 1
    depth = 0
    for low, high in itertools.pairwise(cuts):
        depth += depth_events.get(low, 0)
        opened = tuple(
            quote_anchor(source_id, span)
            for span in sorted(starts.get(low, []), key=lambda s: -s[1])
        )
        pieces.append(Piece(text[low:high], depth > 0, opened, tuple(backlinks.get(high, ()))))
    return tuple(piece for piece in pieces if piece.text or piece.backlinks)


def source_view(
    source: Source,
    report: Report,
    counts: SourceCounts | None,
    words: Words,
    passages: Sequence[Passage],
    lazy: bool,
) -> SourceView:
    """A source's row of the sources table and its full text, quoted passages marked."""
    language = source.language or report.project.config.language
    author = " · ".join(part for part in (source.author, source.publisher) if part) or None
    return SourceView(
        id=source.id,
        anchor=source_anchor(source.id),
        title=source.title or words.t("untitled"),
        author=author,
        published=words.when(source.published),
        published_sort=(
            str(int(source.published.span.low))
            if source.published and math.isfinite(source.published.span.low)
            else ""
        ),
        language=language,
        dir=language_direction(language),
        url=source.url if source.url and re.match(r"https?://", source.url) else None,
        claims=counts.claims if counts else 0,
        agreements=counts.agreements if counts else 0,
        conflicts=counts.conflicts if counts else 0,
        rejected=counts.rejected if counts else 0,
        pieces=_pieces(source.text, source.id, passages, words),
        lazy=lazy,
    )
