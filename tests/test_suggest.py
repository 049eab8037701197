"""The claims add-source suggests: sentences that hold a keyword, with the values seen in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reconcile.extract import Sentence, find_numbers
from reconcile.extract_dates import find_dates
from reconcile.extract_names import find_entities, find_entity
from reconcile.extract_text import find_quoted, find_text
from reconcile.extract_words import find_boolean, find_choices
from reconcile.load import load_config, load_project
from reconcile.name_mentions import NameIndex
from reconcile.suggest import suggest_claims
from reconcile.suggest_text import sentences
from writes import (
    EXIT_CLEAN,
    about,
    new_project,
    run,
    suggested_blocks,
    write_article,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `reconcile init`."""
    return new_project(tmp_path)


def test_add_source_suggests_claims_commented_out_keyed_to_properties(
    project: Path, tmp_path: Path
) -> None:
    result = run(
        "add-source",
        "--project",
        project,
        write_article(tmp_path),
        "--id",
        "tass",
        "--published",
        "2022",
        "--language",
        "ar",
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    claims = project / "claims" / "tass.yaml"
    text = claims.read_text(encoding="utf-8")
    assert all(line.startswith("#") or not line.strip() for line in text.splitlines())
    assert yaml.safe_load(text) is None
    match = re.search(r"with (\d+) suggested claims", result.output)
    assert match and int(match.group(1)) == text.count("# - topic:")
    # "وقع" (a keyword of treaty.signed) matches "وقّع" despite the shadda
    blocks = suggested_blocks(text)
    signed = [b for b in blocks if about(b, "signed")]
    assert len(signed) == 1
    assert "value: 1992-05-15" in signed[0]
    assert 'quote: "وقّع عليها في طشقند في 15 أيار 1992' in signed[0]
    signatories = next(b for b in blocks if about(b, "signatories"))
    assert "value: [tashkent" not in signatories
    assert "value: [russia, armenia, kazakhstan, kyrgyzstan, tajikistan, uzbekistan]" in signatories
    status = next(b for b in blocks if about(b, "status"))
    assert "subject: uzbekistan" in status and "as_of: 2012" in status
    assert "one of: member, withdrawn, suspended" in status
    # the project still checks, and the new source has no claims yet
    checked = run("check", "--project", project)
    assert checked.exit_code == EXIT_CLEAN, checked.output
    assert checked.output.startswith("My fact-check: 2 sources, 5 claims")


def test_an_uncommented_suggestion_is_a_valid_claim_with_an_exact_quote(
    project: Path, tmp_path: Path
) -> None:
    run(
        "add-source",
        "--project",
        project,
        write_article(tmp_path),
        "--id",
        "tass",
        "--published",
        "2022",
    )
    claims = project / "claims" / "tass.yaml"
    signed = next(
        b for b in suggested_blocks(claims.read_text(encoding="utf-8")) if about(b, "signed")
    )
    claims.write_text("\n".join(line[2:] for line in signed.splitlines()) + "\n", encoding="utf-8")
    loaded = load_project(project)
    claim = next(c for c in loaded.claims if c.source == "tass")
    assert (claim.topic, claim.property, claim.value.canonical()) == (
        "treaty",
        "signed",
        "1992-05-15",
    )
    assert claim.quote_match.status == "exact"


def test_add_source_without_any_keyword_explains_how_to_write_claims(
    project: Path, tmp_path: Path
) -> None:
    article = write_article(tmp_path, "Nothing relevant here.\n")
    result = run("add-source", "--project", project, article, "--id", "plain")
    assert result.exit_code == EXIT_CLEAN
    assert "with 0 suggested claims" in result.output
    text = (project / "claims" / "plain.yaml").read_text(encoding="utf-8")
    assert "nothing is\n# suggested" in text and yaml.safe_load(text) is None


def test_add_source_guesses_numbers_as_numbers(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "members.txt"
    article.write_text("بلغ عدد الدول الأعضاء 6 دول في ذلك العام.\n", encoding="utf-8")
    result = run(
        "add-source", "--project", project, article, "--id", "count", "--published", "2022"
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    text = (project / "claims" / "count.yaml").read_text(encoding="utf-8")
    (block,) = [b for b in suggested_blocks(text) if about(b, "member_count")]
    assert "#   value: 6  #" in block


def test_sentences_split_on_arabic_and_latin_punctuation() -> None:
    text = "First one. Second 3.5 kg! Third؟ رابع؛ خامس; sixth\nseventh at example.org ok"
    assert list(sentences(text)) == [
        (1, "First one."),
        (1, "Second 3.5 kg!"),
        (1, "Third؟"),
        (1, "رابع؛"),
        (1, "خامس;"),
        (1, "sixth"),
        (2, "seventh at example.org ok"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It came down at about 1:30 a.m. on Thursday, June 24. Two died.",
            ["It came down at about 1:30 a.m. on Thursday, June 24.", "Two died."],
        ),
        (
            "He left at 5 p.m. The next day it rained.",
            ["He left at 5 p.m.", "The next day it rained."],
        ),
        (
            "Mr. Smith met Dr. Jones at the U.S. Capitol.",
            ["Mr. Smith met Dr. Jones at the U.S. Capitol."],
        ),
        ("The toll rose to 5. Officials said so.", ["The toll rose to 5.", "Officials said so."]),
        (
            "Самолёт сел 5 мая 2019 г. в Шереметьево. Капитан Д. Евдокимов признал вину.",
            ["Самолёт сел 5 мая 2019 г. в Шереметьево.", "Капитан Д. Евдокимов признал вину."],
        ),
        (
            "كتب د. معن منيف سليمان مقالا. وانتهى الاجتماع.",
            ["كتب د. معن منيف سليمان مقالا.", "وانتهى الاجتماع."],
        ),
        (
            "Ему предъявили обвинение по ч. 3 ст. 263 УК РФ. Суд начался.",
            ["Ему предъявили обвинение по ч. 3 ст. 263 УК РФ.", "Суд начался."],
        ),
        (
            "See art. 5 and pp. 12-14 of the report. It was read.",
            ["See art. 5 and pp. 12-14 of the report.", "It was read."],
        ),
    ],
)
def test_a_full_stop_after_an_abbreviation_or_before_lower_case_ends_no_sentence(
    text: str, expected: list[str]
) -> None:
    assert [sentence for _, sentence in sentences(text)] == expected


def test_keywords_match_at_word_starts_after_arabic_prefixes(project: Path) -> None:
    config = load_config(project)
    found = {
        (s.property.id, s.sentence)
        for s in suggest_claims(
            "وَوقّعت الدول عام 1991. تحالف قوي عام 1992. ووقعت عام 1993. They SIGNED it in 1994."
            " It was cosigned in 1995.",
            config,
        )
    }
    assert ("signed", "وَوقّعت الدول عام 1991.") in found
    assert ("signed", "ووقعت عام 1993.") in found
    assert ("signed", "They SIGNED it in 1994.") in found
    assert ("signed", "It was cosigned in 1995.") not in found
    assert not any(sentence == "تحالف قوي عام 1992." for _, sentence in found)


def test_the_hint_names_the_keyword_as_the_sentence_writes_it(project: Path) -> None:
    config = load_config(project)
    (english,) = suggest_claims("They SIGNED it in 1994.", config)
    (arabic,) = suggest_claims("ووقعت عام 1993.", config)
    assert "keyword 'signed'" in english.why and "keyword 'ووقعت'" in arabic.why


# Values read from a sentence, one rule per type, in Arabic, English and Russian -------------

LANGUAGES = ("ar", "en", "ru")


@pytest.mark.parametrize(
    ("sentence", "year", "dates"),
    [
        ("وقعت المعاهدة في الـ7 من أكتوبر 2002 في كيشيناو", None, ["2002-10-07"]),
        ("وقّع عليها في 15 أيار 1992 ست دول", None, ["1992-05-15"]),
        ("في 15 أيار/مايو 1992 وقعت", None, ["1992-05-15"]),
        ("اجتمعوا في السادس من شباط", 2023, ["2023-02-06"]),
        ("وفي عام 2012 علقت عضويتها", None, ["2012"]),
        ("The first shock came on 6 February 2023, at 04:17", None, ["2023-02-06"]),
        ("It was signed on May 15, 1992 in Tashkent", None, ["1992-05-15"]),
        ("The toll may rise, officials said in 2023", None, ["2023"]),
        ("Signed 1992-05-15 and ratified 1993-04", None, ["1992-05-15", "1993-04"]),
        ("Договор подписан в 1992 году", None, ["1992"]),
        ("Договор подписан 15 мая", 1992, ["1992-05-15"]),
        ("Договор вступил в силу 5 февраля 2011 года", None, ["2011-02-05"]),
        # an interval written as two dates, after "from" or "between"
        ("جرى التصويت من الجمعة 1 ديسمبر حتى الأحد 3 ديسمبر", 2023, ["2023-12-01/2023-12-03"]),
        ("بين 28 ديسمبر و3 يناير 2024", 2024, ["2023-12-28/2024-01-03"]),
        ("Voting ran from Friday 1 December to Sunday 3 December", 2023, ["2023-12-01/2023-12-03"]),
        ("from December 1 to December 3, 2023", 2023, ["2023-12-01/2023-12-03"]),
        ("between May 2020 and June 2021", None, ["2020-05/2021-06"]),
        ("Голосование шло с 1 декабря по 3 декабря 2023 года", 2023, ["2023-12-01/2023-12-03"]),
        # two dates without "from" are two dates; two years may be a range of numbers
        ("postponed 1 December to 3 December", 2023, ["2023-12-01", "2023-12-03"]),
        ("from 1992 to 1995", None, ["1992", "1995"]),
        # days written as one word, "24-25"
        ("مشاهد ليلة 24-25 نيسان/أبريل 2021", None, ["2021-04-24/2021-04-25"]),
        ("the night of 24-25 April 2021", None, ["2021-04-24/2021-04-25"]),
        ("в ночь 24-25 апреля 2021 года", None, ["2021-04-24/2021-04-25"]),
    ],
)
def test_dates_in_each_language(sentence: str, year: int | None, dates: list[str]) -> None:
    parsed = Sentence.of(sentence)
    assert [d.value for d in find_dates(parsed.tokens, LANGUAGES, year)] == dates


@pytest.mark.parametrize(
    ("sentence", "values", "approximate"),
    [
        ("بلغ عدد القتلى 13.5 مليون", [13_500_000], [False]),
        ("شارك 50 ألف جندي", [50_000], [False]),
        ("وقعت ست دول", [6], [False]),
        ("قتل أكثر من 4000 شخص", [{"min": 4000}], [False]),
        ("حتى 20 ألف جندي", [{"max": 20000}], [False]),
        ("نحو 3600 عنصر", [3600], [True]),
        ("بلغ الإنتاج 17,9 مليون برميل", [17_900_000], [False]),
        ("قوامها 12.400 جندي", [12400], [False]),
        ("more than 4,000 people were killed", [{"min": 4000}], [False]),
        ("about nine hours later", [9], [True]),
        ("the toll passed 50,000 on Friday", [{"min": 50000}], [False]),
        ("between 3,000 and 4,000 troops", [{"min": 3000, "max": 4000}], [False]),
        ("at 04:17 local time six countries", [6], [False]),
        ("не менее 1550 боезарядов", [{"min": 1550}], [False]),
        ("около 700 носителей", [700], [True]),
        ("до 800 пусковых установок", [{"max": 800}], [False]),
        ("не более 1550 боезарядов", [{"max": 1550}], [False]),
        ("no more than 700 launchers", [{"max": 700}], [False]),
        ("لا يزيد عن 700 صاروخ", [{"max": 700}], [False]),
        ("шесть стран", [6], [False]),
        # a verb of exceeding, negated, is a bound from above
        ("بلغت نسبة الاقتراع نسبة لم تتجاوز 31 في المئة", [{"max": 31}], [False]),
        ("ولم يتجاوز عدد الناجين من الغرق مئة شخص", [{"max": 100}], [False]),
        ("the crowd did not exceed 5,000 people", [{"max": 5000}], [False]),
        ("the crowd didn't exceed 5,000 people", [{"max": 5000}], [False]),
        ("the toll is expected to exceed 900", [{"min": 900}], [False]),
        ("ущерб не превысил 40 млн рублей", [{"max": 40_000_000}], [False]),
        ("вода поднялась больше чем на сотню сантиметров", [{"min": 100}], [False]),
        # "to" after a verb of falling is the figure reached, not a maximum
        ("к вечеру вода опустилась до 940 сантиметров", [940], [False]),
        ("the lake sank to 3 metres below its mark", [3], [False]),
        ("هبط منسوب السد إلى 12 مترا", [12], [False]),
        # scale words and letters, as a decimal product
        ("the bill rose to more than €16.6 billion", [{"min": 16_600_000_000}], [False]),
        ("a $1m grant, £40k each and a 10m wall", [1_000_000, 40_000, 10], [False] * 3),
    ],
)
def test_numbers_in_each_language(
    sentence: str, values: list[object], approximate: list[bool]
) -> None:
    parsed = Sentence.of(sentence)
    found = find_numbers(parsed, LANGUAGES, find_dates(parsed.tokens, LANGUAGES, None))
    assert [f.value for f in found] == values
    assert [f.approximate for f in found] == approximate


@pytest.fixture(scope="module")
def countries() -> NameIndex:
    names = {
        "Russia": "russia", "روسيا": "russia", "Россия": "russia",
        "Armenia": "armenia", "أرمينيا": "armenia", "Армения": "armenia",
        "Belarus": "belarus", "بيلاروسيا": "belarus", "Беларусь": "belarus",
        "Myanmar": "myanmar", "Georgia": "georgia", "جورجيا": "georgia", "Грузия": "georgia",
        "United States": "united_states",
    }  # fmt: skip
    return NameIndex(names)


@pytest.mark.parametrize(
    ("sentence", "named", "left_out", "complete"),
    [
        ("تضم روسيا، وأرمينيا، وبيلاروسيا", ["russia", "armenia", "belarus"], [], True),
        ("جميعها باستثناء جورجيا وأرمينيا", [], ["georgia", "armenia"], True),
        ("Members include Russia, Armenia and the United States",
         ["russia", "armenia", "united_states"], [], False),
        ("all but Georgia and Armenia renewed", [], ["georgia", "armenia"], True),
        ("в неё входят Россия, Армения и Беларусь", ["russia", "armenia", "belarus"], [], True),
        ("все, кроме Грузии и Армении", [], ["georgia", "armenia"], True),
    ],
)  # fmt: skip
def test_entity_lists_in_each_language(
    countries: NameIndex, sentence: str, named: list[str], left_out: list[str], complete: bool
) -> None:
    (found,) = find_entities(Sentence.of(sentence).tokens, countries)
    assert (found.value, list(found.left_out), found.complete) == (named, left_out, complete)


@pytest.mark.parametrize(
    ("sentence", "entities"),
    [
        ("Myanmar's army and Russia's", ["myanmar", "russia"]),
        ("ولروسيا قاعدة في أرمينيا", ["russia", "armenia"]),
        ("базы России в Армении", ["russia", "armenia"]),
    ],
)
def test_one_entity_in_each_language(
    countries: NameIndex, sentence: str, entities: list[str]
) -> None:
    assert [f.value for f in find_entity(Sentence.of(sentence).tokens, countries)] == entities


_PLACES = NameIndex(
    {"Chelyabinsk": "city", "Chelyabinsk's": "city", "Chelyabinsk region": "region",
     "Челябинск": "city", "Челябинском": "city", "Челябинской": "region",
     "Челябинская область": "region", "الزرقاء": "city", "الزرقاوي": "region"}
)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "entities"),
    [
        # a name written exactly beats another's name in another form as long
        ("жители Челябинской и Курганской областей", ["region"]),
        ("в Челябинске выбиты окна", ["city"]),
        ("the Chelyabinsk region and the city", ["region"]),
        ("الزرقاوي", ["region"]),
    ],
)
def test_a_name_written_exactly_beats_a_form_of_another(sentence: str, entities: list[str]) -> None:
    assert [f.value for f in find_entity(Sentence.of(sentence).tokens, _PLACES)] == entities


