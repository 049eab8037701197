"""Sentences that give several values at once, in Arabic, English and Russian: a per-entity
figure for each subject of an enumeration, and two or three values of one property (two
agencies' magnitudes, a toll that rises twice in one sentence)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.extract import Found, Sentence, find_numbers, stop_counts
from reconcile.extract_dates import find_dates
from reconcile.load import load_config
from reconcile.suggest import suggest_claims
from reconcile.suggest_lists import paired
from writes import one_topic_project

LANGUAGES = ("ar", "en", "ru")

_PARTIES = {
    "akp": {"label": "AKP", "aliases": ["حزب العدالة", "ПСР"]},
    "chp": {"label": "CHP", "aliases": ["حزب الشعب", "НРП"]},
    "mhp": {"label": "MHP", "aliases": ["الحركة القومية", "ПНД"]},
}


def _project(tmp_path: Path, properties: dict[str, dict[str, object]]) -> Path:
    return one_topic_project(tmp_path, "party", _PARTIES, properties)


_SEATS = {
    "seats": {
        "type": "number",
        "subject": "party",
        "label": "Seats won by the party",
        "keywords": ["seats", "مقعدا", "мест"],
    }
}


@pytest.mark.parametrize(
    ("sentence", "seats"),
    [
        ("The AKP has 268 seats, the CHP 169 and the MHP 50.",
         {"akp": 268, "chp": 169, "mhp": 50}),
        ("The vote gave 268 seats to the AKP, 169 to the CHP and 50 to the MHP.",
         {"akp": 268, "chp": 169, "mhp": 50}),
        ("حصل حزب العدالة على 268 مقعدا وحزب الشعب على 169 والحركة القومية على 50.",
         {"akp": 268, "chp": 169, "mhp": 50}),
        ("ПСР получила 268 мест, НРП — 169, а ПНД — 50.",
         {"akp": 268, "chp": 169, "mhp": 50}),
        # one list of names takes a list of as many figures, in order
        ("The AKP and the CHP won 268 and 169 seats respectively.", {"akp": 268, "chp": 169}),
        ("فاز حزب العدالة وحزب الشعب بـ268 و169 مقعدا على التوالي.", {"akp": 268, "chp": 169}),
        ("ПСР и НРП получили 268 и 169 мест соответственно.", {"akp": 268, "chp": 169}),
        # else the list shares its value
        ("The AKP and the CHP won 268 seats, 100 more than in 2018.", {"akp": 268, "chp": 268}),
    ],
)  # fmt: skip
def test_each_subject_of_an_enumeration_gets_its_own_figure(
    tmp_path: Path, sentence: str, seats: dict[str, int]
) -> None:
    config = load_config(_project(tmp_path, _SEATS))
    found = {s.subject: s.value for s in suggest_claims(sentence, config)}
    assert found == seats


def _values(sentence: str) -> tuple[Sentence, list[Found]]:
    parsed = Sentence.of(sentence)
    return parsed, find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))


@pytest.mark.parametrize(
    ("sentence", "subjects", "expected"),
    [
        # values after their subjects, before them, and one list sharing one value
        ("Alpha had 44.96 percent, and Beta, the small party's man, 5.2 percent",
         [(0, 1), (5, 6)], {0: 44.96, 5: 5.2}),
        ("1604 deaths in Alpha and 976 in Beta", [(3, 4), (7, 8)], {3: 1604, 7: 976}),
        ("1604 وفيات في ألفا و976 في بيتا", [(3, 4), (6, 7)], {3: 1604, 6: 976}),
        ("в Альфе 1604 погибших, в Бете 976", [(1, 2), (5, 6)], {1: 1604, 5: 976}),
        ("Alpha, Beta and Gamma signed it 3 times", [(0, 1), (1, 2), (3, 4)], {}),
    ],
)  # fmt: skip
def test_subjects_and_values_pair_in_the_order_they_are_written(
    sentence: str, subjects: list[tuple[int, int]], expected: dict[int, float]
) -> None:
    parsed, values = _values(sentence)
    named = [Found(f"s{start}", start, end) for start, end in subjects]
    pairs = paired(named, values, stop_counts(parsed.tokens))
    assert {at: found.value for at, found in pairs.items()} == expected


_QUAKE = {
    "magnitude": {"type": "number", "label": "Magnitude",
                  "keywords": ["magnitude", "درجات", "магнитуда", "балл", "баллов"]},
    "injured": {"type": "number", "label": "Injured",
                "keywords": ["injured", "إصابة", "ранены"]},
    "deaths": {"type": "number", "label": "Deaths", "keywords": ["deaths", "وفاة", "погибших"]},
}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "prop", "values"),
    [
        ("The survey put the magnitude at 6.8, while the institute gave a magnitude of 7.",
         "magnitude", [6.8, 7]),
        ("قدرت الهيئة قوته بـ6.8 درجات، بينما اعتمد المعهد قوة 7 درجات",
         "magnitude", [6.8, 7]),
        ("Служба оценила магнитуду в 6,8 балла, а институт — в 7 баллов.",
         "magnitude", [6.8, 7]),
        ("أعلنت الوزارة عن 296 وفاة، قبل أن ترتفع الحصيلة إلى 632 ثم إلى 820 وفاة",
         "deaths", [296, 632, 820]),
        ("The ministry first reported 296 deaths, then 632, then 820 deaths.",
         "deaths", [296, 632, 820]),
        ("Сначала сообщили о 296 погибших, затем о 632, затем о 820 погибших.",
         "deaths", [296, 632, 820]),
        # another property's figure, or one of another order, is not read as a second value
        ("The quake of magnitude 6.8 left 2,500 injured.", "magnitude", [6.8]),
        ("296 deaths were counted in 12 villages.", "deaths", [296]),
    ],
)  # fmt: skip
def test_a_sentence_may_give_several_values_of_one_property(
    tmp_path: Path, sentence: str, prop: str, values: list[float]
) -> None:
    config = load_config(_project(tmp_path, _QUAKE))
    found = sorted(s.value for s in suggest_claims(sentence, config) if s.property.id == prop)
    assert found == sorted(values)


_SHARE = {
    "share": {
        "type": "number",
        "subject": "party",
        "label": "Share of the vote (percent)",
        "keywords": ["percent", "بالمئة", "процента"],
    }
}


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("The MHP, which joined the race four days before the vote, had 0.4 percent.", 0.4),
        ("أما الحركة القومية التي دخلت السباق قبل أربعة أيام فنالت 0.4 بالمئة", 0.4),
        ("ПНД, вступившая в гонку за четыре дня до выборов, получила 0,4 процента.", 0.4),
    ],
)
def test_a_subjects_figure_is_the_one_nearest_it_and_the_propertys_words(
    tmp_path: Path, sentence: str, share: float
) -> None:
    config = load_config(_project(tmp_path, _SHARE))
    assert [s.value for s in suggest_claims(sentence, config)] == [share]


def test_a_name_written_with_a_possessive_is_found_in_a_sentence_that_drops_possessives(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path, _SEATS)
    config = json.loads((root / "reconcile.yaml").read_text(encoding="utf-8"))
    config["entities"]["party"]["akp"]["aliases"].append("People's Alliance")
    (root / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    sentence = "Erdoğan's People's Alliance won 323 seats."
    found = {s.subject: s.value for s in suggest_claims(sentence, load_config(root))}
    assert found == {"akp": 323}


_LEADERS = {
    "entities": {
        "force": {
            "army": {"label": "the army", "aliases": ["الجيش", "армия", "армией"]},
            "militia": {"label": "militia", "aliases": ["الميليشيا", "ополчение", "ополчением"]},
        },
        "person": {
            "hadi": {"label": "Hadi", "aliases": ["هادي", "Хади"]},
            "salem": {"label": "Salem", "aliases": ["سالم", "Салем", "Салема"]},
        },
    },
    "topics": {
        "t": {
            "properties": {
                "commander": {
                    "type": "entity",
                    "kind": "person",
                    "subject": "force",
                    "label": "Commander of the force",
                    "keywords": ["led by", "بقيادة", "под командованием"],
                }
            }
        }
    },
}


@pytest.mark.parametrize(
    "sentence",
    [
        "Fighting goes on between the army, led by Hadi, and the militia, led by Salem.",
        "ويستمر القتال بين الجيش بقيادة هادي والميليشيا بقيادة سالم.",
        "Бои идут между армией под командованием Хади и ополчением под командованием Салема.",
    ],
)
def test_each_subject_takes_the_entity_written_with_it(tmp_path: Path, sentence: str) -> None:
    (tmp_path / "reconcile.yaml").write_text(
        json.dumps({"title": "t", "language": "en", **_LEADERS}), encoding="utf-8"
    )
    found = {s.subject: s.value for s in suggest_claims(sentence, load_config(tmp_path))}
    assert found == {"army": "hadi", "militia": "salem"}
