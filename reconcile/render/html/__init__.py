"""The HTML report (SPEC §8): one self-contained page, escaped, searchable, offline.

`reconcile.render.html.view` decides what the page says; the templates in `templates/` decide
how it looks; this module joins them and writes the Content-Security-Policy that forbids the
page any request and any script but its own.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from reconcile.diff import Since
from reconcile.model import Report
from reconcile.render.html.view import Page, build_page
from reconcile.render.messages import messages, translate

TEMPLATE = "report.html.j2"
DATA_TEMPLATE = "bigreport.html.j2"

#: Run by the large page as soon as its index and first groups are parsed: the first cards and
#: the filters do not wait for the rest of the file (templates/big.js).
START_SCRIPT = 'document.dispatchEvent(new Event("reconcile-index"));'

#: The messages the large page's script words its cards with (templates/big.js).
CARD_MESSAGES = (
    "showing", "filters_cleared", "sort_by", "expanded_some", "one_source", "n_sources",
    "col_source", "col_value", "col_quote", "group_claims", "as_of", "as_written",
    "subject_as_written", "note", "show_in_source", "source_says", "quote_diff", "diff_deleted",
    "diff_inserted", "claim_file", "contradicting_pairs", "resolution", "resolution_as_of",
    "accepted_value", "reason", "reference", "decided_by", "decided_on", "matrix", "matrix_note",
    "matrix_entity", "disputed", "partial_list", "contradicted", "contradicted_title",
    "back_to_claim", "since_box", "since_was", "since_now", "since_new_group", "more_groups",
    "earlier_groups", "print_limited", "verdict_accepted", "verdict_rejected",
)  # fmt: skip


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one jinja environment: autoescaped, strict about undefined names."""
    env = Environment(
        loader=PackageLoader("reconcile.render.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Arabic stays readable (and three times smaller) in the embedded JSON; tojson still
    # escapes <, >, & and ' so that no text can close the <script> element.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


@cache
def asset(name: str) -> str:
    """A static file shipped next to the templates (the stylesheet, the script)."""
    return (resources.files("reconcile.render.html") / "templates" / name).read_text(
        encoding="utf-8"
    )


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str, *scripts: str) -> str:
    """Nothing may load; only our own scripts and stylesheet, by hash, may run or apply."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(csp_hash(text) for text in (script, *scripts)),
            f"style-src {csp_hash(style)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def render_html(
    report: Report,
    *,
    ui_language: str = "en",
    generated: str | None = None,
    since: Since | None = None,
) -> str:
    """The whole report page for `report`, its own words in `ui_language` ("en" or "ar").

    `generated` (e.g. an ISO timestamp) is shown as given; without it the same report always
    renders to the same bytes. `since` (reconcile.diff.since) marks what changed since a
    baseline.
    """
    page = build_page(report, ui_language, generated, since)
    return render_data_page(page, report) if page.data else render_page(page)


def render_page(page: Page) -> str:
    """The page for an already built view (see `reconcile.render.html.view.build_page`)."""
    from reconcile import __version__

    env = environment()
    script, style = asset("report.js"), asset("report.css")
    if page.since:  # the "changed since" filter's own script and styles: only where it is used
        script, style = script + asset("since.js"), style + asset("since.css")
    words = _translator(page.lang)
    data: dict[str, Any] = {
        "messages": {
            key: words(key) for key in ("showing", "filters_cleared", "sort_by", "expanded_some")
        },
        "statuses": [status.key for status in page.statuses],
    }
    return env.get_template(TEMPLATE).render(
        page=page,
        t=words,
        css=Markup(style),  # our own files, not the project's: inserted as written
        script=Markup(script),
        csp=content_security_policy(script, style),
        data=data,
        search=[list(row) for row in page.search_index],
        version=__version__,
    )


def render_data_page(page: Page, report: Report) -> str:
    """The large page: groups, claims and source texts as data, the cards built by its script."""
    from reconcile import __version__
    from reconcile.render.html.bigpage import page_data

    script, style = asset("big.js"), asset("report.css") + asset("big.css")
    if page.since:
        style += asset("since.css")
    catalogue = messages(page.lang)
    data: dict[str, Any] = {
        "messages": {key: catalogue[key] for key in CARD_MESSAGES},
        "statuses": [status.key for status in page.statuses],
        "status_words": {s.key: s.word for s in page.statuses},
        "dir": page.dir,
        "topics": {option.value: option.label for option in page.topics},
        "since": _since_marks(page),
    }
    return (
        environment()
        .get_template(DATA_TEMPLATE)
        .render(
            page=page,
            t=_translator(page.lang),
            css=Markup(style),
            script=Markup(script),
            csp=content_security_policy(script, style, START_SCRIPT),
            start=Markup(START_SCRIPT),
            data=data,
            blocks=_data_blocks(page_data(page, report)),
            version=__version__,
        )
    )


def _data_blocks(data: dict[str, Any]) -> dict[str, Any]:
    """Each part of the large page's data as JSON escaped as tojson escapes it."""
    from reconcile.render.html.bigpage import data_json

    return {
        "index": Markup(data_json(data["index"])),
        "chunks": [Markup(data_json(chunk)) for chunk in data["chunks"]],
        "texts": [Markup(data_json(text)) for text in data["texts"]],
        "search": Markup(data_json(data["search"])),
    }


def _since_marks(page: Page) -> dict[str, list[Any]] | None:
    """Per group anchor, its --since mark: kind, badge, status before and its word."""
    if not page.since:
        return None
    return {
        anchor: [change.kind, change.badge, change.before, change.before_word, change.arrow]
        for anchor, change in page.since.cards.items()
    }


def _translator(lang: str) -> Any:
    return partial(translate, messages(lang))
