"""Finding the project a command works on, the way git and ruff find theirs."""

from __future__ import annotations

from pathlib import Path

from reconcile.load import CONFIG_FILE
from reconcile.problems import Place, ReconcileError, error

__all__ = ["find_project", "project_root"]


def find_project(start: Path) -> Path | None:
    """The nearest folder, `start` or one above it, that holds reconcile.yaml; None if none."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


def project_root(given: Path | None, cwd: Path | None = None) -> Path:
    """The folder `--project` names, else the nearest project from `cwd` upward.

    Raises ReconcileError with a `no-project` problem when neither names one.
    """
    if given is not None:
        return given
    here = cwd or Path.cwd()
    found = find_project(here)
    if found is None:
        raise ReconcileError(
            [
                error(
                    Place(CONFIG_FILE),
                    "no-project",
                    f"no {CONFIG_FILE} in {here} or any folder above it: run the command "
                    "inside a project, name one with --project DIR, or start one with "
                    "`reconcile init`",
                )
            ]
        )
    return found
