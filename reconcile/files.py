"""Writing files so that a reader never sees half of one: a temporary file, then a rename.

A command that reads a file, changes it and writes it back holds a lock on it (`locked`: a lock
file in the system's temporary folder, named for the file's real path, so that nothing is added
to the project), and two commands at once both land. A temporary
file is named `.NAME.reconcile-tmp-PID-<random>`: the loaders skip hidden files, and the next write
of NAME removes any whose process is gone (killed mid-write).

`RECONCILE_TEST_KILL_AT=STEP` makes the process kill itself (SIGKILL) at that step of a write:
a test hook only, for the kill tests; STEP is one of KILL_STEPS.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reconcile.problems import Place, ReconcileError, error

TEMPORARY_MARK = ".reconcile-tmp-"
LOCK_SUFFIX = ".reconcile-lock"
#: The end of the name of the journal an add-source keeps while it writes its two files.
JOURNAL_SUFFIX = ".adding"
KILL_STEPS = ("after-temp", "mid-write", "before-fsync", "before-rename", "between-files")
KILL_HOOK = "RECONCILE_TEST_KILL_AT"

_held: dict[Path, int] = {}


def checkpoint(step: str) -> None:
    if os.environ.get(KILL_HOOK) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def real_path(path: Path) -> Path | None:
    """`path` with its links followed; None when they go round in a loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a loop of links
        return None


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of `path` (re-entrant within this process) while the block runs."""
    key = path.absolute()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    from filelock import FileLock  # imported here: slow, and only commands that write lock

    with FileLock(_lock_file(path), mode=0o666):
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]


def _lock_file(path: Path) -> Path:
    """Where the lock of `path` is kept: one file per real path, outside the project."""
    folder = Path(tempfile.gettempdir()) / "reconcile-locks"
    if not folder.is_dir():
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):  # shared by every user of the machine
            folder.chmod(0o1777)
    real = real_path(path.parent) or path.parent.absolute()
    digest = hashlib.sha256(str(real / path.name).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"{digest[:32]}{LOCK_SUFFIX}"


def remove_leftovers(path: Path) -> None:
    """Take away the temporary files of `path` whose writer is gone."""
    for leftover in path.parent.glob(f".{path.name}{TEMPORARY_MARK}*"):
        pid = leftover.name[len(f".{path.name}{TEMPORARY_MARK}") :].partition("-")[0]
        if not pid.isdigit() or not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _write_temporary(path: Path, text: str) -> Path:
    """`text` in a new temporary file beside `path`, synced to disk."""
    prefix = f".{path.name}{TEMPORARY_MARK}{os.getpid()}-"
    fd, temporary = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    try:
        checkpoint("after-temp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            half = len(text) // 2
            handle.write(text[:half])
            handle.flush()
            checkpoint("mid-write")
            handle.write(text[half:])
            handle.flush()
            checkpoint("before-fsync")
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(temporary, mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) in one step; the old file stays whole on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path)
    temporary = _write_temporary(path, text)
    try:
        checkpoint("before-rename")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_new(path: Path, text: str) -> None:
    """Write `path` atomically, refusing to replace a file that exists."""
    if path.exists() or path.is_symlink():
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
