"""Loading a project folder into the model, collecting every problem of every file at once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from reconcile.entities import EntityIndex, NameMatch
from reconcile.gcpause import cycle_collector_paused
from reconcile.model import (
    Claim,
    Config,
    Entity,
    Label,
    Project,
    Property,
    QuoteStatus,
    Resolution,
    Settings,
    Source,
    Topic,
)
from reconcile.normalise import normalise
from reconcile.problems import Place, Problem, ReconcileError, Severity, error, warning
from reconcile.quotes import SourceText
from reconcile.values import (
    ChoiceValue,
    DateValue,
    EntitySetValue,
    EntityValue,
    InvalidValue,
    PropertyType,
    Tolerance,
    Value,
    parse_boolean,
    parse_date,
    parse_number,
    parse_text,
    parse_tolerance,
)
from reconcile.yamlfile import YamlList, YamlMap, parse_yaml, read_text

CONFIG_FILE = "reconcile.yaml"
RESOLUTIONS_FILE = "resolutions.yaml"
SOURCES_DIR = "sources"
CLAIMS_DIR = "claims"
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_CLAIM_FIELDS = (
    "topic",
    "property",
    "value",
    "subject",
    "quote",
    "as_of",
    "complete",
    "approximate",
    "note",
)
_RESOLUTION_FIELDS = (
    "topic",
    "property",
    "value",
    "subject",
    "as_of",
    "reason",
    "reference",
    "decided",
    "by",
)
_SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "language")


def load_project(root: Path | str = ".", *, resolutions_text: str | None = None) -> Project:
    """Load and validate the project in `root`.

    Raises ReconcileError with every problem found when any of them is an error; otherwise
    the project's warnings are in `Project.problems`. `resolutions_text`, when given, is read
    in place of resolutions.yaml: a draft checked before it is written.
    """
    loader = _Loader(Path(root), resolutions_text)
    with cycle_collector_paused():
        project = loader.load()
    if project is None or any(p.severity is Severity.ERROR for p in loader.problems):
        raise ReconcileError(loader.problems)
    return project


def load_config(root: Path | str = ".") -> Config:
    """Load and validate only reconcile.yaml: the vocabulary, topics and settings."""
    loader = _Loader(Path(root))
    config = loader.config_file()
    if config is None or any(p.severity is Severity.ERROR for p in loader.problems):
        raise ReconcileError(loader.problems)
    return config


def closest(word: str, options: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` options that look like `word`, best first."""
    found = process.extract(word, list(options), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [option for option, _, _ in found]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    options = list(options)
    near = closest(word, options)
    if near:
        return "; did you mean " + " or ".join(repr(n) for n in near) + "?"
    return "; expected one of " + ", ".join(repr(o) for o in options[:12]) if options else ""


class _Loader:
    def __init__(self, root: Path, resolutions_text: str | None = None) -> None:
        self.root = root
        self.resolutions_text = resolutions_text
        self.real_root = root.resolve()
        self.problems: list[Problem] = []

    # -- plumbing ------------------------------------------------------------------------------

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def read_yaml(self, path: Path) -> tuple[Any, bool]:
        """The parsed file and whether it could be read at all."""
        name = self.name(path)
        try:
            return parse_yaml(read_text(path, name), name), True
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None, False

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def inside(self, path: Path) -> bool:
        """Whether `path` (after following links) stays in the project; an error otherwise."""
        if path.resolve().is_relative_to(self.real_root):
            return True
        self.add(
            error(
                Place(self.name(path)),
                "outside-project",
                f"{self.name(path)} points outside the project folder",
            )
        )
        return False

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
        raw = mapping.get(key)
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            self.add(
                error(
                    mapping.place_of(key),
                    "wrong-type",
                    f"{key!r} of {what} must be text, not {_kind_of(raw)}",
                )
            )
            return None
        return str(raw)

    def expect(
        self, raw: Any, kind: type[YamlMap] | type[YamlList], place: Place, what: str
    ) -> bool:
        if isinstance(raw, kind):
            return True
        expected = "a list" if issubclass(kind, list) else "a mapping"
        self.add(error(place, "wrong-type", f"{what} must be {expected}, not {_kind_of(raw)}"))
        return False

    # -- the project -----------------------------------------------------------------------------

    def load(self) -> Project | None:
        config = self.config_file()
        if config is None:
            return None
        index = EntityIndex(config.entities, config.settings.alias_threshold)
        sources = self.sources()
        claims = list(self.all_claims(config, index, sources))
        resolutions = self.resolutions(config, index, {c.group_key for c in claims})
        return Project(
            self.root,
            config,
            sources,
            tuple(claims),
            tuple(resolutions),
            tuple(sorted(set(self.problems), key=lambda p: p.sort_key)),
        )

    # -- reconcile.yaml ---------------------------------------------------------------------------

    def config_file(self) -> Config | None:
        config_path = self.root / CONFIG_FILE
        if not config_path.is_file():
            self.add(
                error(
                    Place(CONFIG_FILE),
                    "no-project",
                    f"no {CONFIG_FILE} in {self.root}; start a project with `reconcile init`",
                )
            )
            return None
        raw_config, ok = self.read_yaml(config_path)
        return self.config(raw_config) if ok else None

    def config(self, raw: Any) -> Config | None:
        if not self.expect(raw, YamlMap, Place(CONFIG_FILE), CONFIG_FILE):
            return None
        self.fields(
            raw, ("title", "language", "entities", "topics", "settings"), ("topics",), CONFIG_FILE
        )
        title = self.text_field(raw, "title", CONFIG_FILE) or self.root.resolve().name
        language = self.text_field(raw, "language", CONFIG_FILE)
        settings = self.settings(raw.get("settings"), raw.place_of("settings"))
        entities = self.entities(raw.get("entities"), raw.place_of("entities"))
        topics = self.topics(raw.get("topics"), raw.place_of("topics"), entities)
        return Config(title, language, entities, topics, settings)

    def settings(self, raw: Any, place: Place) -> Settings:
        if raw is None or not self.expect(raw, YamlMap, place, "settings"):
            return Settings()
        defaults = Settings()
        self.fields(
            raw,
            ("alias_threshold", "quote_threshold", "text_threshold", "number_tolerance"),
            (),
            "settings",
        )
        values: dict[str, Any] = {}
        for key in ("alias_threshold", "quote_threshold", "text_threshold"):
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

    def label(self, raw: Any, place: Place, what: str, default: str) -> Label:
        if raw is None:
            return Label((("", default),))
        if isinstance(raw, str):
            return Label((("", raw),))
        if isinstance(raw, YamlMap) and raw and all(isinstance(v, str) for v in raw.values()):
            return Label(tuple(raw.items()))
        self.add(
            error(
                place,
                "wrong-type",
                f"the label of {what} must be text or a map of language to text",
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
                self.add(error(item_place, "wrong-type", f"each of {what} must be text"))
        return tuple(names)

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
                what = f"entity {kind}.{entity_id}"
                if spec is None:
                    spec = YamlMap()
                    spec.place, spec.key_places, spec.value_places = entity_place, {}, {}
                if not self.expect(spec, YamlMap, entity_place, what):
                    continue
                self.fields(spec, ("label", "aliases"), (), what)
                entity = Entity(
                    kind,
                    entity_id,
                    self.label(spec.get("label"), spec.place_of("label"), what, entity_id),
                    self.names(spec.get("aliases"), spec.place_of("aliases"), f"aliases of {what}"),
                )
                entities[kind][entity_id] = entity
                for name in dict.fromkeys(normalise(n) for n in entity.names):
                    if not name:
                        self.add(
                            error(
                                entity_place,
                                "empty-name",
                                f"{kind}.{entity_id} has a name with no letters or digits "
                                "(only marks, quotes or spaces): it would match any empty name",
                            )
                        )
                    elif name in owners and owners[name][0] != entity_id:
                        other, other_place = owners[name]
                        self.add(
                            error(
                                entity_place,
                                "shared-name",
                                f"the name {name!r} belongs to both {kind}.{other} "
                                f"(line {other_place.line}) and {kind}.{entity_id}",
                            )
                        )
                    else:
                        owners[name] = (entity_id, entity_place)
        return entities

    def topics(
        self, raw: Any, place: Place, entities: Mapping[str, Mapping[str, Entity]]
    ) -> dict[str, Topic]:
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
        self,
        topic: str,
        prop_id: str,
        spec: Any,
        place: Place,
        entities: Mapping[str, Mapping[str, Entity]],
    ) -> Property | None:
        what = f"property {topic}.{prop_id}"
        if not self.expect(spec, YamlMap, place, what):
            return None
        self.fields(
            spec,
            ("type", "label", "keywords", "kind", "choices", "subject", "temporal", "tolerance"),
            ("type",),
            what,
        )
        try:
            prop_type = PropertyType(spec.get("type"))
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
        kind = self.kind_field(spec, "kind", what, entities)
        if prop_type in (PropertyType.ENTITY, PropertyType.ENTITIES) and "kind" not in spec:
            self.add(
                error(
                    spec.place,
                    "missing-field",
                    f"{what} has type {prop_type} and needs a 'kind' of entity",
                )
            )
        elif kind and prop_type not in (PropertyType.ENTITY, PropertyType.ENTITIES):
            self.add(
                error(
                    spec.place_of("kind"),
                    "unexpected-field",
                    f"'kind' is only for entity and entities properties, not {prop_type}",
                )
            )
        choices, choice_words = self.choices(spec, what)
        if prop_type is PropertyType.CHOICE and not choices:
            self.add(
                error(
                    spec.place_of("choices"),
                    "missing-field",
                    f"{what} has type choice and needs a list of 'choices'",
                )
            )
        elif choices and prop_type is not PropertyType.CHOICE:
            self.add(
                error(
                    spec.place_of("choices"),
                    "unexpected-field",
                    f"'choices' is only for choice properties, not {prop_type}",
                )
            )
        temporal = spec.get("temporal", False)
        if not isinstance(temporal, bool):
            self.add(
                error(spec.place_of("temporal"), "wrong-type", "temporal must be true or false")
            )
            temporal = False
        tolerance: Tolerance | None = None
        if "tolerance" in spec:
            if prop_type is not PropertyType.NUMBER:
                self.add(
                    error(
                        spec.place_of("tolerance"),
                        "unexpected-field",
                        f"'tolerance' is only for number properties, not {prop_type}",
                    )
                )
            else:
                try:
                    tolerance = parse_tolerance(spec["tolerance"])
                except InvalidValue as exc:
                    self.add(error(spec.place_of("tolerance"), "bad-value", str(exc)))
        return Property(
            topic,
            prop_id,
            prop_type,
            self.label(spec.get("label"), spec.place_of("label"), what, prop_id),
            self.names(spec.get("keywords"), spec.place_of("keywords"), f"keywords of {what}"),
            kind,
            choices,
            self.kind_field(spec, "subject", what, entities),
            temporal,
            tolerance,
            choice_words,
        )

    def choices(
        self, spec: YamlMap, what: str
    ) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """A list of choices, or a map of each choice to the words articles write it in."""
        raw, place = spec.get("choices"), spec.place_of("choices")
        if not isinstance(raw, YamlMap):
            return self.names(raw, place, f"choices of {what}"), ()
        words = tuple(
            (str(choice), self.names(raw[choice], raw.place_of(choice), f"words of {choice!r}"))
            for choice in raw
        )
        return tuple(choice for choice, _ in words), words

    def kind_field(
        self, spec: YamlMap, key: str, what: str, entities: Mapping[str, Mapping[str, Entity]]
    ) -> str | None:
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

    # -- sources/*.md -------------------------------------------------------------------------

    def files(self, folder: str, suffix: str) -> Iterator[Path]:
        directory = self.root / folder
        if not directory.is_dir():
            return
        for path in sorted(directory.iterdir()):
            if path.name.startswith("."):
                continue
            if path.suffix != suffix or not path.is_file():
                self.add(
                    warning(
                        Place(self.name(path)),
                        "ignored-file",
                        f"{self.name(path)} is ignored: {folder}/ holds *{suffix} files",
                    )
                )
                continue
            if not self.inside(path):
                continue
            if not SOURCE_ID.fullmatch(path.stem):
                self.add(
                    error(
                        Place(self.name(path)),
                        "bad-source-id",
                        f"{path.stem!r} is not a source id: use lowercase letters, digits "
                        "and hyphens",
                    )
                )
                continue
            yield path

    def sources(self) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        for path in self.files(SOURCES_DIR, ".md"):
            source = self.source(path)
            if source is not None:
                sources[source.id] = source
        return sources

    def source(self, path: Path) -> Source | None:
        name = self.name(path)
        try:
            text = read_text(path, name)
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None
        lines = text.split("\n")
        if not lines or lines[0].rstrip("\r") != "---":
            self.add(
                error(
                    Place(name),
                    "no-front-matter",
                    "a source starts with front matter between two '---' lines",
                )
            )
            return None
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip("\r") == "---"), None)
        if end is None:
            self.add(
                error(Place(name), "no-front-matter", "the front matter has no closing '---' line")
            )
            return None
        try:
            meta = parse_yaml("\n".join(lines[1:end]), name, first_line=2)
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None
        if meta is None:
            meta = YamlMap()
            meta.place, meta.key_places, meta.value_places = Place(name, 2), {}, {}
        if not self.expect(meta, YamlMap, Place(name, 2), "the front matter"):
            return None
        what = "the front matter"
        self.fields(meta, _SOURCE_FIELDS, (), what, Severity.WARNING)
        published: DateValue | None = None
        if meta.get("published") is not None:
            try:
                published = parse_date(meta["published"])
            except InvalidValue as exc:
                self.add(error(meta.place_of("published"), "bad-date", str(exc)))
        body = "\n".join(lines[end + 1 :])
        return Source(
            path.stem,
            name,
            body,
            end + 2,
            **{
                key: self.text_field(meta, key, what)
                for key in ("title", "author", "publisher", "url", "language")
            },
            published=published,
        )

    # -- claims/*.yaml ---------------------------------------------------------------------------

    def all_claims(
        self, config: Config, index: EntityIndex, sources: Mapping[str, Source]
    ) -> Iterator[Claim]:
        for path in self.files(CLAIMS_DIR, ".yaml"):
            name = self.name(path)
            source = sources.get(path.stem)
            if source is None:
                if (self.root / SOURCES_DIR / f"{path.stem}.md").exists():
                    continue  # the source has errors of its own, already reported
                self.add(
                    error(
                        Place(name),
                        "no-source",
                        f"{name} has no source: expected {SOURCES_DIR}/{path.stem}.md"
                        f"{did_you_mean(path.stem, sources)}",
                    )
                )
                continue
            raw, ok = self.read_yaml(path)
            if not ok or raw is None:
                continue
            if not self.expect(raw, YamlList, Place(name), "a claims file"):
                continue
            text = SourceText(source.text)
            reader = _ValueReader(self, config, index)
            for item, place in zip(raw, raw.places, strict=True):
                claim = self.claim(item, place, source, text, reader)
                if claim is not None:
                    yield claim

    def claim(
        self, raw: Any, place: Place, source: Source, text: SourceText, reader: _ValueReader
    ) -> Claim | None:
        if not self.expect(raw, YamlMap, place, "a claim"):
            return None
        complete = self.fields(raw, _CLAIM_FIELDS, ("topic", "property", "value"), "a claim")
        prop = reader.property(raw)
        if prop is None or not complete:
            return None
        subject, subject_written = reader.subject(raw, prop)
        value = reader.value(raw, prop, raw.get("value"), raw.place_of("value"), claim=True)
        as_of = reader.as_of(raw, prop, source.published, "a claim")
        if prop.temporal and as_of is None and "as_of" not in raw:
            self.add(
                error(
                    raw.place,
                    "missing-time",
                    f"{prop.topic}.{prop.id} is temporal: give the claim an 'as_of' date, "
                    f"or the source {source.id} a 'published' date",
                )
            )
        quote = self.text_field(raw, "quote", "a claim")
        if quote is None:
            self.add(
                warning(
                    raw.place,
                    "no-quote",
                    "the claim has no quote: add the words of the source that back it",
                )
            )
        match = text.find(quote, reader.config.settings.quote_threshold)
        quote_place = raw.place_of("quote")
        if match.status is QuoteStatus.APPROXIMATE:
            self.add(
                warning(
                    quote_place,
                    "quote-approximate",
                    f"quote found only approximately ({match.score:g}% similar): the "
                    f"source says {match.found!r}",
                )
            )
        elif match.status is QuoteStatus.MISSING:
            self.add(
                warning(
                    quote_place,
                    "quote-not-found",
                    f"quote not found in {source.file} (best match {match.score:g}% "
                    "similar); copy it from the text",
                )
            )
        if value is None or (prop.subject and subject is None):
            return None
        if prop.temporal and as_of is None:
            return None
        return Claim(
            source.id,
            raw.place,
            prop.topic,
            prop.id,
            value,
            raw.get("value"),
            subject,
            subject_written,
            as_of if prop.temporal else None,
            quote,
            match,
            self.text_field(raw, "note", "a claim"),
        )

    # -- resolutions.yaml ----------------------------------------------------------------------

    def resolutions(
        self, config: Config, index: EntityIndex, groups: set[tuple[str, str, str | None]]
    ) -> list[Resolution]:
        path = self.root / RESOLUTIONS_FILE
        if self.resolutions_text is not None:
            try:
                raw, ok = parse_yaml(self.resolutions_text, RESOLUTIONS_FILE), True
            except ReconcileError as exc:
                self.problems.extend(exc.problems)
                raw, ok = None, False
        elif not path.is_file() or not self.inside(path):
            return []
        else:
            raw, ok = self.read_yaml(path)
        if not ok or raw is None:
            return []
        if not self.expect(raw, YamlList, Place(RESOLUTIONS_FILE), RESOLUTIONS_FILE):
            return []
        reader = _ValueReader(self, config, index)
        resolutions = []
        for item, place in zip(raw, raw.places, strict=True):
            if not self.expect(item, YamlMap, place, "a resolution"):
                continue
            if not self.fields(
                item, _RESOLUTION_FIELDS, ("topic", "property", "value", "reason"), "a resolution"
            ):
                continue
            prop = reader.property(item)
            if prop is None:
                continue
            subject, _ = reader.subject(item, prop)
            value = reader.value(item, prop, item["value"], item.place_of("value"), claim=False)
            as_of = reader.as_of(item, prop, None, "a resolution")
            if value is None or (prop.subject and subject is None):
                continue
            key = (prop.topic, prop.id, subject)
            if key not in groups:
                named = ".".join(filter(None, key))
                self.add(
                    error(
                        item.place,
                        "no-group",
                        f"no claim is about {named}: this resolution names no group",
                    )
                )
                continue
            resolutions.append(
                Resolution(
                    item.place,
                    prop.topic,
                    prop.id,
                    value,
                    item["value"],
                    self.text_field(item, "reason", "a resolution") or "",
                    subject,
                    as_of,
                    self.text_field(item, "reference", "a resolution"),
                    _date_text(item.get("decided")),
                    self.text_field(item, "by", "a resolution"),
                )
            )
        return resolutions


def _date_text(raw: object) -> str | None:
    if raw is None:
        return None
    return raw.isoformat() if hasattr(raw, "isoformat") else str(raw)


def _kind_of(raw: object) -> str:
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


class _ValueReader:
    """Reads the topic, property, subject, value and time of a claim or resolution."""

    def __init__(self, loader: _Loader, config: Config, index: EntityIndex) -> None:
        self.loader = loader
        self.config = config
        self.index = index

    def add(self, problem: Problem) -> None:
        self.loader.add(problem)

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
                error(place, "wrong-type", f"expected the name of a {kind}, not {_kind_of(raw)}")
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
            raise InvalidValue(f"expected a list of {kind} names, not {_kind_of(value)}")
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
