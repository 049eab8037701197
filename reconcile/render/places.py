"""Places as the reader's editor opens them: relative to the folder the command ran in.

Problems and claims carry project-relative places; only the outputs a person or an editor reads
from the command line (text, github, sarif) turn them into paths from the current folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reconcile.problems import Place

#: How an output shows a place: `path:line:column`.
PlaceText = Callable[[Place], str]
#: How an output shows a project file's path.
PathText = Callable[[str], str]


def shown_path(root: Path, file: str, cwd: Path | None = None) -> str:
    """The path of project file `file` from `cwd` (default: the current folder).

    Relative when the project and the current folder are one inside the other (the desk's case:
    working in the project or above it); absolute otherwise, where a relative path would climb
    to the filesystem's root and back, and for a file outside the project (an absolute `file`).
    """
    if "://" in file:  # a web address (an article add-source fetched) is no path
        return file
    here, project = _real(cwd or Path.cwd()), _real(root)
    target = project / file
    related = project.is_relative_to(here) or here.is_relative_to(project)
    if not related or Path(file).is_absolute():
        return str(target)
    return Path(os.path.relpath(target, here)).as_posix()


def _real(path: Path) -> Path:
    """`path` with its links followed; as given (made absolute) where they loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def path_text(root: Path | None, cwd: Path | None = None) -> PathText:
    """A function that shows a project file's path from `cwd`; with no root, paths as they are."""
    if root is None:
        return str
    project = root
    shown: dict[str, str] = {}  # each file once: a large project has thousands of claims a file

    def show(file: str) -> str:
        if file not in shown:
            shown[file] = shown_path(project, file, cwd)
        return shown[file]

    return show


def place_text(root: Path | None, cwd: Path | None = None) -> PlaceText:
    """A function that shows a place from `cwd`; with no root, places as they are."""
    path = path_text(root, cwd)

    def show(place: Place) -> str:
        shown = path(place.file)
        return f"{shown}:{place.line}:{place.column}" if place.line else shown

    return show
