"""Writing files so that a reader never sees half of one: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reconcile.problems import Place, ReconcileError, error


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) in one step; the old file stays whole on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def create_new(path: Path, text: str) -> None:
    """Write `path` atomically, refusing to replace a file that exists."""
    if path.exists():
        raise FileExistsError(path)
    write_atomic(path, text)


def create_file(path: Path, name: str, text: str) -> None:
    """Write a new file; a file already there, or one that cannot be written, is an error."""
    try:
        create_new(path, text)
    except FileExistsError as exc:
        if exc.args == (path,):  # create_new's refusal, not a folder in the way
            raise ReconcileError(
                [error(Place(name), "exists", f"{name} already exists; it was left as it was")]
            ) from None
        raise unwritable(name, exc) from None
    except OSError as exc:
        raise unwritable(name, exc) from None


def unwritable(name: str, exc: OSError) -> ReconcileError:
    """The error of a file `name` that the system refused to write."""
    return ReconcileError(
        [error(Place(name), "unwritable-file", f"cannot write {name}: {exc.strerror or exc}")]
    )
