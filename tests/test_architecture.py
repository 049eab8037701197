"""The layers of docs/architecture.md: a module that imports against them fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"

RULES = {
    "problems",
    "frozen",
    "normalise",
    "values",
    "model",
    "entities",
    "quotes",
    "compare",
    "numerals",
    "number_words",
    "calendar_words",
    "units",
    "wordforms",
    "mentions",
    "name_mentions",
    "misquote",
    "evidence",
    "extract",
    "extract_verbs",
    "extract_dates",
    "extract_words",
    "extract_names",
    "extract_text",
}
READING = {
    "yamlfile",
    "yamldump",
    "fields",
    "config",
    "claimfields",
    "load",
    "articles",
    "discover",
    "options",
    "fastyaml",
    "cache",
    "groupcache",
}
COMMANDS = {
    "suggest",
    "suggest_file",
    "suggest_rules",
    "suggest_cues",
    "suggest_dates",
    "suggest_text",
    "suggest_subjects",
    "suggest_bounds",
    "suggest_lists",
    "suggest_keep",
    "precedent",
    "addsource",
    "resolve",
    "init",
    "schema",
    "editor",
    "diff",
    "baseline",
}
SUPPORT = {"files", "gcpause"}
DOORS = {"cli", "cli_options", "cli_output", "__init__", "__main__"}

#: What each layer may import, by the first part of the module name below reconcile.
ALLOWED = {
    "rules": RULES | {"fields", "yamlfile"},  # pure helpers: did_you_mean, kind_of, YamlList
    "reading": RULES | READING | SUPPORT,
    "commands": RULES | READING | SUPPORT | COMMANDS | {"render"},
    "render": RULES | SUPPORT | {"render", "diff"},  # render/diff.py shows a DiffResult
    "support": RULES | SUPPORT,
}


def _layer(name: str) -> str | None:
    head = name.split(".")[0]
    if head in DOORS:
        return None
    for layer, members in (
        ("rules", RULES),
        ("reading", READING),
        ("commands", COMMANDS),
        ("render", {"render"}),
        ("support", SUPPORT),
    ):
        if head in members:
            return layer
    raise AssertionError(f"reconcile/{name}: a module docs/architecture.md does not place")


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        found.append((name.removesuffix(".__init__"), path))
    return found


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("reconcile."):
                names.add(node.module.removeprefix("reconcile."))
            elif node.module == "reconcile":
                names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(
                alias.name.removeprefix("reconcile.")
                for alias in node.names
                if alias.name.startswith("reconcile.")
            )
    return names


@pytest.mark.parametrize(("name", "path"), _modules(), ids=[name for name, _ in _modules()])
def test_each_module_imports_only_its_layers(name: str, path: Path) -> None:
    layer = _layer(name)
    if layer is None:
        return
    allowed = ALLOWED[layer] | {"__version__"}
    wrong = sorted(imported for imported in _imports(path) if imported.split(".")[0] not in allowed)
    assert wrong == [], f"reconcile/{name} ({layer}) imports {wrong}"
