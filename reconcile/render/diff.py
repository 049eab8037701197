"""A diff (reconcile/diff.py) as text for people, a JSON object for programs, Markdown for a log.

Every format reads the same `Diff`; none of them compares anything again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from reconcile.diff import (
    DIFF_VERSION,
    Baseline,
    ClaimChange,
    Diff,
    GroupKey,
    ResolutionChange,
    key_text,
    summary_line,
)

FORMATS = ("text", "json", "md")


def render_diff(result: Diff, baseline: Baseline, fmt: str) -> str:
    """The diff in `fmt`: text, json or md."""
    renderers: dict[str, Callable[[Diff, Baseline], str]] = {
        "text": render_text,
        "json": render_json,
        "md": render_markdown,
    }
    return renderers[fmt](result, baseline)


# JSON --------------------------------------------------------------------------------------------


def diff_data(result: Diff, baseline: Baseline) -> dict[str, Any]:
    """The diff as the JSON object docs/diff.md describes (version 1)."""
    return {
        "version": DIFF_VERSION,
        "baseline": {"kind": baseline.kind, "name": baseline.name, "commit": baseline.commit},
        "summary": _counts(result),
        "sources": {"added": list(result.sources_added), "removed": list(result.sources_removed)},
        "groups": {
            "new": [{**_key(g.key), "status": g.status} for g in result.groups_new],
            "gone": [{**_key(g.key), "status": g.status} for g in result.groups_gone],
        },
        "status_changes": [
            {
                **_key(change.key),
                "before": change.before,
                "after": change.after,
                "direction": "worse" if change.worse else "better",
            }
            for change in result.status_changes
        ],
        "claims": [
            {
                **_key(change.key),
                "source": change.source,
                "change": change.kind,
                "fields": list(change.fields),
                "before": change.before,
                "after": change.after,
            }
            for change in result.claims
        ],
        "resolutions": [
            {
                **_key(change.key),
                "change": change.kind,
                "before": change.before,
                "after": change.after,
                "verdicts": [
                    {"source": source, "value": value, "verdict": verdict}
                    for source, value, verdict in change.verdicts
                ],
            }
            for change in result.resolutions
        ],
        "misquotes": [
            {**_key(m.key), "source": m.source, "change": m.kind, "claim": m.claim}
            for m in result.misquotes
        ],
    }


def _key(key: GroupKey) -> dict[str, str | None]:
    return {"topic": key[0], "property": key[1], "subject": key[2]}


def _counts(result: Diff) -> dict[str, Any]:
    return {
        "text": summary_line(result),
        "got_worse": result.got_worse,
        "sources_added": len(result.sources_added),
        "sources_removed": len(result.sources_removed),
        "groups_new": len(result.groups_new),
        "groups_gone": len(result.groups_gone),
        "worse": len(result.worse),
        "better": len(result.better),
        "claims_added": len(result.claims_of("added")),
        "claims_removed": len(result.claims_of("removed")),
        "claims_changed": len(result.claims_of("changed")),
        "notes_changed": len(result.claims_of("note")),
        "resolutions_new": result.resolutions_of("new"),
        "resolutions_gone": result.resolutions_of("gone"),
        "resolutions_changed": result.resolutions_of("changed"),
        "misquotes_new": sum(m.kind == "new" for m in result.misquotes),
        "misquotes_fixed": sum(m.kind == "fixed" for m in result.misquotes),
    }


def render_json(result: Diff, baseline: Baseline) -> str:
    return json.dumps(diff_data(result, baseline), ensure_ascii=False, indent=2) + "\n"


# Text and Markdown -------------------------------------------------------------------------------


def value_text(value: Any) -> str:
    """A canonical value as a reader sees it: ids bare, lists in brackets, ranges as bounds."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(value_text(item) for item in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _quote(claim: Mapping[str, Any]) -> str:
    quote = claim.get("quote")
    return f"“{' '.join(quote.split())}”" if isinstance(quote, str) else "(no quote)"


def _place(claim: Mapping[str, Any]) -> str:
    return f"{claim.get('file')}:{claim.get('line')}" if claim.get("file") else "?"


def _claim_text(claim: Mapping[str, Any]) -> str:
    when = f" as of {claim['as_of']}" if claim.get("as_of") else ""
    return f"{value_text(claim.get('value'))}{when} {_quote(claim)}"


def _field_text(field: str, claim: Mapping[str, Any]) -> str:
    if field == "quote":
        return _quote(claim)
    if field == "note":
        note = claim.get("note")
        return f"“{note}”" if note else "(no note)"
    return value_text(claim.get(field))


