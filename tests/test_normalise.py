"""SPEC §4's fold, character by character, and the offsets that highlight quotes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.normalise import (
    _fold_with_offsets_by_character,
    normalise,
    normalise_with_offsets,
    strip_conjunction,
)

CASES = [
    ("Chișinău", "chisinau"),
    ("أوزبكستان", "اوزبكستان"),
    ("إيران آسيا", "ايران اسيا"),
    ("مُنَظَّمَة", "منظمه"),  # diacritics gone, ة -> ه
    ("الجمعيـــة", "الجمعيه"),  # tatweel
    ("مصطفى", "مصطفي"),  # ى -> ي
    ("ٱلله", "الله"),
    ("عام ١٩٩٢ و۲۰۰۲", "عام 1992 و2002"),  # Arabic-Indic and Persian digits
    ("روسيا، أرمينيا؛ لماذا؟", "روسيا, ارمينيا; لماذا?"),
    ("«الأمن الجماعي»", "الامن الجماعي"),
    ("“quoted” ‘words’ ‹x›", "quoted words x"),
    ("1992–1994 — 2002−3", "1992-1994 - 2002-3"),
    ("a\u200bb\u200fc\u2067d", "abcd"),  # zero-width and bidi controls
    ("  many \n\t spaces\u00a0here ", "many spaces here"),
    ("STRASSE Straße", "strasse strasse"),
    ("ﻻ", "لا"),  # NFKC ligature
]


@pytest.mark.parametrize(("text", "folded"), CASES)
def test_normalise(text: str, folded: str) -> None:
    assert normalise(text) == folded


def _reference(text: str) -> str:
    """SPEC §4 applied to the whole string at once, step by step."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    removed = set(
        "\u0640\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c"
        "\u202d\u202e\u2066\u2067\u2068\u2069\"“”„«»'‘’‹›"
    )
    table = {"ٱ": "ا", "ى": "ي", "ة": "ه", "،": ",", "؛": ";", "؟": "?"}
    table.update({d: "-" for d in "‐‑‒–—―−"})
    table.update({chr(0x660 + i): str(i) for i in range(10)})
    table.update({chr(0x6F0 + i): str(i) for i in range(10)})
    text = "".join(table.get(c, c) for c in text if c not in removed)
    return " ".join(text.casefold().split())


arabic_and_latin = st.text(
    st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Z", "Cf")), max_size=40
)


@given(arabic_and_latin)
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.text(alphabet="أإآابةىيو ًٌٍَُِّْـ١٢٣،؛؟«»–—\u200f\u200b abcÉéİıß\n", max_size=40))
def test_character_fold_matches_the_whole_string_fold(text: str) -> None:
    assert normalise(text) == _reference(text)


@given(st.lists(st.text(max_size=80), min_size=1, max_size=4))
def test_the_spread_fold_is_the_fold_table_character_by_character(texts) -> None:
    from reconcile.normalise import _FOLD, _spread

    for text in texts:  # each text teaches the fold table characters the next one may reuse
        assert _spread(text) == text.translate(_FOLD)


@given(arabic_and_latin)
def test_offsets_point_back_into_the_text(text: str) -> None:
    folded, origin = normalise_with_offsets(text)
    assert folded == normalise(text)
    assert len(origin) == len(folded)
    assert list(origin) == sorted(origin)
    assert all(0 <= index < len(text) for index in origin)


def test_strip_conjunction() -> None:
    assert strip_conjunction(normalise("وبيلاروسيا")) == "بيلاروسيا"
    assert strip_conjunction("و") is None
    assert strip_conjunction("روسيا") is None


@given(
    st.one_of(
        arabic_and_latin,
        st.text(alphabet="أإآابةىيو ًٌٍَُِّْـ١٢٣،؛؟«»–—\u200f\u200b abcÉéİıßﻻ¨\n\t", max_size=60),
    )
)
def test_offsets_are_those_of_the_fold_character_by_character(text: str) -> None:
    folded, offsets = normalise_with_offsets(text)
    assert (folded, list(offsets)) == _fold_with_offsets_by_character(text)


@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_folded_length_is_the_length_of_the_fold_as_characters_are_learnt(texts) -> None:
    from reconcile.normalise import _FOLD, folded_length

    for text in texts:  # each text teaches the fold table characters the next one may reuse
        assert folded_length(text) == len(text.translate(_FOLD))
