"""Every output of a report, each reading only the `Report`: text, Markdown, JSON, CSV, HTML.

from reconcile.render import render, write_report
html = render(report, "html", ui_language="ar")
write_report(report, "md", "reports/consistency.md")
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reconcile.files import real_path, write_atomic
from reconcile.model import Report
from reconcile.problems import Place, ReconcileError, error
from reconcile.render.data import render_csv, render_json
from reconcile.render.markdown import render_markdown

#: The formats of a report file.
FORMATS = ("html", "json", "csv", "md")

__all__ = ["FORMATS", "refuse_input_as_output", "render", "write_report"]


def render(
    report: Report, fmt: str, *, ui_language: str = "en", generated: str | None = None
) -> str:
    """The report in `fmt` (html, json, csv or md); `ui_language` and `generated` are HTML's."""
    if fmt == "html":
        from reconcile.render.html import render_html  # jinja2 only when a page is wanted

        return render_html(report, ui_language=ui_language, generated=generated)
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
    if real_target in inputs or any(real_target.is_relative_to(f) for f in folders):
        raise ReconcileError(
            [
                error(
                    Place(str(target)),
                    "output-is-input",
                    f"{target} is one of the project's own files; write the report "
                    "elsewhere (reports/ by default)",
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
) -> Path:
    """Render the report and write it to `path` whole or not at all; return the path written.

    A file that cannot be written raises ReconcileError with an `unwritable-file` problem.
    """
    target = Path(path)
    text = render(report, fmt, ui_language=ui_language, generated=generated)
    try:
        write_atomic(target, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = error(Place(str(target)), "unwritable-file", f"cannot write {target}: {reason}")
        raise ReconcileError([problem]) from None
    return target
