"""The cache of checked claims files: the same bytes out with it cold, warm, after an edit,
and nothing taken on trust from an entry that is half-written, altered or foreign."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cache import CACHE_DIR, decode
from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold" / "example"
COMMANDS = {"check.txt": ["check"], "check.json": ["check", "--format", "json"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for name in ("reconcile.yaml", "resolutions.yaml"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("sources", "claims"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def run(project: Path, *args: str) -> bytes:
    with contextlib.chdir(project):  # text output shows paths from the current folder
        result = CliRunner().invoke(cli, [*args, "--project", str(project)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes


def entries(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR).glob("*/*.json"))


@pytest.mark.parametrize("gold", sorted(COMMANDS))
def test_cold_and_warm_outputs_are_the_gold_files(project: Path, gold: str) -> None:
    expected = (GOLD / gold).read_bytes()
    assert run(project, *COMMANDS[gold], "--no-cache") == expected
    assert not (project / CACHE_DIR).exists()  # --no-cache writes nothing either
    assert run(project, *COMMANDS[gold]) == expected  # cold: every entry written
    assert len(entries(project)) == len(list((project / "claims").glob("*.yaml")))
    assert run(project, *COMMANDS[gold]) == expected  # warm: every entry read


@pytest.mark.parametrize("gold", sorted(COMMANDS))
def test_after_one_edit_the_output_is_that_of_a_fresh_check(project: Path, gold: str) -> None:
    run(project, *COMMANDS[gold])
    claims = next(
        f for f in sorted((project / "claims").glob("*.yaml")) if "value: 6\n" in f.read_text()
    )
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("value: 6\n", "value: 7\n", 1), encoding="utf-8")
    assert "value: 7" in claims.read_text(encoding="utf-8")
    warm = run(project, *COMMANDS[gold])
    assert warm == run(project, *COMMANDS[gold], "--no-cache")
    assert warm != (GOLD / gold).read_bytes()


def test_a_half_written_or_altered_entry_is_ignored_and_rewritten(project: Path) -> None:
    expected = (GOLD / "check.txt").read_bytes()
    run(project, "check")
    first, second = entries(project)[:2]
    first.write_bytes(first.read_bytes()[: len(first.read_bytes()) // 2])
    altered = second.read_bytes().replace(b'"exact"', b'"missing"', 1)
    assert altered != second.read_bytes()
    second.write_bytes(altered)
    assert run(project, "check") == expected
    head = first.read_bytes().split(b"\n", 1)
    assert head[0].endswith(hashlib.sha256(head[1]).hexdigest().encode())  # whole again


def test_a_foreign_entry_with_a_right_checksum_builds_nothing_unknown(project: Path) -> None:
    expected = (GOLD / "check.txt").read_bytes()
    run(project, "check")
    for entry in entries(project):
        key = entry.stem
        body = (
            b'{"claims": {"fields": [], "source": "x", "table": [["d", "system", "ls"]], '
            b'"rows": []}, "problems": []}'
        )
        digest = hashlib.sha256(body).hexdigest()
        entry.write_bytes(f"reconcile-cache 1 {key} {digest}\n".encode() + body)
    assert run(project, "check") == expected
    with pytest.raises(ValueError):
        decode(["d", "system", "ls"])
    with pytest.raises(ValueError):
        decode(["d", "Severity", "error"])  # an enum is not built as a dataclass


def test_cache_clear(project: Path) -> None:
    run(project, "check")
    assert entries(project)
    result = CliRunner().invoke(cli, ["cache", "clear", "--project", str(project)])
    assert result.exit_code == 0 and "removed" in result.output
    assert not (project / CACHE_DIR).exists()
    result = CliRunner().invoke(cli, ["cache", "clear", "--project", str(project)])
    assert result.exit_code == 0 and "no cache" in result.output


def test_claims_read_without_their_quotes_are_never_cached(project: Path) -> None:
    from reconcile.load import load_project
    from reconcile.model import QuoteStatus

    claims = sorted((project / "claims").glob("*.yaml"))[0]
    text = claims.read_text(encoding="utf-8")
    at = text.index("quote: ") + len("quote: ") + 12
    claims.write_text(text[:at] + "زززز " + text[at:], encoding="utf-8")  # a quote not quite right
    light = load_project(project, cache=True, quotes=False)
    assert not entries(project)  # an entry holds what a check needs, or there is none
    assert {c.quote_match.status for c in light.claims} == {QuoteStatus.ABSENT}
    assert not [p for p in light.problems if p.code.startswith("quote-")]
    full = load_project(project, cache=True)
    assert [p for p in full.problems if p.code.startswith("quote-")]
    assert len(entries(project)) == len(list((project / "claims").glob("*.yaml")))
    assert [c.value for c in light.claims] == [c.value for c in full.claims]
    cached = load_project(project, cache=True, quotes=False)  # entries, when there, are whole
    assert [c.quote_match for c in cached.claims] == [c.quote_match for c in full.claims]
