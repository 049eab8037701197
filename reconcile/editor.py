"""What editors need: JSON Schemas of reconcile.yaml and resolutions.yaml beside the claims
schema, the schema files a project keeps in .reconcile/schema/, and the modeline that names one.

VS Code's YAML extension (and any editor speaking the yaml-language-server protocol) reads the
`# yaml-language-server: $schema=…` comment at the top of a file and completes from the schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from reconcile.files import write_atomic
from reconcile.load import CLAIMS_DIR, CONFIG_FILE, RESOLUTIONS_FILE, load_config
from reconcile.problems import ReconcileError
from reconcile.schema import claims_schema
from reconcile.values import PropertyType

__all__ = [
    "SCHEMAS",
    "SCHEMA_DIR",
    "modeline",
    "project_schema",
    "resolutions_schema",
    "write_schemas",
]

#: Where a project keeps the schema files its modelines name (written by the tool).
SCHEMA_DIR = ".reconcile/schema"

_SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
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
            "choices": {**_NAMES, "description": "choice: the values it may take."},
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

#: The schema each file of a project is checked against, by the file's folder or name.
_SCHEMA_OF = {CONFIG_FILE: "project", RESOLUTIONS_FILE: "resolutions", CLAIMS_DIR: "claims"}


def write_schemas(root: Path) -> list[Path]:
    """Write the three schema files into the project's .reconcile/schema/; return their paths."""
    written = []
    for name, make in SCHEMAS.items():
        path = root / SCHEMA_DIR / f"{name}.json"
        text = json.dumps(make(root), ensure_ascii=False, indent=2) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
        written.append(path)
    return written


def modeline(file: str) -> str:
    """The first line of project file `file` (project-relative): a comment naming its schema."""
    parts = PurePosixPath(file).parts
    name = _SCHEMA_OF[parts[0]]
    up = "../" * (len(parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{name}.json\n"


def _kinds(root: Path) -> list[str]:
    try:
        return list(load_config(root).entities)
    except ReconcileError:
        return []
