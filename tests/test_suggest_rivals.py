"""Which property a figure belongs to when several of its type have words in the sentence, in
Arabic, English and Russian: each rival is judged by the words it and the property do not
share."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import load_config
from reconcile.suggest import suggest_claims
from writes import one_topic_project

_CITIES = {"oslo": {"label": "Oslo", "aliases": ["أوسلو", "Осло"]}}

# "seats" shares its word with "seats_before", not with "turnout", whose word stands next
# to the seats' figure
_VOTE = {
    "seats": {
        "type": "number",
        "label": "Seats won",
        "keywords": ["won", "seats", "فاز", "مقعدا", "получила", "мест"],
    },
    "seats_before": {
        "type": "number",
        "label": "Seats before the vote",
        "keywords": ["seats", "previous", "مقعدا", "السابق", "мест", "прежнем"],
    },
    "turnout": {
        "type": "number",
        "label": "Turnout (per cent)",
        "keywords": ["turnout", "elections", "المشاركة", "الانتخابات", "явка", "выборах"],
    },
}


@pytest.mark.parametrize(
    "sentence",
    [
        "The bloc won, as turnout fell to 41 percent in the elections, 73 seats.",
        "فازت الكتلة، مع تراجع المشاركة إلى 41 في المئة في الانتخابات، بـ73 مقعدا.",
        "Блок получила, при явке 41 процент на выборах, 73 места.",
    ],
)
def test_a_word_shared_with_one_rival_tells_the_figure_from_another(
    tmp_path: Path, sentence: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _VOTE))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.property.id: s.value for s in found if s.property.id != "seats_before"} == {
        "seats": 73,
        "turnout": 41,
    }


# a keyword of one ("deployed") begins with a label word of the other ("deploy", its stem):
# the two share it
_LIMITS = {
    "deployed_limit": {
        "type": "number",
        "label": {"en": "Deployed missiles (limit)", "ar": "سقف الصواريخ المنشورة",
                  "ru": "Потолок развёрнутых ракет"},
        "keywords": ["deployed", "missiles", "المنشورة", "الصواريخ", "развёрнутых", "ракет"],
    },
    "total_limit": {
        "type": "number",
        "label": {"en": "Deployed and non-deployed launchers (limit)",
                  "ar": "سقف المنصات المنشورة وغير المنشورة",
                  "ru": "Потолок развёрнутых и неразвёрнутых пусковых установок"},
        "keywords": ["launchers", "non-deployed", "المنصات", "غير المنشورة", "пусковых",
                     "неразвёрнутых"],
    },
}  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "No more than 700 deployed missiles, and no more than 800 deployed and non-deployed"
        " launchers.",
        "لا يزيد عن 700 من الصواريخ المنشورة، ولا يزيد عن 800 من المنصات المنشورة وغير المنشورة.",
        "Не более 700 развёрнутых ракет, и не более 800 развёрнутых и неразвёрнутых пусковых"
        " установок.",
    ],
)
def test_a_word_of_both_properties_in_other_forms_is_shared(tmp_path: Path, sentence: str) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _LIMITS))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.property.id: s.value for s in found} == {
        "deployed_limit": 700,
        "total_limit": 800,
    }


_FLOOD = {
    "dead": {
        "type": "number",
        "label": {"en": "People killed", "ar": "القتلى", "ru": "Погибшие"},
        "keywords": ["killed", "القتلى", "погибших"],
    },
    "houses": {
        "type": "number",
        "label": {"en": "Houses destroyed in Oslo", "ar": "المنازل المدمرة في أوسلو",
                  "ru": "Разрушенные дома в Осло"},
        "keywords": ["houses", "منزلا", "домов"],
    },
}  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of people killed in the Oslo floods rose to 93 from 40 killed on Friday,"
        " and 12 houses fell.",
        "عدد القتلى في فيضانات أوسلو ارتفع إلى 93 بعد 40 من القتلى يوم الجمعة، وانهار 12 منزلا.",
        "Число погибших при наводнении в Осло выросло до 93 с 40 погибших в пятницу, рухнули"
        " 12 домов.",
    ],
)
def test_a_figure_a_verb_of_change_gives_the_propertys_words_is_its_own(
    tmp_path: Path, sentence: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _FLOOD))
    found = suggest_claims(sentence, config, year=2020)
    assert next(s.value for s in found if s.property.id == "dead") == 93
