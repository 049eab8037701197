"""How an article is cut into the sentences suggestions are read from, and which line is its
headline."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["MAX_SENTENCE", "headline_line", "sentences"]

#: The longest piece of text read as one sentence.
MAX_SENTENCE = 2000

# A sentence ends at . ! ? ؟ ; ؛ ۔ … and at every line break; a full stop ends one only before
# a space or the end of the line, so 3.5 and example.org do not split, and not before a word
# in lower case ("at 1:30 a.m. on Thursday", "в 2019 г. самолёт"), nor after an initial or a
# title ("J. Biden", "U.S. Navy", "Д. Евдокимов", "د. معن", "Dr. Jones"): a sentence of
# English or Russian begins with a capital.
_SENTENCE_END = re.compile(r"[!?؟;؛۔…]+|\.+(?=\s|$)")
_NOT_AN_END = re.compile(r"\s+[a-zа-яё]")
_ABBREVIATED = re.compile(
    r"(?:^|[\s(«\"“.])(?:[^\W\d_]|mr|mrs|ms|dr|prof|gen|gov|sen|rep|st|mt|lt|col|capt|sgt|jr|sr|no|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|etc|inc|ltd|co|corp)\.$",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)  # "at 5 p.m. The next day": an end
# Abbreviations that number what follows them, ending no sentence before a digit: an article of
# a code ("ч. 3 ст. 263 УК РФ", "гл. 2"), a page, a paragraph, a volume ("art. 5", "pp. 12").
_NUMBERING = re.compile(r"(?:^|[\s(«\"“])(?:ст|пп|гл|art|para|pp|vol|fig|nos)\.$", re.IGNORECASE)
_DIGIT_NEXT = re.compile(r"\s+\d")
_PUNCTUATION = ".!?؟;؛۔… \t"


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of `text`, stripped, each with the (1-based) line it is on."""
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        for match in [*_SENTENCE_END.finditer(line), None]:
            if match is not None and match[0][0] == "." and _abbreviation(line, match.end()):
                continue
            end = match.end() if match else len(line)
            for piece in _pieces(line[start:end].strip()):
                if piece.strip(_PUNCTUATION):
                    yield number, piece
            start = end


def _abbreviation(line: str, end: int) -> bool:
    """Whether the full stop that ends at `end` ends an abbreviation rather than a sentence."""
    if _NOT_AN_END.match(line, end):
        return True
    if _TIME_OF_DAY.search(line, max(0, end - 5), end):
        return False
    if _DIGIT_NEXT.match(line, end) and _NUMBERING.search(line, max(0, end - 6), end):
        return True
    return bool(_ABBREVIATED.search(line, max(0, end - 8), end))


def _pieces(sentence: str) -> Iterator[str]:
    """The sentence, cut at spaces into parts of at most MAX_SENTENCE characters: a line of
    60,000 dates is read part by part, in time that grows with its length."""
    while len(sentence) > MAX_SENTENCE:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        yield sentence[:cut].strip()
        sentence = sentence[cut:].strip()
    yield sentence


#: The most words a headline has.
HEADLINE_WORDS = 30


def headline_line(text: str) -> int | None:
    """The line of the article's headline: its first line, when more follow, it is short and
    it ends with no full stop or other mark that ends a sentence ("Death toll reaches 93, the
    worst US wildfire in over a century", "الحصيلة تتجاوز ألفي قتيل.. المغرب يعلن الحداد")."""
    lines = text.split("\n")
    at = next((n for n, line in enumerate(lines) if line.strip()), None)
    if at is None or at == len(lines) - 1:
        return None
    first = lines[at].strip().rstrip("\"'»”)]")
    if not first or first[-1] in _PUNCTUATION or len(first.split()) > HEADLINE_WORDS:
        return None
    return at + 1
