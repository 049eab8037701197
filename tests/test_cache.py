"""The cache of checked claims files: the same bytes out with it cold, warm, after an edit,
and nothing taken on trust from an entry that is half-written, altered or foreign."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile.cache import CACHE_DIR, decode
from reconcile.cli import cli
from reconcile.groupcache import GROUPS_DIR

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
    return sorted((project / CACHE_DIR).glob("??/*.json"))


def group_files(project: Path) -> list[Path]:
    return sorted((project / GROUPS_DIR).glob("*.json"))


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


def test_entries_of_another_build_of_the_program_are_not_taken(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same version number, other source files: a newer checkout installed over an older one
    run(project, "check")
    before = {path.name for path in entries(project)}
    monkeypatch.setattr("reconcile.cache.code_fingerprint", lambda: b"another build")
    assert run(project, "check") == (GOLD / "check.txt").read_bytes()
    written = {path.name for path in entries(project)} - before
    assert len(written) == len(before) == len(list((project / "claims").glob("*.yaml")))


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


def _forged(entry: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the claims part of `entry` and give it the checksum of what it now holds."""
    head, body = entry.read_bytes().split(b"\n", 1)
    index, claims = body.split(b"\n", 1)
    data = json.loads(claims)
    change(data)
    body = index + b"\n" + json.dumps(data, ensure_ascii=False).encode()
    words = head.split(b" ")
    entry.write_bytes(b" ".join([*words[:-1], _sha(body)]) + b"\n" + body)


@pytest.mark.parametrize("gold", sorted(COMMANDS))
def test_a_foreign_entry_with_a_right_checksum_builds_nothing_unknown(
    project: Path, gold: str
) -> None:
    expected = (GOLD / gold).read_bytes()
    run(project, *COMMANDS[gold])
    for entry in entries(project):
        _forged(entry, lambda data: data["table"].__setitem__(0, ["d", "system", "ls"]))
    shutil.rmtree(project / GROUPS_DIR)  # so that every claim is made, none taken as kept
    assert run(project, *COMMANDS[gold]) == expected
    with pytest.raises(ValueError):
        decode(["d", "system", "ls"])
    with pytest.raises(ValueError):
        decode(["d", "Severity", "error"])  # an enum is not built as a dataclass


def test_an_entry_whose_claims_are_not_its_index_is_read_again(project: Path) -> None:
    """A check takes each claim's group from an entry's index and makes the claims only when a
    group needs them: claims that then prove to be others than the index said (here, in
    another order) are not used; the check is made again with every file read afresh."""
    expected = (GOLD / "check.txt").read_bytes()
    run(project, "check")
    entry = next(
        e
        for e in entries(project)
        if len(json.loads(e.read_bytes().split(b"\n")[1])["digests"]) > 1
    )
    _forged(entry, lambda data: data["rows"].reverse())
    shutil.rmtree(project / GROUPS_DIR)
    assert run(project, "check") == expected
    rows = json.loads(entry.read_bytes().split(b"\n")[2])["rows"]
    assert rows == sorted(rows, key=lambda row: (row[0], row[1]))  # stored again, in order


