"""Benchmark the HTML report: render N claims and time the page's first screen in Chromium.

    python scripts/bench_report.py [N] [--sources 50] [--eager] [--keep DIR] [--no-cli]

Builds a synthetic project (Arabic quotes, four properties per subject, one to eight sources
per group, some of them disagreeing), loads and compares it, renders the report, then opens it
from disk in headless Chromium and prints: the file's size, the render time, and in the browser
the first contentful paint, DOMContentLoaded, the moment the script is ready (its `data-ready`
mark), a status filter's and a search's response time, and opening a collapsed group.

It also runs `reconcile check --no-cache` and `reconcile report --no-cache` on the same project
as real processes (the installed CLI, `python -m reconcile`), one after the other, and prints
their wall times and ratio: writing the report against checking the project. `--no-cli` skips
them (for a 1,000,000-claim run, where each takes minutes). `--eager` writes every body as
ordinary HTML (no <noscript> laziness, no data page) to show what those buy.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chromium import launch  # noqa: E402

import reconcile  # noqa: E402
from reconcile.render.html import render_html, view  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
CONFIG_HEAD = """\
title: Synthetic desk ({claims:,} claims)
language: ar
entities:
  country:
"""
CONFIG_TOPICS = """\
topics:
  history:
    label: {en: History, ar: التاريخ}
    properties:
      founded: {type: date, subject: country, label: {en: Founded, ar: التأسيس}}
      troops: {type: number, subject: country, tolerance: "5%"}
      status:
        type: choice
        choices: [member, observer, withdrawn]
        subject: country
        temporal: true
      partners: {type: entities, kind: country, subject: country}
