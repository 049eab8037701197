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
from reconcile.gcpause import cycle_collector_paused
from reconcile.load import load_project
from reconcile.model import Report
from reconcile.problems import Problem, ReconcileError
from reconcile.render import FORMATS, refuse_input_as_output, write_report
from reconcile.render.text import check_text, problems_text, written_text

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, as linters use them.
EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2


class Text(click.ParamType):  # type: ignore[type-arg]
    """Text to be written into a project file: refused when it holds bytes that are not UTF-8,
    or (with `required`) when it is empty; `check` adds a test of what it says."""

    name = "text"

    def __init__(
        self, *, nonempty: bool = False, check: Callable[[str], str | None] | None = None
    ) -> None:
        self.nonempty, self.check = nonempty, check

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from reconcile.options import encoding_problem

        problem = encoding_problem(value)
        if problem is None and self.nonempty and not value:
            problem = "is empty; say it in words"
        if problem is None and self.check is not None:
            problem = self.check(value)
        if problem is not None:
            self.fail(_visible(problem), param, ctx)
        return value


def _visible(text: str) -> str:
    from reconcile.render.text import visible

    return visible(text)


def _json_text(text: str) -> str:
    from reconcile.render.text import visible_json

    return visible_json(text)


def _date_problem(text: str) -> str | None:
    from reconcile.options import date_problem

    return date_problem(text)


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


def _echo(text: str = "", *, err: bool = False, styled: bool = False) -> None:
    """Print `text`, its control characters made visible (`styled`: the caller did that)."""
    click.echo(text if styled else _visible(text), err=err, color=_colour())


def _coloured(*, err: bool = False) -> bool:
    """Whether to colour what goes to stdout (or stderr): on a terminal, unless NO_COLOR."""
    stream = sys.stderr if err else sys.stdout
    return not os.environ.get("NO_COLOR") and stream.isatty()


def _print_problems(problems: tuple[Problem, ...], *, err: bool) -> None:
    if problems:
        _echo(problems_text(problems, colour=_coloured(err=err)), err=err, styled=True)


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

            _echo(_json_text(to_json(error_data(exc.problems))), styled=True)
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

        _echo(_json_text(render_json(report).rstrip("\n")), styled=True)
    else:
        _echo(check_text(report, colour=_coloured()), styled=True)
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
    target = output or project_dir / "reports" / f"consistency.{fmt}"
    refuse_input_as_output(project_dir, target)
    result = _load(project_dir, writes=True)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") if timestamp else None
    written = write_report(result, fmt, target, ui_language=ui_language, generated=generated)
    _print_problems(result.problems, err=True)
    _echo(written_text(result, written))
    sys.exit(_exit_code(result, strict))


@cli.command("add-source")
@project_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--id",
    "source_id",
    required=True,
    type=Text(),
    help="The source id: lowercase letters, digits, hyphens.",
)
@click.option("--title", type=Text())
@click.option("--author", type=Text())
@click.option("--publisher", type=Text())
@click.option("--url", type=Text())
@click.option("--published", type=Text(), help="An EDTF date: 2022, 2022-05, 2022-05-30, 2013~ …")
@click.option("--language", type=Text(), help="The article's language, e.g. ar or en.")
@handle_errors
def add_source(project_dir: Path, file: Path, source_id: str, **meta: str | None) -> None:
    """Add an article as sources/ID.md, with claims/ID.yaml of suggested claims."""
    from reconcile.addsource import add_source as add

    source_path, claims_path, suggested = add(project_dir, file, source_id, **meta)
    _echo(f"wrote {source_path}")
    _echo(
        f"wrote {claims_path} with {suggested} suggested claims, commented out: "
        "uncomment and correct the ones that hold"
    )


@cli.command()
@project_option
@click.argument("topic", type=Text())
@click.argument("property_id", metavar="PROPERTY", type=Text())
@click.option(
    "--subject",
    type=Text(),
    help="The entity the property is about, for per-entity properties.",
)
@click.option(
    "--as-of",
    type=Text(check=_date_problem),
    help="For temporal properties: the EDTF time the decision covers.",
)
@click.option(
    "--value",
    required=True,
    type=Text(nonempty=True),
    help='The accepted value, as in a claims file (a list as "[a, b]").',
)
@click.option("--reason", required=True, type=Text(nonempty=True), help="Why this value is right.")
@click.option("--reference", type=Text(), help="Where the true fact can be checked (a URL).")
@click.option("--by", type=Text(), help="Who decided.")
@click.option("--decided", type=Text(), help="When (default: today), as YYYY-MM-DD.")
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


# -- reconcile diff: what changed since an earlier state ----------------------------------------


@cli.command("diff")
@project_option
@click.argument("baseline")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs, Markdown for a desk's log.",
)
def diff_command(project_dir: Path, baseline: str, fmt: str) -> None:
    """What changed since BASELINE: groups new or gone, statuses, claims, resolutions, misquotes.

    BASELINE is a JSON file written earlier by `reconcile check --format json` (or `report
    --format json`), or, in a git repository, a revision: HEAD, main~3, a tag. A name that is
    both an existing file and a revision is read as the file. Exit codes: 0 nothing got worse;
    1 a new conflict or misquote appeared, or a group's status got worse; 2 bad input.
    """
    from reconcile.baseline import read_baseline
    from reconcile.diff import diff, snapshot_data
    from reconcile.render.diff import render_diff

    try:
        earlier = read_baseline(baseline, project_dir)
    except ReconcileError as exc:
        _fail(exc, writes=False)
    result = diff(earlier.snapshot, snapshot_data(_load(project_dir, fmt)))
    text = render_diff(result, earlier, fmt).rstrip("\n")
    _echo(_json_text(text) if fmt == "json" else text, styled=fmt == "json")
    sys.exit(EXIT_CONFLICTS if result.got_worse else EXIT_CLEAN)


def main() -> None:
    with cycle_collector_paused():  # a run builds millions of acyclic objects and then exits
        cli(prog_name="reconcile")
