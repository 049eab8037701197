"""The fast claims-file reader: where it reads a file, it reads it exactly as PyYAML does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.fastyaml import parse_claims_list
from reconcile.problems import ReconcileError
from reconcile.yamlfile import YamlList, YamlMap, parse_yaml

ROOT = Path(__file__).resolve().parent.parent

KEYS = ["topic", "property", "value", "subject", "quote", "as_of", "note", "yes", "on", "x_1"]
VALUES = [
    "events",
    "2015",
    "2022-05",
    "2022-05-30",
    "2022-02-30",
    "~",
    "null",
    "Null",
    "-5",
    "-",
    "- x",
    "1e3",
    "1.5",
    ".inf",
    "-.inf",
    ".nan",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "12:30",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "a b ",
    ":x",
    "?x",
    "&a x",
    "*a",
    "!x y",
    "!!str 1",
    "%x",
    "@x",
    "`x",
    "|",
    ">-",
    "yes",
    "No",
    "off",
    "true",
    "روسيا",
    "وروسيا 2015",
    '"q"',
    '"a\\"b"',
    '"a\\tb"',
    '"قال: «نعم»"',
    '"a # b"',
    '"a" # c',
    '"a"b',
    "'it''s'",
    "'a'",
    "'a \"b\"'",
    "[a, b]",
    '[a, "b, c"]',
    "[a,]",
    "[]",
    "[ ]",
    "[a: b]",
    "[a, [b]]",
    "[2015, -3, x y]",
    "[\"روسيا\", 'ب']",
    "{a: 1}",
    "[a] # c",
    "[a]]",
    "a, b",
    "x]",
    "2015 # year",
    "",
    " ",
]
LINES = st.one_of(
    st.builds(lambda k, v: f"- {k}: {v}", st.sampled_from(KEYS), st.sampled_from(VALUES)),
    st.builds(lambda k, v: f"  {k}: {v}", st.sampled_from(KEYS), st.sampled_from(VALUES)),
    st.sampled_from(
        [
            "",
            "  ",
            "# a comment",
            "  # indented",
            "---",
            "...",
            "-",
            "- x",
            "   key: v",
            "\tkey: v",
            "    more words",
            "  key:",
            "-  key: v",
            "key: v",
            "- 'q': v",
            "%YAML 1.1",
        ]
    ),
)
ITEMS = st.lists(
    st.tuples(
        st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(VALUES)), min_size=1, max_size=4),
        st.sampled_from(["", "# between", "  "]),
    ),
    min_size=1,
    max_size=4,
)


def _shape(value: Any) -> Any:
    """Everything a loader looks at: values, their types and every place."""
    if isinstance(value, YamlMap):
        return (
            "map",
            value.place,
            [
                (k, value.key_places[k], value.value_places[k], value.place_of(k), _shape(v))
                for k, v in value.items()
            ],
            value.place_of("absent"),
        )
    if isinstance(value, YamlList):
        return ("list", value.place, list(value.places), [_shape(v) for v in value])
    return (type(value), value)


def _same_as_pyyaml(text: str) -> bool:
    fast = parse_claims_list(text, "claims/x.yaml")
    if fast is None:
        return False
    try:
        slow = parse_yaml(text, "claims/x.yaml")
    except ReconcileError as exc:  # pragma: no cover - a failure to explain
        pytest.fail(f"read fast, but PyYAML refuses it: {exc.problems}\n{text}")
    assert _shape(fast) == _shape(slow)
    return True


@given(st.lists(LINES, min_size=1, max_size=8), st.booleans())
def test_read_as_pyyaml_reads(lines: list[str], newline: bool) -> None:
    _same_as_pyyaml("\n".join(lines) + ("\n" if newline else ""))


@given(ITEMS)
def test_items_read_as_pyyaml_reads(items: list[tuple[list[tuple[str, str]], str]]) -> None:
    lines = []
    for fields, between in items:
        lines += [f"{'- ' if i == 0 else '  '}{k}: {v}" for i, (k, v) in enumerate(fields)]
        lines.append(between)
    _same_as_pyyaml("\n".join(lines))


@pytest.mark.parametrize(
    "path",
    sorted(ROOT.glob("claims/*.yaml")) + sorted(ROOT.glob("benchmarks/projects/*/claims/*.yaml")),
)
def test_project_files(path: Path) -> None:
    _same_as_pyyaml(path.read_text(encoding="utf-8"))


def test_reads_the_usual_shape() -> None:
    text = (
        "# a comment\n"
        "- topic: events\n"
        '  quote: "في عام 2015 # ليس تعليقا"\n'
        '  value: [روسيا, "Russian Federation", 2015]  # a comment\n'
        "\n"
        "- topic: events\n"
        "  value: 2022-05-30\n"
        "  as_of: 2015\n"
    )
    assert _same_as_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "- note: >-\n    folded\n",
        '- quote: "two\n    lines"\n',
        "- a: 1\n  a: 2\n",
        "- value: a: b\n",
        '- value: "a\\"b"\n',
        "- value: &x 1\n",
        "- value: !!str 1\n",
        "- value: {a: 1}\n",
        "- value: [a,]\n",
        "- value:\n    - a\n",
        "- value: 2022-02-30\n",
        "---\n- a: 1\n",
        "- a: 1\r\n",
        "- a: 1\t\n",
        "# only a comment\n",
        "",
    ],
)
def test_leaves_the_rest_to_pyyaml(text: str) -> None:
    assert parse_claims_list(text, "claims/x.yaml") is None
