"""What a linter-like output lists: every problem, unresolved conflict and misquote, as problems.

A conflict becomes an error at its first contradicting claim; a misquote is already a problem
(`quote-misquoted`). The github and sarif emitters read only this list.
"""

from __future__ import annotations

from reconcile.model import Group, Report, Status
from reconcile.problems import CODES, Problem, error, sorted_problems
from reconcile.render.words import Words

#: The code of an unresolved conflict, and of a misquote, beside the problem codes.
CONFLICT, MISQUOTED = "conflict", "quote-misquoted"

#: What each code beyond the problem codes means.
EXTRA_CODES = {
    CONFLICT: "sources contradict each other at overlapping times, and no resolution settles it",
    MISQUOTED: "a quote is found only with a number, a name or a negation changed",
}


def rule_codes() -> dict[str, str]:
    """Every code a finding can carry, with its meaning, sorted."""
    meanings = {code: info.meaning for code, info in CODES.items()}
    meanings.update({code: meaning for code, meaning in EXTRA_CODES.items() if code not in CODES})
    return dict(sorted(meanings.items()))


def findings(report: Report) -> tuple[Problem, ...]:
    """Every unresolved conflict and every problem (misquotes among them), in file order."""
    words = Words(report.project.config)
    conflicts = [conflict_finding(g, words) for g in report.groups if g.status is Status.CONFLICT]
    return sorted_problems([*conflicts, *report.problems])


def conflict_finding(group: Group, words: Words) -> Problem:
    """A conflict as an error at its first contradicting claim, naming each side's value."""
    views = [view for view in group.claims if view.contradicted] or list(group.claims)
    sides = "; ".join(
        f"{view.claim.source} says {words.value(view.claim.value, group.property).text}"
        + (f" as of {words.when(view.claim.as_of)}" if view.claim.as_of else "")
        for view in views
    )
    disputes = "".join(
        f"; {words.entity(group.property.kind, row.entity)}: {words.dispute(row)}"
        for row in group.members
        if row.disputed
    )
    title = words.group_title(group, with_topic=True)
    message = f"{title} ({group.key}): the sources contradict each other: {sides}{disputes}"
    return error(views[0].claim.place, CONFLICT, message)