def test_a_check_makes_only_the_claims_of_groups_it_compares(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = importlib.import_module("reconcile.cache")
    claims_of = module._claims
    made: list[int] = []

    def counting(data: Any, rows: list[Any], *arguments: Any) -> Any:
        made.append(len(rows))
        return claims_of(data, rows, *arguments)

    monkeypatch.setattr(module, "_claims", counting)
    run(project, "check")  # fills the cache
    run(project, "check")
    assert made == []  # warm: every group's outcome and text kept, no claim made
    claims = project / "claims" / "russian-role-2013.yaml"  # vetogate-2022-01 counts them too
    text = claims.read_text(encoding="utf-8")
    assert "  value: 6\n  as_of: 1991-12/1993\n" in text
    claims.write_text(
        text.replace("  value: 6\n  as_of: 1991", "  value: 7\n  as_of: 1991"), encoding="utf-8"
    )
    fresh = run(project, "check", "--no-cache")
    assert run(project, "check") == fresh
    total = sum(len(yaml_list) for yaml_list in _claims_per_file(project))
    assert 0 < sum(made) < total / 10  # the other claims of the one group compared again
    made.clear()
    assert run(project, "check", "--format", "json") == run(
        project, "check", "--format", "json", "--no-cache"
    )
    assert sum(made) > 0  # JSON shows every claim: the entries are read whole


def _claims_per_file(project: Path) -> list[list[Any]]:
    import yaml

    return [
        yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for path in sorted((project / "claims").glob("*.yaml"))
    ]


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


def _compared_groups(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """How many groups one `check` compares afresh (the others come from the group cache)."""
    module = importlib.import_module("reconcile.compare")  # reconcile.compare is the function
    compared = module._compare_group
    calls = []

    def counting(*arguments: object) -> object:
        calls.append(1)
        return compared(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_compare_group", counting)
    run(project, "check", *args)
    monkeypatch.setattr(module, "_compare_group", compared)
    return len(calls)


def test_groups_no_claim_of_which_changed_are_not_compared_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = _compared_groups(project, monkeypatch)
    assert group_files(project)
    assert _compared_groups(project, monkeypatch) == 0  # warm: every group kept
    claims = sorted((project / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "# read again\n", encoding="utf-8")
    assert _compared_groups(project, monkeypatch) == 0  # the file is read again, no claim changed
    text = claims.read_text(encoding="utf-8")
    at = text.index("\n- ", text.index("\n- ") + 1)  # the second claim, one line further down
    claims.write_text(text[:at] + "\n" + text[at:], encoding="utf-8")
    touched = _compared_groups(project, monkeypatch)
    assert 0 < touched < every  # the claims after it moved: their groups only
    assert run(project, "check") == run(project, "check", "--no-cache")
    assert _compared_groups(project, monkeypatch, "--no-cache") == every


def test_a_claim_changed_to_another_claims_value_recompares_its_group_only(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file then holds one distinct value fewer: what the other claims' digests are made
    # of must not move with it.
    run(project, "check")
    claims = project / "claims" / "batakoshi-2022.yaml"
    text = claims.read_text(encoding="utf-8")
    assert "  value: 2022-01/2022-05-30\n" in text and "  value: 2022-01\n" in text
    claims.write_text(text.replace("2022-01/2022-05-30", "2022-01", 1), encoding="utf-8")
    assert _compared_groups(project, monkeypatch) == 1
    assert run(project, "check") == run(project, "check", "--no-cache")


def test_kept_text_follows_the_folder_the_check_runs_in(project: Path) -> None:
    def from_above(*args: str) -> bytes:
        with contextlib.chdir(project.parent):
            result = CliRunner().invoke(cli, ["check", "--project", project.name, *args])
        assert result.exit_code in (0, 1), result.output
        return result.stdout_bytes

    inside = run(project, "check")
    above = from_above()
    assert b"desk/claims/" in above and above != inside
    assert above == from_above("--no-cache")
    assert run(project, "check") == inside == (GOLD / "check.txt").read_bytes()


def test_a_resolution_changes_its_group_only(project: Path) -> None:
    run(project, "check")
    resolutions = project / "resolutions.yaml"
    resolutions.write_text(
        resolutions.read_text(encoding="utf-8")
        + "\n- topic: treaty\n  property: joined\n  subject: georgia\n  value: 1993\n"
        "  reason: signed on 9 December 1993\n",
        encoding="utf-8",
    )
    assert run(project, "check") == run(project, "check", "--no-cache")
    resolutions.write_text("", encoding="utf-8")
    assert run(project, "check") == run(project, "check", "--no-cache")


@pytest.mark.parametrize(
    "outcome",
    [
        '["conflict", [[99, "accepted"]], [], [], [], [], []]',  # a claim the group has not
        '["conflict", [], [0.5], [], [], [], []]',  # an index that is no integer
        '["conflict", [], [], [], [0, 1, 2], [1, 1], []]',  # sides that do not add up
        '["nonsense", [], [], [], [], [], []]',
        '{"status": "agree"}',
        "null",
    ],
)
def test_a_foreign_group_file_with_a_right_checksum_is_checked(project: Path, outcome: str) -> None:
    expected = (GOLD / "check.txt").read_bytes()
    run(project, "check")
    for path in group_files(project):
        kept = json.loads(path.read_bytes().split(b"\n", 1)[1])
        kept = {kind: json.loads(outcome) if kind == "outcome" else [1] for kind in kept}
        body = json.dumps(kept).encode()
        path.write_bytes(b"reconcile-groups 1 " + _sha(body) + b"\n" + body)
    assert run(project, "check") == expected
    assert run(project, "check", "--format", "json") == (GOLD / "check.json").read_bytes()


def test_a_half_written_group_file_is_ignored_and_rewritten(project: Path) -> None:
    expected = (GOLD / "check.txt").read_bytes()
    run(project, "check")
    path = group_files(project)[0]
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert run(project, "check") == expected
    assert path.read_bytes() == whole


def test_the_group_files_are_those_of_the_groups_the_project_has(project: Path) -> None:
    run(project, "check")
    before = {path.name for path in group_files(project)}
    sorted((project / "claims").glob("*.yaml"))[0].write_text("[]\n", encoding="utf-8")
    assert run(project, "check") == run(project, "check", "--no-cache")
    after = {path.name for path in group_files(project)}
    assert after and after != before and not after >= before


def _sha(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode()


def test_kept_text_follows_colour(project: Path) -> None:
    def coloured(*args: str) -> bytes:
        with contextlib.chdir(project):
            result = CliRunner().invoke(cli, ["check", *args], env={"FORCE_COLOR": "1"})
        assert result.exit_code in (0, 1), result.output
        return result.stdout_bytes

    plain = run(project, "check")
    assert b"\x1b[" in coloured() and b"\x1b[" not in plain
    assert coloured() == coloured("--no-cache")
    assert run(project, "check") == plain


def test_a_misquote_reads_the_same_from_the_cache(project: Path) -> None:
    claims = project / "claims" / "batakoshi-2022.yaml"
    text = claims.read_text(encoding="utf-8")
    assert 'quote: "فهي تأتي بعد مرور 30 سنة' in text
    changed = text.replace("فهي تأتي بعد مرور 30 سنة", "فهي تأتي بعد مرور 31 سنة", 1)
    claims.write_text(changed, encoding="utf-8")
    fresh = run(project, "check", "--no-cache")
    assert b"the quote says '31', the source says '30'" in fresh
    assert run(project, "check") == fresh  # filling the cache
    assert run(project, "check") == fresh  # from the cache: the differing words kept


BENCHMARK_PROJECTS = sorted((ROOT / "benchmarks" / "projects").iterdir())


@pytest.mark.parametrize("source", BENCHMARK_PROJECTS, ids=[p.name for p in BENCHMARK_PROJECTS])
def test_the_claims_an_entry_gives_are_those_read_afresh(tmp_path: Path, source: Path) -> None:
    from reconcile.load import load_project

    folder = tmp_path / source.name
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".reconcile", "reports"))
    fresh = load_project(folder)
    load_project(folder, cache=True)  # fills the cache
    cached = load_project(folder, cache=True)
    assert entries(folder)
    assert cached.claims == fresh.claims
    assert cached.problems == fresh.problems
