"""Verbs of change and of reaching in a sentence's tokens: the figure a verb reaches ("the toll
rose to 93", "بلغت الحصيلة 93", "выросло до 93") is that figure, not a bound."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.normalise import normalise
from reconcile.wordforms import Token, arabic_stems

__all__ = ["changed_to", "reached_by"]


#: The stems of verbs of change: "up to", "до", "حتى" after them write the figure reached
#: ("the toll rose up to 300", "число погибших выросло до 8574"), not a maximum.
CHANGE_STEMS = tuple(
    normalise(stem)
    for stem in (
        "rose", "risen", "rise", "climb", "jump", "increas", "grew", "grown", "soar", "fell",
        "fall", "dropp", "declin", "ارتفع", "ترتفع", "يرتفع", "قفز", "تقفز", "يقفز", "تراجع",
        "انخفض", "زاد", "вырос", "возрос", "увеличил", "сократил", "снизил", "уменьшил", "упал",
        "упа", "подня", "подскочил", "повысил", "понизил", "дорос",
        "shrank", "shrunk", "shrink", "narrow", "stood", "stand", "swell", "swollen", "doubl",
        "تقلص", "تراجعت", "استقر", "وصل", "سقط", "сжал", "остановил", "удвоил", "dipp", "sank",
        "sunk", "هبط", "تدنى", "опуст",
    )
)  # fmt: skip


#: How many words before a bound a verb of change may stand (Arabic puts the noun between:
#: "ارتفعت الحصيلة حتى 2000").
_CHANGE_REACH = 2


def changed_to(found: Sequence[Token], bound: int) -> bool:
    """True when a verb of change is written just before a bound at token `bound`, in its
    phrase."""
    for at in range(bound - 1, max(-1, bound - 1 - _CHANGE_REACH), -1):
        if found[at].stop:
            return False
        if any(stem.startswith(CHANGE_STEMS) for stem in arabic_stems(found[at].text)):
            return True
    return False


#: The words that link a verb of change to the figure it reaches: "rose to", "stood at",
#: "ارتفعت إلى", "استقرت عند", "выросло до", "сократилось до".
_REACHED_LINKS = frozenset(normalise(w) for w in ("to", "at", "إلى", "حتى", "عند", "до", "на"))
_LEADING_LINKS = _REACHED_LINKS | {"up"}  # "rose up to 93"
#: The link after which a verb of growing or falling gives the change, not the figure: "вырос
#: на 65 сантиметров" (by 65), where verbs of staying give the level ("остановился на 93").
_BY_LINKS = frozenset({"на"})
_STAYING_STEMS = tuple(normalise(s) for s in ("stood", "stand", "استقر", "остановил"))
#: The stems of verbs that reach a figure with no link: "reached 93", "بلغت الحصيلة 93",
#: "достигло 93", "составило 93".
_REACH_STEMS = tuple(
    normalise(stem)
    for stem in ("reach", "total", "بلغ", "تبلغ", "يبلغ", "وصل", "достиг", "достигл", "состав")
)
#: How many words may stand between a verb and the figure it reaches (Arabic puts the noun
#: there: "بلغت حصيلة القتلى 93", "ارتفعت الحصيلة إلى 93").
_REACHED_REACH = 3


def reached_by(found: Sequence[Token], start: int) -> int | None:
    """Where the verb of change or of reaching stands whose figure begins at token `start`
    (with the "to", "до", "حتى" it may be read with), in its phrase ("the toll rose to 93",
    "the list had shrunk to 66", "بلغت الحصيلة 93", "число погибших выросло до 93"); None
    when no such verb reaches it."""
    linked = False
    while start < len(found) and found[start].text in _LEADING_LINKS:
        start, linked = start + 1, True
    by = start > 0 and found[start - 1].text in _BY_LINKS
    for at in range(start - 1, max(-1, start - 2 - _REACHED_REACH), -1):
        if at < start - 1 and found[at].stop:
            return None
        if found[at].text in _REACHED_LINKS:
            linked = linked or at == start - 1
            continue
        stems = arabic_stems(found[at].text)
        if any(stem.startswith(_REACH_STEMS) for stem in stems):
            return at
        if linked and any(stem.startswith(CHANGE_STEMS) for stem in stems):
            # "вырос на 65 сантиметров" is by how much it grew; "остановился на 93" its level
            staying = any(stem.startswith(_STAYING_STEMS) for stem in stems)
            return at if staying or not by else None
    return None
