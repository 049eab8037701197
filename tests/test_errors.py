"""Bad input: every problem reaches the user as path:line:column: severity: message [code]."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992."
GOOD = (
    "- topic: founding\n  property: treaty_signed\n  value: 1992\n"
    "  quote: وقع عليها روسيا وبيلاروسيا في 15 أيار 1992\n"
)
LINE = re.compile(
    r"^(?P<place>[^:\n]+:\d+:\d+): (?P<severity>error|warning): (?P<message>.*) "
    r"\[(?P<code>[a-z-]+)\]$"
)


def problems(output: str) -> list[tuple[str, str, str, str]]:
    found = []
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            found.append((match["place"], match["severity"], match["code"], match["message"]))
    return found


def check(run, root: Path, *extra: str):
    result = run("check", "--project", root, *extra)
    assert "Traceback" not in result.output
    return result


def only(run, root: Path, code: str) -> tuple[str, str]:
    """Run check, expect exit 2 and exactly one problem with `code`; its place and message."""
    result = check(run, root)
    assert result.exit_code == 2, result.output
    found = [(place, message) for place, _, c, message in problems(result.output) if c == code]
    assert len(found) == 1, result.output
    return found[0]


@pytest.mark.parametrize(
    ("claims", "code", "place", "words"),
    [
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992\n  value: 1993\n",
            "duplicate-key",
            "claims/a.yaml:4:3",
            "first given at line 3",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: !!python/object:os.system x\n",
            "unsafe-tag",
            "claims/a.yaml:3:10",
            "is not allowed",
        ),
        (
            "- topic: fonding\n  property: treaty_signed\n  value: 1992\n",
            "unknown-topic",
            "claims/a.yaml:1:10",
            "did you mean 'founding'",
        ),
        (
            "- topic: founding\n  property: treaty_sign\n  value: 1992\n",
            "unknown-property",
            "claims/a.yaml:2:13",
            "did you mean 'treaty_signed'",
        ),
        (
            "- topic: membership\n  property: status\n  subject: russia\n  value: memebr\n"
            "  as_of: 2000\n",
            "unknown-choice",
            "claims/a.yaml:4:10",
            "did you mean 'member'",
        ),
        (
            "- topic: founding\n  property: headquarters\n  value: Atlantis\n",
            "unknown-entity",
            "claims/a.yaml:3:10",
            "closest:",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 15 May 1992\n",
            "bad-date",
            "claims/a.yaml:3:10",
            "is not an EDTF date",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992-05-15 14:00\n",
            "bad-date",
            "claims/a.yaml:3:10",
            "a time of day is written with its seconds, 1992-05-15T14:00:00",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: '1991-02-29'\n",
            "bad-date",
            "claims/a.yaml:3:10",
            "February 1991 has 28 days",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 2023-02-29\n",
            "bad-date",
            "claims/a.yaml:3:10",
            "February 2023 has 28 days",
        ),
        (
            "- topic: forces\n  property: troops\n  value: '4,000'\n",
            "wrong-type",
            "claims/a.yaml:3:10",
            "expected a number",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n",
            "missing-field",
            "claims/a.yaml:1:3",
            "has no 'value'",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992\n  qoute: x\n",
            "unknown-field",
            "claims/a.yaml:4:3",
            "did you mean 'quote'",
        ),
        (
            "- topic: membership\n  property: status\n  value: member\n",
            "missing-field",
            "claims/a.yaml:1:3",
            "give a 'subject'",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992\n  as_of: 2000\n",
            "unexpected-field",
            "claims/a.yaml:4:3",
            "only for temporal",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992\n  complete: false\n",
            "unexpected-field",
            "claims/a.yaml:4:3",
            "only for entities",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: [1992\n",
            "yaml-syntax",
            "claims/a.yaml:3:10",
            "the list opened here with [ is not closed with ]",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n   value: 1992\n",
            "yaml-syntax",
            "claims/a.yaml:3:9",
            "this line is indented 1 space more than the key above it",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n  value: 1992\n  note: he said: no\n",
            "yaml-syntax",
            "claims/a.yaml:4:16",
            "a value holds ': ': put the value in quotes",
        ),
        (
            '- topic: founding\n  property: treaty_signed\n  value: 1992\n  quote: "signed in\n',
            "yaml-syntax",
            "claims/a.yaml:4:10",
            'the value quoted here with " is never closed',
        ),
        (
            '- topic: founding\n  property: treaty_signed\n  value: 1992\n  quote: "signed in\n\n'
            '- topic: founding\n  property: treaty_signed\n  value: 1993\n  quote: "joined"\n',
            "yaml-syntax",
            "claims/a.yaml:4:10",
            'the value quoted here with " is not closed on its line',
        ),
        (
            "- topic: founding\n  property treaty_signed\n  value: 1992\n",
            "yaml-syntax",
            "claims/a.yaml:2:3",
            "a ':' is missing after its key",
        ),
        (
            "- topic: founding\n  property: treaty_signed\n value: 1992\n",
            "yaml-syntax",
            "claims/a.yaml:3:2",
            "indented less than the list item above it",
        ),
        (
            "topic: founding\n- property: treaty_signed\n",
            "yaml-syntax",
            "claims/a.yaml:2:1",
            "this line is not a key of the mapping above it",
        ),
        ("topic: founding\n", "wrong-type", "claims/a.yaml:1:1", "must be a list"),
    ],
)
def test_claim_errors(make_project, run, claims: str, code: str, place: str, words: str) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims})
    found_place, message = only(run, root, code)
    assert found_place == place
    assert words in message


def test_temporal_claim_with_no_time(make_project, run) -> None:
    root = make_project(
        claims={"a": "- topic: membership\n  property: member_count\n  value: 6\n"},
        **{"sources__a.md": f"---\ntitle: undated\n---\n{TEXT}\n"},
    )
    place, message = only(run, root, "missing-time")
    assert place == "claims/a.yaml:1:3"
    assert "give the claim an 'as_of' date" in message


def test_every_problem_of_a_run_is_reported(make_project, run) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={
            "a": "- topic: fonding\n  property: x\n  value: 1\n"
            "- topic: founding\n  property: treaty_signed\n  value: soon\n",
            "b": "- {topic: founding, property: headquarters, value: Atlantis}\n",
        },
    )
    result = check(run, root)
    assert result.exit_code == 2
    codes = [
        (place, code) for place, severity, code, _ in problems(result.output) if severity == "error"
    ]
    assert codes == [
        ("claims/a.yaml:1:10", "unknown-topic"),
        ("claims/a.yaml:6:10", "bad-date"),
        ("claims/b.yaml:1:52", "unknown-entity"),
    ]
    assert result.output.splitlines()[-1] == "3 errors."


def test_claims_file_with_no_source(make_project, run) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": GOOD, "ab": GOOD})
    place, message = only(run, root, "no-source")
    assert place == "claims/ab.yaml:1:1"
    assert "expected sources/ab.md" in message


def test_bad_source_id_and_front_matter(make_project, run) -> None:
    root = make_project(
        **{
            "sources__Bad_Id.md": "---\n---\ntext\n",
            "sources__plain.md": "no front matter\n",
            "sources__dated.md": "---\npublished: last year\n---\ntext\n",
        }
    )
    result = check(run, root)
    assert result.exit_code == 2
    found = {(place, code) for place, _, code, _ in problems(result.output)}
    assert found == {
        ("sources/Bad_Id.md:1:1", "bad-source-id"),
        ("sources/plain.md:1:1", "no-front-matter"),
        ("sources/dated.md:2:12", "bad-date"),
    }


def test_undecodable_bytes(make_project, run) -> None:
    root = make_project(sources={"a": ("2022", TEXT)})
    (root / "claims").mkdir()
    (root / "claims/a.yaml").write_bytes(b"- topic: founding\n  note: caf\xe9\n")
    place, message = only(run, root, "bad-encoding")
    assert place == "claims/a.yaml:2:12"
    assert "0xe9 is not UTF-8" in message


def test_alias_bomb_is_refused_quickly(make_project, run) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        bomb += (
            f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, "
            f"*{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
        )
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": bomb})
    place, message = only(run, root, "yaml-alias-bomb")
    assert place.startswith("claims/a.yaml:")
    assert "write the values out" in message


def test_recursive_alias_is_refused(make_project, run) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": "- &a [*a]\n"})
    result = check(run, root)
    assert result.exit_code == 2
    assert {code for _, _, code, _ in problems(result.output)} & {
        "yaml-too-deep",
        "yaml-alias-bomb",
    }


def test_oversized_file(make_project, run, monkeypatch) -> None:
    from reconcile import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 5000)
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": GOOD * 100})
    place, message = only(run, root, "file-too-large")
    assert place == "claims/a.yaml:1:1"
    assert "the limit is 5,000 bytes" in message


def test_path_outside_the_project(make_project, run, tmp_path) -> None:
    root = make_project(sources={"a": ("2022", TEXT)})
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(GOOD, encoding="utf-8")
    (root / "claims").mkdir()
    (root / "claims/a.yaml").symlink_to(outside)
    place, _ = only(run, root, "outside-project")
    assert place == "claims/a.yaml:1:1"


CONFIG_ERRORS = [
    (
        "entities:\n  country:\n    a: {aliases: [Minsk]}\n    b: {aliases: [minsk]}\ntopics: {}\n",
        "shared-name",
        "reconcile.yaml:4:8",
        "belongs to both country.a",
    ),
    (
        "topics:\n  t:\n    properties:\n      p: {type: dates}\n",
        "bad-type",
        "reconcile.yaml:4:17",
        "did you mean 'date'",
    ),
    (
        "topics:\n  t:\n    properties:\n      p: {type: entity, kind: planet}\n",
        "unknown-kind",
        "reconcile.yaml:4:31",
        "does not define",
    ),
    (
        "topics:\n  t:\n    properties:\n      p: {type: choice}\n",
        "missing-field",
        "reconcile.yaml:4:10",
        "needs a list of 'choices'",
    ),
    (
        "settings: {alias_threshold: 120}\ntopics: {}\n",
        "bad-setting",
        "reconcile.yaml:1:29",
        "from 0 to 100",
    ),
    ("title: x\n", "missing-field", "reconcile.yaml:1:1", "has no 'topics'"),
    (
        "entities:\n  country:\n    a: {aliases: ['«»']}\ntopics: {}\n",
        "empty-name",
        "reconcile.yaml:3:8",
        "no letters or digits",
    ),
]


@pytest.mark.parametrize(("config", "code", "place", "words"), CONFIG_ERRORS)
def test_config_errors(make_project, run, config: str, code: str, place: str, words: str) -> None:
    root = make_project(config=config)
    found_place, message = only(run, root, code)
    assert found_place == place
    assert words in message


def test_resolution_errors(make_project, run) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT)},
        claims={"a": GOOD},
        **{
            "resolutions.yaml": "- topic: founding\n  property: headquarters\n  value: russia\n"
            "  reason: r\n"
            "- topic: founding\n  property: treaty_signed\n  value: never\n"
            "  reason: r\n"
        },
    )
    result = check(run, root)
    assert result.exit_code == 2
    found = [(place, code) for place, _, code, _ in problems(result.output)]
    assert found == [("resolutions.yaml:1:3", "no-group"), ("resolutions.yaml:7:10", "bad-date")]


def test_no_project(tmp_path, run) -> None:
    result = run("check", "--project", tmp_path)
    assert result.exit_code == 2
    assert "reconcile.yaml:1:1: error: no reconcile.yaml in" in result.output
    assert "[no-project]" in result.output


def test_errors_as_json(make_project, run) -> None:
    import json

    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": "- topic: nope\n"})
    result = run("check", "--project", root, "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["groups"] == []
    assert {p["code"] for p in data["problems"]} == {"missing-field", "unknown-topic"}
    assert all(
        {"severity", "code", "file", "line", "column", "message"} <= p.keys()
        for p in data["problems"]
    )


def test_a_tab_gets_a_plain_explanation(make_project, run) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": GOOD + "\tnote: x\n"})
    place, message = only(run, root, "yaml-syntax")
    assert place == "claims/a.yaml:5:1"
    assert message == "invalid YAML: a tab cannot indent YAML; use spaces"


def test_a_missing_topic_is_reported_once(make_project, run) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT)}, claims={"a": "- property: treaty_signed\n  value: 1992\n"}
    )
    result = check(run, root)
    assert result.exit_code == 2
    assert [(p, c) for p, _, c, _ in problems(result.output)] == [
        ("claims/a.yaml:1:3", "missing-field")
    ]


def test_a_keyword_yaml_reads_as_false_says_to_quote_it(make_project, run) -> None:
    config = "topics:\n  t:\n    properties:\n      p: {type: boolean, keywords: [off, 'on']}\n"
    result = check(run, make_project(config=config))
    assert result.exit_code == 2
    [(place, _, code, message)] = problems(result.output)
    assert (place, code) == ("reconcile.yaml:4:37", "wrong-type")
    assert "not true/false" in message and "quote the word ('off')" in message


def test_a_label_cut_by_its_comma_says_to_quote_it(make_project, run) -> None:
    config = "topics:\n  t:\n    properties:\n      p: {type: number, label: {en: Dead, by area}}\n"
    result = check(run, make_project(config=config))
    assert result.exit_code == 2
    [(_, _, code, message)] = problems(result.output)
    assert code == "wrong-type" and "quote a label that holds one" in message


def test_config_values_of_the_wrong_shape(make_project, run) -> None:
    config = (
        "topics:\n  t:\n    properties:\n      p: {type: entity, kind: [x]}\n"
        "      q: {type: choice, choices: [{a: 1}], subject: {x: 1}}\n    label: {en: [1]}\n"
        "entities:\n  country:\n    a: {aliases: [[1]]}\n"
    )
    result = check(run, make_project(config=config))
    assert result.exit_code == 2
    assert [(p, c) for p, _, c, _ in problems(result.output)] == [
        ("reconcile.yaml:4:31", "unknown-kind"),
        ("reconcile.yaml:5:34", "missing-field"),
        ("reconcile.yaml:5:35", "wrong-type"),
        ("reconcile.yaml:5:53", "unknown-kind"),
        ("reconcile.yaml:6:12", "wrong-type"),
        ("reconcile.yaml:9:19", "wrong-type"),
    ]
