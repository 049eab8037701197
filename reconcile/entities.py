"""Resolving a name, in any spelling or language, to one entity (SPEC §4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reconcile.model import Entity
from reconcile.normalise import normalise, strip_conjunction

#: How far the best entity must score above the runner-up for a fuzzy match to count.
CLEAR_MARGIN = 5
#: Names scored per look-up at first: enough for the best entity, its runner-up and the closest
#: three, unless entities have many names each (then the search widens).
_TOP_NAMES = 32


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The entity a name resolved to; `score` is set when only a fuzzy match found it."""

    entity: Entity
    matched: str  # the entity's name that matched
    score: float | None = None


@dataclass(frozen=True, slots=True)
class NoMatch:
    """A name that resolved to no entity, and the closest ones with their scores."""

    closest: tuple[tuple[Entity, float], ...]


class EntityIndex:
    """Every entity name, normalised once; exact look-ups first, fuzzy matching cached by name."""

    def __init__(self, entities: Mapping[str, Mapping[str, Entity]], threshold: float) -> None:
        self.threshold = threshold
        self._exact: dict[str, dict[str, tuple[Entity, str]]] = {}
        self._names: dict[str, tuple[list[str], list[tuple[Entity, str]]]] = {}
        self._cache: dict[tuple[str, str], NameMatch | NoMatch] = {}
        for kind, by_id in entities.items():
            exact = self._exact.setdefault(kind, {})
            for entity in by_id.values():
                for name in entity.names:
                    exact.setdefault(normalise(name), (entity, name))
            self._names[kind] = (list(exact), list(exact.values()))

    def resolve(self, kind: str, name: str) -> NameMatch | NoMatch:
        """Resolve `name` among the entities of `kind`: exact, without a leading و, then fuzzy."""
        key = (kind, name)
        if key not in self._cache:
            self._cache[key] = self._resolve(kind, normalise(name))
        return self._cache[key]

    def _resolve(self, kind: str, name: str) -> NameMatch | NoMatch:
        exact = self._exact.get(kind, {})
        bare = strip_conjunction(name)
        for candidate in (name, bare):
            if candidate is not None and candidate in exact:
                return NameMatch(*exact[candidate])
        ranked = self._ranked(kind, name, bare)
        if ranked:
            score, entity, original = ranked[0]
            runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
            if score >= self.threshold and score >= runner_up + CLEAR_MARGIN:
                return NameMatch(entity, original, round(score, 1))
        return NoMatch(tuple((entity, round(score, 1)) for score, entity, _ in ranked[:3]))

    def _ranked(self, kind: str, name: str, bare: str | None) -> list[tuple[float, Entity, str]]:
        """The entities of `kind` closest to the name (with and without و), best first: the
        top scores from rapidfuzz's C++ search, widened until they hold four entities."""
        names, owners = self._names.get(kind, ([], []))
        limit = _TOP_NAMES
        while True:
            best: dict[str, tuple[float, Entity, str]] = {}
            for query in filter(None, (name, bare)):
                for _, score, index in process.extract(
                    query, names, scorer=fuzz.token_sort_ratio, processor=None, limit=limit
                ):
                    entity, original = owners[index]
                    if score > best.get(entity.id, (-1.0,))[0]:
                        best[entity.id] = (score, entity, original)
            if len(best) >= 4 or limit >= len(names):
                return sorted(best.values(), key=lambda item: (-item[0], item[1].id))
            limit *= 8
