"""The data of a large report page: every group, claim and source text once, as JSON.

Above `view.DATA_CLAIMS` claims the page carries no card as HTML: the script builds the cards
on screen from this data. Each quote is carried once: a quote that is its source's own words is
sent as the span it covers in the source's text, which the page carries anyway; only the other
quotes (approximate, misquoted, missing) are sent as written. Offsets are in UTF-16 code units,
as JavaScript counts them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Any

from reconcile.model import Report
from reconcile.normalise import normalise
from reconcile.render.html.claims import ClaimRow
from reconcile.render.html.view import GroupView, Page
from reconcile.render.words import ValueView

#: Where each field of a claim sits in its array (templates/big.js reads the same positions).
#: The fields after `place` are often empty: a claim's array ends at its last non-empty one.
CLAIM_FIELDS = (
    "anchor",  # null when it is c--SOURCE--LINE-COLUMN
    "source",  # index into the page's sources
    "value",  # its text, or [text, items, precision, code, partial]
    "quote",  # index into the quote kinds: [status, what the page says of it]
    "target",  # [start, end] of the highlighted passage in the source's text, or null
    "place",  # [file index, line, column]
    "quote_text",  # the quote as written, or null when it is the span `target` of its source
    "written",
    "subject_written",
    "as_of",
    "note",
    "found",
    "verdict",
    "contradicted",
    "diff",  # a misquote's word diff: [[op, text], ...]
)


#: Groups' details are embedded in chunks of this many, each parsed when a card of it is built.
CHUNK = 200


#: A claim's anchor as ClaimAnchors makes it first: its source, line and column.
_USUAL_ANCHOR = re.compile(r"c--(.+)--(\d+)-(\d+)\Z")


class _Interned:
    """A table of repeated strings, sent once and referred to by index."""

    def __init__(self) -> None:
        self.items: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        index = self.items.get(text)
        if index is None:
            index = self.items[text] = len(self.items)
        return index

    def table(self) -> list[str]:
        return list(self.items)


def utf16_offsets(text: str) -> Sequence[int] | None:
    """Each code point's offset in UTF-16 units, or None when they are the same (no astral)."""
    if not text or max(text) < "\U00010000":
        return None
    return [0, *accumulate(2 if ch >= "\U00010000" else 1 for ch in text)]


def _value(value: ValueView) -> str | list[Any]:
    if not (value.items or value.precision or value.code or value.partial):
        return value.text
    text = "" if value.items else value.text  # the page joins the items itself
    return [text, list(value.items), value.precision, value.code, value.partial]


def _trimmed(fields: list[Any]) -> list[Any]:
    """`fields` without its empty tail."""
    end = len(fields)
    while end > 0 and fields[end - 1] in (None, 0, [], ""):
        end -= 1
    return fields[:end]


class _Builder:
    def __init__(self, page: Page, texts: Mapping[str, str]) -> None:
        self.sources = {source.id: index for index, source in enumerate(page.sources)}
        self.texts = texts
        self.offsets = {sid: utf16_offsets(text) for sid, text in texts.items()}
        self.statuses = _Interned()
        self.files = _Interned()

    def span(self, source: str, span: tuple[int, int]) -> list[int]:
        """[start, end] in UTF-16 units, then the code point offsets when they differ."""
        offsets = self.offsets.get(source)
        if not offsets:
            return [span[0], span[1]]
        return [offsets[span[0]], offsets[span[1]], span[0], span[1]]

    def claim(
        self,
        row: ClaimRow,
        span: tuple[int, int] | None,
        line: tuple[str, int, int],
        subject_shared: bool,
    ) -> list[Any]:
        quote = row.quote
        text = self.texts.get(row.source, "")
        carried = quote.text
        if span and quote.text is not None and text[span[0] : span[1]] == quote.text:
            carried = None  # the source's own words: the page takes them from its text
        usual = f"c--{row.source}--{line[1]}-{line[2]}"
        return _trimmed(
            [
                None if row.anchor == usual else row.anchor,  # null: c--SOURCE--LINE-COLUMN
                self.sources.get(row.source, -1),
                _value(row.value),
                self.statuses(f"{quote.status}\n{quote.status_text}"),
                self.span(row.source, span) if span else None,
                [self.files(line[0]), line[1], line[2]],
                carried if quote.text is not None else False,  # False: the claim has no quote
                row.written,
                None if subject_shared else row.subject_written,  # then the group's "sw"
                row.as_of,
                row.note,
                quote.found,
                row.verdict,
                1 if row.contradicted else 0,
                [[run.op, run.text] for run in quote.diff],
            ]
        )


