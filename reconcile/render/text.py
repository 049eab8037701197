"""A report as plain text: what `reconcile check` prints, and the problem lines of every command.

Colour is applied, through `click.style`, only when the caller asks for it.
"""

from __future__ import annotations

from pathlib import Path

import click

from reconcile.misquote import DiffPart
from reconcile.model import Claim, Group, Report, Status
from reconcile.problems import Problem, Severity
from reconcile.render.places import PlaceText
from reconcile.render.words import Words, misquote_diff, shown_contradictions

STATUS_COLOURS = {
    Status.CONFLICT: "red",
    Status.RESOLVED: "blue",
    Status.CHANGED: "cyan",
    Status.COMPATIBLE: "yellow",
    Status.AGREE: "green",
    Status.SINGLE: None,
}


def check_text(
    report: Report,
    *,
    colour: bool = False,
    where: PlaceText = str,
    quiet: bool = False,
    every_group: bool = False,
) -> str:
    """The summary, every unresolved conflict, every misquote, every problem, the closing count.

    `where` shows a place; `quiet` leaves out the groups; `every_group` shows every group, not
    only the conflicts.
    """
    project = report.project
    lines = [
        f"{_style(project.config.title, colour, bold=True)}: {len(project.sources)} sources, "
        f"{len(project.claims)} claims, {len(report.groups)} groups: {_counts(report)}"
    ]
    words = Words(project.config)
    for group in () if quiet else report.groups:
        if every_group or group.status is Status.CONFLICT:
            lines += ["", *_group_lines(group, words, colour, where)]
    for claim in () if quiet else report.misquoted:
        lines += ["", *misquote_lines(claim, colour, where)]
    if report.problems:
        lines += ["", problems_text(report.problems, colour=colour, where=where)]
    warnings = len(report.problems)
    conflicts = report.unresolved_conflicts
    misquotes = len(report.misquoted)
    lines += [
        "",
        f"{conflicts} unresolved conflict{'s' * (conflicts != 1)}, "
        f"{misquotes} misquote{'s' * (misquotes != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}.",
    ]
    return "\n".join(lines)


def problems_text(
    problems: tuple[Problem, ...], *, colour: bool = False, where: PlaceText = str
) -> str:
    """One `path:line:column: severity: message [code]` line per problem."""
    lines = []
    for problem in problems:
        severity = str(problem.severity)
        fg = "red" if problem.severity is Severity.ERROR else "yellow"
        lines.append(
            f"{where(problem.place)}: {_style(severity, colour, fg=fg, bold=True)}: "
            f"{problem.message} [{problem.code}]"
        )
    return "\n".join(lines)


def written_text(report: Report, path: Path) -> str:
    """What `reconcile report` says once the file is written: where, and what it holds."""
    return f"{path}\n{counts_text(report)}"


def counts_text(report: Report) -> str:
    """The groups by status and the number of warnings, on one line."""
    return f"{len(report.groups)} groups: {_counts(report)}; {len(report.problems)} warnings"


def _group_lines(group: Group, words: Words, colour: bool, where: PlaceText) -> list[str]:
    badge = _style(str(group.status).upper(), colour, fg=STATUS_COLOURS[group.status], bold=True)
    lines = [f"{badge} {group.key}: {words.group_title(group, with_topic=True)}"]
    for row in group.members:
        if row.disputed:
            lines.append(f"  {words.entity(group.property.kind, row.entity)}: {words.dispute(row)}")
    width = max(len(view.claim.source) for view in group.claims)
    for view in group.claims:
        claim = view.claim
        value = words.value(claim.value, group.property).text
        when = f" as of {words.when(claim.as_of)}" if claim.as_of else ""
        disputed = group.status in (Status.CONFLICT, Status.RESOLVED)
        mark = " (not contradicted)" if disputed and not view.contradicted else ""
        verdict = f" ({view.verdict})" if view.verdict and group.status is Status.RESOLVED else ""
        lines.append(
            f"  {claim.source:<{width}}  {value}{when}{mark}{verdict}  [{where(claim.place)}]"
        )
        if claim.quote:
            lines.append(f"  {'':<{width}}  “{claim.quote.strip()}” ({claim.quote_match.status})")
    if group.status is Status.CONFLICT:
        lines += [f"  contradicting: {text}" for text in shown_contradictions(group, words)]
    return lines


def misquote_lines(claim: Claim, colour: bool = False, where: PlaceText = str) -> list[str]:
    """A misquote: where, what differs, the quote, the text found and the words marked."""
    match = claim.quote_match
    badge = _style("MISQUOTE", colour, fg="red", bold=True)
    differs = "; ".join(f"'{quoted}' for '{found}'" for quoted, found in match.differences)
    return [
        f"{badge} {claim.source} {claim.topic}.{claim.property}: the quote says {differs}"
        f"  [{where(claim.place)}]",
        f"  quote: “{(claim.quote or '').strip()}”",
        f"  found: “{match.found or ''}”",
        f"  diff:  {marked_diff(misquote_diff(claim), colour)}",
    ]


def marked_diff(parts: list[DiffPart], colour: bool = False) -> str:
    """The diff as text: the source's words as [-nine-], the quote's as {+ten+}."""
    out: list[str] = []
    for op, quote_words, found_words in parts:
        if op == "equal":
            out.append(" ".join(found_words))
            continue
        if found_words:
            out.append(_style(f"[-{' '.join(found_words)}-]", colour, fg="red"))
        if quote_words:
            out.append(_style(f"{{+{' '.join(quote_words)}+}}", colour, fg="green"))
    return " ".join(out)


def _counts(report: Report) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in report.by_status.items() if n)
    return counts or "nothing yet"


def _style(text: str, colour: bool, *, fg: str | None = None, bold: bool | None = None) -> str:
    return click.style(text, fg=fg, bold=bold) if colour else text
