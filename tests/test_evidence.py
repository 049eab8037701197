"""SPEC §4: a quote must prove its claim. A near match that changes a fact is `quote-misquoted`
(and fails the run); a date, number or entity its quote does not mention is
`value-not-in-quote`. Through the command line, by message and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.evidence import date_ends, shown_words

CONFIG = """\
title: Quotes desk
language: en
entities:
  city:
    kuala-lumpur: {label: Kuala Lumpur}
    bangkok: {label: Bangkok}
  country:
    russia: {label: {en: Russia, ar: روسيا, ru: Россия}}
    belarus: {label: {en: Belarus, ar: بيلاروسيا, ru: Беларусь}}
    armenia: {label: {en: Armenia, ar: أرمينيا, ru: Армения}}
topics:
  bloc:
    properties:
      members: {type: number}
      founded: {type: date}
      venue: {type: entity, kind: city}
      signatories: {type: entities, kind: country}
      joined: {type: boolean}
"""


def claim(prop: str, value: str, quote: str) -> str:
    return f'- topic: bloc\n  property: {prop}\n  value: {value}\n  quote: "{quote}"\n'


def source(text: str, language: str) -> str:
    return f"---\ntitle: S\npublished: 2024\nlanguage: {language}\n---\n{text}\n"


def project(make_project, text: str, language: str, *claims: str) -> Path:
    root: Path = make_project(
        claims={"s": "".join(claims)}, config=CONFIG, **{"sources__s.md": source(text, language)}
    )
    return root


EN = (
    "The leaders met in Kuala Lumpur on 15 May 1992, bringing the grouping to nine members. "
    "Russia and Belarus signed at once. They did sign the charter. Each participant signed."
)
AR = "وقعت على المعاهدة في ذلك العام ست دول من دول الاتحاد السوفيتي السابق بينها روسيا وأرمينيا."
RU = "Договор в Ташкенте подписали шесть стран, среди них Россия и Армения, в мае 1992 года."

MISQUOTES = [
    (EN, "en", "members", "10", "bringing the grouping to ten members", "'ten'", "'nine'"),
    (EN, "en", "venue", "bangkok", "The leaders met in Bangkok on 15 May 1992", "'Bangkok'",
     "'Kuala Lumpur'"),
    (EN, "en", "joined", "true", "They did not sign the charter", "'did not'", "'did'"),
    (AR, "ar", "members", "7", "وقعت على المعاهدة في ذلك العام سبع دول من دول الاتحاد السوفيتي",
     "'سبع'", "'ست'"),
    (AR, "ar", "signatories", "[بيلاروسيا]",
     "ست دول من دول الاتحاد السوفيتي السابق بينها بيلاروسيا وأرمينيا", "'بيلاروسيا'",
     "'روسيا'"),
    (AR, "ar", "joined", "false", "لم توقع على المعاهدة في ذلك العام ست دول من دول الاتحاد",
     "'لم توقع'", "'وقعت'"),
    (RU, "ru", "members", "7", "Договор в Ташкенте подписали семь стран", "'семь'", "'шесть'"),
    (RU, "ru", "signatories", "[Беларусь]", "подписали шесть стран, среди них Беларусь и Армения",
     "'Беларусь'", "'Россия'"),
    (RU, "ru", "joined", "false", "Договор в Ташкенте не подписали шесть стран", "'Ташкенте не'",
     "'Ташкенте'"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "prop", "value", "quote", "said", "source_said"),
                         MISQUOTES)  # fmt: skip
def test_a_misquote_names_the_words_and_fails_the_run(
    make_project, run, text, language, prop, value, quote, said, source_said
) -> None:
    root = project(make_project, text, language, claim(prop, value, quote))
    result = run("check", "--project", root)
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if "[quote-misquoted]" in line)
    assert line.startswith("claims/s.yaml:4:10: warning: quote changes a fact of the source (")
    assert f"similar): the quote says {said}, the source says {source_said} [quote-misquoted]" in (
        line
    )
    assert "[quote-approximate]" not in result.output
    assert "1 misquote," in result.output.splitlines()[-1]


def test_a_typo_stays_approximate(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("joined", "true", "Each particpant signed"))
    result = run("check", "--project", root)
    assert result.exit_code == 0
    assert "claims/s.yaml:4:10: warning: quote found only approximately" in result.output
    assert "[quote-misquoted]" not in result.output


def test_misquotes_fail_check_and_report_but_exit_zero_turns_them_off(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("members", "10", MISQUOTES[0][4]))
    assert run("check", "--project", root).exit_code == 1
    assert run("report", "--project", root, "--format", "json").exit_code == 1


VALUES = [
    ("founded", "1993", "The leaders met in Kuala Lumpur on 15 May 1992", "1993"),
    ("founded", "1992-06-16", "The leaders met in Kuala Lumpur on 15 May", "1992 or 16 June"),
    ("members", "8", "bringing the grouping to nine members", "8"),
    ("venue", "bangkok", "The leaders met in Kuala Lumpur", "Bangkok"),
    ("signatories", "[Russia, Belarus, Armenia]", "Russia and Belarus signed at once", "Armenia"),
]


@pytest.mark.parametrize(("prop", "value", "quote", "missing"), VALUES)
def test_a_value_its_quote_does_not_mention(make_project, run, prop, value, quote, missing):
    root = project(make_project, EN, "en", claim(prop, value, quote))
    result = run("check", "--project", root)
    assert result.exit_code == 0
    assert (
        f"claims/s.yaml:3:10: warning: the quote does not mention {missing}: check the value, "
        "or quote the words that give it [value-not-in-quote]"
    ) in result.output


@pytest.mark.parametrize(
    ("prop", "value", "quote"),
    [
        ("founded", "1992-05-15", "on 15 May 1992"),
        ("founded", "1993", "in 1992 … the following year"),
        ("members", "9", "bringing the grouping to nine members"),
        ("venue", "kuala-lumpur", "The leaders met in Kuala Lumpur"),
        ("signatories", "[Russia, Belarus]", "Russia and Belarus signed at once"),
        ("joined", "true", "They did sign the charter"),  # booleans are not checked
    ],
)
def test_a_value_its_quote_mentions(make_project, run, prop, value, quote) -> None:
    text = EN + " It began in 1992 and grew the following year."
    if "following" in quote:
        quote = "It began in 1992 and grew the following year"
    root = project(make_project, text, "en", claim(prop, value, quote))
    result = run("check", "--project", root)
    assert "[value-not-in-quote]" not in result.output, result.output


@pytest.mark.parametrize(
    ("sentence", "value", "warned"),
    [
        ("The fire began in a kitchen on the fourth floor", "4", False),
        ("The fire began in a kitchen on the fourth floor", "5", True),
        ("The last of the workers found was a man in his 20s", "{min: 20, max: 29}", False),
        ("The last of the workers found was a man in his 20s", "{min: 20, max: 30}", True),
    ],
)
def test_an_ordinal_or_a_decade_mentions_its_number_to_check(
    make_project, run, sentence, value, warned
) -> None:
    root = project(make_project, f"{EN} {sentence}.", "en", claim("members", value, sentence))
    result = run("check", "--project", root)
    assert ("[value-not-in-quote]" in result.output) is warned, result.output


@pytest.mark.parametrize(
    ("value", "quote", "warned"),
    [
        ("2024-11-03", "The leaders were pelted with mud on Sunday", False),
        ("2024-11-02", "The leaders were pelted with mud on Sunday", True),
        ("2024-03", "The leaders had met in March", False),
        ("2023-12", "in December", False),  # the last December
        ("2024-12", "in December", True),  # not yet come
    ],
)
def test_a_date_the_quote_counts_from_the_articles_day(make_project, run, value, quote, warned):
    """An article of Sunday 3 November 2024 dates "on Sunday" and "in March" from its day."""
    text = "The leaders were pelted with mud on Sunday. The leaders had met in March, in December."
    root: Path = make_project(
        claims={"s": claim("founded", value, quote)},
        config=CONFIG,
        **{"sources__s.md": f"---\ntitle: S\npublished: 2024-11-03\nlanguage: en\n---\n{text}\n"},
    )
    result = run("check", "--project", root)
    assert ("[value-not-in-quote]" in result.output) is warned, result.output


@pytest.mark.parametrize(
    ("value", "warned"), [("2030/2033", False), ("2030/2039", True), ("2037/2039", True)]
)
def test_a_part_of_a_decade_mentions_its_years(make_project, run, value, warned) -> None:
    sentence = "The first boats arrive in the early 2030s"
    root = project(make_project, f"{EN} {sentence}.", "en", claim("founded", value, sentence))
    result = run("check", "--project", root)
    assert ("[value-not-in-quote]" in result.output) is warned, result.output


def test_a_quote_not_found_is_not_checked_for_its_value(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("members", "8", "something else entirely"))
    result = run("check", "--project", root)
    assert "[quote-not-found]" in result.output
    assert "[value-not-in-quote]" not in result.output
    assert "[quote-misquoted]" not in result.output


def test_check_text_shows_the_misquote_with_its_words_marked(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("members", "10", MISQUOTES[0][4]))
    output = run("check", "--project", root).output
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("MISQUOTE "))
    assert lines[at] == (
        "MISQUOTE s bloc.members: the quote says 'ten' for 'nine'  [claims/s.yaml:1:3]"
    )
    assert lines[at + 1] == "  quote: “bringing the grouping to ten members”"
    assert lines[at + 2] == "  found: “bringing the grouping to nine members”"
    assert lines[at + 3] == "  diff:  bringing the grouping to [-nine-] {+ten+} members"
    assert lines[-1] == "0 unresolved conflicts, 1 misquote, 1 warning."


def test_json_says_misquoted_and_names_the_words(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("members", "10", MISQUOTES[0][4]))
    data = json.loads(run("check", "--project", root, "--format", "json").output)
    [group] = data["groups"]
    assert group["claims"][0]["quote_status"] == "misquoted"
    [problem] = data["problems"]
    assert problem["code"] == "quote-misquoted"
    assert "the quote says 'ten', the source says 'nine'" in problem["message"]


def test_json_names_the_contradicting_pairs(make_project, run) -> None:
    text = "Nine members. Ten members. Nine members again."
    claims = {
        "a": claim("members", "9", "Nine members"),
        "b": claim("members", "10", "Ten members"),
        "c": claim("members", "9", "Nine members again"),
    }
    sources = {f"sources__{s}.md": source(text, "en") for s in claims}
    root = make_project(claims=claims, config=CONFIG, **sources)
    data = json.loads(run("check", "--project", root, "--format", "json").output)
    [group] = data["groups"]
    assert list(group)[5] == "contradicting"
    assert [c["source"] for c in group["claims"]] == ["a", "b", "c"]
    assert group["contradicting"] == [[0, 1], [1, 2]]
    text_output = run("check", "--project", root).output
    # the text names each value once, with every source that gives it
    assert "  contradicting: a, c 9 ≠ b 10" in text_output.splitlines()


def test_json_contradicting_is_empty_when_claims_agree(make_project, run) -> None:
    root = project(make_project, EN, "en", claim("members", "9", "to nine members"))
    data = json.loads(run("check", "--project", root, "--format", "json").output)
    assert data["groups"][0]["contradicting"] == []


def test_a_real_process_exits_1_on_a_misquote(make_project) -> None:
    root = project(make_project, EN, "en", claim("members", "10", MISQUOTES[0][4]))
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", "--project", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "the quote says 'ten', the source says 'nine' [quote-misquoted]" in done.stdout


def test_the_words_named_are_as_written() -> None:
    assert shown_words("وقعت «ستة» دول", (1, 2)) == "ستة"
    assert shown_words("Bringing it to NINE, members", (3, 4)) == "NINE"


@pytest.mark.parametrize(
    ("edtf", "ends"),
    [
        ("1992", [(1992, None, None)]),
        ("1992-05-15", [(1992, 5, 15)]),
        ("1992-05", [(1992, 5, None)]),
        ("1991-12/1993", [(1991, 12, None), (1993, None, None)]),
        ("199X", []),
        ("1992~", [(1992, None, None)]),
        ("1992-21", [(1992, None, None)]),  # a season gives no month
        ("../1993", [(1993, None, None)]),
    ],
)
def test_the_parts_of_a_date_the_quote_must_give(edtf, ends) -> None:
    assert date_ends(edtf) == tuple(ends)


def test_a_number_found_approximately_is_found_whole() -> None:
    from reconcile.quotes import SourceText

    match = SourceText("It measured magnitude 7.8 at dawn.").find("measured magnitude 7.6", 90)
    assert match.found == "measured magnitude 7.8"


def test_a_contradiction_says_its_time_and_the_tolerance_that_applied(make_project, run) -> None:
    config = CONFIG + (
        '  toll:\n    properties:\n      killed: {type: number, temporal: true, tolerance: "2%"}\n'
    )
    text = "By the evening 371 people had died. About 1,300 people had died."
    claims = {
        "almashhad": "- topic: toll\n  property: killed\n  value: 371\n  as_of: 2023-02-06\n"
        '  quote: "371 people had died"\n',
        "pledgetimes": "- topic: toll\n  property: killed\n  value: 1300\n  approximate: true\n"
        '  as_of: 2023-02\n  quote: "About 1,300 people had died"\n',
    }
    sources = {f"sources__{s}.md": source(text, "en") for s in claims}
    root = make_project(claims=claims, config=config, **sources)
    output = run("check", "--project", root).output
    assert (
        "  contradicting: 6 February 2023: almashhad 371 ≠ pledgetimes about 1,300 (±2 %)"
        in output.splitlines()
    ), output


def test_a_name_the_quote_holds_as_the_claim_wrote_it_is_mentioned(make_project, run) -> None:
    """The name a value was read from, standing in the quote, needs no other search: a name
    written family name first, which a close spelling took as its entity, is mentioned."""
    config = (
        "title: Names\nlanguage: en\nentities:\n  person:\n"
        "    hu-pm: {label: Viktor Orbán}\n    sk-pm: {label: Robert Fico}\n"
        "topics:\n  talks:\n    properties:\n      host: {type: entity, kind: person}\n"
    )
    text = "The talks were hosted by Orbán Viktor in Budapest."
    claims = "- topic: talks\n  property: host\n  value: Orbán Viktor\n"
    claims += '  quote: "hosted by Orbán Viktor in Budapest"\n'
    root = make_project(
        claims={"s": claims}, config=config, **{"sources__s.md": source(text, "en")}
    )
    result = run("check", "--project", root)
    assert "taken as person 'hu-pm'" in result.output, result.output
    assert "[value-not-in-quote]" not in result.output, result.output
