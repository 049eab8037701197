"""The command line: a thin door onto the library. Parses options, calls, prints, exits."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from reconcile import __version__
from reconcile.cli_options import (
    PathArgument,
    Text,
    edtf_problem,
    exit_zero_option,
    no_cache_option,
    nul_problem,
    project_option,
    shown_json,
    strict_option,
)
from reconcile.cli_output import (
    EXIT_BAD_INPUT,
    EXIT_CLEAN,
    EXIT_CONFLICTS,
    ROOT_KEY,
    coloured,
    echo,
    exit_for,
    fail,
    print_problems,
    shown_file,
    stopped,
)
from reconcile.gcpause import cycle_collector_paused
from reconcile.problems import ReconcileError

if TYPE_CHECKING:  # the rest is imported by the commands that need it: --help starts fast
    from reconcile.diff import Since
    from reconcile.model import Report

#: The formats of a report file (reconcile.render.FORMATS, which tests hold this to).
FORMATS = ("html", "json", "csv", "md")

F = TypeVar("F", bound=Callable[..., Any])

_GROUPS_KEY = "reconcile.groups"


def _root(project_dir: Path | None) -> Path:
    """The project's folder, found as git finds its repository; kept for the messages."""
    from reconcile.discover import project_root

    root = project_root(project_dir)
    click.get_current_context().meta[ROOT_KEY] = root
    return root


def _compared(root: Path, *, cache: bool, lazy: bool = False) -> Report:
    """The project in `root`, loaded (through the cache when asked) and compared; with the
    cache, what each group came to is kept for the next run when the command ends. `lazy`:
    the claims the cache holds are made only when read (see `load_project`)."""
    from reconcile.compare import compare
    from reconcile.load import load_project

    project = load_project(root, cache=cache, lazy=lazy)
    if not cache:
        return compare(project)
    from reconcile.groupcache import GroupCache

    context = click.get_current_context()
    kept = context.meta.get(_GROUPS_KEY)
    if kept is None:
        kept = GroupCache.of(root)
        if kept is not None:
            context.meta[_GROUPS_KEY] = kept
            context.call_on_close(kept.save)
    return compare(project, kept)


