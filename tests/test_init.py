"""`reconcile init`: a new project of commented files, never over one that exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import load_project
from writes import (
    EXIT_CLEAN,
    assert_error,
    new_project,
    run,
    snapshot,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


SCHEMA_NAMES = ("claims", "project", "resolutions")


def test_init_writes_a_commented_project_that_check_accepts(tmp_path: Path) -> None:
    root = tmp_path / "new"
    result = run("init", root)
    assert result.exit_code == EXIT_CLEAN
    names = ["reconcile.yaml", "sources/example.md", "claims/example.yaml", "resolutions.yaml"]
    extra = [".gitignore", *(f".reconcile/schema/{n}.json" for n in SCHEMA_NAMES)]
    assert result.output.splitlines() == [f"wrote {root / name}" for name in [*names, *extra]]
    for name in names:
        assert (root / name).read_text(encoding="utf-8").lstrip().startswith(("#", "---"))
    checked = run("check", "--project", root)
    assert checked.exit_code == EXIT_CLEAN, checked.output
    assert "0 unresolved conflicts, 0 misquotes, 0 warnings." in checked.output
    project = load_project(root)
    assert len(project.claims) == 5
    assert all(c.quote_match.status == "exact" for c in project.claims)


def test_init_in_the_current_folder_returns_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == EXIT_CLEAN
    assert result.output.splitlines()[0] == "wrote reconcile.yaml"


def test_init_refuses_a_second_time_and_changes_nothing(project: Path) -> None:
    (project / "reconcile.yaml").write_text("title: mine\ntopics: {}\n", encoding="utf-8")
    before = snapshot(project)
    result = run("init", project)
    assert_error(result, "exists")
    assert "is a project already" in result.stderr
    assert snapshot(project) == before


def test_init_never_overwrites_any_file(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "example.md").write_text("mine", encoding="utf-8")
    result = run("init", tmp_path)
    assert_error(result, "exists")
    assert "sources/example.md" in result.stderr
    assert snapshot(tmp_path) == {"sources/example.md": b"mine"}
