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
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


def whole_file(file: str) -> Place:
    """A place with no line to point at: a whole file, or a git revision (line 0)."""
    return Place(file, 0, 0)


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


@dataclass(frozen=True, slots=True)
class Code:
    """What a problem code means, and the severities its problems take."""

    severities: tuple[Severity, ...]
    meaning: str


_E, _W, _EW = (Severity.ERROR,), (Severity.WARNING,), (Severity.ERROR, Severity.WARNING)

#: Every problem code reconcile reports; docs/errors.md lists the same.
CODES: dict[str, Code] = {
    code: Code(severities, meaning)
    for code, severities, meaning in (
        ("article-too-large", _E, "an article given to add-source is larger than 16 MiB"),
        (
            "bad-baseline",
            _E,
            "diff's baseline is not JSON, or not an object check --format json writes",
        ),
        ("bad-character", _E, "the file holds a character YAML forbids, such as a control one"),
        ("bad-date", _E, "a date is not EDTF, or --decided is not YYYY-MM-DD"),
        ("bad-encoding", _E, "the file is not UTF-8"),
        ("bad-key", _E, "a YAML key is a list or a mapping, not a plain word"),
        ("bad-revision", _E, "diff's revision is empty or starts with -"),
        ("bad-setting", _E, "a setting of reconcile.yaml is out of its range or malformed"),
        ("bad-source-id", _E, "a source id (file name or --id) is not lowercase a-z, 0-9 and -"),
        ("bad-type", _E, "a property's type is not one of the property types"),
        ("bad-value", _E, "a value cannot be read: a bad YAML scalar, tolerance or --value"),
        ("broken-link", _E, "a file in sources/ or claims/ is a symbolic link to nothing"),
        ("cannot-append", _E, "resolve cannot add to resolutions.yaml without disturbing it"),
        (
            "cannot-fetch",
            _E,
            "add-source cannot fetch the article's URL: offline, refused, timed out",
        ),
        ("duplicate-key", _E, "a mapping gives the same key twice"),
        ("empty-name", _E, "an entity's name has no letters or digits"),
        ("exists", _E, "a file add-source or init would write is there already"),
        ("file-too-large", _E, "the file (or what a pipe or device gives) is larger than 64 MiB"),
        ("fuzzy-name", _W, "a name was taken as an entity only because it is similar to one"),
        ("ignored-file", _W, "a file or folder in claims/ or sources/ that is not read"),
        (
            "missing-baseline",
            _E,
            "diff's baseline names no file (a name ending in .json, or a folder)",
        ),
        ("missing-field", _E, "a required field is missing"),
        ("missing-git", _E, "diff names a revision, and git is not installed"),
        ("missing-time", _E, "a temporal claim has no as_of, and its source no published date"),
        ("no-front-matter", _E, "a source does not start with front matter between '---' lines"),
        ("no-group", _E, "a resolution names a group that no claim is in"),
        ("no-project", _E, "the folder holds no reconcile.yaml"),
        ("no-quote", _W, "a claim has no quote from its source"),
        ("no-source", _E, "a claims file has no source of the same id"),
        (
            "not-a-git-repository",
            _E,
            "diff names a revision, and the project is in no git repository",
        ),
        ("not-in-revision", _E, "the project is not in diff's git revision"),
        ("output-is-input", _E, "report --output names one of the project's own files"),
        ("outside-project", _E, "a file, or the link it is, points outside the project folder"),
        ("quote-approximate", _W, "a claim's quote is found in its source only approximately"),
        (
            "quote-misquoted",
            _W,
            "a claim's quote is near a passage of its source but differs in a number, a name or "
            "a negation",
        ),
        ("quote-not-found", _W, "a claim's quote is not found in its source"),
        (
            "quote-too-long",
            _W,
            "a quote is over 5,000 characters or 50 ellipsis parts, and is not checked",
        ),
        ("repeated-entity", _W, "a list of entities names the same entity twice"),
        ("shared-name", _E, "two entities of one kind share a name"),
        ("stale-resolution", _W, "a resolution decides a group that holds no contradiction"),
        ("text-expands", _E, "a source's text folds to more than twice its length"),
        ("unexpected-field", _E, "a field the property does not take, such as as_of"),
        ("unknown-choice", _E, "a value is not one of the property's choices"),
        ("unknown-entity", _E, "a name is no name of any entity of its kind"),
        ("unknown-field", _EW, "a field the file does not define (in front matter: a warning)"),
        ("unknown-kind", _E, "a property names an entity kind reconcile.yaml does not define"),
        ("unknown-property", _E, "the topic has no property of that id"),
        ("unknown-revision", _E, "diff's baseline is neither a file nor a git revision"),
        ("unknown-source", _E, "suggest names a source that is not in sources/"),
        ("unknown-topic", _E, "reconcile.yaml has no topic of that id"),
        ("unreadable-article", _E, "an article add-source recognises but gets no text from"),
        (
            "unreadable-file",
            _E,
            "the file cannot be read: unreadable, a folder, or a loop of links",
        ),
        ("unreadable-folder", _E, "sources/, claims/ or the project folder cannot be read"),
        ("unsafe-tag", _E, "a YAML tag beyond the core schema, such as !!binary"),
        (
            "unsupported-article",
            _E,
            "an article that is a PDF, an image, an archive or other binary",
        ),
        ("unwritable-file", _E, "a file cannot be written"),
        ("value-not-in-quote", _W, "a claim's quote does not mention its date, number or entity"),
        ("wrong-type", _E, "a value or field of the wrong type"),
        ("yaml-alias-bomb", _E, "YAML aliases expand to more than 10,000 copies"),
        ("yaml-syntax", _E, "the file is not valid YAML"),
        ("yaml-too-deep", _E, "values nest more than 64 levels deep"),
    )
}
