"""The words of a sentence that give entities, choices, true or false, and text: one function
per property type, as reconcile.extract has for dates and numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial

from reconcile.extract import Found, Sentence, ends_with, phrases
from reconcile.name_mentions import NameIndex
from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems, tokens

__all__ = [
    "choice_forms",
    "clause_after",
    "entity_spans",
    "find_boolean",
    "find_choices",
    "find_entities",
    "find_entity",
    "find_quoted",
    "find_text",
    "has_negation",
    "joining_stems",
    "joining_verb",
    "left_out_of",
    "names_joined",
    "negated_at",
    "negated_words",
    "title_of",
    "word_hits",
]


# Entities ----------------------------------------------------------------------------------

_LIST_LINKS = frozenset(
    normalise(w)
    for w in (
        "and", "or", "as", "well", "the", "also", "و", "أو", "او", "كذلك", "وكذلك", "أيضا",
        "وأيضا", "и", "или", "также", "а", "так",
    )
)  # fmt: skip
_EXCEPT = phrases(
    "except", "except for", "all but", "excluding", "other than", "apart from", "save", "باستثناء",
    "ما عدا", "عدا", "سوى", "إلا", "кроме", "за исключением", "помимо",
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


def entity_spans(found: Sequence[Token], index: NameIndex) -> list[tuple[str, int, int]]:
    """The entities named in the tokens, longest names first where two overlap, in order."""
    hits = sorted(
        index.occurrences(" ".join(t.text for t in found)), key=lambda h: (h[1], h[1] - h[2])
    )
    kept: list[tuple[str, int, int]] = []
    for hit in hits:
        if not kept or hit[1] >= kept[-1][2]:
            kept.append(hit)
    return kept


def find_entity(found: Sequence[Token], index: NameIndex) -> list[Found]:
    """Every entity of one kind named in the tokens."""
    return [Found(entity, start, end) for entity, start, end in entity_spans(found, index)]


def find_entities(found: Sequence[Token], index: NameIndex) -> list[Found]:
    """The lists of two or more entities of one kind written together ("A, B and C"); those
    named after "except", "باستثناء", "кроме" are left out and said so; "include" makes a list
    partial."""
    spans = entity_spans(found, index)
    runs: list[list[tuple[str, int, int]]] = []
    for hit in spans:
        if runs and (
            names_joined(found, runs[-1][-1][2], hit[1]) or _parallel(found, runs[-1][-1], hit[1])
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
        if len(named) + len(left_out) < 2:
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
        and not any(t.stop or t.text in _ADVERBIAL or t.text in _CLAUSE_BREAKS for t in between)
    )


def names_joined(found: Sequence[Token], end: int, start: int) -> bool:
    """Whether the names ending at `end` and starting at `start` are of one list: only
    commas and words such as "and", "و", "и" stand between."""
    between = [t.text for t in found[end:start]]
    return len(between) <= 3 and all(w in _LIST_LINKS or _is_except(w) for w in between)


def _is_except(word: str) -> bool:
    return any(len(p) == 1 and p[0] in arabic_stems(word) for p in _EXCEPT)


def _excepted(found: Sequence[Token], run_start: int, start: int) -> bool:
    """True when an exception word stands before `start`, inside the list or just before it."""
    return any(ends_with(found, end, _EXCEPT) for end in range(max(0, run_start - 2), start + 1))


# Choices, booleans, text -------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    folded = normalise(word)
    return re.compile(rf"(?<!\w)(?:و|ف)?(?:ب|ل|ك)?(?:ال)?{re.escape(folded)}")


def word_hits(sentence: Sentence, words: Iterable[str]) -> list[int]:
    """The tokens at which any of `words` is written, at the start of a word, after any
    Arabic proclitic; the word may go on (sign finds signed, вышл finds вышла)."""
    starts: list[int] = []
    for word in words:
        if not normalise(word):
            continue
        for match in _word_pattern(word).finditer(sentence.folded):
            word_index = sentence.folded.count(" ", 0, match.start())
            starts.extend(i for i, t in enumerate(sentence.tokens) if t.word == word_index)
    return sorted(set(starts))


def find_choices(sentence: Sentence, choices: Sequence[tuple[str, tuple[str, ...]]]) -> list[Found]:
    """Each place a choice is named: by its own id (underscores as spaces) or its words, in
    any of the forms `choice_forms` gives them, each spanning the tokens of its words. The
    longer phrase decides: a word inside another choice's longer words is not that choice
    ("لم تقطع" is maintained, not a denied "تقطع"; "did not withdraw", "не вышла")."""
    longest: dict[tuple[str, int], int] = {}  # (choice, start): end
    for choice, words in choices:
        forms = (f for w in (choice.replace("_", " "), *words) for f in choice_forms(w))
        for form in dict.fromkeys(forms):
            length = len(tokens(form))
            for hit in word_hits(sentence, [form]):
                longest[choice, hit] = max(longest.get((choice, hit), 0), hit + length)
    found = [Found(choice, start, end) for (choice, start), end in longest.items()]
    return sorted(
        (f for f in found if not any(_inside(f, other) for other in found)),
        key=lambda f: f.start,
    )


def _inside(word: Found, other: Found) -> bool:
    """Whether `word` lies within the longer words of another choice."""
    return (
        other.value != word.value
        and other.start <= word.start
        and word.end <= other.end
        and other.end - other.start > word.end - word.start
    )


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
            _, end = _clause(found, at)
            if any(t.text == _SIGNED_ON for t in found[at + 1 : end]):
                return at
    return None


_ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a]+$")
_CYRILLIC_LETTERS = re.compile(r"^[а-яё]+$")
_LATIN_LETTERS = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=4096)
def choice_forms(word: str) -> tuple[str, ...]:
    """The word of a choice and the other forms of it a sentence may write, each the start of
    a word (as `word_hits` reads them): an Arabic verb in the feminine past also as its stem
    and its present and jussive ("انسحبت": انسحب, ينسحب, تنسحب, as after لم), a Russian past
    in every gender and number ("вышла": вышли, вышло; "приостановила": приостановил…,
    приостановивш…), an English past participle as its stem ("suspended": suspend…)."""
    folded = normalise(word)
    forms = [folded]
    if " " in folded:
        return tuple(forms)
    if _ARABIC_LETTERS.match(folded) and len(folded) >= 4 and folded.endswith("ت"):
        stem = folded[:-1]
        if len(stem) >= 4:
            forms.append(stem)
        else:
            forms.append(stem + "وا")
        base = stem[1:] if stem.startswith("ا") else stem
        if len(base) >= 3 and not (len(stem) == 3 and stem[1] in "اوي"):  # not عادت: يعود
            forms += ["ي" + base, "ت" + base]
    elif _CYRILLIC_LETTERS.match(folded) and len(folded) >= 5 and folded[-2:] in _RU_PAST:
        forms.append(folded[:-1])
        before = folded[:-2]
        if len(before) >= 6 and before[-1] in "аеиуя":
            forms.append(before + "вш")
    elif _LATIN_LETTERS.match(folded) and len(folded) >= 7 and folded.endswith("ed"):
        forms.append(folded[:-2])
    return tuple(forms)


_RU_PAST = frozenset({"ла", "ло", "ли"})


def negated_at(found: Sequence[Token], at: int) -> bool:
    """Whether a negation stands just before the word at `at`, in its clause, bearing on it:
    "did not withdraw", "has not been suspended", "لم تنسحب", "не вышла"."""
    start, _ = _clause(found, at)
    return _negated_verb(found, start, at)


def has_negation(texts: Iterable[str]) -> bool:
    """True when any of `texts` writes a negation word itself ("لم تعلن", "no reply")."""
    return any(_negation(t.text) for text in texts for t in tokens(normalise(text)))


def left_out_of(found: Sequence[Token], spans: Iterable[tuple[str, int, int]]) -> set[str]:
    """The entities of `spans` (entity_spans of the tokens) named after an exception word."""
    out: set[str] = set()
    last_end: int | None = None
    excepted = False
    for entity, start, end in spans:
        if last_end is None or not names_joined(found, last_end, start):
            excepted, last_end = False, start
        excepted = excepted or any(
            ends_with(found, stop, _EXCEPT) for stop in range(max(0, last_end - 2), start + 1)
        )
        if excepted:
            out.add(entity)
        last_end = end
    return out


_NEGATIONS = frozenset(
    normalise(w)
    for w in (
        "not", "no", "never", "nor", "neither", "without", "none", "nothing", "cannot", "lack",
        "لم", "لا", "ليس", "ليست", "لن", "غير", "عدم", "دون", "بدون", "بلا",
        "не", "нет", "ни", "без", "никогда", "отсутствует",
    )
)  # fmt: skip
_CLAUSE_BREAKS = frozenset(
    normalise(w) for w in ("but", "however", "لكن", "ولكن", "غير ان", "но", "однако")
)


#: Verbs whose meaning is a negation of what follows them (the start of each of their forms):
#: refused to, halted, suspended, interrupted, declined, rejected; رفض, علّق, أوقف, امتنع, جمّد;
#: отказался, приостановил, прекратил, прервал, отклонил.
NEGATING_VERBS = tuple(
    normalise(w)
    for w in (
        "refus", "halt", "suspend", "declin", "reject", "stopp", "abandon", "withheld",
        "withhold", "freez", "froze", "interrupt",
        "رفض", "يرفض", "ترفض", "علق", "أوقف", "يوقف", "توقف", "امتنع",
        "يمتنع", "تمتنع", "جمد", "يجمد", "تجمد",
        "отказ", "приостанов", "прекрат", "прекращ", "прерв", "отклон", "заморо",
    )
)  # fmt: skip


#: How near the property's words a negating verb must stand to negate them: "suspended
#: inspections", "inspections were suspended", "refused to allow inspections".
_VERB_REACH = 3


def find_boolean(found: Sequence[Token], cues: Sequence[int]) -> list[Found]:
    """True, or false where a negation stands in the clause of the words that signal it
    (not, never, didn't, لم, لا, ليس, не, нет) in the clause of any of them, or a verb that
    negates what follows it
    (refused, suspended, رفض, علّق, отказался) next to those words; both together say true
    when the negation bears on that verb ("did not suspend", "لم يعلق", "не приостановили"),
    false when on another ("inspections, suspended in 2020, were not resumed")."""
    clauses = [_clause(found, cues[0] if cues else None)]
    clauses += [c for c in map(partial(_clause, found), cues[1:]) if not _adverbial(found, c[0])]
    for start, end in clauses:  # the first clause of the words that negates, else the first
        negated = any(_negation(t.text) for t in found[start:end])
        verbs = [
            at
            for at in range(start, end)
            if _negating_verb(found[at].text) and any(_governs(found, at, c) for c in cues)
        ]
        if negated or verbs:
            break
    else:
        start, end = clauses[0]
    if verbs:
        return [Found(any(_negated_verb(found, start, at) for at in verbs), start, end)]
    return [Found(not negated, start, end)]


#: Words that begin a clause of time, cause, condition or concession: what such a clause
#: negates ("before lifting the alert when no wave had formed") is not the property's fact.
_ADVERBIAL = frozenset(
    normalise(w)
    for w in (
        "when", "while", "before", "after", "because", "since", "if", "unless", "although",
        "though", "until", "once", "whereas",
        "عندما", "حين", "حينما", "لأن", "إذا", "لو", "قبل", "بعد", "بينما", "رغم", "لما",
        "когда", "пока", "если", "потому", "хотя", "прежде", "после", "поскольку", "пусть",
    )
)  # fmt: skip


def _adverbial(found: Sequence[Token], start: int) -> bool:
    return start < len(found) and any(
        stem in _ADVERBIAL for stem in (found[start].text, *arabic_stems(found[start].text))
    )


#: How many words before a negating verb its own negation stands: "has not been suspended".
_NEGATION_REACH = 3


def _negated_verb(found: Sequence[Token], start: int, verb: int) -> bool:
    """Whether a negation stands just before the verb at `verb`, bearing on it."""
    return any(_negation(t.text) for t in found[max(start, verb - _NEGATION_REACH) : verb])


_AUXILIARIES = frozenset(
    normalise(w)
    for w in ("was", "were", "is", "are", "be", "been", "has", "have", "had", "being",
              "был", "была", "было", "были", "будет", "будут")
)  # fmt: skip


def _governs(found: Sequence[Token], verb: int, cue: int) -> bool:
    """Whether the negating verb at `verb` bears on the words at `cue`: it stands a few words
    before them (suspended inspections, refused to allow inspections), or after them as a
    passive does (inspections were suspended, were not suspended, инспекции приостановлены)."""
    if cue < verb:
        return all(t.text in _AUXILIARIES or _negation(t.text) for t in found[cue + 1 : verb])
    return verb < cue and cue - verb <= _VERB_REACH


def _negating_verb(word: str) -> bool:
    return any(stem.startswith(NEGATING_VERBS) for stem in arabic_stems(word))


def negated_words(texts: Iterable[str]) -> bool:
    """True when any of `texts` holds a negation or an exception word: what a property of
    what is left out ("did not renew", "except") is labelled with."""
    for text in texts:
        found = tokens(normalise(text))
        if any(_negation(t.text) or _negating_verb(t.text) or _is_except(t.text) for t in found):
            return True
    return False


_CONTRACTED = frozenset(
    [
        "didn",
        "wasn",
        "isn",
        "aren",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "don",
        "doesn",
        "won",
        "couldn",
        "wouldn",
        "shouldn",
    ]
)


def _negation(word: str) -> bool:
    if word in _NEGATIONS or any(stem in _NEGATIONS for stem in arabic_stems(word)):
        return True
    return word.endswith("nt") and word[:-1] in _CONTRACTED  # didn't, folded as didnt


def _clause(found: Sequence[Token], at: int | None) -> tuple[int, int]:
    if at is None:
        return 0, len(found)
    start = at
    while start > 0 and not found[start - 1].stop and found[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    end = at
    while end < len(found) and found[end].text not in _CLAUSE_BREAKS:
        end += 1
        if found[end - 1].stop:
            break
    return start, end


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
    return " ".join(words[first : last + 1]).strip(" .,;:!?،؛") or None


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
    spanning the words (not tokens) it covers."""
    from rapidfuzz import fuzz

    from reconcile.quotes import SourceText

    text = SourceText(sentence)
    folded = text.folded
    found: list[tuple[float, Found]] = []
    for value in dict.fromkeys(known):
        target = normalise(value)
        if not target:
            continue
        alignment = fuzz.partial_ratio_alignment(target, folded)
        needed = _TEXT_LIKENESS if " " in target.strip() else _WORD_LIKENESS
        if alignment is not None and alignment.score >= needed:
            written = (
                value
                if alignment.score >= 95
                else text.words_at(alignment.dest_start, alignment.dest_end)
            )
            start = folded.count(" ", 0, alignment.dest_start)
            end = folded.count(" ", 0, alignment.dest_end) + 1
            found.append((alignment.score, Found(written.strip(), start, end)))
    return [f for _, f in sorted(found, key=lambda pair: -pair[0])]
