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


_FLOOD = {
    "dead": {"type": "number", "label": "People killed", "keywords": ["killed", "قتل", "погибли"]},
    "evacuated": {
        "type": "boolean",
        "label": "The city was evacuated",
        "keywords": ["evacuated", "أخليت", "эвакуирован"],
    },
}


def _learnt(tmp_path: Path):
    """A project of `_FLOOD` with one earlier source that quotes both properties."""
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    one_topic_project(tmp_path, "city", _CITIES, _FLOOD)
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    text = "The floods killed 12 people in Oslo. Oslo was evacuated."
    (tmp_path / "sources" / "earlier.md").write_text(
        f"---\npublished: 2020\n---\n{text}\n", encoding="utf-8"
    )
    claims = [
        {"topic": "t", "property": "dead", "value": 12, "quote": "The floods killed 12 people"},
        {"topic": "t", "property": "evacuated", "value": True, "quote": "Oslo was evacuated"},
    ]
    (tmp_path / "claims" / "earlier.yaml").write_text(json.dumps(claims), encoding="utf-8")
    project = load_project(tmp_path)
    return project.config, precedent_of(project, "new")


@pytest.mark.parametrize(
    ("prop", "value", "score", "kept"),
    [
        ("dead", 9, 0.3, False),
        ("dead", 9, 0.36, True),
        ("evacuated", True, 0.3, True),
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "The water stood 9 hours in Lima and the city was emptied.",
        "بقيت المياه 9 ساعات في ليما وأخليت المدينة.",
        "Вода стояла 9 часов в Лиме, и город был эвакуирован.",
    ],
)
def test_a_number_needs_a_higher_score_than_other_types(
    tmp_path: Path, sentence: str, prop: str, value: object, score: float, kept: bool
) -> None:
    from reconcile.suggest import Suggestion
    from reconcile.suggest_keep import chosen

    config, precedent = _learnt(tmp_path)
    suggestion = Suggestion(config.topics["t"].properties[prop], sentence, 1, score, value)
    assert bool(chosen([suggestion], precedent, len(sentence))) is kept


_STORM = {
    name: {"type": "number", "label": name, "keywords": words}
    for name, words in (
        ("dead", ["killed", "قتلى", "погибших"]),
        ("injured", ["injured", "جرحى", "раненых"]),
        ("missing", ["missing", "مفقودين", "пропавших"]),
    )
}


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials counted 40 killed, injured and missing in Oslo.",
        "أحصى المسؤولون 40 من القتلى والجرحى والمفقودين في أوسلو.",
        "Власти насчитали 40 погибших, раненых и пропавших в Осло.",
    ],
)
def test_one_figure_is_suggested_for_two_properties_at_most(tmp_path: Path, sentence: str) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _STORM))
    found = suggest_claims(sentence, config, year=2020)
    assert [s.value for s in found] == [40, 40]


@pytest.mark.parametrize(("score", "kept"), [(0.22, False), (0.26, True)])
@pytest.mark.parametrize(
    "sentence",
    [
        "The floods killed 9 people in Lima.",
        "قتلت الفيضانات 9 أشخاص في ليما.",
        "Наводнение убило 9 человек в Лиме.",
    ],
)
def test_a_first_articles_suggestions_need_a_quarter(
    tmp_path: Path, sentence: str, score: float, kept: bool
) -> None:
    from reconcile.precedent import Precedent
    from reconcile.suggest import Suggestion
    from reconcile.suggest_keep import chosen

    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _FLOOD))
    suggestion = Suggestion(config.topics["t"].properties["dead"], sentence, 1, score, 9)
    assert bool(chosen([suggestion], Precedent(config, (), ()), len(sentence))) is kept


_THREE_CITIES = {**_CITIES, "rome": {"label": "Rome", "aliases": ["روما", "Рим"]}}
_TOLLS = {
    "deaths": {
        "type": "number",
        "subject": "city",
        "label": {"en": "Deaths", "ar": "الوفيات", "ru": "Погибшие"},
        "keywords": ["deaths", "وفاة", "погибших"],
    },
}


@pytest.mark.parametrize(
    "sentence",
    [
        "Oslo recorded 1452 deaths and Lima 764 deaths, while no new deaths were recorded in Rome.",
        "سجلت أوسلو 1452 وفاة وليما 764 وفاة، بينما لم تسجل أي وفيات جديدة في روما.",
        "В Осло 1452 погибших, в Лиме 764 погибших, тогда как в Риме новых погибших нет.",
    ],
)
def test_a_subject_the_enumeration_gives_no_figure_takes_none_of_the_others(
    tmp_path: Path, sentence: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _THREE_CITIES, _TOLLS))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.subject: s.value for s in found} == {"oslo": 1452, "lima": 764}


_VOTES_AND_SHARES = {
    "votes": {
        "type": "number",
        "subject": "city",
        "label": {"en": "Votes won", "ar": "عدد الأصوات", "ru": "Число голосов"},
        "keywords": ["votes", "صوتا", "голосов"],
    },
    "share": {
        "type": "number",
        "subject": "city",
        "label": {"en": "Share of the vote (%)", "ar": "نسبة الأصوات", "ru": "Доля голосов"},
        "keywords": ["share", "نسبة", "долю"],
    },
}


