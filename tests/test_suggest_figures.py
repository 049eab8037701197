"""Which figure of a sentence is a subject's value, in Arabic, English and Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import load_config
from reconcile.suggest import suggest_claims
from writes import one_topic_project

_CITIES = {
    "oslo": {"label": "Oslo", "aliases": ["أوسلو", "Осло"]},
    "lima": {"label": "Lima", "aliases": ["ليما", "Лима"]},
}
_SEATS = {
    "seats": {
        "type": "number",
        "subject": "city",
        "label": {"en": "Seats won", "ar": "المقاعد", "ru": "Места"},
        "keywords": ["seats", "مقعدا", "места", "мест"],
    },
}


@pytest.mark.parametrize(
    ("sentence", "seats"),
    [
        ("Oslo, one of the largest cities of the north, won 33 seats.", {"oslo": 33}),
        ("وفازت أوسلو، إحدى كبرى مدن الشمال، بـ33 مقعدا.", {"oslo": 33}),
        ("Осло, один из крупнейших городов севера, получил 33 места.", {"oslo": 33}),
        ("Oslo, one of Lima's allies, won 33 seats.", {"oslo": 33, "lima": 33}),
        ("أوسلو، إحدى حليفات ليما، فازت بـ33 مقعدا.", {"oslo": 33, "lima": 33}),
        ("Осло, один из союзников Лимы, получил 33 места.", {"oslo": 33, "lima": 33}),
        ("Lima won 40 seats and Oslo one seat.", {"lima": 40, "oslo": 1}),
        ("فازت ليما بـ40 مقعدا وأوسلو بمقعد واحد.", {"lima": 40, "oslo": 1}),
    ],
)
def test_a_one_of_is_no_subjects_figure(
    tmp_path: Path, sentence: str, seats: dict[str, int]
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _SEATS))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.subject: s.value for s in found} == seats
