"""The benchmark projects stay what their README says: every quote found in its article, no
misquote and no error, whatever the rules learn, so that their figures keep measuring the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from writes import EXIT_BAD_INPUT, check_json

PROJECTS = sorted((Path(__file__).resolve().parent.parent / "benchmarks" / "projects").iterdir())


@pytest.mark.parametrize("root", PROJECTS, ids=[p.name for p in PROJECTS])
def test_a_benchmark_project_checks_without_errors_or_lost_quotes(root: Path) -> None:
    code, report = check_json(root)
    assert code != EXIT_BAD_INPUT
    problems = {(p["severity"], p["code"]) for p in report["problems"]}
    assert not {p for p in problems if p[0] == "error" or p[1] == "quote-not-found"}
    statuses = {c["quote_status"] for g in report["groups"] for c in g["claims"]}
    assert statuses <= {"exact", "approximate"}
    assert report["summary"]["sources"] >= 5
