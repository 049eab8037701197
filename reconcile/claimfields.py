"""The fields a claim and a resolution share: topic, property, subject, value and time."""

from __future__ import annotations

from typing import Any

from reconcile.entities import EntityIndex, NameMatch
from reconcile.fields import Checker, did_you_mean, kind_of
from reconcile.model import Config, Property
from reconcile.problems import Place, Problem, error, warning
from reconcile.values import (
    ChoiceValue,
    DateValue,
    EntitySetValue,
    EntityValue,
    InvalidValue,
    PropertyType,
    Value,
    parse_boolean,
    parse_date,
    parse_number,
    parse_text,
)
from reconcile.yamlfile import YamlList, YamlMap


class ClaimFields:
    """Reads the topic, property, subject, value and time of a claim or resolution."""

    def __init__(self, checker: Checker, config: Config, index: EntityIndex) -> None:
        self.checker = checker
        self.config = config
        self.index = index

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

    def flag(
        self, raw: YamlMap, key: str, prop: Property, allowed: PropertyType, default: bool
    ) -> bool:
        """A true/false field that only properties of type `allowed` take."""
        if key not in raw:
            return default
        if prop.type is not allowed:
            self.add(
                error(
                    raw.key_places[key],
                    "unexpected-field",
                    f"'{key}' is only for {allowed} properties, not {prop.type}",
                )
            )
            return default
        if not isinstance(raw[key], bool):
            self.add(error(raw.place_of(key), "wrong-type", f"'{key}' must be true or false"))
            return default
        return bool(raw[key])

    def value(
        self, raw: YamlMap, prop: Property, value: Any, place: Place, claim: bool
    ) -> Value | None:
        settings = self.config.settings
        complete = self.flag(raw, "complete", prop, PropertyType.ENTITIES, True) if claim else True
        approximate = claim and self.flag(raw, "approximate", prop, PropertyType.NUMBER, False)
        try:
            if prop.type is PropertyType.DATE:
                return parse_date(value)
            if prop.type is PropertyType.NUMBER:
                tolerance = prop.tolerance or settings.number_tolerance
                return parse_number(value, approximate=approximate, tolerance=tolerance)
            if prop.type is PropertyType.BOOLEAN:
                return parse_boolean(value)
            if prop.type is PropertyType.TEXT:
                return parse_text(value, settings.text_threshold)
            if prop.type is PropertyType.CHOICE:
                return self.choice(prop, value, place)
            assert prop.kind is not None
            if prop.type is PropertyType.ENTITY:
                found = self.entity(prop.kind, value, place)
                return EntityValue(found[0]) if found else None
            return self.entity_set(prop.kind, value, place, complete)
        except InvalidValue as exc:
            code = "bad-date" if prop.type is PropertyType.DATE else "wrong-type"
            self.add(error(place, code, str(exc)))
            return None

    def choice(self, prop: Property, value: Any, place: Place) -> ChoiceValue | None:
        if not isinstance(value, str) or value not in prop.choices:
            self.add(
                error(
                    place,
                    "unknown-choice",
                    f"{value!r} is not a choice of {prop.topic}.{prop.id}"
                    f"{did_you_mean(str(value), prop.choices)}",
                )
            )
            return None
        return ChoiceValue(value)

    def entity_set(
        self, kind: str, value: Any, place: Place, complete: bool
    ) -> EntitySetValue | None:
        if not isinstance(value, YamlList):
            raise InvalidValue(f"expected a list of {kind} names, not {kind_of(value)}")
        ids: list[str] = []
        unknown = False
        for item, item_place in zip(value, value.places, strict=True):
            found = self.entity(kind, item, item_place)
            if found is None:
                unknown = True
            elif found[0] in ids:
                self.add(
                    warning(
                        item_place,
                        "repeated-entity",
                        f"{item!r} names {found[0]!r}, already in this list",
                    )
                )
            else:
                ids.append(found[0])
        return None if unknown else EntitySetValue(frozenset(ids), complete)
