"""A report as Markdown: its conflicts and problems, for a pull-request comment."""

from __future__ import annotations

import re

from reconcile.model import REPORT_ORDER, Report, Status
from reconcile.render.text import visible
from reconcile.render.words import Words

# What Markdown (and the HTML it passes through) would read as markup, links or code.
_MARKUP = re.compile(r"[\\`*_\[\]|~]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def render_markdown(report: Report) -> str:
    """A summary of the disagreements, short enough for a pull-request comment."""
    words = Words(report.project.config)
    counts = report.by_status
    lines = [f"## {markdown_text(report.project.config.title)}", ""]
    lines.append(" · ".join(f"**{counts[str(s)]}** {s}" for s in REPORT_ORDER))
    lines.append("")
    conflicts = [g for g in report.groups if g.status is Status.CONFLICT]
    if not conflicts:
        lines.append("No unresolved conflict.")
    for group in conflicts:
        title = words.group_title(group, with_topic=True)
        lines += [
            "",
            f"### {markdown_text(title)}",
            "",
            "| source | value | quote |",
            "|---|---|---|",
        ]
        for view in group.claims:
            claim = view.claim
            value = markdown_text(words.value(claim.value, group.property).text)
            lines.append(f"| {claim.source} | {value} | {claim.quote_match.status} |")
        disputed = [row for row in group.members if row.disputed]
        if disputed:
            lines.append("")
        for row in disputed:
            lines.append(
                f"- **{markdown_text(words.entity(group.property.kind, row.entity))}**: "
                f"{markdown_text(words.dispute(row))}"
            )
    problems = report.problems
    if problems:
        lines += ["", f"{len(problems)} problem(s):", ""]
        lines += [f"- {markdown_code(str(problem))}" for problem in problems]
    return "\n".join(lines) + "\n"


def markdown_code(text: str) -> str:
    """Text from a project as an inline code span: shown literally, HTML included; the fence is
    longer than any run of backticks inside."""
    text = visible(" ".join(text.split("\n")))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_text(text: str) -> str:
    """Text from a project as Markdown shows it literally, on one line: HTML escaped, Markdown's
    markup characters backslashed, control characters made visible."""
    text = visible(" ".join(text.split("\n")))
    text = "".join(_HTML.get(char, char) for char in text)
    return _MARKUP.sub(lambda match: "\\" + match.group(), text)
