"""What the HTML report says: a small, typed view of a `Report`, in the reader's language.

This module decides every word, label, anchor and number the page shows; the templates in
`templates/` only decide how it looks. Nothing here compares claims again: it reads the Report.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from reconcile.messages import MESSAGES, direction
from reconcile.model import (
    REPORT_ORDER,
    Claim,
    ClaimView,
    Config,
    Entity,
    Group,
    Property,
    QuoteStatus,
    Report,
    Resolution,
    Source,
    Status,
    Verdict,
)
from reconcile.normalise import normalise
from reconcile.problems import Problem
from reconcile.values import (
    EntitySetValue,
    EntityValue,
)
from reconcile.words import ValueView, Words

#: Above this many claims, collapsed groups and source texts are written inside <noscript> so
#: that Chromium parses them as one text node instead of building their DOM; the page's script
#: builds a body when it is first opened. See `templates/report.html.j2` for why.
LAZY_CLAIMS = 2000

#: Groups of these statuses are open when the page loads; the others show a one-line digest.
OPEN_STATUSES = frozenset({Status.CONFLICT, Status.RESOLVED, Status.CHANGED})

#: In a large project, only this many open groups are written as DOM; the bodies of the open
#: groups after them are lazy too, and the script builds each as it nears the screen.
EAGER_OPEN_GROUPS = 40

#: The first cards of the page, drawn while the rest of a large page is still being parsed.
EARLY_GROUPS = 30

#: How many open conflicts the first screen lists before pointing to the rest.
OVERVIEW_CONFLICTS = 12

#: Languages written right to left, for the `dir` of quotes and source texts.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"}
)

#: A value digest in a group's summary shows at most this many distinct values.
DIGEST_VALUES = 4

# Geometry of the timeline drawing, in SVG user units.
TIMELINE_WIDTH = 1000
TIMELINE_GUTTER = 170
TIMELINE_LANE = 40
TIMELINE_AXIS = 26
TIMELINE_LANES = 40  # more sources than this: the table below the drawing lists them all

Translate = Callable[..., str]


# The view model ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusView:
    key: str
    word: str
    heading: str
    about: str
    count: int
    shortcut: int  # the digit key that toggles it


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str | None
    lang: str | None
    dir: str
    status: str
    status_text: str
    found: str | None  # what the source says, for an approximate match
    target: str | None  # anchor of the highlighted passage in the source's text


@dataclass(frozen=True, slots=True)
class ClaimRow:
    anchor: str
    source: str
    source_anchor: str
    value: ValueView
    written: str | None
    subject_written: str | None
    as_of: str | None
    quote: QuoteView
    verdict: str | None
    verdict_text: str | None
    contradicted: bool
    note: str | None
    place: str


@dataclass(frozen=True, slots=True)
class DigestItem:
    text: str
    sources: str
    rejected: bool = False


@dataclass(frozen=True, slots=True)
class MatrixCell:
    state: str  # listed, left_out, silent
    text: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    entity: str
    label: str
    disputed: bool
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    source: str
    claim_anchor: str
    when: str | None


@dataclass(frozen=True, slots=True)
class Matrix:
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    y: float
    label_x: float
    label: str
    title: str
    shade: int
    anchor: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    axis_y: float
    plot_start: float
    plot_end: float
    label: str


@dataclass(frozen=True, slots=True)
class ResolutionView:
    value: ValueView
    as_of: str | None
    reason: str
    reference: str | None
    reference_is_link: bool
    by: str | None
    decided: str | None
    place: str
    rejected_sources: str | None


@dataclass(frozen=True, slots=True)
class GroupView:
    anchor: str
    status: str
    status_word: str
    topic: str
    topic_label: str
    title: str  # property (subject)
    full_title: str  # topic › property (subject)
    sources: tuple[str, ...]
    open: bool
    lazy: bool
    early: bool  # among the first cards of the page
    digest: tuple[DigestItem, ...]
    digest_joiner: str  # "vs" between contradicting values, an arrow through a history
    digest_more: int
    claims: tuple[ClaimRow, ...]
    matrix: Matrix | None
    timeline: Timeline | None
    resolutions: tuple[ResolutionView, ...]
    search: str  # folded text the search box matches


@dataclass(frozen=True, slots=True)
class StatusSection:
    status: StatusView
    groups: tuple[GroupView, ...]


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


@dataclass(frozen=True, slots=True)
class ProblemView:
    severity: str
    severity_text: str
    code: str
    place: str
    message: str
    claim_anchor: str | None


@dataclass(frozen=True, slots=True)
class Page:
    lang: str
    dir: str
    title: str
    built_from: str
    generated: str | None
    statuses: tuple[StatusView, ...]
    conflicts: tuple[GroupView, ...]  # the first screen's list
    more_conflicts: int
    sections: tuple[StatusSection, ...]
    total_groups: int
    topics: tuple[Option, ...]
    sources: tuple[SourceView, ...]
    problems: tuple[ProblemView, ...]
    search_index: tuple[tuple[str, str], ...]  # (group anchor, folded text)
    lazy: bool


# Building it ---------------------------------------------------------------------------------


def build_page(report: Report, ui_language: str = "en", generated: str | None = None) -> Page:
    """The view of `report` in `ui_language` ("en" or "ar"; others fall back to English)."""
    lang = ui_language if ui_language in MESSAGES else "en"
    words = Words(report.project.config, lang)
    project = report.project
    lazy = len(project.claims) > LAZY_CLAIMS
    anchors = ClaimAnchors(project.claims)

    statuses = tuple(
        StatusView(
            key=str(status),
            word=words.t(f"status_{status}"),
            heading=words.t(f"heading_{status}"),
            about=words.t(f"about_{status}"),
            count=report.by_status[str(status)],
            shortcut=index + 1,
        )
        for index, status in enumerate(REPORT_ORDER)
    )
    groups = []
    eager = EAGER_OPEN_GROUPS
    for position, group in enumerate(report.groups):
        is_open = group.status in OPEN_STATUSES
        groups.append(
            _group_view(
                group,
                words,
                anchors,
                project.sources,
                lazy and (not is_open or eager <= 0),
                position < EARLY_GROUPS,
            )
        )
        eager -= is_open
    by_status: dict[str, list[GroupView]] = defaultdict(list)
    for view in groups:
        by_status[view.status].append(view)
    conflicts = by_status[str(Status.CONFLICT)]

    quoted = _quoted_passages(report.groups, anchors, words)
    sources = tuple(
        _source_view(source, report, words, quoted.get(source.id, []), lazy)
        for source in project.sources.values()
    )
    topics = tuple(
        Option(topic.id, words.label(topic.label, topic.id))
        for topic in project.config.topics.values()
        if any(group.topic.id == topic.id for group in report.groups)
    )
    return Page(
        lang=lang,
        dir=direction(lang),
        title=project.config.title,
        built_from=words.t(
            "built_from",
            sources=len(project.sources),
            claims=len(project.claims),
            groups=len(report.groups),
        ),
        generated=words.t("generated", when=generated) if generated else None,
        statuses=statuses,
        conflicts=tuple(conflicts[:OVERVIEW_CONFLICTS]),
        more_conflicts=max(0, len(conflicts) - OVERVIEW_CONFLICTS),
        sections=tuple(
            StatusSection(s, tuple(by_status[s.key])) for s in statuses if by_status[s.key]
        ),
        total_groups=len(groups),
        topics=topics,
        sources=sources,
        problems=tuple(_problem_view(p, words, anchors) for p in report.problems),
        search_index=tuple((view.anchor, view.search) for view in groups),
        lazy=lazy,
    )


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
    return f"q--{source}--{span[0]}-{span[1]}"


def source_anchor(source: str) -> str:
    return f"src--{source}"


def language_direction(language: str | None) -> str:
    if not language:
        return "auto"
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def _written(raw: object, separator: str) -> str:
    if isinstance(raw, (list, tuple)):
        return separator.join(_written(item, separator) for item in raw)
    if isinstance(raw, dict):
        return separator.join(f"{key}: {_written(item, separator)}" for key, item in raw.items())
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _written_if_different(
    claim: Claim, prop: Property, config: Config, words: Words, shown: ValueView
) -> str | None:
    """The value as the article wrote it, when that says more than the canonical label."""
    separator = "، " if _ARABIC_LETTER.search(str(claim.written)) else ", "
    written = _written(claim.written, separator)
    value = claim.value
    if isinstance(value, (EntityValue, EntitySetValue)):
        ids = value.ids if isinstance(value, EntitySetValue) else {value.id}
        raw = claim.written if isinstance(claim.written, (list, tuple)) else [claim.written]
        labels = {normalise(words.entity(prop.kind, i)) for i in ids}
        if all(normalise(_written(name, "")) in labels for name in raw):
            return None
        return written
    canonical = value.canonical()
    plain = {normalise(_written(canonical, words.separator)), normalise(shown.text)}
    return None if normalise(written) in plain else written


def _quote_view(claim: Claim, source: Source | None, config: Config, words: Words) -> QuoteView:
    match = claim.quote_match
    language = (source.language if source else None) or config.language
    status = match.status
    if status is QuoteStatus.EXACT:
        text = words.t("quote_exact")
    elif status is QuoteStatus.APPROXIMATE:
        text = words.t("quote_approximate", score=_score(match.score))
    elif status is QuoteStatus.MISSING:
        text = (
            words.t("quote_missing_score", score=_score(match.score))
            if match.score is not None
            else words.t("quote_missing")
        )
    else:
        text = words.t("quote_absent")
    target = quote_anchor(claim.source, match.spans[0]) if match.spans else None
    return QuoteView(
        claim.quote,
        language,
        language_direction(language),
        str(status),
        text,
        match.found if status is QuoteStatus.APPROXIMATE else None,
        target,
    )


def _score(score: float | None) -> str:
    if score is None:
        return "?"
    return str(int(score)) if float(score).is_integer() else f"{score:.1f}"


def _claim_row(
    view: ClaimView,
    group: Group,
    words: Words,
    anchors: ClaimAnchors,
    sources: Mapping[str, Source],
) -> ClaimRow:
    claim = view.claim
    config = words.config
    prop = group.property
    shown = words.value(claim.value, prop)
    subject_written = claim.subject_written
    if subject_written and group.subject:
        shown_names = {
            normalise(group.subject.id),
            normalise(words.label(group.subject.label, group.subject.id)),
        }
        if normalise(subject_written) in shown_names:
            subject_written = None
    source = sources.get(claim.source)
    return ClaimRow(
        anchor=anchors[claim],
        source=claim.source,
        source_anchor=source_anchor(claim.source),
        value=shown,
        written=_written_if_different(claim, prop, config, words, shown),
        subject_written=subject_written,
        as_of=words.when(claim.as_of) if prop.temporal else None,
        quote=_quote_view(claim, source, config, words),
        verdict=str(view.verdict) if view.verdict else None,
        verdict_text=words.t(f"verdict_{view.verdict}") if view.verdict else None,
        contradicted=view.contradicted and group.status in (Status.CONFLICT, Status.RESOLVED),
        note=claim.note,
        place=words.t("claim_file", file=claim.place.file, line=claim.place.line),
    )


def _digest(group: Group, rows: Sequence[ClaimRow], words: Words) -> list[DigestItem]:
    """Distinct values with the sources that give them: what a collapsed card says."""
    if _disputed(group):
        return [
            DigestItem(
                words.entity(group.property.kind, row.entity),
                words.t("listed")
                + ": "
                + words.separator.join(row.listed_by)
                + " · "
                + words.t("left_out")
                + ": "
                + words.separator.join(row.left_out_by),
            )
            for row in group.members
            if row.disputed
        ]
    by_value: dict[tuple[str, str | None], list[str]] = {}
    rejected: dict[tuple[str, str | None], bool] = {}
    ordered = list(zip(group.claims, rows, strict=True))
    if group.property.temporal:
        ordered.sort(
            key=lambda pair: pair[0].claim.as_of.span.low if pair[0].claim.as_of else -math.inf
        )
    for view, row in ordered:
        key = (row.value.text, row.as_of if group.property.temporal else None)
        sources = by_value.setdefault(key, [])
        if row.source not in sources:
            sources.append(row.source)
        rejected[key] = rejected.get(key, True) and view.verdict is Verdict.REJECTED
    items = []
    for (text, when), sources in by_value.items():
        label = f"{text} ({when})" if when else text
        items.append(DigestItem(label, words.separator.join(sources), rejected[(text, when)]))
    return items


def _matrix(group: Group, rows: Sequence[ClaimRow], words: Words) -> Matrix | None:
    if not group.members:
        return None
    columns = [
        (view, row)
        for view, row in zip(group.claims, rows, strict=True)
        if isinstance(view.claim.value, EntitySetValue)
    ]
    columns.sort(
        key=lambda pair: (
            pair[0].claim.source,
            pair[0].claim.as_of.span.low if pair[0].claim.as_of else 0,
        )
    )
    states = {
        "listed": words.t("listed"),
        "left_out": words.t("left_out"),
        "silent": words.t("silent"),
    }
    matrix_rows = []
    for member in group.members:
        cells = []
        for view, _ in columns:
            value = view.claim.value
            assert isinstance(value, EntitySetValue)
            state = (
                "listed"
                if member.entity in value.ids
                else "left_out"
                if value.complete
                else "silent"
            )
            cells.append(MatrixCell(state, states[state]))
        matrix_rows.append(
            MatrixRow(
                member.entity,
                words.entity(group.property.kind, member.entity),
                member.disputed,
                tuple(cells),
            )
        )
    return Matrix(
        tuple(MatrixColumn(view.claim.source, row.anchor, row.as_of) for view, row in columns),
        tuple(matrix_rows),
    )


def _timeline(group: Group, rows: Sequence[ClaimRow], words: Words, title: str) -> Timeline | None:
    """Each source's values over time, one lane per source, for temporal groups."""
    if not group.property.temporal:
        return None
    dated = sorted(
        (
            (view.claim.as_of, row)
            for view, row in zip(group.claims, rows, strict=True)
            if view.claim.as_of is not None
        ),
        key=lambda pair: (pair[1].source, pair[0].span.low),
    )
    finite = [b for when, _ in dated for b in (when.span.low, when.span.high) if math.isfinite(b)]
    if not finite:
        return None
    low_year = dt.date.fromordinal(int(min(finite))).year
    high_year = dt.date.fromordinal(int(max(finite))).year + 1
    years = max(1, high_year - low_year)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10000) if years / s <= 8)
    first = max(1, low_year - low_year % step)
    last = high_year + (-high_year) % step
    start = float(dt.date(first, 1, 1).toordinal())
    end = float((dt.date(last, 1, 1) if last <= 9999 else dt.date(9999, 12, 31)).toordinal())
    rtl = direction(words.lang) == "rtl"  # time runs the way the page reads
    # Room for the lane labels on the reading side, and for the last year's label on the other.
    plot_start = 28.0 if rtl else float(TIMELINE_GUTTER + 10)
    plot_end = float(TIMELINE_WIDTH - TIMELINE_GUTTER - 10) if rtl else TIMELINE_WIDTH - 28.0

    def x_of(day: float) -> float:
        fraction = (min(max(day, start), end) - start) / (end - start)
        return round(plot_start + (1 - fraction if rtl else fraction) * (plot_end - plot_start), 1)

    lane_ids = sorted({row.source for _, row in dated})[:TIMELINE_LANES]
    lane_y = {source: TIMELINE_AXIS + i * TIMELINE_LANE for i, source in enumerate(lane_ids)}
    shades: dict[str, int] = {}
    bars = []
    for when, row in dated:
        if row.source not in lane_y:
            continue
        x1, x2 = x_of(when.span.low), x_of(when.span.high + 1)
        left, width = min(x1, x2), max(abs(x2 - x1), 6.0)
        text = row.value.text
        bars.append(
            Bar(
                x=left,
                width=round(width, 1),
                y=lane_y[row.source] + 16,
                label_x=round(left + width if rtl else left, 1),
                label=text if len(text) <= 28 else text[:27] + "…",
                title=f"{row.source}: {text} — {row.as_of}",
                shade=shades.setdefault(text, len(shades) % 6),
                anchor=row.anchor,
            )
        )
    ticks = tuple(
        Tick(x_of(float(dt.date(year, 1, 1).toordinal())), str(year))
        for year in range(first, min(last, 9999) + 1, step)
    )
    lane_x = TIMELINE_WIDTH - TIMELINE_GUTTER + 10 if rtl else TIMELINE_GUTTER - 10
    lanes = tuple(Lane(source, float(lane_x), lane_y[source] + 26) for source in lane_ids)
    items = "; ".join(
        f"{row.source}: {row.value.text} ({row.as_of})"
        for _, row in sorted(dated, key=lambda pair: pair[0].span.low)
    )
    return Timeline(
        width=TIMELINE_WIDTH,
        height=TIMELINE_AXIS + len(lane_ids) * TIMELINE_LANE + 4,
        lanes=lanes,
        bars=tuple(bars),
        ticks=ticks,
        axis_y=TIMELINE_AXIS - 8,
        plot_start=plot_start,
        plot_end=plot_end,
        label=words.t("timeline_label", title=title, items=items),
    )


