"""A report as Markdown: its conflicts and problems, for a pull-request comment."""

from __future__ import annotations

from reconcile.model import REPORT_ORDER, Report, Status
from reconcile.render.words import Words, shown_contradictions


def render_markdown(report: Report) -> str:
    """A summary of the disagreements, short enough for a pull-request comment."""
    words = Words(report.project.config)
    counts = report.by_status
    lines = [f"## {report.project.config.title}", ""]
    lines.append(" · ".join(f"**{counts[str(s)]}** {s}" for s in REPORT_ORDER))
    lines.append("")
    conflicts = [g for g in report.groups if g.status is Status.CONFLICT]
    if not conflicts:
        lines.append("No unresolved conflict.")
    for group in conflicts:
        title = words.group_title(group, with_topic=True)
        lines += ["", f"### {title}", "", "| source | value | quote |", "|---|---|---|"]
        for view in group.claims:
            claim = view.claim
            value = _md(words.value(claim.value, group.property).text)
            lines.append(f"| {claim.source} | {value} | {claim.quote_match.status} |")
        contradictions = shown_contradictions(group, words)
        if contradictions:
            lines.append("")
        lines += [f"- contradicting: {_md(text)}" for text in contradictions]
        disputed = [row for row in group.members if row.disputed]
        if disputed:
            lines.append("")
        for row in disputed:
            lines.append(
                f"- **{words.entity(group.property.kind, row.entity)}**: {words.dispute(row)}"
            )
    if report.misquoted:
        lines += ["", "### Misquotes", ""]
    for claim in report.misquoted:
        differs = "; ".join(
            f"says “{_md(quoted)}” where the source says “{_md(found)}”"
            for quoted, found in claim.quote_match.differences
        )
        lines.append(
            f"- **{claim.source}** {claim.topic}.{claim.property} (`{claim.place}`): {differs}"
        )
    problems = report.problems
    if problems:
        lines += ["", f"{len(problems)} problem(s):", ""]
        lines += [f"- `{problem}`" for problem in problems]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
