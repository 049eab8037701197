"""Render a project's HTML report and photograph it in headless Chromium.

    python scripts/screenshot.py [PROJECT] [OUT.png] [--lang en|ar] [--full-page]
        [--width 1280] [--height 900] [--dark] [--hash ANCHOR] [--query status=conflict]
        [--since BASELINE]

Defaults: the repository's own project (the CSTO example) and docs/report.png.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chromium import launch  # noqa: E402

import reconcile  # noqa: E402
from reconcile.render.html import render_html  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(ROOT))
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "report.png"))
    parser.add_argument("--lang", default="en", help="the page's own language: en or ar")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--dark", action="store_true", help="emulate a dark system theme")
    parser.add_argument("--hash", default="", help="open the page at this anchor")
    parser.add_argument("--query", default="", help="filter state, e.g. status=conflict")
    parser.add_argument("--since", help="mark what changed since BASELINE, as report --since")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    report = reconcile.compare(reconcile.load_project(args.project))
    marks = None
    if args.since:
        from reconcile.baseline import read_baseline
        from reconcile.diff import since

        marks = since(read_baseline(args.since, Path(args.project)), report)
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        page_path.write_text(
            render_html(report, ui_language=args.lang, since=marks), encoding="utf-8"
        )
        url = (
            page_path.as_uri()
            + (f"?{args.query}" if args.query else "")
            + (f"#{args.hash}" if args.hash else "")
        )
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(
                viewport={"width": args.width, "height": args.height},
                color_scheme="dark" if args.dark else "light",
            )
            page.goto(url)
            page.wait_for_selector("html[data-ready]")
            page.wait_for_timeout(200)
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=args.full_page)
            browser.close()
    print(out)


if __name__ == "__main__":
    main()
