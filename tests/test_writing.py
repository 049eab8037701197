"""The commands that write files: init, add-source, resolve; and schema. Run as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.cli import cli
from reconcile.load import load_config, load_project
from reconcile.writing import (
    add_source,
    claims_schema,
    init_project,
    sentences,
    suggest_claims,
)

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    root = tmp_path / "desk"
    result = run("init", root)
    assert result.exit_code == EXIT_CLEAN, result.output
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


# init --------------------------------------------------------------------------------------------


def test_init_writes_a_commented_project_that_check_accepts(tmp_path: Path) -> None:
    root = tmp_path / "new"
    result = run("init", root)
    assert result.exit_code == EXIT_CLEAN
    names = ["reconcile.yaml", "sources/example.md", "claims/example.yaml", "resolutions.yaml"]
    assert result.output.splitlines() == [f"wrote {root / name}" for name in names]
    for name in names:
        assert (root / name).read_text(encoding="utf-8").lstrip().startswith(("#", "---"))
    checked = run("check", "--project", root)
    assert checked.exit_code == EXIT_CLEAN, checked.output
    assert "0 unresolved conflicts, 0 warnings." in checked.output
    project = load_project(root)
    assert len(project.claims) == 5
    assert all(c.quote_match.status == "exact" for c in project.claims)


def test_init_in_the_current_folder_returns_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == EXIT_CLEAN
    assert result.output.splitlines()[0] == "wrote reconcile.yaml"


def test_init_refuses_a_second_time_and_changes_nothing(project: Path) -> None:
    (project / "reconcile.yaml").write_text("title: mine\ntopics: {}\n", encoding="utf-8")
    before = snapshot(project)
    result = run("init", project)
    assert_error(result, "exists")
    assert "is a project already" in result.stderr
    assert snapshot(project) == before


def test_init_never_overwrites_any_file(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "example.md").write_text("mine", encoding="utf-8")
    result = run("init", tmp_path)
    assert_error(result, "exists")
    assert "sources/example.md" in result.stderr
    assert snapshot(tmp_path) == {"sources/example.md": b"mine"}


# add-source --------------------------------------------------------------------------------------

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


def test_add_source_copies_the_text_verbatim_with_front_matter(
    project: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path)
    result = run(
        "add-source",
        "--project",
        project,
        article,
        "--id",
        "tass-2022",
        "--title",
        "A \"title\": with # and 'quotes'",
        "--url",
        "https://x.org/a?b#c",
        "--published",
        "2022-05-30",
        "--author",
        "yes",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    source = project / "sources" / "tass-2022.md"
    assert f"wrote {source}" in result.output
    data = source.read_bytes()
    assert data.endswith(ARTICLE.encode("utf-8"))
    front = data[: len(data) - len(ARTICLE.encode("utf-8"))].decode("utf-8")
    assert front.startswith("---") and front.rstrip().endswith("---")
    loaded = load_project(project).sources["tass-2022"]
    assert loaded.text == ARTICLE
    assert loaded.title == "A \"title\": with # and 'quotes'"
    assert loaded.url == "https://x.org/a?b#c"
    assert loaded.author == "yes"
    assert loaded.published is not None and loaded.published.edtf == "2022-05-30"
    assert loaded.language == "en"  # the project's language, from reconcile.yaml


def test_add_source_suggests_claims_commented_out_keyed_to_properties(
    project: Path, tmp_path: Path
) -> None:
    result = run(
        "add-source",
        "--project",
        project,
        write_article(tmp_path),
        "--id",
        "tass",
        "--published",
        "2022",
        "--language",
        "ar",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    claims = project / "claims" / "tass.yaml"
    text = claims.read_text(encoding="utf-8")
    assert all(line.startswith("#") or not line.strip() for line in text.splitlines())
    assert yaml.safe_load(text) is None
    match = re.search(r"with (\d+) suggested claims", result.output)
    assert match and int(match.group(1)) == text.count("# - topic:")
    # "وقع" (a keyword of treaty.signed) matches "وقّع" despite the shadda
    blocks = _blocks(text)
    signed = [b for b in blocks if _about(b, "signed")]
    assert len(signed) == 1
    assert "value: 1992-05-15" in signed[0]
    assert 'quote: "وقّع عليها في طشقند في 15 أيار 1992' in signed[0]
    signatories = next(b for b in blocks if _about(b, "signatories"))
    assert "value: [tashkent" not in signatories
    assert "value: [russia, armenia, kazakhstan, kyrgyzstan, tajikistan, uzbekistan]" in signatories
    status = next(b for b in blocks if _about(b, "status"))
    assert "subject: uzbekistan" in status and "as_of: 2012" in status
    assert "one of: member, withdrawn, suspended" in status
    # the project still checks, and the new source has no claims yet
    checked = run("check", "--project", project)
    assert checked.exit_code == EXIT_CLEAN, checked.output
    assert checked.output.startswith("My fact-check: 2 sources, 5 claims")


def test_an_uncommented_suggestion_is_a_valid_claim_with_an_exact_quote(
    project: Path, tmp_path: Path
) -> None:
    run(
        "add-source",
        "--project",
        project,
        write_article(tmp_path),
        "--id",
        "tass",
        "--published",
        "2022",
    )
    claims = project / "claims" / "tass.yaml"
    signed = next(b for b in _blocks(claims.read_text(encoding="utf-8")) if _about(b, "signed"))
    claims.write_text("\n".join(line[2:] for line in signed.splitlines()) + "\n", encoding="utf-8")
    loaded = load_project(project)
    claim = next(c for c in loaded.claims if c.source == "tass")
    assert (claim.topic, claim.property, claim.value.canonical()) == (
        "treaty",
        "signed",
        "1992-05-15",
    )
    assert claim.quote_match.status == "exact"


def _about(block: str, prop: str) -> bool:
    return re.search(rf"^#   property: {prop}(?:  #|$)", block, re.MULTILINE) is not None


def _blocks(text: str) -> list[str]:
    """The suggested claims of a claims file, each as its commented lines."""
    return [block for block in text.split("\n\n") if block.startswith("# - topic:")]


def test_add_source_without_any_keyword_explains_how_to_write_claims(
    project: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path, "Nothing relevant here.\n")
    result = run("add-source", "--project", project, article, "--id", "plain")
    assert result.exit_code == EXIT_CLEAN
    assert "with 0 suggested claims" in result.output
    text = (project / "claims" / "plain.yaml").read_text(encoding="utf-8")
    assert "nothing is\n# suggested" in text and yaml.safe_load(text) is None


def test_add_source_refuses_to_overwrite(project: Path, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    assert run("add-source", "--project", project, article, "--id", "tass").exit_code == 0
    (project / "claims" / "tass.yaml").write_text("# my work\n", encoding="utf-8")
    before = snapshot(project)
    result = run("add-source", "--project", project, article, "--id", "tass")
    assert_error(result, "exists")
    assert "sources/tass.md:1:1: error:" in result.stderr
    assert "claims/tass.yaml:1:1: error:" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(project) == before


def test_add_source_refuses_when_only_the_claims_file_exists(project: Path, tmp_path: Path) -> None:
    (project / "claims" / "orphan.yaml").write_text("# mine\n", encoding="utf-8")
    before = snapshot(project)
    result = run("add-source", "--project", project, write_article(tmp_path), "--id", "orphan")
    assert_error(result, "exists")
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--id", "Bad_ID"], "bad-source-id"),
        (["--id", "-x"], "bad-source-id"),
        (["--id", "ok", "--published", "May 1992"], "bad-date"),
        (["--id", "ok", "--published", "1992-13"], "bad-date"),
    ],
)
def test_add_source_rejects_bad_options(
    project: Path, tmp_path: Path, args: list[str], code: str
) -> None:
    before = snapshot(project)
    result = run("add-source", "--project", project, write_article(tmp_path), *args)
    assert_error(result, code)
    assert snapshot(project) == before


def test_add_source_rejects_an_article_that_is_not_utf8(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("first line\nChișinău café\n".encode("utf-16"))
    before = snapshot(project)
    result = run("add-source", "--project", project, article, "--id", "latin")
    assert_error(result, "bad-encoding")
    assert str(article) in result.stderr
    assert snapshot(project) == before


def test_add_source_needs_a_project(tmp_path: Path) -> None:
    result = run("add-source", "--project", tmp_path, write_article(tmp_path), "--id", "x")
    assert_error(result, "no-project")
    assert not (tmp_path / "sources").exists()


_WORDS = st.sampled_from(
    [
        "signed",
        "وقّع",
        "توقيع",
        "Tashkent",
        "طشقند",
        "Russia",
        "وروسيا",
        "members",
        "علقت",
        "أوزبكستان",
        "1992",
        "15 May 1992",
        "2012",
        "6",
        "---",
        "#",
        '"',
        "'",
        ": ",
        "…",
        ".",
        "؟",
        "؛",
        "!",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\u2028",
        "\x85",
        "\x07",
        "\u200f",
        "\ufeff",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(_WORDS | st.text(max_size=5), max_size=40))
def test_any_article_round_trips_and_its_suggestions_hold_no_claims(
    tmp_path_factory: pytest.TempPathFactory, words: list[str]
) -> None:
    root = tmp_path_factory.mktemp("prop")
    init_project(root)
    text = "".join(words).lstrip("\ufeff")  # a leading BOM is an encoding mark
    article = root / "article.txt"
    article.write_bytes(text.encode("utf-8", "surrogatepass"))
    _, claims, count = add_source(root, article, "art", title=text[:20] or None)
    written = claims.read_text(encoding="utf-8")
    assert yaml.safe_load(written) is None
    assert len(re.findall(r"^# - topic: .*  # line \d+", written, re.MULTILINE)) == count
    loaded = load_project(root).sources["art"]
    assert loaded.text == text
    assert (loaded.title or None) == (text[:20] or None)


def test_sentences_split_on_arabic_and_latin_punctuation() -> None:
    text = "First one. Second 3.5 kg! Third؟ رابع؛ خامس; sixth\nseventh at example.org ok"
    assert list(sentences(text)) == [
        (1, "First one."),
        (1, "Second 3.5 kg!"),
        (1, "Third؟"),
        (1, "رابع؛"),
        (1, "خامس;"),
        (1, "sixth"),
        (2, "seventh at example.org ok"),
    ]


def test_keywords_match_at_word_starts_after_arabic_prefixes(project: Path) -> None:
    config = load_config(project)
    found = {
        (s.property.id, s.sentence)
        for s in suggest_claims(
            "وَوقّعت الدول. تحالف قوي. ووقعت. They SIGNED it. It was cosigned.", config
        )
    }
    assert ("signed", "وَوقّعت الدول.") in found
    assert ("signed", "ووقعت.") in found
    assert ("signed", "They SIGNED it.") in found
    assert ("signed", "It was cosigned.") not in found
    assert not any(sentence == "تحالف قوي." for _, sentence in found)


# resolve -----------------------------------------------------------------------------------------

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


# schema ------------------------------------------------------------------------------------------


def test_schema_lists_the_projects_topics_and_properties(project: Path) -> None:
    result = run("schema", "--project", project)
    assert result.exit_code == EXIT_CLEAN
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    claim = schema["$defs"]["claim"]
    assert claim["required"] == ["topic", "property", "value"]
    assert claim["additionalProperties"] is False
    assert set(claim["properties"]) == {
        "topic",
        "property",
        "value",
        "subject",
        "quote",
        "as_of",
        "complete",
        "approximate",
        "note",
    }
    assert claim["properties"]["topic"]["enum"] == ["treaty", "membership"]
    treaty = next(
        rule
        for rule in claim["allOf"]
        if rule["if"]["properties"] == {"topic": {"const": "treaty"}}
    )
    assert treaty["then"]["properties"]["property"]["enum"] == [
        "signed",
        "signing_place",
        "signatories",
    ]


def test_schema_outside_a_project_is_the_generic_one(tmp_path: Path) -> None:
    result = run("schema", "--project", tmp_path)
    assert result.exit_code == EXIT_CLEAN
    claim = json.loads(result.output)["$defs"]["claim"]
    assert "enum" not in claim["properties"]["topic"] and "allOf" not in claim


def test_the_example_claims_validate_and_mistakes_do_not(project: Path) -> None:
    schema = claims_schema(project)
    claims = yaml.safe_load((project / "claims" / "example.yaml").read_text(encoding="utf-8"))
    claims = json.loads(json.dumps(claims, default=str))
    assert validate(claims, schema, schema) == []
    assert validate(None, schema, schema) == []
    generic = claims_schema(project / "nowhere")
    assert validate(claims, generic, generic) == []
    mistakes = [
        {"topic": "nope", "property": "signed", "value": "1992"},
        {"topic": "treaty", "property": "member_count", "value": 6},
        {"topic": "treaty", "property": "signed", "value": "1992", "extra": 1},
        {"topic": "treaty", "property": "signed"},
        {"topic": "membership", "property": "status", "value": "member"},  # no subject
        {"topic": "membership", "property": "status", "subject": "x", "value": "gone"},
        {"topic": "membership", "property": "member_count", "value": {"least": 3}},
        {"topic": "treaty", "property": "signed", "value": "1992", "as_of": "1993"},
        {"topic": "treaty", "property": "signatories", "value": "russia"},
        {"topic": "treaty", "property": "signed", "value": "1992", "complete": False},
    ]
    for mistake in mistakes:
        assert validate([mistake], schema, schema), mistake


_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
    "number": (int, float),
    "integer": int,
}


def validate(data: Any, schema: Any, root: dict[str, Any], path: str = "$") -> list[str]:
    """The JSON Schema keywords claims_schema uses, checked by hand (jsonschema is not a
    dependency): the errors found, empty when `data` is valid."""
    if schema is True:
        return []
    if schema is False:
        return [f"{path}: not allowed"]
    errors: list[str] = []
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        errors += validate(data, target, root, path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(
            isinstance(data, _TYPES[t])
            and not (isinstance(data, bool) and t in ("number", "integer"))
            for t in types
        ):
            errors.append(f"{path}: not {types}")
    if "enum" in schema and data not in schema["enum"]:
        errors.append(f"{path}: not in {schema['enum']}")
    if "const" in schema and data != schema["const"]:
        errors.append(f"{path}: not {schema['const']!r}")
    if isinstance(data, dict):
        errors += [f"{path}: no {key}" for key in schema.get("required", []) if key not in data]
        if len(data) < schema.get("minProperties", 0):
            errors.append(f"{path}: too few properties")
        for key, value in data.items():
            if key in schema.get("properties", {}):
                errors += validate(value, schema["properties"][key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(data, list):
        if len(data) < schema.get("minItems", 0):
            errors.append(f"{path}: too few items")
        if "items" in schema:
            for number, item in enumerate(data):
                errors += validate(item, schema["items"], root, f"{path}[{number}]")
    for sub in schema.get("allOf", []):
        errors += validate(data, sub, root, path)
    if "oneOf" in schema:
        passing = sum(not validate(data, sub, root, path) for sub in schema["oneOf"])
        if passing != 1:
            errors.append(f"{path}: matches {passing} of oneOf")
    if "if" in schema and not validate(data, schema["if"], root, path):
        errors += validate(data, schema.get("then", True), root, path)
    return errors


def test_add_source_guesses_numbers_as_numbers(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "members.txt"
    article.write_text("بلغ عدد الدول الأعضاء 6 دول في ذلك العام.\n", encoding="utf-8")
    result = run(
        "add-source", "--project", project, article, "--id", "count", "--published", "2022"
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = (project / "claims" / "count.yaml").read_text(encoding="utf-8")
    (block,) = [b for b in _blocks(text) if _about(b, "member_count")]
    assert "#   value: 6  #" in block


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
