"""The command line as users meet it: CliRunner for every path, and real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992. أوزبكستان عضو"
SIGNED_ON = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992"


def claim(prop: str, value: str, quote: str = "وقع عليها روسيا", extra: str = "") -> str:
    return f"- topic: founding\n  property: {prop}\n  value: {value}\n  quote: {quote}\n{extra}"


@pytest.fixture
def conflicted(make_project) -> Path:
    return make_project(
        sources={"a": ("2022", TEXT), "b": ("2013", TEXT)},
        claims={
            "a": claim("treaty_signed", "1992-05-15", quote=SIGNED_ON) + claim("binding", "true"),
            "b": claim("treaty_signed", "1993", quote="قال شيئا آخر تماما"),
        },
    )


@pytest.fixture
def clean(make_project) -> Path:
    return make_project(
        sources={"a": ("2022", TEXT), "b": ("2013", TEXT)},
        claims={"a": claim("treaty_signed", "1992-05-15"), "b": claim("treaty_signed", "1992")},
    )


def test_check_prints_conflicts_and_problems(run, conflicted: Path) -> None:
    result = run("check", "--project", conflicted)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("Test desk: 2 sources, 3 claims, 2 groups: 1 conflict, 1 single")
    assert "CONFLICT founding.treaty_signed: Founding › Treaty signed" in result.output
    assert "  a  15 May 1992  [claims/a.yaml:1:3]" in result.output
    assert "  b  1993  [claims/b.yaml:1:3]" in result.output
    assert f"     “{SIGNED_ON}” (exact)" in result.output
    assert (
        "claims/b.yaml:4:10: warning: quote not found in sources/b.md (best match" in result.output
    )
    assert lines[-1] == "1 unresolved conflict, 0 misquotes, 1 warning."
    assert "\x1b[" not in result.output  # no colour off a terminal


def test_check_exit_codes(run, clean: Path, conflicted: Path, tmp_path: Path) -> None:
    assert run("check", "--project", clean).exit_code == 0
    assert run("check", "--project", conflicted).exit_code == 1
    assert run("check", "--project", tmp_path).exit_code == 2
    assert run("check", "--project", clean, "--format", "yaml").exit_code == 2  # usage


def test_strict_counts_warnings(run, make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT)},
        claims={"a": "- {topic: founding, property: binding, value: true}\n"},
    )
    assert run("check", "--project", root).exit_code == 0
    strict = run("check", "--project", root, "--strict")
    assert strict.exit_code == 1
    assert "[no-quote]" in strict.output


def test_check_json_is_the_spec_object(run, conflicted: Path) -> None:
    result = run("check", "--project", conflicted, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["version", "project", "summary", "sources", "groups", "problems"]
    assert data["summary"] == {
        "sources": 2,
        "claims": 3,
        "groups": 2,
        "by_status": {
            "conflict": 1,
            "resolved": 0,
            "changed": 0,
            "compatible": 0,
            "single": 1,
            "agree": 0,
        },
    }
    group = data["groups"][0]
    assert (group["topic"], group["property"], group["subject"], group["status"]) == (
        "founding",
        "treaty_signed",
        None,
        "conflict",
    )
    first = group["claims"][0]
    assert {
        k: first[k] for k in ("source", "value", "as_of", "quote_status", "file", "line", "verdict")
    } == {
        "source": "a",
        "value": "1992-05-15",
        "as_of": None,
        "quote_status": "exact",
        "file": "claims/a.yaml",
        "line": 1,
        "verdict": None,
    }
    assert data["problems"][0]["code"] == "quote-not-found"
    assert data["sources"][0] == {
        "id": "a",
        "title": "Source a",
        "published": "2022",
        "language": "ar",
        "claims": 2,
    }
    assert list(group) == [
        "topic",
        "property",
        "subject",
        "status",
        "claims",
        "contradicting",
        "members",
        "resolution",
    ]
    assert list(first) == [
        "source",
        "value",
        "as_of",
        "quote",
        "quote_status",
        "file",
        "line",
        "verdict",
    ]


def test_json_is_deterministic(run, conflicted: Path) -> None:
    first = run("check", "--project", conflicted, "--format", "json").stdout
    assert first == run("check", "--project", conflicted, "--format", "json").stdout


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("json", '{\n  "version": 1'),
        ("csv", "source,topic,property,subject,value"),
        ("md", "# Test desk"),
    ],
)
def test_report_formats(run, conflicted: Path, fmt: str, start: str) -> None:
    result = run("report", "--project", conflicted, "--format", fmt)
    assert result.exit_code == 1  # written, but conflicts remain
    target = conflicted / "reports" / f"consistency.{fmt}"
    assert result.stdout.splitlines()[0] == f"reports/consistency.{fmt}"  # from the project
    assert target.read_text(encoding="utf-8").startswith(start)


def test_report_to_an_output_path(run, clean: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "r.csv"
    result = run("report", "--project", clean, "--format", "csv", "--output", out)
    assert result.exit_code == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3
    assert rows[1].startswith("a,founding,treaty_signed,,1992-05-15,1992-05-15,")


def test_no_report_while_there_are_errors(run, make_project) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": "- topic: nope\n"})
    result = run("report", "--project", root)
    assert result.exit_code == 2
    assert not (root / "reports").exists()
    assert "nothing was written" in result.stderr


def test_user_files_are_never_changed(run, conflicted: Path) -> None:
    before = {p: p.read_bytes() for p in conflicted.rglob("*") if p.is_file()}
    run("check", "--project", conflicted)
    run("report", "--project", conflicted, "--format", "json")
    assert {p: p.read_bytes() for p in before} == before


def test_every_command_has_help(run) -> None:
    for command in ("check", "report", "add-source", "resolve", "init", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Usage: " in result.output
    assert run("--help").exit_code == 0


def _real(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_real_process(conflicted: Path) -> None:
    result = _real("check", "--project", conflicted)
    assert result.returncode == 1
    assert "CONFLICT founding.treaty_signed" in result.stdout
    assert "Traceback" not in result.stderr


def test_console_script(clean: Path) -> None:
    script = Path(sys.executable).with_name("reconcile")
    result = subprocess.run(
        [script, "check", "--project", clean], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Test desk: 2 sources")


def test_colour_only_on_a_terminal_and_never_with_no_color(conflicted: Path) -> None:
    import pty

    def through_terminal(env: dict[str, str]) -> bytes:
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "reconcile", "check", "--project", str(conflicted)],
            stdout=follower,
            stderr=follower,
            env={**os.environ, **env},
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
        os.close(leader)
        return b"".join(chunks)

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert b"\x1b[" in through_terminal({**env})
    assert b"\x1b[" not in through_terminal({"NO_COLOR": "1"})


def test_help_starts_without_pandas() -> None:
    code = (
        "import sys; from reconcile.cli import cli; "
        "print('pandas' in sys.modules, 'jinja2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_help_imports_no_heavy_library() -> None:
    heavy = ["pandas", "jinja2", "edtf", "rapidfuzz", "yaml", "trafilatura", "babel", "num2words"]
    code = (
        "import sys; from reconcile.cli import main; sys.argv = ['reconcile', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(*[name for name in {heavy!r} if name in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1].strip() == ""


def test_the_report_formats_are_those_of_render() -> None:
    from reconcile import cli as cli_module
    from reconcile.render import FORMATS

    assert cli_module.FORMATS == FORMATS


def test_a_report_that_cannot_be_written_is_an_error(run, clean: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("report", "--project", clean, "--output", blocker / "r.html")
    assert result.exit_code == 2
    assert f"error: cannot write {blocker / 'r.html'}: " in result.stderr
    assert "[unwritable-file]" in result.stderr


def test_every_command_takes_project(run, clean: Path) -> None:
    for command in ("check", "report", "add-source", "resolve", "init", "schema"):
        assert "--project DIRECTORY" in run(command, "--help").output


def test_init_in_project_folder(run, tmp_path: Path) -> None:
    result = run("init", "--project", tmp_path / "desk")
    assert result.exit_code == 0
    assert (tmp_path / "desk" / "reconcile.yaml").is_file()
