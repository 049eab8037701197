"""What changed between two states of a project: groups, statuses, claims, resolutions, misquotes.

A state is a snapshot: the JSON object of `check --format json`, its claims carrying their
`note` when the state was read from a project. Comparing two snapshots is pure; reading them
(files, git revisions) is reconcile/baseline.py's work.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reconcile.model import REPORT_ORDER, Report
from reconcile.render.data import report_data

DIFF_VERSION = 1
MISQUOTED = "misquoted"

#: A status's rank: its place in the report order, disagreements first (the order changes list in).
STATUS_RANK = {str(status): rank for rank, status in enumerate(REPORT_ORDER)}
#: How far a status keeps a fact from publication. A conflict blocks it; a change over time, a
#: difference of precision and a claim no other source confirms each ask for a reader's care; an
#: agreement or a desk's decision settles it. A group whose severity rises got worse.
STATUS_SEVERITY = {
    "conflict": 2,
    "changed": 1,
    "compatible": 1,
    "single": 1,
    "resolved": 0,
    "agree": 0,
}

Snapshot = Mapping[str, Any]
ClaimData = Mapping[str, Any]
GroupKey = tuple[str, str, str | None]


@dataclass(frozen=True, slots=True)
class Baseline:
    """An earlier state of the project and where it came from."""

    kind: str  # file or revision
    name: str  # the path or the revision as given
    commit: str | None  # the revision's commit
    snapshot: Snapshot
    date: str | None = None  # YYYY-MM-DD: when the file was last written, or the commit's date


@dataclass(frozen=True, slots=True)
class GroupChange:
    """A group that is new or gone, with its status on the side where it exists."""

    key: GroupKey
    status: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    key: GroupKey
    before: str
    after: str

    @property
    def worse(self) -> bool:
        return STATUS_SEVERITY[self.after] > STATUS_SEVERITY[self.before]


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """A claim added, removed, changed (`fields` says what) or whose note alone changed."""

    key: GroupKey
    source: str
    kind: str  # added, removed, changed, note
    before: ClaimData | None
    after: ClaimData | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolutionChange:
    """A group's deciding resolution new, gone or changed, with the verdicts it gives."""

    key: GroupKey
    kind: str  # new, gone, changed
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    verdicts: tuple[tuple[str, Any, str], ...]  # (source, value, verdict)


@dataclass(frozen=True, slots=True)
class MisquoteChange:
    key: GroupKey
    source: str
    kind: str  # new, fixed
    claim: ClaimData


@dataclass(frozen=True, slots=True)
class Diff:
    """Everything that changed since the baseline, each list sorted."""

    sources_added: tuple[str, ...]
    sources_removed: tuple[str, ...]
    groups_new: tuple[GroupChange, ...]
    groups_gone: tuple[GroupChange, ...]
    status_changes: tuple[StatusChange, ...]
    claims: tuple[ClaimChange, ...]
    resolutions: tuple[ResolutionChange, ...]
    misquotes: tuple[MisquoteChange, ...]

    @property
    def worse(self) -> tuple[StatusChange, ...]:
        return tuple(change for change in self.status_changes if change.worse)

    @property
    def better(self) -> tuple[StatusChange, ...]:
        return tuple(change for change in self.status_changes if not change.worse)

    @property
    def got_worse(self) -> bool:
        """A new conflict or misquote appeared, or some group's status got worse."""
        return bool(
            self.worse
            or any(group.status == "conflict" for group in self.groups_new)
            or any(change.kind == "new" for change in self.misquotes)
        )

    def claims_of(self, kind: str) -> tuple[ClaimChange, ...]:
        return tuple(change for change in self.claims if change.kind == kind)

    def resolutions_of(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.resolutions)


@dataclass(frozen=True, slots=True)
class Since:
    """A baseline and what changed since it: what `report --since` marks."""

    baseline: Baseline
    diff: Diff


def since(baseline: Baseline, report: Report) -> Since:
    """What changed in `report` since `baseline`, compared once for every output."""
    return Since(baseline, diff(baseline.snapshot, snapshot_data(report)))


# Snapshots ---------------------------------------------------------------------------------------


def snapshot_data(report: Report) -> dict[str, Any]:
    """`report_data(report)` with each claim's note added: the state of a project."""
    data = copy.deepcopy(report_data(report))
    for group, group_data in zip(report.groups, data["groups"], strict=True):
        for view, claim in zip(group.claims, group_data["claims"], strict=True):
            claim["note"] = view.claim.note
    return data


def group_key(group: Mapping[str, Any]) -> GroupKey:
    return (group["topic"], group["property"], group.get("subject"))


def sort_key(key: GroupKey) -> tuple[str, str, str]:
    return (key[0], key[1], key[2] or "")


