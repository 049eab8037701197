"""Reading an earlier state of a project: a JSON file written by `check`, or a git revision.

The only I/O of `reconcile diff`: everything here ends in a snapshot (reconcile/diff.py) or a
ReconcileError whose problems say what was wrong with the baseline.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reconcile.compare import compare
from reconcile.diff import Baseline, snapshot_data
from reconcile.load import load_project
from reconcile.model import Status
from reconcile.problems import Place, Problem, ReconcileError, error, whole_file

_GROUP_FIELDS = ("topic", "property", "subject", "status", "claims")
_STATUSES = {str(status) for status in Status}


def read_baseline(argument: str, project_dir: Path) -> Baseline:
    """BASELINE as given: an existing file is a JSON baseline (a file wins); else a revision."""
    path = Path(argument)
    if path.is_file():
        return read_json_baseline(path, argument)
    if path.suffix == ".json" or path.is_dir():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise _error(argument, "missing-baseline", f"the baseline {what}: expected a JSON file")
    return revision_baseline(argument, project_dir)


def project_snapshot(root: Path) -> dict[str, Any]:
    """The state of the project in `root`: its check object, with each claim's note."""
    return snapshot_data(compare(load_project(root)))


# JSON files --------------------------------------------------------------------------------------


def read_json_baseline(path: Path, name: str) -> Baseline:
    """A baseline written earlier by `check --format json` or `report --format json`."""
    try:
        text = path.read_text(encoding="utf-8")
        written = datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(name, "bad-baseline", f"cannot read the baseline: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        place = Place(name, exc.lineno, exc.colno)
        raise ReconcileError([error(place, "bad-baseline", f"not JSON: {exc.msg}")]) from None
    reason = snapshot_shape_error(data)
    if reason:
        message = f"not a baseline written by check --format json: {reason}"
        raise _error(name, "bad-baseline", message)
    return Baseline("file", name, None, data, written)


def snapshot_shape_error(data: Any) -> str | None:
    """Why `data` is not a snapshot (the check object, version 1), or None when it is one."""
    if not isinstance(data, dict):
        return "the file holds no JSON object"
    if data.get("version") != 1:
        return f"version is {data.get('version')!r}, expected 1"
    if data.get("summary") is None and data.get("problems"):
        return "it is the output of a run stopped by errors"
    groups = data.get("groups")
    if not isinstance(groups, list):
        return "groups is not a list"
    for index, group in enumerate(groups):
        reason = _group_shape_error(group)
        if reason:
            return f"groups[{index}] {reason}"
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(
        isinstance(source, dict) and isinstance(source.get("id"), str) for source in sources
    ):
        return "sources is not a list of objects with an id"
    return None


def _group_shape_error(group: Any) -> str | None:
    if not isinstance(group, dict):
        return "is not an object"
    missing = [field for field in _GROUP_FIELDS if field not in group]
    if missing:
        return f"has no {', '.join(missing)}"
    if group["status"] not in _STATUSES:
        return f"has the unknown status {group['status']!r}"
    if not isinstance(group["topic"], str) or not isinstance(group["property"], str):
        return "has a topic or property that is not a string"
    claims = group["claims"]
    if not isinstance(claims, list) or not all(
        isinstance(claim, dict) and isinstance(claim.get("source"), str) for claim in claims
    ):
        return "has claims that are not a list of objects with a source"
    resolution = group.get("resolution")
    if resolution is not None and not isinstance(resolution, dict):
        return "has a resolution that is not an object"
    return None


# Git revisions -----------------------------------------------------------------------------------


def revision_baseline(revision: str, project_dir: Path) -> Baseline:
    """The project as it was committed at `revision`, read from git without a checkout."""
    if revision.startswith("-") or not revision.strip():
        raise _error(revision, "bad-revision", "a revision cannot be empty or start with '-'")
    folder = project_dir.resolve()
    toplevel = _git(revision, ["rev-parse", "--show-toplevel"], folder)
    if toplevel.returncode != 0:
        raise _error(
            revision,
            "not-a-git-repository",
            f"no such file, and {project_dir} is not in a git repository",
        )
    top = Path(toplevel.stdout.strip()).resolve()
    found = _git(revision, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    if found.returncode != 0:
        raise _error(revision, "unknown-revision", "no such file, and no such git revision")
    commit = found.stdout.strip()
    dated = _git(revision, ["show", "-s", "--date=short", "--format=%cd", commit], top)
    subpath = folder.relative_to(top).as_posix() if folder != top else ""
    with tempfile.TemporaryDirectory(prefix="reconcile-baseline-") as temporary:
        tree = Path(temporary, "tree")
        _export(revision, commit, subpath, top, tree)
        root = tree / subpath
        if not (root / "reconcile.yaml").is_file():
            where = f"{subpath}/reconcile.yaml" if subpath else "reconcile.yaml"
            raise _error(revision, "not-in-revision", f"{where} is not in this revision")
        try:
            snapshot = project_snapshot(root)
        except ReconcileError as exc:
            raise ReconcileError(_at_revision(revision, exc.problems)) from None
    return Baseline("revision", revision, commit, snapshot, dated.stdout.strip() or None)


def _export(revision: str, commit: str, subpath: str, top: Path, target: Path) -> None:
    """Write the tree of `subpath` at `commit` into `target`, as `git archive` gives it."""
    archive = target.with_suffix(".tar")
    pathspec = ["--", subpath] if subpath else []
    command = ["archive", "--format=tar", f"--output={archive}", commit, *pathspec]
    done = _git(revision, command, top)
    if done.returncode != 0:
        message = f"{subpath or 'the project'} is not in this revision"
        raise _error(revision, "not-in-revision", message)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")


def _git(revision: str, arguments: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise _error(revision, "missing-git", "no such file, and git is not installed") from None


def _at_revision(revision: str, problems: Sequence[Problem]) -> list[Problem]:
    """The problems of a committed project, placed as git names them: REV:path."""
    return [
        Problem(
            Place(f"{revision}:{p.place.file}", p.place.line, p.place.column),
            p.severity,
            p.code,
            p.message,
        )
        for p in problems
    ]


def _error(where: str, code: str, message: str) -> ReconcileError:
    return ReconcileError([error(whole_file(where), code, message)])
