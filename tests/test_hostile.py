"""Hostile input and faults: each gets a clear error and exit 2, or the right answer; never a
traceback, and nothing the user wrote changes."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile.cli import cli
from writes import snapshot

SIGNED = """\
- topic: founding
  property: treaty_signed
  value: 1992-05-15
  quote: وقع عليها روسيا
"""
TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992"
HEX = "0x" + "f" * 4000


def invoke(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def assert_clean_failure(result: Result, *codes: str) -> None:
    """Exit 2 with the problems' codes (or click's usage error), and no traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    for code in codes:
        assert f"[{code}]" in result.output, result.output


def project(make_project, claims: str = SIGNED, **files: str) -> Path:
    root: Path = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims}, **files)
    return root


# -- huge and oddly written integers --------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["title", "published", "text value", "alias", "number value"],
)
def test_a_hex_integer_of_4000_digits_is_a_clear_error_anywhere(make_project, where) -> None:
    from conftest import CONFIG

    config, claims, published = CONFIG, SIGNED, "2022"
    if where == "title":
        config = config.replace("title: Test desk", f"title: {HEX}")
    elif where == "alias":
        config = config.replace("aliases: [Россия]", f"aliases: [{HEX}]")
    elif where == "published":
        published = HEX
    elif where == "text value":
        claims = f"- {{topic: founding, property: charter, value: {HEX}}}\n"
    else:
        claims = f"- {{topic: forces, property: troops, value: {HEX}}}\n"
    root = make_project(sources={"a": (published, TEXT)}, claims={"a": claims}, config=config)
    started = time.monotonic()
    result = invoke("check", "--project", root)
    assert_clean_failure(result, "bad-value")
    assert time.monotonic() - started < 10
    assert "f" * 200 not in result.output  # the message does not copy the whole number


def test_a_sexagesimal_integer_of_300000_parts_is_read_fast(make_project) -> None:
    parts = ":".join(["1"] + ["2"] * 300_000)
    root = project(make_project, f"- {{topic: forces, property: troops, value: {parts}}}\n")
    started = time.monotonic()
    result = invoke("check", "--project", root)
    assert time.monotonic() - started < 10
    assert_clean_failure(result)
    assert "Traceback" not in result.output


def test_sexagesimal_and_hex_are_read_as_the_core_schema_reads_them() -> None:
    from reconcile.yamlfile import parse_yaml

    assert parse_yaml("[1:30, 0x1F, 1_000, -12, 1:30.5]", "x") == ["1:30", 31, 1000, -12, "1:30.5"]


# -- option values get the limits files get ----------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--as-of", "1992-13-45"),
        ("--as-of", "[" * 3000),
        ("--as-of", "2000/1990"),
        ("--value", "[" * 3000),
        ("--value", "&a [*a]"),
        ("--value", "[" * 3000 + "]" * 3000),
    ],
)
def test_a_bad_option_value_is_a_usage_error(make_project, option, value) -> None:
    root = project(make_project)
    before = snapshot(root)
    args = ["resolve", "--project", root, "membership", "status", "--subject", "russia"]
    args += ["--value", "member", "--as-of", "2022", "--reason", "checked"]
    args[args.index(option) + 1] = value
    result = invoke(*args)
    assert_clean_failure(result)
    assert option in result.output
    assert snapshot(root) == before


def _laughs(levels: int, width: int = 10) -> str:
    lines = ["{a0: &a0 [lol]"]
    for n in range(1, levels + 1):
        lines.append(f", a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    return "".join(lines) + "}"


@pytest.mark.parametrize("levels", [7, 9])
def test_a_billion_laughs_value_is_refused_fast(make_project, levels) -> None:
    root = project(make_project)
    before = snapshot(root)
    started = time.monotonic()
    result = invoke(
        *("resolve", "--project", root, "founding", "treaty_signed"),
        *("--value", _laughs(levels), "--reason", "checked"),
    )
    assert time.monotonic() - started < 10
    assert_clean_failure(result)
    assert "--value" in result.output and "alias" in result.output
    assert snapshot(root) == before