def _resolution_view(resolution: Resolution, group: Group, words: Words) -> ResolutionView:
    reference = resolution.reference
    rejected = sorted(
        {view.claim.source for view in group.claims if view.verdict is Verdict.REJECTED}
    )
    return ResolutionView(
        value=words.value(resolution.value, group.property),
        as_of=words.when(resolution.as_of),
        reason=resolution.reason,
        reference=reference,
        reference_is_link=bool(reference and re.match(r"https?://", reference)),
        by=resolution.by,
        decided=words.date(resolution.decided)[0] if resolution.decided else None,
        place=words.t("claim_file", file=resolution.place.file, line=resolution.place.line),
        rejected_sources=(
            words.t("rejected_claims", sources=words.separator.join(rejected)) if rejected else None
        ),
    )


def _group_view(
    group: Group,
    words: Words,
    anchors: ClaimAnchors,
    sources: Mapping[str, Source],
    lazy: bool,
    early: bool,
) -> GroupView:
    topic_label = words.label(group.topic.label, group.topic.id)
    title = words.group_title(group)
    rows = tuple(_claim_row(view, group, words, anchors, sources) for view in group.claims)
    digest = _digest(group, rows, words)
    open_ = group.status in OPEN_STATUSES
    return GroupView(
        anchor=group.anchor,
        status=str(group.status),
        status_word=words.t(f"status_{group.status}"),
        topic=group.topic.id,
        topic_label=topic_label,
        title=title,
        full_title=f"{topic_label} › {title}",
        sources=group.sources,
        open=open_,
        lazy=lazy,
        early=early,
        digest=tuple(digest[:DIGEST_VALUES]),
        digest_joiner="·" if _disputed(group) else _joiner(group.status, words),
        digest_more=max(0, len(digest) - DIGEST_VALUES),
        claims=rows,
        matrix=_matrix(group, rows, words),
        timeline=_timeline(group, rows, words, title),
        resolutions=tuple(_resolution_view(r, group, words) for r in group.resolutions),
        search=_search_text(group, rows, words, sources),
    )


