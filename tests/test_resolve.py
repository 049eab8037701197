"""`reconcile resolve`: a resolution appended to resolutions.yaml, every byte there kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.load import load_project
from writes import (
    EXIT_CLEAN,
    EXIT_CONFLICTS,
    assert_error,
    check_json,
    group,
    new_project,
    run,
    snapshot,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


ODD_RESOLUTIONS = (
    "# Decisions of the desk.\n"
    "\n"
    "   - topic: treaty          # an odd indent\n"
    "     property: 'signing_place'\n"
    '     value: "Tashkent"\n'
    "     reason: >\n"
    "       Folded,\n"
    "       over lines.\n"
    "\n"
    "# keep this comment, and the missing newline"
)


@pytest.fixture
def disputed(project: Path) -> Path:
    """The init project plus a second source that disagrees on when the treaty was signed."""
    (project / "sources" / "other.md").write_text(
        "---\ntitle: Other\npublished: 2020\n---\nThe treaty was signed in 1993 in Tashkent.\n",
        encoding="utf-8",
    )
    (project / "claims" / "other.yaml").write_text(
        "- topic: treaty\n  property: signed\n  value: 1993\n  quote: signed in 1993\n"
        "- topic: treaty\n  property: signing_place\n  value: طشقند\n  quote: in Tashkent\n",
        encoding="utf-8",
    )
    (project / "resolutions.yaml").write_text(ODD_RESOLUTIONS, encoding="utf-8")
    code, report = check_json(project)
    assert code == EXIT_CONFLICTS
    assert group(report, "treaty", "signed")["status"] == "conflict"
    return project


def test_resolve_appends_and_keeps_every_byte(disputed: Path) -> None:
    path = disputed / "resolutions.yaml"
    result = run(
        "resolve",
        "--project",
        disputed,
        "treaty",
        "signed",
        "--value",
        "1992-05-15",
        "--reason",
        "The treaty's text: signed 15 May 1992 # in Tashkent",
        "--reference",
        "https://example.org/t",
        "--by",
        "desk",
        "--decided",
        "2026-01-20",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    assert "added a resolution of treaty.signed" in result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(ODD_RESOLUTIONS + "\n\n")  # a blank line after the last comment
    added = text[len(ODD_RESOLUTIONS) + 2 :]
    assert added.startswith("   - topic: treaty\n     property: signed\n")
    entries = yaml.safe_load(text)
    assert entries[-1] == {
        "topic": "treaty",
        "property": "signed",
        "value": dt.date(1992, 5, 15),
        "reason": "The treaty's text: signed 15 May 1992 # in Tashkent",
        "reference": "https://example.org/t",
        "decided": dt.date(2026, 1, 20),
        "by": "desk",
    }
    code, report = check_json(disputed)
    assert code == EXIT_CLEAN
    resolved = group(report, "treaty", "signed")
    assert resolved["status"] == "resolved"
    verdicts = {c["source"]: c["verdict"] for c in resolved["claims"]}
    assert verdicts == {"example": "accepted", "other": "rejected"}


def test_resolve_twice_keeps_the_first(disputed: Path) -> None:
    path = disputed / "resolutions.yaml"
    run("resolve", "--project", disputed, "treaty", "signed", "--value", "1992", "--reason", "a")
    first = path.read_text(encoding="utf-8")
    result = run(
        "resolve",
        "--project",
        disputed,
        "membership",
        "status",
        "--subject",
        "أوزبكستان",
        "--as-of",
        "2012",
        "--value",
        "suspended",
        "--reason",
        "b",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(first)
    last = yaml.safe_load(text)[-1]
    assert last["subject"] == "أوزبكستان" and last["as_of"] == 2012
    assert last["decided"] == dt.date.today()


def test_resolve_writes_lists_and_ranges_as_a_claims_file_does(disputed: Path) -> None:
    path = disputed / "resolutions.yaml"
    path.unlink()
    result = run(
        "resolve",
        "--project",
        disputed,
        "treaty",
        "signatories",
        "--value",
        "[Russia, armenia, Kazakhstan, kyrgyzstan, tajikistan, uzbekistan]",
        "--reason",
        "six",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")  # a new file gets a header comment
    assert "  value: [Russia, armenia, Kazakhstan, kyrgyzstan, tajikistan, uzbekistan]\n" in text


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["treaty", "signd", "--value", "1992"], "unknown-property", "did you mean 'signed'"),
        (["traety", "signed", "--value", "1992"], "unknown-topic", "did you mean 'treaty'"),
        (["treaty", "signed", "--value", "soon"], "bad-date", "is not an EDTF date"),
        (["membership", "member_count", "--value", "six"], "wrong-type", "expected a number"),
        (["treaty", "signatories", "--value", "[russia, narnia]"], "unknown-entity", "narnia"),
        (["membership", "status", "--value", "member"], "missing-field", "give a 'subject'"),
        (["treaty", "signed", "--as-of", "2000", "--value", "1992"], "unexpected-field", "as_of"),
        (
            ["membership", "status", "--subject", "belarus", "--value", "member"],
            "no-group",
            "names no group",
        ),
        (["treaty", "signed", "--value", "[1992"], "bad-value", "--value"),
        (["treaty", "signed", "--value", "!!binary aGk="], "unsafe-tag", "--value"),
        (["treaty", "signed", "--value", "1992", "--decided", "today"], "bad-date", "--decided"),
    ],
)
def test_resolve_rejects_bad_input_and_writes_nothing(
    disputed: Path, args: list[str], code: str, words: str
) -> None:
    before = snapshot(disputed)
    result = run("resolve", "--project", disputed, *args, "--reason", "because")
    assert_error(result, code)
    assert words in result.stderr
    assert snapshot(disputed) == before


def test_resolve_errors_say_they_are_about_the_new_resolution(disputed: Path) -> None:
    result = run(
        "resolve", "--project", disputed, "treaty", "signd", "--value", "1992", "--reason", "r"
    )
    assert "error: the new resolution: topic 'treaty' has no property 'signd'" in result.stderr


def test_resolve_is_not_blocked_by_problems_elsewhere(disputed: Path) -> None:
    (disputed / "sources" / "broken.md").write_text("---\n---\ntext\n", encoding="utf-8")
    (disputed / "claims" / "broken.yaml").write_text("- topic: nope\n", encoding="utf-8")
    result = run(
        "resolve", "--project", disputed, "treaty", "signed", "--value", "1992", "--reason", "r"
    )
    assert result.exit_code == EXIT_CLEAN, result.output


def test_resolve_needs_a_project(tmp_path: Path) -> None:
    result = run(
        "resolve", "--project", tmp_path, "treaty", "signed", "--value", "1992", "--reason", "r"
    )
    assert_error(result, "no-project")
    assert not (tmp_path / "resolutions.yaml").exists()


def test_resolve_refuses_a_resolutions_file_that_is_not_a_list(disputed: Path) -> None:
    (disputed / "resolutions.yaml").write_text("topic: treaty\n", encoding="utf-8")
    before = snapshot(disputed)
    result = run(
        "resolve", "--project", disputed, "treaty", "signed", "--value", "1992", "--reason", "r"
    )
    assert_error(result, "wrong-type")
    assert snapshot(disputed) == before


@pytest.mark.parametrize(
    "existing",
    [
        "[]\n",
        "# none yet\n[]   # really\n# after\n",
        "- {topic: treaty, property: signing_place, value: tashkent, reason: r}\n...\n# end\n",
        "# inline\n[{topic: treaty, property: signing_place, value: tashkent, reason: r}]  # c\n",
        "# windows\r\n- topic: treaty\r\n  property: signing_place\r\n  value: tashkent\r\n"
        "  reason: r\r\n",
        "\ufeff# with a byte-order mark\n",
    ],
)
def test_resolve_adds_to_files_of_any_layout_keeping_their_comments(
    disputed: Path, existing: str
) -> None:
    path = disputed / "resolutions.yaml"
    path.write_bytes(existing.encode("utf-8"))
    result = run(
        "resolve",
        "--project",
        disputed,
        "treaty",
        "signed",
        "--value",
        "1992-05-15",
        "--reason",
        "two\nlines",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = path.read_bytes().decode("utf-8")
    for line in existing.splitlines():
        if "#" in line:
            assert line[line.index("#") :] in text
    if "\r\n" in existing:
        assert "\n" not in text.replace("\r\n", "")
    assert text.startswith("\ufeff") == existing.startswith("\ufeff")
    resolutions = load_project(disputed).resolutions
    assert resolutions[-1].property == "signed" and resolutions[-1].reason == "two\nlines"
    assert len(resolutions) == 1 + ("signing_place" in existing)


def test_resolve_writes_through_a_link_inside_the_project_only(
    disputed: Path, tmp_path: Path
) -> None:
    path = disputed / "resolutions.yaml"
    (disputed / "decisions").mkdir()
    target = disputed / "decisions" / "2026.yaml"
    path.rename(target)
    path.symlink_to(Path("decisions") / "2026.yaml")
    args = ("treaty", "signed", "--value", "1992", "--reason", "r")
    assert run("resolve", "--project", disputed, *args).exit_code == EXIT_CLEAN
    assert path.is_symlink()
    assert target.read_text(encoding="utf-8").startswith(ODD_RESOLUTIONS + "\n")
    outside = tmp_path / "outside.yaml"
    outside.write_text("# not the project's\n", encoding="utf-8")
    path.unlink()
    path.symlink_to(outside)
    assert_error(run("resolve", "--project", disputed, *args), "outside-project")
    assert outside.read_text(encoding="utf-8") == "# not the project's\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=st.text(min_size=1), by=st.text(min_size=1))
def test_any_reason_is_written_so_that_it_reads_back_the_same(
    disputed: Path, reason: str, by: str
) -> None:
    path = disputed / "resolutions.yaml"
    path.write_text(ODD_RESOLUTIONS, encoding="utf-8")
    result = run(
        "resolve",
        "--project",
        disputed,
        "treaty",
        "signed",
        "--value",
        "1992",
        "--reason",
        reason,
        "--by",
        by,
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    assert path.read_text(encoding="utf-8").startswith(ODD_RESOLUTIONS + "\n")
    added = load_project(disputed).resolutions[-1]
    assert (added.reason, added.by) == (reason, by)


def test_resolve_follows_blank_lines_between_entries(disputed: Path) -> None:
    path = disputed / "resolutions.yaml"
    entry = "- topic: treaty\n  property: signed\n  value: 1992\n  reason: the text\n"
    path.write_text("# decisions\n\n" + entry + "\n" + entry, encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = run(
        "resolve", "--project", disputed, "treaty", "signed", "--value", "1992", "--reason", "again"
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :].startswith("\n- topic: treaty\n")


def test_resolve_rewrites_a_layout_it_cannot_append_to_keeping_its_comments(
    project: Path,
) -> None:
    # A list tagged on the '---' line starts at the tag's column, not the items' column: an
    # item appended there would not belong to the list, so ruamel.yaml rewrites the file.
    path = project / "resolutions.yaml"
    original = (
        "--- !!seq  # the desk decides\n"
        "# first, the date\n"
        "- topic: treaty   # from the text\n"
        "  property: signed\n"
        "  value: 1992-05-15\n"
        "  reason: the text\n"
        "# the end\n"
    )
    path.write_text(original, encoding="utf-8")
    result = run(
        "resolve",
        "--project",
        project,
        "treaty",
        "signing_place",
        "--value",
        "Tashkent",
        "--reason",
        "the text",
        "--decided",
        "2026-01-20",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = path.read_text(encoding="utf-8")
    assert not text.startswith(original)  # rewritten, not appended to
    for comment in ("# the desk decides", "# first, the date", "# from the text", "# the end"):
        assert comment in text
    assert text.endswith(
        "- topic: treaty\n  property: signing_place\n  value: Tashkent\n"
        "  reason: the text\n  decided: 2026-01-20\n"
    )
    resolutions = load_project(project).resolutions
    assert [(r.property, r.reason) for r in resolutions] == [
        ("signed", "the text"),
        ("signing_place", "the text"),
    ]


def test_resolve_refuses_a_file_it_can_neither_append_to_nor_rewrite(project: Path) -> None:
    # The C parser reads a tab after a value; the pure-Python one, which gives the layout, and
    # ruamel.yaml do not: the resolution is left for the user to add by hand.
    path = project / "resolutions.yaml"
    path.write_text(
        "- topic: treaty\n  property: signed\n  value: 1992-05-15\n  reason: the text\t\n",
        encoding="utf-8",
    )
    before = snapshot(project)
    result = run(
        "resolve",
        "--project",
        project,
        "treaty",
        "signing_place",
        "--value",
        "Tashkent",
        "--reason",
        "r",
    )
    assert_error(result, "cannot-append")
    assert result.stderr.splitlines() == [
        "resolutions.yaml:1:1: error: cannot add to resolutions.yaml without disturbing it; "
        "add the resolution by hand [cannot-append]",
        "1 error; nothing was written.",
    ]
    assert snapshot(project) == before
