"""The HTML report, read as parsed HTML: links, groups, counts, escaping, CSP, determinism."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reconcile
from reconcile.model import Report
from reconcile.normalise import normalise
from reconcile.render.html import render_html
from reconcile.render.html import view as html_view
from reconcile.render.html.anchors import quote_anchor


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.content: list[str | Element] = []  # text and children, in document order

    @property
    def text(self) -> str:
        return "".join(part if isinstance(part, str) else part.text for part in self.content)

    def ancestors(self) -> list[Element]:
        found, node = [], self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return found

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "col", "area", "base"}


class Page(HTMLParser):
    """The page as a tree, read the way a no-JavaScript browser reads it (noscript as HTML)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.elements: list[Element] = []
        self.raw = html
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        self.elements.append(element)

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.content.append(data)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag)
            and all(e.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def by_id(self) -> dict[str, Element]:
        return {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}

    def with_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.classes()]


@pytest.fixture
def html_page(html_report: Report) -> Page:
    return Page(render_html(html_report))


def test_every_internal_link_has_a_target(html_page: Page) -> None:
    ids = html_page.by_id()
    hrefs = [e.attrs["href"] for e in html_page.elements if e.attrs.get("href", "").startswith("#")]
    assert hrefs
    missing = sorted({href for href in hrefs if href[1:] not in ids})
    assert missing == []


def test_ids_are_unique(html_page: Page) -> None:
    ids = [e.attrs["id"] for e in html_page.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))


def test_every_group_has_a_card_at_its_anchor(html_report: Report, html_page: Page) -> None:
    ids = html_page.by_id()
    for group in html_report.groups:
        card = ids[group.anchor]
        assert card.tag == "article"
        assert card.attrs["data-status"] == str(group.status)
        assert card.attrs["data-topic"] == group.topic.id
        assert card.attrs["data-sources"].split() == list(group.sources)
    cards = html_page.find_all("article")
    assert [c.attrs["id"] for c in cards] == [g.anchor for g in html_report.groups]


def test_status_counts_are_filters(html_report: Report, html_page: Page) -> None:
    filters = html_page.with_class("status-filter")
    counts = {f.attrs["data-status"]: int(f.children[0].text) for f in filters}
    assert counts == html_report.by_status
    assert counts == {
        "conflict": 1,
        "resolved": 1,
        "changed": 1,
        "compatible": 1,
        "single": 1,
        "agree": 1,
    }
    # Without JavaScript each count is a link to its section of the page.
    assert all(f.attrs["href"] == "#s-" + f.attrs["data-status"] for f in filters)


def test_first_screen_lists_open_conflicts_with_labels(html_page: Page) -> None:
    first = html_page.with_class("conflicts-first")[0]
    links = [e for e in html_page.elements if e.tag == "a" and first in e.ancestors()]
    assert [a.attrs["href"] for a in links] == ["#g-founding--signatories"]
    assert "Founding" in links[0].text and "Original signatories" in links[0].text
    header = html_page.find_all("header")[0]
    assert "Desk <b>test</b> & co" in header.text
    assert "3 sources and 13 claims" in header.text


def test_project_text_is_escaped_never_markup(html_page: Page) -> None:
    raw = html_page.raw
    for payload in (
        "<script>window.__pwned=1</script>",
        "<script>window.__pwned=3</script>",
        "<img src=x onerror=window.__pwned=2>",
        "<img src=x onerror=window.__pwned=5>",
        "<b>test</b>",
    ):
        assert payload not in raw
        assert payload in html_page.root.text  # shown to the reader, as text
    assert html_page.find_all("img") == []
    assert html_page.find_all("b") == []
    assert not [e for e in html_page.elements if any(a.startswith("on") for a in e.attrs)]
    scripts = html_page.find_all("script")
    assert [s.attrs.get("type") for s in scripts] == [None, "application/json", "application/json"]


def test_csp_forbids_requests_and_allows_only_our_script(html_page: Page) -> None:
    meta = html_page.find_all("meta", http_equiv="Content-Security-Policy")
    assert len(meta) == 1
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in meta[0].attrs["content"].split("; ")
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    script = html_page.find_all("script")[0].text
    style = html_page.find_all("style")[0].text

    def sha(text: str) -> str:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        return f"'sha256-{digest}'"

    assert policy["script-src"] == [sha(script)]
    assert policy["style-src"] == [sha(style)]
    assert "'unsafe-inline'" not in meta[0].attrs["content"]
    # No inline style attribute, which the policy would block.
    assert not [e for e in html_page.elements if "style" in e.attrs]


