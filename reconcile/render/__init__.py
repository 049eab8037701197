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

from reconcile.files import write_atomic
from reconcile.model import Report
from reconcile.problems import Place, ReconcileError, error
from reconcile.render.data import render_csv, render_json
from reconcile.render.markdown import render_markdown

if TYPE_CHECKING:
    from reconcile.diff import Since

#: The formats of a report file.
FORMATS = ("html", "json", "csv", "md")

__all__ = ["FORMATS", "render", "write_report"]


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
    if fmt == "html":
        from reconcile.render.html import render_html  # jinja2 only when a page is wanted

        return render_html(report, ui_language=ui_language, generated=generated, since=since)
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
        problem = error(Place(str(target)), "unwritable-file", f"cannot write {target}: {reason}")
        raise ReconcileError([problem]) from None
    return target
