"""SPEC §4: a near match is not a quote when the words that differ carry the fact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.misquote import (
    Difference,
    DiffPart,
    MisquoteKind,
    find_misquote,
    word_diff,
)
from reconcile.normalise import normalise

NAMES = {
    normalise(name): entity
    for name, entity in {
        "Bangkok": "bangkok",
        "Kuala Lumpur": "kuala-lumpur",
        "Russia": "russia",
        "روسيا": "russia",
        "Россия": "russia",
        "Belarus": "belarus",
        "بيلاروسيا": "belarus",
        "Беларусь": "belarus",
        "Kazakhstan": "kazakhstan",
        "كازاخستان": "kazakhstan",
        "أوزبكستان": "uzbekistan",
        "Austria": "austria",
        "Australia": "australia",
        "Ankara": "ankara",
        "İstanbul": "istanbul",
    }.items()
}

# (quote, text found, languages, kind, quote words, found words)
MISQUOTES = [
    ("ten soldiers died", "nine soldiers died", ["en"], "number", "ten", "nine"),
    ("10 soldiers died", "9 soldiers died", ["en"], "number", "10", "9"),
    ("4000 soldiers were sent", "4500 soldiers were sent", ["en"], "number", "4000", "4500"),
    ("4 000 soldiers", "4 500 soldiers", ["fr"], "number", "4 000", "4 500"),
    ("six thousand troops", "sixty thousand troops", ["en"], "number", "six thousand",
     "sixty thousand"),
    ("twenty one states", "twenty two states", ["en"], "number", "twenty one", "twenty two"),
    ("signed in 1992 by", "signed in 1993 by", ["en"], "number", "1992", "1993"),
    ("وقع عليها آنذاك ستة دول", "وقع عليها آنذاك سبعة دول", ["ar"], "number", "سته", "سبعه"),
    ("وقع عليها آنذاك ست دول", "وقع عليها آنذاك سبع دول", ["ar"], "number", "ست", "سبع"),
    ("في عام ٢٠٠٦ عادت", "في عام 2007 عادت", ["ar"], "number", "2006", "2007"),
    ("шесть стран подписали", "семь стран подписали", ["ru"], "number", "шесть", "семь"),
    ("2 тысячи солдат", "3 тысячи солдат", ["ru"], "number", "2 тысячи", "3 тысячи"),
    ("sechs Staaten", "sieben Staaten", ["de"], "number", "sechs", "sieben"),
    ("altı ülke imzaladı", "yedi ülke imzaladı", ["tr"], "number", "altı", "yedi"),
    ("the summit in Bangkok opened", "the summit in Kuala Lumpur opened", ["en"], "entity",
     "bangkok", "kuala lumpur"),
    ("signed by Austria", "signed by Australia", ["en"], "entity", "austria", "australia"),
    ("انضمت روسيا الى", "انضمت بيلاروسيا الى", ["ar"], "entity", "روسيا", "بيلاروسيا"),
    ("Россия подписала", "Беларусь подписала", ["ru"], "entity", "россия", "беларусь"),
    ("zirve Ankara şehrinde", "zirve İstanbul şehrinde", ["tr"], "entity", "ankara", "istanbul"),
    ("they did not sign the treaty", "they did sign the treaty", ["en"], "negation", "did not",
     "did"),
    ("they didn't sign", "they did sign", ["en"], "negation", "didnt", "did"),
    ("they never signed", "they signed", ["en"], "negation", "they never", "they"),
    ("لم توقع روسيا", "توقع روسيا", ["ar"], "negation", "لم توقع", "توقع"),
    ("ولا تزال عضوا", "وتزال عضوا", ["ar"], "negation", "ولا تزال", "وتزال"),
    ("ليست عضوا", "عضوا", ["ar"], "negation", "ليست عضوا", "عضوا"),
    ("Россия не подписала", "Россия подписала", ["ru"], "negation", "россия не", "россия"),
    ("нет данных", "есть данные", ["ru"], "negation", "нет данных", "есть данные"),
    ("la Russie n'a pas signé", "la Russie a signé", ["fr"], "negation", "na pas", "a"),
    ("Russland hat nicht unterschrieben", "Russland hat unterschrieben", ["de"], "negation",
     "hat nicht", "hat"),
]  # fmt: skip

# (quote, text found, languages): differences of spelling and punctuation only
APPROXIMATE = [
    ("each particpant signed", "each participant signed", ["en"]),
    ("the soldiers dyed", "the soldiers died", ["en"]),
    ("Russia, Belarus and Armenia", "Russia Belarus and Armenia", ["en"]),
    ("signed by Kazakstan", "signed by Kazakhstan", ["en"]),  # a name misspelled
    ("4,000 soldiers", "4000 soldiers", ["en"]),
    ("4.000 soldiers", "4,000 soldiers", ["en"]),
    ("4 000 soldiers", "4000 soldiers", ["en"]),
    ("17,9 بالمئة", "17.9 بالمئة", ["ar"]),
    ("٤٠٠٠ جندي", "4000 جندي", ["ar"]),
    ("وقعت ست دول", "وقعت ستة دول", ["ar"]),  # two genders of six
    ("وقع عليها آنذاك ست دول", "وقع عليها انذاك ست دول", ["ar"]),
    ("منظمة الأمن الجماعي", "منظمه الامن الجماعى", ["ar"]),
    ("России подписала", "Россия подписала", ["ru"]),  # a case ending
    ("Россия и Беларусь", "Беларусь и Россия", ["ru"]),  # names reordered, both named
    ("seven states", "sevn states", ["en"]),  # a number word misspelled
    ("une armée", "l'armée", ["fr"]),  # an article, not a count
    ("in the year 2006", "and in the year 2006 uzbekistan", ["en"]),  # the window runs over
    ("عادت أوزبكستان", "عادت اوزبكستان لتكون", ["ar"]),
]


@pytest.mark.parametrize(
    ("quote", "found", "languages", "kind", "quote_words", "found_words"), MISQUOTES
)
def test_a_misquote_names_the_differing_words(
    quote: str, found: str, languages: list[str], kind: str, quote_words: str, found_words: str
) -> None:
    misquote = find_misquote(normalise(quote), normalise(found), NAMES, languages)
    assert misquote is not None
    assert misquote.differences == (
        Difference(MisquoteKind(kind), tuple(quote_words.split()), tuple(found_words.split())),
    )


@pytest.mark.parametrize(("quote", "found", "languages"), APPROXIMATE)
def test_spelling_and_punctuation_stay_approximate(
    quote: str, found: str, languages: list[str]
) -> None:
    assert find_misquote(normalise(quote), normalise(found), NAMES, languages) is None


def test_the_message_says_what_each_side_says() -> None:
    misquote = find_misquote("ten soldiers did not die", "nine soldiers died", NAMES, ["en"])
    assert misquote is not None
    assert [d.kind for d in misquote.differences] == [MisquoteKind.NUMBER, MisquoteKind.NEGATION]
    assert misquote.message == (
        "the quote says 'ten', the source says 'nine'; "
        "the quote says 'did not die', the source says 'died'"
    )


def test_number_words_count_only_in_the_languages_of_the_source() -> None:
    # "on" is ten in Turkish
    assert find_misquote("sat in the chair", "sat on the chair", NAMES, ["en"]) is None
    assert find_misquote("sat in the chair", "sat on the chair", NAMES, ["tr"]) is not None


def test_the_word_diff() -> None:
    assert word_diff("they did not sign, in 1992", "They did sign in 1993") == [
        DiffPart("equal", ("they", "did"), ("they", "did")),
        DiffPart("delete", ("not",), ()),
        DiffPart("equal", ("sign,", "in"), ("sign", "in")),
        DiffPart("replace", ("1992",), ("1993",)),
    ]
    assert word_diff("", "x") == [DiffPart("insert", (), ("x",))]


words = st.sampled_from(
    ["ten", "nine", "not", "Russia", "روسيا", "لم", "ستة", "4,000", "шесть", "не", "signed", "و"]
)


@given(st.lists(words, max_size=12).map(" ".join))
def test_a_quote_never_misquotes_itself(quote: str) -> None:
    assert find_misquote(normalise(quote), normalise(quote), NAMES, ["en", "ar", "ru"]) is None


@given(st.lists(words, max_size=8).map(" ".join), st.lists(words, max_size=8).map(" ".join))
def test_the_diff_keeps_every_word(quote: str, found: str) -> None:
    parts = word_diff(quote, found)
    assert [w for part in parts for w in part.quote_words] == normalise(quote).split()
    assert [w for part in parts for w in part.found_words] == normalise(found).split()