def key_text(key: GroupKey) -> str:
    """A group's key as check prints it: topic.property[.subject]."""
    return ".".join(part for part in key if part)


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _quote(claim: ClaimData) -> str | None:
    quote = claim.get("quote")
    return " ".join(quote.split()) if isinstance(quote, str) else None


def _fact(claim: ClaimData) -> tuple[str, str | None, Any]:
    return (canonical(claim.get("value")), _quote(claim), claim.get("as_of"))


def _claim_order(claim: ClaimData) -> tuple[str, str, str, str, int]:
    value, quote, as_of = _fact(claim)
    line = claim.get("line")
    return (claim["source"], value, quote or "", str(as_of or ""), line if type(line) is int else 0)


# Comparing ---------------------------------------------------------------------------------------


def diff(before: Snapshot, after: Snapshot) -> Diff:
    """What changed from `before` to `after`, two snapshots."""
    old = {group_key(group): group for group in before["groups"]}
    new = {group_key(group): group for group in after["groups"]}
    shared = sorted(old.keys() & new.keys(), key=sort_key)
    claims: list[ClaimChange] = []
    misquotes: list[MisquoteChange] = []
    for key in sorted(old.keys() | new.keys(), key=sort_key):
        pairs = _pair_claims(old.get(key, {}).get("claims", []), new.get(key, {}).get("claims", []))
        claims += _claim_changes(key, pairs)
        misquotes += _misquote_changes(key, pairs)
    sources_before = {source["id"] for source in before.get("sources", [])}
    sources_after = {source["id"] for source in after.get("sources", [])}
    return Diff(
        sources_added=tuple(sorted(sources_after - sources_before)),
        sources_removed=tuple(sorted(sources_before - sources_after)),
        groups_new=_presence(new, new.keys() - old.keys()),
        groups_gone=_presence(old, old.keys() - new.keys()),
        status_changes=_status_changes(old, new, shared),
        claims=tuple(claims),
        resolutions=tuple(_resolution_changes(old, new)),
        misquotes=tuple(misquotes),
    )


def _presence(groups: Mapping[GroupKey, Any], keys: Iterable[GroupKey]) -> tuple[GroupChange, ...]:
    return tuple(GroupChange(key, groups[key]["status"]) for key in sorted(keys, key=sort_key))


def _status_changes(
    old: Mapping[GroupKey, Any], new: Mapping[GroupKey, Any], shared: Sequence[GroupKey]
) -> tuple[StatusChange, ...]:
    changes = [
        StatusChange(key, old[key]["status"], new[key]["status"])
        for key in shared
        if old[key]["status"] != new[key]["status"]
    ]
    return tuple(
        sorted(
            changes,
            key=lambda c: (
                not c.worse,
                STATUS_RANK[c.after],
                -STATUS_RANK[c.before],
                sort_key(c.key),
            ),
        )
    )


Pair = tuple[ClaimData | None, ClaimData | None]

#: How unmatched claims of one source pair up, in turn: the same quote (another value or time),
#: then the same value (another quote).
_NEAR_MATCHES: tuple[Callable[[ClaimData], Any], ...] = (
    lambda claim: ("quote", _quote(claim)),
    lambda claim: ("value", canonical(claim.get("value"))),
)


def _pair_claims(before: Iterable[ClaimData], after: Iterable[ClaimData]) -> list[Pair]:
    """Match the claims of one group: same source and fact first, then near matches."""
    pairs: list[Pair] = []
    old = sorted(before, key=_claim_order)
    new = sorted(after, key=_claim_order)
    for match in (_fact, *_NEAR_MATCHES):
        matched, old, new = _match(old, new, match)
        pairs += matched
    pairs += [(claim, None) for claim in old] + [(None, claim) for claim in new]
    return pairs


def _match(
    old: list[ClaimData], new: list[ClaimData], fact: Callable[[ClaimData], Any]
) -> tuple[list[Pair], list[ClaimData], list[ClaimData]]:
    """Pair claims of one source whose `fact` is equal, in order; return the rest too."""
    waiting: dict[Any, list[ClaimData]] = {}
    for claim in old:
        waiting.setdefault((claim["source"], fact(claim)), []).append(claim)
    pairs: list[Pair] = []
    unmatched_new = []
    for claim in new:
        candidates = waiting.get((claim["source"], fact(claim)))
        if candidates:
            pairs.append((candidates.pop(0), claim))
        else:
            unmatched_new.append(claim)
    unmatched_old = [claim for claims in waiting.values() for claim in claims]
    return pairs, sorted(unmatched_old, key=_claim_order), unmatched_new


