"""Words of folded text, and the affixes by which one word is another's form (SPEC §4).

Text here is already folded by `reconcile.normalise.normalise`: words are separated by one space,
quotation marks are gone (so "didn't" is "didnt"), Arabic-Indic digits are 0-9.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import count, repeat
from typing import NamedTuple

from reconcile.normalise import normalise

#: A number written in digits keeps its separators ("4,000", "17,9", "12.400", "٤٫٥");
#: anything else alphanumeric is a word. Punctuation separates tokens and is dropped.
_TOKEN = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*|[^\W\d_]+")

#: Arabic proclitics that may stand before a word: and, so, with/in, for/to, like, the.
ARABIC_PREFIXES = (
    "وبال",
    "وال",
    "بال",
    "فال",
    "كال",
    "ولل",
    "وب",
    "ول",
    "فب",
    "فل",
    "وك",
    "ال",
    "لل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)

#: Russian case endings of nouns and adjectives, folded as text is (й is и, ё is е).
RUSSIAN_ENDINGS = frozenset(
    normalise(ending)
    for ending in (
        "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й", "ой", "ей", "ом", "ем", "ою", "ею",
        "ам", "ям", "ах", "ях", "ов", "ев", "ий", "ый", "ая", "ое", "ые", "ие", "ую", "юю", "их",
        "ым", "им", "ого", "его", "ому", "ему", "ами", "ями", "ыми", "ими", "ью",
    )
)  # fmt: skip
_STOPS = frozenset(",.;:!?()[]{}/|")
_CYRILLIC = re.compile(r"[а-я]+")
_RUSSIAN_VOWELS = frozenset("аяоеиыуюь")
_ARABIC = re.compile(r"[\u0600-\u06ff]+")


class Token(NamedTuple):
    """One token of folded text, and the index of the space-separated word it belongs to (a
    named tuple: texts are cut into tens of tokens each, and a tuple is made three times as
    fast as a frozen dataclass)."""

    text: str
    word: int
    stop: bool = False  # punctuation that ends a phrase (a comma, a full stop …) follows it


@lru_cache(maxsize=4096)
def tokens(folded: str) -> tuple[Token, ...]:
    """The tokens of folded text: digit groups with their separators, and runs of letters."""
    words = folded.split(" ")
    found = list(map(_new_token, zip(words, count(), repeat(False))))
    # Most words are one run of letters (a letter is \w and no digit) and are a token as they
    # are; the others are cut, from the last, so that the indices of those before stay put.
    for index in reversed([index for index, word in enumerate(words) if not word.isalpha()]):
        word = words[index]
        found[index : index + 1] = [Token(word, index)] if word.isdecimal() else _split(word, index)
    return tuple(found)


#: A token made from a (text, word, stop) tuple with no call into Python code: a text is cut
#: into tens of tokens.
_new_token = partial(tuple.__new__, Token)


def _split(word: str, index: int) -> list[Token]:
    """The tokens of a word that is not all letters: its digit groups and runs of letters."""
    matches = list(_TOKEN.finditer(word))
    found = []
    for position, match in enumerate(matches):
        after = matches[position + 1].start() if position + 1 < len(matches) else len(word)
        stop = any(c in _STOPS for c in word[match.end() : after])
        found.append(Token(match.group(), index, stop))
    return found


def word_key(word: str) -> str:
    """What a space-separated word says, without its punctuation: the key words align on."""
    return " ".join(match.group() for match in _TOKEN.finditer(word))


def is_digits(token: str) -> bool:
    """True when the token is a number written in digits."""
    return token[:1].isdigit()


@lru_cache(maxsize=65536)
def arabic_stems(token: str) -> tuple[str, ...]:
    """The token and what remains of it without each Arabic proclitic it may carry."""
    if not _ARABIC.fullmatch(token):
        return (token,)
    stems = [token]
    for prefix in ARABIC_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            stems.append(token[len(prefix) :])
    # ل before the article ال writes لل: للصين is ل + الصين.
    for prefix in ("ولل", "لل"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            stems.append("ال" + token[len(prefix) :])
    return tuple(dict.fromkeys(stems))


def russian_stems(token: str) -> tuple[str, ...]:
    """The token without up to two final vowels: what a case ending may replace."""
    if len(token) < 4 or not _CYRILLIC.fullmatch(token):
        return ()
    stems = [token]
    for cut in (1, 2):
        stem = token[:-cut]
        if token[-cut] not in _RUSSIAN_VOWELS or len(stem) < 3:
            break
        stems.append(stem)
    return tuple(stems)


@lru_cache(maxsize=65536)
def is_form_of(token: str, name_token: str, *, first: bool) -> bool:
    """True when `token` writes `name_token`: itself, with an Arabic proclitic (on the first
    word of a name), or with another Russian case ending (России for Россия; США stays)."""
    if token == name_token:
        return True
    if first and name_token in arabic_stems(token):
        return True
    for stem in russian_stems(name_token):
        if token.startswith(stem) and token[len(stem) :] in RUSSIAN_ENDINGS:
            return True
    return False
