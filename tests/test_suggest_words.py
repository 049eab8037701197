"""What finds a property when no other source quotes it, in Arabic, English and Russian: its
words weigh more, as nothing else tells of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.load import load_config, load_project
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


_STORM = {
    name: {"type": "number", "label": name.replace("_", " "), "keywords": words}
    for name, words in (
        ("dead", ["killed", "قتل", "погибли"]),
        ("injured", ["injured", "أصاب", "ранены"]),
        ("missing", ["missing", "مفقود", "пропали"]),
        ("homeless", ["homeless", "تشرد", "остались без крова"]),
        ("houses_destroyed", ["houses", "منزل", "домов"]),
        ("schools_closed", ["schools", "مدارس", "школ"]),
    )
}


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm killed 12 people, injured 40, left 7 missing, made 300 homeless, "
        "destroyed 55 houses and shut 9 schools.",
        "قتل 12 شخصا، وأصاب 40 آخرين، وبقي 7 في عداد المفقودين، وتشرد 300، "
        "ودمر 55 منزلا، وأغلقت 9 مدارس.",
        "В результате шторма погибли 12 человек, ранены 40, пропали 7, 300 остались без "
        "крова, разрушено 55 домов, закрыто 9 школ.",
    ],
)
def test_a_long_sentence_is_suggested_for_every_fact_it_states(
    tmp_path: Path, sentence: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _STORM))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.property.id: s.value for s in found} == {
        "dead": 12, "injured": 40, "missing": 7, "homeless": 300, "houses_destroyed": 55,
        "schools_closed": 9,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "sentence", "suggested"),
    [
        ("The floods killed 12 people in the city", "Water covered 500 streets across the city",
         False),
        ("The floods killed 12 people in the city", "The floods killed 9 people in the port",
         True),
        ("قتلت الفيضانات 12 شخصا في المدينة", "أغلقت 500 مدرسة في وسط المدينة", False),
        ("قتلت الفيضانات 12 شخصا في المدينة", "قتلت السيول 9 أشخاص في الميناء", True),
        ("Наводнение унесло жизни 12 человек в городе", "В городе закрыли 500 школ", False),
        ("Наводнение унесло жизни 12 человек в городе", "В порту погибли 9 человек", True),
    ],
)  # fmt: skip
def test_a_sentence_barely_like_another_sources_quote_is_not_suggested(
    tmp_path: Path, quote: str, sentence: str, suggested: bool
) -> None:
    claims = [{"topic": "t", "property": "dead", "value": 12, "quote": quote}]
    config, precedent = _learnt(tmp_path, _FLOOD, claims)
    found = suggest_claims(sentence, config, precedent, year=2020)
    assert bool(found) is suggested


@pytest.mark.parametrize(
    ("keyword", "sentence", "value"),
    [
        ("إصابة", "أصاب الانفجار 40 شخصا في السوق.", 40),
        ("انضمت", "تنضم 3 دول إلى الاتفاق هذا العام.", 3),
        ("evacuated", "The evacuation of 300 families began at dawn.", 300),
        ("hosted", "The city hosts 12 teams this summer.", 12),
        ("эвакуированы", "Власти эвакуировали 300 семей.", 300),
        ("вступила", "В союз вступили 3 страны.", 3),
    ],
)
def test_a_keyword_is_found_in_its_other_forms(
    tmp_path: Path, keyword: str, sentence: str, value: int
) -> None:
    properties = {"count": {"type": "number", "label": "Count", "keywords": [keyword]}}
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, properties))
    found = suggest_claims(sentence, config, year=2020)
    assert [(s.property.id, s.value) for s in found] == [("count", value)]
    assert any(w.startswith("keyword") for w in found[0].why)


_SHARED = {
    "dead": {"type": "number", "label": "Dead", "keywords": ["killed", "قتلى", "погибли"]},
    "boats": {"type": "number", "label": "Boats", "keywords": ["rescue", "الفيضان", "паводок"]},
    "roads": {"type": "number", "label": "Roads", "keywords": ["rescue", "الفيضان", "паводок"]},
}


@pytest.mark.parametrize(
    "sentence",
    ["Rescue teams reached 40 villages.", "وصل الفيضان إلى 40 قرية.", "Паводок затронул 40 сёл."],
)
def test_a_property_no_other_source_quotes_keeps_the_lower_threshold(
    tmp_path: Path, sentence: str
) -> None:
    # a keyword two properties share weighs half, and no other source quotes either of them
    config, precedent = _learnt(tmp_path, _SHARED, _DEAD)
    found = suggest_claims(sentence, config, precedent, year=2020)
    assert sorted((s.property.id, s.value, s.score) for s in found) == [
        ("boats", 40, 0.25), ("roads", 40, 0.25),
    ]  # fmt: skip


def test_a_long_article_reads_values_for_a_little_more_than_its_budget() -> None:
    from reconcile.suggest_keep import MORE_PAIRS, PAIRS_PER_BUDGET, promising

    scored = [(1.0 - n / 10_000, n, None) for n in range(5_000)]
    kept = promising(scored, 1_000.0)  # type: ignore[arg-type]
    assert len(kept) == int(PAIRS_PER_BUDGET * 1_000) + MORE_PAIRS < 2 * 1_000
    assert kept == sorted(kept, key=lambda pair: -pair[0])
