"""Claims guessed from an article: each sentence that holds a keyword of a property, with the
dates, numbers and entities seen in it, written as commented-out blocks of a claims file."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from reconcile.load import SOURCES_DIR
from reconcile.model import Config, Entity, Property
from reconcile.normalise import normalise
from reconcile.values import InvalidValue, PropertyType, parse_date
from reconcile.yamldump import inline, one_line, plain_date, scalar

__all__ = ["Suggestion", "claims_file", "sentences", "suggest_claims"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence of an article that may state a property, with the values seen in it."""

    property: Property
    keyword: str
    sentence: str
    line: int
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # ids of entities of the property's kind in the sentence
    subjects: tuple[str, ...] = ()  # ids of entities of its subject kind


# A sentence ends at . ! ? ؟ ; ؛ ۔ … and at every line break; a full stop ends one only before
# a space or the end of the line, so 3.5 and example.org do not split.
_SENTENCE_END = re.compile(r"[!?؟;؛۔…]+|\.+(?=\s|$)")
_PUNCTUATION = ".!?؟;؛۔… \t"


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of `text`, stripped, each with the (1-based) line it is on."""
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        for match in [*_SENTENCE_END.finditer(line), None]:
            end = match.end() if match else len(line)
            piece = line[start:end].strip()
            if piece.strip(_PUNCTUATION):
                yield number, piece
            start = end


_MONTHS = {
    # English, the Arabic of Egypt and the Maghreb, and the Levantine (Syriac) names
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_YEAR = r"(1[0-9]{3}|20[0-9]{2})"
_DATE_PATTERNS = (
    # 1992-05-15, 1992-05
    re.compile(rf"(?<!\d){_YEAR}-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?(?!\d)"),
    # 15 May 1992, 15 أيار/مايو 1992, May 1992
    re.compile(
        rf"(?<!\d)(?:([0-3]?[0-9])\s+)?({_MONTH})(?:\s*/\s*(?:{_MONTH}))?\s*,?\s+"
        rf"(?:(?:من\s+)?(?:عام|سنه)\s+)?{_YEAR}(?!\d)"
    ),
    # May 15, 1992
    re.compile(rf"(?<![\w])({_MONTH})\s+([0-3]?[0-9]),?\s+{_YEAR}(?!\d)"),
)
_BARE_YEAR = re.compile(rf"(?<![\d.,]){_YEAR}(?![\d.,]\d|\d)")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\d.,])\d+(?:\.\d+)?")


def _dates_in(folded: str) -> tuple[list[str], list[tuple[int, int]]]:
    """EDTF dates in a normalised sentence, in order, and the spans they take."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for number, pattern in enumerate(_DATE_PATTERNS):
        for match in pattern.finditer(folded):
            if not free(*match.span()):
                continue
            if number == 0:
                text = "-".join(part for part in match.groups() if part)
            elif number == 1:
                day, month, year = match.group(1), _MONTHS[match.group(2)], match.group(3)
                text = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            else:
                month, day, year = _MONTHS[match.group(1)], match.group(2), match.group(3)
                text = f"{year}-{month:02d}-{int(day):02d}"
            try:
                parse_date(text)
            except InvalidValue:
                continue
            found.append((match.start(), text))
            taken.append(match.span())
    for match in _BARE_YEAR.finditer(folded):
        if free(*match.span()):
            found.append((match.start(), match.group(1)))
            taken.append(match.span())
    return list(dict.fromkeys(text for _, text in sorted(found))), taken


def _numbers_in(folded: str, dates: list[tuple[int, int]]) -> list[str]:
    numbers = []
    for match in _NUMBER.finditer(folded):
        if all(match.end() <= s or match.start() >= e for s, e in dates):
            numbers.append(match.group().replace(",", ""))
    return list(dict.fromkeys(numbers))


# A word may carry a leading Arabic conjunction and preposition: وروسيا, لروسيا, وبروسيا.
_PROCLITICS = r"(?:و|ف)?(?:ب|ل|ك)?"


