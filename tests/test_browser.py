"""The HTML report in a real browser: headless Chromium opens the file from disk.

A browser that is found but cannot be launched fails them; with none, they are skipped in one line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from reconcile.model import Report
from reconcile.normalise import normalise
from reconcile.render.html import render_html
from reconcile.render.html import view as html_view

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
    """A report page and everything it did: requests, console messages, CSP violations."""

    def __init__(self, page: Page, url: str) -> None:
        self.page, self.url = page, url
        self.requests: list[str] = []
        self.routed: list[str] = []
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
    """Poll `expression` in the page; Playwright's own wait_for_function evals a string,
    which the report's CSP (rightly) forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(25)


@pytest.fixture
def html_file(html_report: Report, tmp_path: Path) -> Callable[..., Path]:
    def write(report: Report = html_report, **options: Any) -> Path:
        path = tmp_path / f"report-{options.get('ui_language', 'en')}.html"
        path.write_text(render_html(report, **options), encoding="utf-8")
        return path

    return write


@pytest.fixture
def browser_open(
    browser_chromium: Browser, html_file: Callable[..., Path]
) -> Iterator[Callable[..., Opened]]:
    contexts = []

    def open_(
        suffix: str = "", path: Path | None = None, javascript: bool = True, **options: Any
    ) -> Opened:
        path = path or html_file(**options)
        context = browser_chromium.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri() + suffix)
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push([e.violatedDirective, e.blockedURI]));"
        )
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda message: opened.console.append((message.type, message.text)))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))

        def record(route: Any) -> None:
            opened.routed.append(route.request.url)
            route.continue_()

        page.route("**/*", record)
        page.goto(opened.url)
        if javascript:
            page.wait_for_selector("html[data-ready]", state="attached")
        return opened

    yield open_
    for context in contexts:
        context.close()


