"""The large report page's data (reconcile.render.html.bigpage), without a browser."""

from __future__ import annotations

import json

import pytest

from reconcile.model import Report
from reconcile.render.html import render_html
from reconcile.render.html import view as html_view
from reconcile.render.html.bigpage import data_json, utf16_offsets


def test_offsets_count_utf16_units_only_when_they_differ() -> None:
    assert utf16_offsets("مرحبا") is None
    assert utf16_offsets("a😀b") == [0, 1, 3, 4]


def test_no_text_can_end_the_script_element_it_is_carried_in() -> None:
    text = data_json({"q": "</script><script>alert(1)</script> & 'x'"})
    assert "<" not in text and ">" not in text and "&" not in text and "'" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & 'x'"}


def test_the_line_chooses_the_page(html_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    small = render_html(html_report)
    assert "<article" in small and "report-index" not in small
    monkeypatch.setattr(html_view, "DATA_CLAIMS", len(html_report.project.claims) - 1)
    large = render_html(html_report)
    assert "<article" not in large and 'id="report-index"' in large
    # Its two scripts, and nothing else, may run.
    csp = large.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert csp.count("sha256-") == 3  # two scripts and the stylesheet
    assert large.count("<script>") == 2
