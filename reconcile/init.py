"""`reconcile init`: a new project, each file with comments and a tiny working example."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reconcile.editor import SCHEMA_DIR, modeline, write_schemas
from reconcile.files import create_file, unwritable
from reconcile.load import CLAIMS_DIR, CONFIG_FILE, RESOLUTIONS_FILE, SOURCES_DIR
from reconcile.problems import Place, ReconcileError, error

__all__ = ["Started", "init_project"]

_INIT_FILES = (
    ("reconcile.yaml", CONFIG_FILE),
    ("example.md", f"{SOURCES_DIR}/example.md"),
    ("example.yaml", f"{CLAIMS_DIR}/example.yaml"),
    ("resolutions.yaml", RESOLUTIONS_FILE),
)
#: The example files `--bare` leaves out.
_EXAMPLES = (f"{SOURCES_DIR}/example.md", f"{CLAIMS_DIR}/example.yaml")
#: What a project's .gitignore holds: the folders the tool writes.
IGNORED = ("reports/", ".reconcile/")


@dataclass(frozen=True, slots=True)
class Started:
    """What init wrote, and the lines an existing .gitignore lacks (it is left as it was)."""

    written: tuple[Path, ...]
    gitignore_missing: tuple[str, ...] = ()


def init_project(directory: Path, *, bare: bool = False) -> Started:
    """Start a project in `directory`: each file with comments and a tiny working example.

    `bare` leaves out the example source and claims. A .gitignore names reports/ and the schema
    folder; the schema files that the YAML files' modelines name are written too. Refuses when
    any of the files exists; never overwrites. Paths are `directory` joined with each name.
    """
    files = [(t, name) for t, name in _INIT_FILES if not (bare and name in _EXAMPLES)]
    _refuse_to_overwrite(directory, [name for _, name in files])
    templates = resources.files("reconcile") / "templates" / "init"
    written: list[Path] = []
    try:
        for template, name in files:
            text = (templates / template).read_text(encoding="utf-8")
            if name.endswith(".yaml"):
                text = modeline(name) + text
            create_file(directory / name, name, text)
            written.append(directory / name)
        for folder in (SOURCES_DIR, CLAIMS_DIR):
            (directory / folder).mkdir(exist_ok=True)
        missing = _gitignore(directory, written)
        written += write_schemas(directory)
    except OSError as exc:
        _undo(written)
        raise unwritable(SCHEMA_DIR, exc) from None
    except BaseException:
        _undo(written)
        raise
    return Started(tuple(written), missing)


def _refuse_to_overwrite(directory: Path, names: list[str]) -> None:
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
        for name in names
        if (directory / name).exists()
    ]
    if existing:
        raise ReconcileError(existing)


def _gitignore(directory: Path, written: list[Path]) -> tuple[str, ...]:
    """Write .gitignore, or say what an existing one lacks."""
    path = directory / ".gitignore"
    if path.exists():
        present = set(path.read_text(encoding="utf-8", errors="replace").split())
        return tuple(line for line in IGNORED if line not in present)
    create_file(path, ".gitignore", "".join(f"{line}\n" for line in IGNORED))
    written.append(path)
    return ()


def _undo(written: list[Path]) -> None:
    for path in written:
        path.unlink(missing_ok=True)
