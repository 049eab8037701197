"""Does a claim's quote name its entity? Entities as quotes write them (SPEC §4), by any of
their names and forms: Arabic proclitics, Russian case endings, a list's shared last word, a
close spelling.

`NameIndex` splits the project's names into words once; `mentions_entity` answers with a
`Mention` of reconcile.mentions, as the checks of dates and numbers there do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from reconcile.entities import CLEAR_MARGIN
from reconcile.mentions import Mention
from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems, is_form_of, russian_stems, tokens

#: The default of `alias_threshold` (SPEC §2): how close a spelling must be to count as a name.
NAME_THRESHOLD = 85.0


class NameIndex(Mapping[str, str]):
    """The project's entity names (folded name -> entity key), split into words once."""

    def __init__(self, names: Mapping[str, str], close: float | None = None) -> None:
        """With `close`, `occurrences` also finds names written in a spelling at least that
        close to one ("Крутко" for Крутько), as name resolution accepts them in a claim."""
        self._names = {normalise(name): entity for name, entity in names.items()}
        self._keys = {name: tuple(t.text for t in tokens(name)) for name in self._names}
        self._by_first: dict[str, list[str]] = {}
        for name, key in self._keys.items():
            if key:
                self._by_first.setdefault(_index_word(key[0]), []).append(name)
        # a second word no case ending changes must be written as it is: checked first
        self._second = {
            name: key[1]
            for name, key in self._keys.items()
            if len(key) > 1 and not russian_stems(key[1])
        }
        self._found: dict[tuple[str, frozenset[str]], tuple[tuple[str, int, int], ...]] = {}
        self._candidates_of: dict[str, _Candidates] = {}
        self._window_owner: dict[tuple[str, float], str | None] = {}
        self._name_list = list(self._names)
        self._names_of: dict[str, list[str]] = {}
        for name, entity in self._names.items():
            self._names_of.setdefault(entity, []).append(name)
        self._longest_of: dict[str, int] = {}
        for name, entity in self._names.items():
            size = len(self._keys[name])
            self._longest_of[entity] = max(size, self._longest_of.get(entity, 0))
        self._longest = max(self._longest_of.values(), default=0)
        self._as_written = {key: self._names[name] for name, key in self._keys.items() if key}
        # names that end in a number ("Unit 2", "энергоблок 2"), by that number
        self._numbered: dict[str, list[str]] = {}
        for name, key in self._keys.items():
            if len(key) > 1 and key[-1].isdigit():
                self._numbered.setdefault(key[-1], []).append(name)
        self._close = close
        self._name_words = sorted(
            {word for key in self._keys.values() for word in key if _spellable(word)}
        )
        self._near_a_name: dict[str, bool] = {}

    def __getitem__(self, name: str) -> str:
        return self._names[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def written_as(self, words: Sequence[str]) -> str | None:
        """The entity one of whose names is these folded words exactly, not a form of it."""
        return self._as_written.get(tuple(words))

    def occurrences(
        self, folded: str, capitalised: frozenset[str] = frozenset()
    ) -> tuple[tuple[str, int, int], ...]:
        """Each entity named in the folded text by one of its names, or a form of it (a
        proclitic, a case ending): (entity, first token, token after the name). With the
        index's `close`, also by a close spelling beginning at one of the `capitalised` tokens
        (those of words written with a capital letter: "hearing" is no misspelt Herring)."""
        key = (folded, capitalised)
        if key not in self._found:
            if len(self._found) > 4096:  # the cache is for the quote at hand, not for all
                self._found.clear()
            self._found[key] = self._occurrences(folded, capitalised)
        return self._found[key]

    def _occurrences(
        self, folded: str, capitalised: frozenset[str]
    ) -> tuple[tuple[str, int, int], ...]:
        found = tokens(folded)
        hits: list[tuple[str, int, int]] = []
        for index, token in enumerate(found):
            after = found[index + 1].text if index + 1 < len(found) else None
            candidates = self._candidates(token.text)
            names = candidates.free + candidates.by_second.get(after or "", ())
            # a name of two words whose second is not the next one names an item of a list
            # sharing that word at most ("the Kurgan and Tyumen regions")
            if candidates.two_words and _may_share(found, index + 1):
                names += tuple(n for n in candidates.two_words if self._second[n] != after)
            if len(names) > 1:
                names = tuple(sorted(names, key=candidates.order.__getitem__))
            for name in names:
                key = self._keys[name]
                if self._second.get(name, after) == after and self._names_at(found, index, key):
                    hits.append((self._names[name], index, index + len(key)))
                elif (
                    len(key) > 1
                    and _may_share(found, index + len(key) - 1)
                    and _before_a_shared_word(found, index, key)
                ):
                    hits.append((self._names[name], index, index + len(key) - 1))
            if token.text in self._numbered:
                hits.extend(self._numbered_after_shared_word(found, index))
        if self._close is not None and capitalised:
            hits.extend(self._spelled_closely(found, hits, self._close, capitalised))
        return tuple(dict.fromkeys(hits))

    def _spelled_closely(
        self,
        found: Sequence[Token],
        hits: Sequence[tuple[str, int, int]],
        threshold: float,
        capitalised: frozenset[str],
    ) -> Iterator[tuple[str, int, int]]:
        """The names written, outside `hits`, in a spelling at least `threshold` close to one
        and `CLEAR_MARGIN` closer than to any other entity's, word for word a letter or two
        away (`_misspelt`): the longest run of words first. Only runs whose first word is near
        a word of some name are compared with the names."""
        covered = {at for _, start, end in hits for at in range(start, end)}
        for index, token in enumerate(found):
            if (
                index in covered
                or token.text not in capitalised
                or not self._near_a_name_word(token.text, threshold)
            ):
                continue
            for size in range(min(self._longest, len(found) - index), 0, -1):
                run = range(index, index + size)
                if covered.intersection(run):
                    continue
                words = [t.text for t in found[index + 1 : index + size]]
                owner = next(
                    filter(None, (self._close_owner((stem, *words), threshold)
                                  for stem in arabic_stems(token.text))),
                    None,
                )  # fmt: skip
                if owner is not None:
                    covered.update(run)
                    yield owner, index, index + size
                    break

    def _near_a_name_word(self, token: str, threshold: float) -> bool:
        if token not in self._near_a_name:
            if len(self._near_a_name) > 65536:  # a vocabulary's worth, not every word ever read
                self._near_a_name.clear()
            self._near_a_name[token] = _spellable(token) and any(
                process.extractOne(
                    stem, self._name_words, scorer=fuzz.ratio, processor=None,
                    score_cutoff=threshold,
                )
                for stem in arabic_stems(token)
            )  # fmt: skip
        return self._near_a_name[token]

    def _close_owner(self, words: tuple[str, ...], threshold: float) -> str | None:
        """The entity one of whose names `words` misspell, when its name is the closest one."""
        window = " ".join(words)
        key = (window, -threshold)
        if key not in self._window_owner:
            if len(self._window_owner) > 65536:
                self._window_owner.clear()
            owner = self._owner(window, threshold)
            best = process.extractOne(window, self._name_list, scorer=fuzz.ratio, processor=None)
            name = self._keys[best[0]] if best is not None else ()
            misspelt = len(name) == len(words) and all(map(_misspelt, words, name))
            self._window_owner[key] = owner if misspelt and self._names[best[0]] == owner else None
        return self._window_owner[key]

    def _cached_owner(self, window: str, threshold: float) -> str | None:
        key = (window, threshold)
        if key not in self._window_owner:
            if len(self._window_owner) > 65536:  # runs of words recur: keep the usual ones
                self._window_owner.clear()
            self._window_owner[key] = self._owner(window, threshold)
        return self._window_owner[key]

    def _numbered_after_shared_word(
        self, found: Sequence[Token], index: int
    ) -> Iterator[tuple[str, int, int]]:
        """The names ending in the number at `index` that a list of numbers after their
        words, written once in the plural, names: Unit 2 in "Units 1, 2 and 3", энергоблок 7
        in "энергоблоки 2, 7 и 9"."""
        first, comma = index, False
        while first > 0:
            before = found[first - 1]
            if before.stop and before.text.isdigit():
                first, comma = first - 1, True
            elif (
                not comma  # "1, 2 and 3", not "1 and 2, 3"
                and first > 1
                and before.text in _LIST_LINKS
                and found[first - 2].text.isdigit()
            ):
                first -= 2
            else:
                break
        head = first - 1
        if head < 0 or found[head].stop or not found[head].text.isalpha():
            return
        for name in self._numbered[found[index].text]:
            *body, shared = self._keys[name][:-1]
            start = head - len(body)
            if (
                start >= 0
                and _shared_form(found[head].text, shared)
                and all(
                    is_form_of(found[start + k].text, word, first=k == 0)
                    for k, word in enumerate(body)
                )
            ):
                yield self._names[name], start, index + 1

    def _candidates(self, token: str) -> _Candidates:
        """The names whose first word `token` may be a form of (looked up once per token),
        those whose second word must be written as it is by that word: a text that names one
        of a hundred "Country 1" … "Country 100" tries one, not all."""
        if token not in self._candidates_of:
            if len(self._candidates_of) > 65536:  # a vocabulary's worth, not every word ever read
                self._candidates_of.clear()
            seen = {_index_word(stem) for stem in arabic_stems(token)}
            seen.update(_index_word(stem) for stem in russian_stems(token))
            names = [name for word in seen for name in self._by_first.get(word, ())]
            by_second: dict[str, list[str]] = {}
            for name in names:
                if name in self._second:
                    by_second.setdefault(self._second[name], []).append(name)
            self._candidates_of[token] = _Candidates(
                tuple(name for name in names if name not in self._second),
                {second: tuple(found) for second, found in by_second.items()},
                tuple(n for n in names if n in self._second and len(self._keys[n]) == 2),
                {name: at for at, name in enumerate(names)},
            )
        return self._candidates_of[token]

    @staticmethod
    def _names_at(found: Sequence[Token], index: int, key: tuple[str, ...]) -> bool:
        if index + len(key) > len(found):
            return False
        return all(
            is_form_of(found[index + k].text, word, first=k == 0) for k, word in enumerate(key)
        )

    def mentions(self, folded: str, entity: str, threshold: float) -> bool:
        """True when the folded text names `entity`: by a form of a name, or a close spelling
        that no other entity's name matches as well (SPEC §4's name resolution)."""
        if any(hit[0] == entity for hit in self.occurrences(folded)):
            return True
        return self._spells(folded, entity, threshold)

    def _spells(self, folded: str, entity: str, threshold: float) -> bool:
        """True when a run of the text's words (of up to one word more than the entity's
        longest name) is at least `threshold` like a name of `entity`, and `CLEAR_MARGIN` more
        than any other entity's name. Only the runs close to the entity's own names are
        compared with every name, so that the cost does not grow with the project's names."""
        own = self._names_of.get(entity, ())
        longest = self._longest_of.get(entity, 0) + 1
        for window, size in _window_texts(tokens(folded), self._longest):
            if size > longest or not process.extractOne(
                window, own, scorer=fuzz.ratio, processor=None, score_cutoff=threshold
            ):
                continue
            if self._cached_owner(window, threshold) == entity:
                return True
        return False

    def _owner(self, window: str, threshold: float) -> str | None:
        """The entity whose name `window` spells closely, `CLEAR_MARGIN` past any other's."""
        best: dict[str, float] = {}
        for _, score, at in process.extract(
            window,
            self._name_list,
            scorer=fuzz.ratio,
            processor=None,
            limit=None,
            score_cutoff=threshold - CLEAR_MARGIN,
        ):
            owner = self._names[self._name_list[at]]
            best[owner] = max(score, best.get(owner, 0.0))
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if not ranked:
            return None
        top, score = ranked[0]
        rival = ranked[1][1] if len(ranked) > 1 else -math.inf
        return top if score >= threshold and score >= rival + CLEAR_MARGIN else None


@dataclass(frozen=True, slots=True)
class _Candidates:
    """The names a word may begin: those whose second word may take a case ending, those
    whose second word must be written as it is (by that word), and of these the names of two
    words, which may end a list that shares their last word."""

    free: tuple[str, ...]
    by_second: dict[str, tuple[str, ...]]
    two_words: tuple[str, ...]
    order: dict[str, int]  # where each stands among all of them: hits keep that order


#: Words that join the items of a list whose last word all of them share.
_LIST_LINKS = frozenset({"and", "or", "и", "или"})
#: How many items such a list may have after the name's.
_MOST_SHARING = 6


def _may_share(found: Sequence[Token], at: int) -> bool:
    """Whether a list link or a comma follows token `at - 1`: what `_before_a_shared_word`
    looks for first, tested before it for the many names whose first words a text has."""
    return at < len(found) and (found[at].text in _LIST_LINKS or found[at - 1].stop)


def _before_a_shared_word(found: Sequence[Token], index: int, key: tuple[str, ...]) -> bool:
    """Whether the words of a name but its last stand at `index` as an item of a list whose
    items all share that last word, written once after the last of them: Kurgan region in "the
    Kurgan and Tyumen regions", Курганская область in "в Оренбургской, Курганской и Тюменской
    областях"."""
    *body, last = key
    at = index + len(body)
    if at >= len(found) or not all(
        is_form_of(found[index + k].text, word, first=k == 0) for k, word in enumerate(body)
    ):
        return False
    for _ in range(_MOST_SHARING):
        if found[at].text in _LIST_LINKS:
            at += 1
        elif not found[at - 1].stop:  # a comma
            return False
        at += len(body)  # the next item, as long as the name's
        items = found[at - len(body) : at]
        if at >= len(found) or any(not t.text.isalpha() or t.text in _LIST_LINKS for t in items):
            return False
        if _shared_form(found[at].text, last):
            return True
    return False


def _shared_form(token: str, word: str) -> bool:
    """Whether `token` writes `word` as a list's shared last word does: itself, another case
    (областях for область) or an English plural (regions, parties)."""
    plurals = {word + "s", word + "es"} | ({word[:-1] + "ies"} if word.endswith("y") else set())
    return is_form_of(token, word, first=False) or token in plurals


def _misspelt(word: str, name: str) -> bool:
    """Whether `word` writes the name's word `name` or misspells it: the same first and last
    letters, one letter away (two in a word of ten letters or more, as long give or take one),
    and neither the other with letters added (Russian is not Russia, السعودي not السعودية)."""
    if word == name or is_form_of(word, name, first=False):
        return True
    if not (_spellable(word) and _spellable(name)) or word[0] != name[0] or word[-1] != name[-1]:
        return False
    if word.startswith(name) or name.startswith(word):
        return False
    if len(name) < _LONG_NAME_WORD or abs(len(word) - len(name)) > 1:
        return Levenshtein.distance(word, name, score_cutoff=1) <= 1
    return Levenshtein.distance(word, name, score_cutoff=2) <= 2


def _spellable(word: str) -> bool:
    """Whether a word may be taken for a close spelling of a name's word: long enough, and in
    the Latin or Cyrillic alphabet, where names are transliterated in many ways. Shorter words,
    and Arabic ones (whose roots make common words a letter apart: التقرير, التقصير), are a
    letter away from too many others."""
    return len(word) >= _SPELLABLE and _ALPHABETIC.fullmatch(word) is not None


_ALPHABETIC = re.compile(r"[a-zа-я]+")


_SPELLABLE = 5
_LONG_NAME_WORD = 10


def _index_word(word: str) -> str:
    """The first letters of a word, the part a Russian case ending leaves alone."""
    return word[:3] if re.fullmatch(r"[а-я]{4,}", word) else word


@lru_cache(maxsize=4096)
def _window_texts(found: tuple[Token, ...], longest: int) -> tuple[tuple[str, int], ...]:
    """Every run of up to `longest` + 1 words, with and without proclitics, and its size."""
    windows: dict[str, int] = {}
    texts = [token.text for token in found]
    for start, text in enumerate(texts):
        suffixes = [""]  # what follows the first word in a run of 1, 2, … words
        for following in texts[start + 1 : start + longest + 1]:
            suffixes.append(f"{suffixes[-1]} {following}")
        for stem in arabic_stems(text):
            for size, suffix in enumerate(suffixes, 1):
                windows.setdefault(stem + suffix, size)
    return tuple(windows.items())


def mentions_entity(
    quote: str,
    entity: str,
    names: Mapping[str, str],
    threshold: float = NAME_THRESHOLD,
    label: str | None = None,
) -> Mention:
    """An entity is mentioned by any of its names as name resolution finds them: a form of the
    name (وبيلاروسيا, России) or a close spelling; `names` maps every name to its entity."""
    index = names if isinstance(names, NameIndex) else NameIndex(names)
    if index.mentions(normalise(quote), entity, threshold):
        return Mention()
    return Mention((label or entity,))
