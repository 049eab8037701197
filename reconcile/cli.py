"""The command line: a thin door onto the library. Parses options, calls, prints, exits."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from reconcile.compare import compare
from reconcile.load import load_project
from reconcile.model import Report
from reconcile.problems import Problem, ReconcileError
from reconcile.render import FORMATS, write_report
from reconcile.render.text import check_text, problems_text, written_text

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, as linters use them.
EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2


def project_option(command: F) -> F:
    """The `--project DIR` option every command takes."""
    return click.option(
        "--project",
        "project_dir",
        default=".",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="The project folder (the one holding reconcile.yaml).",
    )(command)


def _colour() -> bool | None:
    return False if os.environ.get("NO_COLOR") else None  # None: colour only on a terminal


def _echo(text: str = "", *, err: bool = False) -> None:
    click.echo(text, err=err, color=_colour())


def _coloured(*, err: bool = False) -> bool:
    """Whether to colour what goes to stdout (or stderr): on a terminal, unless NO_COLOR."""
    stream = sys.stderr if err else sys.stdout
    return not os.environ.get("NO_COLOR") and stream.isatty()


def _print_problems(problems: tuple[Problem, ...], *, err: bool) -> None:
    if problems:
        _echo(problems_text(problems, colour=_coloured(err=err)), err=err)


def _fail(exc: ReconcileError, *, err: bool = True, writes: bool = True) -> NoReturn:
    _print_problems(exc.problems, err=err)
    errors = len(exc.errors)
    summary = f"{errors} error{'s' * (errors != 1)}"
    _echo(f"{summary}; nothing was written." if writes else f"{summary}.", err=err)
    sys.exit(EXIT_BAD_INPUT)


def _exit_code(report: Report, strict: bool) -> int:
    if report.unresolved_conflicts or (strict and report.problems):
        return EXIT_CONFLICTS
    return EXIT_CLEAN


def _load(project_dir: Path, fmt: str = "text", *, writes: bool = False) -> Report:
    try:
        return compare(load_project(project_dir))
    except ReconcileError as exc:
        if fmt == "json":
            from reconcile.render.data import error_data, to_json

            _echo(to_json(error_data(exc.problems)))
            sys.exit(EXIT_BAD_INPUT)
        _fail(exc, err=writes, writes=writes)


def handle_errors(command: F) -> F:
    """Turn a ReconcileError escaping a command into its problems and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ReconcileError as exc:
            _fail(exc)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="reconcile-sources", prog_name="reconcile")
def cli() -> None:
    """Find, before publication, every place where your sources disagree.

    A project is a folder: reconcile.yaml (topics, entities, settings), sources/<id>.md
    (the articles), claims/<id>.yaml (what each article claims) and resolutions.yaml
    (editorial decisions). Exit codes: 0 no unresolved conflict, 1 unresolved conflicts
    remain (with --strict, warnings too), 2 bad input or usage.
    """


@cli.command()
@project_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def check(project_dir: Path, fmt: str, strict: bool) -> None:
    """Load, validate and compare; print every conflict and every problem."""
    report = _load(project_dir, fmt)
    if fmt == "json":
        from reconcile.render.data import render_json

        _echo(render_json(report).rstrip("\n"))
    else:
        _echo(check_text(report, colour=_coloured()))
    sys.exit(_exit_code(report, strict))


