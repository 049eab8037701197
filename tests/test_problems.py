"""One table of problem codes: the code base, reconcile.problems.CODES and docs/errors.md agree."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from reconcile.problems import CODES, Severity

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reconcile"
ERRORS_MD = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
_REPORTERS = {"error": Severity.ERROR, "warning": Severity.WARNING}


def modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def reported() -> Iterator[tuple[str, Severity, str]]:
    """(code, severity, where) of every literal code given to error(), warning() or Problem()."""
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in _REPORTERS:
                code = _literal(_argument(node, 1, "code"))
                if code is not None:
                    yield code, _REPORTERS[name], where
            elif name == "Problem":
                severity = _argument(node, 1, "severity")
                code = _literal(_argument(node, 2, "code"))
                if isinstance(severity, ast.Attribute) and code is not None:
                    yield code, Severity[severity.attr], where


def test_docs_errors_md_lists_every_code_as_the_table_does() -> None:
    rows = re.findall(r"^\| `([a-z-]+)` \| ([a-z, ]+) \| (.+) \|$", ERRORS_MD, flags=re.MULTILINE)
    assert rows == [
        (code, ", ".join(str(severity) for severity in entry.severities), entry.meaning)
        for code, entry in CODES.items()
    ]
    assert "path:line:column: severity: message [code]" in ERRORS_MD


def test_every_code_reported_is_in_the_table_with_its_severity() -> None:
    found = list(reported())
    assert len({code for code, _, _ in found}) >= 30  # the walk sees the code base's reports
    wrong = [
        (where, code, str(severity))
        for code, severity, where in found
        if code not in CODES or severity not in CODES[code].severities
    ]
    assert wrong == []


def test_every_code_in_the_table_is_used() -> None:
    # A code counts as used when a module other than problems.py spells it out: some reach
    # error() through a wrapper (yamlfile's fail, load's fields) rather than as its argument.
    spelled = {
        node.value
        for path, tree in modules()
        if path.name != "problems.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert sorted(set(CODES) - spelled) == []


def test_the_readme_links_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = readme.split("## Commands\n", 1)[1].split("\n## ", 1)[0]
    assert "(docs/errors.md)" in commands
