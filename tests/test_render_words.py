"""Values and labels in the reader's language: dates, numbers and who lists an entity."""

from __future__ import annotations

import pytest

from reconcile.model import Report
from reconcile.render.words import Words


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("1992-05-15", ("15 May 1992", "day")),
        ("2021-11-25T14:00:00", ("25 November 2021, 14:00", "time of day")),
        ("2021-11-25T14:05:30Z", ("25 November 2021, 14:05:30 UTC", "time of day")),
        ("2021-11-25T14:00:00+07:00", ("25 November 2021, 14:00 (+07:00)", "time of day")),
        ("1992-05", ("May 1992", "month")),
        ("1992", ("1992", "year")),
        ("199X", ("the 1990s", "decade")),
        ("1992~", ("about 1992", "year")),
        ("1992?", ("1992, uncertain", "year")),
        ("1990/1993", ("1990 – 1993", "range")),
        ("1992/..", ("from 1992", "range")),
        ("2004-06~-11", ("2004-06~-11", None)),
    ],
)
def test_date_descriptions(html_report: Report, edtf: str, words: tuple[str, str | None]) -> None:

    describer = Words(html_report.project.config, "en")
    assert describer.date(edtf) == words


@pytest.mark.parametrize(
    ("raw", "approximate", "text"),
    [
        ({"min": 10000}, False, "at least 10,000"),
        ({"max": 5}, False, "up to 5"),
        (3600, True, "about 3,600"),
        (2.5, False, "2.5"),
    ],
)
def test_number_descriptions(
    html_report: Report, raw: object, approximate: bool, text: str
) -> None:
    from reconcile.values import NumberValue, Tolerance, parse_number

    value = parse_number(raw, approximate=approximate, tolerance=Tolerance())
    assert isinstance(value, NumberValue)
    prop = next(
        p for t in html_report.project.config.topics.values() for p in t.properties.values()
    )
    assert Words(html_report.project.config).value(value, prop).text == text


def test_dispute_names_who_lists_and_who_leaves_out(html_report: Report) -> None:
    group = next(g for g in html_report.groups if g.key == "founding.signatories")
    belarus = next(row for row in group.members if row.entity == "belarus")
    assert Words(html_report.project.config).dispute(belarus) == "listed by a; left out by b"
    arabic = Words(html_report.project.config, "ar").dispute(belarus)
    assert arabic == "يذكره a؛ ويستبعده b"
