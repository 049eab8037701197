"""`reconcile init`: a new project, each file with comments and a tiny working example."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reconcile.files import create_file
from reconcile.load import CLAIMS_DIR, CONFIG_FILE, RESOLUTIONS_FILE, SOURCES_DIR
from reconcile.problems import Place, ReconcileError, error

__all__ = ["init_project"]

_INIT_FILES = (
    ("reconcile.yaml", CONFIG_FILE),
    ("example.md", f"{SOURCES_DIR}/example.md"),
    ("example.yaml", f"{CLAIMS_DIR}/example.yaml"),
    ("resolutions.yaml", RESOLUTIONS_FILE),
)


def init_project(directory: Path) -> list[Path]:
    """Start a project in `directory`: each file with comments and a tiny working example.

    Refuses when any of the files exists; never overwrites. Returns the paths written, as
    `directory` joined with each file's project-relative name.
    """
    templates = resources.files("reconcile") / "templates" / "init"
    if (directory / CONFIG_FILE).exists():
        raise ReconcileError(
            [
                error(
                    Place(CONFIG_FILE),
                    "exists",
                    f"{directory / CONFIG_FILE} already exists: {directory} is a project already",
                )
            ]
        )
    existing = [
        error(
            Place(name),
            "exists",
            f"{directory / name} already exists; init never overwrites a file: move it away first",
        )
        for _, name in _INIT_FILES
        if (directory / name).exists()
    ]
    if existing:
        raise ReconcileError(existing)
    written: list[Path] = []
    try:
        for template, name in _INIT_FILES:
            path = directory / name
            create_file(path, name, (templates / template).read_text(encoding="utf-8"))
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