class _EntityFinder:
    """Finds the entities of each kind named in a normalised sentence, by any of their names."""

    def __init__(self, entities: Mapping[str, Mapping[str, Entity]]) -> None:
        self.patterns: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for kind, by_id in entities.items():
            names = [
                (normalise(name), entity.id) for entity in by_id.values() for name in entity.names
            ]
            names = [(name, entity_id) for name, entity_id in names if name]
            names.sort(key=lambda pair: len(pair[0]), reverse=True)
            self.patterns[kind] = [
                (re.compile(rf"(?<!\w){_PROCLITICS}{re.escape(name)}(?!\w)"), entity_id)
                for name, entity_id in names
            ]

    def find(self, kind: str | None, folded: str) -> tuple[str, ...]:
        if kind is None:
            return ()
        found: list[tuple[int, str]] = []
        for pattern, entity_id in self.patterns.get(kind, ()):
            match = pattern.search(folded)
            if match:
                found.append((match.start(), entity_id))
        return tuple(dict.fromkeys(entity_id for _, entity_id in sorted(found)))


def suggest_claims(text: str, config: Config) -> Iterator[Suggestion]:
    """Each (sentence, property) pair where the sentence holds one of the property's keywords.

    Keywords and sentences are compared normalised, so spelling variants (أ/ا, ة/ه, diacritics,
    case) still match. A keyword matches at the start of a word, after any Arabic prefix
    (و ف ب ل ك ال), and the word may go on: وقع finds وَوقّعت, sign finds signed, but ألف
    (thousand) does not find تحالف (alliance).
    """
    keywords = [
        (prop, keyword, re.compile(rf"(?<!\w){_PROCLITICS}(?:ال)?{re.escape(folded)}"))
        for topic in config.topics.values()
        for prop in topic.properties.values()
        for keyword in prop.keywords
        if (folded := normalise(keyword))
    ]
    if not keywords:
        return
    finder = _EntityFinder(config.entities)
    for line, sentence in sentences(text):
        folded = normalise(sentence)
        matched: dict[tuple[str, str], str] = {}
        for prop, keyword, folded_keyword in keywords:
            if folded_keyword.search(folded):
                matched.setdefault((prop.topic, prop.id), keyword)
        if not matched:
            continue
        dates, date_spans = _dates_in(folded)
        numbers = _numbers_in(folded, date_spans)
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
                    tuple(dates),
                    tuple(numbers),
                    finder.find(prop.kind, folded),
                    finder.find(prop.subject, folded),
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

_VALUE_HINTS = {
    PropertyType.DATE: "a date (EDTF: 1992, 1992-05, 1992-05-15, 199X, 1992~, 1990/1993)",
    PropertyType.NUMBER: "a number, or a range {min: N}, {max: N}, {min: N, max: M}",
    PropertyType.BOOLEAN: "true or false",
    PropertyType.TEXT: "free text",
}


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
                suggestion.subjects,
                f"the {prop.subject} this is about: its id or any name of it",
            )
        )
    lines.append(_value_line(suggestion))
    if prop.type is PropertyType.ENTITIES:
        lines.append(("", "add `complete: false` if the sentence lists only some of them"))
    if prop.type is PropertyType.NUMBER:
        lines.append(("", 'add `approximate: true` for "about", "nearly", "some"'))
    if prop.temporal:
        dates = suggestion.dates if prop.type is not PropertyType.DATE else suggestion.dates[1:]
        lines.append(
            _with_guess(
                "  as_of:",
                dates,
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


def _with_guess(key: str, guesses: tuple[str, ...], hint: str) -> tuple[str, str]:
    """A line holding the first value guessed from the sentence; the hint names the others."""
    if not guesses:
        return key, hint
    others = f"; also in the sentence: {', '.join(guesses[1:])}" if len(guesses) > 1 else ""
    return f"{key} {inline(plain_date(guesses[0]))}", hint + others


def _value_line(suggestion: Suggestion) -> tuple[str, str]:
    prop = suggestion.property
    kind = prop.kind or ""
    if prop.type is PropertyType.DATE:
        return _with_guess("  value:", suggestion.dates, _VALUE_HINTS[prop.type])
    if prop.type is PropertyType.NUMBER:
        line, hint = _with_guess("  value:", suggestion.numbers, _VALUE_HINTS[prop.type])
        # The digits found are written bare, so that they read back as a number.
        return (f"  value: {suggestion.numbers[0]}" if suggestion.numbers else line), hint
    if prop.type is PropertyType.ENTITY:
        return _with_guess("  value:", suggestion.values, f"a {kind}: its id or any name of it")
    if prop.type is PropertyType.ENTITIES:
        hint = f"a list of {kind} names, such as [a, b, c]"
        if suggestion.values:
            return f"  value: {inline(list(suggestion.values))}", hint
        return "  value:", hint
    if prop.type is PropertyType.CHOICE:
        return "  value:", "one of: " + ", ".join(prop.choices)
    return "  value:", _VALUE_HINTS[prop.type]
