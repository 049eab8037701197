"""Comparing the claims of a project group by group (SPEC §6): one status per group."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import accumulate, combinations
from typing import Any, Protocol, TypeVar, runtime_checkable

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
    Status,
    Verdict,
)
from reconcile.problems import Problem, sorted_problems, warning
from reconcile.values import EntitySetValue, Relation

GroupKey = tuple[str, str, str | None]
T = TypeVar("T", bound=Hashable)


class KeptGroups(Protocol):
    """What earlier runs came to for each group, by the digest of what the group is made of
    (reconcile/groupcache.py keeps it in the project)."""

    def digest(
        self, key: GroupKey, claims: Sequence[str | None], resolutions: tuple[Resolution, ...]
    ) -> str | None:
        """The digest of a group: of its key, of its claims' digests and of its resolutions."""

    def get(self, kind: str, digest: str) -> Any:
        """What was kept of `kind` for the group `digest`, or None."""

    def put(self, kind: str, digest: str, data: Any) -> None:
        """Keep `data` as what `kind` came to for the group `digest`."""


@runtime_checkable
class IndexedClaims(Protocol):
    """Claims that know each one's group and which are misquoted without making them (the
    cache's CachedClaims)."""

    def group_keys(self) -> Sequence[GroupKey]:
        """The group of each claim, in order."""

    def misquoted(self) -> Sequence[int]:
        """The indices of the misquoted claims, ascending."""

    def take(self, indices: Sequence[int]) -> list[Claim]:
        """The claims at `indices`, in that order."""