def _group(
    builder: _Builder, view: GroupView, extra: Sequence[Any]
) -> tuple[list[Any], dict[str, Any]]:
    """A group's entry in the index (what filters read) and its details (what a card shows)."""
    written = {row.subject_written for row in view.claims}
    shared = len(written) == 1 and None not in written
    claims = [
        builder.claim(row, span, line, shared)
        for row, (span, line) in zip(view.claims, extra, strict=True)
    ]
    index = [
        view.anchor,
        view.status,
        view.topic,
        [builder.sources.get(source, -1) for source in view.sources],
        1 if view.open else 0,
        view.misquoted,
        view.title,
    ]
    group: dict[str, Any] = {
        "d": [[item.text, item.sources, 1 if item.rejected else 0] for item in view.digest],
        "c": claims,
    }
    if view.digest_joiner != "·":
        group["dj"] = view.digest_joiner
    if view.digest_more:
        group["dm"] = view.digest_more
    if shared:
        group["sw"] = view.claims[0].subject_written
    if view.pairs:
        group["p"] = list(view.pairs)
    if view.resolutions:
        group["r"] = [
            [
                _value(r.value),
                r.as_of,
                r.reason,
                r.reference,
                r.reference_is_link,
                r.by,
                r.decided,
                r.place,
                r.rejected_sources,
            ]
            for r in view.resolutions
        ]
    if view.matrix:
        group["m"] = [
            [[col.source, col.claim_anchor, col.when] for col in view.matrix.columns],
            [
                [row.label, 1 if row.disputed else 0, [c.state for c in row.cells]]
                for row in view.matrix.rows
            ],
        ]
    return index, group


def _cell_texts(views: Sequence[GroupView]) -> dict[str, str]:
    """What each state of an entity matrix's cell says (listed, left out, silent)."""
    return {
        cell.state: cell.text
        for view in views
        if view.matrix
        for row in view.matrix.rows
        for cell in row.cells
    }


def _shared_search(page: Page, report: Report) -> dict[str, Any]:
    """What many groups share, folded once: each source's id and title, each topic's labels,
    each status's word. The page matches a group by these through its index entry."""
    config = report.project.config
    sources = report.project.sources

    def folded(*parts: str | None) -> str:
        return " | ".join(dict.fromkeys(normalise(part) for part in parts if part))

    return {
        "source_search": [
            folded(view.id, sources[view.id].title if view.id in sources else None)
            for view in page.sources
        ],
        "topic_search": {
            topic.id: folded(topic.id, *topic.label.all()) for topic in config.topics.values()
        },
        "status_search": {status.key: folded(status.word) for status in page.statuses},
    }


def _searched(text: str, shared: set[str]) -> str:
    """A group's search text without what its index entry already matches it by."""
    return " | ".join(part for part in text.split(" | ") if part not in shared)


def page_data(page: Page, report: Report) -> dict[str, Any]:
    """Everything the large page's script builds its cards and source texts from."""
    texts = {source.id: source.text for source in report.project.sources.values()}
    builder = _Builder(page, texts)
    by_anchor = {group.anchor: group for group in report.groups}
    views = [view for section in page.sections for view in section.groups]
    index: list[list[Any]] = []
    groups: list[dict[str, Any]] = []
    for view in views:
        claims = by_anchor[view.anchor].claims
        extra = [
            (
                c.claim.quote_match.spans[0] if c.claim.quote_match.spans else None,
                (c.claim.place.file, c.claim.place.line, c.claim.place.column),
            )
            for c in claims
        ]
        entry, details = _group(builder, view, extra)
        index.append(entry)
        groups.append(details)
    titles = {view.title: position for position, view in enumerate(views)}
    searched = _shared_search(page, report)

    def parts(text: str) -> set[str]:
        return set(text.split(" | "))

    by_source = [parts(text) for text in searched["source_search"]]
    by_topic = {key: parts(text) for key, text in searched["topic_search"].items()}
    by_status = {key: parts(text) for key, text in searched["status_search"].items()}
    sources = []
    for source in page.sources:
        marks = []
        for span, anchor, title in sorted((page.passages or {}).get(source.id, ())):
            at = builder.span(source.id, span)
            usual = _USUAL_ANCHOR.match(anchor)
            claim = [int(usual[2]), int(usual[3])] if usual and usual[1] == source.id else anchor
            marks.append([at[0], at[1], claim, titles.get(title, title), *at[2:]])
        sources.append([texts.get(source.id, ""), marks])
    return {
        "index": {
            "groups": index,
            "chunk": CHUNK,
            "sources": [source.id for source in page.sources],
            "langs": [[source.language, source.dir] for source in page.sources],
            "files": builder.files.table(),
            "quote_kinds": [kind.split("\n", 1) for kind in builder.statuses.table()],
            "cell_texts": _cell_texts(views),
            **searched,
        },
        "chunks": [groups[at : at + CHUNK] for at in range(0, len(groups), CHUNK)],
        "texts": sources,
        "search": [
            _searched(
                view.search,
                set().union(
                    by_topic.get(entry[2], ()),
                    by_status.get(entry[1], ()),
                    *(by_source[at] for at in entry[3] if at >= 0),
                ),
            )
            for view, entry in zip(views, index, strict=True)
        ],
    }


def data_json(data: Mapping[str, Any]) -> str:
    """`data` as JSON that no text can break out of a <script> element with (as tojson does)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("'", "\\u0027")
    )
