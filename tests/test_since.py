"""report --since: the page marks what changed since a baseline; the other formats; the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from gitrepo import commit, git
from reconcile.diff import Since
from reconcile.model import Report
from reconcile.render import render
from reconcile.render.html import render_html
from test_render_html import Element, Page

SIGNATORIES, TROOPS, UZBEKISTAN = (
    "g-founding--signatories",
    "g-founding--troops",
    "g-membership--status--uzbekistan",
)
SIGNED, BELARUS, PLACE = "g-founding--signed", "g-membership--status--belarus", "g-founding--place"


@pytest.fixture
def since_page(html_report: Report, html_since: Since) -> Page:
    return Page(render_html(html_report, since=html_since))


def cards(page: Page) -> dict[str, Element]:
    return {card.attrs["id"]: card for card in page.find_all("article")}


def inside(element: Element, name: str) -> list[Element]:
    """The descendants of `element` with the class `name`."""
    found, todo = [], list(element.children)
    while todo:
        node = todo.pop(0)
        if name in node.classes():
            found.append(node)
        todo[:0] = node.children
    return found


def words(element: Element) -> str:
    return " ".join(element.text.split())


# The page ------------------------------------------------------------------------------------


def test_each_new_or_changed_card_has_a_badge(since_page: Page) -> None:
    badges = {
        anchor: words(inside(card, "since-badge")[0])
        for anchor, card in cards(since_page).items()
        if inside(card, "since-badge")
    }
    assert badges == {
        SIGNATORIES: "changed: compatible → conflict",
        TROOPS: "changed: conflict → resolved",
        SIGNED: "1 claim added",
        BELARUS: "new",
        PLACE: "1 note changed",
    }
    marks = {anchor: card.attrs.get("data-since") for anchor, card in cards(since_page).items()}
    assert marks == {
        SIGNATORIES: "changed",
        TROOPS: "changed",
        UZBEKISTAN: None,
        SIGNED: "changed",
        BELARUS: "new",
        PLACE: "changed",
    }
    # The badge sits in the card's summary, where a collapsed card still shows it.
    (summary,) = [
        e for e in since_page.find_all("summary") if e.parent.parent.attrs["id"] == SIGNED
    ]
    assert inside(summary, "since-badge")


def test_the_top_of_the_page_names_the_baseline(since_page: Page) -> None:
    (line,) = since_page.with_class("since-line")
    assert line.parent.tag == "div" and line.parent.parent.tag == "header"
    assert words(line) == (
        "Marked: what changed since HEAD~1 (commit 3ae3156c0d1e, 2026-05-01): "
        "1 new, 4 changed, 1 gone. See the 5 groups changed"
    )
    assert [a.attrs["href"] for a in line.children if a.tag == "a"] == ["#since"]
    nav = since_page.find_all("nav", class_="sections")[0]
    assert "Changes 5" in words(nav)


def test_a_file_baseline_is_named_with_its_date(html_report: Report, html_since: Since) -> None:
    from dataclasses import replace

    baseline = replace(html_since.baseline, kind="file", name="reports/b.json", commit=None)
    page = Page(render_html(html_report, since=Since(baseline, html_since.diff)))
    assert "since reports/b.json (saved 2026-05-01):" in words(page.with_class("since-line")[0])
    undated = Since(replace(baseline, date=None), html_since.diff)
    line = Page(render_html(html_report, since=undated)).with_class("since-line")[0]
    assert "since reports/b.json: 1 new" in words(line)


def test_the_list_of_changes_links_each_card(since_page: Page) -> None:
    section = since_page.by_id()["since"]
    (listed,) = inside(section, "since-list")
    links = [a for a in listed.children for a in a.children if a.tag == "a"]
    assert [a.attrs["href"] for a in links] == [
        f"#{anchor}" for anchor in (SIGNATORIES, TROOPS, SIGNED, BELARUS, PLACE)
    ]
    assert words(links[0]) == "Founding › Original signatories"
    assert "1 new, 4 changed, 1 gone" in words(section)


def test_groups_gone_are_listed_without_a_card(since_page: Page) -> None:
    section = since_page.by_id()["since"]
    (gone,) = inside(section, "since-gone")
    assert [words(li) for li in gone.children] == [
        "Membership › Status (Armenia) was Single source"
    ]
    assert "g-membership--status--armenia" not in cards(since_page)
    assert "g-membership--status--armenia" not in since_page.raw


def test_a_card_says_what_changed(since_page: Page) -> None:
    signatories = inside(cards(since_page)[SIGNATORIES], "since-box")[0]
    (status,) = inside(signatories, "since-status")
    assert words(status) == "Before Compatible → now Conflict"
    (line,) = inside(signatories, "sc-changed")
    assert words(line) == (
        "changed b value Armenia, Belarus, Russia → Armenia, Russia, Uzbekistan "
        "claims/b.yaml, line 5"
    )
    link = next(e for e in line.children if e.tag == "a")
    assert link.attrs["href"] == "#c--b--5-3"  # the claim's row in the same card

    troops = inside(cards(since_page)[TROOPS], "since-box")[0]
    assert words(inside(troops, "since-resolution")[0]) == (
        "New resolution: at least 10,000 (accepted: a, rejected: b)"
    )
    assert words(inside(troops, "since-status")[0]) == "Before Conflict → now Resolved"

    (added,) = inside(inside(cards(since_page)[SIGNED], "since-box")[0], "sc-added")
    assert words(added) == "added c 1992 signed on a day nobody remembers claims/c.yaml, line 16"
    assert [q.attrs for q in added.children if q.tag == "q"] == [{"dir": "auto"}]

    belarus = inside(cards(since_page)[BELARUS], "since-box")[0]
    assert "New since the baseline" in words(belarus)
    assert "added c member as of 2020" in words(belarus)

    place = inside(cards(since_page)[PLACE], "since-box")[0]
    assert words(inside(place, "sc-note")[0]).startswith(
        "note changed c note an earlier note → <img src=x onerror=window.__pwned=5>"
    )
    assert not inside(cards(since_page)[UZBEKISTAN], "since-box")


def test_links_ids_escaping_and_the_policy_still_hold(since_page: Page) -> None:
    ids = since_page.by_id()
    hrefs = [e.attrs["href"] for e in since_page.elements if e.attrs.get("href", "")[:1] == "#"]
    assert sorted({h for h in hrefs if h[1:] not in ids}) == []
    all_ids = [e.attrs["id"] for e in since_page.elements if "id" in e.attrs]
    assert len(all_ids) == len(set(all_ids))
    assert "<img src=x onerror=window.__pwned=5>" not in since_page.raw
    assert since_page.find_all("img") == []
    policy = since_page.find_all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    script = since_page.find_all("script")[0].text
    style = since_page.find_all("style")[0].text
    for kind, text in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy
    assert "since-only" in script and "since-only" in style


def test_the_filter_sits_with_the_others(since_page: Page) -> None:
    toolbar = since_page.with_class("toolbar")[0]
    (toggle,) = inside(toolbar, "since-toggle")
    box = next(e for e in toggle.children if e.tag == "input")
    assert box.attrs["id"] == "since-filter" and box.attrs["type"] == "checkbox"
    assert words(toggle) == "Changed since HEAD~1 5"
    keys = since_page.find_all("dialog")[0]
    assert "cShow only what changed since the baseline, or everything" in words(keys)


def test_without_since_nothing_is_marked(html_report: Report, html_since: Since) -> None:
    plain = render_html(html_report)
    for mark in ("since", "data-since"):
        assert mark not in plain
    marked = render_html(html_report, since=html_since)
    assert len(marked) > len(plain)


def test_the_arabic_interface(html_report: Report, html_since: Since) -> None:
    page = Page(render_html(html_report, ui_language="ar", since=html_since))
    badges = {
        anchor: words(inside(card, "since-badge")[0])
        for anchor, card in cards(page).items()
        if inside(card, "since-badge")
    }
    assert badges[SIGNATORIES] == "تغيّرت: متوافق ← تعارض"
    assert badges[BELARUS] == "جديدة"
    assert badges[SIGNED] == "ادعاء مضاف"
    assert words(page.with_class("since-line")[0]).startswith(
        "مُعلَّم في الصفحة: ما تغيّر منذ HEAD~1 (الإيداع 3ae3156c0d1e، 2026-05-01)"
    )
    # Source ids and places keep their own direction inside the right-to-left lines.
    line = inside(cards(page)[SIGNATORIES], "sc-changed")[0]
    assert [e.attrs.get("dir") for e in line.children if "sc-src" in e.classes()] == ["ltr"]
    assert [e.tag for e in line.children if "place" in e.classes()] == ["bdi"]


# The other formats -----------------------------------------------------------------------------


def test_json_and_csv_keep_their_contract(html_report: Report, html_since: Since) -> None:
    for fmt in ("json", "csv"):
        assert render(html_report, fmt, since=html_since) == render(html_report, fmt)


def test_the_markdown_memo_ends_with_the_diffs_section(
    html_report: Report, html_since: Since
) -> None:
    memo = render(html_report, "md", since=html_since)
    plain = render(html_report, "md")
    assert memo.startswith(plain)
    section = memo[len(plain) :]
    assert section.startswith("\n### Changes since `HEAD~1` (3ae3156c0d1e)\n")
    assert "**Worse**\n\n- `founding.signatories`: compatible → conflict" in section
    assert "**Gone groups**\n\n- `membership.status.armenia`: single" in section


# The command line ------------------------------------------------------------------------------


@pytest.fixture
def project(html_project: Callable[..., Path], run, tmp_path: Path) -> tuple[Path, Path]:
    """The sample project, and its JSON baseline saved before c's new claims."""
    from conftest import SINCE_BASELINE_FILES

    before = html_project(SINCE_BASELINE_FILES)
    (before / "resolutions.yaml").unlink()
    saved = tmp_path / "baseline.json"
    saved.write_text(run("check", "--project", before, "--format", "json").stdout, "utf-8")
    return html_project(), saved


