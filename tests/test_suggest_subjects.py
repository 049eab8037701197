"""Who a per-entity claim is about when its sentence does not name them, in Arabic, English
and Russian: those the paragraph named last before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import load_config
from reconcile.suggest import suggest_claims
from writes import one_topic_project

_COUNTRIES = {
    "finland": {"label": "Finland", "aliases": ["فنلندا", "Финляндия", "Финляндии"]},
    "sweden": {"label": "Sweden", "aliases": ["السويد", "Швеция", "Швеции"]},
}
_SOLDIERS = {
    "professional_soldiers": {
        "type": "number",
        "subject": "country",
        "label": "The country's professional soldiers",
        "keywords": ["soldiers", "جندي", "военнослужащих"],
    }
}


def _soldiers(tmp_path: Path, text: str) -> set[tuple[str | None, object]]:
    config = load_config(one_topic_project(tmp_path, "country", _COUNTRIES, _SOLDIERS))
    return {(s.subject, s.value) for s in suggest_claims(text, config)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Finland brings more than territory. It keeps about 12,000 professional soldiers.",
         {("finland", 12000)}),
        ("تقدم فنلندا أكثر من أرضها. ولديها نحو 12 ألف جندي محترف.", {("finland", 12000)}),
        ("Финляндия приносит не только территорию. У неё около 12 тысяч военнослужащих.",
         {("finland", 12000)}),
        # the sentence's own subject, not the one before it
        ("Finland brings more than territory. Sweden keeps 24,000 professional soldiers.",
         {("sweden", 24000)}),
        ("Finland and Sweden applied in May. Both keep 12,000 professional soldiers.",
         {("finland", 12000), ("sweden", 12000)}),
    ],
)  # fmt: skip
def test_a_sentence_that_names_no_subject_is_about_the_one_named_before_it(
    tmp_path: Path, text: str, found: set[tuple[str | None, object]]
) -> None:
    assert _soldiers(tmp_path, text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Finland and Sweden applied in May.\n\nBoth keep 12,000 professional soldiers.",
        "Finland and Sweden applied in May.\n\nNeither has 12,000 professional soldiers any more.",
        "تقدمت فنلندا والسويد بطلب الانضمام في مايو.\n\nولدى كلا البلدين 12 ألف جندي محترف.",
        "Финляндия и Швеция подали заявки в мае.\n\nОбе страны содержат 12 тысяч военнослужащих.",
    ],
)
def test_both_refers_to_the_last_two_named_even_in_an_earlier_paragraph(
    tmp_path: Path, text: str
) -> None:
    assert {subject for subject, _ in _soldiers(tmp_path, text)} == {"finland", "sweden"}


@pytest.mark.parametrize(
    "text",
    [
        "Finland brings more than territory.\n\nIt keeps about 12,000 professional soldiers.",
        "تقدم فنلندا أكثر من أرضها.\n\nولديها نحو 12 ألف جندي محترف.",
        "Финляндия приносит не только территорию.\n\nУ неё около 12 тысяч военнослужащих.",
    ],
)
def test_a_new_paragraph_names_its_subjects_again(tmp_path: Path, text: str) -> None:
    assert _soldiers(tmp_path, text) == set()


_MORE_COUNTRIES = {
    **_COUNTRIES,
    "turkey": {"label": "Turkey", "aliases": ["تركيا", "Турция", "Турции", "Turkey's"]},
    "hungary": {"label": "Hungary", "aliases": ["المجر", "Венгрия", "Венгрии"]},
}
_HOLDOUTS = {
    "yet_to_ratify": {
        "type": "entities",
        "kind": "country",
        "subject": "country",
        "label": "Members yet to ratify the country's accession",
        "keywords": ["yet", "remaining", "تصادق", "ратифицировали"],
    },
    "last_to_ratify": {
        "type": "entity",
        "kind": "country",
        "subject": "country",
        "label": "Last member to ratify the country's accession",
        "keywords": ["last", "الأخيرة", "последней"],
    },
}


def _holdouts(tmp_path: Path, text: str, prop: str) -> set[tuple[str | None, object]]:
    config = load_config(one_topic_project(tmp_path, "country", _MORE_COUNTRIES, _HOLDOUTS))
    found = suggest_claims(text, config)
    return {
        (s.subject, tuple(s.value) if isinstance(s.value, list) else s.value)
        for s in found
        if s.property.id == prop
    }


@pytest.mark.parametrize(
    ("text", "prop", "found"),
    [
        ("28 members have ratified the protocols of Finland and Sweden. "
         "Only Turkey and Hungary have yet to do so.", "yet_to_ratify",
         {("finland", ("turkey", "hungary")), ("sweden", ("turkey", "hungary"))}),
        ("صادقت 28 دولة على انضمام فنلندا والسويد. ولم تصادق تركيا والمجر بعد.", "yet_to_ratify",
         {("finland", ("turkey", "hungary")), ("sweden", ("turkey", "hungary"))}),
        ("28 стран одобрили протоколы Финляндии и Швеции. "
         "Турция и Венгрия ещё не ратифицировали их.", "yet_to_ratify",
         {("finland", ("turkey", "hungary")), ("sweden", ("turkey", "hungary"))}),
        ("Turkey's parliament approved Finland's accession on 30 March. "
         "That made Turkey the last member to ratify.", "last_to_ratify",
         {("finland", "turkey")}),
        ("وافق برلمان تركيا على انضمام فنلندا في 30 مارس. فكانت تركيا الدولة الأخيرة.",
         "last_to_ratify", {("finland", "turkey")}),
        ("Парламент Турции одобрил вступление Финляндии 30 марта. "
         "Турция стала последней страной.", "last_to_ratify", {("finland", "turkey")}),
    ],
)  # fmt: skip
def test_the_entities_a_property_of_its_subjects_kind_gives_are_not_its_subjects(
    tmp_path: Path, text: str, prop: str, found: set[tuple[str | None, object]]
) -> None:
    assert _holdouts(tmp_path, text, prop) == found


_APPROVED = {
    "approved_sweden": {
        "type": "date",
        "subject": "country",
        "label": "Date the member's parliament approved Sweden's accession",
        "keywords": ["approved", "صادق", "одобрил"],
    }
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hungary's parliament approved Sweden's accession on 26 February 2024.",
         {("hungary", "2024-02-26")}),
        ("صادق برلمان المجر على انضمام السويد في 26 فبراير 2024.", {("hungary", "2024-02-26")}),
        ("Парламент Венгрии одобрил вступление Швеции 26 февраля 2024 года.",
         {("hungary", "2024-02-26")}),
        # named alone, it is the subject
        ("Sweden's accession was approved on 26 February 2024.", {("sweden", "2024-02-26")}),
    ],
)  # fmt: skip
def test_an_entity_the_label_names_is_the_subject_only_when_no_other_is_named(
    tmp_path: Path, text: str, found: set[tuple[str | None, object]]
) -> None:
    config = load_config(one_topic_project(tmp_path, "country", _MORE_COUNTRIES, _APPROVED))
    assert {(s.subject, s.value) for s in suggest_claims(text, config)} == found


_RATIFIED = {
    "ratified_count": {
        "type": "number",
        "subject": "country",
        "label": "Members that had ratified the country's accession",
        "keywords": ["ratified", "صادقت", "ратифицировали"],
    }
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("With Turkey's approval, 30 members have ratified Sweden's accession, "
         "and Hungary has yet to do so.", {("sweden", 30)}),
        ("بموافقة تركيا، صادقت 30 دولة على انضمام السويد، ولم تفعل المجر ذلك بعد.",
         {("sweden", 30)}),
        ("30 стран ратифицировали вступление Швеции, тогда как Венгрия этого ещё не сделала.",
         {("sweden", 30)}),
        # none in the figure's clause: all of them
        ("Finland and Sweden, which applied in May, have been ratified by 30 members.",
         {("finland", 30), ("sweden", 30)}),
    ],
)  # fmt: skip
def test_a_figure_goes_to_the_subjects_of_its_own_clause(
    tmp_path: Path, text: str, found: set[tuple[str | None, object]]
) -> None:
    config = load_config(one_topic_project(tmp_path, "country", _MORE_COUNTRIES, _RATIFIED))
    assert {(s.subject, s.value) for s in suggest_claims(text, config)} == found


_PEOPLE = {
    "lee": {"label": "Ann Lee", "aliases": ["آن لي", "Анна Ли"]},
    "smith": {"label": "John Smith", "aliases": ["جون سميث", "Иван Смит", "Ивана Смита"]},
}
_ROLE = {
    "role": {
        "type": "text",
        "subject": "person",
        "label": "Post held",
        "keywords": ["director", "executive", "مدير", "المدير", "директор"],
    }
}


def _roles(tmp_path: Path, text: str) -> set[tuple[str | None, object]]:
    """The roles suggested for `text`, learnt from one earlier source that gives Ann Lee's."""
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    one_topic_project(tmp_path, "person", _PEOPLE, _ROLE)
    earlier = (
        "The chief executive of the plant, Ann Lee, spoke. المدير العام للمصنع آن لي تحدث."
        " Генеральный директор завода Анна Ли выступила."
    )
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources" / "earlier.md").write_text(
        f"---\npublished: 2020\n---\n{earlier}\n", encoding="utf-8"
    )
    roles = ("chief executive of the plant", "المدير العام للمصنع", "Генеральный директор завода")
    claims = [
        {"topic": "t", "property": "role", "subject": "lee", "value": value, "quote": value}
        for value in roles
    ]
    (tmp_path / "claims" / "earlier.yaml").write_text(json.dumps(claims), encoding="utf-8")
    project = load_project(tmp_path)
    found = suggest_claims(text, project.config, precedent_of(project, "new"))
    return {(s.subject, s.value) for s in found if s.subject == "smith"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Police arrested the chief executive John Smith on Monday.", "chief executive"),
        ("Police arrested John Smith, the former chief executive of the mill, on Monday.",
         "former chief executive of the mill"),
        ("واعتقلت الشرطة المدير التنفيذي للمطحنة جون سميث يوم الاثنين.", "المدير التنفيذي للمطحنة"),
        ("Полиция задержала технического директора комбината Ивана Смита.",
         "технического директора комбината"),
        ("Иван Смит, бывший генеральный директор комбината, задержан.",
         "бывший генеральный директор комбината"),
    ],
)  # fmt: skip
def test_a_subjects_title_is_read_where_other_sources_titles_have_its_head(
    tmp_path: Path, text: str, role: str
) -> None:
    assert _roles(tmp_path, text) == {("smith", role)}


