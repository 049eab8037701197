"""Suggested claims written as a claims file: every one commented out, best first, each with
the score and the signals that found it in a hint."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.load import SOURCES_DIR
from reconcile.model import CLAIM_FIELD_TABLE
from reconcile.suggest import Suggestion
from reconcile.values import PropertyType
from reconcile.yamldump import inline, one_line, plain_date, scalar

__all__ = ["claims_file", "suggestion_blocks"]

_CLAIMS_HEADER = "# The claims of {source}: one list item per fact the article states.\n"


def _field_lines() -> str:
    """The header's lines on each field a claim may have, from the one table of them."""
    width = max(len(field.name) for field in CLAIM_FIELD_TABLE) + 2
    lines = [
        f"#   {field.name:<{width}}{'required: ' if field.required else ''}{field.meaning}"
        for field in CLAIM_FIELD_TABLE
    ]
    return "\n".join(lines) + "\n#\n"


_SUGGESTED = """\
# `reconcile add-source` suggests the claims below, all commented out, the likeliest first: each
# comes from a sentence of the article that reads like what the project's other sources claim,
# or that holds words of a property's label or keywords, with a value of the property's type.
# The score (0-1) after each topic says how sure the guess is. For each one that holds, remove
# the "# " at the start of its lines, then check the value, which is only a guess from the
# sentence, fill in what is empty and delete the hints (after a second #) you do not need.
# Delete the rest. Until you uncomment a claim this file holds none.
"""

_FIRST_ARTICLE = """\
# This is the project's first article with claims to come: there are no other sources' claims
# to learn from yet, so the suggestions rest only on the properties' labels and keywords and on
# the values the sentences hold. Later articles get better suggestions from these claims.
"""

_NO_PRECEDENT = """\
# The project's claims did not load (run `reconcile check` to see why), so the suggestions rest
# only on the properties' labels and keywords and on the values the sentences hold.
"""

_NOTHING_SUGGESTED = """\
# No sentence of the article reads like a claim of a property in reconcile.yaml, so nothing is
# suggested (give properties `keywords` to get suggestions). Write the claims as in:
#
# - topic: TOPIC
#   property: PROPERTY
#   value: VALUE
#   quote: "the words of the article that say so"
"""

_VALUE_HINTS = {
    PropertyType.DATE: "a date (EDTF: 1992, 1992-05, 1992-05-15, 199X, 1992~, 1990/1993)",
    PropertyType.NUMBER: "a number, or a range {min: N}, {max: N}, {min: N, max: M}",
    PropertyType.BOOLEAN: "true or false",
    PropertyType.TEXT: "free text",
}


def claims_file(
    source_id: str,
    suggestions: Sequence[Suggestion],
    text_line: int,
    *,
    learnt: bool | None = True,
) -> str:
    """The new claims/ID.yaml: a header, then each suggestion as a commented-out claim.
    `learnt` is False for a project's first article, None when the claims did not load."""
    header = _CLAIMS_HEADER.format(source=f"{SOURCES_DIR}/{source_id}.md") + _field_lines()
    if learnt is False:
        header += _FIRST_ARTICLE
    elif learnt is None:
        header += _NO_PRECEDENT
    if not suggestions:
        return header + _NOTHING_SUGGESTED
    text = header + _SUGGESTED + suggestion_blocks(suggestions, text_line)
    # every line a comment, so that the file holds no claims until the user uncomments some
    assert all(line.startswith("#") for line in text.splitlines() if line), text
    return text


def suggestion_blocks(suggestions: Sequence[Suggestion], text_line: int) -> str:
    """The suggestions as commented-out claims, a blank line before each."""
    return "".join(f"\n{_block(s, text_line - 1)}" for s in suggestions)


def _block(suggestion: Suggestion, line_offset: int) -> str:
    prop = suggestion.property
    label = prop.label.get()
    signals = ", ".join(suggestion.why)
    lines: list[tuple[str, str]] = [
        (
            f"- topic: {inline(prop.topic)}",
            f"line {suggestion.line + line_offset}, score {suggestion.score:.2f}"
            + (f": {signals}" if signals else ""),
        ),
        (f"  property: {inline(prop.id)}", label if label != prop.id else ""),
    ]
    if prop.subject:
        subject = f"  subject: {inline(suggestion.subject)}" if suggestion.subject else "  subject:"
        lines.append((subject, f"the {prop.subject} this is about: its id or any name of it"))
    lines.append(_value_line(suggestion))
    if prop.type is PropertyType.ENTITIES:
        if not suggestion.complete:
            lines.append(("  complete: false", "the sentence lists only some of them"))
        else:
            lines.append(("", "add `complete: false` if the sentence lists only some of them"))
    if prop.type is PropertyType.NUMBER:
        if suggestion.approximate:
            lines.append(("  approximate: true", 'the sentence says "about"'))
        else:
            lines.append(("", 'add `approximate: true` for "about", "nearly", "some"'))
    if prop.temporal:
        hint = "when this held (EDTF); delete the line to use the source's published date"
        as_of = f"  as_of: {inline(plain_date(suggestion.as_of))}" if suggestion.as_of else ""
        lines.append((as_of, hint if as_of else "add `as_of:` if the value held at another time"))
    lines.append((f"  quote: {scalar(suggestion.sentence)}", ""))
    out = []
    for code, hint in lines:
        hint = one_line(hint)
        if not code:
            out.append(f"#   # {hint}")
        elif hint:
            out.append(f"# {code}  # {hint}")
        else:
            out.append(f"# {code}")
    return "\n".join(out) + "\n"


def _value_line(suggestion: Suggestion) -> tuple[str, str]:
    prop = suggestion.property
    value = suggestion.value
    kind = prop.kind or ""
    hints = {
        PropertyType.ENTITY: f"a {kind}: its id or any name of it",
        PropertyType.ENTITIES: f"a list of {kind} names, such as [a, b, c]",
        PropertyType.CHOICE: "one of: " + ", ".join(prop.choices),
    }
    hint = hints.get(prop.type) or _VALUE_HINTS[prop.type]
    if suggestion.also:
        hint += "; also in the sentence: " + ", ".join(suggestion.also)
    if value is None:
        return "  value:", hint
    if prop.type is PropertyType.DATE:
        return f"  value: {inline(plain_date(str(value)))}", hint
    return f"  value: {inline(value)}", hint
