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


def content_security_policy(script: str, style: str) -> str:
    """Nothing may load; only our own script and stylesheet, by hash, may run or apply."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(script)}",
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
    return render_page(build_page(report, ui_language, generated, since))


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


def _translator(lang: str) -> Any:
    return partial(translate, messages(lang))