def test_report_since_a_json_file(run, project: tuple[Path, Path], tmp_path: Path) -> None:
    root, saved = project
    target = tmp_path / "out.html"
    result = run("report", "--project", root, "--since", saved, "--output", target)
    assert result.exit_code == 1  # as without --since: a conflict is open
    assert result.stdout.splitlines()[-1].startswith(f"marked since {saved}: 1 group new, ")
    page = Page(target.read_text(encoding="utf-8"))
    marked = {a for a, card in cards(page).items() if card.attrs.get("data-since")}
    assert marked == {SIGNATORIES, TROOPS, SIGNED, BELARUS}  # a JSON file has no notes
    assert f"since {saved} (saved " in words(page.with_class("since-line")[0])


def test_report_since_formats(run, project: tuple[Path, Path], tmp_path: Path) -> None:
    root, saved = project
    for fmt in ("json", "csv", "md"):
        plain, marked = tmp_path / f"plain.{fmt}", tmp_path / f"marked.{fmt}"
        run("report", "--project", root, "--format", fmt, "--output", plain)
        result = run(
            "report", "--project", root, "--format", fmt, "--output", marked, "--since", saved
        )
        assert result.exit_code == 1
        same = plain.read_bytes() == marked.read_bytes()
        assert same is (fmt != "md"), fmt
    assert json.loads((tmp_path / "marked.json").read_text("utf-8"))["version"] == 1
    assert "### Changes since" in (tmp_path / "marked.md").read_text("utf-8")