@pytest.mark.parametrize(
    "sentence",
    [
        "Oslo won 1,477,735 votes, or 17.38 percent, ahead of Lima with 896,934 votes, a share"
        " of 10.55%.",
        "حصلت أوسلو على 1.477.735 صوتا، أي ما يعادل 17.38 بالمائة، متقدمة على ليما التي نالت"
        " 896.934 صوتا بنسبة 10.55 في المئة.",
        "Осло получил 1 477 735 голосов, или 17,38 процента, опередив Лиму с 896 934 голосов, то"
        " есть долю в 10,55 процента.",
    ],
)
def test_a_property_measured_in_per_cent_takes_the_figures_written_so(
    tmp_path: Path, sentence: str
) -> None:
    """A share in per cent beside a count: the share is no count's, whatever word stands by
    it ("votes, or 17.38 percent"), and a count no share."""
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _VOTES_AND_SHARES))
    found = suggest_claims(sentence, config, year=2020)
    assert {(s.subject, s.value) for s in found if s.property.id == "share"} == {
        ("oslo", 17.38),
        ("lima", 10.55),
    }
    assert {(s.subject, s.value) for s in found if s.property.id == "votes"} == {
        ("oslo", 1_477_735),
        ("lima", 896_934),
    }


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        ("It showed Lima in front, by 51 to 49 percent.", [51, 49]),
        ("وأظهرت تقدم ليما بنسبة 51 إلى 49 بالمئة.", [51, 49]),
        ("Лима впереди: 51 и 49 процентов.", [51, 49]),
        ("Lima had 12,000 votes and 49 percent.", [49]),
    ],
)
def test_figures_joined_before_one_in_per_cent_are_in_per_cent(
    sentence: str, shares: list[int]
) -> None:
    from reconcile.extract import Sentence, find_numbers
    from reconcile.values.number import figures_in_percent

    parsed = Sentence.of(sentence)
    found = figures_in_percent(parsed, find_numbers(parsed, ("ar", "en", "ru"), []))
    assert [f.value for f in found] == shares


@pytest.mark.parametrize(
    "sentence",
    [
        "Oslo, the capital, had 1,452 deaths, and Lima, the old colonial capital of the Andean"
        " republic of Peru on the coast of the Pacific Ocean, had 764 deaths.",
        "سجلت أوسلو، العاصمة، 1452 وفاة، وسجلت ليما، العاصمة الاستعمارية القديمة لجمهورية البيرو"
        " الواقعة في جبال الأنديز على ساحل المحيط الهادئ الكبير، 764 وفاة.",
        "В Осло, столице, 1452 погибших, а в Лиме, старой колониальной столице андской республики"
        " Перу на побережье Тихого океана у подножия гор, 764 погибших.",
    ],
)
def test_an_apposition_after_a_name_does_not_part_it_from_its_figure(
    tmp_path: Path, sentence: str
) -> None:
    """ "Lima, the old capital of Peru on the coast, to 764": the figure after the apposition
    is Lima's, not the one before the name."""
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _TOLLS))
    found = suggest_claims(sentence, config, year=2020)
    assert {s.subject: s.value for s in found} == {"oslo": 1452, "lima": 764}


_LEFT = {"left": {"type": "date", "label": "Date the city left the pact",
                  "keywords": ["left", "انسحبت", "вышел"]}}  # fmt: skip


def _learnt_date(tmp_path: Path, year: int, value: str | None = None):
    """A project of `_LEFT` with one earlier source that dates it in `year` (as `value`)."""
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    one_topic_project(tmp_path, "city", _CITIES, _LEFT)
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    quote = f"Oslo left the pact on 30 October {year}"
    (tmp_path / "sources" / "earlier.md").write_text(
        f"---\npublished: {year}\n---\n{quote}.\n", encoding="utf-8"
    )
    claim = {"topic": "t", "property": "left", "value": value or f"{year}-10-30", "quote": quote}
    (tmp_path / "claims" / "earlier.yaml").write_text(json.dumps([claim]), encoding="utf-8")
    project = load_project(tmp_path)
    return project.config, precedent_of(project, "new")


@pytest.mark.parametrize(
    ("earlier", "published", "date"),
    [
        (2022, "2023-03-19", "2022-10-30"),  # after the article appeared: the year before
        (2023, "2023-03-19", "2023-10-30"),  # the other sources give the article's year
        (2022, "2023-12-19", "2022-10-30"),  # before it, but the others say 2022
        (2022, "2023-11-19", "2023-10-30"),  # in the weeks just before it: the article's year
        (2011, "2023-08-25", "2011-10-30"),  # the latest year the others give
        (2024, "2023-11-19", "2023-10-30"),  # none fits before the article: its own year
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "Lima left the pact on 30 October, after weeks of talks.",
        "انسحبت ليما من الاتفاق في 30 أكتوبر بعد أسابيع من المحادثات.",
        "Лима вышел из пакта 30 октября, после недель переговоров.",
    ],
)
def test_a_day_without_a_year_takes_the_year_other_sources_give(
    tmp_path: Path, sentence: str, earlier: int, published: str, date: str
) -> None:
    config, precedent = _learnt_date(tmp_path, earlier)
    found = suggest_claims(sentence, config, precedent, published=published)
    assert [str(s.value) for s in found if s.property.id == "left"] == [date]