def test_nothing_is_loaded_from_anywhere(html_page: Page) -> None:
    for element in html_page.elements:
        for attr in ("src", "srcset", "data", "poster", "action", "formaction", "background"):
            assert attr not in element.attrs, (element.tag, attr)
        if element.tag in ("link", "use", "image", "script", "iframe", "object", "embed"):
            href = element.attrs.get("href", element.attrs.get("xlink:href", ""))
            assert href.startswith(("#", "data:")) or not href, element.attrs
        href = element.attrs.get("href", "")
        if href.startswith(("http://", "https://")):
            assert element.tag == "a"  # a link the reader may follow, never a fetch
    style = html_page.find_all("style")[0].text
    assert not re.search(r"url\(\s*(?!['\"]?data:)", style)
    assert "@import" not in style and "@font-face" not in style
    script = html_page.find_all("script")[0].text
    for fetcher in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "sendBeacon", "http"):
        assert fetcher not in script


def test_same_report_same_bytes(html_project: Callable[..., Path]) -> None:
    first = render_html(reconcile.compare(reconcile.load_project(html_project())))
    again = render_html(reconcile.compare(reconcile.load_project(html_project())))
    assert first == again
    assert "Generated" not in first
    stamped = render_html(
        reconcile.compare(reconcile.load_project(html_project())), generated="2026-11-23 10:00 UTC"
    )
    assert "Generated 2026-11-23 10:00 UTC." in Page(stamped).find_all("header")[0].text
    assert stamped.replace(" <time>Generated 2026-11-23 10:00 UTC.</time>", "") == first


def test_quotes_keep_their_direction_inside_an_english_page(html_page: Page) -> None:
    assert html_page.find_all("html")[0].attrs == {"lang": "en", "dir": "ltr"}
    quotes = html_page.find_all("blockquote")
    arabic = [q for q in quotes if q.attrs.get("lang") == "ar"]
    english = [q for q in quotes if q.attrs.get("lang") == "en"]
    assert arabic and all(q.attrs["dir"] == "rtl" for q in arabic)
    assert english and all(q.attrs["dir"] == "ltr" for q in english)
    # Names as the article wrote them are isolated, so mixed text never scrambles.
    written = html_page.with_class("written")
    assert any("وبيلاروسيا" in w.text for w in written)
    assert all(any(c.tag == "bdi" for c in w.children) for w in written)


def test_quote_links_land_on_marks_of_the_quoted_text(html_report: Report, html_page: Page) -> None:
    ids = html_page.by_id()
    sources = html_report.project.sources
    seen = 0
    for group in html_report.groups:
        for view in group.claims:
            match = view.claim.quote_match
            if not match.spans:
                continue
            anchor = quote_anchor(view.claim.source, match.spans[0])
            mark = ids[anchor]
            assert mark.tag == "mark"
            start, end = match.spans[0]
            assert normalise(mark.text) == normalise(sources[view.claim.source].text[start:end])
            row = ids[
                next(
                    a
                    for a in ids
                    if a.startswith(f"c--{view.claim.source}--")
                    and ids[a].tag == "tr"
                    and f"#{anchor}" in _hrefs(ids[a])
                )
            ]
            assert row.tag == "tr"
            seen += 1
    assert seen >= 10
    # Each passage links back to its claim.
    backs = html_page.with_class("back")
    assert backs and all(b.attrs["href"].startswith("#c--") for b in backs)


def _hrefs(element: Element) -> list[str]:
    found = [element.attrs.get("href", "")]
    for child in element.children:
        found += _hrefs(child)
    return found


def test_quote_status_says_exact_approximate_or_missing(html_page: Page) -> None:
    statuses = {e.text.strip() for e in html_page.with_class("qs")}
    assert "Quote found exactly" in statuses
    assert any(s.startswith("Quote not found in the source") for s in statuses)


def test_approximate_quote_shows_what_was_found(html_project: Callable[..., Path]) -> None:
    claims = (
        "- topic: founding\n  property: place\n  value: Tashkent\n"
        "  quote: The treaty was sined in Tashkent\n"
    )
    report = reconcile.compare(reconcile.load_project(html_project({"claims/c.yaml": claims})))
    page = Page(render_html(report))
    assert any(e.text.startswith("Quote found approximately (") for e in page.with_class("qs"))
    found = page.with_class("found")
    # (the core aligns a window as long as the quote, hence "Tashken")
    assert found and "The treaty was signed in Tashken" in found[0].text


