"""Loading a project folder into the model, collecting every problem of every file at once.

reconcile.yaml is read by reconcile.config; this module reads the sources, the claims and the
resolutions, checking each against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.claimfields import ClaimFields
from reconcile.config import CONFIG_FILE, ConfigReader, load_config
from reconcile.entities import EntityIndex
from reconcile.evidence import Evidence, QuoteEvidence
from reconcile.fields import Checker, did_you_mean, empty_map
from reconcile.files import real_path
from reconcile.frozen import Written, by_columns, frozen
from reconcile.model import (
    CLAIM_FIELDS,
    Claim,
    Config,
    Project,
    QuoteMatch,
    QuoteStatus,
    Resolution,
    Source,
)
from reconcile.normalise import MAX_FOLD_GROWTH, folded_length
from reconcile.problems import Place, ReconcileError, Severity, error, warning
from reconcile.quotes import SourceText
from reconcile.values import (
    DateValue,
    InvalidValue,
    Value,
    parse_date,
)
from reconcile.yamlfile import YamlList, YamlMap, parse_yaml, read_text

__all__ = [
    "CLAIMS_DIR",
    "CONFIG_FILE",
    "RESOLUTIONS_FILE",
    "SOURCES_DIR",
    "SOURCE_ID",
    "load_config",
    "load_project",
]

RESOLUTIONS_FILE = "resolutions.yaml"
SOURCES_DIR = "sources"
CLAIMS_DIR = "claims"
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_RESOLUTION_FIELDS = (
    "topic",
    "property",
    "value",
    "subject",
    "as_of",
    "reason",
    "reference",
    "decided",
    "by",
)
_SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "language")

GroupKey = tuple[str, str, str | None]
#: The evidence of a claim whose quote is not looked for.
_NOT_WEIGHED = Evidence(QuoteMatch(QuoteStatus.ABSENT))
#: A claim's fields in the order of `Claim`'s.
ClaimRow = tuple[
    str,
    Place,
    str,
    str,
    Value,
    Written,
    str | None,
    str | None,
    DateValue | None,
    str | None,
    QuoteMatch,
    str | None,
]

if TYPE_CHECKING:
    from reconcile.cache import ClaimsCache, StoredFile


def load_project(
    root: Path | str = ".",
    *,
    resolutions_text: str | None = None,
    cache: bool = False,
    lazy: bool = False,
    quotes: bool = True,
) -> Project:
    """Load and validate the project in `root`.

    Raises ReconcileError with every problem found when any of them is an error; otherwise
    the project's warnings are in `Project.problems`. `resolutions_text`, when given, is read
    in place of resolutions.yaml: a draft checked before it is written. With `cache`, each
    claims file's result is kept in, and taken from, the project's `.reconcile/cache/`; with
    `lazy` too, the claims the cache holds are made only when first read (`CachedClaims`),
    which raises `BrokenEntry` if one of them is not what its entry's index says. With
    `quotes=False`, quotes are not looked for in their sources (unless the cache holds a file's
    result): each claim's `quote_match` is left absent and no quote is warned of, as what only
    learns from the claims (add-source) needs; such a project is never to be reported on.
    """
    reader = _ProjectReader(Path(root), resolutions_text)
    reader.use_cache = cache
    reader.lazy = lazy
    reader.weigh_quotes = quotes
    project = reader.load()
    if project is None or reader.failed:
        raise ReconcileError(reader.problems)
    return project


class _ProjectReader(Checker):
    def __init__(self, root: Path, resolutions_text: str | None = None) -> None:
        super().__init__()
        self.root = root
        self.resolutions_text = resolutions_text
        self.real_root = real_path(root) or root.absolute()
        self.use_cache = False
        self.lazy = False
        self.weigh_quotes = True
        self.cache: ClaimsCache | None = None
        self.digests: list[str | None] = []  # of each claim, as the cache knows it

    def load(self) -> Project | None:
        config_reader = ConfigReader(self.root)
        config = config_reader.config_file()
        self.problems.extend(config_reader.problems)
        if config is None:
            return None
        index = EntityIndex(config.entities, config.settings.alias_threshold)
        sources = self.sources()
        parts = list(self.all_claims(config, index, sources))
        claims: Sequence[Claim]
        if self.lazy:
            from reconcile.cache import CachedClaims

            claims = CachedClaims(parts)
            keys = set(claims.group_keys())
        else:
            claims = tuple(chain.from_iterable(parts))
            keys = {claim.group_key for claim in claims}
        resolutions = self.resolutions(config, index, keys)
        return Project(
            self.root,
            config,
            sources,
            claims,
            tuple(resolutions),
            tuple(sorted(set(self.problems), key=lambda p: p.sort_key)),
            tuple(self.digests) if any(self.digests) else (),
        )

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def inside(self, path: Path) -> bool:
        """Whether `path` (after following links) stays in the project; an error otherwise."""
        real = real_path(path)
        if real is None:
            self.add(
                error(
                    Place(self.name(path)),
                    "unreadable-file",
                    f"{self.name(path)} cannot be read: its links go round in a loop",
                )
            )
            return False
        if real.is_relative_to(self.real_root):
            return True
        self.add(
            error(
                Place(self.name(path)),
                "outside-project",
                f"{self.name(path)} points outside the project folder",
            )
        )
        return False

    # -- sources/*.md -------------------------------------------------------------------------

    def files(self, folder: str, suffix: str) -> Iterator[Path]:
        directory = self.root / folder
        if not directory.is_dir():
            return
        try:
            entries = sorted(directory.iterdir())
        except OSError as exc:
            self.add(
                error(
                    Place(f"{folder}/"),
                    "unreadable-folder",
                    f"cannot read the folder {folder}/: {exc.strerror or exc}",
                )
            )
            return
        for path in entries:
            if path.name.startswith("."):
                continue  # hidden files, a write's leftover temporary file among them
            if path.is_symlink() and not path.exists():
                self.add(
                    error(
                        Place(self.name(path)),
                        "broken-link",
                        f"{self.name(path)} is a link to {_link_target(path)}, "
                        "which does not exist",
                    )
                )
                continue
            if path.suffix != suffix or not path.is_file():
                self.add(
                    warning(
                        Place(self.name(path)),
                        "ignored-file",
                        f"{self.name(path)} is ignored: {folder}/ holds *{suffix} files",
                    )
                )
                continue
            if not self.inside(path):
                continue
            if not SOURCE_ID.fullmatch(path.stem):
                self.add(
                    error(
                        Place(self.name(path)),
                        "bad-source-id",
                        f"{path.stem!r} is not a source id: use lowercase letters, digits "
                        "and hyphens",
                    )
                )
                continue
            yield path

    def sources(self) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        for path in self.files(SOURCES_DIR, ".md"):
            source = self.source(path)
            if source is not None:
                sources[source.id] = source
        return sources

    def source(self, path: Path) -> Source | None:
        name = self.name(path)
        try:
            text = read_text(path, name)
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None
        lines = text.split("\n")
        if not lines or lines[0].rstrip("\r") != "---":
            self.add(
                error(
                    Place(name),
                    "no-front-matter",
                    "a source starts with front matter between two '---' lines",
                )
            )
            return None
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip("\r") == "---"), None)
        if end is None:
            self.add(
                error(Place(name), "no-front-matter", "the front matter has no closing '---' line")
            )
            return None
        try:
            meta = parse_yaml("\n".join(lines[1:end]), name, first_line=2)
        except ReconcileError as exc:
            self.problems.extend(exc.problems)
            return None
        if meta is None:
            meta = empty_map(Place(name, 2))
        if not self.expect(meta, YamlMap, Place(name, 2), "the front matter"):
            return None
        what = "the front matter"
        self.fields(meta, _SOURCE_FIELDS, (), what, Severity.WARNING)
        published: DateValue | None = None
        if meta.get("published") is not None:
            try:
                published = parse_date(meta["published"])
            except InvalidValue as exc:
                self.add(error(meta.place_of("published"), "bad-date", str(exc)))
        body = "\n".join(lines[end + 1 :])
        if folded_length(body) > MAX_FOLD_GROWTH * len(body) + 1024:
            self.add(
                error(
                    Place(name, end + 2),
                    "text-expands",
                    f"the text folds to more than {MAX_FOLD_GROWTH} times its length (characters "
                    "such as U+FDFA fold to many letters); it cannot be searched for quotes",
                )
            )
            return None
        return Source(
            path.stem,
            name,
            body,
            end + 2,
            **{
                key: self.text_field(meta, key, what)
                for key in ("title", "author", "publisher", "url", "language")
            },
            published=published,
        )

    # -- claims/*.yaml ---------------------------------------------------------------------------

    def all_claims(
        self, config: Config, index: EntityIndex, sources: Mapping[str, Source]
    ) -> Iterator[list[Claim] | StoredFile]:
        """The claims of each claims file, file by file."""
        evidence = QuoteEvidence(config, index)
        for path in self.files(CLAIMS_DIR, ".yaml"):
            name = self.name(path)
            source = sources.get(path.stem)
            if source is None:
                if (self.root / SOURCES_DIR / f"{path.stem}.md").exists():
                    continue  # the source has errors of its own, already reported
                self.add(
                    error(
                        Place(name),
                        "no-source",
                        f"{name} has no source: expected {SOURCES_DIR}/{path.stem}.md"
                        f"{did_you_mean(path.stem, sources)}",
                    )
                )
                continue
            yield self.file_claims(path, name, source, config, index, evidence)

    def file_claims(
        self,
        path: Path,
        name: str,
        source: Source,
        config: Config,
        index: EntityIndex,
        evidence: QuoteEvidence,
    ) -> list[Claim] | StoredFile:
        """The claims of one file, from the cache when it holds this very file's result (as
        its entry, the claims not yet made, when the project is read `lazy`); their digests go
        to `digests` (None where the cache gives none)."""
        cache, key = self.cache_entry(path, name, source)
        stored = cache.get(key, name) if cache is not None else None
        if stored is not None:
            found: list[Claim] | StoredFile | None = stored
            if not self.lazy:
                from reconcile.cache import BrokenEntry

                try:
                    found = stored.claims()
                except BrokenEntry:
                    found = None
            if found is not None:
                self.problems.extend(stored.problems)
                self.digests.extend(stored.digests)
                return found
        before = len(self.problems)
        claims = self.read_claims(path, name, source, config, index, evidence) or []
        digests = None
        if cache is not None and self.weigh_quotes:
            digests = cache.put(key, claims, self.problems[before:])
        self.digests.extend(digests or [None] * len(claims))
        return claims

    def cache_entry(self, path: Path, name: str, source: Source) -> tuple[ClaimsCache | None, str]:
        if not self.use_cache:
            return None, ""
        if self.cache is None:
            from reconcile.cache import ClaimsCache

            try:
                self.cache = ClaimsCache(self.root, (self.root / CONFIG_FILE).read_bytes())
            except OSError:
                return None, ""
        try:
            claims_bytes = path.read_bytes()
            source_bytes = (self.root / source.file).read_bytes()
        except OSError:
            return None, ""
        return self.cache, self.cache.key(name, claims_bytes, source_bytes)

    def read_claims(
        self,
        path: Path,
        name: str,
        source: Source,
        config: Config,
        index: EntityIndex,
        evidence: QuoteEvidence,
    ) -> list[Claim] | None:
        """The claims of one file; None when it could not be read at all."""
        raw, ok = self.read_yaml(path, name)
        if not ok:
            return None
        if raw is None:
            return []
        if not self.expect(raw, YamlList, Place(name), "a claims file"):
            return []
        text = SourceText(source.text) if self.weigh_quotes else None
        reader = ClaimFields(self, config, index)
        rows = []
        for item, place in zip(raw, raw.places, strict=True):
            row = self.claim(item, place, source, text, reader, evidence)
            if row is not None:
                rows.append(row)
        return by_columns(Claim, list(zip(*rows, strict=True)), len(rows)) if rows else []

    def claim(
        self,
        raw: Any,
        place: Place,
        source: Source,
        text: SourceText | None,
        reader: ClaimFields,
        evidence: QuoteEvidence,
    ) -> ClaimRow | None:
        """The fields of the claim `raw` gives, in order; its quote weighed against `text`, when
        there is one. (A file's claims are made from their rows at once, faster than one by one.)"""
        if not self.expect(raw, YamlMap, place, "a claim"):
            return None
        complete = self.fields(raw, CLAIM_FIELDS, ("topic", "property", "value"), "a claim")
        prop = reader.property(raw)
        if prop is None or not complete:
            return None
        subject, subject_written = reader.subject(raw, prop)
        value = reader.value(raw, prop, raw.get("value"), raw.place_of("value"), claim=True)
        as_of = reader.as_of(raw, prop, source.published, "a claim")
        if prop.temporal and as_of is None and "as_of" not in raw:
            self.add(
                error(
                    raw.place,
                    "missing-time",
                    f"{prop.topic}.{prop.id} is temporal: give the claim an 'as_of' date, "
                    f"or the source {source.id} a 'published' date",
                )
            )
        quote = self.text_field(raw, "quote", "a claim")
        found = _NOT_WEIGHED
        if text is not None:
            found = evidence.weigh(
                quote,
                text,
                value,
                prop,
                source.language or reader.config.language,
                raw.get("value"),
                source.published.edtf if source.published else None,
            )
            self.problems.extend(found.warnings(quote, raw, source.file))
        if value is None or (prop.subject and subject is None):
            return None
        if prop.temporal and as_of is None:
            return None
        return (
            source.id,
            raw.place,
            prop.topic,
            prop.id,
            value,
            frozen(raw.get("value")),
            subject,
            subject_written,
            as_of if prop.temporal else None,
            quote,
            found.match,
            self.text_field(raw, "note", "a claim"),
        )

    # -- resolutions.yaml ----------------------------------------------------------------------

    def resolutions(
        self, config: Config, index: EntityIndex, groups: set[GroupKey]
    ) -> list[Resolution]:
        raw = self.resolutions_file()
        if raw is None:
            return []
        if not self.expect(raw, YamlList, Place(RESOLUTIONS_FILE), RESOLUTIONS_FILE):
            return []
        reader = ClaimFields(self, config, index)
        resolutions = (
            self.resolution(item, place, reader, groups)
            for item, place in zip(raw, raw.places, strict=True)
        )
        return [resolution for resolution in resolutions if resolution is not None]

    def resolutions_file(self) -> Any:
        """The parsed resolutions (the draft given, or resolutions.yaml); None when none."""
        path = self.root / RESOLUTIONS_FILE
        if self.resolutions_text is not None:
            try:
                return parse_yaml(self.resolutions_text, RESOLUTIONS_FILE)
            except ReconcileError as exc:
                self.problems.extend(exc.problems)
                return None
        if not path.exists() and not path.is_symlink():
            return None
        if path.exists() and not self.inside(path):
            return None
        return self.read_yaml(path, self.name(path))[0]  # a folder or a loop: unreadable-file

    def resolution(
        self, item: Any, place: Place, reader: ClaimFields, groups: set[GroupKey]
    ) -> Resolution | None:
        if not self.expect(item, YamlMap, place, "a resolution"):
            return None
        if not self.fields(
            item, _RESOLUTION_FIELDS, ("topic", "property", "value", "reason"), "a resolution"
        ):
            return None
        prop = reader.property(item)
        if prop is None:
            return None
        subject, _ = reader.subject(item, prop)
        value = reader.value(item, prop, item["value"], item.place_of("value"), claim=False)
        as_of = reader.as_of(item, prop, None, "a resolution")
        if value is None or (prop.subject and subject is None):
            return None
        key = (prop.topic, prop.id, subject)
        if key not in groups:
            named = ".".join(filter(None, key))
            self.add(
                error(
                    item.place,
                    "no-group",
                    f"no claim is about {named}: this resolution names no group",
                )
            )
            return None
        return Resolution(
            item.place,
            prop.topic,
            prop.id,
            value,
            frozen(item["value"]),
            self.text_field(item, "reason", "a resolution") or "",
            subject,
            as_of,
            self.text_field(item, "reference", "a resolution"),
            _date_text(item.get("decided")),
            self.text_field(item, "by", "a resolution"),
        )


def _link_target(path: Path) -> str:
    try:
        return repr(str(path.readlink()))
    except OSError:
        return "a file"


def _date_text(raw: object) -> str | None:
    if raw is None:
        return None
    return raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
