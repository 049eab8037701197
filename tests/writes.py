"""What the tests of the commands that write files share: running them, and small projects."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from reconcile.cli import cli

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2


def run(*args: str | Path) -> Result:
    """The command line from inside the project `--project` names, if it exists, so that paths
    read as the project writes them."""
    words = [str(a) for a in args]
    folder = Path.cwd()
    if "--project" in words[:-1] and Path(words[words.index("--project") + 1]).is_dir():
        folder = Path(words[words.index("--project") + 1])
    with contextlib.chdir(folder):
        return CliRunner().invoke(cli, words, catch_exceptions=False)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file the user wrote (not the tool's own .reconcile/ cache and schemas)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] != ".reconcile"
    }


def new_project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    root = tmp_path / "desk"
    result = run("init", root)
    assert result.exit_code == EXIT_CLEAN, result.output
    return root


def one_topic_project(
    root: Path, kind: str, entities: dict[str, Any], properties: dict[str, Any], topic: str = "t"
) -> Path:
    """A project of one entity kind and one topic's `properties`: its reconcile.yaml only."""
    config = {
        "title": "t",
        "language": "en",
        "entities": {kind: entities},
        "topics": {topic: {"properties": properties}},
    }
    (root / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    return root


def check_json(root: Path) -> tuple[int, dict[str, Any]]:
    result = run("check", "--project", root, "--format", "json")
    return result.exit_code, json.loads(result.output)


def group(
    report: dict[str, Any], topic: str, prop: str, subject: str | None = None
) -> dict[str, Any]:
    return next(
        g
        for g in report["groups"]
        if (g["topic"], g["property"], g["subject"]) == (topic, prop, subject)
    )


def assert_error(result: Result, code: str) -> None:
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert f"[{code}]" in result.stderr
    assert "Traceback" not in result.output
    line = next(line for line in result.stderr.splitlines() if f"[{code}]" in line)
    assert re.match(r"^[^:]+:\d+:\d+: error: .+ \[[a-z-]+\]$", line), line


ARTICLE = (
    "معاهدة الأمن الجماعي\r\n"
    "وقّع عليها في طشقند في 15 أيار 1992 ست دول هي: روسيا، أرمينيا، كازاخستان، "
    "قرغيزستان، طاجيكستان، وأوزبكستان.\r\n"
    "وفي عام 2012 علقت أوزبكستان عضويتها؛ تحالف قوامه 20 ألف جندي.  \r\n"
)


def write_article(tmp_path: Path, text: str = ARTICLE) -> Path:
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode("utf-8"))
    return article


def about(block: str, prop: str) -> bool:
    return re.search(rf"^#   property: {prop}(?:  #|$)", block, re.MULTILINE) is not None


def suggested_blocks(text: str) -> list[str]:
    """The suggested claims of a claims file, each as its commented lines."""
    return [block for block in text.split("\n\n") if block.startswith("# - topic:")]
