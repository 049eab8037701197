"""Who a per-entity claim is about when its sentence does not name them."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from reconcile.extract import Found
from reconcile.model import Property
from reconcile.normalise import normalise
from reconcile.values import RULES, PropertyType

if TYPE_CHECKING:
    from reconcile.suggest_rules import Look
    from reconcile.wordforms import Token

__all__ = [
    "carried_subjects",
    "named_by_date",
    "named_by_kind",
    "pairs_named",
    "refers_to_two",
    "subjects_of",
]

#: Words that refer back to two or more entities named before, maybe in an earlier paragraph
#: ("For now both countries remain invitees", "neither is covered").
_BOTH = frozenset(
    normalise(w)
    for w in (
        "both", "neither", "كلا", "كلتا", "كلاهما", "كلتاهما",
        "оба", "обе", "обоих", "обеих", "обоим", "обеим", "обоими", "обеими",
    )
)  # fmt: skip
_TWO = (("the", "two"), ("ни", "одна"), ("ни", "один"), ("ни", "одной"), ("ни", "одного"))


def named_by_kind(spans: Sequence[tuple[str, int, int]]) -> dict[str, tuple[str, ...]]:
    """The entities a sentence names (`spans` as kind:id), by kind, in the order written."""
    named: dict[str, dict[str, None]] = {}
    for entity, _, _ in spans:
        kind, _, id_ = entity.partition(":")
        named.setdefault(kind, {})[id_] = None
    return {kind: tuple(ids) for kind, ids in named.items()}


def refers_to_two(found: Sequence[Token]) -> bool:
    """Whether the sentence refers back to two or more entities: "both", "neither", "the two",
    "كلا", "كلتا", "оба", "ни одна"."""
    words = [t.text for t in found]
    bare = [w[1:] if w[:1] in "وف" and w[1:] in _BOTH else w for w in words]
    return not _BOTH.isdisjoint(bare) or any(pair in _TWO for pair in pairwise(words))


def pairs_named(
    earlier: dict[str, tuple[tuple[str, ...], ...]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Of the entities each sentence named, by kind, the last of two or more."""
    pairs = {kind: [ids for ids in groups if len(ids) > 1][-1:] for kind, groups in earlier.items()}
    return {kind: tuple(groups) for kind, groups in pairs.items() if groups}


def carried_subjects(
    earlier: Sequence[tuple[str, ...]], values: Collection[str] = ()
) -> tuple[str, ...]:
    """Who a sentence that names no subject is about: those the last sentence before it in the
    paragraph named ("Finland brings more than territory. It keeps 12,000 soldiers"), but its
    own values (`values`), going further back when they are all it named."""
    for ids in reversed(earlier):
        subjects = tuple(i for i in ids if i not in values)
        if subjects:
            return subjects
    return ()


def subjects_of(
    prop: Property, look: Look, named: Sequence[Found]
) -> tuple[list[Found | None], tuple[str, ...]]:
    """Whom a per-entity property's sentence is about: those it names, but its values and,
    when it names others, the entities its label names ("Hungary's parliament ratified
    Sweden's accession" is Hungary's vote on Sweden); when it names none, those the paragraph
    named last, read as the sentence's own (None) and given to each of them; before those, the
    one subject whose name gives a day the sentence writes ("the vote of 15 January")."""
    its_values = _values_of_its_kind(prop, look)
    subjects = [f for f in {str(f.value): f for f in named}.values() if f.value not in its_values]
    subjects = [f for f in subjects if f.value not in look.labelled] or subjects
    if subjects:
        return [*subjects], ()
    dated = named_by_date(look.dates, look.dated) - its_values
    if len(dated) == 1:  # "On 15 January MPs threw it out": the vote of 15 January
        return [None], tuple(dated)
    carried = carried_subjects(look.earlier, its_values)
    return ([None] if carried else []), carried


def named_by_date(dates: Sequence[Found], dated: Mapping[str, frozenset[str]]) -> set[str]:
    """The entities whose names (`dated`, by the date they give) give the day a sentence's
    date is, else its month, else its year: "الانتخابات المبكرة في 29 سبتمبر 2022" is the
    election named "انتخابات سبتمبر 2022"."""
    named: set[str] = set()
    for date in dates:
        value = str(date.value)
        for key in (value, value[:7], value[:4]):
            if key in dated:
                named |= dated[key]
                break
    return named


def _values_of_its_kind(prop: Property, look: Look) -> frozenset[str]:
    """The entities a property whose values are of its subject's kind has in the sentence:
    none of them is its subject ("Only Turkey and Hungary have yet to ratify" names those
    yet to ratify, not whose accession they hold up)."""
    if prop.kind != prop.subject or prop.type not in (PropertyType.ENTITY, PropertyType.ENTITIES):
        return frozenset()
    options = RULES[prop.type].find(prop, look)
    value = options[0].value if options else None
    return frozenset(map(str, value if isinstance(value, list) else [value] if value else []))
