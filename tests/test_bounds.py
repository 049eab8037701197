"""Every input costs time and memory in proportion to its size, or meets a documented limit
(docs/limits.md) with a clear problem. The scales here fail in seconds without the bounds;
`-m slow` runs them at the sizes that once took minutes."""

from __future__ import annotations

import random
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.model import QuoteStatus
from reconcile.quotes import MAX_ELLIPSIS_PARTS, MAX_QUOTE_CHARS, SourceText
from test_hostile import TEXT, assert_clean_failure, invoke


def _words(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(count)
    )


@pytest.fixture(scope="module")
def megabyte() -> SourceText:
    return SourceText(_words(170_000))  # about 1 MB


def _timed(action):  # type: ignore[no-untyped-def]
    """The action's result and the CPU seconds this process spent on it: a bound on the work
    done, which other work on a busy machine does not move as it moves the wall clock."""
    started = time.process_time()
    result = action()
    return result, time.process_time() - started


@pytest.mark.parametrize("kilobytes", [1, 4, 8])
def test_a_missing_quote_is_searched_in_near_linear_time(megabyte, kilobytes) -> None:
    quote = _words(kilobytes * 170, seed=kilobytes + 7)
    match, seconds = _timed(lambda: megabyte.find(quote, 90))
    assert match.status is QuoteStatus.MISSING
    assert seconds < 4


def test_an_approximate_quote_is_still_found(megabyte) -> None:
    passage = megabyte.text[400_000:401_200]
    start = passage.index(" ") + 1
    passage = passage[start : passage.rindex(" ")]
    typo = passage[:300] + "x" + passage[301:]
    match, seconds = _timed(lambda: megabyte.find(typo, 90))
    assert match.status is QuoteStatus.APPROXIMATE, match
    assert seconds < 4
    assert abs(match.spans[0][0] - (400_000 + start)) < 50


def test_a_quote_over_the_limit_is_refused_fast(megabyte) -> None:
    quote = _words(MAX_QUOTE_CHARS // 4, seed=3)
    assert len(quote) > MAX_QUOTE_CHARS
    match, seconds = _timed(lambda: megabyte.find(quote, 90))
    assert match.status is QuoteStatus.MISSING
    assert seconds < 2


def test_a_megabyte_quote_is_refused_fast(megabyte) -> None:
    match, seconds = _timed(lambda: megabyte.find("ab " * 350_000, 90))
    assert match.status is QuoteStatus.MISSING
    assert seconds < 2


def test_a_quote_of_5000_ellipses_is_bounded(megabyte) -> None:
    quote = " … ".join(_words(5000, seed=4).split())
    match, seconds = _timed(lambda: megabyte.find(quote, 90))
    assert seconds < 4
    assert match.status is QuoteStatus.MISSING
    assert MAX_ELLIPSIS_PARTS < 5000


def test_quotes_that_each_bring_a_new_character_fold_in_linear_time() -> None:
    from reconcile.normalise import _FOLD, normalise

    texts = [f"quote {n} holds {chr(0x4E00 + n)} and É" for n in range(20_000)]
    folded, seconds = _timed(lambda: [normalise(text) for text in texts])
    assert folded == [" ".join(text.translate(_FOLD).split()) for text in texts]
    assert seconds < 10  # rebuilding the pattern of known characters at every quote took minutes


@given(st.text(alphabet=".…a ", max_size=40))
def test_a_quote_is_cut_into_as_many_parts_as_it_has_ellipses(quote: str) -> None:
    from reconcile.quotes import _ELLIPSIS, quote_limit_problem

    parts = len(_ELLIPSIS.split(quote))
    assert parts == len(_ELLIPSIS.findall(quote)) + 1
    assert (quote_limit_problem(quote) is None) == (parts <= MAX_ELLIPSIS_PARTS)
    many = quote * 40  # past the limit whenever the quote has two ellipses
    assert (quote_limit_problem(many) is None) == (len(_ELLIPSIS.split(many)) <= MAX_ELLIPSIS_PARTS)


def test_a_quote_too_long_is_a_warning_in_check(make_project) -> None:
    quote = "ab " * (MAX_QUOTE_CHARS // 2)
    claims = f"- {{topic: founding, property: charter, value: x, quote: '{quote}'}}\n"
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims})
    result = invoke("check", "--project", root)
    assert "[quote-too-long]" in result.output, result.output


