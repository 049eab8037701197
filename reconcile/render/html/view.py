"""What the HTML report says: a small, typed view of a `Report`, in the reader's language.

This module and its neighbours (`claims`, `matrix`, `sourcetext`, `anchors`) decide every word,
label, anchor and number the page shows; the templates in `templates/` only decide how it
looks. Nothing here compares claims again: it reads the Report.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reconcile.diff import Since
from reconcile.model import (
    REPORT_ORDER,
    Entity,
    Group,
    QuoteStatus,
    Report,
    Resolution,
    Source,
    Status,
    Verdict,
)
from reconcile.normalise import normalise
from reconcile.problems import Problem
from reconcile.render.html.anchors import ClaimAnchors
from reconcile.render.html.claims import ClaimRow, claim_row, written_form
from reconcile.render.html.matrix import Matrix, Timeline, entity_matrix, timeline
from reconcile.render.html.since import SinceView, since_view
from reconcile.render.html.sourcetext import Passage, SourceView, quoted_passages, source_view
from reconcile.render.messages import MESSAGES, direction
from reconcile.render.words import ValueView, Words, shown_contradictions
from reconcile.values import EntitySetValue, EntityValue

#: Above this many claims, collapsed groups and source texts are written inside <noscript> so
#: that Chromium parses them as one text node instead of building their DOM; the page's script
#: builds a body when it is first opened. See `templates/report.html.j2` for why.
LAZY_CLAIMS = 2000

#: Above this many claims the page carries its groups and source texts as data, once, and the
#: script builds only the cards on screen (`bigpage`); below it every group is HTML and the page
#: reads without JavaScript. See docs/report.md, "Scale", for where the line is and why.
DATA_CLAIMS = 5000

#: Groups of these statuses are open when the page loads; the others show a one-line digest.
OPEN_STATUSES = frozenset({Status.CONFLICT, Status.RESOLVED, Status.CHANGED})

#: In a large project, only this many open groups are written as DOM; the bodies of the open
#: groups after them are lazy too, and the script builds each as it nears the screen.
EAGER_OPEN_GROUPS = 40

#: The first cards of the page, drawn while the rest of a large page is still being parsed.
EARLY_GROUPS = 30

#: How many open conflicts the first screen lists before pointing to the rest.
OVERVIEW_CONFLICTS = 12

#: A value digest in a group's summary shows at most this many distinct values.
DIGEST_VALUES = 4

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
class DigestItem:
    text: str
    sources: str
    rejected: bool = False


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
    pairs: tuple[str, ...] = ()  # which claims contradict, at what time
    misquoted: int = 0  # how many of its claims misquote their source


@dataclass(frozen=True, slots=True)
class StatusSection:
    status: StatusView
    groups: tuple[GroupView, ...]


@dataclass(frozen=True, slots=True)
class ProblemView:
    severity: str
    severity_text: str
    code: str
    place: str
    message: str
    claim_anchor: str | None


@dataclass(frozen=True, slots=True)
class MisquoteItem:
    """A misquoted claim in the first screen's list."""

    claim_anchor: str
    source: str
    title: str  # the group's full title
    differences: str  # "ten" for "nine"


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
    misquotes: tuple[MisquoteItem, ...]
    sections: tuple[StatusSection, ...]
    total_groups: int
    topics: tuple[Option, ...]
    sources: tuple[SourceView, ...]
    problems: tuple[ProblemView, ...]
    search_index: tuple[tuple[str, str], ...]  # (group anchor, folded text)
    lazy: bool
    since: SinceView | None = None  # what changed since a baseline (report --since)
    passages: Mapping[str, Sequence[Passage]] | None = None  # per source, its quoted spans
    data: bool = False  # above DATA_CLAIMS: cards are built by the script from data


# Building it ---------------------------------------------------------------------------------