_CHOICES = (("withdrawn", ("انسحبت", "withdrew", "вышла")), ("member", ("عضو", "member")))


@pytest.mark.parametrize(
    ("sentence", "choice"),
    [
        ("انسحبت أوزبكستان من المنظمة", "withdrawn"),
        ("Uzbekistan withdrew in 2012", "withdrawn"),
        ("Узбекистан вышла из организации", "withdrawn"),
        ("Armenia remains a member", "member"),
    ],
)
def test_choices_by_their_words_in_each_language(sentence: str, choice: str) -> None:
    assert [f.value for f in find_choices(Sentence.of(sentence), _CHOICES)] == [choice]


@pytest.mark.parametrize(
    ("sentence", "truth"),
    [
        ("لم تتدخل المنظمة في النزاع", False),
        ("تدخلت المنظمة في النزاع", True),
        ("No tsunami warning was issued", False),
        ("The agency didn't issue a warning", False),
        ("A tsunami warning was issued for the coast", True),
        ("ОДКБ не вмешалась в конфликт", False),
        ("ОДКБ вмешалась в конфликт", True),
        ("It warned, but did not act", True),  # the negation is in another clause
        ("Nobody heard a warning siren", False),
        ("Никто не эвакуировал жителей", False),
        # a negation that says something else: still, not only, a figure's bound
        ("ولا تزال فرق الإنقاذ منتشرة في الموقع", True),
        ("Not only the mayor resigned, the council did too", True),
        ("не только мэр ушел в отставку", True),
        ("не менее 20 спасателей работали на месте", True),
        ("ما لا يقل عن 20 مسعفا وصلوا إلى الموقع", True),
    ],
)
def test_booleans_by_negation_in_the_clause(sentence: str, truth: bool) -> None:
    (found,) = find_boolean(Sentence.of(sentence).tokens, [0])
    assert found.value is truth


@pytest.mark.parametrize(
    ("sentence", "known", "text"),
    [
        ("the rupture ran along the East Anatolian Fault", ["East Anatolian Fault"],
         "East Anatolian Fault"),
        ("مناورة تسمى رابيز 2008 في أرمينيا", ["رابيز 2008"], "رابيز 2008"),
        ("учения «Рубеж-2008» прошли в Армении", [], None),
        ("ورمزه الحصاد", ["الحصان"], None),  # one word, one letter off: another word
        ("his emblem is the fridge", ["bridge"], None),
        ("его символ — ворона", ["корона"], None),
        ("ورمزه النجمة", ["النجمة"], "النجمة"),
        # an article of a Russian code as codes cite it
        ("Уголовное дело по статье 143 УК РФ расследует СК", ["ст. 143 УК РФ"],
         "ст. 143 УК РФ"),
        # else written as the sentence has it, in whole words, when another source wrote it
        # otherwise
        ("along the Anatolian Fault line", ["East Anatolian Fault"], "the Anatolian Fault"),
        ("وفتحت النيابة تحقيقا بموجب المادة 143 من قانون العقوبات", ["المادة 143 من القانون"],
         "المادة 143 من قانون"),
    ],
)  # fmt: skip
def test_texts_that_other_sources_gave(sentence: str, known: list[str], text: str | None) -> None:
    found = find_text(sentence, known)
    assert (found[0].value if found else None) == text


