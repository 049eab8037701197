"""How the subjects and values a sentence writes side by side are read together: an
enumeration's pairs ("the AKP 268 seats, the CHP 169"), lists of names that share one value,
and the clauses that keep a value to its own subjects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reconcile.extract import Found
from reconcile.extract_names import names_joined
from reconcile.wordforms import Token

if TYPE_CHECKING:
    from reconcile.suggest_rules import Look

__all__ = [
    "CLAUSE_GAP",
    "PAIR_REACH",
    "apart_from_their_value",
    "clause_distance",
    "name_lists",
    "paired",
]

#: How many tokens a comma, a colon or a bracket between two words counts for: a value is
#: read with the words of its own clause ("45,968 people had been killed in Turkey, among
#: them 4,267 Syrians": the dead are 45,968).
CLAUSE_GAP = 4


def clause_distance(stops: Sequence[int], value: Found, at: int) -> int:
    """How far token `at` is from the value: the tokens between, and CLAUSE_GAP more for
    each punctuation mark that ends a phrase between them (`stops`: stop_counts)."""
    if value.start <= at < value.end:
        return 0
    low, high = (at, value.start) if at < value.start else (value.end - 1, at)
    return high - low + CLAUSE_GAP * (stops[high] - stops[low])


#: How far (in tokens, counting clause breaks as `clause_distance` does) a value of an
#: enumeration may stand from the subject it is read with.
PAIR_REACH = 20


def paired(
    subjects: Sequence[Found],
    values: Sequence[Found],
    stops: Sequence[int],
    joined: Callable[[int, int], bool] | None = None,
    tokens: Sequence[Token] | None = None,
) -> dict[int, Found]:
    """Subjects and values of an enumeration paired in the order both are written ("AKP 268,
    CHP 169 and MHP 50"; "1,604 in Al Haouz and 976 in Taroudant"): each subject, or list of
    subjects with no value between them, gets at most one value and no value two of them, as
    many as can get one within PAIR_REACH, and among such pairings the one whose values stand
    nearest their subjects. Keyed by where each paired subject starts. When the subjects are
    one list, its names take, in order, a list of as many values written after it (given the
    sentence's `tokens`: "Polozinenko and Nikitin got 6.5 and 5.5 years"), else none.
    `joined` (end, start), when given, also tells where a list of names ends: "Russia, Armenia
    and Belarus, while Georgia and Azerbaijan" are two."""
    taken = {at for s in subjects for at in range(s.start, s.end)}
    spots = sorted((v for v in values if v.start not in taken), key=lambda v: v.start)
    people = name_lists(subjects, spots, joined)
    if len(people) == 1 and tokens is not None:
        return _respectively(people[0], spots, tokens)
    if len(people) < 2:
        return {}

    def gap(names: list[Found], value: Found) -> int:
        return min(_apart(stops, s, value, at) for s in names for at in (s.start, s.end - 1))

    # best[i][j]: (pairs, -distance) over the first i subjects and the first j values
    best = [[(0, 0)] * (len(spots) + 1) for _ in range(len(people) + 1)]
    for i, subject in enumerate(people, 1):
        for j, value in enumerate(spots, 1):
            options = [best[i - 1][j], best[i][j - 1]]
            distance = gap(subject, value)
            if distance <= PAIR_REACH:
                pairs, total = best[i - 1][j - 1]
                options.append((pairs + 1, total - distance))
            best[i][j] = max(options)
    found: dict[int, Found] = {}
    i, j = len(people), len(spots)
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            found.update((s.start, spots[j - 1]) for s in people[i - 1])
            i, j = i - 1, j - 1
    return found


def _apart(stops: Sequence[int], subject: Found, value: Found, at: int) -> int:
    """`clause_distance` from a subject's token `at` to a value after it, but for the two
    breaks of an apposition set off just after the name: "فريد زهران، رئيس الحزب المصري
    الديمقراطي الاجتماعي، على مليون و767 ألفا و952 صوتا بنسبة 4 في المئة" gives Zahran 4."""
    distance = clause_distance(stops, value, at)
    end = subject.end
    if value.start < end or end >= len(stops):
        return distance
    broken_after_name = stops[end] > stops[end - 1]
    if broken_after_name and stops[value.start] - stops[end - 1] >= 2:
        distance -= 2 * CLAUSE_GAP
    return distance


#: The words that join the items of a list of values: "6.5 and 5.5", "шесть и пять", "6 و5".
_VALUE_LINKS = frozenset({"and", "и", "و"})


def _respectively(
    names: Sequence[Found], values: Sequence[Found], found: Sequence[Token]
) -> dict[int, Found]:
    """One list of names paired in order with the first list of values after it, when it has
    as many values as the list has names."""
    if len(names) < 2:
        return {}
    after = [v for v in values if v.start >= names[-1].end]
    run = after[:1]
    for value in after[1:]:
        between = found[run[-1].end : value.start]
        if all(t.text in _VALUE_LINKS for t in between) and (
            between or found[run[-1].end - 1].stop
        ):
            run.append(value)
        else:
            break
    if len(run) != len(names):
        return {}
    return {name.start: value for name, value in zip(names, run, strict=True)}


def name_lists(
    subjects: Sequence[Found],
    values: Sequence[Found],
    joined: Callable[[int, int], bool] | None = None,
) -> list[list[Found]]:
    """The subjects in the order written, those with no value between them (and `joined`, when
    given) as one list, which shares its value ("Azerbaijan, Belarus and Georgia signed the
    next year")."""
    lists: list[list[Found]] = []
    for subject in sorted(subjects, key=lambda s: s.start):
        last = lists[-1][-1] if lists else None
        if (
            last is not None
            and not any(last.end <= v.start < subject.start for v in values)
            and (joined is None or joined(last.end, subject.start))
        ):
            lists[-1].append(subject)
        else:
            lists.append([subject])
    return lists


def apart_from_their_value(look: Look, read_at: Sequence[tuple[Found, Found]]) -> list[str]:
    """Of the subjects a sentence names, those written in another clause than the value they
    got, when others are written in its clause (or in a list with one that is): "With Turkey's
    approval, thirty of the 31 members have ratified Sweden's accession, and Hungary is the only
    one still to do so" gives thirty to Sweden alone."""
    stops, found = look.stops, look.sentence.tokens
    value_of = {subject.start: value for subject, value in read_at}
    lists = name_lists(
        [s for s, _ in read_at], (), lambda end, start: names_joined(found, end, start)
    )
    inside = [
        any(stops[s.start] == stops[value_of[s.start].start] for s in names) for names in lists
    ]
    if not any(inside):
        return []
    return [
        str(s.value)
        for names, within in zip(lists, inside, strict=True)
        if not within
        for s in names
    ]
