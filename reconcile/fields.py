"""The checks every project file shares: known fields, expected types, text fields."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reconcile.problems import Place, Problem, ReconcileError, Severity, error
from reconcile.yamlfile import YamlList, YamlMap, parse_yaml, read_text


def closest(word: str, options: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` options that look like `word`, best first."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, list(options), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [option for option, _, _ in found]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """The end of a message naming the options nearest `word`, or all of them (up to 12)."""
    options = list(options)
    near = closest(word, options)
    if near:
        return "; did you mean " + " or ".join(repr(n) for n in near) + "?"
    return "; expected one of " + ", ".join(repr(o) for o in options[:12]) if options else ""


def kind_of(raw: object) -> str:
    """What a parsed YAML value is, in a reader's words: text, a number, a list…"""
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true/false"
    if isinstance(raw, (int, float)):
        return "a number"
    if isinstance(raw, str):
        return "text"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return type(raw).__name__


def not_text(raw: object) -> str:
    """Why `raw` is not the text it should be, and, for what YAML reads as true, false or
    nothing (a bare off, yes, no, null), how to write the word instead."""
    kind = kind_of(raw)
    if raw is None or isinstance(raw, bool):
        return (
            f"{kind}: YAML reads a bare yes, no, on, off, true, false or null so; quote the "
            "word ('off') to mean it"
        )
    return kind


def empty_map(place: Place) -> YamlMap:
    """A mapping with no fields, standing where nothing was written."""
    mapping = YamlMap()
    mapping.place, mapping.key_places, mapping.value_places = place, {}, {}
    return mapping


class Checker:
    """Collects the problems found while reading files, every one of them, in order."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    @property
    def failed(self) -> bool:
        """Whether any problem found is an error."""
        return any(p.severity is Severity.ERROR for p in self.problems)

    def read_yaml(self, path: Path, name: str) -> tuple[Any, bool]:
        """The parsed file and whether it could be read at all."""
        try:
            return parse_yaml(read_text(path, name), name), True
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None, False

    def fields(
        self,
        mapping: YamlMap,
        allowed: Iterable[str],
        required: Iterable[str],
        what: str,
        severity: Severity = Severity.ERROR,
    ) -> bool:
        """Report unknown and missing fields of `mapping`; False when a required one is missing."""
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                self.add(
                    Problem(
                        mapping.key_places[key],
                        severity,
                        "unknown-field",
                        f"unknown field {key!r} in {what}{did_you_mean(key, allowed)}",
                    )
                )
        complete = True
        for key in required:
            if key not in mapping:
                self.add(error(mapping.place, "missing-field", f"{what} has no {key!r}"))
                complete = False
        return complete

    def text_field(self, mapping: YamlMap, key: str, what: str) -> str | None:
        """The text of `mapping[key]`, None when absent; anything but text is an error."""
        raw = mapping.get(key)
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            self.add(
                error(
                    mapping.place_of(key),
                    "wrong-type",
                    f"{key!r} of {what} must be text, not {not_text(raw)}",
                )
            )
            return None
        return str(raw)

    def expect(
        self, raw: Any, kind: type[YamlMap] | type[YamlList], place: Place, what: str
    ) -> bool:
        """Whether `raw` is a mapping (or a list) as `kind` says; an error otherwise."""
        if isinstance(raw, kind):
            return True
        expected = "a list" if issubclass(kind, list) else "a mapping"
        self.add(error(place, "wrong-type", f"{what} must be {expected}, not {kind_of(raw)}"))
        return False
