"""`reconcile schema`: the JSON Schemas of claims files, reconcile.yaml and resolutions.yaml,
for editors' autocompletion."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from reconcile.load import load_config
from reconcile.model import (
    CLAIM_FIELD_TABLE,
    CLAIM_FLAGS,
    REQUIRED_CLAIM_FIELDS,
    Config,
    Property,
    Topic,
)
from reconcile.problems import ReconcileError
from reconcile.values import RULES, PropertyType

__all__ = ["SCHEMAS", "claims_schema", "project_schema", "resolutions_schema"]

_SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def _generic_claim() -> dict[str, Any]:
    """The schema of one claim, whatever the project: its fields and what each one means."""
    return {
        "type": "object",
        "description": "One fact a source states, with the quote that backs it.",
        "required": list(REQUIRED_CLAIM_FIELDS),
        "additionalProperties": False,
        "properties": {
            field.name: {**_plain(field.schema), "description": _sentence(field.meaning)}
            for field in CLAIM_FIELD_TABLE
        },
    }


def _plain(schema: Mapping[str, object]) -> dict[str, Any]:
    return {
        key: list(value) if isinstance(value, tuple) else value for key, value in schema.items()
    }


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def claims_schema(root: Path) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a claims file.

    With a loadable reconcile.yaml in `root`, topics and properties are enumerated and each
    property's value, subject and flags are checked by its type; otherwise the schema is the
    generic one. Entity names are examples only: any spelling of a name is allowed.
    """
    claim = _generic_claim()
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
    fields["topic"]["description"] = "A topic of reconcile.yaml: " + "; ".join(
        f"{topic.id} ({topic.label.get()})" if topic.label.get() != topic.id else topic.id
        for topic in config.topics.values()
    )
    rules: list[dict[str, Any]] = []
    for topic in config.topics.values():
        rules.append(_topic_rule(topic))
        rules += [_property_if(prop, config) for prop in topic.properties.values()]
    claim["allOf"] = rules
    return schema


def _topic_rule(topic: Topic) -> dict[str, Any]:
    """The rule that a claim of `topic` names one of its properties."""
    return {
        "if": {"properties": {"topic": {"const": topic.id}}, "required": ["topic"]},
        "then": {
            "properties": {
                "property": {
                    "enum": list(topic.properties),
                    "description": f"A property of {topic.id}: "
                    + "; ".join(
                        f"{prop.id} ({_describe(prop)})" for prop in topic.properties.values()
                    ),
                }
            }
        },
    }


def _property_if(prop: Property, config: Config) -> dict[str, Any]:
    """The rule that a claim of `prop` gives the value, subject and flags its type allows."""
    return {
        "if": {
            "properties": {"topic": {"const": prop.topic}, "property": {"const": prop.id}},
            "required": ["topic", "property"],
        },
        "then": _property_rule(prop, config),
    }


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


_TEXT_OR_NUMBER = {"type": ["string", "integer"]}
_LABEL = {
    "description": "A label: text, or a map of language to text ({en: Founding, ar: التأسيس}).",
    "oneOf": [
        {"type": "string"},
        {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
    ],
}
_NAMES = {
    "description": "Names: one, or a list of them.",
    "oneOf": [_TEXT_OR_NUMBER, {"type": "array", "items": _TEXT_OR_NUMBER}],
}
_TOLERANCE = {
    "description": 'An absolute amount (50), or a percentage of the value ("10%").',
    "oneOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%\s*$"},
    ],
}
_THRESHOLD = {"type": "number", "minimum": 0, "maximum": 100}


