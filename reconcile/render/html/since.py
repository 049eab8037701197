"""What a report written with `--since` marks: each new or changed card, and the groups gone.

It reads a `Since` (reconcile/diff.py), compared once by the caller, and the Report: nothing
here compares claims again. The words come from render/messages.py, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reconcile.diff import ClaimChange, GroupKey, ResolutionChange, Since
from reconcile.frozen import FrozenMap
from reconcile.model import Group, Property, Report
from reconcile.render.diff import value_text
from reconcile.render.html.anchors import ClaimAnchors
from reconcile.render.messages import direction
from reconcile.render.words import Words
from reconcile.values import PropertyType

#: The kinds of claim change in the order a card lists them.
CLAIM_KINDS = ("added", "changed", "removed", "note")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a changed claim: its value, quote, time or note before and after."""

    field: str  # value, quote, as_of, note
    label: str
    before: str | None  # None: the claim had none
    after: str | None


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One claim added, changed, removed or re-noted, as a card's change list shows it."""

    kind: str  # added, changed, removed, note
    kind_text: str
    source: str
    value: str | None  # an added or removed claim's value (and time) and quote
    quote: str | None
    fields: tuple[FieldChange, ...]  # a changed claim's fields
    claim_anchor: str | None  # the claim's row in the card, when it still exists
    place: str


@dataclass(frozen=True, slots=True)
class CardChange:
    """What changed in one group since the baseline: its badge and the card's change box."""

    kind: str  # new or changed
    badge: str
    before: str | None  # the status at the baseline, when it changed
    before_word: str | None
    after_word: str | None
    arrow: str
    lines: tuple[ChangeLine, ...]
    resolution: str | None
    misquotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ListedChange:
    anchor: str
    title: str
    change: CardChange


@dataclass(frozen=True, slots=True)
class GoneGroup:
    title: str
    status: str
    status_word: str


@dataclass(frozen=True, slots=True)
class SinceView:
    """The baseline named at the top, the filter's label, the marks by card, the gone groups."""

    name: str  # the baseline as given: a file's path or a revision
    detail: str | None  # its commit and date, or the file's date
    counts: str
    cards: FrozenMap[str, CardChange]  # by group anchor
    listed: tuple[ListedChange, ...]  # in the page's order
    gone: tuple[GoneGroup, ...]
    sources: tuple[str, ...]  # sources added and removed, one sentence each


def since_view(since: Since, report: Report, words: Words, anchors: ClaimAnchors) -> SinceView:
    """The marks of a page written with `--since`, in the reader's language."""
    result, baseline = since.diff, since.baseline
    by_key = {_key(group): group for group in report.groups}
    new_keys = {change.key for change in result.groups_new}
    cards: dict[str, CardChange] = {}
    listed = []
    changed_keys = _changed_keys(since)
    for group in report.groups:
        key = _key(group)
        if key not in changed_keys:
            continue
        change = _card_change(since, group, key in new_keys, words, anchors)
        cards[group.anchor] = change
        listed.append(ListedChange(group.anchor, words.group_title(group, with_topic=True), change))
    gone = tuple(
        GoneGroup(_gone_title(g.key, words), g.status, words.t(f"status_{g.status}"))
        for g in result.groups_gone
        if g.key not in by_key
    )
    new = sum(change.kind == "new" for change in cards.values())
    return SinceView(
        name=baseline.name,
        detail=_detail(since, words),
        counts=words.t("since_counts", new=new, changed=len(cards) - new, gone=len(gone)),
        cards=FrozenMap(cards),
        listed=tuple(listed),
        gone=gone,
        sources=_source_lines(since, words),
    )


def _detail(since: Since, words: Words) -> str | None:
    """`commit 3ae3156c0d1e, 2026-05-01` for a revision, `saved 2026-05-01` for a file."""
    baseline = since.baseline
    if baseline.commit:
        key = "since_commit" if baseline.date else "since_commit_undated"
        return words.t(key, commit=baseline.commit[:12], date=baseline.date)
    return words.t("since_saved", date=baseline.date) if baseline.date else None


def _key(group: Group) -> GroupKey:
    return (group.topic.id, group.property.id, group.subject.id if group.subject else None)


def _changed_keys(since: Since) -> set[GroupKey]:
    result = since.diff
    return {
        *(change.key for change in result.groups_new),
        *(change.key for change in result.status_changes),
        *(change.key for change in result.claims),
        *(change.key for change in result.resolutions),
        *(change.key for change in result.misquotes),
    }


def _card_change(
    since: Since, group: Group, new: bool, words: Words, anchors: ClaimAnchors
) -> CardChange:
    key, result = _key(group), since.diff
    claims = [change for change in result.claims if change.key == key]
    status = next((c for c in result.status_changes if c.key == key), None)
    resolution = next((c for c in result.resolutions if c.key == key), None)
    misquotes = [c for c in result.misquotes if c.key == key]
    arrow = "←" if direction(words.lang) == "rtl" else "→"
    if new:
        badge = words.t("since_new")
    elif status:
        badge = words.t(
            "since_status",
            before=words.t(f"status_{status.before}").lower(),
            arrow=arrow,
            after=words.t(f"status_{status.after}").lower(),
        )
    else:
        badge = _badge_counts(claims, resolution, misquotes, words)
    return CardChange(
        kind="new" if new else "changed",
        badge=badge,
        before=status.before if status else None,
        before_word=words.t(f"status_{status.before}") if status else None,
        after_word=words.t(f"status_{status.after}") if status else None,
        arrow=arrow,
        lines=tuple(_line(change, group, words, anchors) for change in _in_order(claims)),
        resolution=_resolution_text(resolution, group.property, words) if resolution else None,
        misquotes=tuple(
            words.t(f"since_misquote_{m.kind}_line", source=m.source) for m in misquotes
        ),
    )


def _in_order(changes: Iterable[ClaimChange]) -> list[ClaimChange]:
    return sorted(changes, key=lambda change: (CLAIM_KINDS.index(change.kind), change.source))


def _badge_counts(
    claims: Sequence[ClaimChange],
    resolution: ResolutionChange | None,
    misquotes: Sequence[Any],
    words: Words,
) -> str:
    """`2 claims added, 1 claim removed`: what changed in a group whose status did not."""
    parts = []
    for kind in CLAIM_KINDS:
        count = sum(change.kind == kind for change in claims)
        if count:
            parts.append(counted(words, f"since_claims_{kind}", count))
    if resolution:
        parts.append(words.t(f"since_resolution_{resolution.kind}"))
    for kind in ("new", "fixed"):
        count = sum(m.kind == kind for m in misquotes)
        if count:
            parts.append(counted(words, f"since_misquotes_{kind}", count))
    return words.separator.join(parts)


def counted(words: Words, key: str, count: int) -> str:
    """The message `key` for `count` things; `key_one` for one thing."""
    return words.t(f"{key}_one") if count == 1 else words.t(key, count=count)


def _line(change: ClaimChange, group: Group, words: Words, anchors: ClaimAnchors) -> ChangeLine:
    prop = group.property
    before, after = change.before, change.after
    shown = after if after is not None else before
    assert shown is not None
    whole = change.kind in ("added", "removed")
    fields: tuple[FieldChange, ...] = ()
    if not whole:
        assert before is not None and after is not None
        fields = tuple(
            FieldChange(
                field,
                words.t(f"since_field_{field}"),
                _field_text(field, before, prop, words),
                _field_text(field, after, prop, words),
            )
            for field in change.fields
        )
    return ChangeLine(
        kind=change.kind,
        kind_text=words.t(f"since_kind_{change.kind}"),
        source=change.source,
        value=_claim_value(shown, prop, words) if whole else None,
        quote=_quote(shown) if whole else None,
        fields=fields,
        claim_anchor=_claim_anchor(after, group, anchors) if after is not None else None,
        place=words.t("claim_file", file=shown.get("file"), line=shown.get("line")),
    )


def _claim_anchor(claim: Mapping[str, Any], group: Group, anchors: ClaimAnchors) -> str | None:
    for view in group.claims:
        place = view.claim.place
        if view.claim.source == claim.get("source") and place.line == claim.get("line"):
            return anchors[view.claim]
    return None


def _claim_value(claim: Mapping[str, Any], prop: Property, words: Words) -> str:
    text = value_words(claim.get("value"), prop, words)
    if claim.get("as_of") and prop.temporal:
        text += " " + words.t("as_of", when=_date(claim["as_of"], words))
    return text


def _quote(claim: Mapping[str, Any]) -> str | None:
    quote = claim.get("quote")
    return " ".join(quote.split()) if isinstance(quote, str) else None


def _field_text(field: str, claim: Mapping[str, Any], prop: Property, words: Words) -> str | None:
    if field == "quote":
        return _quote(claim)
    if field == "note":
        note = claim.get("note")
        return str(note) if note else None
    if field == "as_of":
        return _date(claim.get("as_of"), words) if claim.get("as_of") else None
    return value_words(claim.get("value"), prop, words)


def _date(edtf: Any, words: Words) -> str:
    if not isinstance(edtf, str):
        return value_text(edtf)
    try:
        return words.date(edtf)[0]
    except ValueError:
        return edtf


def value_words(value: Any, prop: Property | None, words: Words) -> str:
    """A canonical value (as the JSON holds it) in the reader's words: labels, dates, numbers."""
    if prop is not None and prop.kind and isinstance(value, str):
        return words.entity(prop.kind, value)
    if prop is not None and prop.kind and isinstance(value, list):
        return words.separator.join(value_words(item, prop, words) for item in value)
    if prop is not None and prop.type is PropertyType.DATE and isinstance(value, str):
        return _date(value, words)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return words.number(value)
    if isinstance(value, dict) and set(value) <= {"min", "max"}:
        return _range(value.get("min"), value.get("max"), words)
    return value_text(value)


def _range(low: Any, high: Any, words: Words) -> str:
    def number(n: Any) -> bool:
        return isinstance(n, (int, float)) and not isinstance(n, bool)

    if number(low) and number(high):
        return words.t("between", low=words.number(low), high=words.number(high))
    if number(low) and high is None:
        return words.t("at_least", value=words.number(low))
    if low is None and number(high):
        return words.t("up_to", value=words.number(high))
    return value_text({"min": low, "max": high})


def _resolution_text(change: ResolutionChange, prop: Property, words: Words) -> str:
    before = value_words(change.before.get("value"), prop, words) if change.before else ""
    after = value_words(change.after.get("value"), prop, words) if change.after else ""
    by_verdict: dict[str, list[str]] = {}
    for source, _, verdict in change.verdicts:
        by_verdict.setdefault(verdict, []).append(source)
    verdicts = words.separator.join(
        f"{words.t(f'verdict_{verdict}')}: {words.separator.join(sources)}"
        for verdict, sources in sorted(by_verdict.items())
    )
    arrow = "←" if direction(words.lang) == "rtl" else "→"
    kind = "reworded" if change.kind == "changed" and before == after else change.kind
    return words.t(
        f"since_resolution_{kind}_line",
        before=before,
        after=after,
        arrow=arrow,
        verdicts=verdicts or words.t("since_no_verdict"),
    )


def _gone_title(key: GroupKey, words: Words) -> str:
    """Topic › property (subject) from reconcile.yaml's labels when it still has them."""
    topic_id, property_id, subject_id = key
    topic = words.config.topics.get(topic_id)
    prop = topic.properties.get(property_id) if topic else None
    title = words.label(prop.label, property_id) if prop else property_id
    if subject_id:
        title += f" ({words.entity(prop.subject if prop else None, subject_id)})"
    return f"{words.label(topic.label, topic_id) if topic else topic_id} › {title}"


def _source_lines(since: Since, words: Words) -> tuple[str, ...]:
    result = since.diff
    lines = []
    if result.sources_added:
        lines.append(
            words.t("since_sources_added", sources=words.separator.join(result.sources_added))
        )
    if result.sources_removed:
        lines.append(
            words.t("since_sources_removed", sources=words.separator.join(result.sources_removed))
        )
    return tuple(lines)
