"""reconcile.render.data: the report as SPEC §7's JSON object, CSV rows and a DataFrame."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reconcile.model import Report
from reconcile.problems import Place, error
from reconcile.render.data import (
    CSV_COLUMNS,
    claims_frame,
    error_data,
    render_csv,
    render_json,
    report_data,
    to_json,
)


def test_json_is_the_report_data_with_a_final_newline(html_report: Report) -> None:
    text = render_json(html_report)
    assert text == to_json(report_data(html_report)) + "\n"
    assert json.loads(text) == json.loads(to_json(report_data(html_report)))
    assert "روسيا" in text  # Arabic stays as written, not \u-escaped


def test_report_data_holds_members_with_their_three_states(html_report: Report) -> None:
    data = report_data(html_report)
    assert data["summary"]["groups"] == len(html_report.groups) == len(data["groups"])
    group = data["groups"][0]
    assert (group["topic"], group["property"], group["status"]) == (
        "founding",
        "signatories",
        "conflict",
    )
    belarus = next(row for row in group["members"] if row["entity"] == "belarus")
    assert belarus == {
        "entity": "belarus",
        "listed_by": ["a"],
        "left_out_by": ["b"],
        "silent": ["c"],
    }
    troops = next(g for g in data["groups"] if g["property"] == "troops")
    assert troops["resolution"]["reason"] == "The ministry's figures."


def test_csv_has_one_row_per_claim_in_report_order(html_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(html_report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(html_report.project.claims)
    assert [row["status"] for row in rows][:3] == ["conflict"] * 3
    assert json.loads(rows[0]["value"]) == ["armenia", "belarus", "russia"]
    assert rows[0]["line"] == "5"


def test_claims_frame_has_the_csv_columns(html_report: Report) -> None:
    frame = claims_frame(html_report)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == len(html_report.project.claims)


def test_error_data_has_no_groups_and_every_problem() -> None:
    problem = error(Place("claims/a.yaml", 3, 5), "bad-value", "not a date")
    data = error_data((problem,))
    assert data["project"] is None and data["summary"] is None
    assert data["groups"] == [] and data["sources"] == []
    assert data["problems"] == [problem.as_dict()]


def test_the_json_writer_writes_pair_rows_and_iterators_as_json_dumps_writes_lists() -> None:
    from reconcile.render.jsontext import PairRows, dumps

    rows = [(0, [2, 3]), (1, [2, 3]), (4, [9])]
    written = {"groups": iter([{"contradicting": PairRows(rows), "empty": PairRows(())}, 1])}
    lists = {"groups": [{"contradicting": [[i, j] for i, js in rows for j in js], "empty": []}, 1]}
    assert dumps(written) == json.dumps(lists, indent=2, ensure_ascii=False)
    assert dumps({"none": iter([])}) == json.dumps({"none": []}, indent=2)


@pytest.mark.parametrize(
    "text", ["plain", "del \x7f", "c1 \x85\x9b", "عربي \x9b", 'quote " \\ \n', "\udcff"]
)
def test_strings_written_visible_are_the_dumped_json_made_visible(text: str) -> None:
    from reconcile.render.jsontext import dumps, visible_json, visible_string, write_json

    pieces: list[str] = []
    write_json({"a": [text, {"b": text}]}, pieces.append, visible_string)
    assert "".join(pieces) == visible_json(dumps({"a": [text, {"b": text}]}))
    assert not any(0x7F <= ord(char) <= 0x9F for char in "".join(pieces))


def test_json_data_is_report_data_as_the_writer_gives_it(html_report: Report) -> None:
    from reconcile.render.data import json_data
    from reconcile.render.jsontext import dumps

    assert dumps(json_data(html_report)) == to_json(report_data(html_report))