def test_an_empty_reason_is_refused(make_project) -> None:
    root = project(make_project)
    before = snapshot(root)
    result = invoke(
        "resolve", "--project", root, "founding", "treaty_signed", "--value", "1992", "--reason", ""
    )
    assert_clean_failure(result)
    assert "--reason" in result.output
    assert snapshot(root) == before


def test_a_yaml_date_given_for_text_is_shown_as_written(make_project) -> None:
    root = project(make_project, "- {topic: founding, property: charter, value: 2022-01-01}\n")
    result = invoke("check", "--project", root)
    assert "datetime" not in result.output
    assert "2022-01-01" in result.output


@pytest.mark.parametrize("option", ["--title", "--author", "--publisher", "--url", "--language"])
def test_bytes_that_are_not_utf8_in_an_add_source_option_are_a_usage_error(
    make_project, tmp_path, option
) -> None:
    root = project(make_project)
    article = tmp_path / "article.txt"
    article.write_text("Some text.\n", encoding="utf-8")
    before = snapshot(root)
    result = invoke("add-source", "--project", root, article, "--id", "b", option, "caf\udce9")
    assert_clean_failure(result)
    assert option in result.output
    assert snapshot(root) == before


def test_bytes_that_are_not_utf8_in_the_reason_are_blamed_on_the_option(make_project) -> None:
    root = project(make_project)
    before = snapshot(root)
    result = invoke(
        *("resolve", "--project", root, "founding", "treaty_signed", "--value", "1992"),
        *("--reason", "caf\udce9"),
    )
    assert_clean_failure(result)
    assert "--reason" in result.output and "cannot-append" not in result.output
    assert snapshot(root) == before


# -- folders and files that cannot be read ------------------------------------------------------


@pytest.mark.parametrize("folder", ["sources", "claims"])
def test_an_unreadable_folder_is_a_clear_error(make_project, monkeypatch, folder) -> None:
    root = project(make_project)
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = invoke("check", "--project", root)
    assert_clean_failure(result, "unreadable-folder")
    assert f"{folder}/" in result.output


