"""The values a sentence gives, one function per property type: dates, numbers, one entity, a
list of entities, a choice, true or false, and text. Each takes the sentence's tokens (folded)
and answers with every candidate it sees, with the tokens it spans; the caller picks the one
nearest the words that signal the property."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from reconcile.calendar_words import (
    month_table,
    ordinal_table,
)
from reconcile.extract_verbs import changed_to
from reconcile.normalise import normalise
from reconcile.numerals import (
    RANGE_AND,
    RANGE_LINKS,
    RANGE_OPENERS,
    NumberMention,
    hyphenated,
    read_numbers,
)
from reconcile.units import unit_at
from reconcile.wordforms import Token, arabic_stems, tokens

__all__ = [
    "YEAR_WORDS",
    "Found",
    "Sentence",
    "ends_with",
    "find_numbers",
    "find_ordinals",
    "phrases",
    "starts_with",
    "stop_counts",
    "without_possessives",
    "year_cued",
]

# "Myanmar's" names Myanmar: the possessive is dropped before folding.
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")


def without_possessives(text: str) -> str:
    """`text` without English possessive endings: how a sentence, and so every name looked for
    in one ("People's Alliance" in "Erdoğan's People's Alliance"), is read."""
    return _POSSESSIVE.sub("", text)


def _capitalised(word: str) -> bool:
    """Whether the first letter of a word is a capital one."""
    return next((char for char in word if char.isalpha()), "").isupper()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's folded text and its tokens."""

    folded: str
    tokens: tuple[Token, ...]
    #: the tokens of words written with a capital letter, which may be names misspelt
    capitalised: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str) -> Sentence:
        """The sentence `text`, folded as names and quotes are, without English possessive
        endings, and split into tokens."""
        text = without_possessives(text)
        folded = normalise(text)
        capitalised = frozenset(
            token.text
            for word in text.split()
            if _capitalised(word)
            for token in tokens(normalise(word))
        )
        return cls(folded, tokens(folded), capitalised)

    def words(self) -> list[str]:
        """The space-separated words of the folded text, which tokens point into."""
        return self.folded.split(" ")


@dataclass(frozen=True, slots=True)
class Found:
    """A value seen in a sentence, as a claim writes it, and the tokens it spans."""

    value: object
    start: int
    end: int
    approximate: bool = False
    complete: bool = True
    left_out: tuple[str, ...] = ()  # entities named after "except", "باستثناء", "кроме"
    yearless: bool = False  # a day and month that took the article's year
    ends: tuple[Found, ...] = ()  # of an interval written as two dates, each

    def distance(self, positions: Iterable[int]) -> int:
        """How many tokens separate this value from the nearest of `positions`."""
        gaps = [
            0 if self.start <= p < self.end else min(abs(p - self.start), abs(p - self.end + 1))
            for p in positions
        ]
        return min(gaps, default=0)


def stop_counts(found: Sequence[Token]) -> tuple[int, ...]:
    """For each place in the tokens, how many of those before it end a phrase."""
    return (0, *accumulate(int(t.stop) for t in found))


def phrases(*texts: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.text for t in tokens(normalise(text))) for text in texts)


def ends_with(found: Sequence[Token], end: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """True when one of `phrases` is written just before token `end` (its first word may carry
    an Arabic proclitic: بأكثر من)."""
    return _matched(found, end, phrases) > 0


def _matched(found: Sequence[Token], end: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many words the longest of `phrases` written just before token `end` has; 0: none."""
    if end <= 0:
        return 0
    last = found[end - 1].text
    longest = 0
    for phrase in _by_last_word(phrases).get(last, ()):
        start = end - len(phrase)
        if start < 0:
            continue
        texts = [t.text for t in found[start:end]]
        if texts[1:] == list(phrase[1:]) and phrase[0] in arabic_stems(texts[0]):
            longest = max(longest, len(phrase))
    if not longest and any((stem,) in _one_word(phrases) for stem in arabic_stems(last)):
        return 1
    return longest


@lru_cache(maxsize=64)
def _by_last_word(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


@lru_cache(maxsize=64)
def _one_word(phrases: tuple[tuple[str, ...], ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase for phrase in phrases if len(phrase) == 1)


def starts_with(found: Sequence[Token], start: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        texts = [t.text for t in found[start : start + len(phrase)]]
        if texts == list(phrase):
            return True
    return False


# Numbers -----------------------------------------------------------------------------------

#: The words that mark a number as a year: after it ("عام", "года"), or before it ("in", "в").
YEAR_WORDS = frozenset(normalise(w) for w in ("عام", "سنة", "العام", "of", "года", "году", "г"))
_YEAR_CUES = phrases("in", "since", "by", "of", "عام", "سنة", "العام", "في", "в", "с", "году")

_AT_LEAST = phrases(
    "more than", "over", "at least", "in excess of", "upwards of", "exceeding", "no fewer than",
    "no less than", "passed", "topped", "tops", "surpassed", "above", "exceeded", "exceeds",
    "beyond", "أكثر من", "تخطى", "تخطت", "فاق", "تجاوزت", "превысил", "превысило", "превысила",
    "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على",
    "لا يقل عن", "ما لا يقل عن", "تجاوز", "أزيد من", "не менее", "более", "свыше", "больше",
    "по меньшей мере", "как минимум", "не меньше", "более чем", "больше чем", "يتجاوز",
    "تتجاوز", "يتخطى", "تتخطى", "يفوق", "تفوق", "جاوز", "تجاوزوا", "تخطوا", "فاقوا",
    "يتجاوزون", "более чем в", "не менее чем в", "не менее чем", "свыше чем", "exceed",
    "более чем на", "больше чем на",
)  # fmt: skip
#: Words that, before a verb of exceeding, make it a bound from above: "لم تتجاوز 43 في المئة",
#: "did not exceed 43 percent", "не превысила 43 процентов".
_NEGATIONS = frozenset(
    normalise(w) for w in ("not", "never", "didn't", "doesn't", "لم", "لا", "لن", "не", "ни")
)
_AT_MOST = phrases(
    "up to", "less than", "fewer than", "under", "at most", "no more than", "as many as", "حتى",
    "ما يصل إلى", "يصل إلى", "أقل من", "لا يزيد عن", "до", "менее", "меньше", "не более",
    "не больше", "максимум", "менее чем", "меньше чем", "не более чем", "below",
    "менее чем в", "не более чем в",
    "no later than", "لا يتجاوز", "لا تتجاوز", "не позднее", "не позднее чем", "не позже",
)  # fmt: skip
_ABOUT = phrases(
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated",
    "estimated", "close to", "circa", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب",
    "ما يقرب من", "يقارب", "ما يناهز", "يناهز", "ناهز", "около", "примерно", "почти",
    "порядка", "приблизительно",
)  # fmt: skip
_ABOUT_AFTER = phrases("تقريبا", "approximately", "or so", "примерно")
#: Bounds written after the number, or after the noun it counts: "11300 شخص على الأقل",
#: "at least" after a figure, "как минимум" after it.
_AT_LEAST_AFTER = phrases(
    "at least", "or more", "and more", "and over", "at a minimum", "على الأقل", "أو أكثر",
    "وأكثر", "فأكثر", "كحد أدنى", "как минимум", "по меньшей мере", "по крайней мере",
    "и более", "или более", "и больше", "минимум",
)  # fmt: skip
_AT_MOST_AFTER = phrases(
    "at most", "or fewer", "or less", "at the most", "at the outside", "على الأكثر",
    "كحد أقصى", "أو أقل", "فأقل", "как максимум", "максимум", "самое большее", "или меньше",
    "и менее",
)  # fmt: skip
#: How many words (the noun counted) may stand between a number and a bound after it.
_BOUND_REACH = 2
_BETWEEN = phrases(*RANGE_OPENERS)
_RANGE_LINKS = RANGE_LINKS | RANGE_AND
_TIME = re.compile(r"\d{1,2}:\d{2}")


def _inside_ordinals(found: Sequence[Token], languages: tuple[str, ...]) -> set[int]:
    """The tokens after the first of an ordinal of several words: the عشر of "الحادي عشر"
    (the eleventh) is no ten."""
    table = ordinal_table(languages)
    inside: set[int] = set()
    for at in range(len(found)):
        hit = table.at(found, at)
        if hit is not None and hit[1] - at > 1:
            inside.update(range(at + 1, hit[1]))
    return inside


def find_ordinals(
    found: Sequence[Token], languages: tuple[str, ...], taken: Iterable[Found]
) -> list[Found]:
    """The ordinals from second to thirty-first written in words outside the sentence's
    numbers and dates ("the fourth floor", "الجلسة الحادية عشرة", "одиннадцатое заседание"),
    each as its number: a figure only where other sources give that number (an ordinal mostly
    ranks)."""
    used = {at for value in taken for at in range(value.start, value.end)}
    months = month_table(languages)
    table = ordinal_table(languages)
    ordinals: list[Found] = []
    at = 0
    while at < len(found):
        hit = None if at in used else table.at(found, at)
        if hit is None or hit[0] < 2 or used.intersection(range(at, hit[1])):
            at += 1
            continue
        # "كانون الثاني" is January, not the second
        month = any((m := months.at(found, k)) and m[1] > at for k in range(max(0, at - 2), at))
        if not month:
            ordinals.append(Found(hit[0], at, hit[1]))
        at = hit[1]
    return ordinals


#: The link of a range with no opener before it: "20 to 30 km" (not "до" or "حتى", which
#: alone say "up to").
_BARE_RANGE_LINKS = frozenset({"to"})


def _ranged(found: Sequence[Token], first: NumberMention, second: NumberMention) -> bool:
    """Whether two numbers are the bounds of a range: a link between them after "between",
    "from", "بين", "от" ("between 20 and 30", "от 48 до 72"), or "to" alone ("20 to 30km"),
    not after a verb of change ("rose 5 to 7"); the first may carry the unit the second
    carries ("between 20km and 30km")."""
    link = first.end
    if (
        second.start - link == 2
        and found[link].text.isalpha()
        and second.end < len(found)
        and (
            found[second.end].text == found[link].text
            or unit_at(found, link) == unit_at(found, second.end) is not None
        )
    ):
        link += 1  # "20km and 30km", "от одного года до полутора лет"
    if second.start - link != 1 or found[link - 1].stop:
        return False
    if ends_with(found, first.start, _BETWEEN):
        return found[link].text in _RANGE_LINKS
    return found[link].text in _BARE_RANGE_LINKS and not changed_to(found, first.start)


def find_numbers(
    sentence: Sentence, languages: tuple[str, ...], dates: Sequence[Found]
) -> list[Found]:
    """Every number written in the sentence that is not part of a date or a time of day:
    digits, scale words and number words; "more than N" is {min: N}, "up to N" {max: N},
    "between N and M" {min: N, max: M}, "about N" approximate."""
    found = sentence.tokens
    words = sentence.words()
    in_dates = {
        i
        for d in dates
        if d.end - d.start > 1 or not _counted(found, d.start)
        for i in range(d.start, d.end)
    }
    in_ordinals = _inside_ordinals(found, languages)
    mentions = [
        m
        for m in read_numbers(sentence.folded, languages)
        if not in_dates & set(range(m.start, m.end))
        and m.start not in in_ordinals
        and not _TIME.search(words[found[m.start].word])
    ]
    numbers: list[Found] = []
    skip = set()
    for position, mention in enumerate(mentions):
        if position in skip:
            continue
        value = _reading(mention.values)
        following = mentions[position + 1] if position + 1 < len(mentions) else None
        if (
            following is not None
            and (_ranged(found, mention, following) or hyphenated(found, mention, following))
            and _reading(following.values) > value
        ):
            skip.add(position + 1)
            bounds = {"min": _plain(value), "max": _plain(_reading(following.values))}
            numbers.append(Found(bounds, mention.start, following.end))
            continue
        approximate = ends_with(found, mention.start, _ABOUT) or starts_with(
            found, mention.end, _ABOUT_AFTER
        )
        written: object = _plain(value)
        # the longer phrase decides: "не более" (at most) holds "более" (more than)
        at_least = _matched(found, mention.start, _AT_LEAST)
        at_most = _matched(found, mention.start, _AT_MOST)
        if at_least and _negated(found, mention.start - at_least):
            at_least, at_most = 0, at_least + 1
        if (
            at_most
            and not at_least
            and found[mention.start - 1].text in _TO_WORDS
            and changed_to(found, mention.start - at_most)
        ):
            bound = at_most  # "выросло до 8574" is the figure reached, not a maximum
            at_most = 0
        else:
            bound = 0
        # the words of a bound written before the number are part of its phrase
        start = mention.start - max(
            at_least, at_most, bound, _matched(found, mention.start, _ABOUT)
        )
        if not at_least and not at_most and not bound:
            at_least, at_most = _bound_after(found, mention.end, following)
        if not at_least and not at_most and not bound:
            at_least, at_most = _exceeded(found, mention.start, numbers)
        if at_least > at_most:
            written = {"min": _plain(value)}
        elif at_most:
            written = {"max": _plain(value)}
        numbers.append(Found(written, start, mention.end, approximate=approximate))
    return numbers


#: Nouns that, written just after a verb of exceeding, make it bound the first figure of its
#: clause however far: "تجاوز عدد ضحايا الزلزال ... ألفي قتيل" (Arabic puts the verb first).
_COUNT_NOUNS = frozenset(
    normalise(w)
    for w in ("عدد", "أعداد", "حصيلة", "الحصيلة", "نسبة", "number", "toll", "число", "количество")
)
#: How many words back from a figure such a verb may stand, within its clause.
_EXCEEDED_REACH = 10


def _exceeded(found: Sequence[Token], start: int, before: Sequence[Found]) -> tuple[int, int]:
    """(1, 0) when a verb of exceeding followed by a count noun ("تجاوز عدد", "exceeded the
    number") opens the clause of the figure at `start` and no figure stands between; (0, 1)
    when the verb is negated ("لم تتجاوز نسبة المشاركة ... أربعين")."""
    earliest = max(0, start - _EXCEEDED_REACH, *(f.end for f in before))
    for at in range(start - 1, earliest, -1):
        if found[at - 1].stop:
            return 0, 0
        if found[at].text in _COUNT_NOUNS and _matched(found, at, _AT_LEAST) == 1:
            return (0, 1) if _negated(found, at - 1) else (1, 0)
    return 0, 0


def _negated(found: Sequence[Token], start: int) -> bool:
    """Whether a negation is written just before token `start`, in its phrase."""
    if start <= 0 or found[start - 1].stop:
        return False
    return any(stem in _NEGATIONS for stem in arabic_stems(found[start - 1].text))


def _bound_after(found: Sequence[Token], end: int, following: object) -> tuple[int, int]:
    """How many words of an "at least" and of an "at most" written after the number, or after
    the noun it counts, within its phrase and before the next number: (at least, at most)."""
    stop = getattr(following, "start", len(found))
    for start in range(end, min(end + _BOUND_REACH, stop) + 1):
        if start > end and found[start - 1].stop:
            break
        at_least = _starting(found, start, _AT_LEAST_AFTER)
        at_most = _starting(found, start, _AT_MOST_AFTER)
        if at_least or at_most:
            after = start + max(at_least, at_most)
            if after < len(found) and found[after].text in _THAN:
                return 0, 0  # "705 قتلى وأكثر من 5 آلاف جريح": the next figure's bound
            return at_least, at_most
    return 0, 0


#: The last words of an "up to" that, after a verb of change, say "to": "rose up to 93",
#: "выросло до 8574", "ارتفع حتى 100" reach a figure, where "fell below 6" stays a bound.
_TO_WORDS = frozenset({"to", "до", "حتي", "الي"})
#: The word after "more" or "less" that makes it a comparison with the next figure.
_THAN = frozenset({"than", "من", "чем"})


def _starting(found: Sequence[Token], start: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many words the longest of `phrases` written from token `start` has; 0: none (its
    first word may carry an Arabic proclitic)."""
    if start >= len(found):
        return 0
    by_first = _by_first_word(phrases)
    longest = 0
    for stem in arabic_stems(found[start].text):
        for phrase in by_first.get(stem, ()):
            texts = [t.text for t in found[start + 1 : start + len(phrase)]]
            if texts == list(phrase[1:]):
                longest = max(longest, len(phrase))
    return longest


@lru_cache(maxsize=64)
def _by_first_word(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


def year_cued(found: Sequence[Token], index: int) -> bool:
    """True when a word marks the number at `index` as a year: in 2012, عام 2012, в 2012 году."""
    return ends_with(found, index, _YEAR_CUES) or (
        index + 1 < len(found) and found[index + 1].text in YEAR_WORDS
    )


def _counted(found: Sequence[Token], index: int) -> bool:
    """True when a bare year-like number may be a count: no word marks it as a year."""
    return not year_cued(found, index)


def _reading(values: frozenset[float]) -> float:
    """The reading of digits most texts mean: 4,000 is four thousand, not four."""
    return max(values)


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else round(number, 6)


def nearest(
    options: Sequence[Found], near: Sequence[int], bonus: Callable[[Found], float]
) -> list[Found]:
    """`options` in the order of their distance to `near`, less a bonus for values like the
    other sources'."""
    return sorted(options, key=lambda o: (o.distance(near) - 4 * bonus(o), o.start))