"""


def arabic_name(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8)))


def build(root: Path, claims: int, sources: int, seed: int = 7) -> None:
    """Write a project of about `claims` claims into `root`."""
    rng = random.Random(seed)
    subjects = max(10, claims // 14)
    names = [arabic_name(rng) + str(i) for i in range(subjects)]
    lines = [CONFIG_HEAD.format(claims=claims)]
    for i, name in enumerate(names):
        lines.append(f"    c{i:06d}: {{label: Country {i}, aliases: [{name}]}}\n")
    lines.append(CONFIG_TOPICS)
    (root / "reconcile.yaml").write_text("".join(lines), encoding="utf-8")
    sentences: list[list[str]] = [[] for _ in range(sources)]
    items: list[list[str]] = [[] for _ in range(sources)]
    made = 0
    subject = 0
    while made < claims:
        i = subject % subjects
        subject += 1
        name = names[i]
        for prop in ("founded", "troops", "status", "partners"):
            count = rng.choice((1, 1, 2, 3, 3, 5, 8))
            base_year = rng.randint(1950, 2020)
            base_troops = rng.randint(1, 60) * 500
            partners = rng.sample(range(subjects), 4)
            for s in rng.sample(range(sources), min(count, sources)):
                if made >= claims:
                    break
                made += 1
                odd = rng.random() < 0.08
                n = len(sentences[s])
                if prop == "founded":
                    year = base_year + (1 if odd else 0)
                    value = (
                        f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                        if rng.random() < 0.3
                        else str(year)
                    )
                    sentence = f"تأسست {name} في عام {year} بحسب الخبر {n} من المصدر {s}"
                elif prop == "troops":
                    number = base_troops + (1000 if odd else 0)
                    value = str(number)
                    sentence = f"نشرت {name} نحو {number} جندي وفق الرواية {n} في المصدر {s}"
                elif prop == "status":
                    year = rng.choice((2005, 2010, 2015))
                    value = rng.choice(("member", "withdrawn")) if odd else "member"
                    sentence = f"كانت {name} عضوا في عام {year} كما يذكر الخبر {n} في المصدر {s}"
                    value += f"\n  as_of: {year}"
                else:
                    members = partners[:3] if odd else partners
                    value = "[" + ", ".join(f"c{m:06d}" for m in members) + "]"
                    named = " و".join(names[m] for m in members)
                    sentence = f"تتعاون {name} مع {named} في الخبر {n} من المصدر {s}"
                sentences[s].append(sentence + ".")
                items[s].append(
                    f"- topic: history\n  property: {prop}\n  subject: {name}\n"
                    f'  value: {value}\n  quote: "{sentence}"\n'
                )
    (root / "sources").mkdir(exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    for s in range(sources):
        (root / "sources" / f"s{s:03d}.md").write_text(
            f"---\ntitle: المصدر {s}\npublished: 2024\n---\n" + "\n".join(sentences[s]) + "\n",
            encoding="utf-8",
        )
        (root / "claims" / f"s{s:03d}.yaml").write_text("".join(items[s]), encoding="utf-8")


MEASURE = """async () => {
  const elements = await new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries()))
      .observe({type: "element", buffered: true});
    setTimeout(() => resolve([]), 1000);
  });
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const card = elements.find((e) => e.identifier === "first-group");
  return {fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd,
          card: card ? card.renderTime || card.loadTime : null,
          load: nav.loadEventEnd,
          ready: (performance.getEntriesByName("reconcile-ready")[0] || {}).startTime || null};
}"""

TIMED = """async ([selector, action, value]) => {
  const shown = document.getElementById("shown");
  const before = shown.textContent;
  const start = performance.now();
  const changed = new Promise((resolve) => {
    new MutationObserver((_, observer) => { observer.disconnect(); resolve(); })
      .observe(shown, {childList: true, characterData: true, subtree: true});
  });
  const el = document.querySelector(selector);
  if (action === "click") { el.click(); }
  else { el.value = value; el.dispatchEvent(new Event("input", {bubbles: true})); }
  await changed;
  return [performance.now() - start, before, shown.textContent];
}"""

OPEN = """() => {
  const details = document.querySelector("article.card > details:not([open])");
  if (!details) { return [null, 0]; }
  const start = performance.now();
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  const rows = details.querySelectorAll("tr.claim").length;
  return [performance.now() - start, rows];
}"""


def cli_times(root: Path) -> tuple[float, float]:
    """Wall times of `reconcile check` and `reconcile report` on `root`, as real processes."""
    times = []
    for command in (["check"], ["report", "-q", "-o", str(root / "cli-report.html")]):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "reconcile", *command, "--no-cache", "--project", str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"reconcile {command[0]} failed: {done.stderr[-2000:]}")
    return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument(
        "--eager",
        action="store_true",
        help="write every body as plain HTML (no lazy <noscript> bodies)",
    )
    parser.add_argument("--keep", help="write the project and the page into this folder")
    parser.add_argument("--no-cli", action="store_true", help="do not time check and report")
    args = parser.parse_args()
    if args.eager:
        view.LAZY_CLAIMS = view.DATA_CLAIMS = 10**12

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        root = Path(args.keep or folder)
        root.mkdir(parents=True, exist_ok=True)
        build(root, args.claims, args.sources)
        start = time.perf_counter()
        project = reconcile.load_project(root)
        report = reconcile.compare(project)
        engine = time.perf_counter() - start
        start = time.perf_counter()
        html = render_html(report)
        rendered = time.perf_counter() - start
        page_path = root / "report.html"
        page_path.write_text(html, encoding="utf-8")
        size = page_path.stat().st_size
        counts = " · ".join(f"{n:,} {s}" for s, n in report.by_status.items())
        print(
            f"claims: {len(project.claims):,} in {len(project.sources)} sources, "
            f"{len(report.groups):,} groups ({counts})"
        )
        print(f"load + compare:          {engine:7.2f} s")
        print(f"render_html:             {rendered:7.2f} s")
        print(f"file size:               {size / 1e6:7.1f} MB{'  (eager)' if args.eager else ''}")

        if not args.no_cli:
            check, report_time = cli_times(root)
            print(f"reconcile check:         {check:7.2f} s  (process, --no-cache)")
            print(
                f"reconcile report:        {report_time:7.2f} s  "
                f"(process, --no-cache; {report_time / check:.2f}x check)"
            )

        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            # Wait through CDP's lifecycle events only: polling from inside the page (as
            # wait_for_selector does) would force extra frames and slow the load it measures.
            page.goto(page_path.as_uri(), wait_until="load", timeout=600_000)
            marks = page.evaluate(MEASURE)
            filt = page.evaluate(TIMED, ["a.status-filter.s-conflict", "click", ""])
            search = page.evaluate(TIMED, ["#q", "input", "Country 1"])
            page.evaluate("document.querySelector('[data-action=clear]').click()")
            page.evaluate("document.querySelector('a.status-filter.s-agree').click()")
            opened = page.evaluate(OPEN)
            browser.close()

        def ms(value: float | None) -> str:
            return "      –" if value is None else f"{value / 1000:7.2f} s"

        print(f"first contentful paint:  {ms(marks['fcp'])}")
        print(f"first group painted:     {ms(marks['card'])}  (element timing)")
        print(f"DOMContentLoaded:        {ms(marks['dcl'])}")
        print(f"script ready:            {ms(marks['ready'])}")
        print(f"load event:              {ms(marks['load'])}")
        print(f"status filter:           {filt[0]:7.0f} ms  ({filt[2]})")
        print(f"search 'Country 1':      {search[0]:7.0f} ms  ({search[2]}, incl. debounce)")
        if opened[0] is not None:
            print(f"open a collapsed group:  {opened[0]:7.0f} ms  ({opened[1]} claims built)")


if __name__ == "__main__":
    main()
