"""The claims add-source suggests: sentences that hold a keyword, with the values seen in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reconcile.load import load_config, load_project
from reconcile.suggest import sentences, suggest_claims
from writes import (
    EXIT_CLEAN,
    about,
    new_project,
    run,
    suggested_blocks,
    write_article,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


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
    blocks = suggested_blocks(text)
    signed = [b for b in blocks if about(b, "signed")]
    assert len(signed) == 1
    assert "value: 1992-05-15" in signed[0]
    assert 'quote: "وقّع عليها في طشقند في 15 أيار 1992' in signed[0]
    signatories = next(b for b in blocks if about(b, "signatories"))
    assert "value: [tashkent" not in signatories
    assert "value: [russia, armenia, kazakhstan, kyrgyzstan, tajikistan, uzbekistan]" in signatories
    status = next(b for b in blocks if about(b, "status"))
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
    signed = next(
        b for b in suggested_blocks(claims.read_text(encoding="utf-8")) if about(b, "signed")
    )
    claims.write_text("\n".join(line[2:] for line in signed.splitlines()) + "\n", encoding="utf-8")
    loaded = load_project(project)
    claim = next(c for c in loaded.claims if c.source == "tass")
    assert (claim.topic, claim.property, claim.value.canonical()) == (
        "treaty",
        "signed",
        "1992-05-15",
    )
    assert claim.quote_match.status == "exact"


def test_add_source_without_any_keyword_explains_how_to_write_claims(
    project: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path, "Nothing relevant here.\n")
    result = run("add-source", "--project", project, article, "--id", "plain")
    assert result.exit_code == EXIT_CLEAN
    assert "with 0 suggested claims" in result.output
    text = (project / "claims" / "plain.yaml").read_text(encoding="utf-8")
    assert "nothing is\n# suggested" in text and yaml.safe_load(text) is None


def test_add_source_guesses_numbers_as_numbers(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "members.txt"
    article.write_text("بلغ عدد الدول الأعضاء 6 دول في ذلك العام.\n", encoding="utf-8")
    result = run(
        "add-source", "--project", project, article, "--id", "count", "--published", "2022"
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = (project / "claims" / "count.yaml").read_text(encoding="utf-8")
    (block,) = [b for b in suggested_blocks(text) if about(b, "member_count")]
    assert "#   value: 6  #" in block


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
            "وَوقّعت الدول عام 1991. تحالف قوي عام 1992. ووقعت عام 1993. They SIGNED it in 1994."
            " It was cosigned in 1995.",
            config,
        )
    }
    assert ("signed", "وَوقّعت الدول عام 1991.") in found
    assert ("signed", "ووقعت عام 1993.") in found
    assert ("signed", "They SIGNED it in 1994.") in found
    assert ("signed", "It was cosigned in 1995.") not in found
    assert not any(sentence == "تحالف قوي عام 1992." for _, sentence in found)
