"""What editors need: the schema files a project keeps in .reconcile/schema/ (the schemas
themselves are reconcile/schema.py's), and the modeline that names one.

VS Code's YAML extension (and any editor speaking the yaml-language-server protocol) reads the
`# yaml-language-server: $schema=…` comment at the top of a file and completes from the schema.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from reconcile.files import remove_leftovers, write_atomic
from reconcile.load import CLAIMS_DIR, CONFIG_FILE, RESOLUTIONS_FILE
from reconcile.schema import SCHEMAS

__all__ = ["SCHEMA_DIR", "modeline", "write_schemas"]

#: Where a project keeps the schema files its modelines name (written by the tool).
SCHEMA_DIR = ".reconcile/schema"

#: The schema each file of a project is checked against, by the file's folder or name.
_SCHEMA_OF = {CONFIG_FILE: "project", RESOLUTIONS_FILE: "resolutions", CLAIMS_DIR: "claims"}


def write_schemas(root: Path) -> list[Path]:
    """Write the three schema files into the project's .reconcile/schema/ (a file already up to
    date is left, but a write cut short beside it taken away); return their paths."""
    written = []
    for name, make in SCHEMAS.items():
        path = root / SCHEMA_DIR / f"{name}.json"
        text = json.dumps(make(root), ensure_ascii=False, indent=2) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
        else:
            remove_leftovers(path)
        written.append(path)
    return written


def modeline(file: str) -> str:
    """The first line of project file `file` (project-relative): a comment naming its schema."""
    parts = PurePosixPath(file).parts
    name = _SCHEMA_OF[parts[0]]
    up = "../" * (len(parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{name}.json\n"