def compare(project: Project, kept: KeptGroups | None = None) -> Report:
    """Compare every group of `project` and gather what a report shows; with `kept`, a group
    whose claims came through the cache unchanged since a run that kept it is not compared
    again (the project must be as `load_project` read it with the cache), and when the
    project's claims are `IndexedClaims` the claims of such a group are made only when its
    views are first read."""
    claims = project.claims
    take: Callable[[Sequence[int]], list[Claim]]
    if isinstance(claims, IndexedClaims):
        keys, take, misquoted = claims.group_keys(), claims.take, claims.misquoted()
    else:
        keys = [claim.group_key for claim in claims]
        misquoted = [
            i for i, c in enumerate(claims) if c.quote_match.status is QuoteStatus.MISQUOTED
        ]

        def take(indices: Sequence[int]) -> list[Claim]:
            return [claims[i] for i in indices]

    by_group: dict[GroupKey, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_group[key].append(index)
    resolutions: dict[GroupKey, list[Resolution]] = defaultdict(list)
    for resolution in project.resolutions:
        resolutions[resolution.group_key].append(resolution)
    digests: dict[GroupKey, str | None] = {}
    if kept is not None and len(project.digests) == len(claims):
        every = project.digests
        digests = {
            key: kept.digest(key, [every[i] for i in found], tuple(resolutions.get(key, ())))
            for key, found in by_group.items()
        }

    problems: list[Problem] = list(project.problems)
    groups = []
    for key, indices in by_group.items():
        digest = digests.get(key)
        found = resolutions.get(key, [])
        outcome = kept.get("outcome", digest) if kept is not None and digest else None
        made = _kept_group(project, key, indices, take, found, outcome) if outcome else None
        if made is None:
            made = _compare_group(project, key, take(indices), found)
            if kept is not None and digest:
                kept.put("outcome", digest, _outcome(made[0], found, made[1]))
        group, stale = made
        group = replace(group, digest=digest) if digest else group
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
    return Report(project, tuple(groups), sorted_problems(problems), tuple(take(misquoted)))


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

    views = _views(claims, verdicts, contradicting)
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


def _outcome(group: Group, resolutions: list[Resolution], stale: list[Resolution]) -> list[Any]:
    """What comparing a group gave, as plain data: its status, each claim's verdict and whether
    it is contradicted, its member rows, its contradictions and which resolutions are stale."""
    return [
        str(group.status),
        [[i, str(view.verdict)] for i, view in enumerate(group.claims) if view.verdict],
        [i for i, view in enumerate(group.claims) if view.contradicted],
        [[r.entity, list(r.listed_by), list(r.left_out_by), list(r.silent)] for r in group.members],
        [i for c in group.contradictions for i in (*c.first, *c.second)],
        [n for c in group.contradictions for n in (len(c.first), len(c.second))],
        [i for i, resolution in enumerate(resolutions) if resolution in stale],
    ]


def _kept_group(
    project: Project,
    key: GroupKey,
    claims: list[int],
    take: Callable[[Sequence[int]], list[Claim]],
    resolutions: list[Resolution],
    outcome: Any,
) -> tuple[Group, list[Resolution]] | None:
    """The group `_outcome` wrote down, rebuilt on its claims (the project's claims at the
    indices `claims`, which `take` makes); None when it is not one of them."""
    try:
        status, verdicts, contradicted, members, indices, lengths, stale = outcome
        count = len(claims)
        verdict_of = {
            i: Verdict(str(v))
            for i, v in zip(
                _indices([i for i, _ in verdicts], count), (v for _, v in verdicts), strict=True
            )
        }
        disputed = set(_indices(contradicted, count))
        rows = tuple(
            MemberRow(str(entity), *(tuple(map(str, sources)) for sources in lists))
            for entity, *lists in members
        )
        flat, ends = _indices(indices, count), list(accumulate(_indices(lengths, count + 1)))
        if len(ends) % 2 or (ends and ends[-1] != len(flat)):
            raise ValueError("contradictions")
        sides = [flat[low:high] for low, high in zip([0, *ends], ends, strict=False)]
        pairs = tuple(map(Contradiction, sides[::2], sides[1::2]))
        stale_ones = [resolutions[i] for i in _indices(stale, len(resolutions))]
        config = project.config
        prop = config.topics[key[0]].properties[key[1]]
        group = Group(
            config.topics[key[0]],
            prop,
            config.entity(prop.subject, key[2]) if prop.subject and key[2] else None,
            Status(str(status)),
            _KeptViews(claims, take, verdict_of, disputed),
            rows,
            tuple(resolutions),
            pairs,
        )
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return group, stale_ones


def _views(
    claims: Sequence[Claim], verdicts: dict[int, Verdict], contradicted: set[int]
) -> tuple[ClaimView, ...]:
    """Each claim of a group with its verdict and whether it is contradicted."""
    at = range(len(claims))
    return tuple(map(ClaimView, claims, map(verdicts.get, at), map(contradicted.__contains__, at)))


class _KeptViews(Sequence[ClaimView]):
    """The views of a group whose outcome the cache kept: its claims made when first read."""

    __slots__ = ("_at", "_contradicted", "_made", "_take", "_verdicts")

    def __init__(
        self,
        at: list[int],
        take: Callable[[Sequence[int]], list[Claim]],
        verdicts: dict[int, Verdict],
        contradicted: set[int],
    ) -> None:
        self._at, self._take = at, take
        self._verdicts, self._contradicted = verdicts, contradicted
        self._made: tuple[ClaimView, ...] | None = None

    def _views(self) -> tuple[ClaimView, ...]:
        if self._made is None:
            self._made = _views(self._take(self._at), self._verdicts, self._contradicted)
        return self._made

    def __len__(self) -> int:
        return len(self._at)

    def __getitem__(self, index: Any) -> Any:
        return self._views()[index]

    def __iter__(self) -> Iterator[ClaimView]:
        return iter(self._views())

    def __eq__(self, other: object) -> bool:
        return self._views() == (tuple(other) if isinstance(other, _KeptViews) else other)

    def __hash__(self) -> int:
        return hash(self._views())


def _indices(values: Any, count: int) -> tuple[int, ...]:
    """`values`, each an index below `count`; an exception when one is not."""
    checked = array("q", values)  # TypeError for anything but an integer
    if checked and not (min(checked) >= 0 and max(checked) < count):
        raise IndexError(count)
    return tuple(checked)


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