def test_a_project_that_is_a_symlink_loop_is_a_clear_error(tmp_path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for command in (["check"], ["report"], ["resolve", "t", "p", "--value", "1", "--reason", "r"]):
        result = invoke(command[0], "--project", loop, *command[1:])
        assert result.exit_code == 2, result.output
        assert ("Traceback" not in result.output and result.exception is None) or isinstance(
            result.exception, SystemExit
        )


def test_a_resolutions_file_that_is_a_symlink_loop_is_an_error(make_project) -> None:
    root = project(make_project)
    (root / "resolutions.yaml").symlink_to(root / "resolutions.yaml")
    before = snapshot(root)
    assert_clean_failure(invoke("check", "--project", root), "unreadable-file")
    result = invoke(
        "resolve",
        "--project",
        root,
        "founding",
        "treaty_signed",
        "--value",
        "1992",
        "--reason",
        "r",
    )
    assert_clean_failure(result, "unreadable-file")
    assert snapshot(root) == before


def test_a_resolutions_file_that_is_a_folder_is_an_error(make_project) -> None:
    root = project(make_project)
    (root / "resolutions.yaml").mkdir()
    assert_clean_failure(invoke("check", "--project", root), "unreadable-file")


def test_a_config_linked_from_outside_the_project_is_outside_project(
    make_project, tmp_path
) -> None:
    root = project(make_project)
    outside = tmp_path / "elsewhere.yaml"
    (root / "reconcile.yaml").rename(outside)
    (root / "reconcile.yaml").symlink_to(outside)
    assert_clean_failure(invoke("check", "--project", root), "outside-project")


def test_a_dangling_claims_link_has_its_own_message(make_project) -> None:
    root = project(make_project)
    (root / "claims" / "x.yaml").symlink_to(root / "nowhere.yaml")
    result = invoke("check", "--project", root)
    assert "[broken-link]" in result.output
    assert "claims/x.yaml" in result.output and "*.yaml files" not in result.output


def test_add_source_from_dev_zero_is_bounded(make_project) -> None:
    root = project(make_project)
    before = snapshot(root)
    started = time.monotonic()
    result = invoke("add-source", "--project", root, "/dev/zero", "--id", "zero")
    assert time.monotonic() - started < 30
    assert_clean_failure(result, "article-too-large")
    assert snapshot(root) == before


def test_leftover_temporary_files_are_ignored(make_project) -> None:
    root = project(make_project)
    (root / "claims" / ".a.yaml.reconcile-tmp-x1y2").write_text("- [broken", encoding="utf-8")
    (root / "sources" / ".b.md.reconcile-tmp-x1y2").write_text("junk", encoding="utf-8")
    (root / ".resolutions.yaml.reconcile-tmp-x1y2").write_text("junk", encoding="utf-8")
    result = invoke("check", "--project", root)
    assert result.exit_code == 0, result.output
    assert "reconcile-tmp" not in result.output


# -- silently wrong -----------------------------------------------------------------------------


def test_a_reversed_interval_is_an_error(make_project) -> None:
    claims = SIGNED.replace("1992-05-15", "2000/1990")
    assert_clean_failure(invoke("check", "--project", project(make_project, claims)), "bad-date")


def test_ids_that_join_alike_get_distinct_anchors() -> None:
    from reconcile.model import Group, Label, Property, Status, Topic
    from reconcile.values import PropertyType

    def group(topic: str, prop: str) -> Group:
        label = Label((("", topic),))
        return Group(
            Topic(topic, label, {}),
            Property(topic, prop, PropertyType.TEXT, label),
            None,
            Status.SINGLE,
            (),
        )

    assert group("a--b", "c").anchor != group("a", "b--c").anchor
    assert group("a-", "b").anchor != group("a", "-b").anchor
    assert group("treaty", "signed").anchor == "g-treaty--signed"


# -- report never writes onto the project's own input --------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["sources/a.md", "reconcile.yaml", "resolutions.yaml", "claims/a.yaml", "sources/n.md"],
)
def test_report_refuses_to_write_onto_the_projects_input(make_project, target) -> None:
    root = project(make_project, **{"resolutions.yaml": "[]\n"})
    before = snapshot(root)
    for fmt in ("md", "html"):
        result = invoke("report", "--project", root, "--format", fmt, "--output", root / target)
        assert_clean_failure(result, "output-is-input")
    assert snapshot(root) == before


def test_report_refuses_a_project_file_linked_from_outside_the_project(
    make_project, tmp_path
) -> None:
    root = project(make_project)
    outside = tmp_path / "kept-elsewhere.yaml"
    outside.write_text("[]\n", encoding="utf-8")
    (root / "resolutions.yaml").unlink(missing_ok=True)
    (root / "resolutions.yaml").symlink_to(outside)
    result = invoke("report", "--project", root, "--format", "md", "--output", outside)
    assert_clean_failure(result, "output-is-input")
    assert outside.read_text(encoding="utf-8") == "[]\n"


# -- output that could be turned against its reader ----------------------------------------------

HOSTILE_CONFIG_TITLE = 'title: "<script>alert(1)</script> \\e]0;pwned\\a \\e]8;;http://x\\e\\\\"'


def test_check_makes_terminal_escapes_visible(make_project, monkeypatch) -> None:
    from conftest import CONFIG

    monkeypatch.setenv("NO_COLOR", "1")
    config = CONFIG.replace("title: Test desk", HOSTILE_CONFIG_TITLE)
    good = SIGNED + '  note: "\\e[31mred\\x9b"\n'
    bad = '- {topic: founding, property: "nope\\e]0;x\\a\\x9b", value: 1}\n'
    roots = [
        make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims}, config=config)
        for claims in (good, bad)
    ]
    for root in roots:
        for command in (["check"], ["check", "--format", "json"], ["report", "--format", "md"]):
            result = invoke(command[0], "--project", root, *command[1:])
            assert "\x1b" not in result.output and "\x07" not in result.output, result.output
            assert "\x9b" not in result.output
    assert "\\x1b]0;pwned" in invoke("check", "--project", roots[0]).output
    assert "\\x1b]0;x" in invoke("check", "--project", roots[1]).output


