"""A report as plain text: what `reconcile check` prints, and the problem lines of every command.

Colour is applied, through `click.style`, only when the caller asks for it.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from reconcile.model import Group, Report, Status
from reconcile.problems import Problem, Severity
from reconcile.render.words import Words

STATUS_COLOURS = {
    Status.CONFLICT: "red",
    Status.RESOLVED: "blue",
    Status.CHANGED: "cyan",
    Status.COMPATIBLE: "yellow",
    Status.AGREE: "green",
    Status.SINGLE: None,
}


# C0 controls but line feed and tab, DEL, C1 controls: a terminal would act on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with its control characters shown as `\\x1b` and the like, so that text from a
    project cannot move the cursor, retitle the window or hide a link in the terminal."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def visible_json(text: str) -> str:
    """JSON text with the control characters json.dumps leaves raw (DEL, C1) escaped."""
    return re.sub(r"[\x7f-\x9f]", lambda match: f"\\u{ord(match.group()):04x}", text)


def check_text(report: Report, *, colour: bool = False) -> str:
    """The summary, every unresolved conflict, every problem, and the closing count."""
    project = report.project
    title = _style(visible(project.config.title), colour, bold=True)
    lines = [
        f"{title}: {len(project.sources)} sources, "
        f"{len(project.claims)} claims, {len(report.groups)} groups: {_counts(report)}"
    ]
    words = Words(project.config)
    for group in report.groups:
        if group.status is Status.CONFLICT:
            lines += ["", *_conflict_lines(group, words, colour)]
    if report.problems:
        lines += ["", problems_text(report.problems, colour=colour)]
    warnings = len(report.problems)
    conflicts = report.unresolved_conflicts
    lines += [
        "",
        f"{conflicts} unresolved conflict{'s' * (conflicts != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}.",
    ]
    return "\n".join(lines)


def problems_text(problems: tuple[Problem, ...], *, colour: bool = False) -> str:
    """One `path:line:column: severity: message [code]` line per problem."""
    lines = []
    for problem in problems:
        severity = str(problem.severity)
        location, _, rest = visible(str(problem)).partition(f": {severity}: ")
        fg = "red" if problem.severity is Severity.ERROR else "yellow"
        lines.append(f"{location}: {_style(severity, colour, fg=fg, bold=True)}: {rest}")
    return "\n".join(lines)


def written_text(report: Report, path: Path) -> str:
    """What `reconcile report` says once the file is written: where, and what it holds."""
    return (
        f"{path}\n{len(report.groups)} groups: {_counts(report)}; {len(report.problems)} warnings"
    )


def _conflict_lines(group: Group, words: Words, colour: bool) -> list[str]:
    badge = _style(str(group.status).upper(), colour, fg=STATUS_COLOURS[group.status], bold=True)
    lines = [f"{group.key}: {words.group_title(group, with_topic=True)}"]
    for row in group.members:
        if row.disputed:
            lines.append(f"  {words.entity(group.property.kind, row.entity)}: {words.dispute(row)}")
    width = max(len(view.claim.source) for view in group.claims)
    for view in group.claims:
        claim = view.claim
        value = words.value(claim.value, group.property).text
        when = f" as of {words.when(claim.as_of)}" if claim.as_of else ""
        mark = "" if view.contradicted else " (not contradicted)"
        lines.append(f"  {claim.source:<{width}}  {value}{when}{mark}  [{claim.place}]")
        if claim.quote:
            lines.append(f"  {'':<{width}}  “{claim.quote.strip()}” ({claim.quote_match.status})")
    return [f"{badge} {visible(lines[0])}", *(visible(line) for line in lines[1:])]


def _counts(report: Report) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in report.by_status.items() if n)
    return counts or "nothing yet"


def _style(text: str, colour: bool, *, fg: str | None = None, bold: bool | None = None) -> str:
    return click.style(text, fg=fg, bold=bold) if colour else text
