"""`reconcile schema`: the JSON Schema of a claims file, for editors' autocompletion."""

from __future__ import annotations

from collections.abc import Mapping
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
from reconcile.values import RULES

__all__ = ["claims_schema"]

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
