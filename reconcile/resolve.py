"""`reconcile resolve`: a resolution appended to resolutions.yaml, keeping every byte there.

The new entry goes after the file's list as it is laid out (a block list, or one written
inline); only when that cannot give the intended list does ruamel.yaml rewrite the file in
round-trip mode, keeping its comments. The draft is checked with the whole project first.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reconcile.files import locked, real_path, unwritable, write_atomic
from reconcile.load import CONFIG_FILE, RESOLUTIONS_FILE, load_project
from reconcile.problems import Place, Problem, ReconcileError, error
from reconcile.yamldump import dump, flowed, plain_date
from reconcile.yamlfile import YamlList, parse_yaml, read_text

__all__ = ["add_resolution"]

_RESOLUTIONS_HEADER = """\
# Editorial decisions on disputed facts, one list item each: the group it decides (topic,
# property, and subject where the property has one), the accepted value and the reason.
# `reconcile resolve` appends to this file and keeps everything else in it as it is.
"""


def add_resolution(
    root: Path,
    topic: str,
    property_id: str,
    value: str,
    reason: str,
    *,
    subject: str | None = None,
    as_of: str | None = None,
    reference: str | None = None,
    by: str | None = None,
    decided: str | None = None,
) -> None:
    """Append a resolution to resolutions.yaml, creating the file if needed.

    `value` is written as in a claims file ("[russia, armenia]", "1992-05-15", "{min: 10000}").
    The existing text is kept byte for byte: the new entry is appended after it. The draft is
    validated with the whole project first, and nothing is written when the new entry has
    errors (unknown topic, property, subject or entity, a value of the wrong type, no group of
    claims to resolve) or when reconcile.yaml has errors. Errors elsewhere in the project
    (a claims file, a source, an older resolution) do not block the new entry; `reconcile
    check` still reports them.
    """
    problems: list[Problem] = []
    entry: dict[str, Any] = {"topic": topic, "property": property_id}
    if subject is not None:
        entry["subject"] = subject
    if as_of is not None:
        entry["as_of"] = plain_date(as_of)
    entry["value"] = _value(value, problems)
    entry["reason"] = reason
    if reference is not None:
        entry["reference"] = reference
    entry["decided"] = _decided(decided, problems)
    if by is not None:
        entry["by"] = by
    if problems:
        raise ReconcileError(problems)

    path = _target(root)
    try:
        with locked(path):  # read, append and write as one step: a concurrent resolve waits
            existing, bom = _existing(path, RESOLUTIONS_FILE)
            draft, first_line = _append(existing, _entry_text(entry), entry)
            _validate(root, draft, first_line)
            write_atomic(path, bom + draft)
    except OSError as exc:
        raise unwritable(RESOLUTIONS_FILE, exc) from None


def _value(value: str, problems: list[Problem]) -> Any:
    """--value read as a claims file reads a value, with a file's limits; its errors go to
    `problems`."""
    try:
        parsed = parse_yaml(value, "--value")
    except ReconcileError as exc:
        reasons = "; ".join(problem.message for problem in exc.problems)
        tagged = any(problem.code == "unsafe-tag" for problem in exc.problems)
        problems.append(
            error(
                Place(RESOLUTIONS_FILE),
                "unsafe-tag" if tagged else "bad-value",
                f"--value is not a value as a claims file writes it ({reasons}); write a list "
                'as "[a, b]", a range as "{min: 10000}", and quote text holding [ ] { } : or #',
            )
        )
        return None
    return flowed(_plain(parsed))


def _decided(decided: str | None, problems: list[Problem]) -> dt.date | None:
    """--decided as a date, today without it; a date not written YYYY-MM-DD goes to `problems`."""
    try:
        return dt.date.fromisoformat(decided) if decided else dt.date.today()
    except ValueError:
        problems.append(
            error(
                Place(RESOLUTIONS_FILE),
                "bad-date",
                f"--decided {decided!r} is not a date written YYYY-MM-DD",
            )
        )
        return None


def _target(root: Path) -> Path:
    """The file to write: resolutions.yaml, or where it links to if that is inside the project."""
    path = root / RESOLUTIONS_FILE
    if not path.is_symlink():
        return path
    real, real_root = real_path(path), real_path(root)
    if real is None or real_root is None:
        raise ReconcileError(
            [
                error(
                    Place(RESOLUTIONS_FILE),
                    "unreadable-file",
                    f"{RESOLUTIONS_FILE} cannot be read: its links go round in a loop",
                )
            ]
        )
    path = real
    if not path.is_relative_to(real_root):
        raise ReconcileError(
            [
                error(
                    Place(RESOLUTIONS_FILE),
                    "outside-project",
                    f"{RESOLUTIONS_FILE} points outside the project folder; "
                    "resolve writes only inside it",
                )
            ]
        )
    return path


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry as a block list item at column 0, with no trailing spaces on blank lines."""
    text = "- " + "\n  ".join(dump(entry).rstrip("\n").split("\n")) + "\n"
    return "\n".join(line.rstrip() if not line.strip() else line for line in text.split("\n"))