def handle_errors(command: F) -> F:
    """Turn a ReconcileError escaping a command into its problems and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ReconcileError as exc:
            fail(exc)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="reconcile")
def cli() -> None:
    """Find, before publication, every place where your sources disagree.

    A project is a folder: reconcile.yaml (topics, entities, settings), sources/<id>.md
    (the articles), claims/<id>.yaml (what each article claims) and resolutions.yaml
    (editorial decisions). Every command works on the nearest folder, from the current one
    upward, that holds reconcile.yaml, or on --project DIR. Exit codes: 0 no unresolved
    conflict or misquote, 1 unresolved conflicts or misquotes remain (with --strict, warnings
    too), 2 bad input or usage.
    """


@cli.command()
@project_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs, GitHub Actions annotations, or a SARIF log.",
)
@strict_option
@exit_zero_option
@click.option("-q", "--quiet", is_flag=True, help="Print the summary and problems only.")
@click.option("--all", "every_group", is_flag=True, help="List every group, not only conflicts.")
@no_cache_option
def check(
    project_dir: Path | None,
    fmt: str,
    strict: bool,
    exit_zero: bool,
    quiet: bool,
    every_group: bool,
    no_cache: bool,
) -> None:
    """Load, validate and compare; print every conflict and every problem."""
    from reconcile.render.places import path_text

    try:
        root = _root(project_dir)
        if fmt == "text":
            report, text = _checked_text(root, not no_cache, quiet, every_group)
        else:
            report = _compared(root, cache=not no_cache)
    except ReconcileError as exc:
        stopped(exc, fmt)
    if fmt == "text":
        echo(text, styled=True)
    elif fmt == "json":
        from reconcile.render.data import json_data
        from reconcile.render.jsontext import visible_string, write_json

        write_json(
            json_data(report),
            lambda piece: click.echo(piece, nl=False, color=True),
            visible_string,
        )
        echo()
    elif fmt == "github":
        from reconcile.render.findings import findings
        from reconcile.render.github import github_lines

        lines = github_lines(findings(report), path_text(root))
        if lines:
            echo(lines)
    elif fmt == "sarif":
        from reconcile.render.findings import findings
        from reconcile.render.sarif import render_sarif

        echo(render_sarif(findings(report), version=__version__, path=path_text(root)))
    exit_for(report, strict=strict, exit_zero=exit_zero)


def _checked_text(root: Path, cache: bool, quiet: bool, every_group: bool) -> tuple[Report, str]:
    """The project compared and `check`'s text of it. With the cache, the claims of the groups
    whose outcome and text it kept are never made; should an entry prove broken when one of
    them is, the whole check is made again with every entry read at once (a broken one is then
    read from its file and stored again)."""
    from reconcile.cache import BrokenEntry
    from reconcile.render.places import place_text
    from reconcile.render.text import check_text

    def text_of(report: Report) -> str:
        return check_text(
            report,
            colour=coloured(),
            where=place_text(root),
            quiet=quiet,
            every_group=every_group,
            kept=click.get_current_context().meta.get(_GROUPS_KEY),  # set by _compared
        )

    try:
        report = _compared(root, cache=cache, lazy=cache)
        return report, text_of(report)
    except BrokenEntry:
        report = _compared(root, cache=cache)
        return report, text_of(report)


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
    "-o",
    "--output",
    metavar="PATH",
    type=Text(check=nul_problem),
    help="Where to write it; - for standard output "
    "[default: reports/consistency.<format> in the project].",
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
@strict_option
@exit_zero_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@no_cache_option
@click.option(
    "--since",
    "since_baseline",
    metavar="BASELINE",
    help="Mark what changed since BASELINE, as for `reconcile diff` (HTML; Markdown adds the "
    "diff's section).",
)
@handle_errors
def report(
    project_dir: Path | None,
    fmt: str,
    output: str | None,
    ui_language: str,
    timestamp: bool,
    strict: bool,
    exit_zero: bool,
    quiet: bool,
    no_cache: bool,
    since_baseline: str | None,
) -> None:
    """Write the consistency report, disagreements first."""
    root = _root(project_dir)
    to_stdout = output == "-"
    target = Path(output) if output and not to_stdout else root / "reports" / f"consistency.{fmt}"
    if not to_stdout:
        from reconcile.render import refuse_input_as_output

        refuse_input_as_output(root, target)
    try:
        result = _compared(root, cache=not no_cache)
    except ReconcileError as exc:
        _report_stopped(exc, fmt, None if to_stdout else target)
    from reconcile.render import write_report
    from reconcile.render.text import counts_text, written_text

    marks = _since(since_baseline, root, result) if since_baseline else None
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") if timestamp else None
    if to_stdout:
        from reconcile.render import render

        page = render(result, fmt, ui_language=ui_language, generated=generated, since=marks)
        echo(shown_json(page) if fmt == "json" else page, nl=False, styled=fmt == "json")
    else:
        target = write_report(
            result, fmt, target, ui_language=ui_language, generated=generated, since=marks
        )
    if not quiet:
        print_problems(result.problems, err=True)
        if to_stdout:
            echo(counts_text(result), err=True)
        else:
            echo(written_text(result, shown_file(root, target)))
        if marks and fmt in ("html", "md"):
            from reconcile.diff import summary_line

            echo(f"marked since {marks.baseline.name}: {summary_line(marks.diff)}", err=to_stdout)
    exit_for(result, strict=strict, exit_zero=exit_zero)


def _report_stopped(exc: ReconcileError, fmt: str, target: Path | None) -> NoReturn:
    """A report stopped by errors: no older report at `target` may look current."""
    if target is None:
        if fmt == "json":
            from reconcile.render.data import error_data, to_json

            echo(shown_json(to_json(error_data(exc.problems))), styled=True)
        fail(exc)
    from reconcile.render import retire_report

    retired = retire_report(fmt, target, exc.problems)
    print_problems(exc.problems, err=True)
    errors = len(exc.errors)
    summary = f"{errors} error{'s' * (errors != 1)}; nothing was written"
    if retired:
        summary += f"; {retired}"
    echo(summary + ".", err=True)
    sys.exit(EXIT_BAD_INPUT)


@cli.command("add-source")
@project_option
@click.argument("source", type=Text(check=nul_problem))
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
@no_cache_option
@handle_errors
def add_source(
    project_dir: Path | None, source: str, source_id: str, no_cache: bool, **meta: str | None
) -> None:
    """Add an article as sources/ID.md, with claims/ID.yaml of suggested claims.

    SOURCE is a text, Markdown, HTML or Word (.docx) file, - for standard input, or an
    http(s) URL. Title, author, publisher, date and URL come from the page's metadata where
    the options do not give them.
    """
    from reconcile.addsource import add_source as add
    from reconcile.editor import write_schemas

    root = _root(project_dir)
    write_schemas(root)  # before the add: a run killed in it is redone whole by the next
    stdin = sys.stdin.buffer if source == "-" else None
    given = {key: value for key, value in meta.items() if value is not None}
    source_path, claims_path, suggested = add(
        root, source, source_id, stdin=stdin, cache=not no_cache, **given
    )
    echo(f"wrote {shown_file(root, source_path)}")
    echo(
        f"wrote {shown_file(root, claims_path)} with {suggested} suggested claims, commented out: "
        "uncomment and correct the ones that hold"
    )


@cli.command()
@project_option
@click.argument("source_id", metavar="ID")
@click.option(
    "-o",
    "--output",
    type=PathArgument(dir_okay=False, path_type=Path),
    help="Write the suggestions to this new file (never one that exists) instead of printing.",
)
@no_cache_option
@handle_errors
def suggest(project_dir: Path | None, source_id: str, output: Path | None, no_cache: bool) -> None:
    """Print suggested claims for sources/ID.md, leaving out those claims/ID.yaml holds."""
    from reconcile.addsource import suggest_for_source
    from reconcile.files import create_file

    suggestions, text = suggest_for_source(_root(project_dir), source_id, cache=not no_cache)
    if output is None:
        echo(text.rstrip("\n") if suggestions else f"no new suggestions for {source_id}")
        return
    create_file(output, str(output), text)
    echo(f"wrote {output} with {len(suggestions)} suggested claims, commented out")


@cli.command()
@project_option
@click.argument("topic")
@click.argument("property_id", metavar="PROPERTY")
@click.option(
    "--subject",
    type=Text(),
    help="The entity the property is about, for per-entity properties.",
)
@click.option(
    "--as-of",
    type=Text(check=edtf_problem),
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
def resolve(project_dir: Path | None, topic: str, property_id: str, **options: str | None) -> None:
    """Record an editorial decision on a disputed fact in resolutions.yaml."""
    from reconcile.resolve import add_resolution

    root = _root(project_dir)
    value, reason = options.pop("value"), options.pop("reason")
    assert value is not None and reason is not None
    add_resolution(root, topic, property_id, value, reason, **options)
    echo(f"added a resolution of {topic}.{property_id} to {root / 'resolutions.yaml'}")


@cli.command()
@click.option(
    "--project",
    "project_dir",
    type=PathArgument(file_okay=False, path_type=Path),
    help="The folder to start the project in, as DIRECTORY [default: the current folder].",
)
@click.argument("directory", required=False, type=PathArgument(file_okay=False, path_type=Path))
@click.option("--bare", is_flag=True, help="Write the files without the example source and claims.")
@handle_errors
def init(project_dir: Path | None, directory: Path | None, bare: bool) -> None:
    """Start a project in DIRECTORY (default: the current folder), each file commented."""
    from reconcile.init import init_project

    root = directory or project_dir or Path(".")
    click.get_current_context().meta[ROOT_KEY] = root
    started = init_project(root, bare=bare)
    for path in started.written:
        echo(f"wrote {path}")
    if started.gitignore_missing:
        lines = ", ".join(started.gitignore_missing)
        echo(f"left {root / '.gitignore'} as it was: add {lines} to it")


@cli.command()
@project_option
@click.argument(
    "kind",
    type=click.Choice(["claims", "project", "resolutions"]),
    default="claims",
    required=False,
)
@click.option(
    "--write",
    is_flag=True,
    help="Write all three into the project's .reconcile/schema/ instead of printing one.",
)
def schema(project_dir: Path | None, kind: str, write: bool) -> None:
    """Print the JSON Schema of claims files, reconcile.yaml or resolutions.yaml."""
    import json

    from reconcile.editor import write_schemas
    from reconcile.schema import SCHEMAS

    try:
        root = _root(project_dir)
        if write:
            for path in write_schemas(root):
                echo(f"wrote {shown_file(root, path)}")
            return
    except ReconcileError as exc:
        fail(exc, writes=write)
    echo(json.dumps(SCHEMAS[kind](root), ensure_ascii=False, indent=2))


@cli.group()
def cache() -> None:
    """The project's cache of checked claims files, in .reconcile/cache/."""