@pytest.mark.parametrize(
    "text",
    [
        "John Smith was arrested on Monday.",
        "وفي يوم الاثنين اعتقل جون سميث.",
        "В понедельник задержали Ивана Смита.",
    ],
)
def test_a_subjects_text_is_never_its_own_name(tmp_path: Path, text: str) -> None:
    names = ("Smith", "سميث", "Смит")
    assert not [role for _, role in _roles(tmp_path, text) if any(n in str(role) for n in names)]


_MAYORS = {
    "krutko": {"label": "Vasily Krutko", "aliases": ["Крутько", "Krutko"]},
    "herring": {"label": "Joe Herring", "aliases": ["Herring", "Херринг"]},
}
_DETAINED = {
    "days_detained": {
        "type": "number",
        "subject": "person",
        "label": "Days the official was held",
        "keywords": ["held", "days", "суток", "задержан"],
    }
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a name written a letter away from a listed one, with a capital, is that name
        ("Глава района Крутко был задержан на 10 суток.", {("krutko", 10)}),
        ("The mayor, Kroutko, was held for 10 days.", {("krutko", 10)}),
        ("Mayor Hering was held for 10 days.", {("herring", 10)}),
        # a word a letter away from a name, without a capital, is not it
        ("Krutko was held for 10 days after the hearing.", {("krutko", 10)}),
        # nor a name with letters added (another word made from it): no subject, no claim
        ("Mayor Herringer was held for 10 days.", set()),
    ],
)  # fmt: skip
def test_a_name_spelt_closely_is_its_entity(
    tmp_path: Path, text: str, found: set[tuple[str | None, object]]
) -> None:
    config = load_config(one_topic_project(tmp_path, "person", _MAYORS, _DETAINED))
    assert {(s.subject, s.value) for s in suggest_claims(text, config)} == found