def claim_change_text(change: ClaimChange) -> str:
    """One line for a claim change: `+ src  value “quote”  [file:line]`, `~ src  value a → b`."""
    if change.kind == "added":
        assert change.after is not None
        return f"+ {change.source}  {_claim_text(change.after)}  [{_place(change.after)}]"
    if change.kind == "removed":
        assert change.before is not None
        return f"- {change.source}  {_claim_text(change.before)}  [{_place(change.before)}]"
    assert change.before is not None and change.after is not None
    before, after = change.before, change.after
    parts = [f"{f} {_field_text(f, before)} → {_field_text(f, after)}" for f in change.fields]
    return f"~ {change.source}  {'; '.join(parts)}  [{_place(after)}]"


def verdicts_text(change: ResolutionChange) -> str:
    """`accepted: a, b; rejected: c`, or `no verdict`."""
    by_verdict: dict[str, list[str]] = {}
    for source, _, verdict in change.verdicts:
        by_verdict.setdefault(verdict, []).append(source)
    parts = [f"{verdict}: {', '.join(sources)}" for verdict, sources in sorted(by_verdict.items())]
    return "; ".join(parts) or "no verdict"


def resolution_text(change: ResolutionChange) -> str:
    before = value_text(change.before.get("value")) if change.before else None
    after = value_text(change.after.get("value")) if change.after else None
    if change.kind == "new":
        return f"new  {after}: {verdicts_text(change)}"
    if change.kind == "gone":
        return f"gone  {before} (it gave {verdicts_text(change)})"
    value = f"{before} → {after}" if before != after else f"{after} (reason or reference)"
    return f"changed  {value}: {verdicts_text(change)}"


def _heading(baseline: Baseline, *, md: bool = False) -> str:
    commit = f" ({baseline.commit[:12]})" if baseline.commit else ""
    return f"`{baseline.name}`{commit}" if md else f"{baseline.name}{commit}"


def _sections(result: Diff) -> list[tuple[str, list[tuple[str, str]]]]:
    """(title, [(group key or "", line)]): what text and Markdown both list, in order."""
    by_group: dict[GroupKey, list[str]] = {}
    for change in result.claims:
        by_group.setdefault(change.key, []).append(claim_change_text(change))
    return [
        ("Worse", [(key_text(c.key), f"{c.before} → {c.after}") for c in result.worse]),
        ("Better", [(key_text(c.key), f"{c.before} → {c.after}") for c in result.better]),
        ("New groups", [(key_text(g.key), g.status) for g in result.groups_new]),
        ("Gone groups", [(key_text(g.key), g.status) for g in result.groups_gone]),
        ("Sources added", [("", source) for source in result.sources_added]),
        ("Sources removed", [("", source) for source in result.sources_removed]),
        (
            "Misquotes",
            [
                (key_text(m.key), f"{m.kind}  {m.source}  {_quote(m.claim)}  [{_place(m.claim)}]")
                for m in result.misquotes
            ],
        ),
        ("Resolutions", [(key_text(c.key), resolution_text(c)) for c in result.resolutions]),
        ("Claims", [(key_text(key), line) for key, lines in by_group.items() for line in lines]),
    ]


def render_text(result: Diff, baseline: Baseline) -> str:
    """For people: the summary line, then each kind of change, worst first."""
    lines = [f"Since {_heading(baseline)}: {summary_line(result)}"]
    for title, entries in _sections(result):
        if entries:
            lines += ["", f"{title}:", *_listed(entries, grouped=title == "Claims", md=False)]
    return "\n".join(lines) + "\n"


def render_markdown(result: Diff, baseline: Baseline) -> str:
    """A section a desk can paste into its log."""
    lines = [
        f"### Changes since {_heading(baseline, md=True)}",
        "",
        _md(summary_line(result)) + ".",
    ]
    for title, entries in _sections(result):
        if entries:
            lines += ["", f"**{title}**", ""]
            lines += _listed(entries, grouped=title == "Claims", md=True)
    return "\n".join(lines) + "\n"


def _listed(entries: Iterable[tuple[str, str]], *, grouped: bool, md: bool) -> list[str]:
    """Entries one a line; `grouped`: under their group's key, each key once."""
    lines: list[str] = []
    last: str | None = None
    bullet, indent = ("- ", "  - ") if md else ("  ", "    ")
    for key, line in entries:
        text = _md(line) if md else line
        name = f"`{key}`" if md else key
        if not grouped:
            lines.append(f"{bullet}{name}: {text}" if key else f"{bullet}{text}")
            continue
        if key != last:
            lines.append(f"{bullet}{name}")
            last = key
        lines.append(f"{indent}{text}")
    return lines


def _md(text: str) -> str:
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text
