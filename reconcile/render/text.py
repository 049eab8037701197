"""A report as plain text: what `reconcile check` prints, and the problem lines of every command.

Colour is applied, through `click.style`, only when the caller asks for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from reconcile.misquote import DiffPart
from reconcile.model import Claim, Group, Report, Status
from reconcile.problems import Place, Problem, Severity
from reconcile.render.places import PlaceText
from reconcile.render.words import Words, misquote_diff, shown_contradictions

if TYPE_CHECKING:
    from reconcile.compare import KeptGroups

STATUS_COLOURS = {
    Status.CONFLICT: "red",
    Status.RESOLVED: "blue",
    Status.CHANGED: "cyan",
    Status.COMPATIBLE: "yellow",
    Status.AGREE: "green",
    Status.SINGLE: None,
}


# C0 controls but line feed and tab, DEL, C1 controls: a terminal would act on them. A lone
# surrogate (a file name's bytes that are not UTF-8) cannot be written at all.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """`text` with its control characters shown as `\\x1b` and its lone surrogates as
    `\\udcff`, so that text from a project cannot move the cursor, retitle the window or hide a
    link in the terminal, nor stop the output."""
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def check_text(
    report: Report,
    *,
    colour: bool = False,
    where: PlaceText = str,
    quiet: bool = False,
    every_group: bool = False,
    kept: KeptGroups | None = None,
) -> str:
    """The summary, every unresolved conflict, every misquote, every problem, the closing count.

    `where` shows a place; `quiet` leaves out the groups; `every_group` shows every group, not
    only the conflicts; a group's lines are taken from `kept`, and kept there, by its digest.
    """
    project = report.project
    title = _style(visible(project.config.title), colour, bold=True)
    lines = [
        f"{title}: {len(project.sources)} sources, "
        f"{len(project.claims)} claims, {len(report.groups)} groups: {_counts(report)}"
    ]
    words = Words(project.config)
    # what a group's lines depend on besides the group: colour, and where its places are shown
    shown_as = f"text {colour:d} {where(Place('.'))}"
    for group in () if quiet else report.groups:
        if every_group or group.status is Status.CONFLICT:
            if kept is None or group.digest is None:
                lines += ["", *_group_lines(group, words, colour, where)]
                continue
            written = kept.get(shown_as, group.digest)
            if not (isinstance(written, list) and all(isinstance(w, str) for w in written)):
                written = _group_lines(group, words, colour, where)
                kept.put(shown_as, group.digest, written)
            lines += ["", *written]
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
            f"{visible(where(problem.place))}: {_style(severity, colour, fg=fg, bold=True)}: "
            f"{visible(problem.message)} [{problem.code}]"
        )
    return "\n".join(lines)


def written_text(report: Report, path: str) -> str:
    """What `reconcile report` says once the file is written: where, and what it holds."""
    return f"{path}\n{counts_text(report)}"


def counts_text(report: Report) -> str:
    """The groups by status and the number of warnings, on one line."""
    return f"{len(report.groups)} groups: {_counts(report)}; {len(report.problems)} warnings"


def _group_lines(group: Group, words: Words, colour: bool, where: PlaceText) -> list[str]:
    badge = _style(str(group.status).upper(), colour, fg=STATUS_COLOURS[group.status], bold=True)
    lines = [f"{group.key}: {words.group_title(group, with_topic=True)}"]
    for row in group.members:
        if row.disputed:
            lines.append(f"  {words.entity(group.property.kind, row.entity)}: {words.dispute(row)}")
    width = max(len(view.claim.source) for view in group.claims)
    disputed = group.status in (Status.CONFLICT, Status.RESOLVED)
    resolved = group.status is Status.RESOLVED
    indent = " " * (width + 4)
    prop = group.property
    for view in group.claims:
        claim = view.claim
        value = words.value(claim.value, prop).text
        when = f" as of {words.when(claim.as_of)}" if claim.as_of else ""
        mark = " (not contradicted)" if disputed and not view.contradicted else ""
        verdict = f" ({view.verdict})" if view.verdict and resolved else ""
        lines.append(
            f"  {claim.source:<{width}}  {value}{when}{mark}{verdict}  [{where(claim.place)}]"
        )
        if claim.quote:
            lines.append(f"{indent}“{claim.quote.strip()}” ({claim.quote_match.status})")
    if group.status is Status.CONFLICT:
        lines += [f"  contradicting: {text}" for text in shown_contradictions(group, words)]
    rest = "\n".join(lines[1:])  # made visible at once: no control character is a line feed
    return [f"{badge} {visible(lines[0])}", *([visible(rest)] if rest else [])]


def misquote_lines(claim: Claim, colour: bool = False, where: PlaceText = str) -> list[str]:
    """A misquote: where, what differs, the quote, the text found and the words marked."""
    match = claim.quote_match
    badge = _style("MISQUOTE", colour, fg="red", bold=True)
    differs = "; ".join(f"'{quoted}' for '{found}'" for quoted, found in match.differences)
    return [
        f"{badge} {visible(f'{claim.source} {claim.topic}.{claim.property}: the quote says ')}"
        f"{visible(differs)}  [{visible(where(claim.place))}]",
        f"  quote: “{visible((claim.quote or '').strip())}”",
        f"  found: “{visible(match.found or '')}”",
        f"  diff:  {marked_diff(misquote_diff(claim), colour)}",
    ]


def marked_diff(parts: list[DiffPart], colour: bool = False) -> str:
    """The diff as text: the source's words as [-nine-], the quote's as {+ten+}."""
    out: list[str] = []
    for op, quote_words, found_words in parts:
        if op == "equal":
            out.append(visible(" ".join(found_words)))
            continue
        if found_words:
            out.append(_style(f"[-{visible(' '.join(found_words))}-]", colour, fg="red"))
        if quote_words:
            out.append(_style(f"{{+{visible(' '.join(quote_words))}+}}", colour, fg="green"))
    return " ".join(out)


def _counts(report: Report) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in report.by_status.items() if n)
    return counts or "nothing yet"


def _style(text: str, colour: bool, *, fg: str | None = None, bold: bool | None = None) -> str:
    return click.style(text, fg=fg, bold=bold) if colour else text