@cache.command("clear")
@project_option
@handle_errors
def cache_clear(project_dir: Path | None) -> None:
    """Delete the cache; the next check reads every file afresh and rebuilds it."""
    from reconcile.cache import CACHE_DIR, clear_cache

    root = _root(project_dir)
    folder = root / CACHE_DIR
    echo(f"removed {folder}" if clear_cache(root) else f"no cache in {folder}")


# -- reconcile diff: what changed since an earlier state ----------------------------------------


@cli.command("diff")
@project_option
@click.argument("baseline", type=Text(check=nul_problem))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="Text for people, JSON for programs, Markdown for a desk's log.",
)
def diff_command(project_dir: Path | None, baseline: str, fmt: str) -> None:
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
        root = _root(project_dir)
        earlier = read_baseline(baseline, root)
        current = _compared(root, cache=True)
    except ReconcileError as exc:
        fail(exc, writes=False)
    result = diff(earlier.snapshot, snapshot_data(current))
    text = render_diff(result, earlier, fmt).rstrip("\n")
    echo(shown_json(text) if fmt == "json" else text, styled=fmt == "json")
    sys.exit(EXIT_CONFLICTS if result.got_worse else EXIT_CLEAN)


def _since(baseline: str, root: Path, current: Report) -> Since:
    """What changed in `current` since BASELINE; a bad baseline raises ReconcileError."""
    from reconcile.baseline import read_baseline
    from reconcile.diff import since

    return since(read_baseline(baseline, root), current)


def main() -> None:
    with cycle_collector_paused():  # a run builds millions of acyclic objects and then exits
        try:
            cli(prog_name="reconcile")
        finally:
            gc.freeze()  # what the run built is freed at exit without a last collection over it
