"""Whether a claim's quote proves it (SPEC §4): a near match whose differing words carry a fact
is a misquote, and a date, number or entity its quote does not mention is flagged.

The rules live in `misquote`, `mentions` and `name_mentions`; this module only feeds them a
claim, with the project's names indexed once, and maps the words they name back to the text as
written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Protocol

from rapidfuzz import fuzz

from reconcile.entities import EntityIndex, NameMatch
from reconcile.mentions import (
    Mention,
    mentions_date,
    mentions_number,
    mentions_part_of_decade,
    mentions_part_of_month,
)
from reconcile.misquote import Misquote, find_misquote
from reconcile.model import Config, Property, QuoteMatch, QuoteStatus
from reconcile.name_mentions import NameIndex, mentions_entity
from reconcile.normalise import normalise, normalise_with_offsets
from reconcile.problems import Place, Problem, warning
from reconcile.quotes import SourceText, quote_limit_problem, quote_parts, without_ellipses
from reconcile.units import property_unit
from reconcile.values import DateValue, EntitySetValue, EntityValue, NumberValue, Value

#: One end of an EDTF date: a year, a month and a day, each possibly unspecified (X).
_EDTF_END = re.compile(r"([0-9X]{4})(?:-([0-9X]{2})(?:-([0-9X]{2}))?)?")
_EDGE_PUNCTUATION = " \t\n,.;:!?()[]\"'«»“”‘’،؛؟"

DateParts = tuple[int | None, int | None, int | None]


class Written(Protocol):
    """A claim as its file wrote it: where it and each of its values stand."""

    place: Place

    def place_of(self, key: str) -> Place: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the quote proves: its match (misquoted where it changes a fact), the misquote's
    words, and what of the value the quote does not mention."""

    match: QuoteMatch
    misquote: str | None = None  # "the quote says 'ten', the source says 'nine'"
    unmentioned: str | None = None  # "the quote does not mention 1993"

    def warnings(self, quote: str | None, claim: Written, file: str) -> list[Problem]:
        """The warnings of a claim whose quote is this evidence's: no quote, one its source
        (`file`) does not quite hold, one that changes a fact of it, or one that does not
        mention the value. Places are made only for the warnings given: most claims have none."""
        match = self.match
        found: list[Problem] = []
        if quote is None:
            found.append(
                warning(
                    claim.place,
                    "no-quote",
                    "the claim has no quote: add the words of the source that back it",
                )
            )
        too_long = quote_limit_problem(quote)
        if too_long is not None:
            found.append(
                warning(
                    claim.place_of("quote"),
                    "quote-too-long",
                    f"{too_long}: it was not checked; quote the words that back the claim",
                )
            )
        elif match.status is QuoteStatus.APPROXIMATE:
            found.append(
                warning(
                    claim.place_of("quote"),
                    "quote-approximate",
                    f"quote found only approximately ({match.score:g}% similar): the "
                    f"source says {match.found!r}",
                )
            )
        elif match.status is QuoteStatus.MISQUOTED:
            found.append(
                warning(
                    claim.place_of("quote"),
                    "quote-misquoted",
                    f"quote changes a fact of the source ({match.score:g}% similar): "
                    f"{self.misquote}",
                )
            )
        elif match.status is QuoteStatus.MISSING:
            found.append(
                warning(
                    claim.place_of("quote"),
                    "quote-not-found",
                    f"quote not found in {file} (best match {match.score:g}% "
                    "similar); copy it from the text",
                )
            )
        if self.unmentioned:
            found.append(
                warning(
                    claim.place_of("value"),
                    "value-not-in-quote",
                    f"{self.unmentioned}: check the value, or quote the words that give it",
                )
            )
        return found


