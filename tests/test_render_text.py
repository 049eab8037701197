"""reconcile.render.text: what `reconcile check` prints, coloured only when asked."""

from __future__ import annotations

import click

from reconcile.model import Report
from reconcile.problems import Place, error, warning
from reconcile.render.text import check_text, problems_text, written_text


def test_check_text_shows_each_conflict_with_its_disputed_members(html_report: Report) -> None:
    lines = check_text(html_report).splitlines()
    assert lines[0] == (
        "Desk <b>test</b> & co: 3 sources, 13 claims, 6 groups: 1 conflict, 1 resolved, "
        "1 changed, 1 compatible, 1 single, 1 agree"
    )
    start = lines.index("CONFLICT founding.signatories: Founding › Original signatories")
    assert lines[start - 1] == ""
    assert lines[start + 1 : start + 3] == [
        "  Belarus: listed by a; left out by b",
        "  Uzbekistan: listed by b; left out by a",
    ]
    assert "  a  Armenia, Belarus, Russia  [claims/a.yaml:5:3]" in lines
    assert "     “روسيا، أرمينيا، وبيلاروسيا” (exact)" in lines
    assert "  c  Russia, … (not contradicted)  [claims/c.yaml:1:3]" in lines
    assert lines[-1] == "1 unresolved conflict, 0 misquotes, 1 warning."
    assert not check_text(html_report).endswith("\n")


def test_colour_only_when_asked(html_report: Report) -> None:
    plain = check_text(html_report)
    coloured = check_text(html_report, colour=True)
    assert "\x1b[" not in plain
    assert click.style("CONFLICT", fg="red", bold=True) in coloured
    assert click.style("warning", fg="yellow", bold=True) in coloured
    assert click.unstyle(coloured) == plain


def test_problem_lines() -> None:
    problems = (
        error(Place("claims/a.yaml", 3, 5), "bad-value", "not a date"),
        warning(Place("claims/b.yaml", 1, 3), "no-quote", "no quote"),
    )
    assert problems_text(problems).splitlines() == [
        "claims/a.yaml:3:5: error: not a date [bad-value]",
        "claims/b.yaml:1:3: warning: no quote [no-quote]",
    ]
    coloured = problems_text(problems, colour=True)
    assert click.style("error", fg="red", bold=True) in coloured
    assert problems_text(()) == ""


def test_written_text_names_the_file_and_counts(html_report: Report) -> None:
    assert written_text(html_report, "reports/consistency.html").splitlines() == [
        "reports/consistency.html",
        "6 groups: 1 conflict, 1 resolved, 1 changed, 1 compatible, 1 single, 1 agree; 1 warnings",
    ]
