"""What finds a property when no other source quotes it, in Arabic, English and Russian: its
words weigh more, as nothing else tells of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.load import load_project
from reconcile.suggest import suggest_claims
from writes import one_topic_project

_CITIES = {
    "oslo": {"label": "Oslo", "aliases": ["أوسلو", "Осло"]},
    "lima": {"label": "Lima", "aliases": ["ليما", "Лима"]},
}
_FLOOD = {
    "dead": {
        "type": "number",
        "label": {"en": "People killed", "ar": "عدد القتلى", "ru": "Число погибших"},
        "keywords": ["killed", "قتلى", "погибли"],
    },
    "pumps": {
        "type": "number",
        "label": {"en": "Pumps", "ar": "المضخات", "ru": "Насосы"},
    },
}


def _learnt(tmp_path: Path, properties: dict[str, object], claims: list[dict[str, object]]):
    """A project of `properties` with one earlier source that makes `claims` (its text their
    quotes), and what it teaches a new source."""
    from reconcile.precedent import precedent_of

    one_topic_project(tmp_path, "city", _CITIES, properties)
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    text = " ".join(f"{c['quote']}." for c in claims) + " The rain went on." * 20
    (tmp_path / "sources" / "earlier.md").write_text(
        f"---\npublished: 2020\n---\n{text}\n", encoding="utf-8"
    )
    (tmp_path / "claims" / "earlier.yaml").write_text(json.dumps(claims), encoding="utf-8")
    project = load_project(tmp_path)
    return project.config, precedent_of(project, "new")


_DEAD = [{"topic": "t", "property": "dead", "value": 12, "quote": "The floods killed 12 people"}]


@pytest.mark.parametrize(
    "sentence",
    [
        "The city brought 40 pumps to the streets.",
        "جلبت المدينة 40 من المضخات إلى الشوارع.",
        "Город привёз 40 насосов на улицы.",
    ],
)
def test_a_property_no_other_source_quotes_is_found_by_its_label_alone(
    tmp_path: Path, sentence: str
) -> None:
    config, precedent = _learnt(tmp_path, _FLOOD, _DEAD)
    found = suggest_claims(sentence, config, precedent, year=2020)
    assert [(s.property.id, s.value) for s in found] == [("pumps", 40)]
