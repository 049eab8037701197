"""The display rules on the model that every output shares: group keys, membership, disputes."""

from __future__ import annotations

from reconcile.model import Membership, Report


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
