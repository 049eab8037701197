"""The project's folders and files as the commands meet them: files they ignore, and writes that
fail halfway, which leave every file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reconcile.files import write_atomic

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992."
GOOD = "- topic: founding\n  property: treaty_signed\n  value: 1992\n  quote: وقع عليها روسيا\n"
RESOLUTIONS = "# the desk's decisions\n"


def leftovers(root: Path) -> list[Path]:
    """The temporary files an interrupted write could leave behind."""
    return sorted(root.rglob("*.tmp"))


def failing(error: OSError):
    def fail(*args: object) -> None:
        raise error

    return fail


# -- files the project ignores -------------------------------------------------------------------


def test_files_of_another_kind_in_claims_and_sources_are_ignored_with_a_warning(
    make_project, run
) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT)},
        claims={"a": GOOD},
        **{
            "claims__notes.yml": GOOD,
            "sources__draft.txt": "an article not yet added\n",
            "sources__.hidden.md": "an editor's backup\n",
        },
    )
    (root / "sources" / "old.md").mkdir()
    result = run("check", "--project", root)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Test desk: 1 sources, 1 claims, 1 groups")
    warnings = [line for line in result.output.splitlines() if "[ignored-file]" in line]
    assert warnings == [
        "claims/notes.yml:1:1: warning: claims/notes.yml is ignored: "
        "claims/ holds *.yaml files [ignored-file]",
        "sources/draft.txt:1:1: warning: sources/draft.txt is ignored: "
        "sources/ holds *.md files [ignored-file]",
        "sources/old.md:1:1: warning: sources/old.md is ignored: "
        "sources/ holds *.md files [ignored-file]",
    ]
    assert ".hidden" not in result.output
    assert run("check", "--project", root, "--strict").exit_code == 1


# -- a write that fails halfway ------------------------------------------------------------------


@pytest.fixture
def desk(make_project) -> Path:
    """A project with one claim to resolve and a resolutions file of its own."""
    return make_project(
        sources={"a": ("2022", TEXT)}, claims={"a": GOOD}, **{"resolutions.yaml": RESOLUTIONS}
    )


def test_a_failed_rename_leaves_the_old_file_whole_and_no_temporary_file(
    desk: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", failing(PermissionError(13, "Permission denied")))
    result = run(
        "resolve",
        "--project",
        desk,
        "founding",
        "treaty_signed",
        "--value",
        "1992",
        "--reason",
        "r",
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "resolutions.yaml:1:1: error: cannot write resolutions.yaml: Permission denied "
        "[unwritable-file]",
        "1 error; nothing was written.",
    ]
    assert (desk / "resolutions.yaml").read_text(encoding="utf-8") == RESOLUTIONS
    assert leftovers(desk) == []


def test_a_failed_flush_to_disk_leaves_the_old_report_whole(
    desk: Path, run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the last report\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", failing(OSError(28, "No space left on device")))
    result = run("report", "--project", desk, "--format", "md", "--output", target)
    assert result.exit_code == 2, result.output
    assert (
        f"{target}:1:1: error: cannot write {target}: No space left on device [unwritable-file]"
        in result.stderr.splitlines()
    )
    assert target.read_text(encoding="utf-8") == "the last report\n"
    assert leftovers(tmp_path) == []


def test_add_source_takes_the_new_source_away_when_its_claims_file_cannot_be_written(
    desk: Path, run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rename = os.replace

    def refuse_claims(source: str, target: Path) -> None:
        if Path(target).suffix == ".yaml":
            raise PermissionError(13, "Permission denied")
        rename(source, target)

    monkeypatch.setattr(os, "replace", refuse_claims)
    article = tmp_path / "article.txt"
    article.write_text(TEXT + "\n", encoding="utf-8")
    result = run("add-source", "--project", desk, article, "--id", "b")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "claims/b.yaml:1:1: error: cannot write claims/b.yaml: Permission denied [unwritable-file]",
        "1 error; nothing was written.",
    ]
    assert not (desk / "sources" / "b.md").exists()
    assert not (desk / "claims" / "b.yaml").exists()
    assert leftovers(desk) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kept.yaml"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", failing(KeyboardInterrupt()))  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []
