"""Reading the numbers a folded text mentions: digits in any usual writing, scale words, and
number words in the languages of the sources (SPEC §4), whose tables are reconcile.number_words."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.normalise import normalise
from reconcile.number_words import (
    DECADE_ENDINGS,
    DECADE_WORDS,
    HALF_WORDS,
    Vocabulary,
    number_stems,
    vocabulary,
)
from reconcile.wordforms import Token, is_digits, tokens

#: Words that join the parts of one number: "one hundred and six", "واحد و عشرون".
CONNECTORS = frozenset({"and", "et", "und", "y", "و", "ve", "и"})

_MAX_PHRASE = 6
_GROUP = re.compile(r"\d{3}")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number a text mentions: every value its writing can mean, and the tokens it spans."""

    values: frozenset[float]
    start: int  # index of its first token
    end: int  # index after its last token
    scale: float = 1.0  # the largest scale word in it: 1e6 for "13.5 million"

    def means(self, value: float) -> bool:
        """True when one reading of this mention is `value`."""
        return any(same_number(value, candidate) for candidate in self.values)


def scaled(value: float, scale: float) -> float:
    """`value` times `scale` as a decimal product reads: 16.6 billion is 16,600,000,000, not
    the 16,600,000,000.000002 of binary floating point."""
    return float(f"{value * scale:.15g}")


def same_number(a: float, b: float) -> bool:
    """True when two numbers are equal, up to the rounding of decimal fractions."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def base_language(code: str) -> str:
    """The language of a tag such as `ar-SY` or `ru_RU`: `ar`, `ru`."""
    return code.replace("_", "-").split("-")[0].lower()


def language_key(languages: Iterable[str]) -> tuple[str, ...]:
    """The distinct base languages of `languages`, sorted: a key for the cached tables."""
    return _language_key(tuple(languages))


@lru_cache(maxsize=256)
def _language_key(languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({base_language(code) for code in languages if code}))


def digit_readings(token: str) -> frozenset[float]:
    """Every value digits with separators can mean: 4,000 and 4.000 are 4000 (or 4),
    17,9 and 17.9 are 17.9, 1.234,5 is 1234.5; Arabic ٫ is a decimal point, ٬ a group mark."""
    if token.isdecimal():  # most are digits alone: no marks to split at
        return frozenset({float(int(token))})
    parts = re.split(r"([.,])", token.replace("\u066c", ",").replace("\u066b", "."))
    groups, marks = parts[0::2], parts[1::2]
    if not marks:
        return frozenset({float(int(token))})
    readings: set[float] = set()
    if len(set(marks)) == 1 and all(len(group) == 3 for group in groups[1:]):
        readings.add(float("".join(groups)))  # every mark groups thousands
    grouping = marks[:-1]
    if not grouping or (
        len(set(grouping)) == 1
        and grouping[0] != marks[-1]
        and all(len(group) == 3 for group in groups[1:-1])
    ):
        readings.add(float("".join(groups[:-1]) + "." + groups[-1]))  # the last is a decimal mark
    return frozenset(readings)


def decades(folded: str) -> frozenset[int]:
    """The first numbers of the decades a folded text names: 20 for "in his 20s", "in his
    twenties", "في العشرينيات من عمره", "в двадцатые годы"; 1990 for "the 1990s", "в 1990-е"."""
    found = tokens(folded)
    named = set()
    for at, token in enumerate(found):
        if is_digits(token.text):
            after = found[at + 1] if at + 1 < len(found) else None
            value = int(token.text)
            if (
                after
                and after.word == token.word
                and after.text in DECADE_ENDINGS
                and value % 10 == 0
                and value >= 10
            ):
                named.add(value)
            continue
        for stem in (token.text, *number_stems(token.text)):
            if stem in DECADE_WORDS:
                named.add(DECADE_WORDS[stem])
                break
    return frozenset(named)


def read_numbers(folded: str, languages: Iterable[str]) -> tuple[NumberMention, ...]:
    """Every number the folded text mentions, in the order written."""
    return _read_numbers(folded, language_key(languages))


@lru_cache(maxsize=4096)
def _read_numbers(folded: str, languages: tuple[str, ...]) -> tuple[NumberMention, ...]:
    table = vocabulary(languages)
    found = tokens(folded)
    may_start = _number_starts(languages)
    mentions: list[NumberMention] = []
    index = 0
    for start in [at for at, token in enumerate(found) if may_start[token.text]]:
        if start < index:
            continue
        mention = _number_at(found, start, table)
        if mention is not None:
            mention = _with_money_scale(found, mention, folded)
            if mentions and _shares_scale(found, mentions[-1], mention):
                first = mentions[-1]
                more = {scaled(value, mention.scale) for value in first.values}
                mentions[-1] = NumberMention(first.values | more, first.start, first.end)
            mentions.append(mention)
            index = mention.end
    for at, mention in enumerate(mentions):
        stop = mentions[at + 1].start if at + 1 < len(mentions) else len(found)
        if _half_after(found, mention.end, stop):
            # half of its scale: "مليون ونصف" is 1,500,000, "two and a half years" 2.5
            values = frozenset(
                float(f"{value + 0.5 * mention.scale:.15g}") for value in mention.values
            )
            mentions[at] = NumberMention(values, mention.start, mention.end, mention.scale)
    return tuple(mentions)


#: Scale letters written onto a sum of money: "$1m", "£40k" (alone, "10m" is ten metres).
_MONEY_SCALES = {"m": 1e6, "k": 1e3}
_MONEY_SIGNS = frozenset("$£€¥₽")


def _with_money_scale(found: Sequence[Token], mention: NumberMention, folded: str) -> NumberMention:
    """`mention` times the scale letter written onto it after a currency sign: "$1m"."""
    end = mention.end
    if (
        mention.scale != 1
        or end >= len(found)
        or found[end].text not in _MONEY_SCALES
        or found[end].word != found[mention.start].word
        or found[end - 1].stop
    ):
        return mention
    word = folded.split(" ")[found[end].word]
    if word[: max(0, word.find(found[mention.start].text))][-1:] not in _MONEY_SIGNS:
        return mention
    scale = _MONEY_SCALES[found[end].text]
    values = frozenset(scaled(value, scale) for value in mention.values)
    return NumberMention(values, mention.start, end + 1, scale)


#: "And a half" after a number, or after the noun it counts: "two and a half years", "two
#: years and a half", "ثلاث سنوات ونصفا", "пять с половиной лет".
HALF_PHRASES = (("and", "a", "half"), ("ونصف",), ("ونصفا",), ("с", "половинои"))
_HALF_FIRST_WORDS = frozenset(phrase[0] for phrase in HALF_PHRASES)


def _half_after(found: Sequence[Token], end: int, stop: int) -> bool:
    """Whether "and a half" follows the number ending at `end`, or the noun after it, in its
    phrase and before the next number at `stop` ("ونصف المجموعة" is half of the group)."""
    for start in (end, end + 1):
        if start >= stop or found[start - 1].stop:
            return False
        if found[start].text not in _HALF_FIRST_WORDS:
            continue
        for phrase in HALF_PHRASES:
            if tuple(t.text for t in found[start : start + len(phrase)]) == phrase:
                after = start + len(phrase)
                return after >= len(found) or not found[after].text.startswith("ال")
    return False


#: Words that open a range, and those that join its bounds ("and" only after an opener).
RANGE_OPENERS = ("between", "from", "بين", "ما بين", "من", "от", "между")
RANGE_LINKS = frozenset(normalise(word) for word in ("to", "إلى", "حتى", "до"))
RANGE_AND = frozenset(normalise(word) for word in ("and", "و", "и"))
#: "Or" between two figures, which share the second's scale word: "200 или 400 тысяч".
_OR_WORDS = frozenset(normalise(word) for word in ("or", "أو", "или"))
_OPENER_WORDS = frozenset(normalise(opener).split(" ")[-1] for opener in RANGE_OPENERS)


def hyphenated(found: Sequence[Token], first: NumberMention, second: NumberMention) -> bool:
    """Whether two numbers are one word, joined by a dash: "10-15", "3–4 million"."""
    return (
        second.start == first.end
        and found[first.end - 1].word == found[second.start].word
        and not found[first.end - 1].stop
    )


def _shares_scale(found: Sequence[Token], first: NumberMention, second: NumberMention) -> bool:
    """Whether the scale word of a range's second bound is its first bound's too: "10 to 15
    million", "10-15 million", "от 910 до 930 млн", "بين 10 و15 ألفا" (ten million, not ten),
    and of two figures given as alternatives: "200 или 400 тысяч", "two or three million"."""
    if first.scale != 1 or second.scale <= 1 or found[first.end - 1].stop:
        return False
    opened = first.start > 0 and found[first.start - 1].text in _OPENER_WORDS
    if second.start == first.end:  # "10-15 million" in one word, "ثلاثة وأربعة آلاف"
        return hyphenated(found, first, second) or (
            opened and found[second.start].text.startswith("و")
        )
    if second.start != first.end + 1:
        return False
    link = found[first.end].text
    return link in RANGE_LINKS or link in _OR_WORDS or (link in RANGE_AND and opened)


class _NumberStarts(dict[str, bool]):
    """Whether a number can begin at a token, in one set of languages: False for the words most
    of a text is made of. Each token is worked out once (up to a bound on the words kept)."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        super().__init__()
        self._starts = vocabulary(languages).starts

    def __missing__(self, token: str) -> bool:
        if is_digits(token):
            return True  # not kept: figures are mostly each written once
        may = any(stem in self._starts for stem in number_stems(token))
        if len(self) < _MAX_WORDS_KEPT:
            self[token] = may
        return may


_MAX_WORDS_KEPT = 65536


@lru_cache(maxsize=64)
def _number_starts(languages: tuple[str, ...]) -> _NumberStarts:
    return _NumberStarts(languages)


def _number_at(found: Sequence[Token], start: int, vocabulary: Vocabulary) -> NumberMention | None:
    """The number whose writing begins at token `start`, if one does."""
    if is_digits(found[start].text):
        end = _digit_groups_end(found, start)
        readings = (
            digit_readings("".join(t.text for t in found[start:end]))
            if end > start + 1
            else digit_readings(found[start].text)
        )
        scale = 1.0
        while (
            end < len(found)
            and not found[end - 1].stop
            and (multiplier := _scale(found[end].text, vocabulary, bare=True))
        ):
            scale *= multiplier
            end += 1
        mention = NumberMention(frozenset(scaled(r, scale) for r in readings), start, end, scale)
    else:
        in_words = _words_at(found, start, vocabulary)
        if in_words is None:
            return None
        mention = in_words
    rest = _rest_after_scale(found, mention.end, mention.scale, vocabulary)
    # After digits a smaller part joins: "42 ألفا و45" is 42045, "69 млн 250 тыс." 69,250,000.
    # After words, only a part with a scale word of its own: "مليون و767 ألفا" is 1,767,000,
    # while "في ألفا و976" (a place, then a figure) are two.
    if rest is None or (rest.scale == 1 and not is_digits(found[start].text)):
        return mention
    values = mention.values
    if mention.values == {2 * mention.scale} and found[start].text.endswith("ا"):
        # "مليونا و622 ألفا" is one million in the accusative (مليوناً), not the dual "two
        # million", which drops its ن only before the noun it counts (مليونا دولار)
        values = frozenset({mention.scale})
    values |= {v + extra for v in values for extra in rest.values}
    return NumberMention(values, start, rest.end, mention.scale)


def _rest_after_scale(
    found: Sequence[Token], end: int, scale: float, vocabulary: Vocabulary
) -> NumberMention | None:
    """The smaller number joined by "and" after a scale word, the 45 of "42 ألفا و45", or
    written after it with a smaller scale word of its own: the 250 тыс. of "69 млн 250 тыс."."""
    if scale <= 1 or end >= len(found) or found[end - 1].stop:
        return None
    joined = found[end].text in CONNECTORS
    if joined and end + 1 >= len(found):
        return None
    if not joined and not is_digits(found[end].text):
        return None
    rest = _number_at(found, end + 1 if joined else end, vocabulary)
    if rest is None or not all(v < scale for v in rest.values):
        return None
    if not joined and not 1 < rest.scale < scale:
        return None  # "2 million 500 people" are two numbers
    return rest


def _digit_groups_end(found: Sequence[Token], start: int) -> int:
    """Where digits grouped by spaces end: "4 000", "13 500 000" (the first group 1-3 digits)."""
    end = start + 1
    if not re.fullmatch(r"\d{1,3}", found[start].text):
        return end
    while (
        end < len(found)
        and _GROUP.fullmatch(found[end].text)
        and found[end].word == found[end - 1].word + 1
        and not found[end - 1].stop
    ):
        end += 1
    return end


#: With the article, Arabic "one" and "two" are the day names Sunday and Monday (وقع الأحد,
#: مساء الاثنين): a count of one or two is written واحد, اثنان, اثنين without it. Before عشر
#: they are "the eleven", "the twelve".
DAY_NAMES = ("الاحد", "الاثنين")
TEENS = frozenset({"عشر", "عشرة"})
#: With the article, Arabic "hundred" is the per cent of "52.18 في المئة", "بالمائة" (folded).
PER_CENT = ("الميه", "المايه")


_ARTICLES = frozenset({"a", "an"})


def _half_at(found: Sequence[Token], start: int, vocabulary: Vocabulary) -> NumberMention | None:
    """Half of the scale word after token `start`: "half a million" is 500,000."""
    at = start + 1
    if at < len(found) and found[at].text in _ARTICLES:
        at += 1
    if found[start].stop or at >= len(found) or found[at - 1].stop:
        return None
    scale = _scale(found[at].text, vocabulary, bare=True)
    if scale is None:
        return None
    return NumberMention(frozenset({scale / 2}), start, at + 1, scale)


def _words_at(found: Sequence[Token], start: int, vocabulary: Vocabulary) -> NumberMention | None:
    """A number written in words from token `start`: "twenty-one", "ستة آلاف", "две тысячи"."""
    if found[start].text in HALF_WORDS:
        return _half_at(found, start, vocabulary)
    if found[start].text.endswith(PER_CENT):
        return None
    if found[start].text.endswith(DAY_NAMES) and not (
        start + 1 < len(found) and found[start + 1].text in TEENS
    ):
        return None
    total, current = 0.0, 0.0
    index = end = start
    while index < len(found) and not (index > start and found[index - 1].stop):
        word = _word_value(found, index, vocabulary)
        counted = total + current > 0
        # A multiplier with a proclitic (والفا) starts a number of its own instead.
        multiplier = _scale(found[index].text, vocabulary, bare=counted)
        # After a count, ألفا is "thousand" (عشرون ألفا); alone it is "two thousand" (ألفا جندي).
        if multiplier is not None and (word is None or counted):
            if total + current < multiplier:
                total, current = max(total + current, 1.0) * multiplier, 0.0
            else:
                total, current = total + max(current, 1.0) * multiplier, 0.0
            index = end = index + 1
        elif word is not None and _adds_to(current, word[0], found[index].text[0] == "و"):
            current += word[0]
            index = end = index + word[1]
        elif index == end > start and found[index].text in CONNECTORS:
            index += 1  # "and" joins two parts only when a part follows it
        else:
            break
    if end == start:
        return None
    scales = (_scale(token.text, vocabulary) for token in found[start:end])
    return NumberMention(
        frozenset({total + current}), start, end, max(filter(None, scales), default=1.0)
    )


def _adds_to(current: float, value: float, conjoined: bool) -> bool:
    """True when `value` fills places `current` leaves empty: 20 + 1, 100 + 20, and the
    units before the tens of Arabic and German (واحد وعشرون, ein und zwanzig), after a hundred
    too when Arabic's و joins them (مائة وواحد وستين, 161; "a hundred and five twenty-year-olds"
    stays 105 and 20). Ten takes no unit after it: the teens are words of their own, or unit
    first in Arabic (تسع عشرة), so "الثاني عشر تسع سنوات" is the twelfth and nine years, not
    nineteen."""
    if current == 0:
        return True
    if current == 10:
        return False
    place = 1
    while int(current) % (place * 10) == 0:
        place *= 10
    units = int(current) % 100 if conjoined else int(current)
    return value < place or (0 < units < 10 and value < 100 and value % 10 == 0)


def _word_value(
    found: Sequence[Token], start: int, vocabulary: Vocabulary
) -> tuple[float, int] | None:
    """The value of the number word or phrase at `start`, and how many tokens it takes."""
    stems = number_stems(found[start].text)
    most = max((vocabulary.longest.get(stem, 0) for stem in stems), default=0)
    for length in range(min(most, _MAX_PHRASE, len(found) - start), 1, -1):
        rest = tuple(t.text for t in found[start + 1 : start + length])
        for stem in stems:
            if (value := vocabulary.phrases.get((stem, *rest))) is not None:
                return value, length
    for stem in stems:
        if (word := vocabulary.words.get(stem)) is not None:
            return word, 1
    return None


def _scale(token: str, vocabulary: Vocabulary, *, bare: bool = False) -> float | None:
    """The multiplier a scale word stands for; with `bare`, only when it has no proclitic."""
    for stem in (token,) if bare else number_stems(token):
        if (multiplier := vocabulary.scales.get(stem)) is not None:
            return multiplier
    return None
