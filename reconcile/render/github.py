"""`check --format github`: one GitHub Actions workflow command per finding.

GitHub shows each `::error` or `::warning` line as an annotation on the file and line it names.
"""

from __future__ import annotations

from reconcile.problems import Problem
from reconcile.render.places import PathText


def github_lines(findings: tuple[Problem, ...], path: PathText = str) -> str:
    """`::error file=…,line=…,col=…,title=…::message` for each finding, one a line."""
    lines = []
    for finding in findings:
        place = finding.place
        properties = ",".join(
            f"{key}={escape_property(value)}"
            for key, value in (
                ("file", path(place.file)),
                *((("line", str(place.line)), ("col", str(place.column))) if place.line else ()),
                ("title", f"reconcile ({finding.code})"),
            )
        )
        message = escape_data(f"{finding.message} [{finding.code}]")
        lines.append(f"::{finding.severity} {properties}::{message}")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: its message escaping, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
