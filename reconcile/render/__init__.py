"""Every output of a report, each reading only the `Report`: text, Markdown, JSON, CSV, HTML.

from reconcile.render import render, write_report
html = render(report, "html", ui_language="ar")
write_report(report, "md", "reports/consistency.md")
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.files import real_path, write_atomic
from reconcile.model import Report
from reconcile.problems import Place, Problem, ReconcileError, error

if TYPE_CHECKING:
    from reconcile.diff import Since

#: The formats of a report file.
FORMATS = ("html", "json", "csv", "md")

__all__ = ["FORMATS", "refuse_input_as_output", "render", "retire_report", "write_report"]


def render(
    report: Report,
    fmt: str,
    *,
    ui_language: str = "en",
    generated: str | None = None,
    since: Since | None = None,
) -> str:
    """The report in `fmt` (html, json, csv or md); `ui_language` and `generated` are HTML's.

    `since` (reconcile.diff.since) marks in the HTML page what changed since a baseline and
    adds the diff's section to the Markdown memo; JSON and CSV keep their contract's keys.
    """
    # Each format's module is imported when it is asked for: `check` needs none of them.
    if fmt == "html":
        from reconcile.render.html import render_html  # jinja2 only when a page is wanted

        return render_html(report, ui_language=ui_language, generated=generated, since=since)
    from reconcile.render.data import render_csv, render_json
    from reconcile.render.markdown import render_markdown

    if fmt == "md" and since is not None:
        from reconcile.render.diff import render_markdown as diff_markdown

        return render_markdown(report) + "\n" + diff_markdown(since.diff, since.baseline)
    renderers: dict[str, Callable[[Report], str]] = {
        "json": render_json,
        "csv": render_csv,
        "md": render_markdown,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](report)


_INPUT_FILES = ("reconcile.yaml", "resolutions.yaml")
_INPUT_FOLDERS = ("sources", "claims")


def refuse_input_as_output(root: Path, target: Path) -> None:
    """Raise ReconcileError when `target` is one of the project's own input files (or in its
    sources/ or claims/): a report never replaces what the user wrote."""
    real_root, real_target = real_path(root), real_path(target)
    if real_root is None or real_target is None:
        return  # writing fails on its own, with its own error
    inputs = [real_root / name for name in _INPUT_FILES]
    inputs += [real for name in _INPUT_FILES if (real := real_path(root / name))]
    folders = [real_root / name for name in _INPUT_FOLDERS]
    folder = next((f for f in folders if real_target.is_relative_to(f)), None)
    if real_target in inputs or folder is not None:
        # a project file reached through a link may stand outside the project's folder
        inside = real_target.is_relative_to(real_root)
        shown = real_target.relative_to(real_root).as_posix() if inside else str(target)
        what = (
            f"{folder.name}/ holds the project's own files"
            if folder is not None
            else "it is one of the project's own files"
        )
        raise ReconcileError(
            [
                error(
                    Place(shown),
                    "output-is-input",
                    f"the report cannot be written to {shown}: {what}; write it elsewhere "
                    "(reports/ by default)",
                )
            ]
        )


def write_report(
    report: Report,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    ui_language: str = "en",
    generated: str | None = None,
    since: Since | None = None,
) -> Path:
    """Render the report and write it to `path` whole or not at all; return the path written.

    A file that cannot be written raises ReconcileError with an `unwritable-file` problem.
    """
    target = Path(path)
    text = render(report, fmt, ui_language=ui_language, generated=generated, since=since)
    try:
        write_atomic(target, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        place = Place(str(target.absolute()))
        problem = error(place, "unwritable-file", f"cannot write {target}: {reason}")
        raise ReconcileError([problem]) from None
    return target


def retire_report(
    fmt: str, path: str | os.PathLike[str], problems: tuple[Problem, ...]
) -> str | None:
    """Leave nothing at `path` that looks current, for a report stopped by `problems`.

    An older html report is replaced by a page listing the errors, an older json report by the
    error object; an older csv or md report is removed. Returns what was done, in words, or
    None when there was no older report.
    """
    target = Path(path)
    if not target.is_file():
        return None
    try:
        if fmt == "html":
            from reconcile.render.stale import error_page

            write_atomic(target, error_page(problems))
            return f"the older {target} now lists the errors"
        if fmt == "json":
            from reconcile.render.data import error_data, to_json

            write_atomic(target, to_json(error_data(problems)) + "\n")
            return f"the older {target} now holds the errors"
        target.unlink()
    except OSError as exc:
        return f"the older {target} could not be retired: {exc.strerror or exc}"
    return f"the older {target} was removed"
