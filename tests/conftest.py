"""Fixtures shared by the tests: small projects written into a temporary folder."""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile.cli import cli

CONFIG = """\
title: Test desk
language: ar
entities:
  country:
    russia:     {label: {en: Russia, ar: روسيا}, aliases: [Россия]}
    belarus:    {label: Belarus, aliases: [بيلاروسيا, Byelorussia]}
    uzbekistan: {label: Uzbekistan, aliases: [أوزبكستان]}
    kyrgyzstan: {label: Kyrgyzstan, aliases: [قرغيزستان]}
    moldova:    {label: Moldova, aliases: [Chișinău]}
topics:
  founding:
    label: {en: Founding, ar: التأسيس}
    properties:
      treaty_signed: {type: date, label: Treaty signed, keywords: [وقع, signed]}
      headquarters: {type: entity, kind: country}
      charter: {type: text}
      binding: {type: boolean}
  membership:
    properties:
      signatories: {type: entities, kind: country}
      member_count: {type: number, temporal: true}
      status:
        {type: choice, choices: [member, withdrawn, suspended], subject: country, temporal: true}
  forces:
    properties:
      troops: {type: number, tolerance: "5%"}
"""

SOURCE = """\
---
title: Source {id}
published: {published}
---
{text}
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


ProjectMaker = Callable[..., Path]


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectMaker:
    """A project with the test vocabulary; `sources` maps id -> (published, text)."""
    made = itertools.count(1)

    def make(
        claims: dict[str, str] | None = None,
        sources: dict[str, tuple[str, str]] | None = None,
        config: str = CONFIG,
        **files: str,
    ) -> Path:
        root = tmp_path / f"project-{next(made)}"
        write(root, {"reconcile.yaml": config})
        for source_id, (published, text) in (sources or {}).items():
            write(
                root,
                {
                    f"sources/{source_id}.md": SOURCE.format(
                        id=source_id, published=published, text=text
                    )
                },
            )
        for source_id, text in (claims or {}).items():
            write(root, {f"claims/{source_id}.yaml": text})
        write(root, {name.replace("__", "/"): text for name, text in files.items()})
        return root

    return make


@pytest.fixture
def run() -> Callable[..., Result]:
    """Invoke the command line as a user would, through click's runner."""

    def invoke(*args: str | Path) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke
