"""Claims guessed from an article: each sentence that holds a keyword of a property, with the
dates, numbers and entities seen in it, written as commented-out blocks of a claims file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.load import SOURCES_DIR
from reconcile.model import Config, Property
from reconcile.normalise import PROCLITICS, normalise
from reconcile.values import RULES, Guess, PropertyType, SentenceContext
from reconcile.yamldump import inline, one_line, scalar

__all__ = ["Suggestion", "claims_file", "sentences", "suggest_claims"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence of an article that may state a property, with the values seen in it."""

    property: Property
    keyword: str
    sentence: str
    line: int
    dates: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # the values of the property's type in the sentence
    subjects: tuple[str, ...] = ()  # ids of entities of its subject kind


# A sentence ends at . ! ? ؟ ; ؛ ۔ … and at every line break; a full stop ends one only before
# a space or the end of the line, so 3.5 and example.org do not split.
_SENTENCE_END = re.compile(r"[!?؟;؛۔…]+|\.+(?=\s|$)")
_PUNCTUATION = ".!?؟;؛۔… \t"


#: The longest sentence looked at: a longer run without a sentence end is cut at a space.
MAX_SENTENCE_CHARS = 2000


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of `text`, stripped, each with the (1-based) line it is on."""
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        for match in [*_SENTENCE_END.finditer(line), None]:
            end = match.end() if match else len(line)
            for piece in _bounded(line[start:end]):
                if piece.strip(_PUNCTUATION):
                    yield number, piece
            start = end


def _bounded(sentence: str) -> Iterator[str]:
    """`sentence` stripped, in pieces of at most MAX_SENTENCE_CHARS, cut at spaces."""
    sentence = sentence.strip()
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        yield sentence[:cut].strip()
        sentence = sentence[cut:].strip()
    yield sentence


def suggest_claims(text: str, config: Config) -> Iterator[Suggestion]:
    """Each (sentence, property) pair where the sentence holds one of the property's keywords.

    Keywords and sentences are compared normalised, so spelling variants (أ/ا, ة/ه, diacritics,
    case) still match. A keyword matches at the start of a word, after any Arabic prefix
    (و ف ب ل ك ال), and the word may go on: وقع finds وَوقّعت, sign finds signed, but ألف
    (thousand) does not find تحالف (alliance).
    """
    keywords = [
        (prop, keyword, re.compile(rf"(?<!\w){PROCLITICS}(?:ال)?{re.escape(folded)}"))
        for topic in config.topics.values()
        for prop in topic.properties.values()
        for keyword in prop.keywords
        if (folded := normalise(keyword))
    ]
    if not keywords:
        return
    context = SentenceContext(config.entities)
    for line, sentence in sentences(text):
        folded = normalise(sentence)
        matched: dict[tuple[str, str], str] = {}
        for prop, keyword, folded_keyword in keywords:
            if folded_keyword.search(folded):
                matched.setdefault((prop.topic, prop.id), keyword)
        if not matched:
            continue
        for topic in config.topics.values():
            for prop in topic.properties.values():
                found = matched.get((prop.topic, prop.id))
                if found is None:
                    continue
                yield Suggestion(
                    prop,
                    found,
                    sentence,
                    line,
                    RULES[PropertyType.DATE].candidates(folded, prop, context),
                    RULES[prop.type].candidates(folded, prop, context),
                    context.finder.find(prop.subject, folded),
                )


_CLAIMS_HEADER = """\
# The claims of {source}: one list item per fact the article states.
#   topic, property, value   required; the topic and property come from reconcile.yaml
#   quote                    the words of the article that back the claim, copied from it
#   subject                  for per-entity properties: the entity the value is about
#   as_of                    for temporal properties: when the value held (EDTF); without it,
#                            the source's `published` date
#   complete: false          for a list of entities that is only partial ("members include")
#   approximate: true        for a number given as "about …"
#   note                     free text for the reviewer
#
"""

_SUGGESTED = """\
# `reconcile add-source` suggests the claims below, all commented out: each comes from a sentence
# of the article that holds a keyword of a property (shown after its topic). For each one that
# holds, remove the "# " at the start of its lines, then check the value, which is only a guess
# from the sentence, fill in what is empty and delete the hints (after a second #) you do not
# need. Delete the rest. Until you uncomment a claim this file holds none.
"""

_NOTHING_SUGGESTED = """\
# No sentence of the article holds a keyword of a property in reconcile.yaml, so nothing is
# suggested (give properties `keywords` to get suggestions). Write the claims as in:
#
# - topic: TOPIC
#   property: PROPERTY
#   value: VALUE
#   quote: "the words of the article that say so"
"""


def claims_file(source_id: str, suggestions: list[Suggestion], text_line: int) -> str:
    """The new claims/ID.yaml: a header, then each suggestion as a commented-out claim."""
    header = _CLAIMS_HEADER.format(source=f"{SOURCES_DIR}/{source_id}.md")
    if not suggestions:
        return header + _NOTHING_SUGGESTED
    blocks = [_suggestion_block(suggestion, text_line - 1) for suggestion in suggestions]
    text = header + _SUGGESTED + "".join(f"\n{block}" for block in blocks)
    # every line a comment, so that the file holds no claims until the user uncomments some
    assert all(line.startswith("#") for line in text.splitlines() if line), text
    return text


def _suggestion_block(suggestion: Suggestion, line_offset: int) -> str:
    prop = suggestion.property
    label = prop.label.get()
    lines: list[tuple[str, str]] = [
        (
            f"- topic: {inline(prop.topic)}",
            f"line {suggestion.line + line_offset}, keyword {scalar(suggestion.keyword)}",
        ),
        (f"  property: {inline(prop.id)}", label if label != prop.id else ""),
    ]
    if prop.subject:
        lines.append(
            _with_guess(
                "  subject:",
                RULES[PropertyType.ENTITY].guess(suggestion.subjects),
                f"the {prop.subject} this is about: its id or any name of it",
            )
        )
    lines.append(_value_line(suggestion))
    lines.extend(("", hint) for hint in RULES[prop.type].flag_hints)
    if prop.temporal:
        dates = suggestion.dates if prop.type is not PropertyType.DATE else suggestion.dates[1:]
        lines.append(
            _with_guess(
                "  as_of:",
                RULES[PropertyType.DATE].guess(dates),
                "when this held (EDTF); delete the line to use the source's published date",
            )
        )
    lines.append((f"  quote: {scalar(suggestion.sentence)}", ""))
    out = []
    for code, hint in lines:
        hint = one_line(hint)
        if not code:
            out.append(f"#   # {hint}")
        elif hint:
            out.append(f"# {code}  # {hint}")
        else:
            out.append(f"# {code}")
    return "\n".join(out) + "\n"


def _with_guess(key: str, guess: Guess | None, hint: str) -> tuple[str, str]:
    """A line holding the value guessed from the sentence; the hint names the others seen."""
    if guess is None:
        return key, hint
    value, others = guess
    also = f"; also in the sentence: {', '.join(others)}" if others else ""
    return f"{key} {inline(value)}", hint + also


def _value_line(suggestion: Suggestion) -> tuple[str, str]:
    prop = suggestion.property
    rule = RULES[prop.type]
    return _with_guess("  value:", rule.guess(suggestion.values), rule.hint(prop))
