"""Values add-source reads with the words around them, in Arabic, English and Russian: bounds
written after a number, numbers of another property's words, verbs that negate, dates by
reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.extract import Sentence, find_numbers
from reconcile.extract_dates import find_dates
from reconcile.extract_text import find_text
from reconcile.extract_words import find_boolean
from reconcile.load import load_config
from reconcile.suggest import suggest_claims

LANGUAGES = ("ar", "en", "ru")


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("قتل 11300 شخص على الأقل في المدينة", [{"min": 11300}]),
        ("وصل 20 ألف نازح أو أكثر", [{"min": 20000}]),
        ("شارك 300 جندي على الأكثر", [{"max": 300}]),
        ("5,000 people at least were killed", [{"min": 5000}]),
        ("ten boats or more, and 7 trucks at most", [{"min": 10}, {"max": 7}]),
        ("погибли 40 человек как минимум", [{"min": 40}]),
        ("прибыли 200 спасателей, как минимум 3 самолёта", [200, {"min": 3}]),
        ("пострадали 90 человек или меньше", [{"max": 90}]),
        # a bound after a verb of change stays a bound, but for "to", "до", "حتى"
        ("prices have fallen back below $6 a bushel", [{"max": 6}]),
        ("تراجع السعر إلى ما لا يتجاوز 6 دولارات", [{"max": 6}]),
        ("смерть наступила не позднее 8 часов после взрыва", [{"max": 8}]),
        ("the toll rose to 93", [93]),
        ("число погибших выросло до 93", [93]),
        ("ارتفعت الحصيلة حتى 93 قتيلا", [93]),
        # a bound's plural verb, or "в" between a bound and its figure
        ("وبأن الجرحى تجاوزوا 6500", [{"min": 6500}]),
        ("оценивает число раненых более чем в 140 человек", [{"min": 140}]),
        ("ущерб оценили менее чем в 5 млрд рублей", [{"max": 5_000_000_000}]),
        # the عشر of an ordinal is no ten
        ("وقضت بسجن المتهم الحادي عشر والثاني عشر تسع سنوات", [9]),
        ("the eleventh and twelfth defendants got nine years", [9]),
        # "and more than" before the next figure is that figure's bound
        ("أحصت المنظمة 705 قتلى وأكثر من 5 آلاف جريح", [705, {"min": 5000}]),
        ("171 dead and more than 6,500 injured", [171, {"min": 6500}]),
        ("сообщили о 40 погибших и более чем ста раненых", [40, {"min": 100}]),
    ],
)
def test_bounds_written_after_the_number(sentence: str, values: list[object]) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "cue", "truth"),
    [
        ("رفضت روسيا عمليات التفتيش", 2, False),
        ("أوقفت روسيا التفتيش على المواقع", 2, False),
        ("سمحت روسيا بعمليات التفتيش", 2, True),
        ("Russia suspended inspections", 2, False),
        ("Russia refused to allow inspections", 4, False),
        ("Inspections were suspended in August", 0, False),
        ("Russia did not suspend inspections", 4, True),
        ("A warning was issued, and trains stopped later", 1, True),  # another clause
        ("Россия приостановила инспекции", 2, False),
        ("Россия отказалась от инспекций", 3, False),
        ("Россия не отказалась от инспекций", 4, True),
        # "former" says what it qualifies is no longer so
        ("the former mayor of the city spoke", 2, False),
        ("the mayor of the city spoke", 1, True),
        ("قال رئيس البلدية السابق", 1, False),
        ("Бывший глава Норильска Ринат Ахметчин", 1, False),
        ("экс-мэр признан виновным", 1, False),
        # denying, ruling out, lacking
        ("ونفت الوزارة تمديد فترة الاقتراع", 2, False),
        ("كان المبنى يخلو من أي نظام للإنذار", 5, False),
        ("The company denied any leak of gas", 4, False),
        ("Обвиняемый отрицает вину", 2, False),
        ("Обвиняемый признает вину", 2, True),
        ("the hall had no alarm, in the absence of any sprinklers", 7, False),
    ],
)
def test_verbs_that_negate_what_they_bear_on(sentence: str, cue: int, truth: bool) -> None:
    (found,) = find_boolean(Sentence.of(sentence).tokens, [cue])
    assert found.value is truth


@pytest.mark.parametrize(
    ("sentence", "before", "published", "dates"),
    [
        ("وقعت ثلاث دول في العام التالي على المعاهدة", "1992-05-15", None, ["1993"]),
        ("بعد ثلاثة أيام وصلت الفرق", "2023-02-06", None, ["2023-02-09"]),
        ("قال الوزير أمس إن العدد ارتفع", None, "2023-02-10", ["2023-02-09"]),
        ("وأعلنت الوكالة يوم الثلاثاء", None, "2023-02-10", ["2023-02-07"]),
        ("Three more states signed the following year", "1992-05-15", None, ["1993"]),
        ("It struck on 6 February 2023 and again two days later", None, None,
         ["2023-02-06", "2023-02-08"]),
        ("On Tuesday the agency said", None, "2023-02-10", ["2023-02-07"]),
        ("the toll was 2,000 yesterday", None, "2023-02-10", ["2023-02-09"]),
        ("На следующий день договор вступил в силу", "2011-02-04", None, ["2011-02-05"]),
        ("через три дня прибыли спасатели", "2023-02-06", None, ["2023-02-09"]),
        ("вчера министр сообщил", None, "2023-02-10", ["2023-02-09"]),
        ("во вторник министр сообщил", None, "2023-02-10", ["2023-02-07"]),
        ("the day before, 2,000 had died", None, "2023-02-10", []),  # no date to count from
        ("في الأحد عشر من الشهر", None, "2023-02-10", []),  # الأحد is also "one"
        # a month in a year the words after it count from the article's day
        ("completed in July last year", None, "2021-07-20", ["2020-07"]),
        ("الذي أنجز في يوليو من العام الماضي", None, "2021-07-20", ["2020-07"]),
        ("которое приобрёл в мае текущего года", None, "2021-09-20", ["2021-05"]),
        ("приговор вынесли 15 декабря прошлого года", None, "2015-05-26", ["2014-12-15"]),
        ("in July", None, "2021-07-20", []),  # a month alone is no date
        ("the hearings held last June", None, "2024-06-26", ["2023-06"]),
        ("وكانت الجلسة في 5 يونيو الماضي", None, "2024-07-10", ["2024-06-05"]),
        ("تبدأ المحاكمة في مارس المقبل", None, "2024-06-26", ["2025-03"]),
    ],
)  # fmt: skip
def test_dates_by_reference(
    sentence: str, before: str | None, published: str | None, dates: list[str]
) -> None:
    parsed = Sentence.of(sentence)
    found = find_dates(parsed.tokens, LANGUAGES, None, before, published)
    assert [d.value for d in found] == dates


def test_a_date_by_reference_counts_from_the_sentence_before(tmp_path: Path) -> None:
    root = _project(tmp_path, {"signed": ("date", ["signed", "وقعت", "подписали"])})
    text = "Six states signed the treaty on 15 May 1992. Three more signed the following year."
    found = {(s.sentence, s.value) for s in suggest_claims(text, load_config(root))}
    assert ("Three more signed the following year.", "1993") in found


_TOLLS = {
    "dead": ("number", ["killed", "toll", "قتل", "الحصيلة", "погибли", "жертв"]),
    "injured": ("number", ["injured", "أصيب", "ранены"]),
}


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("قتل أكثر من 2900 شخص وأصيب أكثر من 15000 آخرين", {"min": 2900}),
        ("more than 2,900 people were killed and more than 15,000 injured", {"min": 2900}),
        ("45,968 people had been killed, among them 4,267 foreigners", 45968),
        ("погибли более 2900 человек, ранены более 15000", {"min": 2900}),
        ("raised the toll to 8,574 and said 49,133 people had been injured", 8574),
        ("رفعت الحصيلة إلى 8574 وقالت إن 49133 شخصا أصيبوا", 8574),
        ("число жертв достигло 8574, а 49133 человека ранены", 8574),
    ],
)
def test_a_number_belongs_to_the_words_of_its_own_clause(
    tmp_path: Path, sentence: str, dead: object
) -> None:
    config = load_config(_project(tmp_path, _TOLLS))
    found = [s.value for s in suggest_claims(sentence, config) if s.property.id == "dead"]
    assert found[:1] == [dead]


_MISSING = {
    "missing": ("number", ["missing", "list", "المفقودين", "القائمة", "пропавших", "список"])
}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday 385 people were still missing, but by Friday the list had shrunk to 66.",
        "385 people were missing on Monday, and the list had fallen to 66 by Friday.",
        "The number of missing reached 66, against 385 people a week earlier.",
        "بعد أن ضمت القائمة 385 اسما، تقلص عدد المفقودين إلى 66 شخصا",
        "وبلغ عدد المفقودين 66، بعد 385 شخصا الأسبوع الماضي",
        "В понедельник пропавших было 385, к пятнице их список сократился до 66",
        "Число пропавших достигло 66, неделей ранее в списке было 385 человек",
        # "на" after a verb of growing is by how much: the figure reached is the other
        "Список пропавших за ночь вырос на 12 человек и составил 66",
    ],
)
def test_the_figure_a_verb_of_change_reaches_is_the_value(tmp_path: Path, sentence: str) -> None:
    config = load_config(_project(tmp_path, _MISSING))
    found = [s.value for s in suggest_claims(sentence, config) if s.property.id == "missing"]
    assert found[:1] == [66]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officials merged the reports into one list of 385 people.", 385),
        ("The missing were put on one list.", 1),
        ("ضمت القائمة الواحدة 385 اسما من المفقودين", 385),
        ("بقي مفقود واحد في القائمة", 1),
        ("Ещё один список пропавших включал 385 человек.", 385),
        ("В списке пропавших остался один человек.", 1),
    ],
)
def test_a_one_written_as_a_word_comes_after_the_sentences_figures(
    tmp_path: Path, sentence: str, value: int
) -> None:
    config = load_config(_project(tmp_path, _MISSING))
    found = [s.value for s in suggest_claims(sentence, config) if s.property.id == "missing"]
    assert found[:1] == [value]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Death toll reaches 93\n\nThe number of people killed rose to 93 on Sunday.",
         "The number of people killed rose to 93 on Sunday."),
        ("ارتفاع الحصيلة إلى 93 قتيلا\n\nقتل 93 شخصا في الحرائق يوم الأحد.",
         "قتل 93 شخصا في الحرائق يوم الأحد."),
        ("Число погибших достигло 93\n\nВ воскресенье погибли 93 человека.",
         "В воскресенье погибли 93 человека."),
        ("Death toll reaches 93\n\nRescuers kept searching the ruins.",
         "Death toll reaches 93"),  # what only the headline says is the headline's
    ],
)  # fmt: skip
def test_what_the_headline_and_the_body_both_say_is_the_bodys(
    tmp_path: Path, text: str, quoted: str
) -> None:
    config = load_config(_project(tmp_path, _TOLLS))
    found = [s.sentence for s in suggest_claims(text, config) if s.property.id == "dead"]
    assert found == [quoted]


def _project(tmp_path: Path, properties: dict[str, tuple[str, list[str]]]) -> Path:
    import json

    config = {
        "title": "t",
        "language": "en",
        "topics": {
            "t": {
                "properties": {
                    name: {"type": kind, "label": name, "keywords": words}
                    for name, (kind, words) in properties.items()
                }
            }
        },
    }
    (tmp_path / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("عقدت الاجتماعات من 10 إلى 11 سبتمبر 2023", ["2023-09-10/2023-09-11"]),
        ("The talks ran from 10 to 11 September 2023", ["2023-09-10/2023-09-11"]),
        ("It struck on 6 and 7 February 2023", ["2023-02-07"]),  # two days, not an interval
        ("переговоры прошли с 10 по 11 сентября 2023 года", ["2023-09-10/2023-09-11"]),
        ("صوّت المصريون في الخارج أيام 1 و2 و3 ديسمبر 2023", ["2023-12-01/2023-12-03"]),
        ("They voted abroad on 1, 2 and 3 December 2023", ["2023-12-01/2023-12-03"]),
        ("They voted on 10, 11, 12 and 13 May 2023", ["2023-05-10/2023-05-13"]),
        ("They voted on 3, 5 and 6 May 2023", ["2023-05-06"]),  # not days in a row
        ("голосование прошло 1, 2 и 3 декабря 2023 года", ["2023-12-01/2023-12-03"]),
        ("المهرجان يومي 6 و7 فبراير 2023", ["2023-02-07"]),  # two days, not an interval
        ("جرت الانتخابات بين 10 و12 ديسمبر 2023", ["2023-12-10/2023-12-12"]),
        ("The vote was held between 10 and 12 December 2023", ["2023-12-10/2023-12-12"]),
        ("голосование прошло между 10 и 12 декабря 2023 года", ["2023-12-10/2023-12-12"]),
    ],
)
def test_days_of_one_month_from_one_to_another_are_an_interval(
    sentence: str, dates: list[str]
) -> None:
    parsed = Sentence.of(sentence)
    assert [d.value for d in find_dates(parsed.tokens, LANGUAGES, None)] == dates


@pytest.mark.parametrize(
    "sentence",
    [
        "وإلى جانب روسيا تشمل هذه المنظمة في عضويتها أرمينيا، وبيلاروسيا",
        "Besides Russia, the organisation includes Armenia and Belarus",
        "Наряду с Россией в организацию входят Армения и Беларусь",
    ],
)
def test_names_written_besides_a_list_belong_to_it(sentence: str) -> None:
    from reconcile.extract_names import find_entities
    from reconcile.name_mentions import NameIndex

    names = NameIndex(
        {"Russia": "russia", "روسيا": "russia", "Россия": "russia", "Armenia": "armenia",
         "أرمينيا": "armenia", "Армения": "armenia", "Belarus": "belarus",
         "بيلاروسيا": "belarus", "Беларусь": "belarus"}
    )  # fmt: skip
    (found,) = find_entities(Sentence.of(sentence).tokens, names)
    assert found.value == ["russia", "armenia", "belarus"]


_LEADERS = {
    "Vladimir Putin": "putin", "Angela Merkel": "merkel", "François Hollande": "hollande",
    "Владимир Путин": "putin", "Ангела Меркель": "merkel", "Франсуа Олланд": "hollande",
    "فلاديمير بوتين": "putin", "أنغيلا ميركل": "merkel", "فرانسوا هولاند": "hollande",
}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "lists"),
    [
        (
            "Russian President Vladimir Putin, the German chancellor Angela Merkel and French "
            "President François Hollande met in Minsk",
            [["putin", "merkel", "hollande"]],
        ),
        (
            "президент России Владимир Путин, канцлер Германии Ангела Меркель и президент Франции "
            "Франсуа Олланд",
            [["putin", "merkel", "hollande"]],
        ),
        (
            "الرئيس الروسي فلاديمير بوتين والمستشارة الألمانية أنغيلا ميركل والرئيس الفرنسي "
            "فرانسوا هولاند",
            [["putin", "merkel", "hollande"]],
        ),
        ("Vladimir Putin, who had met Angela Merkel, left", []),
        ("Vladimir Putin, after talks with Angela Merkel, left", []),
        ("Владимир Путин, заявил Франсуа Олланд", []),
        ("Владимир Путин и Франсуа Олланд", [["putin", "hollande"]]),
        ("فلاديمير بوتين الذي التقى أنغيلا ميركل", []),
    ],
)
def test_the_items_of_a_list_may_each_have_a_title(sentence: str, lists: list[list[str]]) -> None:
    from reconcile.extract_names import find_entities
    from reconcile.name_mentions import NameIndex

    found = find_entities(Sentence.of(sentence).tokens, NameIndex(_LEADERS))
    assert [f.value for f in found] == lists


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("число погибших выросло до 8574", [8574]),
        ("число погибших сократилось до 300", [300]),
        ("допускается до 800 пусковых установок", [{"max": 800}]),
        ("the toll rose up to 8,574 by evening", [8574]),
        ("up to 18 inspections a year", [{"max": 18}]),
        ("ارتفعت الحصيلة حتى 2000 قتيل", [2000]),
        ("يستقبل المخيم حتى 2000 شخص", [{"max": 2000}]),
    ],
)
def test_up_to_after_a_verb_of_change_is_the_figure_reached(
    sentence: str, values: list[object]
) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("استمرت الحرب ثلاث سنوات ونصفا", [3.5]),
        ("دامت المفاوضات 4 أشهر ونصف", [4.5]),
        ("وصل 3 أشخاص ونصف المجموعة", [3]),  # half of the group
        ("the talks lasted two and a half years", [2.5]),
        ("the talks lasted two years and a half", [2.5]),
        ("переговоры длились два с половиной года", [2.5]),
    ],
)
def test_and_a_half_after_a_number_adds_a_half(sentence: str, values: list[object]) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("في ختام القمة الحادية والأربعين", [41]),
        ("افتتحت الدورة الثالثة والعشرون للمجلس", [23]),
        ("at the close of the forty-first summit", [41]),
        ("the twenty-second session opened", [22]),
        ("the second session opened", []),  # a lone ordinal ranks: it is no number
        ("на сорок первом саммите", [41]),
        ("открылась двадцать вторая сессия", [22]),
    ],
)
def test_a_compound_ordinal_is_its_number(sentence: str, values: list[object]) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("تجاوز عدد ضحايا الزلزال الذي هز الإقليم ألفي قتيل", [{"min": 2000}]),
        ("فقد تجاوز عدد الوفيات الموثقة رسميا 4 آلاف", [{"min": 4000}]),
        ("تجاوز عدد الضحايا المعلن، بحسب الوزارة، 300", [300]),  # another clause
        ("the number of confirmed dead exceeded 2,000", [{"min": 2000}]),
        ("exceeded the number of beds, with 300 patients", [300]),  # another clause
        ("число подтверждённых жертв превысило 2000", [{"min": 2000}]),
    ],
)
def test_a_verb_of_exceeding_before_the_count_bounds_its_figure(
    sentence: str, values: list[object]
) -> None:
    assert _numbers(sentence) == values


def _numbers(sentence: str) -> list[object]:
    """The values of the numbers a sentence gives, in the order written."""
    parsed = Sentence.of(sentence)
    found = find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))
    return [f.value for f in found]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("تراوحت الخسائر بين 10 و15 مليار دولار", [{"min": 10**10, "max": 15 * 10**9}]),
        ("قدرت الأضرار من 3 إلى 4 آلاف منزل", [{"min": 3000, "max": 4000}]),
        ("losses of between 10 and 15 billion dollars", [{"min": 10**10, "max": 15 * 10**9}]),
        ("an estimated 3-4 million people fled", [{"min": 3_000_000, "max": 4_000_000}]),
        ("ущерб составил от 910 до 930 млн рублей", [{"min": 910_000_000, "max": 930_000_000}]),
        ("между 2 и 3 тысячами домов", [{"min": 2000, "max": 3000}]),
        ("the 12 regions and 2 million people", [12, 2_000_000]),  # "and" alone opens none
    ],
)
def test_the_scale_word_of_a_ranges_second_bound_is_the_firsts(
    sentence: str, values: list[object]
) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("بلغت الكلفة 3 ملايين و200 ألف دولار", [3_200_000]),
        ("the bill came to 2 million 500 thousand dollars", [2_500_000]),
        ("выплаты составили 69 млн 250 тыс. рублей", [69_250_000]),
        ("2 million 500 people", [2_000_000, 500]),  # a count after a scale word is its own
        # the accusative, not the dual "two million": مليونا counts two only before its noun
        ("بلغ عدد الحجاج مليوناً و833 ألفاً و164 حاجاً", [1_833_164]),
        ("بلغ عدد المقترعين مليونا و622 ألفا و514 ناخبا", [1_622_514]),
        ("رصدت الحكومة مليونا دولار للإغاثة", [2_000_000]),
    ],
)
def test_a_smaller_scale_after_a_scale_adds_to_it(sentence: str, values: list[object]) -> None:
    assert _numbers(sentence) == values


_TURNOUT = {
    "title": "t",
    "language": "en",
    "topics": {
        "t": {
            "properties": {
                "turnout": {
                    "type": "number",
                    "temporal": True,
                    "label": {"en": "turnout", "ar": "نسبة المشاركة", "ru": "явка"},
                }
            }
        }
    },
}


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("Turnout was 52 per cent, the lowest since 2001.", None),
        ("In 2024 turnout was 52 per cent, the lowest since 2001.", "2024"),
        ("بلغت نسبة المشاركة 52 في المئة، وهي الأدنى منذ عام 2001.", None),
        ("بلغت نسبة المشاركة عام 2024 نحو 52 في المئة، وهي الأدنى منذ عام 2001.", "2024"),
        ("Явка составила 52 процента — самая низкая с 2001 года.", None),
        ("В 2024 году явка составила 52 процента, самая низкая с 2001 года.", "2024"),
    ],
)  # fmt: skip
def test_a_figure_compared_since_a_year_did_not_hold_then(
    tmp_path: Path, sentence: str, as_of: str | None
) -> None:
    import json

    (tmp_path / "reconcile.yaml").write_text(json.dumps(_TURNOUT), encoding="utf-8")
    found = suggest_claims(sentence, load_config(tmp_path), published="2024-07-05")
    assert [(s.value, s.as_of) for s in found] == [(52, as_of)]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("people living 20 to 30km from the plant", [{"min": 20, "max": 30}]),
        ("people living between 20km and 30km from the plant", [{"min": 20, "max": 30}]),
        ("the rescue took 22 to 23 hours", [{"min": 22, "max": 23}]),
        ("بين 20 كيلومترا و30 كيلومترا من المحطة", [{"min": 20, "max": 30}]),
        ("от 20 км до 30 км от станции", [{"min": 20, "max": 30}]),
        ("the toll rose 58 to 71", [58, 71]),  # a change, not a range
        ("the vote went 7 to 2", [7, 2]),  # the second is not the greater
        ("between 20 km and 30 miles", [20, 30]),  # two units
    ],
)
def test_a_range_is_read_with_its_unit_after_each_bound_or_with_to_alone(
    sentence: str, values: list[object]
) -> None:
    assert _numbers(sentence) == values


@pytest.mark.parametrize(
    ("sentence", "ordinals"),
    [
        ("the fire began on the fourth floor", [4]),
        ("في كانون الثاني عقدت الجلسة الرابعة", [4]),  # كانون الثاني is a month, not second
        ("в ходе одиннадцатого заседания", [11]),
        ("the first session, on the 4th of May", []),  # first ranks; the 4th is a date's
    ],
)
def test_ordinals_in_words_are_read_outside_numbers_and_dates(
    sentence: str, ordinals: list[int]
) -> None:
    from reconcile.extract import find_ordinals

    parsed = Sentence.of(sentence)
    dates = find_dates(parsed.tokens, LANGUAGES, None)
    taken = [*dates, *find_numbers(parsed, LANGUAGES, dates)]
    assert [o.value for o in find_ordinals(parsed.tokens, LANGUAGES, taken)] == ordinals


def test_an_ordinal_is_a_figure_where_other_sources_give_its_number(tmp_path: Path) -> None:
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    config = {
        "title": "t",
        "topics": {
            "t": {
                "properties": {
                    "floor": {
                        "type": "number",
                        "label": "Floor the fire began on",
                        "keywords": ["floor"],
                    }
                }
            }
        },
    }
    (tmp_path / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    quote = "The fire began on floor 4"
    (tmp_path / "sources" / "a.md").write_text(
        f"---\npublished: 2020\n---\n{quote}.\n", encoding="utf-8"
    )
    claim = {"topic": "t", "property": "floor", "value": 4, "quote": quote}
    (tmp_path / "claims" / "a.yaml").write_text(json.dumps([claim]), encoding="utf-8")
    project = load_project(tmp_path)
    sentence = "Flames spread from a kitchen on the fourth floor of the tower."
    learnt = suggest_claims(sentence, project.config, precedent_of(project, "new"))
    assert [s.value for s in learnt] == [4]
    assert [s.value for s in suggest_claims(sentence, project.config)] == []  # nothing learnt


@pytest.mark.parametrize(
    ("quotes", "sentence", "values"),
    [
        (
            ("He won 52.1 percent", "He won 48.3 percent"),
            "The winner won 620,711 votes, 54.2 percent of those cast.",
            [54.2],
        ),
        (
            ("فاز بنسبة 52.1 في المئة", "فاز بنسبة 48.3 في المئة"),
            "فاز المرشح بـ620711 صوتا، أي 54.2 في المئة من الأصوات.",
            [54.2],
        ),
        (
            ("набрал 52,1 процента", "набрал 48,3 процента"),
            "Победитель набрал 620 711 голосов, или 54,2 процента.",
            [54.2],
        ),
        # with no figure in the others' scale, the nearest stays
        (("He won 52.1 percent", "He won 48.3 percent"), "The winner won 620,711 votes.", [620711]),
    ],
)
def test_a_figure_a_hundred_times_off_the_other_sources_is_another_propertys(
    tmp_path: Path, quotes: tuple[str, str], sentence: str, values: list[object]
) -> None:
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    config = {
        "title": "t",
        "topics": {
            "t": {
                "properties": {
                    "share": {
                        "type": "number",
                        "label": "Share of the winner",
                        "keywords": ["won", "فاز", "набрал"],
                    }
                }
            }
        },
    }
    (tmp_path / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    for name, quote, value in zip("ab", quotes, (52.1, 48.3), strict=True):
        (tmp_path / "sources" / f"{name}.md").write_text(
            f"---\npublished: 2020\n---\n{quote}.\n", encoding="utf-8"
        )
        claim = {"topic": "t", "property": "share", "value": value, "quote": quote}
        (tmp_path / "claims" / f"{name}.yaml").write_text(json.dumps([claim]), encoding="utf-8")
    project = load_project(tmp_path)
    learnt = suggest_claims(sentence, project.config, precedent_of(project, "new"))
    assert [s.value for s in learnt][:1] == values


@pytest.mark.parametrize(
    ("quotes", "sentence", "subject", "value"),
    [
        (
            ("Ann Lee, 35", "Bob Ray, 26"),
            "Relatives have named two of the missing men: Cal Poe, 49, a father of three from "
            "El Salvador who had lived in the state for some 19 years.",
            "poe",
            49,
        ),
        (
            ("آن لي، 35", "بوب راي، 26"),
            "وذكر أقارب المفقودين اسم أحد العمال، كال بو، 49، وهو أب لثلاثة أطفال جاء من "
            "السلفادور قبل نحو 19 عاما وكان يعمل في النوبة الليلية على الجسر.",
            "poe",
            49,
        ),
        (
            ("Анн Ли, 35", "Боб Рей, 26"),
            "Родственники назвали одного из пропавших рабочих: Кэл По, 49, отец троих детей, "
            "который приехал из Сальвадора около 19 лет назад и работал в ночную смену.",
            "poe",
            49,
        ),
    ],
)
def test_a_short_quote_held_whole_in_a_long_sentence_is_like_it(
    tmp_path: Path, quotes: tuple[str, str], sentence: str, subject: str, value: int
) -> None:
    import json

    from reconcile.load import load_project
    from reconcile.precedent import precedent_of

    names = {
        "lee": ["Ann Lee", "آن لي", "Анн Ли"],
        "ray": ["Bob Ray", "بوب راي", "Боб Рей"],
        "poe": ["Cal Poe", "كال بو", "Кэл По"],
    }
    config = {
        "title": "t",
        "entities": {
            "person": {
                key: {"label": written[0], "aliases": written[1:]} for key, written in names.items()
            }
        },
        "topics": {
            "t": {
                "properties": {
                    "age": {"type": "number", "subject": "person", "label": "Age of the worker"},
                    "missing": {"type": "number", "label": "Workers missing"},
                }
            }
        },
    }
    (tmp_path / "reconcile.yaml").write_text(json.dumps(config), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    for name, quote, person, age in zip("ab", quotes, ("lee", "ray"), (35, 26), strict=True):
        (tmp_path / "sources" / f"{name}.md").write_text(
            f"---\npublished: 2024\n---\n{quote}.\n", encoding="utf-8"
        )
        claim = {"topic": "t", "property": "age", "subject": person, "value": age, "quote": quote}
        (tmp_path / "claims" / f"{name}.yaml").write_text(json.dumps([claim]), encoding="utf-8")
    project = load_project(tmp_path)
    learnt = suggest_claims(sentence, project.config, precedent_of(project, "new"))
    assert (subject, value) in [(s.subject, s.value) for s in learnt if s.property.id == "age"]


@pytest.mark.parametrize(
    ("sentence", "known", "written"),
    [
        ("ويواجه تهم تبييض الأموال والتهرب الضريبي، بحسب المحكمة.",
         "غسل الأموال والتهرب الضريبي", "تبييض الأموال والتهرب الضريبي"),
        ("The cause was a loosened wire-label band.", "a loose wire-label band",
         "loosened wire-label band"),
        ("Ему вменяют разрушение шпилек крепления крышки турбины второго агрегата.",
         "разрушение шпилек крепления крышки турбины гидроагрегата № 2",
         "разрушение шпилек крепления крышки турбины второго агрегата"),
    ],
)  # fmt: skip
def test_a_text_near_another_sources_is_the_articles_words_without_a_clause_mark(
    sentence: str, known: str, written: str
) -> None:
    assert [found.value for found in find_text(sentence, [known])] == [written]


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("the rebuilding should end in the autumn of 2028", ["2028-23"]),
        ("died in summer 2019, weeks before the vote", ["2019-22"]),
        ("تنتهي إعادة البناء في خريف عام 2028", ["2028-23"]),
        ("توفي في صيف 2019", ["2019-22"]),
        ("восстановление завершат осенью 2028 года", ["2028-23"]),
        ("летом 2019 года", ["2019-22"]),
        ("станцию восстановят к декабрю 2014 года", ["2014-12"]),  # the dative
        ("the spring offensive began in 2019", ["2019"]),  # no year after the season
        # a decade, with its century when it is written in words
        ("the dams were built in the 1970s", ["197X"]),
        ("بني السدان في سبعينيات القرن الماضي", ["197X"]),
        ("плотины построены в 1970-е годы", ["197X"]),
        ("in his twenties", []),
        # a part of a decade is its third
        ("the first boats arrive from the early 2030s", ["2030/2033"]),
        ("Britain expects its first in the late 2030s", ["2037/2039"]),
        ("بني السدان في أواخر سبعينيات القرن الماضي", ["1977/1979"]),
        ("плотины построены в конце 1970-х годов", ["1977/1979"]),
        ("первые лодки придут в начале 2030-х", ["2030/2033"]),
    ],
)
def test_a_season_or_a_month_in_another_case_and_its_year(sentence: str, dates: list[str]) -> None:
    found = find_dates(Sentence.of(sentence).tokens, LANGUAGES, None)
    assert [d.value for d in found] == dates


@pytest.mark.parametrize(
    ("sentence", "known", "written"),
    [
        # the same words in another case are the other source's text
        ("Он стрелял из гладкоствольного ружья марки Huglu.", "гладкоствольное ружье",
         "гладкоствольное ружье"),
        ("وأدين بتهمة غسل الأموال في العام نفسه", "تهمة غسل الأموال", "تهمة غسل الأموال"),
        ("He was charged with money laundering.", "money laundering", "money laundering"),
        # another word is another text: the article's own words
        ("Он стрелял из охотничьего ружья.", "гладкоствольное ружье", None),
    ],
)  # fmt: skip
def test_a_text_in_other_forms_of_another_sources_words_is_that_text(
    sentence: str, known: str, written: str | None
) -> None:
    found = find_text(sentence, [known])
    assert (found[0].value if found else None) == written


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("Им вменяется часть 3 статьи 238 УК РФ — оказание услуг", ["ч. 3 ст. 238 УК РФ"]),
        ("дело возбуждено по статье 143 УК РФ", ["ст. 143 УК РФ"]),
        ("обвинение по пункту «б» части 3 статьи 205 УК", ["п. «б» ч. 3 ст. 205 УК РФ"]),
        ("по пунктам «а», «е», «и» части 2 статьи 105 УК РФ",
         ["п. «а», «е», «и» ч. 2 ст. 105 УК РФ"]),
        ("по ч. 1 ст. 216 УК РФ и ч. 1 ст. 293 УК РФ",
         ["ч. 1 ст. 216 УК РФ", "ч. 1 ст. 293 УК РФ"]),
        ("на 5 статьи в газетах", []),
    ],
)  # fmt: skip
def test_articles_of_a_russian_code_are_written_as_codes_cite_them(
    sentence: str, cited: list[str]
) -> None:
    assert [found.value for found in find_text(sentence, ["ч. 2 ст. 109 УК РФ"])] == cited


@pytest.mark.parametrize(
    ("sentence", "label", "values"),
    [
        ("The ship lost contact about one hour and 45 minutes into the dive",
         "Minutes to the loss of contact", [105]),
        ("lost contact less than two hours later", "Minutes to the loss of contact",
         [{"max": 120}]),
        ("rescued after 22 hours and 37 minutes", "Hours the rescue took", [22.62]),
        ("انقطع الاتصال بعد ساعة و45 دقيقة", "Minutes to the loss of contact", [105]),
        ("انقطع الاتصال بعد ساعتين", "Minutes to the loss of contact", [120]),
        ("он получил полгода исправительных работ", "Sentence (months)", [6]),
        ("выжить можно было от двух до трёх суток", "Hours of survival",
         [{"min": 48, "max": 72}]),
        ("от одного года до полутора лет исправительных работ", "Sentence (months)",
         [{"min": 12, "max": 18}]),
        ("after 45 minutes", "Minutes to the loss of contact", [45]),  # its own unit
        ("trapped for two months", "Days trapped", [2]),  # no exact conversion: as written
        # mass and length, metric units among themselves
        ("Станция массой около 1,8 тонны", "Масса станции, кг", [1800]),
        ("رفع صهريجا تزن حمولته 28 طناً و900 كيلوغرام", "Chlorine load (tonnes)", [28.9]),
        ("residents within 500 metres were moved", "Evacuation radius (km)", [0.5]),
        ("a 20-mile zone", "Evacuation radius (km)", [20]),  # no exact conversion
    ],
)  # fmt: skip
def test_a_length_of_time_is_counted_in_the_propertys_unit(
    sentence: str, label: str, values: list[object]
) -> None:
    from reconcile.units import property_unit
    from reconcile.values.number import in_property_unit

    unit = property_unit((label,))
    assert unit is not None
    parsed = Sentence.of(sentence)
    numbers = find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))
    assert [o.value for o in in_property_unit(numbers, parsed.tokens, unit)] == values