def test_report_since_a_git_revision(
    run, html_project: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import HTML_FILES, SINCE_BASELINE_FILES

    root = html_project(SINCE_BASELINE_FILES)
    (root / "resolutions.yaml").unlink()
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "the first articles")
    for name in ("claims/b.yaml", "claims/c.yaml", "resolutions.yaml"):
        (root / name).write_text(HTML_FILES[name], encoding="utf-8")
    commit(tmp_path, "c's claims, and a resolution")
    short = git(tmp_path, "rev-parse", "HEAD~1")[:12]
    target = tmp_path / "out.html"
    result = run("report", "--project", root, "--since", "HEAD~1", "--output", target)
    assert result.exit_code == 1, result.output
    page = Page(target.read_text(encoding="utf-8"))
    line = words(page.with_class("since-line")[0])
    assert f"since HEAD~1 (commit {short}, " in line
    assert line.endswith("1 new, 4 changed, 1 gone. See the 5 groups changed")
    assert run("report", "--project", root, "--since", "HEAD").exit_code == 1
    head = Page((root / "reports" / "consistency.html").read_text(encoding="utf-8"))
    assert "Nothing changed since the baseline." in words(head.by_id()["since"])


@pytest.mark.parametrize(
    ("baseline", "code"),
    [("no-such-tag", "unknown-revision"), ("old.json", "missing-baseline")],
)
def test_a_bad_baseline_writes_nothing(
    run, html_project: Callable[..., Path], tmp_path: Path, baseline: str, code: str
) -> None:
    root = html_project()
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "first")
    result = run("report", "--project", root, "--since", baseline)
    assert result.exit_code == 2
    assert f"[{code}]" in result.stderr
    assert result.stderr.endswith("1 error; nothing was written.\n")
    assert not (root / "reports").exists()


def test_a_baseline_that_is_not_one(run, html_project: Callable[..., Path], tmp_path: Path) -> None:
    root = html_project()
    other = tmp_path / "other.json"
    other.write_text('{"version": 2}', encoding="utf-8")
    for baseline, code in ((other, "bad-baseline"), ("HEAD", "not-a-git-repository")):
        result = run("report", "--project", root, "--since", baseline, "--format", "json")
        assert result.exit_code == 2
        assert f"[{code}]" in result.stderr
        assert "Traceback" not in result.output
        assert not (root / "reports").exists()


def test_misquotes_and_resolutions_withdrawn_are_named(
    html_report: Report, html_since: Since
) -> None:
    from dataclasses import replace

    from reconcile.diff import MisquoteChange, ResolutionChange

    key = ("founding", "place", None)
    claim = {"source": "c", "value": "Tashkent", "quote": "q", "file": "claims/c.yaml", "line": 6}
    resolution = {"value": "Tashkent", "reason": "r"}
    result = replace(
        html_since.diff,
        claims=(),
        misquotes=(
            MisquoteChange(key, "c", "new", claim),
            MisquoteChange(key, "a", "fixed", claim),
        ),
        resolutions=(
            ResolutionChange(key, "gone", resolution, None, (("c", "Tashkent", "accepted"),)),
        ),
    )
    page = Page(render_html(html_report, since=Since(html_since.baseline, result)))
    card = cards(page)[PLACE]
    assert words(inside(card, "since-badge")[0]) == (
        "resolution withdrawn, 1 new misquote, 1 misquote fixed"
    )
    box = inside(card, "since-box")[0]
    assert words(inside(box, "since-resolution")[0]) == (
        "Resolution withdrawn: it accepted Tashkent (accepted: c)"
    )
    assert [words(m) for m in inside(box, "since-misquote")] == [
        "c: the quote no longer matches the article (misquote)",
        "a: the misquote is fixed",
    ]
