"""Who a per-entity claim is about when its sentence does not name them."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["named_by_kind"]


def named_by_kind(spans: Sequence[tuple[str, int, int]]) -> dict[str, tuple[str, ...]]:
    """The entities a sentence names (`spans` as kind:id), by kind, in the order written."""
    named: dict[str, dict[str, None]] = {}
    for entity, _, _ in spans:
        kind, _, id_ = entity.partition(":")
        named.setdefault(kind, {})[id_] = None
    return {kind: tuple(ids) for kind, ids in named.items()}
