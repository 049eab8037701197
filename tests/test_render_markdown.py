"""reconcile.render.markdown: the conflicts and problems of a report, as a PR comment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import reconcile
from reconcile.model import Report
from reconcile.render.markdown import render_markdown


def test_markdown_lists_conflicts_disputed_members_and_problems(html_report: Report) -> None:
    lines = render_markdown(html_report).splitlines()
    assert lines[0] == "## Desk &lt;b&gt;test&lt;/b&gt; &amp; co"  # project text is never markup
    assert lines[2] == (
        "**1** conflict · **1** resolved · **1** changed · **1** compatible · "
        "**1** single · **1** agree"
    )
    assert "### Founding › Original signatories" in lines
    assert "| a | Armenia, Belarus, Russia | exact |" in lines
    assert "| c | Russia, … | exact |" in lines
    assert "- **Belarus**: listed by a; left out by b" in lines
    assert "- **Uzbekistan**: listed by b; left out by a" in lines
    assert "1 problem(s):" in lines
    assert lines[-1].startswith("- `claims/c.yaml:19:10: warning: quote not found")


def test_markdown_without_conflicts_says_so(html_project: Callable[..., Path]) -> None:
    claims = "- topic: founding\n  property: signatories\n  value: [Russia]\n  complete: false\n"
    root = html_project(
        {"claims/a.yaml": claims, "claims/b.yaml": "[]\n", "resolutions.yaml": "[]\n"}
    )
    text = render_markdown(reconcile.compare(reconcile.load_project(root)))
    assert "No unresolved conflict." in text
    assert "###" not in text


def test_table_cells_escape_pipes(html_project: Callable[..., Path]) -> None:
    claims = "- topic: founding\n  property: place\n  value: 'Tashkent | Almaty'\n"
    root = html_project({"claims/c.yaml": claims})
    text = render_markdown(reconcile.compare(reconcile.load_project(root)))
    assert "| c | Tashkent \\| Almaty |" in text
