"""Problems a user can cause, each with its place: the one error type of reconcile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where something was written: a project-relative path and a 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning, printed the way compilers print them."""

    place: Place
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.severity}: {self.message} [{self.code}]"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.place.file, self.place.line, self.place.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": str(self.severity),
            "code": self.code,
            "file": self.place.file,
            "line": self.place.line,
            "column": self.place.column,
            "message": self.message,
        }


def error(place: Place, code: str, message: str) -> Problem:
    return Problem(place, Severity.ERROR, code, message)


def warning(place: Place, code: str, message: str) -> Problem:
    return Problem(place, Severity.WARNING, code, message)


def sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in file order, each once."""
    return tuple(sorted(set(problems), key=lambda p: p.sort_key))


class ReconcileError(Exception):
    """Raised when input has errors; carries every problem of the run, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