def _plain(value: Any) -> Any:
    """`value` as plain dicts and lists, without the places the reader kept."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _existing(path: Path, name: str) -> tuple[str | None, str]:
    """The text of resolutions.yaml (None when absent) and its byte-order mark, if any."""
    if not path.exists() and not path.is_symlink():
        return None, ""
    text = read_text(path, name)
    with path.open("rb") as handle:
        bom = "\ufeff" if handle.read(3) == codecs.BOM_UTF8 else ""
    raw = parse_yaml(text, name)
    if raw is not None and not isinstance(raw, YamlList):
        raise ReconcileError(
            [
                error(
                    Place(name),
                    "wrong-type",
                    f"{name} must be a list of resolutions ('- topic: …'); "
                    "fix it before adding one",
                )
            ]
        )
    return text, bom


_BLANK_BEFORE_ITEM = re.compile(r"\n[ \t]*\r?\n[ \t]*- ")


def _append(existing: str | None, entry_text: str, entry: Mapping[str, Any]) -> tuple[str, int]:
    """The draft file and the line on which the new entry starts.

    Adds the entry at the end of the file's list so that every byte already there stays as
    it is: as a block item, indented as the list is, after the last line or before a closing
    '...'; or, in a list written inline ([{…}, {…}]), as one more inline item before the ']'.
    An empty inline list ([]) is taken out to make room. Should that not give the intended
    list, ruamel.yaml rewrites the file in round-trip mode, keeping its comments.
    """
    text = existing if existing is not None and existing.strip() else _RESOLUTIONS_HEADER
    newline = "\r\n" if "\r\n" in text else "\n"
    plan = _layout(text)
    draft = None
    if isinstance(plan, _Inline):
        draft = _inline_draft(text, plan, entry)
    elif plan is not None:
        if plan.cut:
            text = text[: plan.cut[0]] + text[plan.cut[1] :]
        draft = _block_draft(text, plan, entry_text, newline)
    found = _entry_line(draft, entry) if draft is not None else None
    if draft is not None and found is not None:
        return draft, found
    draft = _round_trip_append(text, entry_text)
    found = _entry_line(draft, entry)
    if found is None:
        raise ReconcileError(
            [
                error(
                    Place(RESOLUTIONS_FILE),
                    "cannot-append",
                    f"cannot add to {RESOLUTIONS_FILE} without disturbing it; "
                    "add the resolution by hand",
                )
            ]
        )
    return draft, found


def _inline_draft(text: str, plan: _Inline, entry: Mapping[str, Any]) -> str:
    """`text` with the entry as one more item of its inline list."""
    before, after = text[: plan.offset], text[plan.offset :]
    comma = "" if before.rstrip().endswith((",", "[")) else ", "
    return before + comma + dump(entry, flow=True).rstrip("\n") + after


def _block_draft(text: str, plan: _Block, entry_text: str, newline: str) -> str:
    """`text` with the entry as one more item of its block list, indented as the list is."""
    before, after = text[: plan.offset], text[plan.offset :]
    if before and not before.endswith("\n"):
        before += newline
    last_line = before.rstrip("\r\n").rpartition("\n")[2].lstrip()
    if before.strip() and (
        last_line.startswith("#")  # a comment just above the entry would read as its own
        or _BLANK_BEFORE_ITEM.search(before)  # the file's entries stand apart: so does this
    ):
        before += newline
    body = "".join(
        " " * plan.indent + line if line.strip() else line
        for line in entry_text.splitlines(keepends=True)
    )
    return before + body.replace("\n", newline) + after


@dataclass(frozen=True, slots=True)
class _Block:
    """Add a block item at `offset`, indented by `indent`, after taking out `cut`."""

    indent: int = 0
    offset: int = 0
    cut: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Inline:
    """Add an inline item at `offset`, just before the list's closing ']'."""

    offset: int