def _entity_project(make_project, entities: int, misspellings: int) -> Path:
    rng = random.Random(5)
    names = [_words(2, seed=n).title() for n in range(entities)]
    vocabulary = "\n".join(f"    e{n}: {{label: '{name}'}}" for n, name in enumerate(names))
    config = (
        "title: t\nentities:\n  country:\n" + vocabulary + "\ntopics:\n  t:\n    properties:\n"
        "      where: {type: entity, kind: country}\n"
    )
    claims = "".join(
        f"- {{topic: t, property: where, value: '{name[:3]}{rng.choice('qxz')}{name[3:]}'}}\n"
        for name in rng.sample(names, misspellings)
    )
    root: Path = make_project(config=config, sources={"a": ("2022", "text")}, claims={"a": claims})
    return root


def test_many_misspellings_against_many_entities(make_project) -> None:
    root = _entity_project(make_project, 20_000, 300)
    result, seconds = _timed(lambda: invoke("check", "--project", root))
    assert "Traceback" not in result.output
    assert seconds < 30


@pytest.mark.slow
def test_2000_misspellings_against_20000_entities(make_project) -> None:
    root = _entity_project(make_project, 20_000, 2000)
    result, seconds = _timed(lambda: invoke("check", "--project", root))
    assert "Traceback" not in result.output
    assert seconds < 60


@pytest.mark.parametrize("size", [2000, 20_000])
def test_an_edtf_set_of_many_years_is_read_in_linear_time(size) -> None:
    from reconcile.values import InvalidValue, parse_date

    years = ", ".join(str(1000 + n % 9000) for n in range(size))
    started = time.monotonic()
    try:
        value = parse_date(f"[{years}]")
    except InvalidValue as exc:
        assert "set" in str(exc)
    else:
        assert value.span.low <= value.span.high
    assert time.monotonic() - started < 3


def test_edtf_sets_keep_their_spans() -> None:
    from reconcile.values import parse_date

    assert parse_date("[1990, 1995..1997]").span == parse_date("1990/1997").span
    assert parse_date("{1992-05, 1993}").span == parse_date("1992-05/1993").span


def test_a_source_that_folds_to_many_times_its_length_is_bounded(make_project) -> None:
    text = "\ufdfa" * 1_000_000  # 3 MB of one character that folds to 18
    root = make_project(sources={"a": ("2022", text)}, claims={"a": "[]\n"})
    script = (
        "import resource, sys\n"
        "from click.testing import CliRunner\n"
        "from reconcile.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['check', '--project', {str(root)!r}])\n"
        "print(r.output)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    output, _, peak = done.stdout.rstrip().rpartition("\n")
    assert "Traceback" not in done.stderr, done.stderr
    assert "[text-expands]" in output, output
    assert int(peak) < 700 * 1024  # kilobytes


def test_the_offsets_of_folded_text_are_compact() -> None:
    from reconcile.normalise import normalise_with_offsets

    folded, origin = normalise_with_offsets("Aé  b")
    assert (folded, list(origin)) == ("ae b", [0, 1, 2, 4])
    paragraph = "One sentence of an article, and another one after it.\n\n" * 10_000
    folded, origin = normalise_with_offsets(paragraph)
    assert origin.runs == 10_000  # a run per collapsed paragraph break, none per character
    assert origin[len(folded) - 1] == len(paragraph) - 3


def test_40000_claims_quoting_one_passage_render_in_linear_time() -> None:
    from reconcile.render.html.sourcetext import _pieces

    class Words:
        def t(self, key: str, **values: str) -> str:
            return values.get("title", key)

    text = "x" * 1000
    passages = [((10, 20), f"c--a--{n}-1", "title") for n in range(40_000)]
    pieces, seconds = _timed(lambda: _pieces(text, "a", passages, Words()))  # type: ignore[arg-type]
    assert seconds < 3
    assert sum(len(piece.backlinks) for piece in pieces) == 40_000


def test_add_source_on_a_line_of_60000_years_is_bounded(make_project, tmp_path) -> None:
    from conftest import CONFIG

    root = make_project(config=CONFIG, sources={"a": ("2022", TEXT)}, claims={"a": "[]\n"})
    article = tmp_path / "years.txt"
    article.write_text("وقع " + " ".join(str(1000 + n % 999) for n in range(60_000)) + "\n")
    result, seconds = _timed(
        lambda: invoke("add-source", "--project", root, article, "--id", "years")
    )
    assert result.exit_code == 0, result.output
    assert seconds < 20
    claims = (root / "claims" / "years.yaml").read_text(encoding="utf-8")
    assert len(claims) < 200_000


def test_bad_input_at_scale_still_fails_cleanly(make_project) -> None:
    """The limits never hide bad input: a huge quote of a bad claim is still an error."""
    claims = "- {topic: nope, property: x, value: 1, quote: '" + "a " * 50_000 + "'}\n"
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claims})
    assert_clean_failure(invoke("check", "--project", root), "unknown-topic")
