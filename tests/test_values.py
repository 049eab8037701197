"""The comparison rule of each value type (SPEC §2), table by table, and their laws."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.values import (
    BooleanValue,
    ChoiceValue,
    EntitySetValue,
    EntityValue,
    InvalidValue,
    NumberValue,
    Relation,
    TextValue,
    Tolerance,
    parse_date,
    parse_number,
    parse_tolerance,
)

EQUAL, COMPATIBLE, CONTRADICTS = Relation.EQUAL, Relation.COMPATIBLE, Relation.CONTRADICTS

DATES = [
    ("1992", "1992", EQUAL),
    ("1992-05-15", "1992-05-15", EQUAL),
    ("1992", "1992-05-15", COMPATIBLE),  # precision differs
    ("1992-05", "1992-05-15", COMPATIBLE),
    ("199X", "1992-05", COMPATIBLE),
    ("1990/1993", "1992", COMPATIBLE),
    ("1993~", "1992-05-15", COMPATIBLE),  # approximate: 1992-1994
    ("1993?", "1994-12-31", COMPATIBLE),
    ("1993", "1994", CONTRADICTS),
    ("1992-05-15", "1992-05-16", CONTRADICTS),
    ("199X", "2002", CONTRADICTS),
    ("1990/1991", "1992", CONTRADICTS),
    ("1990/..", "2020", COMPATIBLE),  # open-ended interval
]


@pytest.mark.parametrize(("a", "b", "expected"), DATES)
def test_dates(a: str, b: str, expected: Relation) -> None:
    assert parse_date(a).relate(parse_date(b)) is expected
    assert parse_date(b).relate(parse_date(a)) is expected


@pytest.mark.parametrize("raw", [1992, "1992", "1992-05-15"])
def test_dates_as_written(raw: object) -> None:
    import datetime as dt

    assert parse_date(raw).relate(parse_date(dt.date(1992, 5, 15))) is not CONTRADICTS


@pytest.mark.parametrize("raw", ["15 May 1992", "1992-13", "", None, True, [1992]])
def test_invalid_dates(raw: object) -> None:
    with pytest.raises(InvalidValue):
        parse_date(raw)


def number(raw: object, approximate: bool = False, tolerance: str | int = 0) -> NumberValue:
    return parse_number(raw, approximate=approximate, tolerance=parse_tolerance(tolerance))


NUMBERS = [
    (number(4000), number(4000), EQUAL),
    (number(4000), number(4001), CONTRADICTS),
    (number(4000, True, "5%"), number(4000), COMPATIBLE),  # "about 4,000" and "4,000"
    (number(4000, True, "5%"), number(4100), COMPATIBLE),
    (number(4000, True, "5%"), number(4300), CONTRADICTS),
    (number(4000, False, "5%"), number(4100), CONTRADICTS),  # exact numbers compare exactly
    (number(4000, True, 100), number(3900), COMPATIBLE),  # absolute tolerance
    (number(4000, True, "5%"), number(4000, True, "5%"), EQUAL),
    (number({"min": 10000}), number(12000), COMPATIBLE),  # "more than 10,000"
    (number({"min": 10000}), number(9000), CONTRADICTS),
    (number({"min": 10000}), number({"min": 10000}), EQUAL),
    (number({"max": 100}), number(100), COMPATIBLE),  # bounds inclusive
    (number({"min": 10, "max": 20}), number({"min": 20, "max": 30}), COMPATIBLE),
    (number({"min": 10, "max": 20}), number({"min": 21, "max": 30}), CONTRADICTS),
    (number({"min": 10, "max": 20}, True, "10%"), number(21), COMPATIBLE),  # each bound widens
]


@pytest.mark.parametrize(("a", "b", "expected"), NUMBERS)
def test_numbers(a: NumberValue, b: NumberValue, expected: Relation) -> None:
    assert a.relate(b) is expected
    assert b.relate(a) is expected


@pytest.mark.parametrize(
    "raw",
    [
        "4,000",
        True,
        {"min": 5, "max": 1},
        {"low": 1},
        {},
        None,
        float("inf"),
        float("nan"),
        10**400,
    ],
)
def test_invalid_numbers(raw: object) -> None:
    with pytest.raises(InvalidValue):
        number(raw)


def test_number_canonical_forms() -> None:
    assert number(2.5).canonical() == 2.5
    assert number(4000).canonical() == 4000
    assert number({"min": 1}).canonical() == {"min": 1, "max": None}


def ids(*names: str, complete: bool = True) -> EntitySetValue:
    return EntitySetValue(frozenset(names), complete)


ENTITY_SETS = [
    (ids("ru", "by"), ids("by", "ru"), EQUAL),
    (ids("ru", "by"), ids("ru", "uz"), CONTRADICTS),  # complete lists that differ
    (ids("ru", "by"), ids("ru", "by", "uz"), CONTRADICTS),
    (ids("ru", complete=False), ids("ru", "by"), COMPATIBLE),  # partial within complete
    (ids("uz", complete=False), ids("ru", "by"), CONTRADICTS),  # partial names one left out
    (ids("ru", "uz", complete=False), ids("ru", "by", complete=False), COMPATIBLE),
    (ids("ru", complete=False), ids("ru", complete=False), EQUAL),
]


@pytest.mark.parametrize(("a", "b", "expected"), ENTITY_SETS)
def test_entity_lists(a: EntitySetValue, b: EntitySetValue, expected: Relation) -> None:
    assert a.relate(b) is expected
    assert b.relate(a) is expected


SCALARS = [
    (EntityValue("ru"), EntityValue("ru"), EQUAL),
    (EntityValue("ru"), EntityValue("by"), CONTRADICTS),
    (ChoiceValue("member"), ChoiceValue("member"), EQUAL),
    (ChoiceValue("member"), ChoiceValue("withdrawn"), CONTRADICTS),
    (BooleanValue(True), BooleanValue(True), EQUAL),
    (BooleanValue(True), BooleanValue(False), CONTRADICTS),
    (TextValue("the Tashkent treaty"), TextValue("Treaty, the Tashkent"), EQUAL),
    (TextValue("منظمة الأمن الجماعي"), TextValue("منظمه الامن الجماعي"), EQUAL),
    (TextValue("Moscow"), TextValue("Minsk"), CONTRADICTS),
]


@pytest.mark.parametrize(("a", "b", "expected"), SCALARS)
def test_scalars(a: object, b: object, expected: Relation) -> None:
    assert a.relate(b) is expected  # type: ignore[attr-defined]


def test_tolerance_parsing() -> None:
    assert parse_tolerance("10%") == Tolerance(10, percent=True)
    assert parse_tolerance(50) == Tolerance(50)
    for bad in ("ten", -1, "-5%", True, "5", 10**400, "inf%", None):
        with pytest.raises(InvalidValue):
            parse_tolerance(bad)


# Laws that hold for every value ---------------------------------------------------------------

years = st.integers(1900, 2030)
months = st.integers(1, 12)
days = st.integers(1, 28)


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    year, month, day = draw(years), draw(months), draw(days)
    return draw(
        st.sampled_from(
            [
                f"{year}",
                f"{year}-{month:02d}",
                f"{year}-{month:02d}-{day:02d}",
                f"{year // 10}X",
                f"{year}~",
                f"{year}-{month:02d}?",
                f"{year}/{year + draw(st.integers(0, 5))}",
            ]
        )
    )


numbers = st.builds(
    lambda low, width, exact, approximate, tolerance: number(
        low if exact else {"min": low, "max": low + width}, approximate, tolerance
    ),
    st.integers(0, 10_000),
    st.integers(0, 500),
    st.booleans(),
    st.booleans(),
    st.sampled_from([0, 50, "5%", "10%"]),
)
entity_sets = st.builds(
    lambda names, complete: EntitySetValue(frozenset(names), complete),
    st.sets(st.sampled_from(["ru", "by", "uz", "kz", "am"]), min_size=1),
    st.booleans(),
)
any_values = st.one_of(
    edtf_dates().map(parse_date),
    numbers,
    entity_sets,
)


@given(st.data())
def test_comparison_is_symmetric(data: st.DataObject) -> None:
    strategy = data.draw(st.sampled_from([edtf_dates().map(parse_date), numbers, entity_sets]))
    a, b = data.draw(strategy), data.draw(strategy)
    assert a.relate(b) is b.relate(a)


@given(any_values)
def test_a_value_agrees_with_itself(value: object) -> None:
    assert value.relate(value) is EQUAL  # type: ignore[attr-defined]


@given(years, months, days)
def test_precision_never_makes_a_conflict(year: int, month: int, day: int) -> None:
    precise = parse_date(f"{year}-{month:02d}-{day:02d}")
    for coarser in (f"{year}", f"{year}-{month:02d}", f"{year // 10}X", f"{year}~"):
        assert precise.relate(parse_date(coarser)) is not CONTRADICTS


@given(entity_sets, entity_sets)
def test_partial_lists_never_conflict_with_each_other(a: EntitySetValue, b: EntitySetValue) -> None:
    a, b = EntitySetValue(a.ids, False), EntitySetValue(b.ids, False)
    assert a.relate(b) is not CONTRADICTS


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32), st.integers(1, 3))
def test_plain_dates_span_as_the_edtf_library_says(
    year: int, month: int, day: int, parts: int
) -> None:
    from edtf import parse_edtf

    from reconcile.values import date_span
    from reconcile.values.date import LAST_SECOND

    text = "-".join([f"{year:04d}", f"{month:02d}", f"{day:02d}"][:parts])
    if parts == 3 and month == 2 and day == 29 and not calendar.isleap(year):
        # the edtf library takes 29 February in every year; a day that never was is refused
        with pytest.raises(InvalidValue, match="is not a day: February"):
            date_span(text)
        return
    try:
        parsed = parse_edtf(text)
        expected = (parsed.lower_strict(), parsed.upper_strict())
    except Exception:
        with pytest.raises(InvalidValue):
            date_span(text)
        return
    span = date_span(text)
    import datetime as dt

    low, high = (dt.date(t.tm_year, t.tm_mon, t.tm_mday).toordinal() for t in expected)
    assert (span.low, span.high) == (low, high + LAST_SECOND)  # a day ends at its last second


# The rules: one per property type ---------------------------------------------------------------


def test_every_property_type_has_one_rule_that_names_it() -> None:
    from reconcile.values import RULES, PropertyType

    assert set(RULES) == set(PropertyType)
    assert all(rule.type is prop_type for prop_type, rule in RULES.items())


def test_each_flag_belongs_to_the_types_that_take_it() -> None:
    from reconcile.model import CLAIM_FLAGS
    from reconcile.values import PropertyType, types_taking

    assert CLAIM_FLAGS == ("complete", "approximate")
    assert types_taking("complete") == (PropertyType.ENTITIES,)
    assert types_taking("approximate") == (PropertyType.NUMBER,)


def test_a_rule_describes_the_values_of_its_type() -> None:
    from reconcile.values import rule_for

    assert rule_for(parse_date("1992")).type == "date"
    assert rule_for(EntitySetValue(frozenset({"a"}))).type == "entities"
    assert rule_for(BooleanValue(True)).type == "boolean"


def test_date_and_number_rules_find_their_values_in_a_sentence() -> None:
    """What add-source looks for belongs to each type's rule: the value nearest the cue."""
    from types import SimpleNamespace

    from reconcile.extract import Sentence, find_numbers
    from reconcile.extract_dates import find_dates
    from reconcile.model import Label, Property
    from reconcile.precedent import Known
    from reconcile.values import RULES, PropertyType

    sentence = Sentence.of("signed on 15 May 1992 by 4,000 delegates; ratified in 1993 by 3 states")
    known = Known()  # nothing known from other sources
    cue = next(i for i, token in enumerate(sentence.tokens) if "ratified" in str(token))

    dates = find_dates(sentence.tokens, ("en",), None)

    def look(near: int) -> SimpleNamespace:
        return SimpleNamespace(
            sentence=sentence,
            text="",
            dates=dates,
            numbers=find_numbers(sentence, ("en",), dates),
            near=[near],
            known=known,
            quote=None,
            names=lambda kind: {},
            subject=None,
            ordinals=[],
        )

    date = Property("t", "d", PropertyType.DATE, Label((("", "d"),)))
    number = Property("t", "n", PropertyType.NUMBER, Label((("", "n"),)))
    assert RULES[PropertyType.DATE].find(date, look(0))[0].value == "1992-05-15"
    assert RULES[PropertyType.DATE].find(date, look(cue))[0].value == "1993"
    states = next(i for i, token in enumerate(sentence.tokens) if "states" in str(token))
    assert RULES[PropertyType.NUMBER].find(number, look(states))[0].value == 3
    assert RULES[PropertyType.NUMBER].find(number, look(0))[0].value == 4000
