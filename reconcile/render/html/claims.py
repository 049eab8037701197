"""One claim as a row of its group's table: value, wording, quote and verdict."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from reconcile.model import Claim, ClaimView, Config, Group, Property, QuoteStatus, Source, Status
from reconcile.normalise import normalise
from reconcile.render.html.anchors import ClaimAnchors, quote_anchor, source_anchor
from reconcile.render.html.sourcetext import language_direction
from reconcile.render.words import ValueView, Words, misquote_diff
from reconcile.values import EntitySetValue, EntityValue


@dataclass(frozen=True, slots=True)
class DiffView:
    """One run of the word diff: `equal`, `del` (the source's words) or `ins` (the quote's)."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str | None
    lang: str | None
    dir: str
    status: str
    status_text: str
    found: str | None  # what the source says, for an approximate match or a misquote
    target: str | None  # anchor of the highlighted passage in the source's text
    diff: tuple[DiffView, ...] = ()  # a misquote: the source's words against the quote's


@dataclass(frozen=True, slots=True)
class ClaimRow:
    anchor: str
    source: str
    source_anchor: str
    value: ValueView
    written: str | None
    subject_written: str | None
    as_of: str | None
    quote: QuoteView
    verdict: str | None
    verdict_text: str | None
    contradicted: bool
    note: str | None
    place: str


def written_form(raw: object, separator: str) -> str:
    """A value as a claims file wrote it, flattened to one line of text."""
    if isinstance(raw, (list, tuple)):
        return separator.join(written_form(item, separator) for item in raw)
    if isinstance(raw, dict):
        return separator.join(
            f"{key}: {written_form(item, separator)}" for key, item in raw.items()
        )
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _written_if_different(
    claim: Claim, prop: Property, config: Config, words: Words, shown: ValueView
) -> str | None:
    """The value as the article wrote it, when that says more than the canonical label."""
    separator = "، " if _ARABIC_LETTER.search(str(claim.written)) else ", "
    written = written_form(claim.written, separator)
    value = claim.value
    if isinstance(value, (EntityValue, EntitySetValue)):
        ids = value.ids if isinstance(value, EntitySetValue) else {value.id}
        raw = claim.written if isinstance(claim.written, (list, tuple)) else [claim.written]
        labels = {normalise(words.entity(prop.kind, i)) for i in ids}
        if all(normalise(written_form(name, "")) in labels for name in raw):
            return None
        return written
    canonical = value.canonical()
    plain = {normalise(written_form(canonical, words.separator)), normalise(shown.text)}
    return None if normalise(written) in plain else written


def _quote_view(claim: Claim, source: Source | None, config: Config, words: Words) -> QuoteView:
    match = claim.quote_match
    language = (source.language if source else None) or config.language
    status = match.status
    if status is QuoteStatus.EXACT:
        text = words.t("quote_exact")
    elif status is QuoteStatus.APPROXIMATE:
        text = words.t("quote_approximate", score=_score(match.score))
    elif status is QuoteStatus.MISQUOTED:
        text = words.t("quote_misquoted", score=_score(match.score))
    elif status is QuoteStatus.MISSING:
        text = (
            words.t("quote_missing_score", score=_score(match.score))
            if match.score is not None
            else words.t("quote_missing")
        )
    else:
        text = words.t("quote_absent")
    target = quote_anchor(claim.source, match.spans[0]) if match.spans else None
    return QuoteView(
        claim.quote,
        language,
        language_direction(language),
        str(status),
        text,
        match.found if status in (QuoteStatus.APPROXIMATE, QuoteStatus.MISQUOTED) else None,
        target,
        _diff(claim) if status is QuoteStatus.MISQUOTED else (),
    )


def _diff(claim: Claim) -> tuple[DiffView, ...]:
    runs: list[DiffView] = []
    for op, quote_words, found_words in misquote_diff(claim):
        if op == "equal":
            runs.append(DiffView("equal", " ".join(found_words)))
            continue
        if found_words:
            runs.append(DiffView("del", " ".join(found_words)))
        if quote_words:
            runs.append(DiffView("ins", " ".join(quote_words)))
    return tuple(runs)


def _score(score: float | None) -> str:
    if score is None:
        return "?"
    return str(int(score)) if float(score).is_integer() else f"{score:.1f}"


def claim_row(
    view: ClaimView,
    group: Group,
    words: Words,
    anchors: ClaimAnchors,
    sources: Mapping[str, Source],
) -> ClaimRow:
    """One claim of `group` as a row of the group's table."""
    claim = view.claim
    config = words.config
    prop = group.property
    shown = words.value(claim.value, prop)
    subject_written = claim.subject_written
    if subject_written and group.subject:
        shown_names = {
            normalise(group.subject.id),
            normalise(words.label(group.subject.label, group.subject.id)),
        }
        if normalise(subject_written) in shown_names:
            subject_written = None
    source = sources.get(claim.source)
    return ClaimRow(
        anchor=anchors[claim],
        source=claim.source,
        source_anchor=source_anchor(claim.source),
        value=shown,
        written=_written_if_different(claim, prop, config, words, shown),
        subject_written=subject_written,
        as_of=words.when(claim.as_of) if prop.temporal else None,
        quote=_quote_view(claim, source, config, words),
        verdict=str(view.verdict) if view.verdict else None,
        verdict_text=words.t(f"verdict_{view.verdict}") if view.verdict else None,
        contradicted=view.contradicted and group.status in (Status.CONFLICT, Status.RESOLVED),
        note=claim.note,
        place=words.t("claim_file", file=claim.place.file, line=claim.place.line),
    )
