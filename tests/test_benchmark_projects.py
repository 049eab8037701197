"""The benchmark projects stay what their README says: every quote found in its article, no
misquote and no error, whatever the rules learn, so that their figures keep measuring the rules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from writes import EXIT_BAD_INPUT, check_json

ROOT = Path(__file__).resolve().parent.parent / "benchmarks" / "projects"
PROJECTS = sorted(ROOT.iterdir())


@pytest.mark.parametrize("root", PROJECTS, ids=[p.name for p in PROJECTS])
def test_a_benchmark_project_checks_without_errors_or_lost_quotes(root: Path) -> None:
    code, report = check_json(root)
    assert code != EXIT_BAD_INPUT
    problems = {(p["severity"], p["code"]) for p in report["problems"]}
    assert not {p for p in problems if p[0] == "error" or p[1] == "quote-not-found"}
    statuses = {c["quote_status"] for g in report["groups"] for c in g["claims"]}
    assert statuses <= {"exact", "approximate"}
    assert report["summary"]["sources"] >= 5


def test_suggestions_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Two quotes as like a sentence as each other: which one a suggestion names, and so the
    order of the suggestions, once depended on the order Python iterates a set in."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "en-brexit-withdrawal", root)
    source = "northbridge-courier-eu-seals-brexit-deal-2018-11-26"
    (root / "claims" / f"{source}.yaml").unlink()
    outputs = set()
    for seed in ("1", "4", "6"):
        done = subprocess.run(
            [sys.executable, "-m", "reconcile", "suggest", "--project", root, source],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "stephen_barclay" in done.stdout
        outputs.add(done.stdout)
    assert len(outputs) == 1