def test_entity_matrix_puts_disputed_rows_first(html_page: Page) -> None:
    card = html_page.by_id()["g-founding--signatories"]
    matrix = next(e for e in html_page.with_class("matrix") if card in e.ancestors())
    rows = next(e for e in matrix.children if e.tag == "tbody").children
    labels = [(r.children[0].children[0].text, "disputed" in r.classes()) for r in rows]
    assert labels[:2] == [("Belarus", True), ("Uzbekistan", True)]
    assert {label for label, disputed in labels[2:]} == {"Armenia", "Russia"}
    assert not any(disputed for _, disputed in labels[2:])
    head = next(e for e in matrix.children if e.tag == "thead")
    columns = [th.text for th in head.children[0].children][1:]
    assert columns == ["a", "b", "c"]
    belarus = rows[0]
    assert [td.attrs["class"] for td in belarus.children[1:]] == [
        "m-listed",
        "m-left_out",
        "m-silent",
    ]
    assert [td.text for td in belarus.children[1:]] == ["listed", "left out", "silent"]


def test_badges_carry_a_word_not_just_a_colour(html_page: Page) -> None:
    badges = html_page.with_class("badge")
    assert badges
    for badge in badges:
        assert badge.text.strip()
        assert any(child.tag == "i" for child in badge.children)


def test_dates_and_numbers_keep_precision_and_range(html_page: Page) -> None:
    text = html_page.root.text
    assert "15 May 1992" in text
    assert "at least 10,000" in text
    assert "about 4,000" in text
    card = html_page.by_id()["g-founding--signed"]
    tags = [e.text for e in html_page.with_class("tag") if card in e.ancestors()]
    assert "day" in tags and "year" in tags


def test_temporal_group_draws_a_timeline(html_page: Page) -> None:
    card = html_page.by_id()["g-membership--status--uzbekistan"]
    svgs = [e for e in html_page.find_all("svg") if card in e.ancestors()]
    assert len(svgs) == 1
    assert svgs[0].attrs["role"] == "img"
    assert "withdrawn (1999)" in svgs[0].attrs["aria-label"]
    assert "member (2006)" in svgs[0].attrs["aria-label"]
    bars = [e for e in html_page.elements if e.tag == "rect" and svgs[0] in e.ancestors()]
    assert len(bars) == 2
    # The digest reads as a history.
    assert "withdrawn (1999) (a) → member (2006) (b)" in " ".join(
        e.text for e in html_page.with_class("digest") if card in e.ancestors()
    )


def test_resolution_shows_the_decision_and_strikes_rejected_claims(html_page: Page) -> None:
    card = html_page.by_id()["g-founding--troops"]
    box = next(e for e in html_page.with_class("resolution") if card in e.ancestors())
    assert "at least 10,000" in box.text
    assert "The ministry's figures." in box.text
    assert "desk editor" in box.text and "20 November 2026" in box.text
    assert "Rejected: b" in box.text
    links = [e for e in html_page.find_all("a") if box in e.ancestors()]
    assert links[0].attrs["href"] == "https://example.org/ref"
    rejected = [e for e in html_page.find_all("tr") if "v-rejected" in e.classes()]
    assert len(rejected) == 1
    assert any(e.tag == "del" for e in _descendants(rejected[0]))
    assert "b" in rejected[0].children[0].text


def _descendants(element: Element) -> list[Element]:
    found = []
    for child in element.children:
        found += [child, *_descendants(child)]
    return found


def test_sources_table_and_full_texts(html_report: Report, html_page: Page) -> None:
    table = html_page.with_class("source-table")[0]
    rows = next(e for e in table.children if e.tag == "tbody").children
    assert [r.children[0].text for r in rows] == ["a", "b", "c"]
    c = rows[2]
    assert "Third source" in c.text and "Jane Doe" in c.text and "2020" in c.text
    counts = html_report.source_counts()["a"]
    assert [td.text for td in rows[0].children[5:9]] == [
        str(counts.claims),
        str(counts.agreements),
        str(counts.conflicts),
        str(counts.rejected),
    ]
    assert [e.attrs["href"] for e in _descendants(c) if e.tag == "a"][-1] == "https://example.org/c"
    thead = next(e for e in table.children if e.tag == "thead")
    heads = [th for th in thead.children[0].children if th.tag == "th"]
    assert all("data-sort-type" in th.attrs for th in heads[:-1])
    texts = html_page.with_class("fulltext")
    assert len(texts) == 3
    assert texts[0].attrs["dir"] == "rtl" and texts[2].attrs["dir"] == "ltr"


def test_search_text_is_folded_on_the_server(html_page: Page) -> None:
    data = html_page.by_id()["report-search"].text
    index = dict(json.loads(data))
    text = index["g-membership--status--uzbekistan"]
    assert "اوزبكستان" in text  # hamza seat folded, as SPEC §4 folds it
    assert normalise("في عام 2006 عادت أوزبكستان") in text
    assert "أ" not in text


