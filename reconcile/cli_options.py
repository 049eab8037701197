"""The command line's own option types and shared options: text read with a file's limits,
and the options several commands take (`--project`, `--no-cache`, `--exit-zero`, `--strict`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


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
            self.fail(shown(problem), param, ctx)
        return value


class PathArgument(click.Path):
    """A path given on the command line; one holding a NUL byte, which no file can be named
    with, is a usage error rather than a crash."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        problem = nul_problem(value) if isinstance(value, str) else None
        if problem is not None:
            self.fail(problem, param, ctx)
        return super().convert(value, param, ctx)


def nul_problem(text: str) -> str | None:
    """Why `text` cannot name a file or a revision: a NUL byte, or characters no file name holds."""
    if "\x00" in text:
        return "a path cannot hold a NUL byte"
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return "is not a name the file system can hold"
    return None


def shown(text: str) -> str:
    """`text` with its control characters made visible, for the terminal."""
    from reconcile.render.text import visible

    return visible(text)


def shown_json(text: str) -> str:
    """JSON text with the control characters json.dumps leaves raw escaped."""
    from reconcile.render.jsontext import visible_json

    return visible_json(text)


def edtf_problem(text: str) -> str | None:
    """What is wrong with `text` as an EDTF date, or None."""
    from reconcile.options import date_problem

    return date_problem(text)


def project_option(command: F) -> F:
    """The `--project DIR` option every command takes."""
    return click.option(
        "--project",
        "project_dir",
        type=PathArgument(file_okay=False, path_type=Path),
        help="The project folder [default: the nearest folder, from the current one upward, "
        "that holds reconcile.yaml].",
    )(command)


def no_cache_option(command: F) -> F:
    """The `--no-cache` option of the commands that read a whole project."""
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Read every claims file afresh, neither using nor updating .reconcile/cache/.",
    )(command)


def exit_zero_option(command: F) -> F:
    """The `--exit-zero` option of the commands that gate a pipeline."""
    return click.option(
        "--exit-zero", is_flag=True, help="Exit 0 where conflicts would exit 1 (2 stays)."
    )(command)


def strict_option(command: F) -> F:
    """The `--strict` option of the commands that gate a pipeline."""
    return click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")(command)
