"""The commands that write the user's files: add-source, resolve, init; and the claims schema.

Each one validates everything before it writes anything, writes atomically, and never replaces
a file the user wrote, except resolutions.yaml, to which `resolve` only appends.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from reconcile.files import create_new, write_atomic
from reconcile.load import (
    CLAIMS_DIR,
    CONFIG_FILE,
    RESOLUTIONS_FILE,
    SOURCE_ID,
    SOURCES_DIR,
    load_config,
    load_project,
)
from reconcile.model import CLAIM_FLAGS, Config, Property
from reconcile.normalise import PROCLITICS, normalise
from reconcile.problems import Place, Problem, ReconcileError, error
from reconcile.values import RULES, Guess, InvalidValue, PropertyType, SentenceContext, parse_date
from reconcile.values.date import EDTF_SCHEMA
from reconcile.yamlfile import YamlList, parse_yaml, read_text

__all__ = ["add_resolution", "add_source", "claims_schema", "init_project"]


# YAML as PyYAML (and so the loader) reads it back -------------------------------------------


class _Flow(dict[str, Any]):
    """A mapping written in flow style, as a number range is: {min: 10000}."""


class _Dumper(yaml.SafeDumper):
    """Block mappings at the top, lists and ranges inline; quoting by YAML 1.1 rules."""


_Dumper.add_representer(
    list, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # PyYAML folds \x85, \u2028 and \u2029 to spaces outside double quotes: escape them there
    if any(char in data for char in "\r\x85\u2028\u2029"):
        style: str | None = '"'
    else:
        style = "|" if "\n" in data.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(
    _Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def _dump(mapping: Mapping[str, Any], *, flow: bool = False) -> str:
    """`mapping` as YAML, each value on one line unless it holds a line break; `flow`: {…}."""
    return yaml.dump(
        dict(mapping),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=flow,
    )


def _scalar(text: str) -> str:
    """`text` as a one-line double-quoted YAML scalar (escapes whatever needs escaping)."""
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1_000_000).rstrip("\n")


def _inline(value: object) -> str:
    """`value` as one line of YAML, quoted only where YAML 1.1 needs it: russia, 1992-05-15."""
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    if isinstance(value, str) and value != _one_line(value):
        return _scalar(value)
    listed = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=1_000_000)
    return listed.strip()[1:-1]


def _one_line(text: str) -> str:
    """`text` with every kind of line break (YAML counts \\x85 and \\u2028 too) made a space,
    so that it can stand in a comment."""
    return " ".join(text.split())


def _flowed(value: Any) -> Any:
    """A parsed value with its mappings marked to be written inline."""
    if isinstance(value, dict):
        return _Flow({key: _flowed(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_flowed(item) for item in value]
    return value


def _plain_date(text: str) -> object:
    """An EDTF string as the YAML value that reads back as it: 2022 and 2022-05-30 unquoted."""
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if isinstance(parsed, (int, dt.date)) and not isinstance(parsed, (bool, dt.datetime)):
        try:
            if parse_date(parsed).edtf == text.strip():
                return parsed
        except InvalidValue:
            pass
    return text


# add-source ------------------------------------------------------------------------------------


def add_source(
    root: Path,
    article: Path,
    source_id: str,
    *,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> tuple[Path, Path, int]:
    """Copy `article` into sources/ID.md and write claims/ID.yaml of suggested claims.

    The article's text is copied verbatim after the front matter. Every suggested claim is
    commented out, so the new claims file holds no claims until the user uncomments one.
    Returns the two paths written and the number of suggestions. Refuses to overwrite either
    file; on any error nothing is written.
    """
    source_name = f"{SOURCES_DIR}/{source_id}.md"
    claims_name = f"{CLAIMS_DIR}/{source_id}.yaml"
    source_path, claims_path = root / SOURCES_DIR / f"{source_id}.md", root / claims_name
    problems: list[Problem] = []
    if not SOURCE_ID.fullmatch(source_id):
        problems.append(
            error(
                Place(source_name),
                "bad-source-id",
                f"--id {source_id!r} is not a source id: use lowercase letters, "
                "digits and hyphens, such as 'reuters-2022-05'",
            )
        )
    if published is not None:
        try:
            parse_date(published)
        except InvalidValue as exc:
            problems.append(error(Place(source_name), "bad-date", f"--published: {exc}"))
    try:
        config: Config | None = load_config(root)
    except ReconcileError as exc:
        problems.extend(exc.problems)
        config = None
    text: str | None = None
    try:
        text = read_text(article, str(article))
    except ReconcileError as exc:
        problems.extend(exc.problems)
    if not problems:
        for path, name in ((source_path, source_name), (claims_path, claims_name)):
            if path.exists() or path.is_symlink():
                problems.append(
                    error(
                        Place(name),
                        "exists",
                        f"{name} already exists; add-source never overwrites a "
                        "file: choose another --id, or delete it first",
                    )
                )
    if problems or config is None or text is None:
        raise ReconcileError(problems)

    meta = {
        "title": title,
        "author": author,
        "publisher": publisher,
        "url": url,
        "published": _plain_date(published) if published is not None else None,
        "language": language or config.language,
    }
    newline = "\r\n" if "\r\n" in text else "\n"
    front = _dump({key: value for key, value in meta.items() if value is not None})
    front = "" if front.strip() == "{}" else front
    source_text = newline.join(["---", *front.splitlines(), "---", ""]) + text
    suggestions = list(suggest_claims(text, config))
    text_line = len(front.splitlines()) + 3  # the line of sources/ID.md the text starts on
    claims_text = _claims_file(source_id, suggestions, text_line)

    _create(source_path, source_name, source_text)
    try:
        _create(claims_path, claims_name, claims_text)
    except BaseException:
        source_path.unlink(missing_ok=True)
        raise
    return source_path, claims_path, len(suggestions)


def _create(path: Path, name: str, text: str) -> None:
    """Write a new file; a file already there, or one that cannot be written, is an error."""
    try:
        create_new(path, text)
    except FileExistsError as exc:
        if exc.args == (path,):  # create_new's refusal, not a folder in the way
            raise ReconcileError(
                [error(Place(name), "exists", f"{name} already exists; it was left as it was")]
            ) from None
        raise _unwritable(name, exc) from None
    except OSError as exc:
        raise _unwritable(name, exc) from None


def _unwritable(name: str, exc: OSError) -> ReconcileError:
    return ReconcileError(
        [error(Place(name), "unwritable-file", f"cannot write {name}: {exc.strerror or exc}")]
    )


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence of an article that may state a property, with the values seen in it."""

    property: Property
    keyword: str
    sentence: str
    line: int
    dates: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # the values of the property's type in the sentence
    subjects: tuple[str, ...] = ()  # ids of entities of its subject kind


