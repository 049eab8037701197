"""Per-entity choices (a country's membership: member, withdrawn, suspended) in Arabic,
English and Russian: the choice's words in their other forms, a choice word that is denied,
and the choice of the subjects a sentence leaves out ("all but Georgia")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.extract import Sentence
from reconcile.extract_names import joining_verb
from reconcile.extract_words import choice_forms, find_choices, negated_at
from reconcile.load import load_config, load_project
from reconcile.model import Config
from reconcile.precedent import Precedent, precedent_of
from reconcile.suggest import suggest_claims
from writes import one_topic_project

_COUNTRIES = {
    "russia": {"label": "Russia", "aliases": ["روسيا", "Россия"]},
    "armenia": {"label": "Armenia", "aliases": ["أرمينيا", "Армения"]},
    "belarus": {"label": "Belarus", "aliases": ["بيلاروسيا", "Белоруссия"]},
    "georgia": {"label": "Georgia", "aliases": ["جورجيا", "Грузия"]},
    "azerbaijan": {"label": "Azerbaijan", "aliases": ["أذربيجان", "Азербайджан"]},
    "uzbekistan": {"label": "Uzbekistan", "aliases": ["أوزبكستان", "Узбекистан"]},
}
_STATUS = {
    "status": {
        "type": "choice",
        "subject": "country",
        "temporal": True,
        "choices": {
            "member": ["member", "عضو", "член"],
            "withdrawn": ["withdrew", "انسحبت", "вышла"],
            "suspended": ["suspended", "علقت", "приостановила"],
        },
        "label": {"en": "Membership status", "ar": "وضع العضوية", "ru": "Статус членства"},
        "keywords": ["member", "treaty", "عضو", "المعاهدة", "договор", "членство"],
    }
}


def _config(tmp_path: Path, properties: dict[str, object] = _STATUS) -> Config:
    """A project of the countries and `properties`, loaded."""
    return load_config(one_topic_project(tmp_path, "country", _COUNTRIES, properties, "m"))


def _statuses(tmp_path: Path, sentence: str) -> dict[str | None, object]:
    found = suggest_claims(sentence, _config(tmp_path), year=2020)
    return {s.subject: s.value for s in found}


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("انسحبت", ("انسحبت", "انسحب", "ينسحب", "تنسحب")),
        ("وافقت", ("وافقت", "وافق", "يوافق", "توافق")),
        ("رفضت", ("رفضت", "رفضوا", "يرفض", "ترفض")),
        ("عادت", ("عادت", "عادوا")),  # a hollow verb: no present made of its past
        ("вышла", ("вышла", "вышл")),
        ("приостановила", ("приостановила", "приостановил", "приостановивш")),
        ("suspended", ("suspended", "suspend")),
        ("withdrew", ("withdrew",)),
        ("member", ("member",)),
        ("في انتظار", ("في انتظار",)),
    ],
)  # fmt: skip
def test_a_choice_word_is_also_read_in_its_other_forms(word: str, forms: tuple[str, ...]) -> None:
    assert choice_forms(word) == forms


@pytest.mark.parametrize(
    ("sentence", "statuses"),
    [
        ("انسحب جورجيا وأذربيجان من المعاهدة.",
         {"georgia": "withdrawn", "azerbaijan": "withdrawn"}),
        ("قد تنسحب جورجيا من المعاهدة.", {"georgia": "withdrawn"}),
        ("Грузия и Азербайджан вышли из договора.",
         {"georgia": "withdrawn", "azerbaijan": "withdrawn"}),
        ("Армения и Белоруссия приостановили участие в договоре.",
         {"armenia": "suspended", "belarus": "suspended"}),
        ("Georgia suspends its part in the treaty.", {"georgia": "suspended"}),
    ],
)  # fmt: skip
def test_a_status_is_read_in_the_verbs_forms(
    tmp_path: Path, sentence: str, statuses: dict[str, str]
) -> None:
    assert _statuses(tmp_path, sentence) == statuses


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("Georgia has not suspended its part", {"suspended": True}),
        ("Georgia suspended its part", {"suspended": False}),
        ("لم تنسحب جورجيا من المعاهدة", {"withdrawn": True}),
        ("انسحبت جورجيا ولم تعد", {"withdrawn": False}),
        ("Россия не вышла из договора", {"withdrawn": True}),
        ("Россия вышла из договора, но не сразу", {"withdrawn": False}),
    ],
)  # fmt: skip
def test_a_negation_before_a_choice_word_bears_on_it(
    sentence: str, negated: dict[str, bool]
) -> None:
    parsed = Sentence.of(sentence)
    words = [(c, tuple(w)) for c, w in _STATUS["status"]["choices"].items()]  # type: ignore[attr-defined]
    found = {f.value: negated_at(parsed.tokens, f.start) for f in find_choices(parsed, words)}
    assert found == negated


@pytest.mark.parametrize(
    ("sentence", "statuses"),
    [
        ("Georgia has not suspended its membership.", {"georgia": "member"}),
        ("لم تنسحب روسيا من المعاهدة.", {"russia": "member"}),
        ("Россия не вышла из договора.", {"russia": "member"}),
        ("Россия вышла из договора.", {"russia": "withdrawn"}),
    ],
)  # fmt: skip
def test_a_denied_choice_gives_another(
    tmp_path: Path, sentence: str, statuses: dict[str, str]
) -> None:
    assert _statuses(tmp_path, sentence) == statuses


_STAYED = {
    "status": {
        **_STATUS["status"],
        "choices": {
            "member": ["member", "عضو", "член"],
            "withdrawn": ["withdrew", "suspended", "انسحبت", "вышла"],
            "stayed": ["not suspended", "لم تنسحب", "не вышла"],
        },
    }
}


@pytest.mark.parametrize(
    ("sentence", "statuses"),
    [
        ("Georgia has not suspended its part in the treaty.", {"georgia": "stayed"}),
        ("Georgia suspended its part in the treaty.", {"georgia": "withdrawn"}),
        ("لم تنسحب جورجيا من المعاهدة.", {"georgia": "stayed"}),
        ("انسحبت جورجيا من المعاهدة.", {"georgia": "withdrawn"}),
        ("Грузия не вышла из договора.", {"georgia": "stayed"}),
        ("Грузия вышла из договора.", {"georgia": "withdrawn"}),
    ],
)  # fmt: skip
def test_a_choice_whose_words_hold_another_choices_word_is_read_whole(
    tmp_path: Path, sentence: str, statuses: dict[str, str]
) -> None:
    found = suggest_claims(sentence, _config(tmp_path, _STAYED), year=2020)
    assert {s.subject: s.value for s in found} == statuses


_TWO_LISTS = {
    "russia": "withdrawn",
    "armenia": "withdrawn",
    "belarus": "withdrawn",
    "georgia": "suspended",
    "azerbaijan": "suspended",
}


@pytest.mark.parametrize(
    "sentence",
    [
        "انسحبت ثلاث دول من المعاهدة، هي روسيا وأرمينيا وبيلاروسيا، في حين علقت جورجيا"
        " وأذربيجان مشاركتهما.",
        "Three states withdrew from the treaty in 1999, namely Russia, Armenia and Belarus,"
        " while Georgia and Azerbaijan suspended their part.",
        "Из договора в 1999 году вышли три страны: Россия, Армения и Белоруссия, тогда как"
        " Грузия и Азербайджан приостановили участие.",
    ],
)
def test_a_list_of_subjects_takes_the_choice_written_with_it(tmp_path: Path, sentence: str) -> None:
    assert _statuses(tmp_path, sentence) == _TWO_LISTS


def _learnt(tmp_path: Path) -> tuple[Config, Precedent]:
    """The project of `_config` with one earlier source whose claims make "member" the status
    claimed most, and what it teaches."""
    _config(tmp_path)
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    text = "Russia and Armenia are members of the treaty. Uzbekistan withdrew in 1999."
    text += " The weather was fine that year." * 20  # long: a sentence after it gets a budget of 5
    (tmp_path / "sources" / "earlier.md").write_text(
        f"---\npublished: 2020\n---\n{text}\n", encoding="utf-8"
    )
    claims = [
        {"topic": "m", "property": "status", "subject": subject, "value": value, "quote": quote}
        for subject, value, quote in (
            ("russia", "member", "Russia and Armenia are members of the treaty"),
            ("armenia", "member", "Russia and Armenia are members of the treaty"),
            ("uzbekistan", "withdrawn", "Uzbekistan withdrew in 1999"),
        )
    ]
    (tmp_path / "claims" / "earlier.yaml").write_text(json.dumps(claims), encoding="utf-8")
    project = load_project(tmp_path)
    return project.config, precedent_of(project, "new")


@pytest.mark.parametrize(
    "sentence",
    [
        "Georgia and Azerbaijan joined the treaty in 1994.",
        "انضمت إلى المعاهدة عام 1994 كل من جورجيا وأذربيجان.",
        "وقعت جورجيا وأذربيجان على المعاهدة عام 1993.",
        "Грузия и Азербайджан присоединились к договору в 1994 году.",
        "Грузия и Азербайджан подписали договор в 1993 году.",
    ],
)
def test_those_who_join_or_sign_take_the_state_the_others_are_in(
    tmp_path: Path, sentence: str
) -> None:
    config, precedent = _learnt(tmp_path)
    found = suggest_claims(sentence, config, precedent, year=2020)
    statuses = {s.subject: s.value for s in found if s.property.id == "status"}
    assert statuses == {"georgia": "member", "azerbaijan": "member"}


_ALL_SIX = dict.fromkeys(_COUNTRIES, "withdrawn")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia, Armenia, Belarus, Georgia, Azerbaijan and Uzbekistan withdrew from the treaty.",
        "انسحبت روسيا وأرمينيا وبيلاروسيا وجورجيا وأذربيجان وأوزبكستان من المعاهدة.",
        "Россия, Армения, Белоруссия, Грузия, Азербайджан и Узбекистан вышли из договора.",
    ],
)
def test_each_subject_of_a_list_counts_toward_the_articles_budget(
    tmp_path: Path, sentence: str
) -> None:
    config, precedent = _learnt(tmp_path)
    found = suggest_claims(sentence, config, precedent, year=2020)
    statuses = {s.subject: s.value for s in found if s.property.id == "status"}
    assert len(found) == 5  # the article's budget
    assert statuses.items() <= _ALL_SIX.items()
    assert len(statuses) == 5


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("وقعت جورجيا على المعاهدة", 0),
        ("وقع الزلزال في جورجيا", None),  # it happened: no "على" of what is signed
        ("Georgia signed the treaty", 1),
        ("Georgia left the treaty", None),
        ("Грузия вступила в союз", 1),
    ],
)  # fmt: skip
def test_a_verb_of_joining_or_signing(sentence: str, verb: int | None) -> None:
    assert joining_verb(Sentence.of(sentence).tokens) == verb


_THREE = {"azerbaijan": "withdrawn", "georgia": "withdrawn", "uzbekistan": "withdrawn"}


@pytest.mark.parametrize(
    ("sentence", "statuses"),
    [
        ("All but Azerbaijan, Georgia and Uzbekistan renewed the treaty in 1999.", _THREE),
        ("وافقت الدول كلها باستثناء أذربيجان وجورجيا وأوزبكستان على تجديد المعاهدة عام 1999.",
         _THREE),
        ("Все, кроме Азербайджана, Грузии и Узбекистана, продлили договор в 1999 году.", _THREE),
        ("All but Georgia remained members of the treaty.", {"georgia": "withdrawn"}),
        ("كل الدول باستثناء جورجيا بقيت عضوا في المعاهدة.", {"georgia": "withdrawn"}),
        ("Все, кроме Грузии, остались членами договора.", {"georgia": "withdrawn"}),
        ("Russia, Belarus and Armenia remain members of the treaty.",
         {"russia": "member", "belarus": "member", "armenia": "member"}),
    ],
)  # fmt: skip
def test_the_subjects_left_out_take_another_choice(
    tmp_path: Path, sentence: str, statuses: dict[str, str]
) -> None:
    assert _statuses(tmp_path, sentence) == statuses


@pytest.mark.parametrize(
    ("sentence", "closeness"),
    [
        ("Georgia remained a member of the treaty.", {"georgia": 1.0}),
        ("انسحبت جورجيا من المعاهدة.", {"georgia": 0.5}),
        ("Грузия приостановила членство в договоре.", {"georgia": 0.0}),
    ],
)  # fmt: skip
def test_a_choice_other_sources_give_often_is_close_to_theirs(
    tmp_path: Path, sentence: str, closeness: dict[str, float]
) -> None:
    from collections import Counter

    from reconcile.precedent import Known
    from reconcile.suggest import _closeness

    known = Known(sources=3, claims=6, choices=Counter({"member": 4, "withdrawn": 2}))
    found = suggest_claims(sentence, _config(tmp_path))
    assert {s.subject: _closeness(s, known) for s in found} == closeness


_NO_WORDS = {"status": {**_STATUS["status"], "keywords": [], "label": "Status"}}


@pytest.mark.parametrize(
    ("sentence", "without", "statuses"),
    [
        ("All but Azerbaijan, Georgia and Uzbekistan renewed it in 1999.", "All but", _THREE),
        ("وافقت الدول كلها باستثناء أذربيجان وجورجيا وأوزبكستان على تجديدها عام 1999.",
         "باستثناء", _THREE),
        ("Все, кроме Азербайджана, Грузии и Узбекистана, продлили его в 1999 году.", "кроме",
         _THREE),
    ],
)  # fmt: skip
def test_names_left_out_signal_a_per_entity_choice(
    tmp_path: Path, sentence: str, without: str, statuses: dict[str, str]
) -> None:
    found = suggest_claims(sentence, _config(tmp_path, _NO_WORDS), year=2020)
    assert {s.subject: s.value for s in found} == statuses
    assert not suggest_claims(
        sentence.replace(without, ""), _config(tmp_path, _NO_WORDS), year=2020
    )


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Five years later the treaty was renewed.", ["1999"]),
        ("وبعد خمس سنوات جددت المعاهدة.", ["1999"]),
        ("Через пять лет договор продлили.", ["1999"]),
        ("بعد عامين انسحبت جورجيا.", ["1996"]),
        # a count tied to an event, not to the date written last
        ("Seven years after its entry into force the limits apply.", []),
        ("بعد سبع سنوات من دخولها حيز التنفيذ.", []),
        ("Через семь лет после вступления в силу.", []),
    ],
)  # fmt: skip
def test_years_counted_from_the_last_date(sentence: str, dates: list[str]) -> None:
    from reconcile.extract_dates import find_dates

    found = find_dates(Sentence.of(sentence).tokens, ("ar", "en", "ru"), 1994, "1994")
    assert [f.value for f in found] == dates


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("The treaty took force in 1994. Five years later Georgia withdrew from the treaty.",
         "1999"),
        ("دخلت المعاهدة حيز التنفيذ عام 1994. وبعد خمس سنوات انسحبت جورجيا من المعاهدة.",
         "1999"),
        ("Договор вступил в силу в 1994 году. Через пять лет Грузия вышла из договора.",
         "1999"),
    ],
)  # fmt: skip
def test_a_status_holds_as_of_a_date_by_reference(
    tmp_path: Path, sentence: str, as_of: str
) -> None:
    found = suggest_claims(sentence, _config(tmp_path))
    assert [(s.subject, s.value, s.as_of) for s in found] == [("georgia", "withdrawn", as_of)]


_JOINED = {
    "status": {
        **_STATUS["status"],
        "choices": {
            "member": ["joined", "انضمت", "вступила"],
            "withdrawn": ["withdrew", "انسحبت", "вышла"],
        },
    }
}


@pytest.mark.parametrize(
    "sentence",
    [
        "Georgia and Azerbaijan signed the treaty in 1993.",
        "Georgia and Azerbaijan ratified the treaty in 1993.",
        "وقعت جورجيا وأذربيجان على المعاهدة عام 1993.",
        "صادقت جورجيا وأذربيجان على المعاهدة عام 1993.",
        "Грузия и Азербайджан подписали договор в 1993 году.",
        "Грузия и Азербайджан присоединились к договору в 1993 году.",
    ],
)
def test_those_who_join_or_sign_take_the_choice_whose_words_join(
    tmp_path: Path, sentence: str
) -> None:
    statuses = {s.subject: s.value for s in suggest_claims(sentence, _config(tmp_path, _JOINED))}
    assert statuses == {"georgia": "member", "azerbaijan": "member"}


@pytest.mark.parametrize(
    ("words", "verb", "choice"),
    [
        ({"member": ["joined"], "signatory": ["signed"]}, "signed", "signatory"),
        ({"member": ["انضمت"], "signatory": ["وقعت على"]}, "انضمت", "member"),
        ({"member": ["вступила"], "signatory": ["подписала"]}, "подписали", "signatory"),
        ({"member": ["member"], "withdrawn": ["withdrew"]}, "joined", None),
        ({"outside": ["لم تنضم", "not signed"], "member": ["عضو"]}, "انضمت", None),
        ({"outside": ["не подписала"], "party": ["подписала"]}, "подписали", "party"),
    ],
)  # fmt: skip
def test_the_choice_of_joining_is_the_one_that_writes_the_same_verb(
    words: dict[str, list[str]], verb: str, choice: str | None
) -> None:
    from reconcile.model import Label, Property
    from reconcile.values import PropertyType
    from reconcile.values.choice import joining_choice

    prop = Property(
        "m", "status", PropertyType.CHOICE, Label((("", "Status"),)), choices=tuple(words),
        subject="country", choice_words=tuple((c, tuple(w)) for c, w in words.items()),
    )  # fmt: skip
    assert joining_choice(prop, verb) == choice


_EXIT_DATE = {
    "exit_date": {
        "type": "date",
        "temporal": True,
        "label": {"en": "Leaving date", "ar": "موعد الخروج", "ru": "Дата выхода"},
        "keywords": ["leaving date", "departure", "موعد الخروج", "дату выхода"],
    }
}


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaving date moved from 29 March 2019 to 12 April 2019, then to 31 October 2019.",
        "وأُرجئ موعد الخروج من 29 مارس 2019 إلى 12 أبريل 2019، ثم إلى 31 أكتوبر 2019.",
        "Дату выхода перенесли с 29 марта 2019 года на 12 апреля, затем на 31 октября.",
    ],
)  # fmt: skip
def test_a_date_moved_from_one_day_to_the_next_gives_each(tmp_path: Path, sentence: str) -> None:
    """A date that changes over time, moved in one sentence: each day it was set to."""
    found = suggest_claims(sentence, _config(tmp_path, _EXIT_DATE), year=2019)
    days = {s.value for s in found if s.property.id == "exit_date"}
    assert {"2019-03-29", "2019-04-12", "2019-10-31"} <= days


_VOTES = {
    "first_vote": {"label": {"en": "First vote on the deal (15 January 2019)",
                             "ar": "التصويت الأول (15 يناير 2019)",
                             "ru": "Первое голосование (15 января 2019)"}},
    "second_vote": {"label": {"en": "Second vote on the deal (12 March 2019)"}},
}  # fmt: skip
_AYES = {
    "against": {
        "type": "number",
        "subject": "vote",
        "label": {"en": "Votes against", "ar": "الأصوات المعارضة", "ru": "Голоса против"},
        "keywords": ["against", "votes", "صوتا", "голосов"],
    }
}


@pytest.mark.parametrize(
    "sentence",
    [
        "On 15 January MPs threw the deal out, with 432 votes against.",
        "وفي 15 يناير رفض النواب الاتفاق بـ432 صوتا معارضا.",
        "15 января депутаты отвергли соглашение: 432 голоса против.",
    ],
)
def test_a_subject_is_named_by_the_day_its_name_gives(tmp_path: Path, sentence: str) -> None:
    """A vote whose name gives its day is the subject of a sentence that names that day."""
    root = one_topic_project(tmp_path, "vote", _VOTES, _AYES, "votes")
    found = suggest_claims(sentence, load_config(root), year=2019)
    assert {(s.subject, s.value) for s in found if s.property.id == "against"} == {
        ("first_vote", 432)
    }


_ELECTIONS = {
    "election_2022": {"label": {"en": "Election of September 2022", "ar": "انتخابات سبتمبر 2022",
                                "ru": "Выборы сентября 2022 года"}},
    "election_2023": {"label": {"en": "Election of 2023", "ar": "انتخابات 2023",
                                "ru": "Выборы 2023 года"}},
}  # fmt: skip
_CANDIDATES = {
    "candidates": {
        "type": "number",
        "subject": "election",
        "label": {"en": "Candidates", "ar": "عدد المرشحين", "ru": "Число кандидатов"},
        "keywords": ["candidates", "مرشحا", "مرشحين", "кандидатов"],
    }
}


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The early vote on 29 September 2022 drew 305 candidates.", "election_2022"),
        ("وجرى الاقتراع المبكر في 29 سبتمبر 2022 وتنافس فيه 305 مرشحين.", "election_2022"),
        ("В досрочном голосовании 29 сентября 2022 года участвовали 305 кандидатов.",
         "election_2022"),
        ("The vote of 6 June 2023 drew 305 candidates.", "election_2023"),
        ("وفي اقتراع 6 يونيو 2023 تنافس 305 مرشحين.", "election_2023"),
        ("В голосовании 6 июня 2023 года участвовали 305 кандидатов.", "election_2023"),
    ],
)  # fmt: skip
def test_a_subject_is_named_by_the_month_or_year_its_name_gives(
    tmp_path: Path, sentence: str, subject: str
) -> None:
    """A sentence's day names the entity whose name gives that day, else its month, else its
    year: the election of September 2022 is that of the vote of 29 September 2022."""
    root = one_topic_project(tmp_path, "election", _ELECTIONS, _CANDIDATES, "elections")
    found = suggest_claims(sentence, load_config(root), year=2023)
    assert {(s.subject, s.value) for s in found if s.property.id == "candidates"} == {
        (subject, 305)
    }


_MINISTERS = {
    "fathy": {"label": "Sherif Fathy", "aliases": ["شريف فتحي", "Шериф Фатхи"]},
    "eissa": {"label": "Ahmed Eissa", "aliases": ["أحمد عيسى", "Ахмед Исса", "Ахмеда Иссу"]},
}
_OFFICE = {
    "office": {
        "type": "choice",
        "subject": "person",
        "temporal": True,
        "choices": {
            "in_office": ["leads", "يقود", "возглавляет"],
            "left_office": ["left", "غادر", "ушёл"],
        },
        "label": {"en": "In office", "ar": "في المنصب", "ru": "На посту"},
        "keywords": ["minister", "الوزير", "министр"],
    }
}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister Sherif Fathy now leads the ministry, succeeding Ahmed Eissa.",
        "ويقود الوزارة الوزير شريف فتحي، بدلا من أحمد عيسى.",
        "Министерство возглавляет министр Шериф Фатхи, сменивший Ахмеда Иссу.",
    ],
)
def test_the_one_succeeded_is_not_in_the_state_of_the_one_who_succeeds(
    tmp_path: Path, sentence: str
) -> None:
    root = one_topic_project(tmp_path, "person", _MINISTERS, _OFFICE, "m")
    found = {s.subject: s.value for s in suggest_claims(sentence, load_config(root), year=2024)}
    assert found == {"fathy": "in_office", "eissa": "left_office"}
