"""The bundled example's outputs, byte for byte, against the gold files in tests/gold/example/.

When an output changes on purpose, rewrite the gold files and review their diff:

    python -m pytest tests/test_gold.py --update-gold
"""

from __future__ import annotations

import contextlib
import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold" / "example"

#: Each gold file and the command whose output it holds: stdout for check, the file for report.
OUTPUTS = {
    "check.txt": ["check"],
    "check.json": ["check", "--format", "json"],
    "consistency.html": ["report", "--format", "html"],
    "consistency.md": ["report", "--format", "md"],
    "consistency.csv": ["report", "--format", "csv"],
}

#: How many lines of a unified diff a failure shows.
DIFF_LINES = 40


def fresh_output(name: str, folder: Path) -> bytes:
    """What the command of gold file `name` writes today for the bundled example."""
    args = [*OUTPUTS[name], "--project", str(ROOT)]
    target = folder / name
    if args[0] == "report":
        args += ["--output", str(target)]
    with contextlib.chdir(ROOT):  # text output shows paths from the current folder
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return target.read_bytes() if args[0] == "report" else result.stdout_bytes


def short_diff(expected: bytes, actual: bytes, name: str) -> str:
    """The first lines of a unified diff from the gold file to the fresh output."""
    lines = difflib.unified_diff(
        expected.decode("utf-8").splitlines(),
        actual.decode("utf-8").splitlines(),
        f"gold/example/{name}",
        f"fresh {name}",
        lineterm="",
        n=2,
    )
    shown = [line if len(line) <= 200 else line[:199] + "…" for line in lines]
    more = len(shown) - DIFF_LINES
    tail = [f"… {more} more lines of diff"] if more > 0 else []
    if not shown:
        shown = ["(the texts differ only in line endings or a final newline)"]
    return "\n".join(shown[:DIFF_LINES] + tail)


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_its_gold_file(name: str, tmp_path: Path, update_gold: bool) -> None:
    actual = fresh_output(name, tmp_path)
    gold = GOLD / name
    if update_gold:
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_bytes(actual)
        return
    expected = gold.read_bytes()
    if actual != expected:
        pytest.fail(
            f"{name} differs from its gold file; if the change is intended, run "
            f"`python -m pytest tests/test_gold.py --update-gold`\n"
            + short_diff(expected, actual, name),
            pytrace=False,
        )


def test_a_difference_is_shown_as_a_short_diff() -> None:
    expected = "".join(f"line {n}\n" for n in range(100)).encode()
    actual = expected.replace(b"line 50\n", b"line fifty\n")
    diff = short_diff(expected, actual, "check.txt").splitlines()
    assert diff[:2] == ["--- gold/example/check.txt", "+++ fresh check.txt"]
    assert "-line 50" in diff and "+line fifty" in diff
    assert len(diff) < 12
