"""SPEC §4, "The quote carries the value": dates, numbers and entities as quotes write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from reconcile.entities import CLEAR_MARGIN
from reconcile.mentions import (
    Mention,
    mentions_date,
    mentions_number,
    mentions_part_of_decade,
    mentions_part_of_month,
)
from reconcile.name_mentions import NAME_THRESHOLD, NameIndex, mentions_entity
from reconcile.normalise import normalise
from reconcile.numerals import digit_readings, read_numbers
from reconcile.units import property_unit
from reconcile.wordforms import tokens

# (quote, year, month, day, languages)
DATES_MENTIONED = [
    ("signed on 15 May 1992", 1992, 5, 15, ["en"]),
    ("signed in 1992", 1992, 5, 15, ["en"]),  # the year alone mentions a full date
    ("signed on 15 May", 1992, 5, 15, ["en"]),  # so do its day and month
    ("signed on June 28", 1993, 6, 28, ["en"]),
    ("on May 15th", 1992, 5, 15, ["en"]),
    ("on the 6th of February", 1993, 2, 6, ["en"]),
    ("on the sixth of February", 1993, 2, 6, ["en"]),
    ("on 6 Feb", 1993, 2, 6, ["en"]),
    ("15/5/1992", 1992, 5, 15, ["en"]),
    ("15.5.1992", 1992, 5, 15, ["de"]),
    ("on 15/5", 1992, 5, 15, ["en"]),
    ("on 5/15", 1992, 5, 15, ["en"]),
    ("1992-05-15", 1992, 5, 15, ["en"]),
    ("١٥ أيار ١٩٩٢", 1992, 5, 15, ["ar"]),
    ("في ١٥ أيار", 1992, 5, 15, ["ar"]),
    ("في 15 مايو", 1992, 5, 15, ["ar"]),
    ("في السادس من شباط", 1993, 2, 6, ["ar"]),
    ("يوم الأربعاء 5 آب، قرر مجلس الوزراء", 2020, 8, 5, ["ar"]),  # a name of two letters
    ("في الرابع من آب/أغسطس", 2020, 8, 4, ["ar"]),
    ("في الخامس عشر من أيار", 1993, 5, 15, ["ar"]),
    ("الحادي والعشرين من تشرين الأول", 1993, 10, 21, ["ar"]),
    ("في الأول من كانون الثاني", 1993, 1, 1, ["ar"]),
    ("الـ7 من أكتوبر", 2002, 10, 7, ["ar"]),
    ("في عام ١٩٩٢", 1992, None, None, ["ar"]),
    ("عام1992", 1992, None, None, ["ar"]),
    ("15 мая 1992 года", 1992, 5, 15, ["ru"]),
    ("в 1992 г.", 1992, 5, 15, ["ru"]),
    ("15 мая", 1992, 5, 15, ["ru"]),
    ("шестого февраля", 1993, 2, 6, ["ru"]),
    ("на 7 окт.", 2002, 10, 7, ["ru"]),
    ("am 15. Mai", 1992, 5, 15, ["de"]),
    ("le 1er mai", 1992, 5, 1, ["fr"]),
    ("le 15 février", 1992, 2, 15, ["fr"]),
    ("15 de mayo", 1992, 5, 15, ["es"]),
    ("15 Mayıs 1992", 1992, 5, 15, ["tr"]),
    ("15 Mayıs", 1992, 5, 15, ["tr"]),
    ("6 شباط", 1993, 2, 6, ["ar", "en"]),  # any language of the sources
    # a day of "the same month", after the month's name
    ("في 21 مارس وظلت تسد المجرى حتى 29 من الشهر نفسه", 2021, 3, 29, ["ar"]),
    ("aground on 23 March, it stayed until the 29th of the same month", 2021, 3, 29, ["en"]),
    ("село на мель 23 марта и простояло до 29-го того же месяца", 2021, 3, 29, ["ru"]),
]

# (quote, year, month, day, languages, missing)
DATES_NOT_MENTIONED = [
    ("signed in 1993", 1992, 5, 15, ["en"], ("1992", "15 May")),
    ("signed on 16 May", 1992, 5, 15, ["en"], ("1992", "15 May")),
    ("signed on 15 June", 1992, 5, 15, ["en"], ("1992", "15 May")),
    ("signed in May", 1992, 5, None, ["en"], ("1992",)),  # a month alone is not a date's mention
    ("1,992 soldiers", 1992, None, None, ["en"], ("1992",)),
    ("19920 soldiers", 1992, None, None, ["en"], ("1992",)),
    ("عام ١٩٩٣", 1992, None, None, ["ar"], ("1992",)),
    ("في السابع من شباط", 1993, 2, 6, ["ar"], ("1993", "6 February")),
    ("в 1993 году", 1992, 5, 15, ["ru"], ("1992", "15 May")),
    ("15 июня", 1992, 5, 15, ["ru"], ("1992", "15 May")),
    ("15/6/1993", 1992, 5, 15, ["en"], ("1992", "15 May")),
    ("في 21 مارس وظلت حتى 29 من الشهر نفسه", 2021, 4, 29, ["ar"], ("2021", "29 April")),
    ("until the 29th of the same month", 2021, 3, 29, ["en"], ("2021", "29 March")),  # none
]


@pytest.mark.parametrize(("quote", "year", "month", "day", "languages"), DATES_MENTIONED)
def test_a_date_is_mentioned(
    quote: str, year: int, month: int | None, day: int | None, languages: list[str]
) -> None:
    assert mentions_date(quote, year, month, day, languages)


@pytest.mark.parametrize(
    ("quote", "year", "month", "day", "languages", "missing"), DATES_NOT_MENTIONED
)
def test_a_date_is_not_mentioned(
    quote: str,
    year: int,
    month: int | None,
    day: int | None,
    languages: list[str],
    missing: tuple[str, ...],
) -> None:
    mention = mentions_date(quote, year, month, day, languages)
    assert not mention
    assert mention.missing == missing


def test_the_message_says_what_is_missing() -> None:
    assert mentions_date("signed in 1992", 1993, None, None, ["en"]).message == (
        "the quote does not mention 1993"
    )
    assert mentions_date("x", 1993, 12, 31, ["en"]).message == (
        "the quote does not mention 1993 or 31 December"
    )
    assert Mention().message == ""


# (quote, value, languages)
NUMBERS_MENTIONED = [
    ("4000 soldiers", 4000, ["en"]),
    ("a $1m grant for sirens", 1_000_000, ["en"]),  # a scale letter on a sum of money
    ("a fee of (£40k)", 40_000, ["en"]),
    ("aid passed €16.6 billion", 16_600_000_000, ["en"]),
    ("ущерб в 2,3 млрд ₽", 2_300_000_000, ["ru"]),
    ("проверки на трёх десятках шахт", 30, ["ru"]),  # ten as a noun
    ("около двух десятков домов", 20, ["ru"]),
    ("4,000 soldiers", 4000, ["en"]),
    ("4.000 Soldaten", 4000, ["de"]),
    ("4 000 солдат", 4000, ["ru"]),
    ("4\u202f000 soldats", 4000, ["fr"]),  # narrow no-break space
    ("4\u00a0000 soldats", 4000, ["fr"]),
    ("٤٠٠٠ جندي", 4000, ["ar"]),
    ("٤٬٠٠٠ جندي", 4000, ["ar"]),
    ("17,9 بالمئة", 17.9, ["ar"]),  # the Arabic decimal comma
    ("١٧٫٩ بالمئة", 17.9, ["ar"]),
    ("17.9 percent", 17.9, ["en"]),
    ("12.400 جندي", 12400, ["ar"]),
    ("12,400 troops", 12400, ["en"]),
    ("1.234,5 km", 1234.5, ["de"]),
    ("13,500,000 people", 13_500_000, ["en"]),
    ("13 500 000 человек", 13_500_000, ["ru"]),
    ("13.5 million people", 13_500_000, ["en"]),
    ("50 ألف جندي", 50_000, ["ar"]),
    ("2 тысячи солдат", 2000, ["ru"]),
    ("5 тыс. человек", 5000, ["ru"]),
    ("4,5 млн человек", 4_500_000, ["ru"]),
    ("2 milliards", 2e9, ["fr"]),
    ("six states", 6, ["en"]),
    ("twenty-one states", 21, ["en"]),
    ("two thousand five hundred", 2500, ["en"]),
    ("ستة جنود", 6, ["ar"]),
    ("ست دول", 6, ["ar"]),
    ("الدول الست", 6, ["ar"]),
    ("وستة آلاف جندي", 6000, ["ar"]),
    ("أرسلت اليونان وست سفن", 6, ["ar"]),  # ست after "and"
    ("فست دول فقط", 6, ["ar"]),
    ("200 или 400 тысяч человек", 200_000, ["ru"]),  # "or" shares the scale word
    ("two or three million people", 2_000_000, ["en"]),
    ("نحو 10 أو 15 ألف شخص", 10_000, ["ar"]),
    ("ارتفع عدد القتلى إلى مائة وواحداً وستين", 161, ["ar"]),  # units before tens, accusative
    ("مائة وثلاثة وستين مصاباً", 163, ["ar"]),
    ("ثلاثاً وعشرين مرة", 23, ["ar"]),
    ("после 50-миллиардной сделки", 50e9, ["ru"]),  # the scale as an adjective
    ("1,5-миллионный город", 1.5e6, ["ru"]),
    ("عشرون ألفاً", 20_000, ["ar"]),
    ("ألفا جندي", 2000, ["ar"]),
    ("واحد وعشرون", 21, ["ar"]),
    ("ثلاثة عشر مليوناً", 13_000_000, ["ar"]),
    ("أعطيت الحكومة مهلة شهرين", 2, ["ar"]),  # the dual of a unit of time counts two
    ("خلال الساعتين الأوليين", 2, ["ar"]),
    ("بعد أسبوعين من الاتفاق", 2, ["ar"]),
    ("زارها الوزير مرتين", 2, ["ar"]),
    ("a deadline of two months", 2, ["en"]),
    ("в течение двух месяцев", 2, ["ru"]),
    ("шесть стран", 6, ["ru"]),
    ("из шести стран", 6, ["ru"]),
    ("две тысячи", 2000, ["ru"]),
    ("двадцати одного", 21, ["ru"]),
    ("sechs Staaten", 6, ["de"]),
    ("einundzwanzig", 21, ["de"]),
    ("six États", 6, ["fr"]),
    ("quatre-vingt-dix", 90, ["fr"]),
    ("seis estados", 6, ["es"]),
    ("altı ülke", 6, ["tr"]),
    ("yirmi bir", 21, ["tr"]),
]

# (quote, value, languages)
NUMBERS_NOT_MENTIONED = [
    ("a 10m wall", 10_000_000, ["en"]),
    ("десятки домов", 10, ["ru"]),  # "tens of" counts no figure
    ("тела находили десятками", 10, ["ru"]),  # metres: "m" is a million only on a sum of money
    ("a $1m grant for sirens", 1, ["en"]),  # as "1 million" is a million, not 1
    ("one hundred and five twenty", 125, ["en"]),  # a unit before a ten after a hundred: Arabic
    ("مائة وخمسة ستين", 165, ["ar"]),  # and only where و joins the ten
    ("после 50-миллиардной сделки", 50, ["ru"]),
    ("4500 soldiers", 4000, ["en"]),
    ("40 soldiers", 4000, ["en"]),
    ("seven states", 6, ["en"]),
    ("سبع دول", 6, ["ar"]),
    ("لست أدري", 6, ["ar"]),  # "I do not know": ل + ست is not a number
    ("ولست أدري", 6, ["ar"]),  # nor و + ل + ست
    ("200 или 400 тысяч человек", 400, ["ru"]),
    ("العلاقات بين البلدين", 2, ["ar"]),  # the dual of any other noun is no count
    ("أعطيت الحكومة مهلة شهرين", 60, ["ar"]),  # nor is a unit converted
    ("семь стран", 6, ["ru"]),
    ("13.5 million", 13.5, ["en"]),
    ("six states", 6, ["ru"]),  # English words do not count in a Russian source
    ("1992, 300 soldiers", 1_992_300, ["en"]),
    ("sieben Staaten", 6, ["de"]),
]


#: Numbers written as words of other kinds: ordinals of twenty and above, Russian collective
#: numerals, oblique cases, compound adjectives of measure, a scale word as a noun of its own.
OTHER_NUMBER_WORDS = [
    ("A dozen members of the last cabinet lost their seats", 12, ["en"]),
    ("погибли дюжина шахтёров", 12, ["ru"]),
    ("the board heard from two dozen witnesses", 24, ["en"]),
    ("half a dozen boats joined the search", 6, ["en"]),
    ("изъяли две дюжины патронов", 24, ["ru"]),
    ("admitted as the thirtieth member in March 2020", 30, ["en"]),
    ("became the thirty-first member", 31, ["en"]),
    ("the alliance's twentieth anniversary", 20, ["en"]),
    ("انضمت بصفتها العضو الثلاثين في الحلف", 30, ["ar"]),
    ("انضمت بصفتها العضو الحادي والثلاثين", 31, ["ar"]),
    ("стала тридцать первым членом альянса", 31, ["ru"]),
    ("стала тридцатым членом альянса", 30, ["ru"]),
    ("Шестерых горноспасателей представили к ордену", 6, ["ru"]),
    ("суд арестовал всех пятерых фигурантов дела", 5, ["ru"]),
    ("трое погибших были горноспасателями", 3, ["ru"]),
    ("унёсшей жизни пятидесяти одного человека", 51, ["ru"]),
    ("в Кузбассе объявлен трёхдневный траур", 3, ["ru"]),
    ("ему грозит пятилетний срок", 5, ["ru"]),
    ("по 2 млн рублей и ещё по миллиону на каждого иждивенца", 1_000_000, ["ru"]),
    ("эвакуировали около сотни жителей", 100, ["ru"]),
    ("две сотни семей остались без крова", 200, ["ru"]),
    ("وأكثر من ستة آلاف وخمسمئة جريح", 6500, ["ar"]),  # مئة as well as مائة
    ("نحو ثلاثمئة ألف من السكان", 300_000, ["ar"]),
]
#: ... and what they do not make a number of.
NOT_NUMBER_WORDS = [
    ("dozens of ministers lost their seats", 12, ["en"]),  # dozens is no number
    ("half of the voters stayed at home", 0.5, ["en"]),  # half of a count is no figure
    ("на семинаре выступили спасатели", 7, ["ru"]),  # семи… only before a measure
]


#: An ordinal up to 31 mentions its number to `check` (suggestions read none from it: an
#: ordinal ranks more often than it counts).
ORDINALS_MENTION_THEIR_NUMBER = [
    ("in a flat on the fourth floor", 4, ["en"]),
    ("the fire began in a fourth-floor flat", 4, ["en"]),
    ("for the first time since 1949", 1, ["en"]),
    ("the tenth summit", 10, ["en"]),
    ("لكن الجلسة الثانية عشرة انتهت من دون رئيس", 12, ["ar"]),
    ("منذ الجلسة الحادية عشرة في كانون الثاني", 11, ["ar"]),
    ("في الدورة الأولى", 1, ["ar"]),
    ("في الطابق الرابع", 4, ["ar"]),
    ("пожар начался на четвёртом этаже", 4, ["ru"]),
    ("третья попытка оказалась удачной", 3, ["ru"]),
    ("в ходе двенадцатого заседания", 12, ["ru"]),
]
HALVES_ARE_NOT_WHOLE = [
    ("получил пять с половиной лет", 5, ["ru"]),
    ("sentenced to two and a half years", 2, ["en"]),
    ("حكم عليه بالسجن ثلاث سنوات ونصفا", 3, ["ar"]),
]


@pytest.mark.parametrize(("quote", "value", "languages"), HALVES_ARE_NOT_WHOLE)
def test_a_number_and_a_half_is_not_the_number(quote, value, languages) -> None:
    assert not mentions_number(quote, value, value, languages)


ORDINALS_NOT_THEIR_NEIGHBOURS = [
    ("in a flat on the fourth floor", 5, ["en"]),
    ("لكن الجلسة الثانية عشرة انتهت", 2, ["ar"]),  # the twelfth, not the second
    ("لكن الجلسة الثانية عشرة انتهت", 11, ["ar"]),
    ("на четвёртом этаже", 3, ["ru"]),
]


@pytest.mark.parametrize(("quote", "value", "languages"), ORDINALS_MENTION_THEIR_NUMBER)
def test_an_ordinal_mentions_its_number(quote: str, value: float, languages: list[str]) -> None:
    assert mentions_number(quote, value, value, languages)


@pytest.mark.parametrize(("quote", "value", "languages"), ORDINALS_NOT_THEIR_NEIGHBOURS)
def test_an_ordinal_mentions_no_other_number(quote, value, languages) -> None:
    assert not mentions_number(quote, value, value, languages)


@pytest.mark.parametrize(("quote", "value", "languages"), OTHER_NUMBER_WORDS)
def test_other_number_words_are_read(quote: str, value: float, languages: list[str]) -> None:
    assert mentions_number(quote, value, value, languages)


@pytest.mark.parametrize(("quote", "value", "languages"), NOT_NUMBER_WORDS)
def test_words_that_only_look_like_numbers(quote: str, value: float, languages: list[str]) -> None:
    assert not mentions_number(quote, value, value, languages)


@pytest.mark.parametrize(("quote", "value", "languages"), NUMBERS_MENTIONED)
def test_a_number_is_mentioned(quote: str, value: float, languages: list[str]) -> None:
    assert mentions_number(quote, value, value, languages)


@pytest.mark.parametrize(("quote", "value", "languages"), NUMBERS_NOT_MENTIONED)
def test_a_number_is_not_mentioned(quote: str, value: float, languages: list[str]) -> None:
    mention = mentions_number(quote, value, value, languages)
    assert not mention
    assert mention.missing == (str(int(value)) if float(value).is_integer() else str(value),)


@pytest.mark.parametrize(
    ("quote", "low", "high", "languages"),
    [
        ("losses of 10 to 15 million dollars", 10_000_000, 15_000_000, ["en"]),
        ("an estimated 3-4 million people", 3_000_000, 4_000_000, ["en"]),
        ("بين ثلاثة وأربعة آلاف جندي", 3000, 4000, ["ar"]),
        ("بين 10 و15 مليار دولار", 10**10, 15 * 10**9, ["ar"]),
        ("ущерб от 910 до 930 млн рублей", 910_000_000, 930_000_000, ["ru"]),
        ("выплаты составили 69 млн 250 тыс. рублей", 69_250_000, 69_250_000, ["ru"]),
        ("a bill of 2 million 500 thousand", 2_500_000, 2_500_000, ["en"]),
    ],
)
def test_a_scale_word_is_shared_by_a_ranges_bounds_and_adds_a_smaller_one(
    quote: str, low: float, high: float, languages: list[str]
) -> None:
    assert mentions_number(quote, low, high, languages)


def test_a_range_needs_both_its_bounds() -> None:
    assert mentions_number("between 3,000 and 4,000 troops", 3000, 4000, ["en"])
    assert mentions_number("بين ثلاثة وأربعة آلاف", 3, 4000, ["ar"])
    up_to = mentions_number("up to 4,000 troops", 3000, 4000, ["en"])
    assert up_to.missing == ("3000",)
    assert mentions_number("more than 4,000 troops", 4000, None, ["en"])
    assert mentions_number("up to 4,000 troops", None, 4000, ["en"])
    assert mentions_number("anything", None, None, ["en"])


def test_digit_readings() -> None:
    assert digit_readings("4,000") == {4000.0, 4.0}
    assert digit_readings("17,9") == {17.9}
    assert digit_readings("1,234.5") == {1234.5}
    assert digit_readings("13,500,000") == {13_500_000.0}


def test_punctuation_ends_a_number() -> None:
    values = [m.values for m in read_numbers("2 тысячи, шесть", ["ru"])]
    assert values == [{2000.0}, {6.0}]


NAMES = {
    **{f"unit {n}": f"unit-{n}" for n in range(1, 5)},
    **{f"reactor {n}": f"unit-{n}" for n in range(1, 5)},
    **{f"энергоблок {n}": f"unit-{n}" for n in range(1, 5)},
    "روسيا": "russia",
    "russia": "russia",
    "россия": "russia",
    "بيلاروسيا": "belarus",
    "belarus": "belarus",
    "беларусь": "belarus",
    "сша": "usa",
    "usa": "usa",
    "الصين": "china",
    "kazakhstan": "kazakhstan",
    "كازاخستان": "kazakhstan",
    "austria": "austria",
    "australia": "australia",
    "kuala lumpur": "kuala-lumpur",
    "bangkok": "bangkok",
    "южная корея": "south-korea",
    "курганская область": "kurgan",
    "тюменская область": "tyumen",
    "kurgan region": "kurgan",
    "democratic party": "democrats",
}

# (quote, entity)
ENTITIES_MENTIONED = [
    ("signed by Russia", "russia"),
    ("روسيا، أرمينيا، وبيلاروسيا", "belarus"),  # a leading و
    ("بروسيا ولروسيا", "russia"),
    ("للصين", "china"),  # ل before the article
    ("с Россией", "russia"),  # Russian case endings
    ("в России", "russia"),
    ("поддержали Россию", "russia"),
    ("в Беларуси", "belarus"),
    ("из США", "usa"),
    ("в Южной Корее", "south-korea"),
    ("signed by Kazakstan", "kazakhstan"),  # a close spelling
    ("كازخستان", "kazakhstan"),
    ("the summit in Kuala Lumpur", "kuala-lumpur"),
    ("the summit in Kuala-Lumpur", "kuala-lumpur"),
    # a list whose items share their last word, written once after the last of them
    ("в Оренбургской, Курганской и Тюменской областях", "kurgan"),
    ("в Курганской и Тюменской областях", "kurgan"),
    ("в Курганской и Тюменской областях", "tyumen"),
    ("floods in the Orenburg, Kurgan and Tyumen regions", "kurgan"),
    ("the Democratic and Republican parties", "democrats"),
    # a list of numbers whose items share the words before them, written once in the plural
    ("fuel melted in Units 1, 2 and 3", "unit-2"),
    ("fuel in reactors 1, 2 and 3 melted", "unit-3"),
    ("blasts at Units 3 and 4 followed", "unit-3"),
    ("энергоблоки 2, 3 и 4 разрушены", "unit-3"),
    ("на энергоблоках 3 и 4", "unit-4"),
]

# (quote, entity)
ENTITIES_NOT_MENTIONED = [
    ("signed by Belarus", "russia"),
    ("the summit in Bangkok", "kuala-lumpur"),
    ("signed by Australia", "austria"),  # close, but the name of another entity
    ("россиянин", "russia"),
    ("from the USSR", "usa"),
    ("в Курганской", "kurgan"),  # the shared word must follow the list
    ("Kurgan and Tyumen", "kurgan"),
    ("Kurgan, and the 4 regions", "kurgan"),  # an item is words, not figures
    ("Units 1, 2 and 4", "unit-3"),
    ("in 3 units", "unit-3"),  # the number must follow the words
    ("Units 1 and 2, 3 kilometres away", "unit-3"),
]


@pytest.mark.parametrize(("quote", "entity"), ENTITIES_MENTIONED)
def test_an_entity_is_mentioned(quote: str, entity: str) -> None:
    assert mentions_entity(quote, entity, NAMES)


@pytest.mark.parametrize(("quote", "entity"), ENTITIES_NOT_MENTIONED)
def test_an_entity_is_not_mentioned(quote: str, entity: str) -> None:
    mention = mentions_entity(quote, entity, NameIndex(NAMES), label=entity.title())
    assert not mention
    assert mention.message == f"the quote does not mention {entity.title()}"


def test_the_name_index_finds_forms_of_names() -> None:
    index = NameIndex(NAMES)
    assert index.occurrences("وقعت روسيا وبيلاروسيا") == (("russia", 1, 2), ("belarus", 2, 3))
    folded = normalise("с Россией и Беларусью")
    assert [hit[0] for hit in index.occurrences(folded)] == ["russia", "belarus"]
    assert index["россия"] == "russia"
    assert len(index) == len(NAMES)


@given(st.integers(min_value=0, max_value=10**12))
def test_a_number_mentions_itself_in_digits(number: int) -> None:
    for written in (str(number), f"{number:,}", f"{number:,}".replace(",", ".")):
        assert mentions_number(f"about {written} people", number, number, ["en"])


@given(st.integers(min_value=1000, max_value=2100))
def test_a_year_mentions_itself(year: int) -> None:
    assert mentions_date(f"in {year}, they met", year, 1, 1, ["en"])
    assert not mentions_date(f"in {year + 1}, they met", year, None, None, ["en"])


def test_tokens_keep_numbers_whole() -> None:
    assert [t.text for t in tokens("4,000, and 17,9 x-y")] == ["4,000", "and", "17,9", "x", "y"]


# Rules found by the mutation benchmark (scripts/bench_quotes.py) ------------------------------


@pytest.mark.parametrize(
    ("quote", "year", "languages"),
    [
        ("signed in 1992; the following year Belarus joined", 1993, ["en"]),
        ("in 1992 … a year later", 1993, ["en"]),
        ("in 1994 … five years later", 1999, ["en"]),
        ("في 15 مايو عام 1992 … في العام التالي على المعاهدة", 1993, ["ar"]),
        ("في عام 1994 … بعد خمس سنوات على تجديد المعاهدة", 1999, ["ar"]),
        ("في عام 2000 وبعد عامين", 2002, ["ar"]),
        ("в 1992 году, а в следующем году", 1993, ["ru"]),
        ("в 2010 году … через два года", 2012, ["ru"]),
    ],
)
def test_a_year_counted_on_from_a_year_the_quote_names(quote, year, languages) -> None:
    assert mentions_date(quote, year, None, None, languages)


@pytest.mark.parametrize(
    ("quote", "year"),
    [
        ("the following year", 1993),  # no year to count from
        ("in 1992, for another five years", 1997),  # a duration, not a later year
        ("in 1992; the following year", 1994),
    ],
)
def test_a_year_not_counted_on(quote, year) -> None:
    assert not mentions_date(quote, year, None, None, ["en"])


@pytest.mark.parametrize(
    ("quote", "languages"),
    [
        ("on 10-11 September", ["en"]),
        ("from 10 to 11 September", ["en"]),
        ("ففي ليلة 10 إلى 11 سبتمبر انهار السدان", ["ar"]),
        ("في ليلة العاشر على الحادي عشر من أيلول", ["ar"]),
        ("в ночь с 10 на 11 сентября", ["ru"]),
        ("all were brought out between September 10 and 11", ["en"]),
        ("the count ran September 10-11", ["en"]),
        ("from September 10th to 11th", ["en"]),
        ("дамбу прорвало в ночь на 11 сентября", ["ru"]),  # the night to the 11th
    ],
)
def test_both_days_of_a_range_in_one_month(quote, languages) -> None:
    assert mentions_date(quote, 2023, 9, 10, languages)
    assert mentions_date(quote, 2023, 9, 11, languages)
    assert not mentions_date(quote, 2023, 9, 9, languages)


@pytest.mark.parametrize(
    ("quote", "languages"),
    [
        ("voting abroad on 1, 2 and 3 December", ["en"]),
        ("يصوت المصريون في الخارج أيام 1 و2 و3 ديسمبر", ["ar"]),
        ("голосование 1, 2 и 3 декабря", ["ru"]),
        ("voting abroad on December 1, 2 and 3", ["en"]),
    ],
)
def test_every_day_of_a_list_in_one_month(quote, languages) -> None:
    for day in (1, 2, 3):
        assert mentions_date(quote, 2023, 12, day, languages)
    assert not mentions_date(quote, 2023, 12, 4, languages)
    assert not mentions_date(quote, 2023, 11, 1, languages)


@pytest.mark.parametrize(
    ("quote", "published", "date", "languages"),
    [
        ("they threw mud on Sunday", "2024-11-03", (2024, 11, 3), ["en"]),
        ("رشقوه بالطين يوم الأحد", "2024-11-05", (2024, 11, 3), ["ar"]),
        ("в воскресенье в них бросали грязь", "2024-11-06", (2024, 11, 3), ["ru"]),
        ("the count ended yesterday", "2024-11-03", (2024, 11, 2), ["en"]),
        ("انتهى الفرز أمس", "2024-11-03", (2024, 11, 2), ["ar"]),
        ("подсчёт закончился вчера", "2024-11-03", (2024, 11, 2), ["ru"]),
        ("he withdrew in October", "2023-12-04", (2023, 10, None), ["en"]),
        ("انسحب في منتصف أكتوبر", "2023-12-04", (2023, 10, None), ["ar"]),
        ("нападение произошло в марте", "2024-09-20", (2024, 3, None), ["ru"]),
        ("he withdrew in October", "2024-03-01", (2023, 10, None), ["en"]),  # the last October
        ("the vote of last year", "2024-03-01", (2023, None, None), ["en"]),
        ("completed in July last year", "2021-07-20", (2020, 7, None), ["en"]),
        ("الذي أنجز في يوليو من العام الماضي", "2021-07-20", (2020, 7, None), ["ar"]),
        ("завершён в июле прошлого года", "2021-07-20", (2020, 7, None), ["ru"]),
        ("в марте этого года", "2024-09-20", (2024, 3, None), ["ru"]),
        # "last" or "next" before a month, الماضي or المقبل after it
        ("the board met last June", "2024-06-26", (2023, 6, None), ["en"]),
        ("عقدت الجلسة في يونيو الماضي", "2024-07-10", (2024, 6, None), ["ar"]),
        ("تبدأ المحاكمة في مارس المقبل", "2024-06-26", (2025, 3, None), ["ar"]),
        ("the trial opens next March", "2024-06-26", (2025, 3, None), ["en"]),
        # a weekday still to come: the next one after the article's day
        ("its oxygen would run out early on Thursday", "2023-06-20", (2023, 6, 22), ["en"]),
        ("ينفد الأكسجين يوم الخميس", "2023-06-20", (2023, 6, 22), ["ar"]),
        ("кислород закончится в четверг", "2023-06-20", (2023, 6, 22), ["ru"]),
    ],
)
def test_a_date_counted_from_the_articles_day(quote, published, date, languages) -> None:
    assert mentions_date(quote, *date, languages, published)
    assert not mentions_date(quote, *date, languages)  # without the article's day, no date
    year, month, day = date
    assert not mentions_date(quote, year + 1, month, day, languages, published)
    if day is not None:
        assert not mentions_date(quote, year, month, day - 1, languages, published)


@pytest.mark.parametrize(
    ("quote", "number", "languages"),
    [
        ("تحدثت حكومة الشرق عن ألفي قتيل", 2000, ["ar"]),
        ("ما يقارب مئتي جندي", 200, ["ar"]),
        ("بلغ عدد النازحين 42 ألفا و45 شخصا", 42045, ["ar"]),
        ("وحصل على مليون و767 ألفا و952 صوتا", 1_767_952, ["ar"]),
        ("بلغ عدد المقترعين مليونا و622 ألفا و514 ناخبا", 1_622_514, ["ar"]),
        ("أصوات قرابة نصف مليون ناخب", 500_000, ["ar"]),
        ("about half a million voters", 500_000, ["en"]),
        ("эвакуировали полмиллиона человек", 500_000, ["ru"]),
        ("he won one million 767 thousand votes", 1_767_000, ["en"]),
        ("получил миллион 767 тысяч голосов", 1_767_000, ["ru"]),
        ("2 thousand and 5 people", 2005, ["en"]),
        ("около полутора тысяч боезарядов", 1500, ["ru"]),
        ("полтора миллиона человек", 1_500_000, ["ru"]),
        ("приговорён к пяти с половиной годам колонии", 5.5, ["ru"]),
        ("получил пять с половиной лет", 5.5, ["ru"]),
        ("sentenced to two and a half years", 2.5, ["en"]),
        ("sentenced to three years and a half", 3.5, ["en"]),
        ("حكم عليه بالسجن ثلاث سنوات ونصفا", 3.5, ["ar"]),
        ("وتقدر سعته بمليون ونصف مليون متر مكعب", 1_500_000, ["ar"]),  # half of the scale
        ("two million and a half", 2_500_000, ["en"]),
        # ten takes no unit after it: the twelfth, then nine
        ("والحادي عشر والثاني عشر تسع سنوات", 9, ["ar"]),
    ],
)
def test_more_ways_of_writing_a_number(quote, number, languages) -> None:
    assert mentions_number(quote, number, number, languages)


def test_a_scale_word_alone_keeps_its_value() -> None:
    assert mentions_number("بلغ عدد النازحين 42 ألفا و45 شخصا", 42000, 42000, ["ar"])
    assert not mentions_number("42 ألفا و45 شخصا", 45045, 45045, ["ar"])


def test_the_message_lists_what_is_missing() -> None:
    assert Mention(("Armenia",)).message == "the quote does not mention Armenia"
    assert Mention(("1993", "15 May")).message == "the quote does not mention 1993 or 15 May"
    assert (
        Mention(("Armenia", "Belarus", "Russia")).message
        == "the quote does not mention Armenia, Belarus or Russia"
    )


def _spelled_by_every_name(names: dict[str, str], quote: str) -> set[str]:
    """What a close spelling finds when every run of words is compared with every name."""
    words = [t.text for t in tokens(normalise(quote))]
    longest = {
        e: max(len(tokens(normalise(n))) for n, f in names.items() if f == e)
        for e in names.values()
    }
    found = set()
    for start in range(len(words)):
        for size in range(1, max(longest.values()) + 2):
            window = " ".join(words[start : start + size])
            best: dict[str, float] = {}
            for name, entity in names.items():
                score = fuzz.ratio(window, normalise(name))
                best[entity] = max(score, best.get(entity, 0.0))
            ranked = sorted(best.values(), reverse=True)
            top = max(best, key=best.__getitem__)
            rival = ranked[1] if len(ranked) > 1 else -1.0
            clear = best[top] >= NAME_THRESHOLD and best[top] >= rival + CLEAR_MARGIN
            if clear and size <= longest[top] + 1:
                found.add(top)
    return found


NAME_WORDS = st.text(alphabet="abcdeklmnorstu", min_size=4, max_size=7)


@given(
    st.lists(NAME_WORDS, min_size=2, max_size=8, unique=True),
    st.lists(st.integers(0, 7), min_size=1, max_size=6),
    st.integers(0, 3),
)
def test_a_close_spelling_is_found_as_if_every_name_were_compared(
    words: list[str], picks: list[int], typo: int
) -> None:
    names = {word: f"e{i}" for i, word in enumerate(words)}
    index = NameIndex(names)
    quote = " ".join(
        words[p % len(words)][:typo] + words[p % len(words)][typo + 1 :]
        if k == 0
        else words[p % len(words)]
        for k, p in enumerate(picks)
    )
    exact = {hit[0] for hit in index.occurrences(normalise(quote))}
    expected = exact | _spelled_by_every_name(names, quote)
    assert {e for e in names.values() if index.mentions(normalise(quote), e, 85.0)} == expected


def test_a_scale_word_in_the_accusative_is_one_not_the_dual() -> None:
    quote = "بلغ عدد المقترعين مليونا و622 ألفا و514 ناخبا"
    assert mentions_number(quote, 1_622_514, 1_622_514, ["ar"])
    assert not mentions_number(quote, 2_622_514, 2_622_514, ["ar"])


DECADES = [
    ("Carlos Daniel Hernández Estrella, who was in his 20s", 20, 29, ["en"]),
    ("a woman in her thirties", 30, 39, ["en"]),
    ("the fashions of the 1990s", 1990, 1999, ["en"]),
    ("شاب في العشرينات من عمره", 20, 29, ["ar"]),
    ("رجل في الأربعينيات من العمر", 40, 49, ["ar"]),
    ("мужчина в возрасте за двадцать, в двадцатые годы жизни", 20, 29, ["ru"]),
    ("в 1990-е годы", 1990, 1999, ["ru"]),
]
NOT_DECADES = [
    ("who was in his 20s", 20, 30, ["en"]),  # a decade is 20 to 29
    ("who was in his 20s", 30, 39, ["en"]),
    ("the 20 sailors", 20, 29, ["en"]),  # a number, then another word
    ("شاب في الثلاثينات من عمره", 20, 29, ["ar"]),
    ("в двадцатые годы", 30, 39, ["ru"]),
]


@pytest.mark.parametrize(("quote", "low", "high", "languages"), DECADES)
def test_a_decade_mentions_its_range(quote, low, high, languages) -> None:
    assert mentions_number(quote, low, high, languages)


@pytest.mark.parametrize(("quote", "low", "high", "languages"), NOT_DECADES)
def test_a_decade_mentions_no_other_range(quote, low, high, languages) -> None:
    assert not mentions_number(quote, low, high, languages)


@pytest.mark.parametrize(
    ("quote", "published", "days", "languages"),
    [
        ("the army suspended its part in late May 2023", None, (21, 31), ["en"]),
        ("talks stopped at the end of May", "2023-12-05", (21, 31), ["en"]),
        ("in mid-May 2023", None, (11, 20), ["en"]),
        ("early May 2023", None, (1, 10), ["en"]),
        ("قبل أن يعلق الجيش مشاركته في أواخر مايو", "2023-12-05", (21, 31), ["ar"]),
        ("ويعلن الوسيطان تعليق المحادثات في مطلع مايو/أيار", "2023-12-05", (1, 10), ["ar"]),
        ("في منتصف شهر أيار 2023", None, (11, 20), ["ar"]),
        ("переговоры прервались в конце мая 2023 года", None, (21, 31), ["ru"]),
        ("в начале мая", "2023-12-05", (1, 10), ["ru"]),
        ("во второй декаде мая 2023 года", None, (11, 20), ["ru"]),
    ],
)
def test_a_part_of_a_month_mentions_its_days(quote, published, days, languages) -> None:
    assert mentions_part_of_month(quote, 2023, 5, days, languages, published)
    assert not mentions_part_of_month(quote, 2022, 5, days, languages, published)
    assert not mentions_part_of_month(quote, 2023, 6, days, languages, published)
    other = (1, 10) if days != (1, 10) else (21, 31)
    assert not mentions_part_of_month(quote, 2023, 5, other, languages, published)


@pytest.mark.parametrize(
    ("quote", "first", "last"),
    [
        ("the first boats arrive from the early 2030s", 2030, 2033),
        ("Britain expects its first in the late 2030s", 2037, 2039),
        ("a decision due by the mid-2030s", 2034, 2036),
        ("the reactor is to close in the 2030s", 2030, 2039),
        ("первые лодки придут в начале 2030-х годов", 2030, 2033),
        ("строительство завершат в конце 2030-х", 2037, 2039),
    ],
)
def test_a_decade_or_a_part_of_one_mentions_its_years(quote, first, last) -> None:
    assert mentions_part_of_decade(quote, first, last)
    assert not mentions_part_of_decade(quote, first + 10, last + 10)
    other = (2030, 2039) if (first, last) != (2030, 2039) else (2030, 2033)
    assert not mentions_part_of_decade(quote, *other)


def test_late_in_a_short_month_ends_with_it() -> None:
    assert mentions_part_of_month("in late February 2023", 2023, 2, (21, 28), ["en"])
    assert not mentions_part_of_month("in late February 2023", 2023, 2, (21, 31), ["en"])
    assert not mentions_part_of_month("late on 5 May 2023", 2023, 5, (21, 31), ["en"])


def test_a_figure_after_a_day_and_a_comma_is_no_day() -> None:
    assert mentions_date("On December 1, 12 people were hurt", 2023, 12, 1, ["en"])
    assert not mentions_date("On December 1, 12 people were hurt", 2023, 12, 12, ["en"])


MINUTES = property_unit(("Minutes from launch to the loss of contact",))
MONTHS = property_unit(("Sentence (months)", "sentence_months"))
YEARS = property_unit(("Age of the dam (years)",))


@pytest.mark.parametrize(
    ("quote", "low", "high", "unit", "languages"),
    [
        ("about one hour and 45 minutes into the dive", 105, 105, MINUTES, ["en"]),
        ("lost contact less than two hours later", None, 120, MINUTES, ["en"]),
        ("an hour later", 60, 60, MINUTES, ["en"]),
        ("انقطع الاتصال بعد ساعة و45 دقيقة", 105, 105, MINUTES, ["ar"]),
        ("بعد ساعتين من الغوص", 120, 120, MINUTES, ["ar"]),
        ("связь пропала через полчаса", 30, 30, MINUTES, ["ru"]),
        ("он получил полгода исправительных работ", 6, 6, MONTHS, ["ru"]),
        ("от одного года до полутора лет исправительных работ", 12, 18, MONTHS, ["ru"]),
        ("sentenced to two and a half years", 30, 30, MONTHS, ["en"]),
        ("حكم عليه بالسجن سنتين", 24, 24, MONTHS, ["ar"]),
        ("built half a century ago", 50, 50, YEARS, ["en"]),
        ("أي قبل نحو نصف قرن", 50, 50, YEARS, ["ar"]),
        ("плотине уже полвека", 50, 50, YEARS, ["ru"]),
        ("after three decades of service", 30, 30, YEARS, ["en"]),
    ],
)
def test_a_length_of_time_in_another_unit_mentions_its_number(
    quote, low, high, unit, languages
) -> None:
    assert mentions_number(quote, low, high, languages, unit)
    assert not mentions_number(quote, low, high, languages)  # without the property's unit
    assert not mentions_number(quote, (low or high) + 1, (high or low) + 1, languages, unit)


def test_only_exact_conversions_are_made() -> None:
    days = property_unit(("Days trapped",))
    assert days is not None and MONTHS is not None
    assert not mentions_number("trapped for two months", 60, 60, ["en"], days)
    assert mentions_number("trapped for two weeks", 14, 14, ["en"], days)
    assert property_unit(("Hours and minutes",)) is None  # two units: none is the property's


KILOGRAMS = property_unit(("Mass of the probe, kg",))
TONNES = property_unit(("Chlorine load (tonnes)",))
KILOMETRES = property_unit(("Evacuation radius (km)",))


@pytest.mark.parametrize(
    ("quote", "value", "unit", "languages"),
    [
        ("Станция массой около 1,8 тонны", 1800, KILOGRAMS, ["ru"]),
        ("the lander weighed 1.8 tonnes", 1800, KILOGRAMS, ["en"]),
        ("تزن حمولته 28 طناً و900 كيلوغرام", 28.9, TONNES, ["ar"]),
        ("residents within 500 metres were moved", 0.5, KILOMETRES, ["en"]),
        ("أُخلي السكان في دائرة نصف قطرها 500 متر", 0.5, KILOMETRES, ["ar"]),
        ("жителей в радиусе 500 метров отселили", 0.5, KILOMETRES, ["ru"]),
    ],
)
def test_a_mass_or_a_length_in_another_metric_unit_mentions_its_number(
    quote, value, unit, languages
) -> None:
    assert mentions_number(quote, value, value, languages, unit)
    assert not mentions_number(quote, value, value, languages)


def test_tons_miles_and_feet_are_not_converted() -> None:
    assert not mentions_number("the lander weighed 1.8 tons", 1800, 1800, ["en"], KILOGRAMS)
    assert not mentions_number("a 20-mile zone", 32, 32, ["en"], KILOMETRES)


@pytest.mark.parametrize(
    ("quote", "times", "languages"),
    [
        ("the departure, twice postponed in 2019", 2, ["en"]),
        ("the vote was put off thrice", 3, ["en"]),
        ("وتأجل موعد الخروج مرتين خلال 2019", 2, ["ar"]),
        ("выход дважды откладывали", 2, ["ru"]),
        ("трижды переносили запуск", 3, ["ru"]),
    ],
)
def test_a_word_of_times_mentions_its_number(quote: str, times: int, languages) -> None:
    assert not mentions_number(quote, times, times, languages).missing
    assert mentions_number(quote, times + 1, times + 1, languages).missing


@pytest.mark.parametrize(
    ("quote", "languages"),
    [
        ("On 28 October the EU agreed, and the next day MPs voted for an election", ["en"]),
        ("وافق الاتحاد في 28 أكتوبر، وفي اليوم التالي صوت النواب", ["ar"]),
        ("30 октября соглашение подписали, а накануне депутаты проголосовали", ["ru"]),
    ],
)
def test_a_day_counted_from_another_the_quote_names(quote: str, languages) -> None:
    """The vote of 29 October 2019, given as the day after (or before) a day written."""
    assert not mentions_date(quote, 2019, 10, 29, languages).missing
    assert mentions_date(quote, 2019, 10, 27, languages).missing
    assert mentions_date("MPs voted the next day", 2019, 10, 29, languages).missing


@pytest.mark.parametrize(
    ("quote", "value", "languages"),
    [
        ("a $1.2 trillion package", 1.2e12, ["en"]),
        ("بقيمة 1.5 تريليون دولار", 1.5e12, ["ar"]),
        ("оценила общие расходы в 1,526 трлн рублей", 1.526e12, ["ru"]),
        ("свыше полутора триллионов рублей", 1.5e12, ["ru"]),
    ],
)
def test_a_trillion_is_a_scale_word(quote: str, value: float, languages) -> None:
    assert not mentions_number(quote, value, value, languages).missing
    assert mentions_number(quote, value / 1000, value / 1000, languages).missing
