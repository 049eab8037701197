"""The pre-commit hook, run the way a desk runs it: `pre-commit try-repo` in a git repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONFIG, SOURCE

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

CLAIM = """\
- topic: founding
  property: treaty_signed
  value: {year}
  quote: "signed in {year}"
"""


def _desk(folder: Path, years: tuple[int, int]) -> Path:
    """A git repository holding a project whose two sources give these years."""
    (folder / "sources").mkdir(parents=True)
    (folder / "claims").mkdir()
    (folder / "reconcile.yaml").write_text(CONFIG, encoding="utf-8")
    for name, year in zip("ab", years, strict=True):
        text = f"The treaty was signed in {year}."
        source = SOURCE.format(id=name, published="2022-01-01", text=text)
        (folder / "sources" / f"{name}.md").write_text(source, encoding="utf-8")
        (folder / "claims" / f"{name}.yaml").write_text(CLAIM.format(year=year), encoding="utf-8")
    git = ["git", "-c", "user.name=desk", "-c", "user.email=desk@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-qm", "claims"], cwd=folder, check=True)
    return folder


def _try_repo(desk: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache)}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "reconcile-check", "--all-files"],
        cwd=desk,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_hook_passes_a_consistent_desk_and_stops_a_conflicting_one(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    cache = tmp_path_factory.mktemp("pre-commit-home")
    agreed = _try_repo(_desk(tmp_path_factory.mktemp("agreed"), (1992, 1992)), cache)
    assert agreed.returncode == 0, agreed.stdout + agreed.stderr
    assert "reconcile check" in agreed.stdout and "Passed" in agreed.stdout

    conflicting = _try_repo(_desk(tmp_path_factory.mktemp("conflict"), (1992, 1993)), cache)
    assert conflicting.returncode == 1, conflicting.stdout + conflicting.stderr
    assert "Failed" in conflicting.stdout
    assert "founding.treaty_signed" in conflicting.stdout