def build_page(
    report: Report,
    ui_language: str = "en",
    generated: str | None = None,
    since: Since | None = None,
) -> Page:
    """The view of `report` in `ui_language` ("en" or "ar"; others fall back to English).

    `since`, compared by the caller, marks what changed since a baseline.
    """
    lang = ui_language if ui_language in MESSAGES else "en"
    words = Words(report.project.config, lang)
    project = report.project
    lazy = len(project.claims) > LAZY_CLAIMS
    data = len(project.claims) > DATA_CLAIMS
    anchors = ClaimAnchors(project.claims)
    statuses = _status_views(report, words)
    groups = _group_views(report, words, anchors, lazy, data)
    by_status: dict[str, list[GroupView]] = defaultdict(list)
    for view in groups:
        by_status[view.status].append(view)
    conflicts = by_status[str(Status.CONFLICT)]

    quoted = quoted_passages(report.groups, anchors, words)
    counts = report.source_counts()
    sources = tuple(
        # the data page marks the quotes itself (big.js): no pieces to cut here
        source_view(
            source,
            report,
            counts.get(source.id),
            words,
            [] if data else quoted.get(source.id, []),
            lazy,
        )
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
        misquotes=_misquote_items(report, words, anchors),
        sections=tuple(
            StatusSection(s, tuple(by_status[s.key])) for s in statuses if by_status[s.key]
        ),
        total_groups=len(groups),
        topics=topics,
        sources=sources,
        problems=tuple(_problem_view(p, words, anchors) for p in report.problems),
        search_index=tuple((view.anchor, view.search) for view in groups),
        lazy=lazy,
        since=since_view(since, report, words, anchors) if since else None,
        passages=quoted,
        data=data,
    )


def _misquote_items(
    report: Report, words: Words, anchors: ClaimAnchors
) -> tuple[MisquoteItem, ...]:
    titles = {
        anchors[view.claim]: f"{words.label(g.topic.label, g.topic.id)} › {words.group_title(g)}"
        for g in report.groups
        for view in g.claims
    }
    return tuple(
        MisquoteItem(
            anchors[claim],
            claim.source,
            titles.get(anchors[claim], f"{claim.topic}.{claim.property}"),
            words.separator.join(
                f"“{quoted}” ≠ “{found}”" for quoted, found in claim.quote_match.differences
            ),
        )
        for claim in report.misquoted
    )


def _status_views(report: Report, words: Words) -> tuple[StatusView, ...]:
    return tuple(
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


def _group_views(
    report: Report, words: Words, anchors: ClaimAnchors, lazy: bool, data: bool = False
) -> list[GroupView]:
    """Every group's view; in a large project the first open ones eager, the rest lazy."""
    groups = []
    eager = EAGER_OPEN_GROUPS
    for position, group in enumerate(report.groups):
        is_open = group.status in OPEN_STATUSES
        groups.append(
            _group_view(
                group,
                words,
                anchors,
                report.project.sources,
                lazy and (not is_open or eager <= 0),
                position < EARLY_GROUPS,
                data,
            )
        )
        eager -= is_open
    return groups


def _digest(group: Group, rows: Sequence[ClaimRow], words: Words) -> list[DigestItem]:
    """Distinct values with the sources that give them: what a collapsed card says."""
    if group.disputed:
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
    data: bool = False,
) -> GroupView:
    topic_label = words.label(group.topic.label, group.topic.id)
    title = words.group_title(group)
    rows = tuple(claim_row(view, group, words, anchors, sources) for view in group.claims)
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
        digest_joiner="·" if group.disputed else _joiner(group.status, words),
        digest_more=max(0, len(digest) - DIGEST_VALUES),
        claims=rows,
        matrix=entity_matrix(group, rows, words),
        timeline=None if data else timeline(group, rows, words, title),  # the data page has none
        resolutions=tuple(_resolution_view(r, group, words) for r in group.resolutions),
        search=_search_text(group, rows, words, sources),
        pairs=tuple(shown_contradictions(group, words)),
        misquoted=sum(row.quote.status == QuoteStatus.MISQUOTED for row in rows),
    )


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
            written_form(claim.written, " "),
            written_form(value.canonical(), " "),
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
