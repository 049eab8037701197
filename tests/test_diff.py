"""reconcile diff: what changed since a JSON baseline or a git revision, in every format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gitrepo import commit, git
from reconcile.cli import cli
from reconcile.diff import STATUS_RANK, diff, summary_line

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992. أوزبكستان عضو. الميثاق نص طويل."
SOURCES = {"a": ("2022", TEXT), "b": ("2013", TEXT)}
SIGNED = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992"
CHARTER = "الميثاق نص طويل"


def claim(prop: str, value: str, quote: str = SIGNED, extra: str = "") -> str:
    return f"- topic: founding\n  property: {prop}\n  value: {value}\n  quote: {quote}\n{extra}"


#: Two sources that agree on the treaty's date; one of them also says the treaty binds.
AGREE = {
    "a": claim("treaty_signed", "1992-05-15") + claim("binding", "true", quote="أوزبكستان عضو"),
    "b": claim("treaty_signed", "1992-05-15"),
}
CONFLICT = {**AGREE, "b": claim("treaty_signed", "1993")}
RESOLUTION = """\
- topic: founding
  property: treaty_signed
  value: 1992-05-15
  reason: The treaty's text.
"""

Diffed = Callable[..., tuple[int, dict[str, Any]]]


@pytest.fixture
def baseline_of(run, make_project, tmp_path: Path) -> Callable[[Path], Path]:
    """The JSON baseline of a project, written by `check --format json`."""

    def write(root: Path) -> Path:
        result = run("check", "--project", root, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        path = tmp_path / f"baseline-{root.name}.json"
        path.write_text(result.stdout, encoding="utf-8")
        return path

    return write


@pytest.fixture
def diffed(run, make_project, baseline_of) -> Diffed:
    """Diff the project `after` against the JSON baseline of the project `before`."""

    def go(before: dict[str, str], after: dict[str, str], **files: dict[str, str]) -> Any:
        old = make_project(claims=before, sources=SOURCES, **files.get("before_files", {}))
        new = make_project(claims=after, sources=SOURCES, **files.get("after_files", {}))
        result = run("diff", baseline_of(old), "--project", new, "--format", "json")
        return result.exit_code, json.loads(result.stdout)

    return go


def keys(entries: list[dict[str, Any]]) -> list[str]:
    return [".".join(filter(None, (e["topic"], e["property"], e["subject"]))) for e in entries]


# Every kind of change, from a JSON baseline --------------------------------------------------


def test_nothing_changed(diffed: Diffed) -> None:
    code, data = diffed(AGREE, AGREE)
    assert code == 0
    assert data["summary"]["text"] == "no change"
    assert data["claims"] == data["status_changes"] == data["resolutions"] == []


def test_a_new_group(diffed: Diffed) -> None:
    code, data = diffed(AGREE, {**AGREE, "b": AGREE["b"] + claim("charter", "نص", CHARTER)})
    assert code == 0
    assert data["groups"]["new"] == [
        {"topic": "founding", "property": "charter", "subject": None, "status": "single"}
    ]
    assert [(c["source"], c["change"]) for c in data["claims"]] == [("b", "added")]
    assert data["summary"]["text"] == "1 group new, 1 claim added from 1 source"


def test_a_gone_group(diffed: Diffed) -> None:
    code, data = diffed(AGREE, {**AGREE, "a": claim("treaty_signed", "1992-05-15")})
    assert code == 0
    assert keys(data["groups"]["gone"]) == ["founding.binding"]
    assert data["claims"][0]["change"] == "removed"
    assert data["claims"][0]["before"]["value"] is True
    assert data["summary"]["text"] == "1 group gone, 1 claim removed from 1 source"


def test_a_status_got_worse(diffed: Diffed) -> None:
    code, data = diffed(AGREE, CONFLICT)
    assert code == 1
    assert data["status_changes"] == [
        {
            "topic": "founding",
            "property": "treaty_signed",
            "subject": None,
            "before": "agree",
            "after": "conflict",
            "direction": "worse",
        }
    ]
    change = data["claims"][0]
    assert (change["source"], change["change"], change["fields"]) == ("b", "changed", ["value"])
    assert (change["before"]["value"], change["after"]["value"]) == ("1992-05-15", "1993")
    assert data["summary"]["got_worse"] is True
    assert data["summary"]["text"] == ("1 worse (agree → conflict), 1 claim changed from 1 source")


def test_a_status_got_better(diffed: Diffed) -> None:
    code, data = diffed(CONFLICT, AGREE)
    assert code == 0
    assert [(c["before"], c["after"], c["direction"]) for c in data["status_changes"]] == [
        ("conflict", "agree", "better")
    ]
    assert data["summary"]["got_worse"] is False


def test_a_resolution_added(diffed: Diffed) -> None:
    code, data = diffed(CONFLICT, CONFLICT, after_files={"resolutions.yaml": RESOLUTION})
    assert code == 0
    assert [(c["before"], c["after"]) for c in data["status_changes"]] == [("conflict", "resolved")]
    (resolution,) = data["resolutions"]
    assert resolution["change"] == "new"
    assert resolution["before"] is None
    assert resolution["after"]["value"] == "1992-05-15"
    assert resolution["verdicts"] == [
        {"source": "a", "value": "1992-05-15", "verdict": "accepted"},
        {"source": "b", "value": "1993", "verdict": "rejected"},
    ]
    assert data["claims"] == []  # a verdict is the resolution's change, not the claim's
    assert data["summary"]["text"] == "1 better (conflict → resolved), 1 resolution new"


def test_a_resolution_gone_and_changed(diffed: Diffed) -> None:
    other = RESOLUTION.replace("The treaty's text.", "The archive.")
    code, data = diffed(
        CONFLICT,
        CONFLICT,
        before_files={"resolutions.yaml": RESOLUTION},
        after_files={"resolutions.yaml": other},
    )
    assert code == 0
    assert [r["change"] for r in data["resolutions"]] == ["changed"]
    code, data = diffed(CONFLICT, CONFLICT, before_files={"resolutions.yaml": RESOLUTION})
    assert code == 1  # resolved → conflict got worse
    assert [r["change"] for r in data["resolutions"]] == ["gone"]
    assert data["status_changes"][0]["direction"] == "worse"


def test_claims_added_from_a_new_source(run, make_project, baseline_of) -> None:
    old = make_project(claims=AGREE, sources=SOURCES)
    new = make_project(
        claims={**AGREE, "c": claim("treaty_signed", "1992-05-15")},
        sources={**SOURCES, "c": ("2020", TEXT)},
    )
    result = run("diff", baseline_of(old), "--project", new, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["sources"] == {"added": ["c"], "removed": []}
    assert [(c["source"], c["change"]) for c in data["claims"]] == [("c", "added")]
    assert data["summary"]["text"] == "1 source added, 1 claim added from 1 source"


def test_a_quote_changed(diffed: Diffed) -> None:
    moved = {**AGREE, "b": claim("treaty_signed", "1992-05-15", quote="في 15 أيار 1992")}
    code, data = diffed(AGREE, moved)
    assert code == 0
    (change,) = data["claims"]
    assert (change["change"], change["fields"]) == ("changed", ["quote"])
    assert change["before"]["quote"] == SIGNED


def test_reordering_a_file_is_no_change(diffed: Diffed) -> None:
    swapped = claim("binding", "true", quote="أوزبكستان عضو") + claim("treaty_signed", "1992-05-15")
    code, data = diffed(AGREE, {**AGREE, "a": swapped})
    assert code == 0
    assert data["summary"]["text"] == "no change"


def test_a_json_baseline_has_no_notes_to_compare(diffed: Diffed) -> None:
    noted = {**AGREE, "b": claim("treaty_signed", "1992-05-15", extra="  note: checked\n")}
    code, data = diffed(AGREE, noted)
    assert (code, data["claims"]) == (0, [])


def test_a_json_baseline_written_by_report(run, make_project, tmp_path: Path) -> None:
    old = make_project(claims=AGREE, sources=SOURCES)
    saved = tmp_path / "saved.json"
    assert run("report", "--project", old, "--format", "json", "--output", saved).exit_code == 0
    result = run("diff", saved, "--project", make_project(claims=CONFLICT, sources=SOURCES))
    assert result.exit_code == 1
    assert result.output.startswith(f"Since {saved}: 1 worse (agree → conflict)")


# Misquotes, built by hand ----------------------------------------------------------------------


def snapshot(*claims: dict[str, Any], status: str = "agree") -> dict[str, Any]:
    group = {"topic": "t", "property": "p", "subject": None, "status": status}
    return {"version": 1, "sources": [], "groups": [{**group, "claims": list(claims)}]}


def quoted(source: str, status: str, quote: str = "q", value: Any = 1) -> dict[str, Any]:
    return {"source": source, "value": value, "quote": quote, "quote_status": status}


def test_misquotes_new_and_fixed() -> None:
    before = snapshot(quoted("a", "exact"), quoted("b", "misquoted", quote="r"))
    after = snapshot(quoted("a", "misquoted"), quoted("b", "exact", quote="r"))
    result = diff(before, after)
    assert [(m.source, m.kind) for m in result.misquotes] == [("a", "new"), ("b", "fixed")]
    assert result.got_worse
    assert summary_line(result) == "1 misquote new, 1 misquote fixed"
    assert not diff(after, after).got_worse


def test_a_misquote_removed_is_fixed_and_an_added_one_is_new() -> None:
    before = snapshot(quoted("a", "misquoted"))
    after = snapshot(quoted("b", "misquoted", quote="s", value=2))
    result = diff(before, after)
    assert [(m.source, m.kind) for m in result.misquotes] == [("b", "new"), ("a", "fixed")]


def test_notes_count_only_when_both_sides_have_them() -> None:
    plain = quoted("a", "exact")
    noted = {**plain, "note": "checked"}
    assert diff(snapshot(plain), snapshot(noted)).claims == ()
    (change,) = diff(snapshot({**plain, "note": None}), snapshot(noted)).claims
    assert (change.kind, change.fields) == ("note", ("note",))


def test_the_status_ranking_runs_toward_conflict() -> None:
    ranked = sorted(STATUS_RANK, key=STATUS_RANK.__getitem__)
    assert ranked == ["conflict", "resolved", "changed", "compatible", "single", "agree"]


def test_worst_changes_come_first() -> None:
    def group(name: str, status: str) -> dict[str, Any]:
        return {"topic": "t", "property": name, "subject": None, "status": status, "claims": []}

    before = {
        "version": 1,
        "groups": [
            group("a", "conflict"),
            group("b", "single"),
            group("c", "agree"),
            group("d", "compatible"),
        ],
    }
    after = {
        "version": 1,
        "groups": [
            group("a", "agree"),
            group("b", "conflict"),
            group("c", "conflict"),
            group("d", "single"),
        ],
    }
    result = diff(before, after)
    assert [(c.key[1], c.worse) for c in result.status_changes] == [
        ("c", True),
        ("b", True),
        ("d", False),
        ("a", False),
    ]
    assert summary_line(result) == (
        "2 worse (agree → conflict, single → conflict), 2 better (compatible → single, "
        "conflict → agree)"
    )


# Every format ----------------------------------------------------------------------------------


@pytest.fixture
def worse_pair(make_project, baseline_of) -> tuple[Path, Path]:
    before = make_project(claims=AGREE, sources=SOURCES)
    after = {**CONFLICT, "a": AGREE["a"] + claim("charter", "نص", CHARTER)}
    return baseline_of(before), make_project(claims=after, sources=SOURCES)


def test_text_format(run, worse_pair: tuple[Path, Path]) -> None:
    baseline, root = worse_pair
    result = run("diff", baseline, "--project", root)
    assert result.exit_code == 1
    assert result.output == (
        f"Since {baseline}: 1 group new, 1 worse (agree → conflict), "
        "1 claim added from 1 source, 1 claim changed from 1 source\n"
        "\n"
        "Worse:\n"
        "  founding.treaty_signed: agree → conflict\n"
        "\n"
        "New groups:\n"
        "  founding.charter: single\n"
        "\n"
        "Claims:\n"
        "  founding.charter\n"
        f"    + a  نص “{CHARTER}”  [claims/a.yaml:9]\n"
        "  founding.treaty_signed\n"
        "    ~ b  value 1992-05-15 → 1993  [claims/b.yaml:1]\n"
    )


def test_markdown_format(run, worse_pair: tuple[Path, Path]) -> None:
    baseline, root = worse_pair
    result = run("diff", baseline, "--project", root, "--format", "md")
    assert result.exit_code == 1
    assert result.output == (
        f"### Changes since `{baseline}`\n"
        "\n"
        "1 group new, 1 worse (agree → conflict), 1 claim added from 1 source, "
        "1 claim changed from 1 source.\n"
        "\n"
        "**Worse**\n"
        "\n"
        "- `founding.treaty_signed`: agree → conflict\n"
        "\n"
        "**New groups**\n"
        "\n"
        "- `founding.charter`: single\n"
        "\n"
        "**Claims**\n"
        "\n"
        "- `founding.charter`\n"
        f"  - + a  نص “{CHARTER}”  \\[claims/a.yaml:9\\]\n"
        "- `founding.treaty_signed`\n"
        "  - ~ b  value 1992-05-15 → 1993  \\[claims/b.yaml:1\\]\n"
    )


def test_json_format(run, worse_pair: tuple[Path, Path]) -> None:
    baseline, root = worse_pair
    result = run("diff", baseline, "--project", root, "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == [
        "version",
        "baseline",
        "summary",
        "sources",
        "groups",
        "status_changes",
        "claims",
        "resolutions",
        "misquotes",
    ]
    assert data["version"] == 1
    assert data["baseline"] == {"kind": "file", "name": str(baseline), "commit": None}
    assert data["summary"] | {"text": ""} == {
        "text": "",
        "got_worse": True,
        "sources_added": 0,
        "sources_removed": 0,
        "groups_new": 1,
        "groups_gone": 0,
        "worse": 1,
        "better": 0,
        "claims_added": 1,
        "claims_removed": 0,
        "claims_changed": 1,
        "notes_changed": 0,
        "resolutions_new": 0,
        "resolutions_gone": 0,
        "resolutions_changed": 0,
        "misquotes_new": 0,
        "misquotes_fixed": 0,
    }
    again = run("diff", baseline, "--project", root, "--format", "json")
    assert again.stdout == result.stdout  # deterministic


# Bad baselines ---------------------------------------------------------------------------------


@pytest.fixture
def project(make_project) -> Path:
    return make_project(claims=AGREE, sources=SOURCES)


def test_bad_json(run, project: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1,\n  "groups": [}\n', encoding="utf-8")
    result = run("diff", path, "--project", project)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{path}:2:")
    assert "error: not JSON: " in result.stderr
    assert result.stderr.splitlines()[0].endswith("[bad-baseline]")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[]", "the file holds no JSON object"),
        ('{"version": 2, "groups": []}', "version is 2, expected 1"),
        ('{"version": 1, "groups": {}}', "groups is not a list"),
        ('{"version": 1, "groups": [{"topic": "t"}]}', "groups[0] has no property, subject"),
        (
            '{"version": 1, "groups": [{"topic": "t", "property": "p", "subject": null,'
            ' "status": "fine", "claims": []}]}',
            "groups[0] has the unknown status 'fine'",
        ),
        (
            '{"version": 1, "groups": [{"topic": "t", "property": "p", "subject": null,'
            ' "status": "single", "claims": [1]}]}',
            "groups[0] has claims that are not a list of objects with a source",
        ),
        (
            '{"version": 1, "project": null, "summary": null, "groups": [],'
            ' "problems": [{"severity": "error"}]}',
            "it is the output of a run stopped by errors",
        ),
    ],
)
def test_json_of_another_shape(run, project: Path, tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(text, encoding="utf-8")
    result = run("diff", path, "--project", project)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{path}: error: not a baseline written by check --format json: {reason}"
    )
    assert "[bad-baseline]" in result.stderr


def test_a_missing_json_file(run, project: Path, tmp_path: Path) -> None:
    result = run("diff", tmp_path / "nowhere.json", "--project", project)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{tmp_path / 'nowhere.json'}: error: the baseline does not exist: expected a JSON file "
        "[missing-baseline]"
    )


def test_a_folder_that_is_not_in_a_git_repository(run, project: Path) -> None:
    result = run("diff", "HEAD", "--project", project)
    assert result.exit_code == 2
    assert result.stderr == (
        f"HEAD: error: no such file, and {project} is not in a git repository "
        "[not-a-git-repository]\n1 error.\n"
    )


def test_missing_git(run, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(project))
    result = run("diff", "HEAD", "--project", project)
    assert result.exit_code == 2
    assert "HEAD: error: no such file, and git is not installed [missing-git]" in result.stderr


def test_a_broken_current_project(run, make_project, baseline_of, project: Path) -> None:
    broken = make_project(claims={"a": claim("nothing", "1")}, sources=SOURCES)
    result = run("diff", baseline_of(project), "--project", broken)
    assert result.exit_code == 2
    assert "[unknown-property]" in result.output


# Git revisions ---------------------------------------------------------------------------------


def set_claims(root: Path, claims: dict[str, str]) -> None:
    for source, text in claims.items():
        (root / "claims" / f"{source}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def repo(make_project, tmp_path: Path) -> Path:
    """A project in a subfolder of a git repository: committed agreeing, then in conflict."""
    root = make_project(claims=AGREE, sources=SOURCES)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "agree")
    git(tmp_path, "tag", "agreed")
    set_claims(root, {"b": claim("treaty_signed", "1993")})
    commit(tmp_path, "conflict")
    return root


def test_diff_head_is_the_uncommitted_change(run, repo: Path) -> None:
    assert run("diff", "HEAD", "--project", repo).output.endswith(": no change\n")
    set_claims(repo, {"b": claim("treaty_signed", "1992-05-15", extra="  note: checked\n")})
    result = run("diff", "HEAD", "--project", repo, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["baseline"]["kind"] == "revision"
    assert data["baseline"]["commit"] == git(repo, "rev-parse", "HEAD")
    assert [(c["before"], c["after"]) for c in data["status_changes"]] == [("conflict", "agree")]


def test_diff_an_earlier_revision_and_a_tag(run, repo: Path) -> None:
    for revision in ("HEAD~1", "agreed", "main~1"):
        result = run("diff", revision, "--project", repo)
        assert result.exit_code == 1, revision
        assert result.output.startswith(f"Since {revision} (")
        assert "1 worse (agree → conflict)" in result.output


def test_a_note_change_is_listed_between_revisions(run, repo: Path) -> None:
    set_claims(repo, {"b": claim("treaty_signed", "1993", extra="  note: checked twice\n")})
    result = run("diff", "HEAD", "--project", repo, "--format", "json")
    (change,) = json.loads(result.stdout)["claims"]
    assert (change["change"], change["before"]["note"], change["after"]["note"]) == (
        "note",
        None,
        "checked twice",
    )
    assert result.exit_code == 0


def test_a_project_at_the_top_of_its_repository(run, make_project) -> None:
    root = make_project(claims=AGREE, sources=SOURCES)
    git(root, "init", "-q")
    commit(root, "first")
    set_claims(root, {"b": claim("treaty_signed", "1993")})
    result = run("diff", "HEAD", "--project", root, "--format", "md")
    assert result.exit_code == 1
    assert "- `founding.treaty_signed`: agree → conflict" in result.output


def test_an_unknown_revision(run, repo: Path) -> None:
    result = run("diff", "no-such-tag", "--project", repo)
    assert result.exit_code == 2
    assert result.stderr == (
        "no-such-tag: error: no such file, and no such git revision [unknown-revision]\n1 error.\n"
    )


def test_a_revision_may_not_look_like_an_option(run, repo: Path) -> None:
    result = run("diff", "--project", repo, "--", "--output=x")
    assert result.exit_code == 2
    assert "[bad-revision]" in result.stderr


def test_a_revision_without_the_project(run, repo: Path, tmp_path: Path) -> None:
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "empty")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "reconcile.yaml").write_text("title: x\n", encoding="utf-8")
    result = run("diff", "HEAD", "--project", tmp_path / "later")
    assert result.exit_code == 2
    assert "HEAD: error: later is not in this revision [not-in-revision]" in result.stderr


def test_a_revision_whose_project_has_errors(run, repo: Path, tmp_path: Path) -> None:
    set_claims(repo, {"b": claim("nothing", "1")})
    commit(tmp_path, "broken")
    set_claims(repo, {"b": claim("treaty_signed", "1993")})
    result = run("diff", "HEAD", "--project", repo)
    assert result.exit_code == 2
    assert result.stderr.startswith("HEAD:claims/b.yaml:2:")
    assert "[unknown-property]" in result.stderr


def test_an_existing_file_wins_over_a_revision(run, repo: Path, baseline_of, monkeypatch) -> None:
    saved = baseline_of(repo)
    monkeypatch.chdir(saved.parent)
    shutil.copy(saved, saved.parent / "HEAD")
    # From the folder that holds the file named HEAD (the `run` fixture would enter the project).
    result = CliRunner().invoke(cli, ["diff", "HEAD", "--project", str(repo), "--format", "json"])
    assert json.loads(result.stdout)["baseline"]["kind"] == "file"


def test_diff_as_a_real_process(repo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "diff", "HEAD~1", "--project", str(repo)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("Since HEAD~1 (")
    assert "~ b  value 1992-05-15 → 1993" in done.stdout
    wrong = subprocess.run(
        [sys.executable, "-m", "reconcile", "diff", "v9", "--project", str(repo)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert wrong.returncode == 2
    assert "v9: error: no such file, and no such git revision [unknown-revision]" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_help_says_a_file_wins(run) -> None:
    result = run("diff", "--help")
    assert "both an existing file and a revision is read as the file" in " ".join(
        result.output.split()
    )


def test_docs_list_every_json_key(run, worse_pair: tuple[Path, Path]) -> None:
    baseline, root = worse_pair
    data = json.loads(run("diff", baseline, "--project", root, "--format", "json").stdout)
    docs = (Path(__file__).resolve().parent.parent / "docs" / "diff.md").read_text("utf-8")
    table = docs.split("| key | what it holds |", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M) == list(data)
    for count in data["summary"]:
        assert f'"{count}"' in docs


def test_a_baseline_with_odd_claim_fields_still_compares() -> None:
    odd = {"source": "a", "value": 1, "quote": 7, "line": "x"}
    plain = {"source": "a", "value": 1, "quote": None, "line": 3}
    assert diff(snapshot(odd, plain), snapshot(plain)).claims_of("removed")


@pytest.mark.parametrize(
    ("before", "after", "worse"),
    [
        ("agree", "conflict", True),
        ("resolved", "conflict", True),
        ("agree", "single", True),
        ("changed", "conflict", True),
        ("agree", "resolved", False),
        ("conflict", "resolved", False),
        ("compatible", "single", False),
        ("single", "agree", False),
    ],
)
def test_a_status_is_worse_when_it_keeps_the_fact_further_from_publication(
    before: str, after: str, worse: bool
) -> None:
    from reconcile.diff import StatusChange

    assert StatusChange(("t", "p", None), before, after).worse is worse
