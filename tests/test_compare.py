"""Group statuses (SPEC §6) on small projects, through the library API."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile
from reconcile import Status, Verdict

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992. بلغ عدد الأعضاء سبعة. أوزبكستان انسحبت"


def statuses(root: Path) -> dict[tuple[str, str, str | None], Status]:
    report = reconcile.compare(reconcile.load_project(root))
    return {
        (g.topic.id, g.property.id, g.subject.id if g.subject else None): g.status
        for g in report.groups
    }


def claim(prop: str, value: str, topic: str = "founding", extra: str = "") -> str:
    return (
        f"- topic: {topic}\n  property: {prop}\n  value: {value}\n  quote: وقع عليها روسيا\n{extra}"
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("1992-05-15", "1992-05-15", Status.AGREE),
        ("1992", "1992-05-15", Status.COMPATIBLE),
        ("1992", "1993", Status.CONFLICT),
    ],
)
def test_date_groups(make_project, a: str, b: str, expected: Status) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={"a": claim("treaty_signed", a), "b": claim("treaty_signed", b)},
    )
    assert statuses(root) == {("founding", "treaty_signed", None): expected}


def test_one_source_is_single_and_can_contradict_itself(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT)},
        claims={
            "a": claim("treaty_signed", "1992")
            + claim("headquarters", "روسيا")
            + claim("headquarters", "Belarus")
        },
    )
    assert statuses(root) == {
        ("founding", "treaty_signed", None): Status.SINGLE,
        ("founding", "headquarters", None): Status.CONFLICT,
    }


def test_temporal_values_at_different_times_are_a_change(make_project) -> None:
    status = "  subject: أوزبكستان\n  as_of: {}\n"
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2013", TEXT)},
        claims={
            "a": claim("status", "member", "membership", status.format("2006"))
            + claim("status", "withdrawn", "membership", status.format("2012")),
            "b": claim("status", "withdrawn", "membership", "  subject: uzbekistan\n"),
        },
    )
    # member in 2006, withdrawn in 2012 and 2013: a history, not a contradiction
    assert statuses(root) == {("membership", "status", "uzbekistan"): Status.CHANGED}


def test_temporal_values_at_overlapping_times_conflict(make_project) -> None:
    root = make_project(
        sources={"a": ("2008", TEXT), "b": ("2008-06", TEXT)},
        claims={
            "a": claim("member_count", "7", "membership"),
            "b": claim("member_count", "6", "membership"),
        },
    )
    assert statuses(root) == {("membership", "member_count", None): Status.CONFLICT}


@pytest.mark.parametrize(
    ("morning", "evening", "expected"),
    [
        # hours apart on one day: a count that rose, not two sources at odds
        ("2021-11-25T10:00:00", "2021-11-25T17:00:00", Status.CHANGED),
        ("2021-11-25T10:00:00Z", "2021-11-25T17:00:00+03:00", Status.CHANGED),
        # the same instant, written in two zones
        ("2021-11-25T14:00:00Z", "2021-11-25T17:00:00+03:00", Status.CONFLICT),
        # a day holds every time of it
        ("2021-11-25", "2021-11-25T17:00:00", Status.CONFLICT),
        ("2021-11-24", "2021-11-25T00:00:00", Status.CHANGED),
    ],
)
def test_times_of_day_in_as_of(make_project, morning: str, evening: str, expected) -> None:
    toll = "  as_of: {}\n"
    root = make_project(
        sources={"a": ("2021-11-25", TEXT), "b": ("2021-11-26", TEXT)},
        claims={
            "a": claim("member_count", "7", "membership", toll.format(morning)),
            "b": claim("member_count", "6", "membership", toll.format(evening)),
        },
    )
    assert statuses(root) == {("membership", "member_count", None): expected}


def test_a_yaml_timestamp_keeps_its_time(make_project) -> None:
    root = make_project(
        sources={"a": ("2021-11-25", TEXT), "b": ("2021-11-26", TEXT)},
        claims={
            "a": claim("member_count", "7", "membership", "  as_of: 2021-11-25 10:00:00\n"),
            "b": claim("member_count", "6", "membership", "  as_of: 2021-11-25 17:30:00\n"),
        },
    )
    assert statuses(root) == {("membership", "member_count", None): Status.CHANGED}
    project = reconcile.load_project(root)
    assert sorted(c.as_of.edtf for c in project.claims if c.as_of) == [
        "2021-11-25T10:00:00",
        "2021-11-25T17:30:00",
    ]


def test_subject_properties_are_grouped_per_subject(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={
            "a": claim("status", "member", "membership", "  subject: روسيا\n"),
            "b": claim("status", "member", "membership", "  subject: Россия\n")
            + claim("status", "withdrawn", "membership", "  subject: uzbekistan\n"),
        },
    )
    assert statuses(root) == {
        ("membership", "status", "russia"): Status.AGREE,
        ("membership", "status", "uzbekistan"): Status.SINGLE,
    }


def test_entity_lists_and_member_rows(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT), "c": ("2022", TEXT)},
        claims={
            "a": claim("signatories", "[روسيا, وبيلاروسيا]", "membership"),
            "b": claim("signatories", "[russia, أوزبكستان]", "membership"),
            "c": claim("signatories", "[russia]", "membership", "  complete: false\n"),
        },
    )
    report = reconcile.compare(reconcile.load_project(root))
    (group,) = report.groups
    assert group.status is Status.CONFLICT
    rows = {row.entity: (row.listed_by, row.left_out_by, row.silent) for row in group.members}
    assert rows == {
        "belarus": (("a",), ("b",), ("c",)),
        "uzbekistan": (("b",), ("a",), ("c",)),
        "russia": (("a", "b", "c"), (), ()),
    }
    assert [row.entity for row in group.members][:2] == ["belarus", "uzbekistan"]  # disputed first


def test_resolution_accepts_and_rejects(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={"a": claim("treaty_signed", "1992"), "b": claim("treaty_signed", "1993")},
        **{
            "resolutions.yaml": "- topic: founding\n  property: treaty_signed\n"
            "  value: 1992-05-15\n  reason: the treaty says so\n"
        },
    )
    report = reconcile.compare(reconcile.load_project(root))
    (group,) = report.groups
    assert group.status is Status.RESOLVED
    assert {v.claim.source: v.verdict for v in group.claims} == {
        "a": Verdict.ACCEPTED,
        "b": Verdict.REJECTED,
    }
    assert not [p for p in report.problems if p.code == "stale-resolution"]


def test_resolution_without_contradiction_is_stale_but_resolves(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={"a": claim("treaty_signed", "1992"), "b": claim("treaty_signed", "1992")},
        **{
            "resolutions.yaml": "- topic: founding\n  property: treaty_signed\n"
            "  value: 1992\n  reason: agreed anyway\n"
        },
    )
    report = reconcile.compare(reconcile.load_project(root))
    assert report.groups[0].status is Status.RESOLVED
    (stale,) = [p for p in report.problems if p.code == "stale-resolution"]
    assert (stale.place.file, stale.place.line) == ("resolutions.yaml", 1)


def test_temporal_resolution_covers_only_its_time(make_project) -> None:
    counts = {"a": ("2008", TEXT), "b": ("2008", TEXT), "c": ("2022", TEXT), "d": ("2022", TEXT)}
    root = make_project(
        sources=counts,
        claims={
            "a": claim("member_count", "7", "membership"),
            "b": claim("member_count", "6", "membership"),
            "c": claim("member_count", "6", "membership"),
            "d": claim("member_count", "5", "membership"),
        },
        **{
            "resolutions.yaml": "- topic: membership\n  property: member_count\n  as_of: 2008\n"
            "  value: 7\n  reason: Uzbekistan was back\n"
        },
    )
    report = reconcile.compare(reconcile.load_project(root))
    (group,) = report.groups
    assert group.status is Status.CONFLICT  # 2022's contradiction is not covered
    assert {v.claim.source: v.verdict for v in group.claims} == {
        "a": Verdict.ACCEPTED,
        "b": Verdict.REJECTED,
        "c": None,
        "d": None,
    }


def test_groups_come_disagreements_first(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={
            "a": claim("treaty_signed", "1992")
            + claim("binding", "true")
            + claim("troops", "4000", "forces"),
            "b": claim("treaty_signed", "1992") + claim("troops", "5000", "forces"),
        },
    )
    report = reconcile.compare(reconcile.load_project(root))
    assert [g.status for g in report.groups] == [Status.CONFLICT, Status.SINGLE, Status.AGREE]


def test_approximate_numbers_are_compatible(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={
            "a": claim("troops", "4000", "forces", "  approximate: true\n"),
            "b": claim("troops", "4150", "forces"),
        },
    )
    assert statuses(root) == {("forces", "troops", None): Status.COMPATIBLE}


def test_claims_frame(make_project) -> None:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={"a": claim("treaty_signed", "1992"), "b": claim("treaty_signed", "1993")},
    )
    frame = reconcile.claims_frame(reconcile.compare(reconcile.load_project(root)))
    assert list(frame["source"]) == ["a", "b"]
    assert set(frame["status"]) == {"conflict"}
    assert list(frame.columns[:4]) == ["source", "topic", "property", "subject"]
