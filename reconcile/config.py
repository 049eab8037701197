"""Reading reconcile.yaml: the settings, labels, entity vocabulary, topics and properties."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reconcile.fields import Checker, did_you_mean, empty_map, not_text
from reconcile.files import real_path
from reconcile.model import Config, Entity, Label, Property, Settings, Topic
from reconcile.normalise import normalise
from reconcile.problems import Place, ReconcileError, error
from reconcile.values import RULES, InvalidValue, PropertyType, Tolerance, parse_tolerance
from reconcile.yamlfile import YamlList, YamlMap

CONFIG_FILE = "reconcile.yaml"

_CONFIG_FIELDS = ("title", "language", "entities", "topics", "settings")
_THRESHOLDS = ("alias_threshold", "quote_threshold", "text_threshold")
_PROPERTY_FIELDS = (
    "type",
    "label",
    "keywords",
    "kind",
    "choices",
    "subject",
    "temporal",
    "tolerance",
)

Entities = Mapping[str, Mapping[str, Entity]]


def load_config(root: Path | str = ".") -> Config:
    """Load and validate only reconcile.yaml: the vocabulary, topics and settings."""
    reader = ConfigReader(Path(root))
    config = reader.config_file()
    if config is None or reader.failed:
        raise ReconcileError(reader.problems)
    return config


class ConfigReader(Checker):
    """Reads reconcile.yaml, noting every problem of it."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def config_file(self) -> Config | None:
        """The project's configuration; None, reported, when there is none to read."""
        config_path = self.root / CONFIG_FILE
        real_root = real_path(self.root)
        if real_root is None:
            self.add(
                error(
                    Place(CONFIG_FILE),
                    "unreadable-folder",
                    f"cannot read the project folder {self.root}: its links go round in a loop",
                )
            )
            return None
        if not config_path.is_file():
            self.add(
                error(
                    Place(CONFIG_FILE),
                    "no-project",
                    f"no {CONFIG_FILE} in {self.root}; start a project with `reconcile init`",
                )
            )
            return None
        real_config = real_path(config_path)
        if real_config is None or not real_config.is_relative_to(real_root):
            self.add(
                error(
                    Place(CONFIG_FILE),
                    "outside-project",
                    f"{CONFIG_FILE} points outside the project folder",
                )
            )
            return None
        raw_config, ok = self.read_yaml(config_path, CONFIG_FILE)
        return self.config(raw_config) if ok else None

    def config(self, raw: Any) -> Config | None:
        if not self.expect(raw, YamlMap, Place(CONFIG_FILE), CONFIG_FILE):
            return None
        self.fields(raw, _CONFIG_FIELDS, ("topics",), CONFIG_FILE)
        title = self.text_field(raw, "title", CONFIG_FILE) or self.root.resolve().name
        language = self.text_field(raw, "language", CONFIG_FILE)
        settings = self.settings(raw.get("settings"), raw.place_of("settings"))
        entities = self.entities(raw.get("entities"), raw.place_of("entities"))
        topics = self.topics(raw.get("topics"), raw.place_of("topics"), entities)
        return Config(title, language, entities, topics, settings)

    # -- settings ----------------------------------------------------------------------------

    def settings(self, raw: Any, place: Place) -> Settings:
        if raw is None or not self.expect(raw, YamlMap, place, "settings"):
            return Settings()
        defaults = Settings()
        self.fields(raw, (*_THRESHOLDS, "number_tolerance"), (), "settings")
        values: dict[str, Any] = {}
        for key in _THRESHOLDS:
            value = raw.get(key, getattr(defaults, key))
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value <= 100
            ):
                self.add(
                    error(
                        raw.place_of(key),
                        "bad-setting",
                        f"{key} must be a number from 0 to 100, not {value!r}",
                    )
                )
                value = getattr(defaults, key)
            values[key] = float(value)
        if "number_tolerance" in raw:
            try:
                values["number_tolerance"] = parse_tolerance(raw["number_tolerance"])
            except InvalidValue as exc:
                self.add(error(raw.place_of("number_tolerance"), "bad-setting", str(exc)))
        return Settings(**values)

    # -- labels and names ----------------------------------------------------------------------

    def label(self, raw: Any, place: Place, what: str, default: str) -> Label:
        if raw is None:
            return Label((("", default),))
        if isinstance(raw, str):
            return Label((("", raw),))
        if isinstance(raw, YamlMap) and raw and all(isinstance(v, str) for v in raw.values()):
            return Label(tuple(raw.items()))
        hint = ""
        if isinstance(raw, YamlMap) and None in raw.values():
            # {en: Deaths, by area}: the comma ends a pair, and "by area" is a key of nothing
            hint = "; a comma in a {…} map ends a pair: quote a label that holds one"
        self.add(
            error(
                place,
                "wrong-type",
                f"the label of {what} must be text or a map of language to text{hint}",
            )
        )
        return Label((("", default),))

    def names(self, raw: Any, place: Place, what: str) -> tuple[str, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str):
            return (raw,)
        if not self.expect(raw, YamlList, place, what):
            return ()
        names = []
        for item, item_place in zip(raw, raw.places, strict=True):
            if isinstance(item, (str, int)) and not isinstance(item, bool):
                names.append(str(item))
            else:
                self.add(
                    error(
                        item_place,
                        "wrong-type",
                        f"each of {what} must be text, not {not_text(item)}",
                    )
                )
        return tuple(names)

    # -- entities ------------------------------------------------------------------------------

    def entities(self, raw: Any, place: Place) -> dict[str, dict[str, Entity]]:
        entities: dict[str, dict[str, Entity]] = {}
        if raw is None or not self.expect(raw, YamlMap, place, "entities"):
            return entities
        for kind, by_id in raw.items():
            entities[kind] = {}
            if not self.expect(by_id, YamlMap, raw.place_of(kind), f"entities of kind {kind!r}"):
                continue
            owners: dict[str, tuple[str, Place]] = {}
            for entity_id, spec in by_id.items():
                entity_place = by_id.place_of(entity_id)
                entity = self.entity(kind, entity_id, spec, entity_place)
                if entity is not None:
                    entities[kind][entity_id] = entity
                    self.own_names(entity, entity_place, owners)
        return entities

    def entity(self, kind: str, entity_id: str, spec: Any, place: Place) -> Entity | None:
        what = f"entity {kind}.{entity_id}"
        if spec is None:
            spec = empty_map(place)
        if not self.expect(spec, YamlMap, place, what):
            return None
        self.fields(spec, ("label", "aliases"), (), what)
        return Entity(
            kind,
            entity_id,
            self.label(spec.get("label"), spec.place_of("label"), what, entity_id),
            self.names(spec.get("aliases"), spec.place_of("aliases"), f"aliases of {what}"),
        )

    def own_names(self, entity: Entity, place: Place, owners: dict[str, tuple[str, Place]]) -> None:
        """Give `entity` its names among its kind; a name two entities share is an error."""
        kind, entity_id = entity.kind, entity.id
        for name in dict.fromkeys(normalise(n) for n in entity.names):
            if not name:
                self.add(
                    error(
                        place,
                        "empty-name",
                        f"{kind}.{entity_id} has a name with no letters or digits "
                        "(only marks, quotes or spaces): it would match any empty name",
                    )
                )
            elif name in owners and owners[name][0] != entity_id:
                other, other_place = owners[name]
                self.add(
                    error(
                        place,
                        "shared-name",
                        f"the name {name!r} belongs to both {kind}.{other} "
                        f"(line {other_place.line}) and {kind}.{entity_id}",
                    )
                )
            else:
                owners[name] = (entity_id, place)

    # -- topics and properties -------------------------------------------------------------------

    def topics(self, raw: Any, place: Place, entities: Entities) -> dict[str, Topic]:
        topics: dict[str, Topic] = {}
        if not self.expect(raw, YamlMap, place, "topics"):
            return topics
        for topic_id, spec in raw.items():
            what = f"topic {topic_id!r}"
            if not self.expect(spec, YamlMap, raw.place_of(topic_id), what):
                continue
            self.fields(spec, ("label", "properties"), ("properties",), what)
            properties: dict[str, Property] = {}
            props = spec.get("properties")
            if isinstance(props, YamlMap):
                for prop_id, prop_spec in props.items():
                    prop = self.property(
                        topic_id, prop_id, prop_spec, props.place_of(prop_id), entities
                    )
                    if prop is not None:
                        properties[prop_id] = prop
            elif "properties" in spec:
                self.expect(props, YamlMap, spec.place_of("properties"), f"properties of {what}")
            topics[topic_id] = Topic(
                topic_id,
                self.label(spec.get("label"), spec.place_of("label"), what, topic_id),
                properties,
            )
        return topics

    def property(
        self, topic: str, prop_id: str, spec: Any, place: Place, entities: Entities
    ) -> Property | None:
        what = f"property {topic}.{prop_id}"
        if not self.expect(spec, YamlMap, place, what):
            return None
        self.fields(spec, _PROPERTY_FIELDS, ("type",), what)
        prop_type = self.property_type(spec)
        if prop_type is None:
            return None
        choices, choice_words = self.choices(spec, prop_type, what)
        return Property(
            topic,
            prop_id,
            prop_type,
            self.label(spec.get("label"), spec.place_of("label"), what, prop_id),
            self.names(spec.get("keywords"), spec.place_of("keywords"), f"keywords of {what}"),
            self.value_kind(spec, prop_type, what, entities),
            choices,
            self.kind_field(spec, "subject", what, entities),
            self.temporal(spec),
            self.tolerance(spec, prop_type),
            choice_words,
        )

    def property_type(self, spec: YamlMap) -> PropertyType | None:
        try:
            return PropertyType(spec.get("type", ""))
        except ValueError:
            if "type" in spec:
                types = [str(t) for t in PropertyType]
                self.add(
                    error(
                        spec.place_of("type"),
                        "bad-type",
                        f"{spec.get('type')!r} is not a property type"
                        f"{did_you_mean(str(spec.get('type')), types)}",
                    )
                )
            return None

    def value_kind(
        self, spec: YamlMap, prop_type: PropertyType, what: str, entities: Entities
    ) -> str | None:
        """The entity kind of an entity or entities property's values."""
        kind = self.kind_field(spec, "kind", what, entities)
        if RULES[prop_type].needs_kind and "kind" not in spec:
            self.add(
                error(
                    spec.place,
                    "missing-field",
                    f"{what} has type {prop_type} and needs a 'kind' of entity",
                )
            )
        elif kind and not RULES[prop_type].needs_kind:
            self.add(
                error(
                    spec.place_of("kind"),
                    "unexpected-field",
                    f"'kind' is only for {_types('needs_kind')} properties, not {prop_type}",
                )
            )
        return kind

    def choices(
        self, spec: YamlMap, prop_type: PropertyType, what: str
    ) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """A list of choices, or a map of each choice to the words articles write it in."""
        raw, place = spec.get("choices"), spec.place_of("choices")
        words: tuple[tuple[str, tuple[str, ...]], ...] = ()
        if isinstance(raw, YamlMap):
            words = tuple(
                (str(choice), self.names(raw[choice], raw.place_of(choice), f"words of {choice!r}"))
                for choice in raw
            )
            choices = tuple(choice for choice, _ in words)
        else:
            choices = self.names(raw, place, f"choices of {what}")
        if RULES[prop_type].needs_choices and not choices:
            self.add(
                error(
                    spec.place_of("choices"),
                    "missing-field",
                    f"{what} has type {prop_type} and needs a list of 'choices'",
                )
            )
        elif choices and not RULES[prop_type].needs_choices:
            self.add(
                error(
                    spec.place_of("choices"),
                    "unexpected-field",
                    f"'choices' is only for {_types('needs_choices')} properties, not {prop_type}",
                )
            )
        return choices, words

    def temporal(self, spec: YamlMap) -> bool:
        temporal = spec.get("temporal", False)
        if not isinstance(temporal, bool):
            self.add(
                error(spec.place_of("temporal"), "wrong-type", "temporal must be true or false")
            )
            return False
        return temporal

    def tolerance(self, spec: YamlMap, prop_type: PropertyType) -> Tolerance | None:
        if "tolerance" not in spec:
            return None
        if not RULES[prop_type].takes_tolerance:
            self.add(
                error(
                    spec.place_of("tolerance"),
                    "unexpected-field",
                    f"'tolerance' is only for {_types('takes_tolerance')} properties, "
                    f"not {prop_type}",
                )
            )
            return None
        try:
            return parse_tolerance(spec["tolerance"])
        except InvalidValue as exc:
            self.add(error(spec.place_of("tolerance"), "bad-value", str(exc)))
            return None

    def kind_field(self, spec: YamlMap, key: str, what: str, entities: Entities) -> str | None:
        kind = spec.get(key)
        if kind is None:
            return None
        if not isinstance(kind, str) or kind not in entities:
            self.add(
                error(
                    spec.place_of(key),
                    "unknown-kind",
                    f"{what} names the entity kind {kind!r}, which reconcile.yaml does not "
                    f"define{did_you_mean(str(kind), entities)}",
                )
            )
            return None
        return str(kind)


def _types(attribute: str) -> str:
    """The property types whose rule has `attribute` set: "entity and entities"."""
    return " and ".join(t for t, rule in RULES.items() if getattr(rule, attribute))