class QuoteEvidence:
    """The project's entity names, indexed once, and the rules that weigh a quote with them."""

    def __init__(self, config: Config, index: EntityIndex) -> None:
        self._config = config
        self._index = index
        self._threshold = config.settings.alias_threshold
        self._quote_threshold = config.settings.quote_threshold
        self._by_kind: dict[str, NameIndex] = {}

    @cached_property
    def _names(self) -> NameIndex:
        """Every name of the project, indexed on first need (a run served by the cache has none)."""
        return NameIndex(
            {
                normalise(name): f"{kind}/{entity.id}"
                for kind, by_id in self._config.entities.items()
                for entity in by_id.values()
                for name in entity.names
            }
        )

    def weigh(
        self,
        quote: str | None,
        text: SourceText,
        value: Value | None,
        prop: Property,
        language: str | None,
        written: object = None,
        published: str | None = None,
    ) -> Evidence:
        """The evidence of `quote`, looked for in `text`, for `value` of `prop`, written in the
        claim as `written`; `language` is the source's (or the project's), `published` the day
        the source appeared (EDTF), from which a quote may count ("on Sunday", "in March")."""
        match = text.find(quote, self._quote_threshold)
        if quote is None:
            return Evidence(match)
        languages = [language] if language else []
        said = without_ellipses(quote)
        misquoted = self._misquoted(said, match, text, languages)
        if misquoted is None and match.status is not QuoteStatus.EXACT:
            parts = quote_parts(quote)
            if len(parts) > 1:
                misquoted = self._misquoted_part(parts, text, languages)
        if misquoted is not None:
            return misquoted
        if match.status not in (QuoteStatus.EXACT, QuoteStatus.APPROXIMATE) or value is None:
            return Evidence(match)
        mention = self._mention(said, value, prop, languages, written, published)
        return Evidence(match, unmentioned=mention.message if mention is not None else None)

    def _misquoted(
        self, said: str, match: QuoteMatch, text: SourceText, languages: Sequence[str]
    ) -> Evidence | None:
        """A misquote: an approximate match whose differing words carry a fact, or a quote not
        found that is found once its differing fact words are put back as the source has them."""
        if match.found is None or match.status not in (
            QuoteStatus.APPROXIMATE,
            QuoteStatus.MISSING,
        ):
            return None
        misquote = self._misquote(said, match.found, languages)
        if misquote is None:
            return None
        if match.status is QuoteStatus.APPROXIMATE:
            return _misquoted(match, said, misquote)
        if not _near(match, said, misquote):
            return None
        near = text.find(_put_back(said, match.found, misquote), self._quote_threshold)
        if near.status not in (QuoteStatus.EXACT, QuoteStatus.APPROXIMATE):
            return None
        found = text.passage(near)
        misquote = self._misquote(said, found, languages)
        if misquote is None:
            return None
        score = round(fuzz.ratio(normalise(said), normalise(found), processor=None), 1)
        return _misquoted(QuoteMatch(QuoteStatus.MISSING, near.spans, score, found), said, misquote)

    def _misquoted_part(
        self, parts: Sequence[str], text: SourceText, languages: Sequence[str]
    ) -> Evidence | None:
        """A quote with ellipses is misquoted when one of its parts, alone, is."""
        for part in parts:
            match = text.find(part, self._quote_threshold)
            if match.status is not QuoteStatus.EXACT:
                misquoted = self._misquoted(part, match, text, languages)
                if misquoted is not None:
                    return misquoted
        return None

    def _misquote(self, said: str, found: str, languages: Sequence[str]) -> Misquote | None:
        return find_misquote(
            normalise(said), normalise(found), self._names, languages, self._threshold
        )

    def _mention(
        self,
        quote: str,
        value: Value,
        prop: Property,
        languages: Sequence[str],
        written: object = None,
        published: str | None = None,
    ) -> Mention | None:
        """Whether `quote` mentions `value`; None for the types not checked."""
        if isinstance(value, DateValue):
            ends = date_ends(value.edtf)
            if _part_of_month(quote, ends, languages, published) or _part_of_decade(quote, ends):
                return Mention()
            missing = [
                m for end in ends for m in mentions_date(quote, *end, languages, published).missing
            ]
            return Mention(tuple(dict.fromkeys(missing))) if ends else None
        if isinstance(value, NumberValue):
            if value.minimum is None and value.maximum is None:
                return None
            unit = property_unit((*prop.label.all(), prop.id))
            return mentions_number(quote, value.minimum, value.maximum, languages, unit)
        if isinstance(value, EntityValue):
            ids: Sequence[str] = (value.id,)
        elif isinstance(value, EntitySetValue):
            ids = sorted(value.ids)
        else:
            return None
        kind = prop.kind or ""
        as_written = self._written_in(normalise(quote), kind, written)
        ids = [entity_id for entity_id in ids if entity_id not in as_written]
        if not ids:
            return Mention()
        index = self._kind_index(kind)
        entities = self._config.entities.get(kind, {})
        missing = [
            name
            for entity_id in ids
            for name in mentions_entity(
                quote,
                f"{kind}/{entity_id}",
                index,
                self._threshold,
                entities[entity_id].label.get() if entity_id in entities else entity_id,
            ).missing
        ]
        return Mention(tuple(missing))

    def _written_in(self, folded: str, kind: str, written: object) -> set[str]:
        """The entities whose name, as the claim wrote it, the folded quote holds as whole
        words: the name the value was read from needs no other search."""
        names = written if isinstance(written, (list, tuple)) else (written,)
        found: set[str] = set()
        for name in names:
            if isinstance(name, str) and holds_words(folded, normalise(name)):
                match = self._index.resolve(kind, name)
                if isinstance(match, NameMatch):
                    found.add(match.entity.id)
        return found

    def _kind_index(self, kind: str) -> NameIndex:
        if kind not in self._by_kind:
            self._by_kind[kind] = NameIndex(
                {
                    normalise(name): f"{kind}/{entity.id}"
                    for entity in self._config.entities.get(kind, {}).values()
                    for name in entity.names
                }
            )
        return self._by_kind[kind]