# A sentence ends at . ! ? ؟ ; ؛ ۔ … and at every line break; a full stop ends one only before
# a space or the end of the line, so 3.5 and example.org do not split.
_SENTENCE_END = re.compile(r"[!?؟;؛۔…]+|\.+(?=\s|$)")
_PUNCTUATION = ".!?؟;؛۔… \t"


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of `text`, stripped, each with the (1-based) line it is on."""
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        for match in [*_SENTENCE_END.finditer(line), None]:
            end = match.end() if match else len(line)
            piece = line[start:end].strip()
            if piece.strip(_PUNCTUATION):
                yield number, piece
            start = end


def suggest_claims(text: str, config: Config) -> Iterator[Suggestion]:
    """Each (sentence, property) pair where the sentence holds one of the property's keywords.

    Keywords and sentences are compared normalised, so spelling variants (أ/ا, ة/ه, diacritics,
    case) still match. A keyword matches at the start of a word, after any Arabic prefix
    (و ف ب ل ك ال), and the word may go on: وقع finds وَوقّعت, sign finds signed, but ألف
    (thousand) does not find تحالف (alliance).
    """
    keywords = [
        (prop, keyword, re.compile(rf"(?<!\w){PROCLITICS}(?:ال)?{re.escape(folded)}"))
        for topic in config.topics.values()
        for prop in topic.properties.values()
        for keyword in prop.keywords
        if (folded := normalise(keyword))
    ]
    if not keywords:
        return
    context = SentenceContext(config.entities)
    for line, sentence in sentences(text):
        folded = normalise(sentence)
        matched: dict[tuple[str, str], str] = {}
        for prop, keyword, folded_keyword in keywords:
            if folded_keyword.search(folded):
                matched.setdefault((prop.topic, prop.id), keyword)
        if not matched:
            continue
        for topic in config.topics.values():
            for prop in topic.properties.values():
                found = matched.get((prop.topic, prop.id))
                if found is None:
                    continue
                yield Suggestion(
                    prop,
                    found,
                    sentence,
                    line,
                    RULES[PropertyType.DATE].candidates(folded, prop, context),
                    RULES[prop.type].candidates(folded, prop, context),
                    context.finder.find(prop.subject, folded),
                )


_CLAIMS_HEADER = """\
# The claims of {source}: one list item per fact the article states.
#   topic, property, value   required; the topic and property come from reconcile.yaml
#   quote                    the words of the article that back the claim, copied from it
#   subject                  for per-entity properties: the entity the value is about
#   as_of                    for temporal properties: when the value held (EDTF); without it,
#                            the source's `published` date
#   complete: false          for a list of entities that is only partial ("members include")
#   approximate: true        for a number given as "about …"
#   note                     free text for the reviewer
#
"""

_SUGGESTED = """\
# `reconcile add-source` suggests the claims below, all commented out: each comes from a sentence
# of the article that holds a keyword of a property (shown after its topic). For each one that
# holds, remove the "# " at the start of its lines, then check the value, which is only a guess
# from the sentence, fill in what is empty and delete the hints (after a second #) you do not
# need. Delete the rest. Until you uncomment a claim this file holds none.
"""

_NOTHING_SUGGESTED = """\
# No sentence of the article holds a keyword of a property in reconcile.yaml, so nothing is
# suggested (give properties `keywords` to get suggestions). Write the claims as in:
#
# - topic: TOPIC
#   property: PROPERTY
#   value: VALUE
#   quote: "the words of the article that say so"
"""


def _claims_file(source_id: str, suggestions: list[Suggestion], text_line: int) -> str:
    header = _CLAIMS_HEADER.format(source=f"{SOURCES_DIR}/{source_id}.md")
    if not suggestions:
        return header + _NOTHING_SUGGESTED
    blocks = [_suggestion_block(suggestion, text_line - 1) for suggestion in suggestions]
    text = header + _SUGGESTED + "".join(f"\n{block}" for block in blocks)
    # every line a comment, so that the file holds no claims until the user uncomments some
    assert all(line.startswith("#") for line in text.splitlines() if line), text
    return text


def _suggestion_block(suggestion: Suggestion, line_offset: int) -> str:
    prop = suggestion.property
    label = prop.label.get()
    lines: list[tuple[str, str]] = [
        (
            f"- topic: {_inline(prop.topic)}",
            f"line {suggestion.line + line_offset}, keyword {_scalar(suggestion.keyword)}",
        ),
        (f"  property: {_inline(prop.id)}", label if label != prop.id else ""),
    ]
    if prop.subject:
        lines.append(
            _with_guess(
                "  subject:",
                RULES[PropertyType.ENTITY].guess(suggestion.subjects),
                f"the {prop.subject} this is about: its id or any name of it",
            )
        )
    lines.append(_value_line(suggestion))
    lines.extend(("", hint) for hint in RULES[prop.type].flag_hints)
    if prop.temporal:
        dates = suggestion.dates if prop.type is not PropertyType.DATE else suggestion.dates[1:]
        lines.append(
            _with_guess(
                "  as_of:",
                RULES[PropertyType.DATE].guess(dates),
                "when this held (EDTF); delete the line to use the source's published date",
            )
        )
    lines.append((f"  quote: {_scalar(suggestion.sentence)}", ""))
    out = []
    for code, hint in lines:
        hint = _one_line(hint)
        if not code:
            out.append(f"#   # {hint}")
        elif hint:
            out.append(f"# {code}  # {hint}")
        else:
            out.append(f"# {code}")
    return "\n".join(out) + "\n"


def _with_guess(key: str, guess: Guess | None, hint: str) -> tuple[str, str]:
    """A line holding the value guessed from the sentence; the hint names the others seen."""
    if guess is None:
        return key, hint
    value, others = guess
    also = f"; also in the sentence: {', '.join(others)}" if others else ""
    return f"{key} {_inline(value)}", hint + also


def _value_line(suggestion: Suggestion) -> tuple[str, str]:
    prop = suggestion.property
    rule = RULES[prop.type]
    return _with_guess("  value:", rule.guess(suggestion.values), rule.hint(prop))


# resolve ---------------------------------------------------------------------------------------

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
    name = RESOLUTIONS_FILE
    path = root / name
    problems: list[Problem] = []
    entry: dict[str, Any] = {"topic": topic, "property": property_id}
    if subject is not None:
        entry["subject"] = subject
    if as_of is not None:
        entry["as_of"] = _plain_date(as_of)
    try:
        parsed = yaml.safe_load(value)
        if not _plain(parsed):
            problems.append(
                error(
                    Place(name), "unsafe-tag", f"--value {value!r} holds a tag; write a plain value"
                )
            )
        entry["value"] = _flowed(parsed)
    except yaml.YAMLError as exc:
        problems.append(
            error(
                Place(name),
                "bad-value",
                f"--value {value!r} is not a value as a claims file writes it "
                f'({_yaml_problem(exc)}); write a list as "[a, b]", a range '
                'as "{min: 10000}", and quote text holding [ ] { } : or #',
            )
        )
    entry["reason"] = reason
    if reference is not None:
        entry["reference"] = reference
    try:
        entry["decided"] = dt.date.fromisoformat(decided) if decided else dt.date.today()
    except ValueError:
        problems.append(
            error(
                Place(name), "bad-date", f"--decided {decided!r} is not a date written YYYY-MM-DD"
            )
        )
    if by is not None:
        entry["by"] = by
    if problems:
        raise ReconcileError(problems)

    if path.is_symlink():  # write where the link points, if that is inside the project
        path = path.resolve()
        if not path.is_relative_to(root.resolve()):
            raise ReconcileError(
                [
                    error(
                        Place(name),
                        "outside-project",
                        f"{name} points outside the project folder; resolve writes only inside it",
                    )
                ]
            )
    existing, bom = _existing(path, name)
    entry_text = "- " + "\n  ".join(_dump(entry).rstrip("\n").split("\n")) + "\n"
    entry_text = "\n".join(
        line.rstrip() if not line.strip() else line for line in entry_text.split("\n")
    )
    draft, first_line = _append(existing, entry_text, entry)
    _validate(root, draft, first_line)
    try:
        write_atomic(path, bom + draft)
    except OSError as exc:
        raise _unwritable(name, exc) from None


def _plain(value: object) -> bool:
    """Whether `value` is made only of what a claims file may hold: no binary, no sets."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, (str, int, float, dt.date))