def _disputed(group: Group) -> bool:
    return any(row.disputed for row in group.members)


def _joiner(status: Status, words: Words) -> str:
    if status in (Status.CONFLICT, Status.RESOLVED, Status.COMPATIBLE):
        return words.t("versus")
    if status is Status.CHANGED:
        return "←" if direction(words.lang) == "rtl" else "→"
    return "·"


def _search_text(
    group: Group, rows: Sequence[ClaimRow], words: Words, sources: Mapping[str, Source]
) -> str:
    """Everything a reader may search a group by, folded as SPEC §4 folds names and quotes."""
    config = words.config
    parts: list[str] = [
        group.topic.id,
        *group.topic.label.all(),
        group.property.id,
        *group.property.label.all(),
        words.t(f"status_{group.status}"),
    ]
    if group.subject:
        parts += group.subject.names
    for view, row in zip(group.claims, rows, strict=True):
        claim = view.claim
        value = claim.value
        parts += [
            row.value.text,
            row.source,
            row.as_of or "",
            claim.quote or "",
            claim.note or "",
            claim.subject_written or "",
            _written(claim.written, " "),
            _written(value.canonical(), " "),
        ]
        source = sources.get(claim.source)
        if source and source.title:
            parts.append(source.title)
        ids: Iterable[str] = ()
        if isinstance(value, EntitySetValue):
            ids = sorted(value.ids)
        elif isinstance(value, EntityValue):
            ids = (value.id,)
        for entity_id in ids:
            entity: Entity | None = config.entities.get(group.property.kind or "", {}).get(
                entity_id
            )
            if entity:
                parts += entity.names
    unique = dict.fromkeys(normalise(part) for part in parts if part)
    return " | ".join(part for part in unique if part)


