"""The data model: what a project holds once loaded, and what comparing it finds.

Everything here is immutable and free of I/O; loading builds it, rendering reads it. Mappings
are FrozenMaps, sequences tuples, and every object can be hashed.
"""

from __future__ import annotations

import builtins
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from pathlib import Path

from reconcile.frozen import FrozenMap, Written, freeze, freeze_map
from reconcile.problems import Place, Problem
from reconcile.values import RULES, DateValue, EntitySetValue, PropertyType, Tolerance, Value
from reconcile.values.date import EDTF_SCHEMA


@dataclass(frozen=True, slots=True)
class ClaimField:
    """A field of a claim: what it means, and the JSON Schema of what it holds."""

    name: str
    meaning: str
    required: bool = False
    schema: Mapping[str, object] = FrozenMap()


#: Every field a claim may have, once: loading checks against it, the JSON Schema describes it
#: and the header of a claims file explains it (in this order, SPEC §4).
CLAIM_FIELD_TABLE: tuple[ClaimField, ...] = (
    ClaimField("topic", "a topic of reconcile.yaml", True, FrozenMap(type="string")),
    ClaimField("property", "a property of the topic", True, FrozenMap(type="string")),
    ClaimField("value", "the value the source gives, as the property's type says", True),
    ClaimField(
        "subject",
        "for per-entity properties: the entity the value is about, by its id or any name",
        schema=FrozenMap(type=("string", "integer")),
    ),
    ClaimField(
        "quote",
        "the words of the article that back the claim, copied from it; … for omitted words",
        schema=FrozenMap(type="string"),
    ),
    ClaimField(
        "as_of",
        "for temporal properties: when it held (EDTF); by default the source's date",
        schema=freeze_map(EDTF_SCHEMA),
    ),
    ClaimField(
        "complete",
        'false for a list of entities that is only partial ("members include …")',
        schema=FrozenMap(type="boolean", default=True),
    ),
    ClaimField(
        "approximate",
        'true for a number given as "about …": the tolerance widens it',
        schema=FrozenMap(type="boolean", default=False),
    ),
    ClaimField("note", "free text for the reviewer", schema=FrozenMap(type="string")),
)
CLAIM_FIELDS = tuple(field.name for field in CLAIM_FIELD_TABLE)
REQUIRED_CLAIM_FIELDS = tuple(field.name for field in CLAIM_FIELD_TABLE if field.required)
#: The claim fields that are flags of some property types (complete, approximate).
CLAIM_FLAGS = tuple(key for key in CLAIM_FIELDS if any(key in r.flags for r in RULES.values()))

# The project's vocabulary (reconcile.yaml) ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    """A label in one or more languages; `language` is "" where the file did not say."""

    texts: tuple[tuple[str, str], ...]

    def get(self, language: str = "en") -> str:
        """The text in `language`, else the unlabelled one, else English, else the first."""
        by_language = dict(self.texts)
        for wanted in (language, "", "en"):
            if wanted in by_language:
                return by_language[wanted]
        return self.texts[0][1] if self.texts else ""

    def all(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.texts)


@dataclass(frozen=True, slots=True)
class Entity:
    """A country, city, organisation… known by its id, its label and its aliases."""

    kind: str
    id: str
    label: Label
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, *self.label.all(), *self.aliases)


@dataclass(frozen=True, slots=True)
class Property:
    """One checkable property of a topic, with the type that decides how claims compare."""

    topic: str
    id: str
    type: PropertyType
    label: Label
    keywords: tuple[str, ...] = ()
    kind: str | None = None  # entity kind of `entity` and `entities` values
    choices: tuple[str, ...] = ()
    subject: str | None = None  # entity kind of the subject, for per-entity properties
    temporal: bool = False
    tolerance: Tolerance | None = None
    # for choices: the words an article may write each choice in, as reconcile.yaml gives them
    choice_words: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: Label
    properties: Mapping[str, Property]

    def __post_init__(self) -> None:
        freeze(self, "properties", freeze_map(self.properties))


@dataclass(frozen=True, slots=True)
class Settings:
    alias_threshold: float = 85
    quote_threshold: float = 90
    text_threshold: float = 90
    number_tolerance: Tolerance = Tolerance()  # noqa: RUF009 (immutable)


