"""reconcile.render: one entry for every report format, and writing a report file safely."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

import reconcile
from reconcile.model import Report
from reconcile.problems import ReconcileError
from reconcile.render import FORMATS, render, write_report
from reconcile.render.data import render_csv, render_json
from reconcile.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_render_gives_each_format(html_report: Report) -> None:
    assert render(html_report, "json") == render_json(html_report)
    assert render(html_report, "csv") == render_csv(html_report)
    assert render(html_report, "md") == render_markdown(html_report)
    assert render(html_report, "html").startswith("<!DOCTYPE html>")
    assert set(FORMATS) == {"html", "json", "csv", "md"}


def test_render_refuses_an_unknown_format(html_report: Report) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render(html_report, "pdf")


def test_the_package_exports_render_and_write_report() -> None:
    assert reconcile.render is render
    assert reconcile.write_report is write_report


def test_the_package_functions_stay_functions_once_their_modules_are_imported() -> None:
    from reconcile.compare import compare

    for module in ("reconcile.compare", "reconcile.render", "reconcile.render.html"):
        importlib.import_module(module)
    assert reconcile.compare is compare and reconcile.render is render
    assert reconcile.compare(reconcile.load_project(ROOT)).groups


def test_write_report_writes_the_rendered_text(html_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "report.md"
    written = write_report(html_report, "md", str(target))
    assert written == target
    assert target.read_text(encoding="utf-8") == render_markdown(html_report)
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.md"]


def test_write_report_replaces_a_file_whole(html_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    write_report(html_report, "html", target, ui_language="ar", generated="2026-11-23 10:00 UTC")
    text = target.read_text(encoding="utf-8")
    assert text == render(html_report, "html", ui_language="ar", generated="2026-11-23 10:00 UTC")
    assert '<html lang="ar" dir="rtl">' in text


def test_an_unwritable_path_is_an_unwritable_file_problem(
    html_report: Report, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "report.csv"
    with pytest.raises(ReconcileError) as caught:
        write_report(html_report, "csv", target)
    (problem,) = caught.value.problems
    assert problem.code == "unwritable-file"
    assert problem.place.file == str(target)
    assert problem.message.startswith(f"cannot write {target}: ")
    assert f": error: cannot write {target}: " in str(problem)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_failed_write_leaves_no_temporary_file_and_the_old_report_whole(
    html_report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "report.json"
    target.write_text("the old report", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReconcileError) as caught:
        write_report(html_report, "json", target)
    (problem,) = caught.value.problems
    assert problem.code == "unwritable-file"
    assert problem.message == f"cannot write {target}: No space left on device"
    assert [p.name for p in folder.iterdir()] == ["report.json"]
    assert target.read_text(encoding="utf-8") == "the old report"