def _yaml_problem(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        return f"{exc.problem} at column {mark.column + 1}" if mark else exc.problem
    return " ".join(str(exc).split())


def _existing(path: Path, name: str) -> tuple[str | None, str]:
    """The text of resolutions.yaml (None when absent) and its byte-order mark, if any."""
    if not path.exists():
        return None, ""
    text = read_text(path, name)
    bom = "\ufeff" if path.read_bytes().startswith(codecs.BOM_UTF8) else ""
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
        before, after = text[: plan.offset], text[plan.offset :]
        comma = "" if before.rstrip().endswith((",", "[")) else ", "
        draft = before + comma + _dump(entry, flow=True).rstrip("\n") + after
    elif plan is not None:
        if plan.cut:
            text = text[: plan.cut[0]] + text[plan.cut[1] :]
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
        draft = before + body.replace("\n", newline) + after
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
        item = round_trip.load(entry_text)[0]  # keeps the YAML 1.1 quoting _dump chose
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


# init ------------------------------------------------------------------------------------------

_INIT_FILES = (
    ("reconcile.yaml", CONFIG_FILE),
    ("example.md", f"{SOURCES_DIR}/example.md"),
    ("example.yaml", f"{CLAIMS_DIR}/example.yaml"),
    ("resolutions.yaml", RESOLUTIONS_FILE),
)


def init_project(directory: Path) -> list[Path]:
    """Start a project in `directory`: each file with comments and a tiny working example.

    Refuses when any of the files exists; never overwrites. Returns the paths written, as
    `directory` joined with each file's project-relative name.
    """
    templates = resources.files("reconcile") / "templates" / "init"
    if (directory / CONFIG_FILE).exists():
        raise ReconcileError(
            [
                error(
                    Place(CONFIG_FILE),
                    "exists",
                    f"{directory / CONFIG_FILE} already exists: {directory} is a project already",
                )
            ]
        )
    existing = [
        error(
            Place(name),
            "exists",
            f"{directory / name} already exists; init never overwrites a file: move it away first",
        )
        for _, name in _INIT_FILES
        if (directory / name).exists()
    ]
    if existing:
        raise ReconcileError(existing)
    written: list[Path] = []
    try:
        for template, name in _INIT_FILES:
            path = directory / name
            _create(path, name, (templates / template).read_text(encoding="utf-8"))
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


# schema ------------------------------------------------------------------------------------------

_SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def claims_schema(root: Path) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a claims file.

    With a loadable reconcile.yaml in `root`, topics and properties are enumerated and each
    property's value, subject and flags are checked by its type; otherwise the schema is the
    generic one. Entity names are examples only: any spelling of a name is allowed.
    """
    claim: dict[str, Any] = {
        "type": "object",
        "description": "One fact a source states, with the quote that backs it.",
        "required": ["topic", "property", "value"],
        "additionalProperties": False,
        "properties": {
            "topic": {"type": "string", "description": "A topic of reconcile.yaml."},
            "property": {"type": "string", "description": "A property of the topic."},
            "value": {
                "description": "The value the source gives, as the property's type "
                "says: a date, number, entity, list of entities, choice, "
                "true/false or text."
            },
            "subject": {
                "type": ["string", "integer"],
                "description": "For per-entity properties: the entity the value is "
                "about, by its id or any name of it.",
            },
            "quote": {
                "type": "string",
                "description": "The words of the source that back the claim, copied "
                "from its text; … stands for omitted words.",
            },
            "as_of": {
                **EDTF_SCHEMA,
                "description": "For temporal properties: when the value held, "
                "an EDTF date or interval; by default the "
                "source's published date.",
            },
            "complete": {
                "type": "boolean",
                "default": True,
                "description": "For entities: false when the list is partial "
                '("members include …").',
            },
            "approximate": {
                "type": "boolean",
                "default": False,
                "description": 'For numbers: true for "about …"; widens the '
                "value by the tolerance.",
            },
            "note": {"type": "string", "description": "Free text for the reviewer."},
        },
    }
    schema: dict[str, Any] = {
        "$schema": _SCHEMA_URI,
        "title": "reconcile claims file",
        "description": "claims/<id>.yaml: the claims taken from sources/<id>.md, one list item "
        "per claim. An empty file holds no claims.",
        "type": ["array", "null"],
        "items": {"$ref": "#/$defs/claim"},
        "$defs": {"claim": claim},
    }
    try:
        config = load_config(root)
    except ReconcileError:
        return schema
    if not config.topics:
        return schema
    schema["title"] = f"reconcile claims file: {config.title}"
    fields = claim["properties"]
    fields["topic"]["enum"] = list(config.topics)
    rules: list[dict[str, Any]] = []
    fields["topic"]["description"] = "A topic of reconcile.yaml: " + "; ".join(
        f"{topic.id} ({topic.label.get()})" if topic.label.get() != topic.id else topic.id
        for topic in config.topics.values()
    )
    for topic in config.topics.values():
        rules.append(
            {
                "if": {"properties": {"topic": {"const": topic.id}}, "required": ["topic"]},
                "then": {
                    "properties": {
                        "property": {
                            "enum": list(topic.properties),
                            "description": f"A property of {topic.id}: "
                            + "; ".join(
                                f"{prop.id} ({_describe(prop)})"
                                for prop in topic.properties.values()
                            ),
                        }
                    }
                },
            }
        )
        for prop in topic.properties.values():
            rules.append(
                {
                    "if": {
                        "properties": {
                            "topic": {"const": topic.id},
                            "property": {"const": prop.id},
                        },
                        "required": ["topic", "property"],
                    },
                    "then": _property_rule(prop, config),
                }
            )
    claim["allOf"] = rules
    return schema


def _describe(prop: Property) -> str:
    label = prop.label.get()
    parts = [label] if label != prop.id else []
    parts.append(f"type {prop.type}")
    if prop.kind:
        parts.append(f"of {prop.kind}")
    if prop.subject:
        parts.append(f"per {prop.subject}")
    if prop.temporal:
        parts.append("temporal")
    return ", ".join(parts)


def _names(config: Config, kind: str) -> list[str]:
    return list(config.entities.get(kind, {}))


def _property_rule(prop: Property, config: Config) -> dict[str, Any]:
    value = RULES[prop.type].schema(prop, {kind: _names(config, kind) for kind in config.entities})
    value["description"] = _describe(prop)
    rule: dict[str, Any] = {"properties": {"value": value}}
    forbidden = []
    if prop.subject:
        rule["required"] = ["subject"]
        rule["properties"]["subject"] = {
            "type": ["string", "integer"],
            "examples": _names(config, prop.subject),
        }
    else:
        forbidden.append("subject")
    if not prop.temporal:
        forbidden.append("as_of")
    forbidden.extend(flag for flag in CLAIM_FLAGS if flag not in RULES[prop.type].flags)
    for key in forbidden:
        rule["properties"][key] = False
    return rule
