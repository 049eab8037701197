"""`reconcile add-source`: the article copied verbatim; nothing overwritten, nothing half-done."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.addsource import add_source
from reconcile.articles import read_article
from reconcile.init import init_project
from reconcile.load import load_project
from writes import (
    ARTICLE,
    EXIT_CLEAN,
    assert_error,
    new_project,
    run,
    snapshot,
    write_article,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


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
    assert "wrote sources/tass-2022.md\nwrote claims/tass-2022.yaml" in result.output
    data = source.read_bytes()
    text = ARTICLE.replace("\r\n", "\n")  # the article's text as read: plain line endings
    assert data.endswith(text.encode("utf-8"))
    front = data[: len(data) - len(text.encode("utf-8"))].decode("utf-8")
    assert front.startswith("---") and front.rstrip().endswith("---")
    loaded = load_project(project).sources["tass-2022"]
    assert loaded.text == text
    assert loaded.title == "A \"title\": with # and 'quotes'"
    assert loaded.url == "https://x.org/a?b#c"
    assert loaded.author == "yes"
    assert loaded.published is not None and loaded.published.edtf == "2022-05-30"
    assert loaded.language == "ar"  # an Arabic article in an English project


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
    article.write_bytes("first line\nNaïve café\n".encode("latin-1"))
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
    # a leading BOM is an encoding mark; a NUL byte makes a file binary, not an article
    text = "".join(words).lstrip("\ufeff").replace("\x00", "")
    article = root / "article.txt"
    article.write_bytes(text.encode("utf-8", "surrogatepass"))
    _, claims, count = add_source(root, article, "art", title=text[:20] or None)
    written = claims.read_text(encoding="utf-8")
    assert yaml.safe_load(written) is None
    assert len(re.findall(r"^# - topic: .*  # line \d+", written, re.MULTILINE)) == count
    loaded = load_project(root).sources["art"]
    assert loaded.text == read_article(str(article)).text
    assert (loaded.title or None) == (text[:20] or None)
