"""The fields a claim and a resolution share: topic, property, subject, value and time."""

from __future__ import annotations

from typing import Any

from reconcile.entities import EntityIndex, NameMatch
from reconcile.fields import Checker, did_you_mean, kind_of
from reconcile.model import CLAIM_FLAGS, Config, Property
from reconcile.problems import Place, Problem, error, warning
from reconcile.values import (
    RULES,
    DateValue,
    InvalidValue,
    ReadContext,
    Value,
    parse_date,
    types_taking,
)
from reconcile.yamlfile import YamlMap


class ClaimFields:
    """Reads the topic, property, subject, value and time of a claim or resolution."""

    def __init__(self, checker: Checker, config: Config, index: EntityIndex) -> None:
        self.checker = checker
        self.config = config
        self.index = index
        self._contexts: dict[tuple[str, str], ReadContext] = {}

    def add(self, problem: Problem) -> None:
        self.checker.add(problem)

    def property(self, raw: YamlMap) -> Property | None:
        """The property a claim or resolution names; None, reported, when it names none."""
        if "topic" not in raw:  # reported as a missing field
            return None
        topic_id, prop_id = str(raw["topic"]), str(raw.get("property"))
        topic = self.config.topics.get(topic_id)
        if topic is None:
            self.add(
                error(
                    raw.place_of("topic"),
                    "unknown-topic",
                    f"unknown topic {topic_id!r}{did_you_mean(topic_id, self.config.topics)}",
                )
            )
            return None
        prop = topic.properties.get(prop_id)
        if prop is None and "property" in raw:
            self.add(
                error(
                    raw.place_of("property"),
                    "unknown-property",
                    f"topic {topic_id!r} has no property {prop_id!r}"
                    f"{did_you_mean(prop_id, topic.properties)}",
                )
            )
        return prop

    def entity(self, kind: str, raw: object, place: Place) -> tuple[str, str] | None:
        """The id of the entity `raw` names, and the name as written."""
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            self.add(
                error(place, "wrong-type", f"expected the name of a {kind}, not {kind_of(raw)}")
            )
            return None
        name = str(raw)
        match = self.index.resolve(kind, name)
        if isinstance(match, NameMatch):
            if match.score is not None:
                self.add(
                    warning(
                        place,
                        "fuzzy-name",
                        f"{name!r} taken as {kind} {match.entity.id!r} "
                        f"({match.entity.label.get()}): {match.score:g}% similar to "
                        f"{match.matched!r}; add it as an alias if that is right",
                    )
                )
            return match.entity.id, name
        near = ", ".join(f"{e.id} ({score:g}%)" for e, score in match.closest)
        self.add(
            error(
                place,
                "unknown-entity",
                f"{name!r} is not a known {kind}"
                + (f"; closest: {near}" if near else "")
                + f"; add it to entities.{kind} in reconcile.yaml",
            )
        )
        return None

    def subject(self, raw: YamlMap, prop: Property) -> tuple[str | None, str | None]:
        if prop.subject is None:
            if "subject" in raw:
                self.add(
                    error(
                        raw.key_places["subject"],
                        "unexpected-field",
                        f"{prop.topic}.{prop.id} has no subject; remove 'subject'",
                    )
                )
            return None, None
        if "subject" not in raw:
            self.add(
                error(
                    raw.place,
                    "missing-field",
                    f"{prop.topic}.{prop.id} is per {prop.subject}: give a 'subject'",
                )
            )
            return None, None
        found = self.entity(prop.subject, raw["subject"], raw.place_of("subject"))
        return found if found else (None, None)

    def as_of(
        self, raw: YamlMap, prop: Property, default: DateValue | None, what: str
    ) -> DateValue | None:
        if "as_of" not in raw:
            return default
        if not prop.temporal:
            self.add(
                error(
                    raw.key_places["as_of"],
                    "unexpected-field",
                    f"'as_of' is only for temporal properties; "
                    f"{prop.topic}.{prop.id} is not temporal",
                )
            )
            return None
        try:
            return parse_date(raw["as_of"])
        except InvalidValue as exc:
            self.add(error(raw.place_of("as_of"), "bad-date", str(exc)))
            return None

    def context(self, raw: YamlMap, prop: Property, claim: bool) -> ReadContext:
        """What reading the value of `raw` needs: one context for every claim of a property
        that gives none of the flags, made once."""
        if claim and not raw.keys().isdisjoint(CLAIM_FLAGS):
            return ReadContext(prop, self.config.settings, self.flags(raw, prop, claim), self)
        key = (prop.topic, prop.id)
        context = self._contexts.get(key)
        if context is None:
            context = ReadContext(prop, self.config.settings, self.flags(raw, prop, False), self)
            self._contexts[key] = context
        return context

    def flags(self, raw: YamlMap, prop: Property, claim: bool) -> dict[str, bool]:
        """The claim's flags its property's type takes, each as given or by default."""
        flags = dict(RULES[prop.type].flags)
        if not claim:
            return flags
        for key in CLAIM_FLAGS:
            given = self.flag(raw, key, prop)
            if given is not None:
                flags[key] = given
        return flags

    def flag(self, raw: YamlMap, key: str, prop: Property) -> bool | None:
        """A true/false field that only some property types take; None when not given."""
        if key not in raw:
            return None
        allowed = types_taking(key)
        if prop.type not in allowed:
            self.add(
                error(
                    raw.key_places[key],
                    "unexpected-field",
                    f"'{key}' is only for {' and '.join(allowed)} properties, not {prop.type}",
                )
            )
            return None
        if not isinstance(raw[key], bool):
            self.add(error(raw.place_of(key), "wrong-type", f"'{key}' must be true or false"))
            return None
        return bool(raw[key])

    def value(
        self, raw: YamlMap, prop: Property, value: Any, place: Place, claim: bool
    ) -> Value | None:
        rule = RULES[prop.type]
        try:
            return rule.read(value, place, self.context(raw, prop, claim))
        except InvalidValue as exc:
            self.add(error(place, exc.code or rule.error_code, str(exc)))
            return None