def test_quoted_words_are_a_text_value() -> None:
    assert find_quoted("учения «Рубеж-2008» прошли в Армении") == "Рубеж-2008"
    assert find_quoted('an exercise called "Rubezh 2008"') == "Rubezh 2008"


def test_a_very_long_line_is_read_in_pieces_of_bounded_length() -> None:
    from reconcile.suggest_text import MAX_SENTENCE

    line = "15 May 1992, " * 6000
    pieces = [piece for _, piece in sentences(line)]
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert "".join(pieces).replace(" ", "") == line.replace(" ", "")


@pytest.mark.parametrize("name", ["ar-derna", "en-wildfire", "ru-kursk", "en-election"])
def test_values_left_unread_are_those_the_chosen_would_drop(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long article (every source of a project, one after another, under a headline) gets the
    same suggestions whether or not pairs whose values would all be dropped are left unread."""
    import reconcile.suggest as suggest
    from reconcile.precedent import precedent_of

    root = Path(__file__).resolve().parent.parent / "benchmarks" / "projects" / name
    project = load_project(root)
    bodies = [source.text for _, source in sorted(project.sources.items())]
    text = project.config.title + "\n\n" + "\n\n".join(bodies * 3)
    precedent = precedent_of(project)
    reads = 0
    original = suggest._suggestions

    def counted(*args: object) -> list[object]:
        nonlocal reads
        reads += 1
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(suggest, "_suggestions", counted)
    outcomes = []
    for every in (10**9, suggest.SETTLE_EVERY, 1):
        monkeypatch.setattr(suggest, "SETTLE_EVERY", every)
        reads = 0
        outcomes.append((suggest_claims(text, project.config, precedent), reads))
    (everything, all_read), (default, _), (eager, fewest) = outcomes
    assert default == everything and eager == everything
    assert fewest < all_read
