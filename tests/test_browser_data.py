"""The large report page (above view.DATA_CLAIMS claims) in headless Chromium.

The sample project is put just above the line (the line is moved to one claim fewer than it
has), so that these tests run on the page that carries its groups as data and builds the cards
on screen, and stay quick.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from reconcile.model import Report
from reconcile.normalise import normalise
from reconcile.render.html import render_html
from reconcile.render.html import view as html_view
from reconcile.render.html.anchors import ClaimAnchors

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from reconcile.diff import Since

pytestmark = pytest.mark.browser

ALL_GROUPS = [
    "g-founding--signatories",
    "g-founding--troops",
    "g-membership--status--uzbekistan",
    "g-founding--signed",
    "g-membership--status--belarus",
    "g-founding--place",
]


class Opened:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def visible_groups(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "article.card", "cards => cards.filter(c => c.checkVisibility()).map(c => c.id)"
        )

    def violations(self) -> list[Any]:
        return self.page.evaluate("window.__violations")


def wait_until(page: Page, expression: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(25)


@pytest.fixture
def data_page(
    html_report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Path]:
    """Write the sample report as the large page: the project just above the line."""
    monkeypatch.setattr(html_view, "DATA_CLAIMS", len(html_report.project.claims) - 1)

    def write(report: Report = html_report, **options: Any) -> Path:
        path = tmp_path / f"big-{options.get('ui_language', 'en')}.html"
        path.write_text(render_html(report, **options), encoding="utf-8")
        return path

    return write


@pytest.fixture
def open_data(
    browser_chromium: Browser, data_page: Callable[..., Path]
) -> Iterator[Callable[..., Opened]]:
    contexts = []

    def open_(suffix: str = "", javascript: bool = True, **options: Any) -> Opened:
        path = data_page(**options)
        context = browser_chromium.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push([e.violatedDirective, e.blockedURI]));"
        )
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda message: opened.console.append((message.type, message.text)))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.as_uri() + suffix)
        if javascript:
            page.wait_for_selector("html[data-ready]", state="attached")
        return opened

    yield open_
    for context in contexts:
        context.close()


def test_the_page_carries_no_card_and_each_exact_quote_once(
    data_page: Callable[..., Path], html_report: Report
) -> None:
    html = data_page().read_text(encoding="utf-8")
    assert "<article" not in html and 'id="report-index"' in html

    def block(name: str) -> Any:
        start = f'<script type="application/json" id="{name}">'
        return json.loads(html.split(start)[1].split("</script>")[0])

    kinds = block("report-index")["quote_kinds"]
    claims = [c for group in block("report-chunk-0") for c in group["c"]]
    exact = [c for c in claims if kinds[c[3]][0] == "exact"]
    assert exact and all(len(c) <= 6 or c[6] is None for c in exact)  # the source's words
    assert all(c[6] for c in claims if kinds[c[3]][0] in ("approximate", "misquoted"))
    # …and no text of the project can end the <script> element that carries it.
    assert "</script><script>window.__pwned" not in html


def test_it_opens_offline_and_shows_the_first_cards(open_data: Callable[..., Opened]) -> None:
    opened = open_data()
    page = opened.page
    assert opened.visible_groups() == ALL_GROUPS
    assert page.inner_text("#shown") == "Showing 6 of 6 groups"
    assert page.is_visible("#g-founding--signatories table.claims")  # a conflict: open
    assert not page.evaluate("document.querySelector('#g-founding--signed details').open")
    assert [url for url in opened.requests if not url.startswith("file://")] == []
    assert opened.violations() == [] and opened.errors == []
    assert [m for m in opened.console if m[0] in ("error", "warning")] == []


def test_project_text_never_runs(open_data: Callable[..., Opened]) -> None:
    opened = open_data()
    page = opened.page
    page.click("text=Expand all")
    page.evaluate("document.querySelectorAll('details.source').forEach(d => d.open = true)")
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == []
    assert page.locator("img").count() == 0
    body = page.inner_text("body")
    assert "<script>window.__pwned=1</script>" in body
    assert "<img src=x onerror=window.__pwned=2>" in body


def test_status_topic_and_source_filters(open_data: Callable[..., Opened]) -> None:
    opened = open_data()
    page = opened.page
    page.click("a.status-filter.s-conflict")
    assert opened.visible_groups() == ["g-founding--signatories"]
    assert page.get_attribute("a.status-filter.s-conflict", "aria-pressed") == "true"
    page.click("a.status-filter.s-changed")
    assert opened.visible_groups() == [
        "g-founding--signatories",
        "g-membership--status--uzbekistan",
    ]
    assert page.is_hidden("#s-agree")
    page.click("text=Clear filters")
    page.select_option("#topic", "membership")
    assert opened.visible_groups() == [
        "g-membership--status--uzbekistan",
        "g-membership--status--belarus",
    ]
    page.select_option("#source", "c")
    assert opened.visible_groups() == ["g-membership--status--belarus"]
    assert "topic=membership" in page.url and "source=c" in page.url
    page.reload()
    page.wait_for_selector("html[data-ready]", state="attached")
    assert opened.visible_groups() == ["g-membership--status--belarus"]


@pytest.mark.parametrize(
    "query",
    ["اوزبكستان عادت", "عَادَتْ أُوزْبَكِسْتَان", "اوزبكستان  ٢٠٠٦", "UZBEKISTAN withdrawn"],
)
def test_search_folds_arabic_spelling(open_data: Callable[..., Opened], query: str) -> None:
    opened = open_data()
    page = opened.page
    page.fill("#q", query)
    wait_until(page, "document.getElementById('shown').textContent.startsWith('Showing 1 ')")
    assert opened.visible_groups() == ["g-membership--status--uzbekistan"]


def test_js_fold_matches_the_python_fold(open_data: Callable[..., Opened]) -> None:
    page = open_data().page
    samples = ["أوزبكستان", "مُنَظَّمَة", "الـــمنظمة", "ٱلله", "٢٠٠٦ و۱۹۹۲", "«قال» “yes”", "ＡＢＣ"]
    folded = page.evaluate("samples => samples.map(window.reconcileReport.fold)", samples)
    assert folded == [normalise(sample) for sample in samples]


def test_an_anchor_link_opens_its_group(
    open_data: Callable[..., Opened], html_report: Report
) -> None:
    opened = open_data("?status=conflict#g-founding--place")
    page = opened.page
    assert "g-founding--place" in opened.visible_groups()
    assert page.inner_text("#shown") == "Filters cleared to show the linked item."
    # A link to a claim of a closed group (its rows not built yet) opens the group.
    group = next(g for g in html_report.groups if g.anchor == "g-founding--signed")
    anchor = ClaimAnchors(html_report.project.claims)[group.claims[0].claim]
    assert page.locator(f"#{anchor}").count() == 0
    page.evaluate(f"location.hash = '#{anchor}'")
    wait_until(page, f"!!document.getElementById('{anchor}')")
    assert page.locator(f"#{anchor}").is_visible()
    assert page.evaluate("document.querySelector('#g-founding--signed details').open")


def test_the_quote_in_its_source_is_highlighted(open_data: Callable[..., Opened]) -> None:
    opened = open_data()
    page = opened.page
    page.click("#g-founding--signed summary")
    link = page.locator("#g-founding--signed a.goto").first
    target = link.get_attribute("href")
    link.click()
    wait_until(page, f"location.hash === '{target}'")
    mark = page.locator(target)
    assert mark.evaluate("el => el.tagName") == "MARK"
    assert mark.is_visible()
    assert mark.inner_text() == "في 15 أيار 1992"
    page.locator(f"{target} ~ a.back").first.click()
    assert page.evaluate("location.hash").startswith("#c--a--")
    assert page.locator(page.evaluate("location.hash")).is_visible()


def test_the_since_filter(open_data: Callable[..., Opened], html_since: Since) -> None:
    opened = open_data(since=html_since)
    page = opened.page
    assert opened.visible_groups() == ALL_GROUPS
    page.check("#since-filter")
    marked = opened.visible_groups()
    assert len(marked) == 5 and "g-membership--status--uzbekistan" not in marked
    assert page.inner_text("#shown") == "Showing 5 of 6 groups"
    wait_until(page, "location.search === '?since=1'")
    assert page.locator("article.card .since-badge").count() == 5
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("c")
    assert opened.visible_groups() == ALL_GROUPS
    page.keyboard.press("c")
    page.click("text=Clear filters")
    assert opened.visible_groups() == ALL_GROUPS
    assert not page.is_checked("#since-filter")
    assert opened.violations() == [] and opened.errors == []


def test_keyboard_expand_collapse_and_print(open_data: Callable[..., Opened]) -> None:
    opened = open_data()
    page = opened.page
    page.keyboard.press("1")
    assert opened.visible_groups() == ["g-founding--signatories"]
    page.keyboard.press("0")
    assert opened.visible_groups() == ALL_GROUPS
    page.keyboard.press("+")
    assert page.locator("article.card > details[open]").count() == 6
    page.keyboard.press("-")
    assert page.locator("article.card > details[open]").count() == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelector('#g-founding--signatories details').open")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.querySelector('#g-founding--signatories details').open")
    page.keyboard.press("?")
    assert page.is_visible("#shortcuts")


def test_without_javascript_the_overview_reads(open_data: Callable[..., Opened]) -> None:
    page = open_data(javascript=False).page
    assert "too large to carry its groups as HTML" in page.inner_text("body")
    assert page.is_visible("table.source-table")
    assert page.is_hidden(".toolbar")
