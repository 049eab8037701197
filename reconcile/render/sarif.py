"""`check --format sarif`: the findings as a SARIF 2.1.0 log, which code-scanning tools read."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from reconcile.problems import Place, Problem
from reconcile.render.findings import rule_codes
from reconcile.render.places import PathText

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif_log(
    findings: tuple[Problem, ...], *, version: str, path: PathText = str
) -> dict[str, Any]:
    """The SARIF log of `findings`; `path` shows a project file's path from the current folder."""
    codes = rule_codes()
    index = {code: n for n, code in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reconcile",
                        "version": version,
                        "rules": [
                            {"id": code, "shortDescription": {"text": meaning}}
                            for code, meaning in codes.items()
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index.get(f.code), path(f.place.file)) for f in findings],
            }
        ],
    }


def render_sarif(findings: tuple[Problem, ...], *, version: str, path: PathText = str) -> str:
    """The SARIF log as indented JSON text."""
    log = sarif_log(findings, version=version, path=path)
    return json.dumps(log, ensure_ascii=False, indent=2)


def _result(finding: Problem, rule_index: int | None, shown: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": str(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _location(finding.place, shown)}],
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    return result


def _location(place: Place, shown: str) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(shown)}}
    if place.line:  # a whole file has no region
        location["region"] = {"startLine": place.line, "startColumn": place.column}
    return location


def uri(path: str) -> str:
    """A path as a URI reference: relative ones percent-encoded, absolute ones as file: URIs."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(PurePosixPath(Path(path).as_posix()).as_posix())