def _quoted_passages(
    groups: Iterable[Group], anchors: ClaimAnchors, words: Words
) -> dict[str, list[tuple[tuple[int, int], str, str]]]:
    """Per source, every quoted span with the claim that quotes it and that claim's title."""
    passages: dict[str, list[tuple[tuple[int, int], str, str]]] = defaultdict(list)
    for group in groups:
        title = words.group_title(group)
        for view in group.claims:
            claim = view.claim
            for span in claim.quote_match.spans:
                if span[1] > span[0]:
                    passages[claim.source].append((span, anchors[claim], title))
    return passages


def _pieces(
    text: str, source_id: str, passages: Sequence[tuple[tuple[int, int], str, str]], words: Words
) -> tuple[Piece, ...]:
    """Cut a source's text at every quoted passage's ends; runs inside any passage are marked."""
    if not passages:
        return (Piece(text, False, (), ()),) if text else ()
    spans = sorted({span for span, _, _ in passages})
    backlinks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for span, claim_anchor, title in sorted(passages):
        link = (claim_anchor, words.t("back_to_claim", title=title))
        if link not in backlinks[span[1]]:
            backlinks[span[1]].append(link)
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


def _source_view(
    source: Source,
    report: Report,
    words: Words,
    passages: Sequence[tuple[tuple[int, int], str, str]],
    lazy: bool,
) -> SourceView:
    counts = report.source_counts.get(source.id)
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


def _problem_view(problem: Problem, words: Words, anchors: ClaimAnchors) -> ProblemView:
    place = problem.place
    return ProblemView(
        severity=str(problem.severity),
        severity_text=words.t(f"severity_{problem.severity}"),
        code=problem.code,
        place=str(place),
        message=problem.message,
        claim_anchor=anchors.at(place.file, place.line)
        if place.file.startswith("claims/")
        else None,
    )
