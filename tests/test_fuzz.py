"""Whatever a user types, reconcile answers with problems and an exit code, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.cli import cli

PIECES = [
    "- ",
    "topic: ",
    "founding",
    "membership",
    "property: ",
    "treaty_signed",
    "status",
    "signatories",
    "member_count",
    "value: ",
    "subject: ",
    "as_of: ",
    "quote: ",
    "complete: ",
    "approximate: ",
    "note: ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "\n",
    "\n  ",
    "  ",
    "&a ",
    "*a",
    "!!python/object ",
    "!x ",
    "1992",
    "1992-05-15",
    "199X",
    "1992~",
    "-1",
    "4,000",
    "{min: 3}",
    "true",
    "null",
    "~",
    "'",
    '"',
    "#",
    "روسيا",
    "وبيلاروسيا",
    "أوزباكستان",
    "\t",
    "…",
    "...",
    "---",
    "%YAML 1.2",
    "? ",
    "|",
    ">",
    "\\",
    "\x00",
    "\ufeff",
    "<<: ",
]

yaml_ish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


FIELDS = [
    "topic",
    "property",
    "value",
    "subject",
    "quote",
    "as_of",
    "complete",
    "approximate",
    "note",
    "reason",
    "qoute",
]
WORDS = [
    "founding",
    "membership",
    "forces",
    "treaty_signed",
    "headquarters",
    "signatories",
    "status",
    "member_count",
    "troops",
    "charter",
    "binding",
    "member",
    "withdrawn",
    "روسيا",
    "وبيلاروسيا",
    "أوزباكستان",
    "russia",
    "Atlantis",
    "1992",
    "199X",
    "1992~",
    "1990/..",
    "15 May",
    "4,000",
    "",
    " ",
    "…",
]
scalars = st.one_of(
    st.sampled_from(WORDS),
    st.integers(-10, 10**6),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["min", "max", "x"]), inner, max_size=3),
    ),
    max_leaves=8,
)
claim_lists = st.lists(
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=7), max_size=5
).map(lambda items: yaml.safe_dump(items, allow_unicode=True))
any_text = st.one_of(yaml_ish, claim_lists)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(claims=any_text, resolutions=any_text, front=yaml_ish)
def test_any_input_gets_an_answer(make_project, claims: str, resolutions: str, front: str) -> None:
    from click.testing import CliRunner

    root: Path = make_project(
        sources={"a": ("2022", "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992")},
        claims={"a": claims},
        **{
            "resolutions.yaml": resolutions,
            "sources__b.md": f"---\n{front}\n---\ntext\n",
            "claims__b.yaml": claims,
        },
    )
    for fmt in ("text", "json"):
        result = CliRunner().invoke(cli, ["check", "--project", str(root), "--format", fmt])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1, 2)


config_values = st.recursive(
    st.one_of(
        st.sampled_from([*WORDS, "country", "date", "entities", "choice", "number", "5%"]),
        st.integers(-5, 200),
        st.booleans(),
        st.none(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "kind",
                    "choices",
                    "subject",
                    "temporal",
                    "tolerance",
                    "label",
                    "keywords",
                    "aliases",
                    "en",
                    "ar",
                    "properties",
                    "p",
                    "belarus",
                    "country",
                    "t",
                ]
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
properties = st.fixed_dictionaries(
    {
        "type": st.one_of(
            st.sampled_from(["date", "number", "entity", "entities", "choice", "boolean", "text"]),
            config_values,
        )
    },
    optional={
        key: config_values
        for key in ("kind", "choices", "subject", "temporal", "tolerance", "label", "keywords", "x")
    },
)
configs = st.fixed_dictionaries(
    {},
    optional={
        "title": config_values,
        "language": config_values,
        "entities": st.one_of(
            config_values,
            st.fixed_dictionaries(
                {
                    "country": st.dictionaries(
                        st.sampled_from(["russia", "belarus"]),
                        st.one_of(
                            config_values,
                            st.fixed_dictionaries(
                                {}, optional={"label": config_values, "aliases": config_values}
                            ),
                        ),
                        max_size=2,
                    )
                }
            ),
        ),
        "topics": st.one_of(
            config_values,
            st.dictionaries(
                st.sampled_from(["founding", "membership"]),
                st.fixed_dictionaries(
                    {
                        "properties": st.dictionaries(
                            st.sampled_from(["treaty_signed", "status", "signatories"]),
                            properties,
                            max_size=3,
                        )
                    },
                    optional={"label": config_values},
                ),
                max_size=2,
            ),
        ),
        "settings": st.dictionaries(
            st.sampled_from(
                ["alias_threshold", "quote_threshold", "number_tolerance", "text_threshold", "x"]
            ),
            config_values,
            max_size=3,
        ),
    },
).map(lambda config: yaml.safe_dump(config, allow_unicode=True))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(config=configs, claims=any_text)
def test_any_project_file_gets_an_answer(make_project, config: str, claims: str) -> None:
    from click.testing import CliRunner

    root: Path = make_project(config=config, sources={"a": ("2022", "نص")}, claims={"a": claims})
    result = CliRunner().invoke(cli, ["check", "--project", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2)


OPTION_PIECES = [
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!binary ",
    "0x" + "f" * 50,
    "1:2:3",
    "1992-13-45",
    "2000/1990",
    "1992",
    "-",
    "--",
    ":",
    "#",
    "'",
    '"',
    "\x00",
    "\x1b]0;t\x07",
    "\udce9",
    "\ud800",
    "…",
    "روسيا",
    "\n",
    "",
]
option_text = st.one_of(
    st.text(max_size=30),
    st.lists(st.sampled_from(OPTION_PIECES), max_size=12).map("".join),
)


def _answers(args: list[str]) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.output,
        result.exc_info,
    )
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output


@settings(
    max_examples=max(EXAMPLES // 3, 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(["resolve", "add-source", "report", "check", "diff", "schema", "init"]),
    values=st.lists(option_text, min_size=9, max_size=9),
)
def test_any_option_value_gets_an_answer(
    make_project, tmp_path_factory, command: str, values: list[str]
) -> None:
    root: Path = make_project(
        sources={"a": ("2022", "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992")},
        claims={"a": "- {topic: founding, property: treaty_signed, value: 1992}\n"},
    )
    project = ["--project", str(root)]
    if command == "resolve":
        args = ["resolve", *project, values[0] or "founding", values[1] or "treaty_signed"]
        for option, value in zip(
            ["--subject", "--as-of", "--value", "--reason", "--reference", "--by", "--decided"],
            values[2:],
            strict=True,
        ):
            args += [option, value]
    elif command == "add-source":
        article = tmp_path_factory.mktemp("article") / "a.txt"
        article.write_text("وقع عليها روسيا في 1992.\n", encoding="utf-8")
        args = ["add-source", *project, str(article), "--id", values[0]]
        for option, value in zip(
            ["--title", "--author", "--publisher", "--url", "--published", "--language"],
            values[1:],
            strict=False,
        ):
            args += [option, value]
    elif command == "report":
        target = tmp_path_factory.mktemp("out") / ((values[1] or "r").replace("/", "_")[:40])
        args = ["report", *project, "--format", values[0], "--output", str(target)]
    elif command == "diff":
        args = ["diff", *project, values[0] or "x", "--format", values[1]]
    elif command == "init":
        args = ["init", str(tmp_path_factory.mktemp("init") / (values[0] or "p").replace("/", "_"))]
    else:
        args = [command, *project, "--format", values[0]] if command == "check" else [command]
    _answers(args)
