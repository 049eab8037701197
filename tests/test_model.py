"""The model: immutable all the way down, hashable, loading leaves the process be; and the
display rules every output shares (group keys, membership, disputes)."""

from __future__ import annotations

import copy
import gc
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import reconcile
from reconcile.frozen import FrozenMap, frozen
from reconcile.model import Membership, Project, Report
from reconcile.yamlfile import YamlList, YamlMap

TEXT = "وقع عليها روسيا وبيلاروسيا في 15 أيار 1992. بلغ عدد الأعضاء سبعة."
CLAIMS = """\
- topic: membership
  property: signatories
  value: [روسيا, بيلاروسيا]
  complete: false
  quote: وقع عليها روسيا وبيلاروسيا
- topic: forces
  property: troops
  value: {min: 1000, max: 2000}
  quote: وقع عليها روسيا
- topic: founding
  property: treaty_signed
  value: 1992-05-15
  quote: وقع عليها روسيا
"""


@pytest.fixture
def project(make_project) -> Project:
    root = make_project(
        sources={"a": ("2022", TEXT), "b": ("2022", TEXT)},
        claims={"a": CLAIMS, "b": CLAIMS.replace("1992-05-15", "1993")},
        **{
            "resolutions.yaml": "- {topic: founding, property: treaty_signed, value: 1992, "
            "reason: the treaty}\n"
        },
    )
    return reconcile.load_project(root)


def _parser_nodes(value: object) -> Iterator[object]:
    if isinstance(value, (YamlList, YamlMap, list)) or type(value) is dict:
        yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _parser_nodes(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _parser_nodes(item)


def test_values_as_written_hold_no_parser_nodes(project: Project) -> None:
    written = {claim.property: claim.written for claim in project.claims if claim.source == "a"}
    assert written["signatories"] == ("روسيا", "بيلاروسيا")
    assert written["troops"] == {"min": 1000, "max": 2000}
    assert isinstance(written["troops"], FrozenMap)
    for item in (*project.claims, *project.resolutions):
        assert not list(_parser_nodes(item.written))


def test_claims_groups_and_reports_can_be_hashed(project: Project) -> None:
    report = reconcile.compare(project)
    assert len({*project.claims}) == len(project.claims)
    assert hash(project.claims[0]) == hash(copy.copy(project.claims[0]))
    assert len({*report.groups}) == len(report.groups)
    assert {hash(resolution) for resolution in project.resolutions}
    hash(project)
    hash(report)


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.sources.__setitem__("c", p.sources["a"]),
        lambda p: p.sources.pop("a"),
        lambda p: p.sources.update({}),
        lambda p: p.config.topics.clear(),
        lambda p: p.config.entities["country"].__delitem__("russia"),
        lambda p: p.config.topics["founding"].properties.setdefault("x", None),
    ],
)
def test_nothing_loaded_can_be_changed(project: Project, change) -> None:
    with pytest.raises(TypeError):
        change(project)
    with pytest.raises(AttributeError):
        project.claims[0].value = None  # type: ignore[misc]


def test_report_counts_cannot_be_changed(project: Project) -> None:
    report = reconcile.compare(project)
    with pytest.raises(TypeError):
        report.source_counts()["a"] = report.source_counts()["b"]  # type: ignore[index]


def test_frozen_maps_read_like_dicts() -> None:
    mapping = FrozenMap({"min": 1, "max": 2})
    assert mapping == {"min": 1, "max": 2} and list(mapping) == ["min", "max"]
    assert hash(mapping) == hash(FrozenMap({"max": 2, "min": 1}))
    assert pickle.loads(pickle.dumps(mapping)) == mapping
    assert frozen([1, {"a": [2]}]) == (1, {"a": (2,)})


def test_the_model_is_built_of_frozen_maps_whatever_it_is_given(project: Project) -> None:
    rebuilt = Project(Path("."), project.config, dict(project.sources), project.claims)
    assert isinstance(rebuilt.sources, FrozenMap)
    assert isinstance(project.config.entities["country"], FrozenMap)


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_and_comparing_leave_the_cycle_collector_as_it_was(
    make_project, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    root = make_project(sources={"a": ("2022", TEXT)}, claims={"a": CLAIMS})
    switched: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: switched.append("disable"))
    monkeypatch.setattr(gc, "enable", lambda: switched.append("enable"))
    reconcile.compare(reconcile.load_project(root))
    assert switched == []
    monkeypatch.undo()
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        project = reconcile.load_project(root)
        assert gc.isenabled() is enabled
        reconcile.compare(project)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_group_key_is_dotted_and_skips_a_missing_subject(html_report: Report) -> None:
    keys = {group.key for group in html_report.groups}
    assert "founding.signatories" in keys
    assert "membership.status.uzbekistan" in keys


def test_membership_of_an_entity_in_each_list(html_report: Report) -> None:
    group = next(g for g in html_report.groups if g.key == "founding.signatories")
    states = {view.claim.source: view.claim.membership("belarus") for view in group.claims}
    assert states == {"a": Membership.LISTED, "b": Membership.LEFT_OUT, "c": Membership.SILENT}
    troops = next(g for g in html_report.groups if g.key == "founding.troops")
    assert troops.claims[0].claim.membership("belarus") is None  # not a list


def test_member_rows_agree_with_membership(html_report: Report) -> None:
    group = next(g for g in html_report.groups if g.key == "founding.signatories")
    for row in group.members:
        for view in group.claims:
            state = view.claim.membership(row.entity)
            assert state is not None
            by_state = {
                Membership.LISTED: row.listed_by,
                Membership.LEFT_OUT: row.left_out_by,
                Membership.SILENT: row.silent,
            }
            assert view.claim.source in by_state[state]


def test_a_group_is_disputed_when_one_lists_what_another_leaves_out(
    html_report: Report,
) -> None:
    disputed = {group.key for group in html_report.groups if group.disputed}
    assert disputed == {"founding.signatories"}


def test_contradicting_pairs_come_in_order_from_the_contradicting_sets() -> None:
    from itertools import combinations
    from random import Random

    from reconcile.model import Contradiction, Group

    rng = Random(12)
    for _ in range(300):
        classes: dict[int, list[int]] = {}
        for index in range(rng.randint(0, 30)):
            classes.setdefault(rng.randrange(6), []).append(index)
        sides = sorted(tuple(members) for members in classes.values())
        found = [Contradiction(a, b) for a, b in combinations(sides, 2) if rng.random() < 0.6]
        group = object.__new__(Group)
        object.__setattr__(group, "contradictions", tuple(found))
        expected = sorted((min(i, j), max(i, j)) for c in found for i in c.first for j in c.second)
        assert group.contradicting == tuple(expected)
