"""The names of a sentence that give entities and lists of entities: each entity it names, the
names a list joins ("A, B and C"), those it leaves out ("except"), and its verbs of joining."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconcile.extract import Found, ends_with, phrases
from reconcile.extract_words import ADVERBIAL, CLAUSE_BREAKS, EXCEPT, clause, is_except
from reconcile.name_mentions import NameIndex
from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems

__all__ = [
    "SUCCEEDING",
    "entity_spans",
    "find_entities",
    "find_entity",
    "joining_stems",
    "joining_verb",
    "left_out_of",
    "names_joined",
]


_LIST_LINKS = frozenset(
    normalise(w)
    for w in (
        "and", "or", "as", "well", "the", "also", "و", "أو", "او", "كذلك", "وكذلك", "أيضا",
        "وأيضا", "и", "или", "также", "а", "так",
    )
)  # fmt: skip
_PARTIAL = phrases(
    "include", "includes", "including", "among them", "such as", "among", "من بينها", "منها",
    "بينها", "من بينهم", "مثل", "в том числе", "включая", "среди них", "среди", "например",
)  # fmt: skip


#: Words that add the names after them to a list written later in the sentence: "besides
#: Russia, the organisation includes Armenia, Belarus…", "وإلى جانب روسيا تضم أرمينيا…".
_BESIDES = phrases(
    "besides", "in addition to", "along with", "alongside", "together with", "إلى جانب",
    "الى جانب", "بالإضافة إلى", "إضافة إلى", "فضلا عن", "علاوة على", "наряду с", "вместе с",
)  # fmt: skip


def entity_spans(
    found: Sequence[Token], index: NameIndex, capitalised: frozenset[str] = frozenset()
) -> list[tuple[str, int, int]]:
    """The entities named in the tokens, longest names first where two overlap, and of two as
    long the one written exactly as a name rather than in another form ("Челябинской" is the
    oblast's name, not the city's in another case), in order; a name may be spelt closely
    from one of the `capitalised` tokens (NameIndex.occurrences)."""
    words = [t.text for t in found]
    hits = sorted(
        index.occurrences(" ".join(words), capitalised),
        key=lambda h: (h[1], h[1] - h[2], index.written_as(words[h[1] : h[2]]) != h[0]),
    )
    kept: list[tuple[str, int, int]] = []
    for hit in hits:
        if not kept or hit[1] >= kept[-1][2]:
            kept.append(hit)
    return kept


def find_entity(
    found: Sequence[Token], index: NameIndex, capitalised: frozenset[str] = frozenset()
) -> list[Found]:
    """Every entity of one kind named in the tokens."""
    spans = entity_spans(found, index, capitalised)
    return [Found(entity, start, end) for entity, start, end in spans]


def find_entities(
    found: Sequence[Token],
    index: NameIndex,
    least: int = 2,
    capitalised: frozenset[str] = frozenset(),
) -> list[Found]:
    """The lists of two (or `least`) or more entities of one kind written together ("A, B and
    C"); those named after "except", "باستثناء", "кроме" are left out and said so; "include"
    makes a list partial."""
    spans = entity_spans(found, index, capitalised)
    runs: list[list[tuple[str, int, int]]] = []
    for hit in spans:
        if runs and (
            names_joined(found, runs[-1][-1][2], hit[1])
            or _parallel(found, runs[-1][-1], hit[1])
            or _titled(found, runs[-1][-1][2], hit[1])
        ):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    for at in range(len(runs) - 2, -1, -1):
        if _after_besides(found, runs[at][0][1]):
            runs[at : at + 2] = [runs[at] + runs[at + 1]]
    if len(runs) > 1 and len(runs[-2]) > 1 and _after_besides(found, runs[-1][0][1]):
        runs[-2:] = [runs[-2] + runs[-1]]  # "the UK, Germany and Russia, alongside Japan"
    lists: list[Found] = []
    for run in runs:
        named = [e for e, s, _ in run if not _excepted(found, run[0][1], s)]
        left_out = tuple(dict.fromkeys(e for e, s, _ in run if _excepted(found, run[0][1], s)))
        named = list(dict.fromkeys(named))
        if len(named) + len(left_out) < least:
            continue
        complete = not any(
            ends_with(found, end, _PARTIAL) for end in range(max(0, run[0][1] - 3), run[0][1] + 1)
        )
        lists.append(Found(named, run[0][1], run[-1][2], complete=complete, left_out=left_out))
    return lists


#: How many words may stand between "besides", "alongside" and the names it adds: "alongside
#: those from Japan", "إلى جانب فرق من اليابان".
_BESIDES_REACH = 3


def _after_besides(found: Sequence[Token], start: int) -> bool:
    """Whether the names from `start` follow "besides" and its like, in the same phrase."""
    return any(
        ends_with(found, end, _BESIDES) and not any(t.stop for t in found[end - 1 : start])
        for end in range(max(1, start - _BESIDES_REACH), start + 1)
    )


#: Prepositions that may begin each item of a list of phrases: "a contingent from China, an
#: army team from Pakistan and rescuers from Mexico", "فريق من الصين، وفريق من باكستان".
_PARALLEL = frozenset(normalise(w) for w in ("from", "من", "из"))
#: How many words a phrase of such a list may have before its preposition.
_PARALLEL_REACH = 6


def _parallel(found: Sequence[Token], before: tuple[str, int, int], start: int) -> bool:
    """Whether the name at `start` ends a phrase parallel to the one of the name `before`: a
    comma or "and" after that name, a few words, and the same preposition before each name."""
    _, first, end = before
    between = found[end:start]
    return (
        first > 0
        and found[first - 1].text in _PARALLEL
        and 1 < len(between) <= _PARALLEL_REACH
        and (found[end - 1].stop or between[0].text in _LIST_LINKS)
        and between[-1].text == found[first - 1].text
        and not any(t.stop or t.text in ADVERBIAL or t.text in CLAUSE_BREAKS for t in between)
    )


#: How many words may give each item of a list its title, after the comma or "and" that
#: joins it: "президент Украины Пётр Порошенко", "ووزير العدل بلقاسم زغماتي", "and the German
#: chancellor, Angela Merkel", "30-летний Саидакрами Рачабализода".
_TITLE_REACH = 3
#: Words that make what follows a name another phrase than its title: prepositions, relative
#: pronouns ("Russia, after talks with Belarus", "Putin, who met Merkel").
_NOT_TITLES = frozenset(
    normalise(w)
    for w in (
        "with", "after", "before", "from", "to", "by", "for", "against", "at", "on", "over",
        "than", "who", "which", "that", "whose", "whom", "said", "told", "says",
        "مع", "بعد", "قبل", "من", "إلى", "الى", "على", "عن", "ضد", "الذي", "التي", "الذين",
        "قال", "وقال", "أن", "ان",
        "с", "после", "до", "от", "к", "по", "против", "за", "над", "который", "которая",
        "которые", "что", "заявил", "сказал",
    )
)  # fmt: skip


def _titled(found: Sequence[Token], end: int, start: int) -> bool:
    """Whether the name at `start` is the next item of a list whose items each have a title:
    a comma or "and" after the name ending at `end`, then at most `_TITLE_REACH` words with
    no comma among them and none that begins another phrase."""
    between = found[end:start]
    if not between or len(between) > _TITLE_REACH + 1:
        return False
    linked = found[end - 1].stop or between[0].text in _LIST_LINKS
    if not linked and not (between[0].text.startswith("و") and len(between[0].text) > 3):
        return False  # Arabic writes "and" on the title's word: ووزير العدل
    words = between[1:] if between[0].text in _LIST_LINKS else between
    return len(words) <= _TITLE_REACH and not any(
        t.stop or t.text in _NOT_TITLES or t.text in ADVERBIAL or t.text in CLAUSE_BREAKS
        for t in words
    )


def names_joined(found: Sequence[Token], end: int, start: int) -> bool:
    """Whether the names ending at `end` and starting at `start` are of one list: only
    commas and words such as "and", "و", "и" stand between."""
    between = [t.text for t in found[end:start]]
    return len(between) <= 3 and all(w in _LIST_LINKS or is_except(w) for w in between)


def _excepted(found: Sequence[Token], run_start: int, start: int) -> bool:
    """True when an exception word stands before `start`, inside the list or just before it."""
    return any(ends_with(found, end, EXCEPT) for end in range(max(0, run_start - 2), start + 1))


#: Verbs by which a subject joins others in a state (the start of each of their forms):
#: joined, signed, acceded, ratified; انضم, وقّع على, صادق; присоединилась, подписала,
#: ратифицировала, вступила. They name no choice: the state joined is the one the others are
#: in ("Yemen and the Maldives joined the boycott", "انضمت إلى الاتفاقية كل من جورجيا").
JOINING_VERBS = tuple(
    normalise(w)
    for w in (
        "join", "signed", "signs", "sign on", "acced", "ratif",
        "انضم", "تنضم", "ينضم", "صادق", "تصادق", "يصادق",
        "присоедин", "подписа", "ратифиц", "вступил", "вступи",
    )
)  # fmt: skip
#: The Arabic verb of signing (وقّع) is also "it happened" (وقع الزلزال): it signs only with
#: the "على" of what is signed after it, in its clause.
_SIGNED = tuple(normalise(w) for w in ("وقع", "توقع", "يوقع"))
_SIGNED_ON = normalise("على")


def joining_stems(token: str) -> tuple[str, ...]:
    """The verbs of joining (of `JOINING_VERBS`) whose forms the token is, without proclitics."""
    return tuple(v for stem in arabic_stems(token) for v in JOINING_VERBS if stem.startswith(v))


def joining_verb(found: Sequence[Token]) -> int | None:
    """Where the first verb of joining or signing of the sentence stands, if it has one."""
    for at, token in enumerate(found):
        stems = arabic_stems(token.text)
        if any(stem.startswith(JOINING_VERBS) for stem in stems):  # as joining_stems, faster
            return at
        if any(stem in _SIGNED or stem[:-1] in _SIGNED for stem in stems):
            _, end = clause(found, at)
            if any(t.text == _SIGNED_ON for t in found[at + 1 : end]):
                return at
    return None


#: Words after which a name is the one another takes over from: "succeeding Ahmed Eissa",
#: "خلفاً لأحمد عيسى", "сменив Юревича". It is not in the state the sentence gives the other.
SUCCEEDING = phrases(
    "succeeding", "replacing", "in place of", "took over from", "in succession to", "خلفا",
    "خلفا ل", "بدلا من", "بدلا عن", "حل محل", "сменив", "сменил", "сменила", "сменивший",
    "сменившая", "сменившего", "сменившей", "заменив", "заменил", "заменивший", "вместо",
    "на смену",
)  # fmt: skip


def left_out_of(
    found: Sequence[Token],
    spans: Iterable[tuple[str, int, int]],
    words: tuple[tuple[str, ...], ...] = EXCEPT,
) -> set[str]:
    """The entities of `spans` (entity_spans of the tokens) named after an exception word (or
    after one of `words`)."""
    out: set[str] = set()
    last_end: int | None = None
    excepted = False
    for entity, start, end in spans:
        if last_end is None or not names_joined(found, last_end, start):
            excepted, last_end = False, start
        excepted = excepted or any(
            ends_with(found, stop, words) for stop in range(max(0, last_end - 2), start + 1)
        )
        if excepted:
            out.add(entity)
        last_end = end
    return out
