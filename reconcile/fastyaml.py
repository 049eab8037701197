"""A fast reader for the YAML a claims file is almost always written in, line by line.

A claims file is a list of flat mappings: `- key: value` and `  key: value` lines whose values
are plain words or numbers, one-line quoted text, or one-line lists of words. This module reads
exactly that and nothing else; on anything it does not know for certain (a comment where a value
could be, a folded or multi-line value, an escape, a tab, a nested structure, an anchor, a tag,
a duplicate key, a document marker…) it gives up and the file is read by PyYAML as before, which
also reports every error. Plain values are resolved by PyYAML's own resolver and constructors,
so `2015`, `yes`, `~` and `2022-05-30` mean what they always meant. It yields the same values
with the same places as `reconcile.yamlfile`, only with the places of keys and values made when
asked for.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from reconcile.problems import Place
from reconcile.yamlfile import YamlList, YamlMap

_CONSTRUCTOR = yaml.SafeLoader("")
_STR = "tag:yaml.org,2002:str"

#: What the line reader accepts: an item's first key, or a further key of the same item.
_LINE = re.compile(r"(?:(- )|  )([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?")
_QUOTED = re.compile(r'"([^"\\]*)"(?: +#.*)?|\'([^\']*)\'(?: +#.*)?')
#: A plain scalar this reader is sure of: no indicator first, no ": " or " #" inside.
_PLAIN = re.compile(r"(?![-?:,\[\]{}#&*!|>'\"%@`])[^#]*?(?<![ :])|-[0-9.][^#]*?(?<![ :])")
_FLOW_TOKEN = re.compile(
    r" *(?:\"([^\"\\]*)\"|'([^']*)'"
    r"|((?![-?,\[\]{}#&*!|>'\"%@`])[^,\[\]{}#:\"']*?(?<! )|-[0-9][0-9.]*))"
    r" *(?:,|$)"
)
#: Characters that make PyYAML stop, or read differently from how this reader would.
_UNSURE = re.compile(
    "[\t\r\ufeff\x85\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)

_resolved: dict[str, Any] = {}


class LazyMap(YamlMap):
    """A YamlMap that makes the places of its keys and values only when they are asked for."""

    def __init__(self, name: str, line: int, column: int) -> None:
        super().__init__()
        self.name = name
        self.place = Place(name, line, column)
        self.marks: dict[str, tuple[int, int, int]] = {}  # key: (line, key column, value column)

    @property
    def key_places(self) -> dict[str, Place]:  # type: ignore[override]
        return {k: Place(self.name, line, column) for k, (line, column, _) in self.marks.items()}

    @property
    def value_places(self) -> dict[str, Place]:  # type: ignore[override]
        return {k: Place(self.name, line, column) for k, (line, _, column) in self.marks.items()}

    def place_of(self, key: str) -> Place:
        mark = self.marks.get(key)
        return self.place if mark is None else Place(self.name, mark[0], mark[2])


def parse_claims_list(text: str, name: str) -> YamlList | None:
    """The list of flat mappings `text` holds, or None when it is not written the simple way."""
    if _UNSURE.search(text) is not None:
        return None
    items = YamlList()
    items.places = []
    current: LazyMap | None = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        dash, key, rest = match.groups()
        if dash:
            current = LazyMap(name, number, 3)
            if not items:
                items.place = Place(name, number, 1)
            items.append(current)
            items.places.append(current.place)
        elif current is None or key in current:
            return None
        if rest is None:
            return None
        column = match.start(3) + 1
        value = _value(rest.rstrip(" "), name, number, column)
        if value is _NOT_SURE:
            return None
        current[key] = value
        current.marks[key] = (number, 3, column)
    return items if items else None


_NOT_SURE = object()


def _value(text: str, name: str, line: int, column: int) -> Any:
    """The value written as `text` at `line` and `column` of file `name`."""
    if not text:
        return _NOT_SURE
    first = text[0]
    if first == '"' or first == "'":
        quoted = _QUOTED.fullmatch(text)
        if quoted is None:
            return _NOT_SURE
        double, single = quoted.groups()
        return double if double is not None else single
    comment = text.find(" #")
    if comment >= 0:
        text = text[:comment].rstrip(" ")
    if first == "[":
        return _flow(text, Place(name, line, column))
    if _PLAIN.fullmatch(text) is None or ": " in text:
        return _NOT_SURE
    return _plain(text)


def _flow(text: str, place: Place) -> Any:
    """A one-line list of plain words or one-line quoted texts, `[a, "b c", d]`."""
    if text[-1] != "]":
        return _NOT_SURE
    items = YamlList()
    items.place = place
    items.places = []
    inner = text[1:-1]
    if not inner.strip(" "):
        return items
    position = 0
    while position < len(inner):
        token = _FLOW_TOKEN.match(inner, position)
        if token is None:
            return _NOT_SURE
        double, single, plain = token.groups()
        start = token.start(token.lastindex or 0)
        if plain is not None:
            value = _plain(plain) if plain else _NOT_SURE
            if value is _NOT_SURE:
                return _NOT_SURE
        else:
            value = double if double is not None else single
            start -= 1  # the place of a quoted text is its opening quote
        items.append(value)
        items.places.append(Place(place.file, place.line, place.column + 1 + start))
        position = token.end()
        if inner[position - 1] == "," and position == len(inner):
            return _NOT_SURE  # a trailing comma
    return items


def _plain(text: str) -> Any:
    """What PyYAML makes of a plain scalar; _NOT_SURE when it would be an error."""
    try:
        return _resolved[text]
    except KeyError:
        pass
    tag = _CONSTRUCTOR.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STR:
        value: Any = text
    else:
        try:
            value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))
        except (ValueError, OverflowError, KeyError):
            return _NOT_SURE
    if len(_resolved) < 100_000:
        _resolved[text] = value
    return value
