"""Who a per-entity claim is about when its sentence does not name them."""

from __future__ import annotations

from collections.abc import Collection, Sequence

__all__ = ["carried_subjects", "named_by_kind"]


def named_by_kind(spans: Sequence[tuple[str, int, int]]) -> dict[str, tuple[str, ...]]:
    """The entities a sentence names (`spans` as kind:id), by kind, in the order written."""
    named: dict[str, dict[str, None]] = {}
    for entity, _, _ in spans:
        kind, _, id_ = entity.partition(":")
        named.setdefault(kind, {})[id_] = None
    return {kind: tuple(ids) for kind, ids in named.items()}


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
