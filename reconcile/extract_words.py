"""The words of a sentence that give choices and true or false: where a choice is named and in
which forms, and whether a negation bears on it; as reconcile.extract has for dates and numbers,
reconcile.extract_names for entities and reconcile.extract_text for text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial

from reconcile.extract import Found, Sentence, phrases
from reconcile.model import Property
from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems, tokens

__all__ = [
    "choice_forms",
    "clause",
    "find_boolean",
    "find_choices",
    "has_negation",
    "is_except",
    "negated_at",
    "negated_words",
    "property_words",
    "starts_with_stem",
    "word_hits",
]


def property_words(prop: Property, keywords: bool = True) -> list[str]:
    """The folded words of the property's label, and of its keywords and id."""
    texts = (*prop.label.all(), *prop.keywords, prop.id.replace("_", " "))
    return [
        t.text
        for text in (texts if keywords else prop.label.all())
        for t in tokens(normalise(text))
    ]


def starts_with_stem(words: Sequence[str], stems: Sequence[str]) -> bool:
    """Whether one of `words` (or a run of them) begins with one of `stems`, maybe after ال."""
    folded = " " + " ".join(words)
    return any((" " + stem) in folded or (" ال" + stem) in folded for stem in stems)


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
    start, _ = clause(found, at)
    return _negated_verb(found, start, at)


def has_negation(texts: Iterable[str]) -> bool:
    """True when any of `texts` writes a negation word itself ("لم تعلن", "no reply")."""
    return any(_negation(t.text) for text in texts for t in tokens(normalise(text)))


#: Exception words: the names after them are left out of a list (reconcile.extract_names), and
#: a property of what is left out is labelled with them (`negated_words`).
EXCEPT = phrases(
    "except", "except for", "all but", "excluding", "other than", "apart from", "save", "باستثناء",
    "ما عدا", "عدا", "سوى", "إلا", "кроме", "за исключением", "помимо",
)  # fmt: skip


_NEGATIONS = frozenset(
    normalise(w)
    for w in (
        "not", "no", "never", "nor", "neither", "without", "none", "nothing", "cannot", "lack",
        "nobody", "absence", "غياب", "انعدام", "никто", "ничего", "отсутствие", "отсутствовал",
        "отсутствовала", "отсутствовали",
        "لم", "لا", "ليس", "ليست", "لن", "غير", "عدم", "دون", "بدون", "بلا",
        "не", "нет", "ни", "без", "никогда", "отсутствует",
    )
)  # fmt: skip
CLAUSE_BREAKS = frozenset(
    normalise(w) for w in ("but", "however", "لكن", "ولكن", "غير ان", "но", "однако")
)


