"""Safe, fast YAML reading that keeps the place of every value.

PyYAML's C composer builds the node tree; this module turns nodes into plain Python values and
remembers where each was written, refusing what a claims file never needs: tags beyond YAML's
core schema, duplicate keys, deep nesting and aliases that expand without bound.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from reconcile.problems import Place, Problem, ReconcileError, error

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_EXPANSIONS = 10_000
#: Digits an integer may have: far beyond any count a claim needs, far below Python's limit.
MAX_INT_DIGITS = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.SafeLoader("")
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
# YAML 1.1 reads 1:30 as 90 (base 60); the core schema of YAML 1.2 reads it as text.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_INT = re.compile(r"([-+]?)(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*)")


class YamlMap(dict[str, Any]):
    """A mapping that knows where it and each of its keys and values were written."""

    place: Place
    key_places: dict[str, Place]
    value_places: dict[str, Place]

    def place_of(self, key: str) -> Place:
        """Where the value of `key` was written, or the mapping itself when the key is absent."""
        return self.value_places.get(key, self.place)


class YamlList(list[Any]):
    """A sequence that knows where it and each of its items were written."""

    place: Place
    places: list[Place]


def read_text(path: Path, name: str) -> str:
    """The UTF-8 text of a project file; oversized or undecodable files are errors."""
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "it is a folder, not a file")
        with path.open("rb") as handle:  # read to the limit: st_size is 0 for /dev/zero or a pipe
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a loop of symbolic links
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ReconcileError([error(Place(name), "unreadable-file", reason)]) from None
    if len(data) > MAX_FILE_BYTES:
        raise ReconcileError(
            [
                error(
                    Place(name),
                    "file-too-large",
                    f"file is larger than {MAX_FILE_BYTES:,} bytes; "
                    f"the limit is {MAX_FILE_BYTES:,} bytes",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ReconcileError(
            [
                error(
                    Place(name, line, column),
                    "bad-encoding",
                    f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8",
                )
            ]
        ) from None


def parse_yaml(text: str, name: str, first_line: int = 1) -> Any:
    """Parse one YAML document; every problem in it raises one ReconcileError."""
    if first_line == 1:
        from reconcile.fastyaml import parse_claims_list  # a claims file, most likely

        simple = parse_claims_list(text, name)
        if simple is not None:
            return simple
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark, message = _explained(exc, text)
        place = _place(name, mark, first_line) if mark else Place(name, first_line)
        raise ReconcileError([error(place, "yaml-syntax", f"invalid YAML: {message}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + first_line
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise ReconcileError(
            [
                error(
                    Place(name, line, column),
                    "bad-character",
                    f"character U+{exc.character:04X} is not allowed in YAML: {exc.reason}",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ReconcileError(
            [error(Place(name, first_line), "yaml-syntax", f"invalid YAML: {exc}")]
        ) from None
    if root is None:
        return None
    builder = _Builder(name, first_line)
    value = builder.build(root, 0)
    if builder.problems:
        raise ReconcileError(builder.problems)
    return value


#: Plain words for what the parser finds where people typing YAML by hand go wrong.
_UNCLOSED = {
    "flow sequence": "the list opened here with [ is not closed with ]: close it on its line, "
    "its items separated by commas",
    "flow mapping": "the mapping opened here with { is not closed with }: close it on its line, "
    "its pairs separated by commas",
}
_NO_COLON = (
    "this line is neither 'key: value' nor a list item '- …': a ':' is missing after its key"
)
_NOT_A_KEY = (
    "this line is not a key of the mapping above it: indent it as that mapping's keys, or start "
    "a list item with '- '"
)
_NOT_AN_ITEM = (
    "this line is indented less than the list item above it, and is not an item '- …' of its own"
)


def _explained(exc: yaml.MarkedYAMLError, text: str) -> tuple[Any, str]:
    """Where a syntax error is to be fixed, and what is wrong in a desk's words: the mistakes
    people make typing claims by hand are named; the parser's own words serve for the rest."""
    mark, opened = exc.problem_mark or exc.context_mark, exc.context_mark
    problem, context = exc.problem or "", exc.context or ""
    if mark and _char_at(text, mark.line, mark.column) == "\t":
        return mark, "a tab cannot indent YAML; use spaces"
    if opened is not None:
        if problem == "found unexpected end of stream" and "quoted" in context:
            quote = _char_at(text, opened.line, opened.column)
            return (
                opened,
                f"the value quoted here with {quote} is never closed: end it with {quote}",
            )
        for kind, message in _UNCLOSED.items():
            if kind in context:
                return opened, message
    if mark is not None and problem != "found unexpected end of stream":
        left_open = _quote_left_open(text, mark.line)
        if left_open is not None:
            line, column, quote = left_open
            return (
                yaml.Mark("", 0, line, column, None, 0),
                f"the value quoted here with {quote} is not closed on its line: end it with "
                f"{quote} (what follows was read as part of it)",
            )
    if mark is not None:
        if problem.startswith("mapping values are not allowed"):
            return mark, _stray_colon(text, mark.line)
        if problem == "could not find expected ':'":  # the key's line, not the next one
            return opened or mark, _NO_COLON
        if problem == "did not find expected key" and "mapping" in context:
            return mark, _NOT_A_KEY
        if problem.startswith("did not find expected '-' indicator"):
            return mark, _NOT_AN_ITEM
    return mark, " ".join(filter(None, [context, problem]))


