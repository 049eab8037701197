"""What the command line prints and how it ends: colour, problems with their places, a run
stopped by errors in the format asked for, and the exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from reconcile import __version__
from reconcile.cli_options import shown, shown_json
from reconcile.problems import Problem, ReconcileError

if TYPE_CHECKING:
    from reconcile.model import Report

#: Exit codes, as linters use them.
EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2

#: Where the project's root is kept once found, so that every message shows paths from it.
ROOT_KEY = "reconcile.root"


def _colour() -> bool | None:
    """NO_COLOR turns colour off, FORCE_COLOR on even through a pipe; None: on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return None


def echo(text: str = "", *, err: bool = False, nl: bool = True, styled: bool = False) -> None:
    """Print `text`, its control characters made visible (`styled`: the caller did that)."""
    click.echo(text if styled else shown(text), err=err, color=_colour(), nl=nl)


def coloured(*, err: bool = False) -> bool:
    """Whether to colour what goes to stdout (or stderr)."""
    wanted = _colour()
    if wanted is not None:
        return wanted
    return (sys.stderr if err else sys.stdout).isatty()


def shown_file(root: Path, path: Path) -> str:
    """A file the command wrote, as the user reads it: a project file from the current folder
    (as problems' paths are), any other as it was given."""
    try:
        inside = path.relative_to(root)
    except ValueError:
        return str(path)
    from reconcile.render.places import shown_path

    return shown_path(root, inside.as_posix())


def known_root() -> Path | None:
    context = click.get_current_context(silent=True)
    return context.meta.get(ROOT_KEY) if context else None


def print_problems(problems: tuple[Problem, ...], *, err: bool) -> None:
    if problems:
        from reconcile.render.places import place_text
        from reconcile.render.text import problems_text

        where = place_text(known_root())
        echo(problems_text(problems, colour=coloured(err=err), where=where), err=err, styled=True)


def fail(exc: ReconcileError, *, err: bool = True, writes: bool = True) -> NoReturn:
    print_problems(exc.problems, err=err)
    errors = len(exc.errors)
    summary = f"{errors} error{'s' * (errors != 1)}"
    echo(f"{summary}; nothing was written." if writes else f"{summary}.", err=err)
    sys.exit(EXIT_BAD_INPUT)


def exit_for(report: Report, *, strict: bool, exit_zero: bool) -> NoReturn:
    """Exit 1 on unresolved conflicts or misquotes (with `strict`, on warnings too), else 0."""
    failed = report.unresolved_conflicts or report.misquoted or (strict and report.problems)
    sys.exit(EXIT_CONFLICTS if failed and not exit_zero else EXIT_CLEAN)


def stopped(exc: ReconcileError, fmt: str) -> NoReturn:
    """A check stopped by errors: its problems in the format asked for, and exit 2."""
    if fmt == "text":
        fail(exc, err=False, writes=False)
    from reconcile.render.places import path_text

    path = path_text(known_root())
    if fmt == "json":
        from reconcile.render.data import error_data, to_json

        echo(shown_json(to_json(error_data(exc.problems))), styled=True)
    elif fmt == "github":
        from reconcile.render.github import github_lines

        echo(github_lines(exc.problems, path))
    else:
        from reconcile.render.sarif import render_sarif

        echo(render_sarif(exc.problems, version=__version__, path=path))
    sys.exit(EXIT_BAD_INPUT)
