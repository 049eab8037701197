"""YAML as PyYAML (and so the loader) reads it back: one dumper for block and flow entries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from reconcile.values import InvalidValue, parse_date

__all__ = ["dump", "flowed", "inline", "one_line", "plain_date", "scalar"]


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


def dump(mapping: Mapping[str, Any], *, flow: bool = False) -> str:
    """`mapping` as YAML, each value on one line unless it holds a line break; `flow`: {…}."""
    return yaml.dump(
        dict(mapping),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=flow,
    )


def scalar(text: str) -> str:
    """`text` as a one-line double-quoted YAML scalar (escapes whatever needs escaping)."""
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1_000_000).rstrip("\n")


def inline(value: object) -> str:
    """`value` as one line of YAML, quoted only where YAML 1.1 needs it: russia, 1992-05-15."""
    if isinstance(value, list):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    if isinstance(value, str) and value != one_line(value):
        return scalar(value)
    listed = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=1_000_000)
    return listed.strip()[1:-1]


def one_line(text: str) -> str:
    """`text` with every kind of line break (YAML counts \\x85 and \\u2028 too) made a space,
    so that it can stand in a comment."""
    return " ".join(text.split())


def flowed(value: Any) -> Any:
    """A parsed value with its mappings marked to be written inline."""
    if isinstance(value, dict):
        return _Flow({key: flowed(item) for key, item in value.items()})
    if isinstance(value, list):
        return [flowed(item) for item in value]
    return value


def plain_date(text: str) -> object:
    """An EDTF string as the YAML value that reads back as it: 2022 and 2022-05-30 unquoted."""
    if not re.fullmatch(r"\s*\d{1,4}(?:-\d\d-\d\d)?\s*", text):
        return text
    try:
        parsed = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # ValueError: a day or month that does not exist
        return text
    if isinstance(parsed, (int, dt.date)) and not isinstance(parsed, (bool, dt.datetime)):
        try:
            if parse_date(parsed).edtf == text.strip():
                return parsed
        except InvalidValue:
            pass
    return text
