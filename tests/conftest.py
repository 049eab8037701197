"""Fixtures shared by the tests: small projects written into a temporary folder."""

from __future__ import annotations

import itertools
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from reconcile.cli import cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from reconcile.diff import Since
    from reconcile.model import Report

# Properties are checked for correctness, never for speed: a loaded machine must not fail them.
settings.register_profile(
    "reconcile", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("reconcile")

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-gold",
        action="store_true",
        help="rewrite tests/gold/ from the current outputs instead of comparing with them",
    )


@pytest.fixture
def update_gold(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the gold files (`--update-gold`) instead of checking them."""
    return bool(request.config.getoption("--update-gold"))


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
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the command line as a user would, through click's runner: from inside the
    project that `--project` names, if it names one that exists, so that paths read as the
    project writes them (tests/test_desk.py runs from other folders)."""

    def invoke(*args: str | Path) -> Result:
        words = [str(a) for a in args]
        if "--project" in words[:-1]:
            project = Path(words[words.index("--project") + 1])
            if project.is_dir():
                monkeypatch.chdir(project)
        return CliRunner().invoke(cli, words, catch_exceptions=False)

    return invoke


# -- The HTML report's fixtures (tests/test_html.py, tests/test_browser.py) ----------------------

HTML_CONFIG = """\
title: "Desk <b>test</b> & co"
language: ar
entities:
  country:
    russia:     {label: {en: Russia, ar: روسيا}}
    armenia:    {label: {en: Armenia, ar: أرمينيا}}
    belarus:    {label: {en: Belarus, ar: بيلاروسيا}, aliases: [Byelorussia]}
    uzbekistan: {label: {en: Uzbekistan, ar: أوزبكستان}}
topics:
  founding:
    label: {en: Founding, ar: التأسيس}
    properties:
      signed: {type: date, label: {en: Treaty signed, ar: توقيع المعاهدة}}
      signatories:
        {type: entities, kind: country, label: {en: Original signatories, ar: الدول الموقعة}}
      troops: {type: number, label: Troops}
      place: {type: text, label: Place of signing}
  membership:
    label: {en: Membership, ar: العضوية}
    properties:
      status: {type: choice, choices: [member, withdrawn], subject: country, temporal: true}
"""

#: Three sources, six groups, one of each status; project text carries script payloads that
#: set `window.__pwned` if they ever run.
HTML_FILES = {
    "sources/a.md": """\
---
title: المصدر الأول
published: 2022-01
language: ar
---
وقعت ست دول على معاهدة الأمن الجماعي في 15 أيار 1992 هي: روسيا، أرمينيا، وبيلاروسيا.
انسحبت أوزبكستان من المنظمة عام 1999.
نشرت القوات أكثر من 10,000 جندي في العاصمة طشقند.
<img src=x onerror=window.__pwned=2>
""",
    "claims/a.yaml": """\
- topic: founding
  property: signed
  value: 1992-05-15
  quote: في 15 أيار 1992
- topic: founding
  property: signatories
  value: [روسيا, أرمينيا, وبيلاروسيا]
  quote: روسيا، أرمينيا، وبيلاروسيا
- topic: membership
  property: status
  subject: أوزبكستان
  value: withdrawn
  as_of: 1999
  quote: انسحبت أوزبكستان من المنظمة عام 1999
- topic: founding
  property: troops
  value: {min: 10000}
  quote: أكثر من 10,000 جندي
  note: '<script>window.__pwned=3</script>'
- topic: founding
  property: place
  value: Tashkent
  quote: '<img src=x onerror=window.__pwned=2>'
""",
    "sources/b.md": """\
---
title: '<script>window.__pwned=1</script>'
published: 2013
language: ar
---
وقعت المعاهدة عام 1992 بين روسيا وأرمينيا وأوزبكستان.
في عام 2006 عادت أوزبكستان لتكون دولة كاملة العضوية في المنظمة.
وبلغ عدد الجنود نحو 4000 جندي.
""",
    "claims/b.yaml": """\
- topic: founding
  property: signed
  value: 1992
  quote: وقعت المعاهدة عام 1992
- topic: founding
  property: signatories
  value: [russia, armenia, Uzbekistan]
  quote: بين روسيا وأرمينيا وأوزبكستان
- topic: membership
  property: status
  subject: uzbekistan
  value: member
  as_of: 2006
  quote: في عام 2006 عادت أوزبكستان لتكون دولة كاملة العضوية
- topic: founding
  property: troops
  value: 4000
  approximate: true
  quote: نحو 4000 جندي
""",
    "sources/c.md": """\
---
title: Third source
author: Jane Doe
url: https://example.org/c
published: 2020
language: en
---
Russia is among the members. The treaty was signed in Tashkent. Belarus is a member in 2020.
""",
    "claims/c.yaml": """\
- topic: founding
  property: signatories
  value: [Russia]
  complete: false
  quote: Russia is among the members
- topic: founding
  property: place
  value: Tashkent
  quote: signed in Tashkent
  note: '<img src=x onerror=window.__pwned=5>'
- topic: membership
  property: status
  subject: Belarus
  value: member
  quote: Belarus is a member in 2020
- topic: founding
  property: signed
  value: 1992
  quote: signed on a day nobody remembers
""",
    "resolutions.yaml": """\
- topic: founding
  property: troops
  value: {min: 10000}
  reason: The ministry's figures.
  reference: https://example.org/ref
  decided: 2026-11-20
  by: desk editor
""",
}


@pytest.fixture
def html_project(tmp_path: Path) -> Callable[..., Path]:
    """Write the HTML sample project (or it with `files` changed) and return its folder."""
    made = itertools.count(1)

    def make(files: dict[str, str] | None = None, config: str = HTML_CONFIG) -> Path:
        root = tmp_path / f"html-project-{next(made)}"
        contents = {"reconcile.yaml": config, **HTML_FILES, **(files or {})}
        for name, text in contents.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def html_report(html_project: Callable[..., Path]) -> Report:
    """The compared sample project: one group of each status."""
    import reconcile

    return reconcile.compare(reconcile.load_project(html_project()))


@pytest.fixture(scope="session")
def browser_chromium() -> Iterator[Browser]:
    """Headless Chromium (scripts/chromium.py finds it); skipped, in one line, without one.

    A browser that is there but does not start fails the tests: that is a real fault.
    """
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from chromium import INSTALL_HINT, find_chromium, launch

    executable = find_chromium()
    if executable is None:
        pytest.skip(INSTALL_HINT)
    playwright = sync_playwright().start()
    try:
        browser = launch(playwright)
    except Exception as exc:
        playwright.stop()
        pytest.fail(f"cannot launch {executable} for the browser tests: {exc}")
    yield browser
    browser.close()
    playwright.stop()


# -- A report marked since a baseline (tests/test_since.py, tests/test_browser.py) ---------------

#: The sample project as it was at the baseline: c had not yet claimed the treaty's date nor
#: Belarus's membership, and claimed Armenia's; b listed Belarus, not Uzbekistan; c's note on
#: the place read otherwise; there was no resolution.
SINCE_BASELINE_FILES = {
    "claims/b.yaml": HTML_FILES["claims/b.yaml"].replace(
        "[russia, armenia, Uzbekistan]", "[russia, armenia, belarus]"
    ),
    "claims/c.yaml": """\
- topic: founding
  property: signatories
  value: [Russia]
  complete: false
  quote: Russia is among the members
- topic: founding
  property: place
  value: Tashkent
  quote: signed in Tashkent
  note: an earlier note
- topic: membership
  property: status
  subject: Armenia
  value: member
  quote: Russia is among the members
""",
}


@pytest.fixture
def html_since(html_project: Callable[..., Path], html_report: Report) -> Since:
    """What changed in the sample project since SINCE_BASELINE_FILES, as from a revision."""
    from reconcile.baseline import project_snapshot
    from reconcile.diff import Baseline, since

    root = html_project(SINCE_BASELINE_FILES)
    (root / "resolutions.yaml").unlink()
    baseline = Baseline(
        "revision", "HEAD~1", "3ae3156c0d1e9f2b", project_snapshot(root), "2026-05-01"
    )
    return since(baseline, html_report)
