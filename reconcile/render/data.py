"""What a report says, as data: the JSON object of SPEC §7, CSV rows and a pandas DataFrame."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from reconcile.model import ClaimView, Group, Report, Resolution
from reconcile.problems import Problem
from reconcile.render.jsontext import PairRows, dumps

if TYPE_CHECKING:
    import pandas

FORMAT_VERSION = 1


#: How a group's `contradicting` pairs are given: as lists, or as rows the JSON writer writes.
PairsData = Callable[[Group], Any]


def report_data(report: Report) -> dict[str, Any]:
    """The report as SPEC §7's JSON object: canonical values, deterministic order."""
    return _report_data(report, [group_data(group, _pair_lists) for group in report.groups])


def json_data(report: Report) -> dict[str, Any]:
    """`report_data` as `jsontext` writes it: the groups made one by one as they are written,
    and a group's contradicting pairs (n²/4 of n claims at most) handed over as rows, each
    first index with its seconds, not as a list per pair."""
    return _report_data(report, (group_data(group, _pair_rows) for group in report.groups))


def _pair_lists(group: Group) -> list[list[int]]:
    return [list(pair) for pair in group.contradicting]


def _pair_rows(group: Group) -> PairRows:
    return PairRows(group.contradicting_rows())


def _report_data(report: Report, groups: Iterable[dict[str, Any]]) -> dict[str, Any]:
    project = report.project
    counts = report.source_counts()
    return {
        "version": FORMAT_VERSION,
        "project": {"title": project.config.title},
        "summary": {
            "sources": len(project.sources),
            "claims": len(project.claims),
            "groups": len(report.groups),
            "by_status": report.by_status,
        },
        "sources": [
            {
                "id": source.id,
                "title": source.title,
                "published": source.published.edtf if source.published else None,
                "language": source.language or project.config.language,
                "claims": counts[source.id].claims,
            }
            for source in project.sources.values()
        ],
        "groups": groups,
        "problems": [problem.as_dict() for problem in report.problems],
    }


def group_data(group: Group, pairs: PairsData) -> dict[str, Any]:
    """One group of SPEC §7's `groups`: its claims, members and deciding resolution."""
    deciding = group.resolutions[-1] if group.resolutions else None
    return {
        "topic": group.topic.id,
        "property": group.property.id,
        "subject": group.subject.id if group.subject else None,
        "status": str(group.status),
        "claims": [claim_data(view) for view in group.claims],
        "contradicting": pairs(group),
        "members": [
            {
                "entity": row.entity,
                "listed_by": list(row.listed_by),
                "left_out_by": list(row.left_out_by),
                "silent": list(row.silent),
            }
            for row in group.members
        ],
        "resolution": resolution_data(deciding) if deciding else None,
    }


def claim_data(view: ClaimView) -> dict[str, Any]:
    """One claim of a group, canonical value and place."""
    claim = view.claim
    return {
        "source": claim.source,
        "value": claim.value.canonical(),
        "as_of": claim.as_of.edtf if claim.as_of else None,
        "quote": claim.quote,
        "quote_status": str(claim.quote_match.status),
        "file": claim.place.file,
        "line": claim.place.line,
        "verdict": str(view.verdict) if view.verdict else None,
    }


def resolution_data(resolution: Resolution) -> dict[str, Any]:
    """The resolution that decides a group."""
    return {
        "value": resolution.value.canonical(),
        "as_of": resolution.as_of.edtf if resolution.as_of else None,
        "reason": resolution.reason,
        "reference": resolution.reference,
        "decided": resolution.decided,
        "by": resolution.by,
        "file": resolution.place.file,
        "line": resolution.place.line,
    }


def render_json(report: Report) -> str:
    """The report as SPEC §7's JSON text, ending in a newline."""
    return to_json(json_data(report)) + "\n"


CSV_COLUMNS = (
    "source",
    "topic",
    "property",
    "subject",
    "value",
    "written",
    "as_of",
    "quote",
    "quote_status",
    "status",
    "verdict",
    "file",
    "line",
)


def claim_rows(report: Report) -> list[dict[str, Any]]:
    """One row per claim, in report order: what the CSV and the DataFrame hold."""
    rows = []
    for group in report.groups:
        for view in group.claims:
            claim = view.claim
            rows.append(
                {
                    "source": claim.source,
                    "topic": claim.topic,
                    "property": claim.property,
                    "subject": claim.subject,
                    "value": claim.value.canonical(),
                    "written": claim.written,
                    "as_of": claim.as_of.edtf if claim.as_of else None,
                    "quote": claim.quote,
                    "quote_status": str(claim.quote_match.status),
                    "status": str(group.status),
                    "verdict": str(view.verdict) if view.verdict else None,
                    "file": claim.place.file,
                    "line": claim.place.line,
                }
            )
    return rows


def render_csv(report: Report) -> str:
    """One CSV row per claim, in report order, under a header of `CSV_COLUMNS`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in claim_rows(report):
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return csv_cell(json.dumps(value, ensure_ascii=False, default=str))
    return csv_cell(value)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows and never runs: text starting = + - @ tab or CR gets a
    leading ', unless it is a negative number."""
    risky = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    return "'" + value if risky and not _NUMBER.fullmatch(value) else value


def claims_frame(report: Report) -> pandas.DataFrame:
    """A pandas DataFrame with one row per claim, for notebooks."""
    import pandas  # imported here so that the command line starts fast

    return pandas.DataFrame(claim_rows(report), columns=list(CSV_COLUMNS))


def error_data(problems: tuple[Problem, ...]) -> dict[str, Any]:
    """The JSON object of a run stopped by errors: no groups, every problem."""
    return {
        "version": FORMAT_VERSION,
        "project": None,
        "summary": None,
        "sources": [],
        "groups": [],
        "problems": [problem.as_dict() for problem in problems],
    }


def to_json(data: dict[str, Any]) -> str:
    """`data` as indented JSON, non-ASCII text kept as written."""
    return dumps(data)