def test_page_opens_offline_without_any_request(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    # Follow every kind of internal link once, open every group, search: still nothing leaves.
    page.click("text=Expand all")
    page.click("a.goto >> nth=0")
    page.fill("#q", "Tashkent")
    page.wait_for_timeout(150)
    file_url = opened.url.split("#")[0]
    assert set(opened.requests) == {file_url}
    assert set(opened.routed) == {file_url}
    assert opened.violations() == []
    assert [m for m in opened.console if m[0] in ("error", "warning")] == []
    assert opened.errors == []


def test_project_text_never_runs(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    page.click("text=Expand all")
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == []
    assert page.locator("img").count() == 0
    body = page.inner_text("body")
    assert "<script>window.__pwned=1</script>" in body
    assert "<img src=x onerror=window.__pwned=2>" in body
    assert "<script>window.__pwned=3</script>" in body


def test_status_filters_change_what_is_visible(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    assert opened.visible_groups() == ALL_GROUPS
    page.click("a.status-filter.s-conflict")
    assert opened.visible_groups() == ["g-founding--signatories"]
    assert page.get_attribute("a.status-filter.s-conflict", "aria-pressed") == "true"
    page.click("a.status-filter.s-changed")
    assert opened.visible_groups() == [
        "g-founding--signatories",
        "g-membership--status--uzbekistan",
    ]
    assert page.is_hidden("#s-agree")
    assert page.inner_text("#shown") == "Showing 2 of 6 groups"
    page.click("text=Clear filters")
    assert opened.visible_groups() == ALL_GROUPS


def test_topic_and_source_filters(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    page.select_option("#topic", "membership")
    assert opened.visible_groups() == [
        "g-membership--status--uzbekistan",
        "g-membership--status--belarus",
    ]
    page.select_option("#source", "c")
    assert opened.visible_groups() == ["g-membership--status--belarus"]
    page.select_option("#topic", "")
    assert opened.visible_groups() == [
        "g-founding--signatories",
        "g-founding--signed",
        "g-membership--status--belarus",
        "g-founding--place",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "اوزبكستان عادت",  # no hamza on the alif: the text has أوزبكستان
        "عَادَتْ أُوزْبَكِسْتَان",  # diacritics the text does not have
        "اوزبكستان  ٢٠٠٦",  # Arabic-Indic digits, two spaces
        "UZBEKISTAN withdrawn",  # labels and values, any case
    ],
)
def test_search_folds_arabic_spelling(browser_open: Callable[..., Opened], query: str) -> None:
    opened = browser_open()
    page = opened.page
    page.fill("#q", query)
    wait_until(page, "document.getElementById('shown').textContent.startsWith('Showing 1 ')")
    assert opened.visible_groups() == ["g-membership--status--uzbekistan"]


def test_search_finds_a_source_title_and_a_note(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    page.fill("#q", "third source")
    wait_until(page, "document.getElementById('shown').textContent === 'Showing 4 of 6 groups'")
    assert opened.visible_groups() == [
        "g-founding--signatories",
        "g-founding--signed",
        "g-membership--status--belarus",
        "g-founding--place",
    ]
    page.fill("#q", "")
    wait_until(page, "document.getElementById('shown').textContent.includes('6 of 6')")
    page.fill("#q", "nothing like this anywhere")
    page.wait_for_selector("#no-match", state="visible")


def test_js_fold_matches_the_python_fold(browser_open: Callable[..., Opened]) -> None:
    page = browser_open().page
    samples = [
        "أوزبكستان",
        "إيران",
        "آسيا",
        "مُنَظَّمَة",
        "الـــمنظمة",
        "ٱلله",
        "مصطفى",
        "منظمة",
        "٢٠٠٦ و۱۹۹۲",
        "Chișinău",
        "  Belarus\n\tMinsk  ",
        "«قال» “yes” ‘no’",
        "a–b—c−d",
        "؟،؛",
        "STRASSE",
        "ﻻ",
        "\u200fمرحبا\u200e",
        "ＡＢＣ１２３",
    ]
    folded = page.evaluate("samples => samples.map(window.reconcileReport.fold)", samples)
    assert folded == [normalise(sample) for sample in samples]


def test_claim_link_lands_on_its_highlighted_quote(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    page.click("#g-founding--signed summary")  # a compatible group: closed at first
    link = page.locator("#g-founding--signed a.goto").first
    target = link.get_attribute("href")
    link.click()
    wait_until(page, f"location.hash === '{target}'")
    mark = page.locator(target)
    assert mark.evaluate("el => el.tagName") == "MARK"
    assert mark.is_visible()
    assert mark.evaluate("""el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight; }""")
    assert mark.inner_text() == "في 15 أيار 1992"
    # …and the passage leads back to its claim.
    page.locator(f"{target} ~ a.back").first.click()
    assert page.evaluate("location.hash").startswith("#c--a--")


def test_url_state_reproduces_a_filtered_view(
    browser_open: Callable[..., Opened], browser_chromium: Browser
) -> None:
    opened = browser_open()
    page = opened.page
    page.click("a.status-filter.s-conflict")
    page.click("a.status-filter.s-compatible")
    page.select_option("#source", "c")
    page.fill("#q", "روسيا")
    wait_until(page, "location.search.includes('q=')")
    shown = opened.visible_groups()
    assert shown == ["g-founding--signatories"]
    url = page.url
    assert "status=conflict%2Ccompatible" in url or "status=conflict,compatible" in url
    page.reload()
    page.wait_for_selector("html[data-ready]", state="attached")
    assert opened.visible_groups() == shown
    assert page.input_value("#q") == "روسيا"
    assert page.input_value("#source") == "c"
    # A link to a group keeps the view: the fragment is left to anchors.
    second = browser_open(
        url.split("file://")[1].split("report-en.html")[1],
        path=Path(url.split("file://")[1].split("?")[0]),
    )
    assert second.visible_groups() == shown


def test_a_link_to_a_filtered_out_group_shows_it(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open("?status=conflict#g-founding--place")
    assert "g-founding--place" in opened.visible_groups()
    assert opened.page.inner_text("#shown") == "Filters cleared to show the linked item."


def test_keyboard_alone(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open()
    page = opened.page
    reached = []
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.id || document.activeElement.className")
        )
        if "status-filter" in reached[-1]:
            break
    assert any("status-filter" in r for r in reached)
    page.keyboard.press("Enter")  # the focused filter toggles
    assert page.get_attribute("a.status-filter.s-conflict", "aria-pressed") == "true"
    page.keyboard.press("Space")
    assert page.get_attribute("a.status-filter.s-conflict", "aria-pressed") == "false"
    page.keyboard.press("?")
    assert page.is_visible("#shortcuts")
    assert "Keyboard shortcuts" in page.inner_text("#shortcuts")
    page.keyboard.press("Escape")
    assert page.is_hidden("#shortcuts")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("Tashkent")
    page.keyboard.press("Escape")
    assert page.input_value("#q") == ""
    page.keyboard.press("Tab")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.closest('article').id") == ALL_GROUPS[0]
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.closest('article').id") == ALL_GROUPS[1]
    page.keyboard.press("2")  # the second status: resolved
    assert opened.visible_groups() == ["g-founding--troops"]
    page.keyboard.press("0")
    assert opened.visible_groups() == ALL_GROUPS


def test_sortable_tables_say_how_they_are_sorted(browser_open: Callable[..., Opened]) -> None:
    page = browser_open().page
    header = page.locator(".source-table th", has_text="Claims")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    ids = page.eval_on_selector_all(".source-table tbody th", "ths => ths.map(t => t.innerText)")
    claims = page.eval_on_selector_all(
        ".source-table tbody td:nth-child(6)", "tds => tds.map(t => Number(t.innerText))"
    )
    assert claims == sorted(claims, reverse=True)
    assert set(ids) == {"a", "b", "c"}


def test_printing_expands_conflicts(browser_open: Callable[..., Opened]) -> None:
    page = browser_open().page
    page.click("#g-founding--signatories summary")
    assert not page.evaluate("document.querySelector('#g-founding--signatories details').open")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelector('#g-founding--signatories details').open")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.querySelector('#g-founding--signatories details').open")
    page.emulate_media(media="print")
    assert page.is_hidden(".toolbar")


def test_without_javascript_everything_is_readable(
    browser_open: Callable[..., Opened], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_view, "LAZY_CLAIMS", 0)  # lazy bodies too must read without JS
    opened = browser_open(javascript=False)
    page = opened.page
    assert page.is_hidden(".toolbar")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    for anchor in ALL_GROUPS:
        table = page.locator(f"#{anchor} table.claims")
        table.scroll_into_view_if_needed()
        assert table.is_visible()
    assert page.locator("mark").count() >= 10


def test_lazy_bodies_are_built_when_opened(
    browser_open: Callable[..., Opened], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_view, "LAZY_CLAIMS", 0)
    monkeypatch.setattr(html_view, "EAGER_OPEN_GROUPS", 1)
    opened = browser_open()
    page = opened.page
    assert page.locator("#g-founding--place table.claims").count() == 0
    page.click("#g-founding--place summary")
    page.wait_for_selector("#g-founding--place table.claims", state="visible")
    # A link into a body or a source text not yet built builds it and lands there.
    target = page.locator("#g-founding--place a.goto").first.get_attribute("href")
    page.click("#g-founding--place a.goto >> nth=0")
    wait_until(page, f"location.hash === '{target}'")
    assert page.locator(target).is_visible()
    assert page.locator(target).evaluate("el => el.tagName") == "MARK"
    # Open groups past the first are built as they come near the screen.
    page.locator("#g-founding--troops").scroll_into_view_if_needed()
    page.wait_for_selector("#g-founding--troops table.claims", state="visible")
    assert opened.violations() == [] and opened.errors == []


def test_arabic_interface_reads_right_to_left(browser_open: Callable[..., Opened]) -> None:
    opened = browser_open(ui_language="ar")
    page = opened.page
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.inner_text("#shown") == "عرض 6 من 6 مجموعة"
    page.click("a.status-filter.s-conflict")
    assert opened.visible_groups() == ["g-founding--signatories"]
    quote = page.locator("blockquote[lang=en]").first
    assert quote.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert opened.violations() == [] and opened.errors == []


def test_dark_mode_follows_the_system(browser_open: Callable[..., Opened]) -> None:
    page = browser_open().page
    light = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert light != dark


# report --since: the "changed since" filter -------------------------------------------------

#: The groups new or changed since the baseline of `html_since` (conftest.py), in page order.
SINCE_MARKED = [
    "g-founding--signatories",
    "g-founding--troops",
    "g-founding--signed",
    "g-membership--status--belarus",
    "g-founding--place",
]


def focused_card(page: Page) -> str:
    return page.evaluate("document.activeElement.closest('article.card').id")


def test_changed_since_filter_keeps_its_state_in_the_url(
    browser_open: Callable[..., Opened], html_since: Since
) -> None:
    opened = browser_open(since=html_since)
    page = opened.page
    assert opened.visible_groups() == ALL_GROUPS
    page.check("#since-filter")
    assert opened.visible_groups() == SINCE_MARKED
    assert page.inner_text("#shown") == "Showing 5 of 6 groups"
    assert page.is_hidden("#s-changed")  # its one card did not change
    wait_until(page, "location.search === '?since=1'")
    # With the other filters: each narrows the view, and the URL keeps them all.
    page.click("a.status-filter.s-changed")
    assert opened.visible_groups() == []
    page.wait_for_selector("#no-match", state="visible")
    page.click("a.status-filter.s-conflict")
    page.select_option("#source", "b")
    assert opened.visible_groups() == ["g-founding--signatories"]
    assert page.inner_text("#shown") == "Showing 1 of 6 groups"
    query = page.evaluate("location.search")
    assert "status=changed%2Cconflict" in query and "source=b" in query and "since=1" in query
    page.reload()
    page.wait_for_selector("html[data-ready]", state="attached")
    assert page.is_checked("#since-filter")
    assert opened.visible_groups() == ["g-founding--signatories"]
    # Unchecked, the other filters still hold; cleared, everything shows again.
    page.uncheck("#since-filter")
    assert opened.visible_groups() == [
        "g-founding--signatories",
        "g-membership--status--uzbekistan",
    ]
    assert "since" not in page.evaluate("location.search")
    page.check("#since-filter")
    page.click("text=Clear filters")
    assert opened.visible_groups() == ALL_GROUPS
    assert not page.is_checked("#since-filter")
    assert page.evaluate("location.search") == ""
    assert opened.violations() == [] and opened.errors == []
    assert [m for m in opened.console if m[0] in ("error", "warning")] == []


def test_changed_since_by_keyboard(browser_open: Callable[..., Opened], html_since: Since) -> None:
    opened = browser_open("?since=1", since=html_since)
    page = opened.page
    assert opened.visible_groups() == SINCE_MARKED
    for _ in range(3):
        page.keyboard.press("j")
    assert focused_card(page) == "g-founding--signed"  # past the unchanged Uzbekistan card
    page.keyboard.press("k")
    assert focused_card(page) == "g-founding--troops"
    page.keyboard.press("c")
    assert opened.visible_groups() == ALL_GROUPS
    wait_until(page, "location.search === ''")
    page.keyboard.press("c")
    assert opened.visible_groups() == SINCE_MARKED
    page.keyboard.press("0")
    assert opened.visible_groups() == ALL_GROUPS
    assert not page.is_checked("#since-filter")


def test_a_link_to_an_unchanged_group_turns_the_filter_off(
    browser_open: Callable[..., Opened], html_since: Since
) -> None:
    opened = browser_open("?since=1#g-membership--status--uzbekistan", since=html_since)
    assert "g-membership--status--uzbekistan" in opened.visible_groups()
    assert not opened.page.is_checked("#since-filter")
    # The list of changes links the marked cards, which the filter keeps.
    opened.page.check("#since-filter")
    opened.page.click("#since .since-list a >> nth=2")
    wait_until(opened.page, "location.hash === '#g-founding--signed'")
    assert opened.page.is_checked("#since-filter")
    assert opened.visible_groups() == SINCE_MARKED


def test_changes_since_read_without_javascript(
    browser_open: Callable[..., Opened], html_since: Since
) -> None:
    opened = browser_open(javascript=False, since=html_since)
    page = opened.page
    assert page.is_hidden(".toolbar")
    assert opened.visible_groups() == ALL_GROUPS
    assert page.is_visible(".since-line a[href='#since']")
    links = page.eval_on_selector_all(
        "#since .since-list a", "links => links.map(a => a.getAttribute('href').slice(1))"
    )
    assert links == SINCE_MARKED
    page.click("#since .since-list a >> nth=0")
    assert page.evaluate("location.hash") == "#g-founding--signatories"
    assert page.is_visible("#g-founding--signatories .since-box")
    assert page.is_visible("#since .since-gone")


def test_changed_since_in_arabic_and_in_the_dark(
    browser_open: Callable[..., Opened], html_since: Since
) -> None:
    opened = browser_open("?since=1", ui_language="ar", since=html_since)
    page = opened.page
    assert opened.visible_groups() == SINCE_MARKED
    assert page.inner_text("#shown") == "عرض 5 من 6 مجموعة"
    badge = page.locator("#g-founding--signatories .since-badge")
    assert badge.evaluate("el => getComputedStyle(el).direction") == "rtl"
    light = badge.evaluate("el => getComputedStyle(el).color")
    page.emulate_media(color_scheme="dark")
    assert badge.evaluate("el => getComputedStyle(el).color") != light
    assert opened.violations() == [] and opened.errors == []


def test_the_misquote_filter_is_kept_in_the_url(
    browser_open: Callable[..., Opened], html_project: Callable[..., Path], tmp_path: Path
) -> None:
    import reconcile
    from conftest import HTML_FILES

    claim = (
        "- topic: founding\n  property: troops\n  value: {min: 20000}\n"
        "  quote: نشرت القوات أكثر من 20,000 جندي في العاصمة طشقند\n"
    )
    files = {"claims/a.yaml": HTML_FILES["claims/a.yaml"] + claim}
    report = reconcile.compare(reconcile.load_project(html_project(files)))
    path = tmp_path / "misquoted.html"
    path.write_text(render_html(report), encoding="utf-8")
    opened = browser_open(path=path)
    page = opened.page
    assert len(opened.visible_groups()) == len(ALL_GROUPS)
    page.click("a.misquote-filter")
    assert opened.visible_groups() == ["g-founding--troops"]
    assert page.is_checked("#misquoted")
    assert "quote=misquoted" in page.url
    again = browser_open("?quote=misquoted", path=path)
    assert again.visible_groups() == ["g-founding--troops"]
    again.page.uncheck("#misquoted")
    assert len(again.visible_groups()) == len(ALL_GROUPS)
    assert "quote=" not in again.page.url
    assert opened.errors == [] and again.errors == []