@dataclass(frozen=True, slots=True)
class Config:
    """The contents of reconcile.yaml."""

    title: str
    language: str | None
    entities: Mapping[str, Mapping[str, Entity]]  # kind -> id -> entity
    topics: Mapping[str, Topic]
    settings: Settings = Settings()

    def __post_init__(self) -> None:
        by_kind = {kind: freeze_map(by_id) for kind, by_id in self.entities.items()}
        freeze(self, "entities", freeze_map(by_kind))
        freeze(self, "topics", freeze_map(self.topics))

    def entity(self, kind: str, entity_id: str) -> Entity:
        return self.entities[kind][entity_id]


# Sources and claims ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its front matter and its verbatim text."""

    id: str
    file: str
    text: str
    text_line: int  # the line of the file on which the text starts
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateValue | None = None
    language: str | None = None


class QuoteStatus(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    MISQUOTED = "misquoted"  # approximate, but the words that differ carry a fact
    MISSING = "missing"
    ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote was found in its source's text (character offsets), and how well."""

    status: QuoteStatus
    spans: tuple[tuple[int, int], ...] = ()
    score: float | None = None
    found: str | None = None
    #: For a misquote: the differing words, (as the quote writes them, as the source does).
    differences: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact a source states, as the claims file gives it, with its value resolved."""

    source: str
    place: Place
    topic: str
    property: str
    value: Value
    written: Written  # the value as written, names in the article's spelling
    subject: str | None = None  # entity id
    subject_written: str | None = None
    as_of: DateValue | None = None  # for temporal properties: given, or the source's date
    quote: str | None = None
    quote_match: QuoteMatch = QuoteMatch(QuoteStatus.ABSENT)
    note: str | None = None

    @builtins.property
    def group_key(self) -> tuple[str, str, str | None]:
        return (self.topic, self.property, self.subject)

    def membership(self, entity: str) -> Membership | None:
        """Whether this claim's list names `entity`, leaves it out or is silent; None if no list."""
        value = self.value
        if not isinstance(value, EntitySetValue):
            return None
        if entity in value.ids:
            return Membership.LISTED
        return Membership.LEFT_OUT if value.complete else Membership.SILENT


class Membership(StrEnum):
    """Where an entity stands in one list: named, left out of a complete list, or not said."""

    LISTED = "listed"
    LEFT_OUT = "left_out"
    SILENT = "silent"


@dataclass(frozen=True, slots=True)
class Resolution:
    """An editor's decision on the true value of a group."""

    place: Place
    topic: str
    property: str
    value: Value
    written: Written
    reason: str
    subject: str | None = None
    as_of: DateValue | None = None
    reference: str | None = None
    decided: str | None = None
    by: str | None = None

    @builtins.property
    def group_key(self) -> tuple[str, str, str | None]:
        return (self.topic, self.property, self.subject)


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded, validated project; `problems` holds its warnings."""

    root: Path
    config: Config
    sources: Mapping[str, Source]
    #: In the order of the claims files; read through the cache, a sequence whose claims are
    #: made only when first read (reconcile/cache.py's CachedClaims).
    claims: Sequence[Claim]
    resolutions: tuple[Resolution, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: The digest of each claim of `claims` as the cache stored it, None for a claim it did not
    #: store; empty when the project was read without the cache.
    digests: tuple[str | None, ...] = ()

    def __post_init__(self) -> None:
        freeze(self, "sources", freeze_map(self.sources))


# What comparing finds ---------------------------------------------------------------------------


class Status(StrEnum):
    """A group's status; members are in the order in which they take precedence (SPEC §6)."""

    RESOLVED = "resolved"
    CONFLICT = "conflict"
    CHANGED = "changed"
    COMPATIBLE = "compatible"
    AGREE = "agree"
    SINGLE = "single"


#: The order in which reports list groups: disagreements first.
REPORT_ORDER = (
    Status.CONFLICT,
    Status.RESOLVED,
    Status.CHANGED,
    Status.COMPATIBLE,
    Status.SINGLE,
    Status.AGREE,
)


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim inside its group: the verdict of a resolution on it, and whether it is disputed."""

    claim: Claim
    verdict: Verdict | None = None
    contradicted: bool = False  # it contradicts another claim of its group at an overlapping time


@dataclass(frozen=True, slots=True)
class MemberRow:
    """Who lists an entity, which complete lists leave it out, which partial ones are silent."""

    entity: str
    listed_by: tuple[str, ...]
    left_out_by: tuple[str, ...]
    silent: tuple[str, ...]

    @property
    def disputed(self) -> bool:
        return bool(self.listed_by and self.left_out_by)


def _anchor_part(part: str) -> str:
    """An id as one part of an anchor whose parts are joined by `--`: ids that could run into
    the joints (holding `--` or `~`, or starting or ending with `-`) are written with `~h` for
    `-` and `~~` for `~`, so that no two keys give one anchor."""
    if "--" not in part and "~" not in part and not part.startswith("-") and not part.endswith("-"):
        return part
    return part.replace("~", "~~").replace("-", "~h")


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two sets of claims of a group, each of one value at one time, that contradict each other
    at overlapping times: indices into the group's claims, each sorted."""

    first: tuple[int, ...]
    second: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Every claim on one (topic, property, subject), and the status they take together."""

    topic: Topic
    property: Property
    subject: Entity | None
    status: Status
    #: A tuple; for a group whose outcome the cache kept, a sequence made when first read.
    claims: Sequence[ClaimView]
    members: tuple[MemberRow, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    #: What contradicts what at overlapping times, by sets of claims of one value and time.
    contradictions: tuple[Contradiction, ...] = ()
    #: The digest of what the group is made of, when its claims came through the cache.
    digest: str | None = field(default=None, compare=False)

    @builtins.property
    def anchor(self) -> str:
        """A stable id for links: derived from the group's key, never from its position."""
        parts = [self.topic.id, self.property.id] + ([self.subject.id] if self.subject else [])
        return "g-" + "--".join(_anchor_part(part) for part in parts)

    @builtins.property
    def contradicting(self) -> tuple[tuple[int, int], ...]:
        """The pairs of `claims` (indices, i < j, sorted) that contradict at overlapping times."""
        return tuple((i, j) for i, later in self.contradicting_rows() for j in later)

    def contradicting_rows(self) -> tuple[tuple[int, Sequence[int]], ...]:
        """`contradicting` as each first index `i`, ascending, with its `j`s, ascending: made in
        order, without the pairs (a group of n claims can hold n²/4 of them)."""
        others: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        for contradiction in self.contradictions:
            others.setdefault(contradiction.first, []).append(contradiction.second)
            others.setdefault(contradiction.second, []).append(contradiction.first)
        partners: dict[int, list[list[int]]] = {}
        for side, opposite in others.items():
            merged = sorted(chain.from_iterable(opposite))  # a few sorted runs: merged in one pass
            for index in side:
                partners.setdefault(index, []).append(merged)
        rows = []
        for index in sorted(partners):
            lists = partners[index]
            merged = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
            later = merged[bisect_right(merged, index) :]
            if later:
                rows.append((index, later))
        return tuple(rows)

    @builtins.property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({view.claim.source for view in self.claims}))

    @builtins.property
    def key(self) -> str:
        """The group's dotted name, topic.property or topic.property.subject."""
        subject = self.subject.id if self.subject else None
        return ".".join(filter(None, (self.topic.id, self.property.id, subject)))

    @builtins.property
    def disputed(self) -> bool:
        """Whether some entity is listed by one source and left out by another."""
        return any(row.disputed for row in self.members)


