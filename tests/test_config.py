"""Reading reconcile.yaml alone: the vocabulary, topics and settings."""

from __future__ import annotations

import pytest

from reconcile.config import load_config
from reconcile.problems import ReconcileError
from reconcile.values import PropertyType, Tolerance


def test_load_config_reads_the_vocabulary(make_project) -> None:
    config = load_config(make_project())
    assert config.title == "Test desk"
    assert config.entity("country", "russia").label.get("ar") == "روسيا"
    troops = config.topics["forces"].properties["troops"]
    assert troops.type is PropertyType.NUMBER
    assert troops.tolerance == Tolerance(5, percent=True)
    status = config.topics["membership"].properties["status"]
    assert status.choices == ("member", "withdrawn", "suspended")
    assert status.subject == "country" and status.temporal


def test_load_config_needs_no_sources_or_claims(make_project) -> None:
    root = make_project(claims={"nowhere": "- not: a claim\n"})
    assert load_config(root).topics


@pytest.mark.parametrize(
    ("prop", "message"),
    [
        ("{type: entity}", "has type entity and needs a 'kind' of entity"),
        ("{type: date, kind: country}", "'kind' is only for entity and entities properties"),
        ("{type: choice}", "has type choice and needs a list of 'choices'"),
        ("{type: text, choices: [a]}", "'choices' is only for choice properties, not text"),
        ("{type: date, tolerance: 5}", "'tolerance' is only for number properties, not date"),
    ],
)
def test_what_each_type_needs_is_checked(make_project, prop: str, message: str) -> None:
    config = (
        f"entities:\n  country: {{russia: {{}}}}\ntopics:\n  t:\n    properties:\n      p: {prop}\n"
    )
    with pytest.raises(ReconcileError) as raised:
        load_config(make_project(config=config))
    assert any(message in p.message for p in raised.value.problems), raised.value