def _property_spec() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A property of the topic: its type decides when two claims agree.",
        "required": ["type"],
        "additionalProperties": False,
        "properties": {
            "type": {
                "enum": [str(t) for t in PropertyType],
                "description": "date (EDTF), number, entity, entities, choice, boolean or text.",
            },
            "label": _LABEL,
            "keywords": {**_NAMES, "description": "Words that suggest a claim of it in a text."},
            "kind": {"type": "string", "description": "entity and entities: the entity kind."},
            "choices": {
                "description": "choice: the values it may take; or a map of each value to the "
                "words articles write it in (withdrawn: [withdrew, انسحبت, вышла]).",
                "oneOf": [
                    *_NAMES["oneOf"],
                    {"type": "object", "additionalProperties": _NAMES},
                ],
            },
            "subject": {
                "type": "string",
                "description": "An entity kind: the property holds per entity of it.",
            },
            "temporal": {
                "type": "boolean",
                "default": False,
                "description": "true: it holds at a time (a claim's as_of).",
            },
            "tolerance": {**_TOLERANCE, "description": "number: overrides number_tolerance."},
        },
    }


def project_schema(root: Path) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of reconcile.yaml; entity kinds enumerated when known."""
    prop = _property_spec()
    kinds = _kinds(root)
    if kinds:
        prop["properties"]["kind"]["enum"] = kinds
        prop["properties"]["subject"]["enum"] = kinds
    entity = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"label": _LABEL, "aliases": {**_NAMES, "description": "Other names."}},
    }
    topic = {
        "type": "object",
        "required": ["properties"],
        "additionalProperties": False,
        "properties": {
            "label": _LABEL,
            "properties": {"type": "object", "additionalProperties": {"$ref": "#/$defs/property"}},
        },
    }
    settings = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "alias_threshold": {**_THRESHOLD, "default": 85},
            "quote_threshold": {**_THRESHOLD, "default": 90},
            "text_threshold": {**_THRESHOLD, "default": 90},
            "number_tolerance": {**_TOLERANCE, "default": 0},
        },
    }
    return {
        "$schema": _SCHEMA_URI,
        "title": "reconcile project (reconcile.yaml)",
        "type": "object",
        "required": ["topics"],
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string", "description": "Shown at the top of the report."},
            "language": {"type": "string", "description": "The sources' default language."},
            "entities": {
                "type": "object",
                "description": "kind -> id -> label and aliases.",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/$defs/entity"},
                },
            },
            "topics": {"type": "object", "additionalProperties": {"$ref": "#/$defs/topic"}},
            "settings": settings,
        },
        "$defs": {"entity": entity, "topic": topic, "property": prop},
    }


def resolutions_schema(root: Path) -> dict[str, Any]:
    """The JSON Schema of resolutions.yaml: the claims schema's rules, with a reason."""
    claims = claims_schema(root)
    resolution = claims["$defs"]["claim"]
    fields = resolution["properties"]
    for key in ("quote", "complete", "approximate", "note"):
        fields.pop(key, None)
    for rule in resolution.get("allOf", ()):
        for key in ("quote", "complete", "approximate", "note"):
            rule.get("then", {}).get("properties", {}).pop(key, None)
    fields["reason"] = {"type": "string", "description": "Why the value is right."}
    fields["reference"] = {"type": "string", "description": "Where the fact can be checked."}
    fields["decided"] = {
        "type": "string",
        "description": "When, as YYYY-MM-DD.",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
    }
    fields["by"] = {"type": "string", "description": "Who decided."}
    resolution["required"] = ["topic", "property", "value", "reason"]
    resolution["description"] = "An editorial decision: the accepted value of a group, and why."
    return {
        **claims,
        "title": claims["title"].replace("claims file", "resolutions"),
        "description": "resolutions.yaml: editorial decisions on disputed facts.",
        "items": {"$ref": "#/$defs/resolution"},
        "$defs": {"resolution": resolution},
    }


#: Each schema `reconcile schema` prints, by the name it takes.
SCHEMAS: Mapping[str, Callable[[Path], dict[str, Any]]] = {
    "claims": claims_schema,
    "project": project_schema,
    "resolutions": resolutions_schema,
}


def _kinds(root: Path) -> list[str]:
    try:
        return list(load_config(root).entities)
    except ReconcileError:
        return []