@cli.command()
@project_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="The report's format.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it [default: reports/consistency.<format> in the project].",
)
@click.option(
    "--ui-language",
    type=click.Choice(["en", "ar"]),
    default="en",
    show_default=True,
    help="The language of the page's own words (HTML only).",
)
@click.option(
    "--timestamp",
    is_flag=True,
    help="Say in the report when it was generated (off: same input, same bytes).",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@handle_errors
def report(
    project_dir: Path,
    fmt: str,
    output: Path | None,
    ui_language: str,
    timestamp: bool,
    strict: bool,
) -> None:
    """Write the consistency report, disagreements first."""
    result = _load(project_dir, writes=True)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") if timestamp else None
    target = output or project_dir / "reports" / f"consistency.{fmt}"
    written = write_report(result, fmt, target, ui_language=ui_language, generated=generated)
    _print_problems(result.problems, err=True)
    _echo(written_text(result, written))
    sys.exit(_exit_code(result, strict))


@cli.command("add-source")
@project_option
@click.argument("source")
@click.option(
    "--id", "source_id", required=True, help="The source id: lowercase letters, digits, hyphens."
)
@click.option("--title")
@click.option("--author")
@click.option("--publisher")
@click.option("--url")
@click.option("--published", help="An EDTF date: 2022, 2022-05, 2022-05-30, 2013~ …")
@click.option("--language", help="The article's language, e.g. ar or en.")
@handle_errors
def add_source(project_dir: Path, source: str, source_id: str, **meta: str | None) -> None:
    """Add an article as sources/ID.md, with claims/ID.yaml of suggested claims.

    SOURCE is a text, Markdown, HTML or Word (.docx) file, - for standard input, or an
    http(s) URL. Title, author, publisher, date and URL come from the page's metadata where
    the options do not give them.
    """
    from reconcile.addsource import add_source as add

    stdin = sys.stdin.buffer if source == "-" else None
    given = {key: value for key, value in meta.items() if value is not None}
    source_path, claims_path, suggested = add(project_dir, source, source_id, stdin=stdin, **given)
    _echo(f"wrote {source_path}")
    _echo(
        f"wrote {claims_path} with {suggested} suggested claims, commented out: "
        "uncomment and correct the ones that hold"
    )


@cli.command()
@project_option
@click.argument("source_id", metavar="ID")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the suggestions to this new file (never one that exists) instead of printing.",
)
@handle_errors
def suggest(project_dir: Path, source_id: str, output: Path | None) -> None:
    """Print suggested claims for sources/ID.md, leaving out those claims/ID.yaml holds."""
    from reconcile.addsource import suggest_for_source
    from reconcile.files import create_file

    suggestions, text = suggest_for_source(project_dir, source_id)
    if output is None:
        _echo(text.rstrip("\n") if suggestions else f"no new suggestions for {source_id}")
        return
    create_file(output, str(output), text)
    _echo(f"wrote {output} with {len(suggestions)} suggested claims, commented out")


@cli.command()
@project_option
@click.argument("topic")
@click.argument("property_id", metavar="PROPERTY")
@click.option("--subject", help="The entity the property is about, for per-entity properties.")
@click.option("--as-of", help="For temporal properties: the EDTF time the decision covers.")
@click.option(
    "--value", required=True, help='The accepted value, as in a claims file (a list as "[a, b]").'
)
@click.option("--reason", required=True, help="Why this value is right.")
@click.option("--reference", help="Where the true fact can be checked (a URL).")
@click.option("--by", help="Who decided.")
@click.option("--decided", help="When (default: today), as YYYY-MM-DD.")
@handle_errors
def resolve(project_dir: Path, topic: str, property_id: str, **options: str | None) -> None:
    """Record an editorial decision on a disputed fact in resolutions.yaml."""
    from reconcile.resolve import add_resolution

    value, reason = options.pop("value"), options.pop("reason")
    assert value is not None and reason is not None
    add_resolution(project_dir, topic, property_id, value, reason, **options)
    _echo(f"added a resolution of {topic}.{property_id} to {project_dir / 'resolutions.yaml'}")


@cli.command()
@project_option
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def init(project_dir: Path, directory: Path | None) -> None:
    """Start an empty project in DIRECTORY (or --project), with a commented example of each file."""
    from reconcile.init import init_project

    for path in init_project(directory or project_dir):
        _echo(f"wrote {path}")


@cli.command()
@project_option
def schema(project_dir: Path) -> None:
    """Print the JSON Schema of claims files, for editor autocompletion."""
    import json

    from reconcile.schema import claims_schema

    _echo(json.dumps(claims_schema(project_dir), ensure_ascii=False, indent=2))


def main() -> None:
    cli(prog_name="reconcile")