@pytest.mark.parametrize("earlier", [2009, 2012])
@pytest.mark.parametrize(
    "sentence",
    [
        "Lima left the pact on 11 December, after weeks of talks.",
        "انسحبت ليما من الاتفاق في 11 ديسمبر بعد أسابيع من المحادثات.",
        "Лима вышел из пакта 11 декабря, после недель переговоров.",
    ],
)
def test_a_day_just_after_the_article_in_its_year_is_of_the_weeks_before_it(
    tmp_path: Path, sentence: str, earlier: int
) -> None:
    config, precedent = _learnt_date(tmp_path, earlier, f"{earlier}-12-11")
    found = suggest_claims(sentence, config, precedent, published="2010-01-02")
    assert [str(s.value) for s in found if s.property.id == "left"] == ["2009-12-11"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lima left the pact between 29 and 30 October, after weeks of talks.",
        "انسحبت ليما من الاتفاق بين 29 و30 أكتوبر بعد أسابيع من المحادثات.",
        "Лима вышел из пакта между 29 и 30 октября, после недель переговоров.",
    ],
)
def test_both_days_of_an_interval_without_a_year_take_the_year_before(
    tmp_path: Path, sentence: str
) -> None:
    config, precedent = _learnt_date(tmp_path, 2022)
    found = suggest_claims(sentence, config, precedent, published="2023-03-19")
    assert [str(s.value) for s in found if s.property.id == "left"] == ["2022-10-29/2022-10-30"]


@pytest.mark.parametrize(
    ("learnt", "dates"),
    [
        ("2022-10-30/2022-10-31", ["2023-10-28/2023-11-02"]),  # the others give intervals
        ("2022-10-30", ["2023-10-28"]),  # days: as a date moved from one day to another
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "Lima left the pact from Saturday 28 October to 2 November 2023, after weeks of talks.",
        "انسحبت ليما من الاتفاق من السبت 28 أكتوبر حتى 2 نوفمبر 2023 بعد أسابيع من المحادثات.",
        "Лима вышел из пакта с 28 октября по 2 ноября 2023 года, после недель переговоров.",
    ],
)
def test_two_dates_from_one_to_the_other_are_an_interval_where_others_give_intervals(
    tmp_path: Path, sentence: str, learnt: str, dates: list[str]
) -> None:
    config, precedent = _learnt_date(tmp_path, 2022, learnt)
    found = suggest_claims(sentence, config, precedent, published="2023-11-19")
    assert sorted(str(s.value) for s in found if s.property.id == "left") == dates


_PAUSE = {
    "paused": {"type": "date", "label": {"en": "Date the visits were put off",
               "ar": "تاريخ تأجيل الزيارات", "ru": "Дата переноса визитов"},
               "keywords": ["put off", "تأجيل", "отложены"]},
    "pause_end": {"type": "date", "label": {"en": "Date the pause ends",
                  "ar": "تاريخ انتهاء التأجيل", "ru": "Дата окончания переноса"},
                  "keywords": ["put off", "تأجيل", "отложены"]},
}  # fmt: skip


@pytest.mark.parametrize(("prop", "date"), [("paused", "2020-03"), ("pause_end", "2020-05-01")])
@pytest.mark.parametrize(
    "sentence",
    [
        "In March 2020 the visits were put off until 1 May.",
        "تقرر تأجيل الزيارات حتى 1 مايو، في مارس 2020.",
        "В марте 2020 года визиты были отложены до 1 мая.",
    ],
)
def test_a_date_after_until_is_the_end_of_a_span(
    tmp_path: Path, sentence: str, prop: str, date: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, {prop: _PAUSE[prop]}))
    found = suggest_claims(sentence, config, year=2020)
    assert [str(s.value) for s in found] == [date]


_SYMBOL = {
    "symbol": {
        "type": "text",
        "subject": "city",
        "label": {"en": "Emblem of the city", "ar": "شعار المدينة", "ru": "Эмблема города"},
        "keywords": ["emblem", "شعارها", "эмблема"],
    }
}


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("ليما، عاصمة البيرو الساحلية، وشعارها الشمس.", "الشمس"),
        ("Lima, the coastal capital of Peru, has the emblem sun.", "sun"),
        ("Лима, прибрежная столица Перу, эмблема солнце.", "солнце"),
    ],
)
def test_a_subjects_text_follows_the_propertys_words_after_it(
    tmp_path: Path, sentence: str, text: str
) -> None:
    config = load_config(one_topic_project(tmp_path, "city", _CITIES, _SYMBOL))
    found = suggest_claims(sentence, config, year=2020)
    assert [(s.subject, s.value) for s in found] == [("lima", text)]