#: Verbs whose meaning is a negation of what follows them (the start of each of their forms):
#: refused to, halted, suspended, interrupted, declined, rejected; رفض, علّق, أوقف, امتنع, جمّد;
#: отказался, приостановил, прекратил, прервал, отклонил.
NEGATING_VERBS = tuple(
    normalise(w)
    for w in (
        "refus", "halt", "suspend", "declin", "reject", "stopp", "abandon", "withheld",
        "withhold", "freez", "froze", "interrupt", "denied", "deny", "denies",
        "رفض", "يرفض", "ترفض", "علق", "أوقف", "يوقف", "توقف", "امتنع",
        "يمتنع", "تمتنع", "جمد", "يجمد", "تجمد", "نفى", "نفت", "ينفي", "تنفي", "نفوا", "يخلو",
        "تخلو", "خلو", "استبعد", "استبعدت",
        "отказ", "приостанов", "прекрат", "прекращ", "прерв", "отклон", "заморо", "отрица",
        "опроверг",
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
    clauses = [clause(found, cues[0] if cues else None)]
    clauses += [c for c in map(partial(clause, found), cues[1:]) if not _adverbial(found, c[0])]
    for start, end in clauses:  # the first clause of the words that negates, else the first
        negated = any(_negation_at(found, at) for at in range(start, end))
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
    if not negated and any(_former(found, at) for at in cues):
        return [Found(False, start, end)]  # "бывший глава Норильска": no longer in office
    return [Found(not negated, start, end)]


#: Words that say what they qualify is no longer so: "the former mayor", "экс-мэр", "رئيس
#: البلدية السابق" (Arabic writes it after its noun).
_FORMER_BEFORE = frozenset(
    normalise(w)
    for w in (
        "former", "ex", "бывший", "бывшего", "бывшему", "бывшим", "бывшем", "бывшая",
        "бывшей", "бывшую", "экс",
    )
)  # fmt: skip
_FORMER_AFTER = frozenset(normalise(w) for w in ("السابق", "السابقة", "سابق", "سابقة"))


def _former(found: Sequence[Token], at: int) -> bool:
    """Whether the word at `at` is "former" or a word that "former" qualifies."""
    if found[at].text in _FORMER_BEFORE | _FORMER_AFTER:
        return True
    before = {t.text for t in found[max(0, at - 2) : at]}
    after = {t.text for t in found[at + 1 : at + 3]}
    return bool(before & _FORMER_BEFORE or after & _FORMER_AFTER)


#: Words that begin a clause of time, cause, condition or concession: what such a clause
#: negates ("before lifting the alert when no wave had formed") is not the property's fact.
ADVERBIAL = frozenset(
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
        stem in ADVERBIAL for stem in (found[start].text, *arabic_stems(found[start].text))
    )


#: How many words before a negating verb its own negation stands: "has not been suspended".
_NEGATION_REACH = 3


def _negated_verb(found: Sequence[Token], start: int, verb: int) -> bool:
    """Whether a negation stands just before the verb at `verb`, bearing on it."""
    return any(_negation_at(found, at) for at in range(max(start, verb - _NEGATION_REACH), verb))


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


def is_except(word: str) -> bool:
    return any(len(p) == 1 and p[0] in arabic_stems(word) for p in EXCEPT)


def negated_words(texts: Iterable[str]) -> bool:
    """True when any of `texts` holds a negation or an exception word: what a property of
    what is left out ("did not renew", "except") is labelled with."""
    for text in texts:
        found = tokens(normalise(text))
        if any(_negation(t.text) or _negating_verb(t.text) or is_except(t.text) for t in found):
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


#: Words after which a negation negates nothing of the fact: "لا يزال" (still),
#: "not only", "не только", "ليس فقط", "لا سيما" (especially), "لا بد" (must), and the bounds of
#: a figure ("не менее", "no less than", "لا يقل عن").
_UNNEGATED_AFTER = frozenset(
    normalise(w)
    for w in (
        "only", "less", "fewer", "more", "least", "يزال", "تزال", "زال", "يزالون", "تزالان",
        "يزالان", "زالت", "فقط", "سيما", "بد", "يقل", "تقل", "يزيد", "تزيد", "только", "менее",
        "более", "меньше", "больше", "раз", "ранее", "позднее",
    )
)  # fmt: skip


def _negation_at(found: Sequence[Token], at: int) -> bool:
    """Whether the word at `at` negates: a negation word not followed by one that makes it
    say something else ("لا تزال وحدات الجيش منتشرة": the army is still deployed)."""
    if not _negation(found[at].text):
        return False
    return at + 1 >= len(found) or found[at + 1].text not in _UNNEGATED_AFTER


def _negation(word: str) -> bool:
    if word in _NEGATIONS or any(stem in _NEGATIONS for stem in arabic_stems(word)):
        return True
    return word.endswith("nt") and word[:-1] in _CONTRACTED  # didn't, folded as didnt


def clause(found: Sequence[Token], at: int | None) -> tuple[int, int]:
    if at is None:
        return 0, len(found)
    start = at
    while start > 0 and not found[start - 1].stop and found[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    end = at
    while end < len(found) and found[end].text not in CLAUSE_BREAKS:
        end += 1
        if found[end - 1].stop:
            break
    return start, end