def _layout(text: str) -> _Block | _Inline | None:
    """Where the new entry goes in `text`; None when the text cannot be parsed."""
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))  # marks count characters
    except yaml.YAMLError:
        return None
    indent, offset, cut = 0, len(text), None
    depth = 0
    for number, event in enumerate(events):
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # the pure-Python parser sets both
        if isinstance(event, yaml.SequenceStartEvent) and depth == 0:
            if not event.flow_style:
                indent = start.column
            elif isinstance(events[number + 1], yaml.SequenceEndEvent):
                closed = events[number + 1].end_mark
                assert closed is not None
                cut = _empty_list_span(text, start.index, closed.index)
            else:
                return _Inline(_closing_bracket(events, number))
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.DocumentEndEvent) and event.explicit:
            offset = start.index
    if cut and offset > cut[0]:
        offset -= cut[1] - cut[0]
    return _Block(indent, offset, cut)


def _closing_bracket(events: list[yaml.Event], first: int) -> int:
    """The offset of the ']' closing the top-level inline list opened by events[first]."""
    depth = 0
    for event in events[first:]:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            if depth == 0:
                assert event.start_mark is not None
                return int(event.start_mark.index)
    raise AssertionError("an inline list without its end")


def _empty_list_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of `[]`, widened to its whole line when nothing else is on it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if not (text[line_start:start] + text[end:line_end]).strip():
        return line_start, line_end
    return start, end


def _entry_line(draft: str, entry: Mapping[str, Any]) -> int | None:
    """The line of the draft's last list item, when it is the entry just added."""
    try:
        raw = parse_yaml(draft, RESOLUTIONS_FILE)
    except ReconcileError:
        return None
    if not isinstance(raw, YamlList) or not raw:
        return None
    last = raw[-1]
    if not isinstance(last, dict) or any(
        last.get(key) != entry[key] for key in ("topic", "property", "reason")
    ):
        return None
    return int(raw.places[-1].line)


def _round_trip_append(prefix: str, entry_text: str) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedSeq

    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 1_000_000
    round_trip.indent(mapping=2, sequence=2, offset=0)
    try:
        data = round_trip.load(prefix)
        item = round_trip.load(entry_text)[0]  # keeps the YAML 1.1 quoting dump chose
    except Exception:  # ruamel raises many unrelated types; the caller reports the failure
        return prefix
    if data is None:
        data = CommentedSeq()
    if not isinstance(data, CommentedSeq):
        return prefix
    data.fa.set_block_style()
    data.append(item)
    out = io.StringIO()
    round_trip.dump(data, out)
    return out.getvalue()


def _validate(root: Path, draft: str, first_line: int) -> None:
    try:
        load_project(root, resolutions_text=draft)
    except ReconcileError as exc:
        blocking = []
        for problem in exc.errors:
            if problem.place.file == CONFIG_FILE:
                blocking.append(problem)
            elif problem.place.file == RESOLUTIONS_FILE and problem.place.line >= first_line:
                blocking.append(
                    Problem(
                        problem.place,
                        problem.severity,
                        problem.code,
                        f"the new resolution: {problem.message}",
                    )
                )
        if blocking:
            raise ReconcileError(blocking) from None
