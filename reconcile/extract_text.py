"""The words of a sentence that give text: what it puts in quotation marks, the words after a
verb to the end of their clause, a subject's title, and words that write other sources' texts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reconcile.extract import Found, Sentence
from reconcile.normalise import normalise
from reconcile.wordforms import Token, is_form_of, tokens

__all__ = ["clause_after", "find_quoted", "find_text", "title_of"]


_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]{2,80})[\"”»“]")


def find_quoted(sentence: str) -> str | None:
    """The first words the sentence puts in quotation marks: a name it gives ("Rubezh 2008")."""
    match = _QUOTED.search(sentence)
    return match.group(1).strip() if match else None


def clause_after(sentence: Sentence, text: str, at: int) -> Found:
    """The words after token `at` to the end of its clause, at most a dozen, as the sentence
    writes them: what follows "named", "signed", "chaired by"."""
    found = sentence.tokens
    end = at + 1
    while end < len(found) and end - at <= 12 and not found[end - 1].stop:
        end += 1
    if end <= at + 1:
        return Found(None, at, at + 1)
    return Found(_written(sentence, text, at + 1, end), at + 1, end)


def _written(sentence: Sentence, text: str, start: int, end: int) -> str | None:
    """Tokens `start` to `end` (not included) as the sentence writes them, whole words."""
    found = sentence.tokens
    first, last = found[start].word, found[end - 1].word
    written = text.split()
    words = written if len(written) == len(sentence.words()) else sentence.words()
    return " ".join(words[first : last + 1]).strip(_EDGES) or None


#: What a text value neither begins nor ends with: white space and the marks between clauses.
_EDGES = " .,;:!?،؛"


#: How far from its subject a property's word may stand to be read as the subject's title:
#: "технический директор кондитерского комбината Георгий Соболев", "Yulia Bogdanova, the
#: former director".
_TITLE_BEFORE = 7
_TITLE_AFTER = 4
_ARTICLES = frozenset(("the", "a", "an"))
# A Russian adjective's endings, folded (й is и): the words before a title's head that belong
# to it ("бывший генеральный директор", "главный государственный инспектор").
_RUSSIAN_ADJECTIVE = re.compile(
    r"[а-я]{2,}(ыи|ии|ои|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|еи)"
)


def _held(word: str, heads: frozenset[str]) -> bool:
    """Whether `word` is one of `heads`, or one of them with an ending ("директора" of
    "директор")."""
    return word in heads or any(
        len(head) >= 4 and word.startswith(head) and len(word) - len(head) <= 3 for head in heads
    )


def title_of(
    sentence: Sentence,
    text: str,
    subject: tuple[int, int],
    cues: Sequence[int],
    heads: frozenset[str],
    stops: Sequence[int],
) -> Found | None:
    """A subject's title (its tokens `subject`): where one of the property's words (`cues`)
    is a word the values themselves hold (`heads`, the words of other sources' texts:
    "director" in "technical director"), the words written just before the subject
    ("Руководитель тушения пожара Андрей Бурсин") or just after it ("Юлия Богданова, бывший
    генеральный директор комбината") that it heads, with the words before the head that
    are adjectives in Russian or words of other sources' texts ("chief" in "chief
    executive"). `stops`: the sentence's stop_counts."""
    found = sentence.tokens
    start, end = subject
    titles = [at for at in cues if _held(found[at].text, heads)]
    after = sorted(at for at in titles if end <= at < end + _TITLE_AFTER)
    if after and stops[after[0]] - stops[end] <= 1:
        while end < after[0] and found[end].text in _ARTICLES:
            end += 1
        last = after[0] + 1
        while last < len(found) and last - end < 12 and not found[last - 1].stop:
            last += 1
        return Found(_written(sentence, text, end, last), end, last)
    before = [at for at in titles if start - _TITLE_BEFORE <= at < start]
    if before and stops[before[0]] == stops[start - 1]:
        first = before[0]
        while (
            first > 0
            and start - first < _TITLE_BEFORE + 3
            and not found[first - 1].stop
            and found[first - 1].text not in _ARTICLES
            and (
                _held(found[first - 1].text, heads)
                or _RUSSIAN_ADJECTIVE.fullmatch(found[first - 1].text)
            )
        ):
            first -= 1
        return Found(_written(sentence, text, first, start), first, start)
    return None


#: How alike (0-100) the words of a sentence must be to a text value other sources gave; a
#: value of one word must be written whole, as a letter or two make another word of it
#: ("النجمة" is not "الجمه", "star" not "start").
_TEXT_LIKENESS = 80
_WORD_LIKENESS = 95


def find_text(sentence: str, known: Sequence[str]) -> list[Found]:
    """The words of the sentence that write a text value other sources gave (best first), each
    spanning the words (not tokens) it covers; where the others cite articles of a Russian
    code, the articles the sentence cites, as codes cite them."""
    from rapidfuzz import fuzz

    from reconcile.quotes import SourceText

    if any(_CITATION.fullmatch(value.strip()) for value in known):
        cited = citations(sentence)
        if cited:
            return cited
    text = SourceText(sentence)
    folded = text.folded
    words = tokens(folded)
    found: list[tuple[float, Found]] = []
    for value in dict.fromkeys(known):
        target = normalise(value)
        if not target:
            continue
        inflected = _inflected(words, tuple(t.text for t in tokens(target)))
        if inflected is not None:
            found.append((100.0, Found(value, *inflected)))
            continue
        alignment = fuzz.partial_ratio_alignment(target, folded)
        needed = _TEXT_LIKENESS if " " in target.strip() else _WORD_LIKENESS
        if alignment is not None and alignment.score >= needed:
            low, high = alignment.dest_start, alignment.dest_end
            written = value if alignment.score >= 95 else text.words_at(low, high).strip(_EDGES)
            start = folded.count(" ", 0, low)
            end = folded.count(" ", 0, high) + 1
            found.append((alignment.score, Found(written.strip(), start, end)))
    return [f for _, f in sorted(found, key=lambda pair: -pair[0])]


def _inflected(found: Sequence[Token], value: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the sentence writes the words of `value` in other case forms ("гладкоствольным
    ружьем" for "гладкоствольное ружье"), as the words (start, end) they cover; None if not."""
    size = len(value)
    for start in range(len(found) - size + 1):
        if all(
            is_form_of(found[start + k].text, word, first=k == 0) for k, word in enumerate(value)
        ):
            return found[start].word, found[start + size - 1].word + 1
    return None


#: An article of a Russian code as the press cites it: "ч. 3 ст. 238 УК РФ", "части 2 статьи
#: 105 УК РФ", "статье 143 УК РФ", "пункты «а», «е», «и» части 2 статьи 105 УК РФ".
_CITATION = re.compile(
    r"(?:(?P<points>(?:п\.|пункт\w*)\s*«\w»(?:\s*,\s*«\w»)*)\s+)?"
    r"(?:(?:ч\.|част\w*)\s*(?P<part>\d+)\s+)?"
    r"(?:ст\.|стать\w*)\s*(?P<article>\d+(?:\.\d+)?)\s+"
    r"(?P<code>УК|УПК|КоАП|ГК|ТК)(?:\s+РФ)?(?!\w)",
    re.IGNORECASE,
)
_CODES = {"ук": "УК", "упк": "УПК", "коап": "КоАП", "гк": "ГК", "тк": "ТК"}


def citations(sentence: str) -> list[Found]:
    """The articles of a Russian code the sentence cites, each written as codes cite
    themselves ("части 3 статьи 263 УК" is "ч. 3 ст. 263 УК РФ"), spanning its words."""
    found = []
    for match in _CITATION.finditer(sentence):
        points = match["points"]
        written = " ".join(
            part
            for part in (
                "п. " + ", ".join(re.findall(r"«\w»", points)) if points else "",
                f"ч. {match['part']}" if match["part"] else "",
                f"ст. {match['article']}",
                _CODES[match["code"].casefold()] + " РФ",
            )
            if part
        )
        start = len(sentence[: match.start()].split())
        found.append(Found(written, start, start + len(match[0].split())))
    return found
