"""Indented JSON, fast: the bytes of `json.dumps(value, ensure_ascii=False, indent=2, default=str)`.

With `indent`, the standard library falls back to its pure-Python encoder, a generator per level
of nesting (four times slower than the C encoder, and holding every piece until the end). Here
strings are escaped by the C escaper, numbers are written as `json` writes them, and the text
comes out in one piece per item of the outermost container, so that a large report is written
as it is encoded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

_INFINITY = float("inf")
_NOTHING = object()


@dataclass(frozen=True, slots=True)
class PairRows:
    """A list of `[i, j]` pairs given as each `i` with its `j`s (ascending, never none):
    written as that list is, without making a list per pair."""

    rows: Sequence[tuple[int, Sequence[int]]]


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    if isinstance(key, float):
        return encode_basestring(_float(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def visible_json(text: str) -> str:
    """JSON text with DEL and the C1 controls escaped, which `json.dumps` writes raw and a
    terminal would act on."""
    return _C1.sub(_escaped, text)


def visible_string(text: str) -> str:
    """The JSON of `text`, as `visible_json` shows it."""
    encoded = encode_basestring(text)
    if encoded.isascii():  # no C1 control; DEL is ASCII
        return encoded.replace("\x7f", "\\u007f")
    return _C1.sub(_escaped, encoded)


_C1 = re.compile(r"[\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _scalar(value: Any, string: Callable[[str], str]) -> str | None:
    """The JSON of a value that holds nothing else, or None for a list or a mapping; strings
    written by `string`."""
    kind = type(value)
    if kind is str:
        return string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    if isinstance(value, (list, tuple, dict, PairRows, Iterator)):
        return None
    if isinstance(value, str):
        return string(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return string(str(value))  # what default=str does


_FLUSH_EVERY = 8192  # pieces held before they are handed on
_FLUSH_CHARS = 1 << 18  # characters of contradicting pairs held before they are handed on


def _write(
    value: Any,
    newline: str,
    pieces: list[str],
    flush: Callable[[], None],
    string: Callable[[str], str],
) -> None:
    """Append the JSON of a list or mapping `value`, its items indented one level past `newline`."""
    out = pieces.append
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            out("{}")
            return
        opening = "{" + inner
        for key, item in value.items():
            text = _scalar(item, string)
            if text is None:
                out(opening + _key(key) + ": ")
                _write(item, inner, pieces, flush, string)
            else:
                out(opening + _key(key) + ": " + text)
            opening = "," + inner
        out(newline + "}")
    elif isinstance(value, PairRows):
        if not value.rows:
            out("[]")
            return
        out("[")
        _write_pairs(value.rows, inner, pieces, flush)
        out(newline + "]")
    elif isinstance(value, Iterator):  # a list made as it is written, item by item
        first = next(value, _NOTHING)
        if first is _NOTHING:
            out("[]")
            return
        _write_items(chain((first,), value), newline, pieces, flush, string)
    elif not value:
        out("[]")
        return
    else:
        _write_items(value, newline, pieces, flush, string)
    if len(pieces) >= _FLUSH_EVERY:
        flush()


def _write_items(
    items: Iterable[Any],
    newline: str,
    pieces: list[str],
    flush: Callable[[], None],
    string: Callable[[str], str],
) -> None:
    """Append a list of at least one item, its items indented one level past `newline`."""
    out = pieces.append
    inner = newline + "  "
    opening = "[" + inner
    for item in items:
        text = _scalar(item, string)
        if text is None:
            out(opening)
            _write(item, inner, pieces, flush, string)
        else:
            out(opening + text)
        opening = "," + inner
    out(newline + "]")


def _write_pairs(
    rows: Sequence[tuple[int, Sequence[int]]],
    newline: str,
    pieces: list[str],
    flush: Callable[[], None],
) -> None:
    """Append the items of a list of `[i, j]` pairs, each at `newline`: one piece per `i`,
    handed on every `_FLUSH_CHARS` characters (a row can be long: one pair per claim)."""
    inner = newline + "  "
    numerals = list(map(int.__repr__, range(max(seconds[-1] for _, seconds in rows) + 1)))
    opening = ""
    held = 0
    for first, seconds in rows:
        head = f"{opening}{newline}[{inner}{first},{inner}"
        joint = f"{newline}],{newline}[{inner}{first},{inner}"
        # one C call for the row's numerals: a third of the time of one call per pair
        written = itemgetter(*seconds)(numerals) if len(seconds) > 1 else (numerals[seconds[0]],)
        pieces.append(head + joint.join(written) + newline + "]")
        held += len(pieces[-1])
        if held >= _FLUSH_CHARS:
            flush()
            held = 0
        opening = ","


def write_json(
    value: Any,
    write: Callable[[str], object],
    string: Callable[[str], str] = encode_basestring,
) -> None:
    """Hand the indented JSON of `value` to `write`, in pieces of a few hundred kilobytes; its
    strings written by `string` (`visible_string` for a terminal)."""
    text = _scalar(value, string)
    if text is not None:
        write(text)
        return
    pieces: list[str] = []

    def flush() -> None:
        write("".join(pieces))
        pieces.clear()

    _write(value, "\n", pieces, flush, string)
    flush()


def dumps(value: Any) -> str:
    """The indented JSON of `value` as one string."""
    pieces: list[str] = []
    write_json(value, pieces.append)
    return "".join(pieces)
