"""Names in any spelling resolve to one entity (SPEC §4); quotes are found in the text."""

from __future__ import annotations

import pytest

from reconcile.entities import EntityIndex, NameMatch, NoMatch
from reconcile.model import Entity, Label, QuoteStatus
from reconcile.quotes import SourceText


def entity(entity_id: str, label: str, *aliases: str) -> Entity:
    return Entity("country", entity_id, Label((("en", label),)), aliases)


COUNTRIES = [
    entity("belarus", "Belarus", "بيلاروسيا", "Byelorussia", "Беларусь"),
    entity("uzbekistan", "Uzbekistan", "أوزبكستان", "Узбекистан"),
    entity("kyrgyzstan", "Kyrgyzstan", "قرغيزستان", "Kirghizia"),
    entity("moldova", "Moldova", "Chișinău"),
    entity("austria", "Austria"),
    entity("australia", "Australia"),
]
INDEX = EntityIndex({"country": {e.id: e for e in COUNTRIES}}, threshold=85)


@pytest.mark.parametrize(
    ("name", "expected", "fuzzy"),
    [
        ("belarus", "belarus", False),  # the id
        ("BELARUS", "belarus", False),  # the label, any case
        ("بيلاروسيا", "belarus", False),
        ("وبيلاروسيا", "belarus", False),  # leading conjunction و
        ("بيلاروسيا\u200f", "belarus", False),  # bidi mark
        ("Беларусь", "belarus", False),  # Cyrillic alias
        ("Chisinau", "moldova", False),  # accents fold
        ("اوزبكستان", "uzbekistan", False),  # hamza seat folds
        ("أوزباكستان", "uzbekistan", True),  # a spelling variant of the seed articles
        ("قيرغيزستان", "kyrgyzstan", True),
        ("وأوزباكستان", "uzbekistan", True),  # conjunction and variant together
        ("Byelorusia", "belarus", True),
    ],
)
def test_names_resolve(name: str, expected: str, fuzzy: bool) -> None:
    match = INDEX.resolve("country", name)
    assert isinstance(match, NameMatch), match
    assert match.entity.id == expected
    assert (match.score is not None) is fuzzy
    if fuzzy:
        assert match.score >= 85


def test_unknown_name_lists_the_closest() -> None:
    match = INDEX.resolve("country", "Atlantis")
    assert isinstance(match, NoMatch)
    assert len(match.closest) == 3
    assert match.closest[0][1] >= match.closest[1][1] >= match.closest[2][1]


def test_fuzzy_match_needs_a_clear_margin() -> None:
    # "Austrialia" is about as close to Austria as to Australia: too close to call.
    match = INDEX.resolve("country", "Austrlia")
    assert isinstance(match, NoMatch)
    assert {e.id for e, _ in match.closest[:2]} == {"austria", "australia"}


TEXT = (
    "في مطلع العقد الأخير من القرن العشرين وإثر انهيار الاتحاد السوفييتي قامت ست دول\n"
    "وقع عليها آنذاك ست دول هي: روسيا، أرمينيا، قرغيزستان، كازاخستان، طاجيكستان، وبيلاروسيا.\n"
    "في عام 2006 عادت أوزبكستان لتكون دولة كاملة العضوية في المنظمة"
)


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        ("وقع عليها آنذاك ست دول هي: روسيا، أرمينيا", QuoteStatus.EXACT),
        ("وَقَّعَ عليها آنذاك ست دول", QuoteStatus.EXACT),  # diacritics fold
        ("العشرين\nوإثر انهيار", QuoteStatus.EXACT),  # line breaks are spaces
        ("في عام 2006 عادت … كاملة العضوية", QuoteStatus.EXACT),  # ellipsis: parts in order
        ("في عام 2006 عادت ... كاملة العضوية", QuoteStatus.EXACT),
        ("كاملة العضوية … في عام 2006", QuoteStatus.MISSING),  # parts out of order
        ("في عام 2006 عادت اوزبكستان لتكون دوله كامله العضويه بالمنظمة", QuoteStatus.APPROXIMATE),
        ("انضمت جورجيا إلى الحلف الأطلسي", QuoteStatus.MISSING),
        ("", QuoteStatus.ABSENT),
        (None, QuoteStatus.ABSENT),
    ],
)
def test_quotes(quote: str | None, status: QuoteStatus) -> None:
    match = SourceText(TEXT).find(quote, 90)
    assert match.status is status
    if status is QuoteStatus.EXACT:
        assert match.score == 100
        assert match.spans and all(TEXT[a:b] for a, b in match.spans)
    if status is QuoteStatus.APPROXIMATE:
        assert match.found and match.found in TEXT
        assert 90 <= match.score < 100


def test_exact_quote_spans_point_at_the_original_text() -> None:
    text = "قال: «منظمة مُعاهدة الأمن الجماعي» تأسست"
    match = SourceText(text).find("منظمة معاهدة الامن الجماعي", 90)
    ((start, end),) = match.spans
    assert text[start:end] == "منظمة مُعاهدة الأمن الجماعي»"


def test_an_approximate_quote_shows_whole_words() -> None:
    text = "The treaty was signed in Tashkent on 15 May 1992 by six states."
    match = SourceText(text).find("treaty was sined in Tashkent on 15 May", 90)
    assert match.status is QuoteStatus.APPROXIMATE
    assert match.found == "treaty was signed in Tashkent on 15 May"
