"""The README says what the program does: these tests fail when the two drift apart."""

from __future__ import annotations

import re
from pathlib import Path

import click

from reconcile.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_CONFLICTS, cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_every_command_and_option_in_the_readme_exists() -> None:
    rows = [line for line in _section("Commands").splitlines() if line.startswith("| `reconcile")]
    documented = {}
    for row in rows:
        usage = row.split("`")[1]
        name = usage.split()[1]
        documented[name] = set(re.findall(r"--[a-z-]+", usage))
    assert set(documented) == set(cli.commands)
    for name, options in documented.items():
        known = {opt for param in cli.commands[name].params for opt in param.opts}
        assert options <= known, (name, options - known)


def test_every_option_of_every_command_is_in_the_readme() -> None:
    rows = [line for line in _section("Commands").splitlines() if line.startswith("| `reconcile")]
    usages = {row.split("`")[1].split()[1]: row.split("`")[1] for row in rows}
    common = _section("Commands").split("### Exit codes", 1)[0]
    for name, command in cli.commands.items():
        for param in command.params:
            if not isinstance(param, click.Option) or param.name == "project_dir":
                continue
            for opt in param.opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", usages[name]), (name, opt)
        assert "--project DIR" in common
    for opt in ("-h/--help", "-V/--version"):
        assert opt in common


def test_exit_codes_in_the_readme() -> None:
    table = _section("Commands").split("### Exit codes", 1)[1]
    codes = dict(re.findall(r"^\| (\d) \| (.+) \|$", table, flags=re.M))
    assert set(codes) == {str(EXIT_CLEAN), str(EXIT_CONFLICTS), str(EXIT_BAD_INPUT)}
    assert "no unresolved conflict" in codes[str(EXIT_CLEAN)]
    assert "conflicts remain" in codes[str(EXIT_CONFLICTS)]
    assert "bad input" in codes[str(EXIT_BAD_INPUT)]


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", _section("Quickstart"))
    assert len(commands) == 2
    assert "reconcile report" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