def _claim_changes(key: GroupKey, pairs: Iterable[Pair]) -> list[ClaimChange]:
    changes = []
    for before, after in pairs:
        if after is None:
            assert before is not None
            changes.append(ClaimChange(key, before["source"], "removed", before, None))
        elif before is None:
            changes.append(ClaimChange(key, after["source"], "added", None, after))
        elif fields := _changed_fields(before, after):
            changes.append(ClaimChange(key, after["source"], "changed", before, after, fields))
        elif "note" in before and "note" in after and before["note"] != after["note"]:
            changes.append(ClaimChange(key, after["source"], "note", before, after, ("note",)))
    order = {"removed": 0, "changed": 1, "note": 2, "added": 3}
    return sorted(changes, key=lambda c: (c.source, order[c.kind], _claim_order(_side(c))))


def _side(change: ClaimChange) -> ClaimData:
    claim = change.after if change.after is not None else change.before
    assert claim is not None
    return claim


def _changed_fields(before: ClaimData, after: ClaimData) -> tuple[str, ...]:
    names = ("value", "quote", "as_of")
    return tuple(
        name for name, a, b in zip(names, _fact(before), _fact(after), strict=True) if a != b
    )


def _misquote_changes(key: GroupKey, pairs: Iterable[Pair]) -> list[MisquoteChange]:
    changes = []
    for before, after in pairs:
        was = before is not None and before.get("quote_status") == MISQUOTED
        now = after is not None and after.get("quote_status") == MISQUOTED
        if now and not was:
            assert after is not None
            changes.append(MisquoteChange(key, after["source"], "new", after))
        elif was and not now:
            assert before is not None
            changes.append(MisquoteChange(key, before["source"], "fixed", before))
    return sorted(changes, key=lambda c: (c.kind != "new", _claim_order(c.claim)))


_RESOLUTION_FIELDS = ("value", "as_of", "reason", "reference", "decided", "by")


def _resolution_changes(
    old: Mapping[GroupKey, Any], new: Mapping[GroupKey, Any]
) -> Iterable[ResolutionChange]:
    for key in sorted(old.keys() | new.keys(), key=sort_key):
        before = old.get(key, {}).get("resolution")
        after = new.get(key, {}).get("resolution")
        if before is None and after is None:
            continue
        if before is None or after is None:
            kind = "new" if before is None else "gone"
        elif any(canonical(before.get(f)) != canonical(after.get(f)) for f in _RESOLUTION_FIELDS):
            kind = "changed"
        else:
            continue
        deciding = new[key] if after is not None else old[key]
        yield ResolutionChange(key, kind, before, after, _verdicts(deciding["claims"]))


def _verdicts(claims: Iterable[ClaimData]) -> tuple[tuple[str, Any, str], ...]:
    found = [
        (claim["source"], claim.get("value"), claim["verdict"])
        for claim in sorted(claims, key=_claim_order)
        if claim.get("verdict")
    ]
    return tuple(found)


# The one-line summary ----------------------------------------------------------------------------


def summary_line(result: Diff) -> str:
    """One line: "2 groups new, 1 worse (agree → conflict), 3 claims added from 1 source"."""
    parts = []
    for count, what in (
        (len(result.sources_added), "sources added"),
        (len(result.sources_removed), "sources removed"),
        (len(result.groups_new), "groups new"),
        (len(result.groups_gone), "groups gone"),
    ):
        if count:
            parts.append(f"{count} {_plural(what, count)}")
    if result.worse:
        parts.append(f"{len(result.worse)} worse ({_transitions(result.worse)})")
    if result.better:
        parts.append(f"{len(result.better)} better ({_transitions(result.better)})")
    for kind in ("added", "removed", "changed"):
        changes = result.claims_of(kind)
        if changes:
            sources = len({change.source for change in changes})
            parts.append(
                f"{len(changes)} {_plural('claims', len(changes))} {kind} "
                f"from {sources} {_plural('sources', sources)}"
            )
    notes = len(result.claims_of("note"))
    if notes:
        parts.append(f"{notes} {_plural('notes', notes)} changed")
    for count, what in (
        *(
            (result.resolutions_of(kind), f"resolutions {kind}")
            for kind in ("new", "gone", "changed")
        ),
        (sum(m.kind == "new" for m in result.misquotes), "misquotes new"),
        (sum(m.kind == "fixed" for m in result.misquotes), "misquotes fixed"),
    ):
        if count:
            parts.append(f"{count} {_plural(what, count)}")
    return ", ".join(parts) if parts else "no change"


def _plural(words: str, count: int) -> str:
    if count != 1:
        return words
    first, _, rest = words.partition(" ")
    return " ".join(filter(None, (first.removesuffix("s"), rest)))


def _transitions(changes: Iterable[StatusChange]) -> str:
    counts = Counter(f"{change.before} → {change.after}" for change in changes)
    return ", ".join(text if n == 1 else f"{text} ×{n}" for text, n in counts.items())
