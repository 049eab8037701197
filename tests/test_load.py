"""Loading sources, claims and resolutions against reconcile.yaml."""

from __future__ import annotations

import pytest

import reconcile
from reconcile.model import CLAIM_FIELDS
from reconcile.problems import ReconcileError

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992."


def test_a_claim_takes_exactly_the_claim_fields(make_project) -> None:
    claim = (
        "- topic: membership\n  property: signatories\n  value: [روسيا]\n  complete: false\n"
        "  quote: وقع عليها روسيا\n  note: a note\n  colour: red\n"
    )
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claim})
    with pytest.raises(ReconcileError) as raised:
        reconcile.load_project(root)
    (problem,) = raised.value.problems
    assert problem.code == "unknown-field" and "'colour'" in problem.message
    assert set(CLAIM_FIELDS) >= {"topic", "property", "value", "complete", "approximate"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("  complete: false\n", "'complete' is only for entities properties, not date"),
        ("  approximate: true\n", "'approximate' is only for number properties, not date"),
    ],
)
def test_flags_belong_to_their_types(make_project, extra: str, message: str) -> None:
    claim = f"- topic: founding\n  property: treaty_signed\n  value: 1992\n{extra}"
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claim})
    with pytest.raises(ReconcileError) as raised:
        reconcile.load_project(root)
    assert [p.message for p in raised.value.errors] == [message]


def test_a_draft_of_resolutions_is_read_in_place_of_the_file(make_project) -> None:
    claim = "- topic: founding\n  property: treaty_signed\n  value: 1992\n  quote: وقع عليها\n"
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": claim})
    draft = "- {topic: founding, property: treaty_signed, value: 1992, reason: the text}\n"
    project = reconcile.load_project(root, resolutions_text=draft)
    (resolution,) = project.resolutions
    assert resolution.written == 1992 and resolution.reason == "the text"
