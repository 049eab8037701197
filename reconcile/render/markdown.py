"""A report as Markdown: a memo a desk can hand on, disagreements first.

Everything copied from the project is escaped: HTML's `<`, `>` and `&` become entities, so a
`<script>` in a title stays text once the memo is rendered, and Markdown's own characters are
backslash-escaped, so a `|` or `*` in a value cannot break a table or start emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reconcile.model import ClaimView, Group, Report, Status
from reconcile.problems import Problem
from reconcile.render.findings import MISQUOTED
from reconcile.render.text import visible
from reconcile.render.words import Words, shown_contradictions
from reconcile.values import DateValue

#: The characters that mean something inside a line of Markdown (and GitHub's tables).
_MARKDOWN_CHARACTERS = re.compile(r"([\\`*_\[\]#|~])")
#: How the memo counts each status, in words.
_STATUS_WORDS = {
    Status.CONFLICT: ("conflict", "conflicts"),
    Status.RESOLVED: ("resolved", "resolved"),
    Status.CHANGED: ("changed over time", "changed over time"),
    Status.COMPATIBLE: ("compatible", "compatible"),
    Status.SINGLE: ("from a single source", "from a single source"),
    Status.AGREE: ("agreement", "agreements"),
}


def md(text: object) -> str:
    """`text` as Markdown that shows it as written: one line, HTML and Markdown escaped."""
    plain = visible(" ".join(str(text).split()))
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_CHARACTERS.sub(r"\\\1", plain)


def counted(count: int, word: str, plural: str | None = None) -> str:
    """'1 source', '2 warnings': a count in words."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