@dataclass(frozen=True, slots=True)
class SourceCounts:
    claims: int = 0
    agreements: int = 0
    conflicts: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a report shows, computed once; every output format reads only this."""

    project: Project
    groups: tuple[Group, ...]
    problems: tuple[Problem, ...]
    misquoted: tuple[Claim, ...] = ()  # claims whose quote changes a fact of its source

    def source_counts(self) -> Mapping[str, SourceCounts]:
        """Each source's claims, agreements, conflicts and rejected claims, over the groups."""
        claims: Counter[str] = Counter()
        agreeing: Counter[str] = Counter()
        contradicting: Counter[str] = Counter()
        rejected: Counter[str] = Counter()
        for group in self.groups:
            sources = [view.claim.source for view in group.claims]
            claims.update(sources)
            if group.status is Status.AGREE:
                agreeing.update(sources)
            elif group.status in (Status.CONFLICT, Status.RESOLVED):
                contradicting.update(v.claim.source for v in group.claims if v.contradicted)
            if group.resolutions:
                rejected.update(
                    v.claim.source for v in group.claims if v.verdict is Verdict.REJECTED
                )
        return freeze_map(
            {
                source: SourceCounts(
                    claims[source], agreeing[source], contradicting[source], rejected[source]
                )
                for source in self.project.sources
            }
        )

    @property
    def by_status(self) -> dict[str, int]:
        counts = Counter(group.status for group in self.groups)
        return {str(status): counts[status] for status in REPORT_ORDER}

    @property
    def unresolved_conflicts(self) -> int:
        return sum(1 for group in self.groups if group.status is Status.CONFLICT)
