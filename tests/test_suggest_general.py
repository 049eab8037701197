"""Rules of add-source's values that hold for a language in general, in Arabic, English and
Russian: a maximum written as "no more than N", a minimum as "at least N", day names that are
also numbers, month names in every case, names added to a list by "alongside", negations of
another verb or clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.extract import Found, Sentence
from reconcile.extract_dates import find_dates
from reconcile.extract_names import find_entities
from reconcile.extract_words import find_boolean, word_hits
from reconcile.model import Label, Property
from reconcile.name_mentions import NameIndex
from reconcile.numerals import read_numbers
from reconcile.suggest_bounds import bound_as_value, extreme_of, is_maximum, is_minimum
from reconcile.values import PropertyType

LANGUAGES = ("ar", "en", "ru")


def _number(label: str, keywords: tuple[str, ...] = (), id: str = "count") -> Property:
    return Property("t", id, PropertyType.NUMBER, Label((("", label),)), keywords)


@pytest.mark.parametrize(
    ("label", "maximum"),
    [
        ("Deployed warheads per side (limit)", True),
        ("Reservoir capacity (cubic metres)", True),
        ("Speed cap on motorways", True),
        ("People killed", False),
        ("Capital's population", False),
        ("السعة التخزينية للسد", True),
        ("الحد الأقصى لعدد الجنود", True),
        ("سقف الإنتاج اليومي", True),
        ("عدد القتلى", False),
        ("Потолок развёрнутых боезарядов", True),
        ("Предельная численность войск", True),
        ("Число погибших", False),
        ("Water level the dam was designed for (m)", True),
        ("المنسوب التصميمي للسد", True),
        ("Расчётный уровень воды для дамбы", True),
    ],
)
def test_a_property_is_a_maximum_when_its_words_name_one(label: str, maximum: bool) -> None:
    assert is_maximum(_number(label)) is maximum


@pytest.mark.parametrize(
    ("label", "written", "value"),
    [
        ("Warhead limit", {"max": 1550}, 1550),
        ("سعة السد", {"max": 22_500_000}, 22_500_000),
        ("Потолок носителей", {"max": 800}, 800),
        ("People killed", {"max": 300}, {"max": 300}),  # "up to 300 killed" stays a bound
        ("Warhead limit", {"min": 700, "max": 800}, {"min": 700, "max": 800}),
    ],
)
def test_no_more_than_n_is_the_value_of_a_maximum(
    label: str, written: object, value: object
) -> None:
    assert bound_as_value(_number(label), Found(written, 0, 1)).value == value


@pytest.mark.parametrize(
    ("label", "minimum"),
    [
        ("Number of parties needed for entry into force", True),
        ("Signatures required to stand", True),
        ("Turnout threshold (per cent)", True),
        ("People killed", False),
        ("عدد التزكيات المطلوبة للترشح", True),
        ("الحد الأدنى لنسبة المشاركة", True),
        ("عدد القتلى", False),
        ("Порог явки", True),
        ("Число подписей, необходимых для регистрации", True),
        ("Число погибших", False),
    ],
)
def test_a_property_is_a_minimum_when_its_words_name_one(label: str, minimum: bool) -> None:
    assert is_minimum(_number(label)) is minimum


@pytest.mark.parametrize(
    ("label", "written", "value"),
    [
        ("Number of parties needed for entry into force", {"min": 55}, 55),
        ("عدد التزكيات المطلوبة للترشح", {"min": 25000}, 25000),
        ("Порог явки", {"min": 50}, 50),
        ("People killed", {"min": 300}, {"min": 300}),  # "at least 300 killed" stays a bound
        ("Порог явки", {"min": 40, "max": 50}, {"min": 40, "max": 50}),
    ],
)
def test_at_least_n_is_the_value_of_a_minimum(label: str, written: object, value: object) -> None:
    assert bound_as_value(_number(label), Found(written, 0, 1)).value == value


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("أعلن مساء الاثنين أن عدد الوفيات بلغ 2000 شخص", [{2000.0}]),
        ("وقع الحادث الأحد على الطريق", []),
        ("قتل اثنين من المسعفين", [{2.0}]),
        ("وصل الأحد عشر لاعبا", [{11.0}]),
        ("the eleven players arrived on Sunday", [{11.0}]),
        ("в воскресенье прибыли два спасателя", [{2.0}]),
    ],
)
def test_arabic_day_names_are_no_numbers(sentence: str, values: list[set[float]]) -> None:
    folded = Sentence.of(sentence).folded
    assert [set(m.values) for m in read_numbers(folded, LANGUAGES)] == values


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("вступивший в силу в феврале 2011 года", ["2011-02"]),
        ("выборы прошли в мае 2010 года", ["2010-05"]),
        ("в конце марта 2020 года", ["2020-03"]),
        ("entered into force in February 2011", ["2011-02"]),
        ("دخلت حيز التنفيذ في شباط 2011", ["2011-02"]),
    ],
)
def test_month_names_in_every_case(sentence: str, dates: list[str]) -> None:
    parsed = Sentence.of(sentence)
    assert [d.value for d in find_dates(parsed.tokens, LANGUAGES, 2020)] == dates


NAMES = NameIndex(
    {"Russia": "russia", "روسيا": "russia", "Россия": "russia", "Japan": "japan",
     "اليابان": "japan", "Япония": "japan", "Greece": "greece", "اليونان": "greece",
     "Греция": "greece", "Germany": "germany", "ألمانيا": "germany", "Германия": "germany"}
)  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers came from Germany and Russia, working alongside those from Japan and Greece",
        "وصلت فرق من ألمانيا وروسيا، تعمل إلى جانب فرق من اليابان واليونان",
        "Прибыли спасатели из Германии и России, наряду с группами из Японии и Греции",
    ],
)
def test_names_after_alongside_join_the_list_before(sentence: str) -> None:
    (found,) = find_entities(Sentence.of(sentence).tokens, NAMES)
    assert sorted(found.value) == ["germany", "greece", "japan", "russia"]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany and Russia sent teams. Japan, it said, later",
        "أرسلت ألمانيا وروسيا فرقا، وقالت اليابان إنها سترسل",
    ],
)
def test_a_list_without_alongside_stays_apart(sentence: str) -> None:
    (found,) = find_entities(Sentence.of(sentence).tokens, NAMES)
    assert sorted(found.value) == ["germany", "russia"]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("sentence", "words", "truth"),
    [
        ("Inspections, suspended in 2020, have not been resumed", ("inspections", "resumed"),
         False),
        ("Inspections have not been suspended", ("inspections",), True),
        ("Инспекции на местах, прерванные весной, до сих пор не возобновлены",
         ("инспекции", "возобновлены"), False),
        ("Инспекции не были приостановлены", ("инспекции",), True),
        ("عمليات التفتيش، التي علقت عام 2020، لم تستأنف", ("التفتيش", "تستأنف"), False),
        ("لم توقف روسيا التفتيش", ("التفتيش",), True),
        ("A tsunami warning was issued, before the alert was lifted when no wave formed",
         ("tsunami", "warning", "alert", "wave"), True),
        ("صدر تحذير من تسونامي، قبل رفع التحذير عندما لم تتشكل موجة",
         ("تسونامي", "تحذير", "موجة"), True),
        ("Было объявлено предупреждение о цунами, после того как волна не пришла",
         ("цунами", "предупреждение", "волна"), True),
    ],
)  # fmt: skip
def test_a_negation_bears_on_its_own_verb_and_clause(
    sentence: str, words: tuple[str, ...], truth: bool
) -> None:
    parsed = Sentence.of(sentence)
    (found,) = find_boolean(parsed.tokens, word_hits(parsed, words))
    assert found.value is truth


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("حصل على 52.18 في المئة من الأصوات", [52.18]),
        ("نال 49,5 بالمئة من الأصوات", [49.5]),
        ("بنسبة 0.7 بالمائة", [0.7]),
        ("won 49,5 per cent of the vote", [49.5]),
        ("получил 52,18 процента голосов", [52.18]),
        ("عدد يتجاوز 3000 قتيل", [{"min": 3000}]),
        ("ما يناهز 3000 قتيل", [3000]),
        ("more than 3,000 killed", [{"min": 3000}]),
        ("погибли более чем 3000 человек", [{"min": 3000}]),
        ("менее чем 800 носителей", [{"max": 800}]),
    ],
)
def test_per_cent_words_and_bounds_in_every_writing(sentence: str, values: list[object]) -> None:
    from reconcile.extract import find_numbers

    parsed = Sentence.of(sentence)
    found = find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))
    assert [f.value for f in found] == values


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany and Russia, and also Japan",
        "ألمانيا وروسيا وكذلك اليابان",
        "Германия и Россия, а также Япония",
    ],
)
def test_a_list_goes_on_after_also(sentence: str) -> None:
    (found,) = find_entities(Sentence.of(sentence).tokens, NAMES)
    assert found.value == ["germany", "russia", "japan"]


@pytest.mark.parametrize(
    ("label", "sentence", "value"),
    [
        ("Magnitude of the second earthquake", "The two shocks measured 7.7 and 7.6", 7.6),
        ("Magnitude of the first earthquake", "The two shocks measured 7.7 and 7.6", 7.7),
        # the sentence ranks them itself: the words nearest decide, not the order
        ("Magnitude of the second earthquake", "The second shock, 7.6, and the 7.7", 7.7),
        ("قوة الزلزال الثاني", "بلغت قوة الهزتين 7.7 و 7.6 درجة", 7.6),
        ("Магнитуда второго землетрясения", "магнитуда толчков составила 7,7 и 7,6", 7.6),
    ],
)
def test_a_label_that_ranks_takes_the_nth_of_a_pair(
    label: str, sentence: str, value: float
) -> None:
    from reconcile.extract import find_numbers
    from reconcile.precedent import Known
    from reconcile.suggest_rules import Look, _in_order

    parsed = Sentence.of(sentence)
    numbers = find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))
    nearest_last = sorted(numbers, key=lambda n: -n.start)  # the order the words would give
    look = Look(parsed, sentence, (), numbers, (), Known(), None, lambda kind: NAMES)
    assert _in_order(_number(label), look, nearest_last)[0].value == value


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("on Tuesday, 8 September 2023", ["2023-09-08"]),
        ("the next day, on 8 September", ["2023-09-08"]),
        ("on Tuesday, and later on 8 September", ["2023-09-19", "2023-09-08"]),
        ("يوم الثلاثاء 8 سبتمبر", ["2023-09-08"]),
        ("во вторник, 8 сентября", ["2023-09-08"]),
    ],
)
def test_a_day_name_before_a_date_is_its_day(sentence: str, dates: list[str]) -> None:
    parsed = Sentence.of(sentence)
    found = find_dates(parsed.tokens, LANGUAGES, 2023, published="2023-09-20")
    assert [d.value for d in found] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("انهار السدان ليلة العاشر على الحادي عشر من أيلول 2023", ["2023-09-10/2023-09-11"]),
        ("من العاشر إلى الثاني عشر من سبتمبر 2023", ["2023-09-10/2023-09-12"]),
        ("استمرت من العاشر حتى الحادي عشر من سبتمبر 2023", ["2023-09-10/2023-09-11"]),
        ("the dams burst overnight from 10 to 11 September 2023", ["2023-09-10/2023-09-11"]),
        ("плотины прорвало в ночь с 10 на 11 сентября 2023 года", ["2023-09-10/2023-09-11"]),
    ],
)
def test_a_night_and_ordinal_days_make_an_interval(sentence: str, dates: list[str]) -> None:
    parsed = Sentence.of(sentence)
    assert [d.value for d in find_dates(parsed.tokens, LANGUAGES, None)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("on September 8th, 2023", ["2023-09-08"]),
        ("on May 1st 2020", ["2020-05-01"]),
        ("on 8th September 2023", ["2023-09-08"]),
    ],
)
def test_a_day_with_its_ordinal_ending_takes_the_year_after(
    sentence: str, dates: list[str]
) -> None:
    parsed = Sentence.of(sentence)
    assert [d.value for d in find_dates(parsed.tokens, LANGUAGES, None)] == dates


PARALLEL_NAMES = NameIndex(
    {"China": "china", "Pakistan": "pakistan", "Spain": "spain", "الصين": "china",
     "باكستان": "pakistan", "إسبانيا": "spain", "Китай": "china", "Пакистан": "pakistan",
     "Испания": "spain"}
)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Among them are a contingent from China, an army team from Pakistan and firefighters "
         "from Spain", ["china", "pakistan", "spain"]),
        ("وبينهم فريق كبير من الصين، وفريق عسكري من باكستان، ورجال إطفاء من إسبانيا",
         ["china", "pakistan", "spain"]),
        ("Среди них отряд из Китая, армейская группа из Пакистана и пожарные из Испании",
         ["china", "pakistan", "spain"]),
    ],
)  # fmt: skip
def test_names_of_parallel_phrases_are_one_list(sentence: str, names: list[str]) -> None:
    (found,) = find_entities(Sentence.of(sentence).tokens, PARALLEL_NAMES)
    assert found.value == names


def test_names_of_phrases_that_are_not_parallel_stay_apart() -> None:
    sentence = "Aid came from China, while troops from Pakistan and Spain stayed home"
    (found,) = find_entities(Sentence.of(sentence).tokens, PARALLEL_NAMES)
    assert found.value == ["pakistan", "spain"]


@pytest.mark.parametrize(
    ("sentence", "truth"),
    [
        ("In the years of suspension Russia stayed within the limits", True),
        ("Russia did not stay within the limits", False),
        ("خلال سنوات التعليق بقيت روسيا ضمن الحدود", True),
        ("لم تبق روسيا ضمن الحدود", False),
        ("все годы приостановки Россия оставалась в пределах ограничений", True),
        ("Россия не оставалась в пределах ограничений", False),
    ],
)
def test_a_subjects_boolean_is_read_at_the_property_words_of_its_clause(
    tmp_path: Path, sentence: str, truth: bool
) -> None:
    import json

    from reconcile.load import load_config
    from reconcile.suggest import suggest_claims

    config = {
        "title": "t",
        "language": "en",
        "entities": {"country": {"russia": {"label": "Russia", "aliases": ["روسيا", "Россия"]}}},
        "topics": {
            "t": {
                "properties": {
                    "within": {
                        "type": "boolean",
                        "subject": "country",
                        "label": "Keeps within the limits",
                        "keywords": ["within", "ضمن", "пределах"],
                    }
                }
            }
        },
    }
    (tmp_path / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    found = suggest_claims(sentence, load_config(tmp_path))
    assert [(s.subject, s.value) for s in found if s.property.id == "within"] == [("russia", truth)]


@pytest.mark.parametrize(
    ("label", "sentence", "cued"),
    [
        ("اعتداء على الجميع", "قال الأمين العام لمنظمة معاهدة الأمن الجماعي", False),
        ("اعتداء على الجميع", "وهو اعتداء على جميع الأعضاء", True),
        ("Aggression against all members", "the Collective Security Treaty Organization", False),
        ("Aggression against all members", "an aggression against one is against all", True),
        ("Нападение на всех членов", "Организация Договора о коллективной безопасности", False),
        ("Нападение на всех членов", "нападение на одного есть нападение на всех", True),
    ],
)
def test_a_label_word_signals_its_own_word_not_one_that_shares_its_first_letters(
    label: str, sentence: str, cued: bool
) -> None:
    from reconcile.suggest_cues import Cues

    prop = Property("t", "p", PropertyType.BOOLEAN, Label((("", label),)))
    assert bool(Cues([prop]).in_sentence(Sentence.of(sentence))) is cued


@pytest.mark.parametrize(
    ("sentence", "known", "found"),
    [
        # other sources give each person one country: a country alone is the person's list
        ("Sato, 58, a Japanese diver, led the team", ({"japan"}, {"greece"}), [["japan"]]),
        ("قاد الفريق ساتو، وهو غواص من اليابان", ({"japan"}, {"greece"}), [["japan"]]),
        ("Команду возглавил Сато, водолаз из Японии", ({"japan"}, {"greece"}), [["japan"]]),
        # ... but not where they give lists, or nothing
        ("Sato, 58, a Japanese diver, led the team", ({"japan", "greece"},), []),
        ("Sato, 58, a Japanese diver, led the team", (), []),
    ],
)
def test_one_name_is_a_list_where_other_sources_give_one_a_subject(
    sentence: str, known: tuple[set[str], ...], found: list[list[str]]
) -> None:
    from reconcile.precedent import Known
    from reconcile.suggest_rules import Look
    from reconcile.values import RULES

    names = NameIndex({**{name: key for name, key in NAMES.items()}, "Japanese": "japan"})
    prop = Property(
        "t", "nationality", PropertyType.ENTITIES, Label((("", "Nationality"),)),
        kind="country", subject="person",
    )  # fmt: skip
    lists = tuple(frozenset(ids) for ids in known)
    parsed = Sentence.of(sentence)
    look = Look(parsed, sentence, (), (), (), Known(lists=lists), None, lambda kind: names)
    assert [sorted(f.value) for f in RULES[PropertyType.ENTITIES].find(prop, look)] == found


@pytest.mark.parametrize(
    ("label", "end", "value"),
    [
        ("Age of the oldest of the boys", "max", 16),
        ("Age of the youngest boy", "min", 11),
        ("عمر أكبر الأطفال سنا", "max", 16),
        ("عمر أصغر الأطفال", "min", 11),
        ("Возраст самого старшего из мальчиков", "max", 16),
        ("Возраст самого младшего", "min", 11),
        ("Ages of the boys", None, {"min": 11, "max": 16}),  # the range itself
    ],
)
def test_a_range_gives_its_end_to_a_property_of_its_highest_or_lowest(
    label: str, end: str | None, value: object
) -> None:
    prop = _number(label)
    assert extreme_of(prop) == end
    assert bound_as_value(prop, Found({"min": 11, "max": 16}, 0, 3)).value == value


_LEADERS = {
    "person": NameIndex(
        {"Anthony Albanese": "albanese", "Albanese": "albanese", "Rishi Sunak": "sunak",
         "Sunak": "sunak", "Joe Biden": "biden", "Biden": "biden", "ألبانيزي": "albanese",
         "سوناك": "sunak", "بايدن": "biden", "Альбанезе": "albanese", "Сунак": "sunak",
         "Байден": "biden"}
    ),
    "country": NameIndex(
        {"Australia": "australia", "Britain": "uk", "أستراليا": "australia",
         "بريطانيا": "uk", "Австралия": "australia", "Великобритания": "uk"}
    ),
}  # fmt: skip
_OWNERS = {"albanese": frozenset({"australia"}), "sunak": frozenset({"uk"}),
           "biden": frozenset({"us"})}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "owners", "found"),
    [
        # other sources give each leader one country: each name is its country's leader
        (
            "The plan was set out by Anthony Albanese, Joe Biden and Rishi Sunak",
            _OWNERS,
            {("australia", "albanese"), ("us", "biden"), ("uk", "sunak")},
        ),
        (
            "أعلن الخطة ألبانيزي وبايدن وسوناك",
            _OWNERS,
            {("australia", "albanese"), ("us", "biden"), ("uk", "sunak")},
        ),
        (
            "План представили Альбанезе, Байден и Сунак",
            _OWNERS,
            {("australia", "albanese"), ("us", "biden"), ("uk", "sunak")},
        ),
        # a country that gets its own leader takes no other's
        (
            "Britain's Rishi Sunak and Australia's Anthony Albanese met",
            _OWNERS,
            {("australia", "albanese"), ("uk", "sunak")},
        ),
        # a leader no other source gave a country is read as before
        ("Australia's Anthony Albanese spoke", {}, {("australia", "albanese")}),
    ],
)
def test_a_value_other_sources_give_one_subject_is_that_subjects(
    sentence: str, owners: dict[str, frozenset[str]], found: set[tuple[str, str]]
) -> None:
    from reconcile.extract import stop_counts
    from reconcile.precedent import Known
    from reconcile.suggest_rules import Look, candidates

    prop = Property(
        "t", "leader", PropertyType.ENTITY, Label((("", "Head of government"),)),
        kind="person", subject="country",
    )  # fmt: skip
    parsed = Sentence.of(sentence)
    look = Look(
        parsed, sentence, (), (), (), Known(owners=owners), None, _LEADERS.__getitem__,
        stops=stop_counts(parsed.tokens),
    )  # fmt: skip
    assert {(s.subject, s.value) for s in candidates(prop, look, 1, ())} == found


@pytest.mark.parametrize(
    ("label", "sentence", "value"),
    [
        ("Patients in hospital", "Only 12 remain in hospital; the field unit took 45% of them", 12),
        ("Patients in hospital", "Only 12 remain in hospital; the field unit took 45 per cent", 12),
        ("المرضى في المستشفيات", "ما زال 12 في المستشفيات، واستقبل الميداني 45 في المئة", 12),
        ("Госпитализированы", "в больницах остаются 12 человек, 45 процентов случаев приняли", 12),
        # a share keeps its figures in per cent
        ("Share of cases in the field hospital", "Only 12 remain; it took 45% of cases", 45),
        ("نسبة الحالات في المستشفى الميداني", "ما زال 12، واستقبل الميداني 45 في المئة", 45),
        ("Доля случаев в госпитале", "остаются 12, госпиталь принял 45 процентов случаев", 45),
    ],
)  # fmt: skip
def test_a_figure_in_per_cent_is_no_count(label: str, sentence: str, value: int) -> None:
    from reconcile.extract import find_numbers
    from reconcile.precedent import Known
    from reconcile.suggest_rules import Look
    from reconcile.values import RULES

    parsed = Sentence.of(sentence)
    numbers = find_numbers(parsed, ("ar", "en", "ru"), [])
    near = [len(parsed.tokens) - 1]  # the property's word last, nearer the share
    look = Look(parsed, sentence, (), numbers, near, Known(), None, lambda kind: NAMES)
    assert RULES[PropertyType.NUMBER].find(_number(label), look)[0].value == value