def holds_words(folded: str, words: str) -> bool:
    """True when `words` stand in `folded` as whole words: neither run on from a letter or
    digit before them nor into one after them."""
    if not words:
        return False
    at = folded.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not folded[at - 1].isalnum()) and (
            end == len(folded) or not folded[end].isalnum()
        ):
            return True
        at = folded.find(words, at + 1)
    return False


def _misquoted(match: QuoteMatch, said: str, misquote: Misquote) -> Evidence:
    found = match.found or ""
    differences = tuple(
        (shown_words(said, d.quote_at), shown_words(found, d.found_at))
        for d in misquote.differences
    )
    message = "; ".join(
        f"the quote says '{quoted}', the source says '{source}'" for quoted, source in differences
    )
    return Evidence(
        replace(match, status=QuoteStatus.MISQUOTED, differences=differences), misquote=message
    )


#: How alike a quote not found and its nearest passage must be for it to be a misquote instead;
#: what share of its words at most may be the differing ones, and how many must be the same.
_NEAR_SCORE = 40.0
_NEAR_SHARE = 2 / 3
_NEAR_SAME = 3


def _near(match: QuoteMatch, said: str, misquote: Misquote) -> bool:
    """Whether a quote not found is near enough its passage, and keeps enough of its words, to
    be that passage misquoted rather than words from elsewhere."""
    if match.score is None or match.score < _NEAR_SCORE:
        return False
    words = len(normalise(said).split(" "))
    changed = sum(high - low for low, high in (d.quote_at for d in misquote.differences))
    return changed <= words * _NEAR_SHARE and words - changed >= _NEAR_SAME


def _put_back(said: str, found: str, misquote: Misquote) -> str:
    """The quote (folded) with the words of each difference replaced by the source's. The
    nearest passage is as long as the quote, so where a longer name cut it short it lacks words
    at its edge: there the quote's words beyond the passage's are kept."""
    words = normalise(said).split(" ")
    found_words = normalise(found).split(" ")
    for difference in sorted(misquote.differences, key=lambda d: d.quote_at, reverse=True):
        low, high = difference.quote_at
        f_low, f_high = difference.found_at
        put = found_words[f_low:f_high]
        surplus = (high - low) - len(put)
        if surplus > 0 and high == len(words) and f_high == len(found_words):
            put = put + words[high - surplus : high]
        elif surplus > 0 and low == 0 and f_low == 0:
            put = words[low : low + surplus] + put
        words[low:high] = put
    return " ".join(words)


def shown_words(text: str, at: tuple[int, int]) -> str:
    """Folded words `at` (from, to) of `text`, as `text` writes them."""
    low, high = at
    folded, origin = normalise_with_offsets(text)
    words = folded.split(" ")
    if low >= high or high > len(words):
        return " ".join(words[low:high])
    start = sum(len(word) + 1 for word in words[:low])
    end = start + len(" ".join(words[low:high]))
    begin, finish = origin[start], origin[end - 1] + 1
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while finish < len(text) and not text[finish].isspace():
        finish += 1
    return " ".join(text[begin:finish].split()).strip(_EDGE_PUNCTUATION)


def _part_of_month(
    quote: str, ends: Sequence[DateParts], languages: Sequence[str], published: str | None
) -> bool:
    """An interval within one month that the quote names as a part of it ("late May")."""
    if len(ends) != 2:
        return False
    (year, month, first), (year_to, month_to, last) = ends
    if year is None or month is None or first is None or last is None:
        return False
    return (year, month) == (year_to, month_to) and mentions_part_of_month(
        quote, year, month, (first, last), languages, published
    )


def _part_of_decade(quote: str, ends: Sequence[DateParts]) -> bool:
    """An interval of years within one decade that the quote names as it or a part of it
    ("the early 2030s")."""
    if len(ends) != 2 or any(end[1] is not None for end in ends):
        return False
    (first, _, _), (last, _, _) = ends
    return first is not None and last is not None and mentions_part_of_decade(quote, first, last)


@lru_cache(maxsize=4096)
def date_ends(edtf: str) -> tuple[DateParts, ...]:
    """The year, month and day each end of an EDTF date gives; unspecified digits (199X) and
    open ends give nothing. (Kept for the next claim of the same date: a desk's dates repeat.)"""
    ends: list[DateParts] = []
    for end in edtf.split("/"):
        parts = _EDTF_END.fullmatch(re.sub(r"[~?%]", "", end.strip()))
        if parts is None:
            continue
        year, month, day = (p if p and p.isdigit() else None for p in parts.groups())
        month_number = int(month) if month and 1 <= int(month) <= 12 else None
        day_number = int(day) if day and month_number else None
        year_number = int(year) if year else None
        if year_number is None and day_number is None:
            continue
        ends.append((year_number, month_number, day_number))
    return tuple(ends)
