"""`reconcile schema`: the JSON Schema of claims files, checked against claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile.schema import claims_schema
from writes import (
    EXIT_CLEAN,
    new_project,
    run,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


def test_schema_lists_the_projects_topics_and_properties(project: Path) -> None:
    result = run("schema", "--project", project)
    assert result.exit_code == EXIT_CLEAN
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    claim = schema["$defs"]["claim"]
    assert claim["required"] == ["topic", "property", "value"]
    assert claim["additionalProperties"] is False
    assert set(claim["properties"]) == {
        "topic",
        "property",
        "value",
        "subject",
        "quote",
        "as_of",
        "complete",
        "approximate",
        "note",
    }
    assert claim["properties"]["topic"]["enum"] == ["treaty", "membership"]
    treaty = next(
        rule
        for rule in claim["allOf"]
        if rule["if"]["properties"] == {"topic": {"const": "treaty"}}
    )
    assert treaty["then"]["properties"]["property"]["enum"] == [
        "signed",
        "signing_place",
        "signatories",
    ]


def test_schema_outside_a_project_is_the_generic_one(tmp_path: Path) -> None:
    result = run("schema", "--project", tmp_path)
    assert result.exit_code == EXIT_CLEAN
    claim = json.loads(result.output)["$defs"]["claim"]
    assert "enum" not in claim["properties"]["topic"] and "allOf" not in claim


def test_the_example_claims_validate_and_mistakes_do_not(project: Path) -> None:
    schema = claims_schema(project)
    claims = yaml.safe_load((project / "claims" / "example.yaml").read_text(encoding="utf-8"))
    claims = json.loads(json.dumps(claims, default=str))
    assert validate(claims, schema, schema) == []
    assert validate(None, schema, schema) == []
    generic = claims_schema(project / "nowhere")
    assert validate(claims, generic, generic) == []
    mistakes = [
        {"topic": "nope", "property": "signed", "value": "1992"},
        {"topic": "treaty", "property": "member_count", "value": 6},
        {"topic": "treaty", "property": "signed", "value": "1992", "extra": 1},
        {"topic": "treaty", "property": "signed"},
        {"topic": "membership", "property": "status", "value": "member"},  # no subject
        {"topic": "membership", "property": "status", "subject": "x", "value": "gone"},
        {"topic": "membership", "property": "member_count", "value": {"least": 3}},
        {"topic": "treaty", "property": "signed", "value": "1992", "as_of": "1993"},
        {"topic": "treaty", "property": "signatories", "value": "russia"},
        {"topic": "treaty", "property": "signed", "value": "1992", "complete": False},
    ]
    for mistake in mistakes:
        assert validate([mistake], schema, schema), mistake


_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
    "number": (int, float),
    "integer": int,
}


def validate(data: Any, schema: Any, root: dict[str, Any], path: str = "$") -> list[str]:
    """The JSON Schema keywords claims_schema uses, checked by hand (jsonschema is not a
    dependency): the errors found, empty when `data` is valid."""
    if schema is True:
        return []
    if schema is False:
        return [f"{path}: not allowed"]
    errors: list[str] = []
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        errors += validate(data, target, root, path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(
            isinstance(data, _TYPES[t])
            and not (isinstance(data, bool) and t in ("number", "integer"))
            for t in types
        ):
            errors.append(f"{path}: not {types}")
    if "enum" in schema and data not in schema["enum"]:
        errors.append(f"{path}: not in {schema['enum']}")
    if "const" in schema and data != schema["const"]:
        errors.append(f"{path}: not {schema['const']!r}")
    if isinstance(data, dict):
        errors += [f"{path}: no {key}" for key in schema.get("required", []) if key not in data]
        if len(data) < schema.get("minProperties", 0):
            errors.append(f"{path}: too few properties")
        for key, value in data.items():
            if key in schema.get("properties", {}):
                errors += validate(value, schema["properties"][key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(data, list):
        if len(data) < schema.get("minItems", 0):
            errors.append(f"{path}: too few items")
        if "items" in schema:
            for number, item in enumerate(data):
                errors += validate(item, schema["items"], root, f"{path}[{number}]")
    for sub in schema.get("allOf", []):
        errors += validate(data, sub, root, path)
    if "oneOf" in schema:
        passing = sum(not validate(data, sub, root, path) for sub in schema["oneOf"])
        if passing != 1:
            errors.append(f"{path}: matches {passing} of oneOf")
    if "if" in schema and not validate(data, schema["if"], root, path):
        errors += validate(data, schema.get("then", True), root, path)
    return errors