def test_arabic_interface(html_report: Report) -> None:
    page = Page(render_html(html_report, ui_language="ar"))
    assert page.find_all("html")[0].attrs == {"lang": "ar", "dir": "rtl"}
    text = page.root.text
    assert "التأسيس" in text and "الدول الموقعة" in text and "تعارض" in text
    assert "15 مايو 1992" in text
    assert "Showing" not in text and "Conflict" not in text
    # Labels the project gives only in English stay English.
    assert "Troops" in text


def test_unknown_interface_language_falls_back_to_english(html_report: Report) -> None:
    page = Page(render_html(html_report, ui_language="xx"))
    assert page.find_all("html")[0].attrs["lang"] == "en"


def test_large_projects_write_collapsed_bodies_lazily(
    html_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_view, "LAZY_CLAIMS", 0)
    monkeypatch.setattr(html_view, "EAGER_OPEN_GROUPS", 1)
    html = render_html(html_report)
    page = Page(html)  # read as without JavaScript: everything is there
    lazy = page.with_class("lazy")
    assert {e.tag for e in lazy} == {"noscript"}
    lazy_cards = {a.attrs["id"] for e in lazy for a in e.ancestors() if a.tag == "article"}
    # The first open group is drawn; the other open one and every closed one are lazy.
    assert lazy_cards == {
        "g-membership--status--uzbekistan",
        "g-founding--signed",
        "g-membership--status--belarus",
        "g-founding--place",
        "g-founding--troops",
    }
    assert len([e for e in lazy if e.parent and e.parent.tag == "section"]) == 3  # full texts
    ids = page.by_id()
    assert all(href[1:] in ids for href in re.findall(r'href="(#[^"]+)"', html))


def test_problems_are_listed_with_their_place(html_page: Page) -> None:
    table = html_page.with_class("problem-table")[0]
    text = table.text
    assert "claims/c.yaml:19" in text and "quote-not-found" in text
    links = [e for e in _descendants(table) if e.tag == "a"]
    assert links and links[0].attrs["href"] == "#c--c--16-3"  # the claim holding line 19


MISQUOTE_CLAIM = (
    "- topic: founding\n  property: troops\n  value: {min: 20000}\n"
    "  quote: نشرت القوات أكثر من 20,000 جندي في العاصمة طشقند\n"
)


def misquoted_page(html_project: Callable[..., Path]) -> Page:
    from conftest import HTML_FILES

    files = {"claims/a.yaml": HTML_FILES["claims/a.yaml"] + MISQUOTE_CLAIM}
    return Page(render_html(reconcile.compare(reconcile.load_project(html_project(files)))))


def test_the_first_screen_counts_misquotes_beside_conflicts(
    html_project: Callable[..., Path], html_page: Page
) -> None:
    assert html_page.by_id()["misquotes-h"].text.strip().endswith("Misquotes 0")
    page = misquoted_page(html_project)
    heading = page.by_id()["misquotes-h"]
    [count] = [e for e in heading.children if "misquote-filter" in e.classes()]
    assert count.text == "1" and count.attrs["href"] == "?quote=misquoted"
    [item] = page.with_class("misquote-list")[0].children
    assert "“20,000” ≠ “10,000”" in item.text
    assert item.children[0].attrs["href"].startswith("#c--a--")


def test_a_misquoted_card_can_be_filtered_and_shows_the_word_diff(
    html_project: Callable[..., Path],
) -> None:
    page = misquoted_page(html_project)
    cards = [e for e in page.find_all("article") if "data-misquoted" in e.attrs]
    assert [card.attrs["id"] for card in cards] == ["g-founding--troops"]
    assert page.find_all("input", id="misquoted", type="checkbox")
    [diff] = page.with_class("qdiff")
    bdi = diff.children[-1]
    assert bdi.tag == "bdi" and bdi.attrs["dir"] == "auto" and bdi.attrs["lang"] == "ar"
    [deleted] = [e for e in bdi.children if e.tag == "del"]
    [inserted] = [e for e in bdi.children if e.tag == "ins"]
    assert deleted.text == "[-10,000-]" and inserted.text == "{+20,000+}"
    assert bdi.text.startswith("نشرت القوات أكثر من [-10,000-] {+20,000+} جندي")
    [status] = [e for e in page.with_class("qs") if "qs-misquoted" in e.classes()]
    assert status.text.startswith("Misquoted: the words that differ change a fact (")


def test_a_conflict_card_says_which_claims_contradict(html_page: Page) -> None:
    card = html_page.by_id()["g-founding--signatories"]
    pairs = [e for e in html_page.with_class("pairs") if card in e.ancestors()]
    assert len(pairs) == 1
    assert "≠" in pairs[0].text and pairs[0].text.startswith("Contradicting:")