_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)?[^\s:#][^:#]*:\s+([\"'])")
#: How many lines above a syntax error a quotation left open is looked for.
_OPEN_QUOTE_REACH = 40


def _quote_left_open(text: str, line: int) -> tuple[int, int, str] | None:
    """Where a value opens a quotation it does not close on its line, when the parser read on
    from it to the next such mark, on `line`, and stumbled there: the mark that is missing is
    the one to show."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)) - 1, max(-1, line - _OPEN_QUOTE_REACH), -1):
        match = _QUOTED_VALUE.match(lines[number])
        if match is None:
            continue
        quote = match[1]
        if quote in lines[number][match.end() :]:
            return None  # closed on its line: what went wrong is elsewhere
        between = lines[number + 1 : line]
        reaches = line < len(lines) and quote in lines[line]
        if reaches and not any(quote in other for other in between):
            return number, match.end() - 1, quote
        return None
    return None


def _stray_colon(text: str, line: int) -> str:
    """Why a ':' cannot stand where it does: a key indented deeper than the one above it, or a
    value that holds ': ' without quotes."""
    lines = text.split("\n")
    here = lines[line] if line < len(lines) else ""
    above = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip()), "")
    indent = len(here) - len(here.lstrip(" "))
    above_indent = len(above) - len(above.lstrip(" -"))
    if indent > above_indent and ":" in above.strip(" -"):
        return (
            f"this line is indented {_spaces(indent - above_indent)} more than the key above it: "
            "give the keys of one item the same indentation"
        )
    return "a value holds ': ': put the value in quotes (quote: \"…\")"


def _spaces(count: int) -> str:
    return f"{count} space{'s' * (count != 1)}"


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _place(name: str, mark: Any, first_line: int) -> Place:
    return Place(name, mark.line + first_line, mark.column + 1)


class _Builder:
    def __init__(self, name: str, first_line: int) -> None:
        self.name = name
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.expansions = 0

    def place(self, node: yaml.Node) -> Place:
        return _place(self.name, node.start_mark, self.first_line)

    def fail(self, node: yaml.Node, code: str, message: str) -> None:
        self.problems.append(error(self.place(node), code, message))

    def build(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            self.expansions += 1
            if self.expansions > MAX_ALIAS_EXPANSIONS:
                raise ReconcileError(
                    [
                        error(
                            self.place(node),
                            "yaml-alias-bomb",
                            f"aliases expand to more than {MAX_ALIAS_EXPANSIONS:,} copies; "
                            "write the values out instead",
                        )
                    ]
                )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise ReconcileError(
                [
                    error(
                        self.place(node),
                        "yaml-too-deep",
                        f"values nest more than {MAX_DEPTH} levels deep",
                    )
                ]
            )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_CORE}seq":
                self.fail(
                    node, "unsafe-tag", f"tag {node.tag!r} is not allowed; write a plain list"
                )
            items = YamlList(self.build(item, depth + 1) for item in node.value)
            items.place = self.place(node)
            items.places = [self.place(item) for item in node.value]
            return items
        assert isinstance(node, yaml.MappingNode)
        if node.tag != f"{_CORE}map":
            self.fail(node, "unsafe-tag", f"tag {node.tag!r} is not allowed; write a plain mapping")
        mapping = YamlMap()
        mapping.place = self.place(node)
        mapping.key_places = {}
        mapping.value_places = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "bad-key", "a key must be a plain word, not a list or mapping")
                continue
            key = key_node.value
            if key in mapping.key_places:
                first = mapping.key_places[key]
                self.fail(
                    key_node,
                    "duplicate-key",
                    f"duplicate key {key!r}; it was first given at line {first.line}",
                )
                continue
            mapping.key_places[key] = self.place(key_node)
            mapping.value_places[key] = self.place(value_node)
            mapping[key] = self.build(value_node, depth + 1)
        return mapping

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == f"{_CORE}str":
            return node.value
        if tag not in _SCALAR_TAGS:
            self.fail(node, "unsafe-tag", f"tag {tag!r} is not allowed; write a plain value")
            return None
        if tag in (f"{_CORE}int", f"{_CORE}float") and _SEXAGESIMAL.fullmatch(node.value):
            return node.value
        if tag == f"{_CORE}int":
            return self.integer(node)
        try:
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError) as exc:
            if tag == f"{_CORE}timestamp":  # 2023-02-29: the text, for the date rule to explain
                return node.value
            self.fail(node, "bad-value", f"{_shown(node.value)} is not a valid value: {exc}")
            return None

    def integer(self, node: yaml.ScalarNode) -> int | None:
        """An integer as the core schema writes it (0x1F, 0o17, 15), of at most MAX_INT_DIGITS."""
        written = node.value.replace("_", "")
        match = _INT.fullmatch(written)
        digits = match.group(2) if match else written
        if match is None or len(digits) > MAX_INT_DIGITS:
            self.fail(
                node,
                "bad-value",
                f"{_shown(node.value)} is not a number a claim can hold: "
                f"more than {MAX_INT_DIGITS} digits",
            )
            return None
        sign = -1 if match.group(1) == "-" else 1
        if digits.startswith(("0x", "0b")):
            return sign * int(digits, 16 if digits[1] == "x" else 2)
        if digits.startswith("0o") or (len(digits) > 1 and digits[0] == "0"):
            return sign * int(digits.lstrip("0o") or "0", 8)
        return sign * int(digits)


def _shown(text: str, limit: int = 40) -> str:
    """`text` quoted for a message, cut short when long."""
    return (
        repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text):,} characters)"
    )
