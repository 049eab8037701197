"""Comparing the claims of a project group by group (SPEC §6): one status per group."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import combinations
from typing import TypeVar

from reconcile.model import (
    REPORT_ORDER,
    Claim,
    ClaimView,
    Contradiction,
    Group,
    MemberRow,
    Membership,
    Project,
    QuoteStatus,
    Report,
    Resolution,
    SourceCounts,
    Status,
    Verdict,
)
from reconcile.problems import Problem, sorted_problems, warning
from reconcile.values import EntitySetValue, Relation

GroupKey = tuple[str, str, str | None]
T = TypeVar("T", bound=Hashable)


def compare(project: Project) -> Report:
    """Compare every group of `project` and gather what a report shows."""
    by_group: dict[GroupKey, list[Claim]] = defaultdict(list)
    for claim in project.claims:
        by_group[claim.group_key].append(claim)
    resolutions: dict[GroupKey, list[Resolution]] = defaultdict(list)
    for resolution in project.resolutions:
        resolutions[resolution.group_key].append(resolution)

    problems: list[Problem] = list(project.problems)
    groups = []
    for key, claims in by_group.items():
        group, stale = _compare_group(project, key, claims, resolutions.get(key, []))
        groups.append(group)
        problems.extend(
            warning(
                r.place,
                "stale-resolution",
                f"{'.'.join(filter(None, key))} holds no contradiction without this "
                "resolution; it may no longer be needed",
            )
            for r in stale
        )
    groups.sort(key=_group_order(project))
    misquoted = tuple(c for c in project.claims if c.quote_match.status is QuoteStatus.MISQUOTED)
    return Report(
        project,
        tuple(groups),
        sorted_problems(problems),
        _source_counts(project, groups),
        misquoted,
    )


def relation(a: Claim, b: Claim) -> Relation | None:
    """How two claims of one group relate; None when they differ only between disjoint times."""
    return _at_their_times(a.value.relate(b.value), a, b)


def _at_their_times(found: Relation, a: Claim, b: Claim) -> Relation | None:
    """`found`, how the values of `a` and `b` relate, as their times make it: a contradiction
    between times that do not overlap is a change (None)."""
    if (
        found is Relation.CONTRADICTS
        and a.as_of is not None
        and b.as_of is not None
        and not a.as_of.span.overlaps(b.as_of.span)
    ):
        return None
    return found


def _compare_group(
    project: Project, key: GroupKey, claims: list[Claim], resolutions: list[Resolution]
) -> tuple[Group, list[Resolution]]:
    config = project.config
    topic = config.topics[key[0]]
    prop = topic.properties[key[1]]
    subject = config.entity(prop.subject, key[2]) if prop.subject and key[2] else None

    # Claims with the same value at the same time relate as equal: compare each distinct pair
    # once, and the values of each pair of distinct values once (one value is equal at any time).
    distinct: dict[tuple[object, object], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        distinct[(claim.value, claim.as_of)].append(index)
    value_ids: dict[object, int] = {}
    keyed = [
        (value_ids.setdefault(value, len(value_ids)), at) for (value, _), at in distinct.items()
    ]
    between: dict[tuple[int, int], Relation] = {}
    contradictions: list[Contradiction] = []
    relations: set[Relation | None] = set()
    for (a, first), (b, second) in combinations(keyed, 2):
        if a == b:
            continue
        one, other = claims[first[0]], claims[second[0]]
        values = between.get((a, b))
        if values is None:
            values = between[(a, b)] = one.value.relate(other.value)
        found = _at_their_times(values, one, other)
        relations.add(found)
        if found is Relation.CONTRADICTS:
            contradictions.append(Contradiction(tuple(first), tuple(second)))
    contradicting = {i for c in contradictions for i in (*c.first, *c.second)}

    verdicts: dict[int, Verdict] = {}
    used: list[Resolution] = []
    for resolution in resolutions:
        covered = [i for i, claim in enumerate(claims) if _covers(resolution, claim)]
        if covered:
            used.append(resolution)
        for index in covered:  # a later resolution overrides an earlier one
            accepted = claims[index].value.relate(resolution.value) is not Relation.CONTRADICTS
            verdicts[index] = Verdict.ACCEPTED if accepted else Verdict.REJECTED

    if used and contradicting <= verdicts.keys():
        status = Status.RESOLVED
    elif contradicting:
        status = Status.CONFLICT
    elif None in relations:
        status = Status.CHANGED
    elif Relation.COMPATIBLE in relations:
        status = Status.COMPATIBLE
    elif len({claim.source for claim in claims}) > 1:
        status = Status.AGREE
    else:
        status = Status.SINGLE

    views = tuple(
        ClaimView(claim, verdicts.get(i), i in contradicting) for i, claim in enumerate(claims)
    )
    stale = [r for r in resolutions if r not in used or not contradicting]
    group = Group(
        topic,
        prop,
        subject,
        status,
        views,
        _members(claims),
        tuple(resolutions),
        tuple(contradictions),
    )
    return group, stale


def _covers(resolution: Resolution, claim: Claim) -> bool:
    if resolution.as_of is None or claim.as_of is None:
        return True
    return resolution.as_of.span.overlaps(claim.as_of.span)


def _members(claims: Sequence[Claim]) -> tuple[MemberRow, ...]:
    entities = sorted(
        {e for c in claims if isinstance(c.value, EntitySetValue) for e in c.value.ids}
    )
    rows = []
    for entity in entities:
        sources: dict[Membership, set[str]] = {state: set() for state in Membership}
        for claim in claims:
            state = claim.membership(entity)
            if state is not None:
                sources[state].add(claim.source)
        listed, left_out, silent = (tuple(sorted(sources[state])) for state in Membership)
        rows.append(MemberRow(entity, listed, left_out, silent))
    rows.sort(key=lambda row: (not row.disputed, row.entity))
    return tuple(rows)


def _group_order(project: Project) -> Callable[[Group], tuple[int, int, int, int]]:
    """The sort key of groups: status, then topic, property and subject as configured."""
    statuses = _positions(REPORT_ORDER)
    topics = _positions(project.config.topics)
    properties = {t: _positions(topic.properties) for t, topic in project.config.topics.items()}
    subjects = {kind: _positions(names) for kind, names in project.config.entities.items()}

    def order(group: Group) -> tuple[int, int, int, int]:
        kind = subjects.get(group.property.subject or "", {})
        return (
            statuses[group.status],
            topics[group.topic.id],
            properties[group.topic.id][group.property.id],
            kind[group.subject.id] if group.subject else -1,
        )

    return order


def _positions(items: Iterable[T]) -> dict[T, int]:
    return {item: position for position, item in enumerate(items)}


def _source_counts(project: Project, groups: Sequence[Group]) -> dict[str, SourceCounts]:
    counts = {source: [0, 0, 0, 0] for source in project.sources}
    for group in groups:
        for view in group.claims:
            row = counts[view.claim.source]
            row[0] += 1
            row[1] += group.status is Status.AGREE
            row[2] += view.contradicted and group.status in (Status.CONFLICT, Status.RESOLVED)
            row[3] += view.verdict is Verdict.REJECTED
    return {source: SourceCounts(*row) for source, row in counts.items()}