def test_markdown_escapes_html_and_its_own_metacharacters(make_project) -> None:
    from conftest import CONFIG

    config = CONFIG.replace("title: Test desk", 'title: "<script>alert(1)</script> *bold*"')
    claims = (
        "- {topic: founding, property: charter, value: '<img src=x onerror=alert(1)>', "
        "quote: وقع عليها روسيا}\n"
        "- {topic: founding, property: charter, value: '[link](javascript:alert(1)) | x', "
        "quote: وقع عليها}\n"
    )
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims}, config=config)
    out = root / "r.md"
    invoke("report", "--project", root, "--format", "md", "--output", out)
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text
    assert "[link](javascript" not in text
    assert "&lt;script&gt;" in text or "\\<script\\>" in text


def test_the_markdown_escape_function() -> None:
    from reconcile.render.markdown import md

    assert md("<b>*x*</b> | [a](b) `c` \x1b") == (
        "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[a\\](b) \\`c\\` \\\\x1b"
    )


def test_csv_neutralises_cells_that_a_spreadsheet_would_run(make_project) -> None:
    claims = (
        '- {topic: founding, property: charter, value: \'=HYPERLINK("http://x","y")\', '
        "quote: '+1 وقع'}\n"
        "- {topic: founding, property: charter, value: '@SUM(A1)', quote: '-2+3'}\n"
        "- {topic: forces, property: troops, value: -5, note: x}\n"
    )
    root = project(make_project, claims)
    out = root / "r.csv"
    invoke("report", "--project", root, "--format", "csv", "--output", out)
    import csv

    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [cell for cell in cells if cell[0] in "=+@\t\r" or cell.startswith("-2")]
    assert "'=HYPERLINK" in "".join(cells) and "-5" in [row["value"] for row in rows]


def test_the_csv_cell_function() -> None:
    from reconcile.render.data import csv_cell

    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("+x") == "'+x"
    assert csv_cell("-x") == "'-x"
    assert csv_cell("@x") == "'@x"
    assert csv_cell("\tx") == "'\tx"
    assert csv_cell("\rx") == "'\rx"
    assert csv_cell("-5") == "-5"
    assert csv_cell("-2.5e3") == "-2.5e3"
    assert csv_cell(-5) == -5
    assert csv_cell("plain") == "plain"


def test_real_process_gets_the_same_answers(make_project, tmp_path) -> None:
    """A few of the cases above, as a real process: exit 2, no traceback."""
    import subprocess

    root = project(make_project)
    base = [sys.executable, "-m", "reconcile"]
    args = ["resolve", "--project", str(root), "founding", "treaty_signed", "--reason", "r"]
    env = {**os.environ, "PYTHONUTF8": "0"}
    for extra in (["--value", "&a [*a]"], ["--value", "1992", "--as-of", "1992-13-45"]):
        done = subprocess.run([*base, *args, *extra], capture_output=True, env=env, timeout=120)
        assert done.returncode == 2, done.stderr
        assert b"Traceback" not in done.stderr
    title = os.fsencode("caf") + b"\xe9"
    article = tmp_path / "a.txt"
    article.write_text("text\n", encoding="utf-8")
    command = [*base, "add-source", "--project", str(root), str(article), "--id", "c"]
    done = subprocess.run([*map(os.fsencode, command), b"--title", title], capture_output=True)
    assert done.returncode == 2 and b"--title" in done.stderr, done.stderr
    assert not (root / "sources" / "c.md").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["init", "desk\x00"],
        ["check", "--project", "desk\x00"],
        ["report", "-o", "out\x00.html"],
        ["diff", "base\x00.json"],
        ["add-source", "article\x00.txt", "--id", "x"],
        ["suggest", "x", "-o", "out\x00.yaml"],
    ],
    ids=["init", "check", "report", "diff", "add-source", "suggest"],
)
def test_a_path_with_a_nul_byte_is_a_usage_error(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "a path cannot hold a NUL byte" in result.output
