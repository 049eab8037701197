"""Writes survive a kill at any moment and two writers at once.

Each round runs the real command line as a process. A kill comes at a chosen write step, through
the test hook RECONCILE_TEST_KILL_AT (reconcile/files.py), or at a random moment. After it every
file is whole (its old or its new text, never a torn one), a leftover temporary file is ignored,
and a rerun works and leaves none. The default run does a few rounds of each; `-m slow` runs 100
(see docs/limits.md).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reconcile.files import JOURNAL_SUFFIX, KILL_STEPS, LOCK_SUFFIX, TEMPORARY_MARK
from writes import snapshot

CLAIMS = """\
- topic: founding
  property: treaty_signed
  value: 1992-05-15
  quote: وقع عليها روسيا
- topic: founding
  property: headquarters
  value: روسيا
  quote: وقع عليها روسيا
"""
OTHER = CLAIMS.replace("1992-05-15", "1993").replace("value: روسيا", "value: Belarus")
TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992 و 1993"
RESOLUTIONS = "# decisions\n- topic: founding\n  property: binding\n  value: true\n  reason: r\n"

ROUNDS = [pytest.param(n, marks=pytest.mark.slow) if n >= 10 else n for n in range(100)]


def _project(make_project) -> Path:  # type: ignore[no-untyped-def]
    root: Path = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)}, claims={"a": CLAIMS, "b": OTHER}
    )
    return root


def _command(root: Path, name: str, tmp_path: Path, n: int = 0) -> list[str]:
    base = [sys.executable, "-m", "reconcile"]
    if name == "resolve":
        return [
            *base,
            *("resolve", "--project", str(root), "founding", "treaty_signed"),
            *("--value", "1992-05-15", "--reason", f"round {n}"),
        ]
    if name == "report":
        return [*base, "report", "--project", str(root)]
    article = tmp_path / "article.txt"
    article.write_text(f"وقع عليها روسيا في 1992. {n}\n", encoding="utf-8")
    return [*base, "add-source", "--project", str(root), str(article), "--id", "new"]


def _run(command: list[str], step: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "RECONCILE_TEST_KILL_AT"}
    if step:
        env["RECONCILE_TEST_KILL_AT"] = step
    return subprocess.run(command, capture_output=True, env=env, timeout=300)


def _temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if TEMPORARY_MARK in p.name]


def _assert_whole(root: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Every file is as it was before the run or as a whole run leaves it."""
    for name, data in snapshot(root).items():
        if TEMPORARY_MARK in name or name.endswith((LOCK_SUFFIX, JOURNAL_SUFFIX)):
            continue
        assert data in (before.get(name), after.get(name)), f"{name} is torn"


def _whole_run(make_project, name: str, tmp_path: Path) -> tuple[dict[str, bytes], Path]:  # type: ignore[no-untyped-def]
    """What a run that is not killed leaves, in a copy of the project."""
    root = _project(make_project)
    done = _run(_command(root, name, tmp_path))
    assert done.returncode in (0, 1), done.stderr
    return snapshot(root), root


def _check_after_kill(root: Path, name: str, tmp_path: Path, before, after) -> None:  # type: ignore[no-untyped-def]
    _assert_whole(root, before, after)
    check = _run([sys.executable, "-m", "reconcile", "check", "--project", str(root)])
    assert b"Traceback" not in check.stderr + check.stdout
    assert TEMPORARY_MARK.encode() not in check.stdout + check.stderr
    rerun = _run(_command(root, name, tmp_path))
    assert b"Traceback" not in rerun.stderr, rerun.stderr
    if name == "add-source":  # a half-done add is undone, then done again; a whole one is kept
        assert rerun.returncode in (0, 2), rerun.stderr
        assert (root / "sources" / "new.md").exists() and (root / "claims" / "new.yaml").exists()
    else:
        assert rerun.returncode in (0, 1), rerun.stderr
    assert _temporaries(root) == [], _temporaries(root)


@pytest.mark.parametrize("step", KILL_STEPS)
@pytest.mark.parametrize("name", ["resolve", "report", "add-source"])
def test_a_kill_at_a_write_step_leaves_whole_files(make_project, tmp_path, name, step) -> None:
    after, _ = _whole_run(make_project, name, tmp_path)
    root = _project(make_project)
    before = snapshot(root)
    done = _run(_command(root, name, tmp_path), step)
    if done.returncode != -signal.SIGKILL:
        assert done.returncode in (0, 1), done.stderr  # the step is not on this command's path
    _check_after_kill(root, name, tmp_path, before, after)


@pytest.mark.parametrize("round_", ROUNDS)
def test_a_kill_at_a_random_moment_leaves_whole_files(make_project, tmp_path, round_) -> None:
    rng = random.Random(round_)
    name = ["resolve", "report", "add-source"][round_ % 3]
    after, _ = _whole_run(make_project, name, tmp_path)
    root = _project(make_project)
    before = snapshot(root)
    process = subprocess.Popen(_command(root, name, tmp_path), stdout=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.05, 1.5))
    process.send_signal(signal.SIGKILL)
    process.wait()
    _check_after_kill(root, name, tmp_path, before, after)


@pytest.mark.parametrize("round_", ROUNDS)
def test_two_resolves_at_once_both_land(make_project, round_) -> None:
    root = _project(make_project)
    (root / "resolutions.yaml").write_text(RESOLUTIONS if round_ % 2 else "", encoding="utf-8")
    base = [sys.executable, "-m", "reconcile", "resolve", "--project", str(root), "founding"]
    commands = [
        [*base, "treaty_signed", "--value", "1992-05-15", "--reason", f"first {round_}"],
        [*base, "headquarters", "--value", "russia", "--reason", f"second {round_}"],
    ]
    processes = [subprocess.Popen(c, stderr=subprocess.PIPE) for c in commands]
    outcomes = [(p.wait(), p.stderr.read() if p.stderr else b"") for p in processes]
    assert all(code == 0 for code, _ in outcomes), outcomes
    text = (root / "resolutions.yaml").read_text(encoding="utf-8")
    assert f"first {round_}" in text and f"second {round_}" in text, text
    if round_ % 2:
        assert text.startswith(RESOLUTIONS)
    assert _temporaries(root) == []


def test_a_leftover_temporary_file_is_cleaned_by_the_next_write(make_project, tmp_path) -> None:
    root = _project(make_project)
    leftover = root / f".resolutions.yaml{TEMPORARY_MARK}abcd"
    leftover.write_text("- half", encoding="utf-8")
    done = _run(_command(root, "resolve", tmp_path))
    assert done.returncode == 0, done.stderr
    assert not leftover.exists()


def test_a_schema_write_cut_short_is_cleaned_by_the_next_add_even_when_the_schema_is_current(
    make_project, tmp_path
) -> None:
    root = _project(make_project)
    written = _run([sys.executable, "-m", "reconcile", "schema", "--write", "--project", str(root)])
    assert written.returncode == 0, written.stderr
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = root / ".reconcile" / "schema" / f".claims.json{TEMPORARY_MARK}{dead.pid}-abcd"
    leftover.write_text("{", encoding="utf-8")
    done = _run(_command(root, "add-source", tmp_path))
    assert done.returncode == 0, done.stderr
    assert not leftover.exists()