def render_markdown(report: Report) -> str:
    """The memo: counts in words, then each kind of group with what a reader needs of it."""
    words = Words(report.project.config)
    lines = [f"# {md(report.project.config.title)}", "", _summary(report), ""]
    by_status = {status: [g for g in report.groups if g.status is status] for status in Status}
    misquoted = [p for p in report.problems if p.code == MISQUOTED]
    lines += _section("Conflicts", by_status[Status.CONFLICT], words, _conflict)
    if not by_status[Status.CONFLICT]:
        lines += ["## Conflicts", "", "No unresolved conflict.", ""]
    if misquoted:
        lines += ["## Misquotes", "", *(_problem_line(p) for p in misquoted), ""]
    lines += _section("Resolutions", by_status[Status.RESOLVED], words, _resolved)
    lines += _section("Changed over time", by_status[Status.CHANGED], words, _timeline)
    lines += _section("Compatible", by_status[Status.COMPATIBLE], words, _compatible)
    lines += _listing("Single source", by_status[Status.SINGLE], words)
    lines += _listing("Agreements", by_status[Status.AGREE], words)
    if report.problems:
        lines += ["## Problems", "", *(_problem_line(p) for p in report.problems), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> str:
    project = report.project
    counts = ", ".join(
        counted(n, *_STATUS_WORDS[Status(status)]) for status, n in report.by_status.items() if n
    )
    return (
        f"{counted(len(project.sources), 'source')}, {counted(len(project.claims), 'claim')} "
        f"in {counted(len(report.groups), 'group')}: {counts or 'nothing yet'}; "
        f"{counted(report.unresolved_conflicts, 'unresolved conflict')}, "
        f"{counted(len(report.problems), 'warning')}."
    )


def _section(
    title: str, groups: list[Group], words: Words, body: Callable[[Group, Words], list[str]]
) -> list[str]:
    if not groups:
        return []
    lines = [f"## {title}", ""]
    for group in groups:
        lines += [f"### {md(words.group_title(group, with_topic=True))}", ""]
        lines += body(group, words)
        lines.append("")
    return lines


def _value(view: ClaimView, group: Group, words: Words) -> str:
    return md(words.value(view.claim.value, group.property).text)


def _quote(view: ClaimView) -> str:
    """The quote in its own direction: isolated, so that Arabic inside English text keeps its
    order and its quotation marks."""
    claim = view.claim
    return f"“\u2068{md(claim.quote)}\u2069”" if claim.quote else "—"


def _claims_table(group: Group, words: Words, *, verdicts: bool = False) -> list[str]:
    head = "| source | value | quote | found |" + (" verdict |" if verdicts else "")
    rows = [head, "|---|---|---|---|" + ("---|" if verdicts else "")]
    for view in group.claims:
        when = f" (as of {md(words.when(view.claim.as_of))})" if view.claim.as_of else ""
        found = view.claim.quote_match.status
        row = (
            f"| {md(view.claim.source)} | {_value(view, group, words)}{when} | {_quote(view)} "
            f"| {found} |"
        )
        if verdicts:
            row += f" {view.verdict or '—'} |"
        rows.append(row)
    return rows


def _conflict(group: Group, words: Words) -> list[str]:
    lines = _claims_table(group, words)
    contradictions = shown_contradictions(group, words)
    if contradictions:
        lines.append("")
    lines += [f"- contradicting: {md(text)}" for text in contradictions]
    disputed = [row for row in group.members if row.disputed]
    if disputed:
        lines.append("")
    for row in disputed:
        entity = md(words.entity(group.property.kind, row.entity))
        lines.append(f"- **{entity}**: {md(words.dispute(row))}")
    return lines


def _resolved(group: Group, words: Words) -> list[str]:
    lines = []
    for resolution in group.resolutions:
        value = md(words.value(resolution.value, group.property).text)
        lines.append(f"**Accepted:** {value}" + _for_time(resolution.as_of, words))
        lines.append(f"**Reason:** {md(resolution.reason)}")
        if resolution.reference:
            lines.append(f"**Reference:** {md(resolution.reference)}")
        decided = " ".join(
            part
            for part in (
                f"by {md(resolution.by)}" if resolution.by else "",
                f"on {md(resolution.decided)}" if resolution.decided else "",
            )
            if part
        )
        if decided:
            lines.append(f"**Decided** {decided}")
        lines.append("")
    lines = [line + ("  " if line and next_ else "") for line, next_ in _pairs(lines)]
    return lines + _claims_table(group, words, verdicts=True)


def _pairs(lines: list[str]) -> list[tuple[str, bool]]:
    """Each line with whether a line of the same paragraph follows (a hard line break)."""
    return [(line, n + 1 < len(lines) and bool(lines[n + 1])) for n, line in enumerate(lines)]


def _for_time(as_of: DateValue | None, words: Words) -> str:
    return f" (for {md(words.when(as_of))})" if as_of else ""


def _timeline(group: Group, words: Words) -> list[str]:
    rows = ["| as of | value | source |", "|---|---|---|"]
    ordered = sorted(
        group.claims,
        key=lambda v: (v.claim.as_of.span.low if v.claim.as_of else 0.0, v.claim.source),
    )
    for view in ordered:
        when = md(words.when(view.claim.as_of)) if view.claim.as_of else "—"
        rows.append(f"| {when} | {_value(view, group, words)} | {md(view.claim.source)} |")
    return rows


def _compatible(group: Group, words: Words) -> list[str]:
    views = [words.value(view.claim.value, group.property) for view in group.claims]
    partial = [v.claim.source for v, seen in zip(group.claims, views, strict=True) if seen.partial]
    precisions = sorted({seen.precision for seen in views if seen.precision})
    if partial:
        why = f"partial lists ({md(', '.join(partial))}) name only some of the entities"
    elif precisions:
        why = f"the values differ in precision ({md(', '.join(precisions))}), not in fact"
    else:
        why = "the values are close enough to agree"
    return [f"Why compatible: {why}.", "", *_claims_table(group, words)]


def _listing(title: str, groups: list[Group], words: Words) -> list[str]:
    if not groups:
        return []
    lines = [f"## {title}", ""]
    for group in groups:
        values = "; ".join(
            f"{_value(view, group, words)} ({md(view.claim.source)})" for view in group.claims
        )
        lines.append(f"- {md(words.group_title(group, with_topic=True))}: {values}")
    return [*lines, ""]


def _problem_line(problem: Problem) -> str:
    return f"- `{problem.place}` {problem.severity}: {md(problem.message)} \\[{problem.code}\\]"
