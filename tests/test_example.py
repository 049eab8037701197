"""The bundled example: the repository root is a project built from five Arabic articles on the
CSTO. These tests pin what `reconcile check` finds in it, group by group, so that a change to the
engine or to the example data that moves any verdict shows up here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).parent.parent

# Source ids, as in sources/<id>.md.
R2013 = "russian-role-2013"  # 000: undated, autumn 2013; Belarus among the original six
SULEIMAN = "suleiman-2022"  # 001: Maan Munif Suleiman, January 2022
BATAKOSHI = "batakoshi-2022"  # 002: Mahmoud al-Batakoshi, 30 May 2022
VETO = "vetogate-2022-01"  # 003: Vetogate, January 2022; Uzbekistan among the original six
HT = "hizb-ut-tahrir-2025"  # 004: Hizb ut-Tahrir media office, about June 2025

Key = tuple[str, str, str | None]

EXPECTED: dict[Key, str] = {
    # --- the treaty (1992) ---
    # 15 May 1992 (001, 003), 1992 (002), early 1990s (000)
    ("treaty", "signed", None): "compatible",
    # 003 only, from the name "Tashkent Treaty"
    ("treaty", "signing_place", None): "single",
    # 000 lists Belarus, 003 Uzbekistan; settled by resolution
    ("treaty", "original_signatories", None): "resolved",
    # 000: Georgia, Azerbaijan, Uzbekistan; 003: Azerbaijan, Belarus, Georgia; settled
    ("treaty", "later_signatories", None): "resolved",
    # 000: 1994, 003: 15 May 1992; settled for 1992
    ("treaty", "joined", "uzbekistan"): "resolved",
    # 000: 1994, 003: 1993; left open (signature or entry into force?)
    ("treaty", "joined", "azerbaijan"): "conflict",
    # 000: 1994, 003: 1993; left open likewise
    ("treaty", "joined", "georgia"): "conflict",
    # 003 only: 1993
    ("treaty", "joined", "belarus"): "single",
    # 003 only: 1994
    ("treaty", "entry_into_force", None): "single",
    # 003 only: five years after 1994
    ("treaty", "renewed", None): "single",
    # 003 only: five more years
    ("treaty", "renewal_term_years", None): "single",
    # 003 only: Azerbaijan, Georgia, Uzbekistan
    ("treaty", "not_renewed", None): "single",
    # --- the organisation (2002) ---
    # 2002 in 000, 001 and 003
    ("organisation", "established", None): "agree",
    # 000 and 003 name the same six for 2002
    ("organisation", "founding_members", None): "agree",
    # 000 only: 2002
    ("organisation", "charter_signed", None): "single",
    # 001 only: Moscow
    ("organisation", "headquarters", None): "single",
    # 001 says so; 004 mentions the secretariat
    ("organisation", "permanent_secretariat", None): "agree",
    # 001 only: one year
    ("organisation", "chair_term_years", None): "single",
    # 001 only
    ("organisation", "un_general_assembly_observer", None): "single",
    # 001 only: Caucasus to Eastern Europe
    ("organisation", "area_of_responsibility", None): "single",
    # 000 only: 2011
    ("organisation", "foreign_bases_decision", None): "single",
    # 003 only
    ("organisation", "annual_command_exercises", None): "single",
    # --- commitments of the treaty and charter ---
    # 001 and 003
    ("charter", "no_force_between_members", None): "agree",
    # 001 and 003
    ("charter", "no_other_military_alliances", None): "agree",
    # 000, 001 and 003
    ("charter", "collective_defence", None): "agree",
    # --- membership over time ---
    # the same six in January 2022 (001) and May 2022 (002)
    ("membership", "members", None): "agree",
    # 6 in 1992, 9 from 1994, 6 in 2002, 7 in 2008, 6 in 2022
    ("membership", "member_count", None): "changed",
    # member 1992/1994, out 1999, back 2006, withdrawn by 2022
    ("membership", "status", "uzbekistan"): "changed",
    # member 1993/1994, did not renew 1999, withdrawn in 2022
    ("membership", "status", "azerbaijan"): "changed",
    # member 1993/1994, did not renew 1999, withdrawn in 2022
    ("membership", "status", "georgia"): "changed",
    # 004 only: a member
    ("membership", "status", "armenia"): "single",
    # --- forces ---
    # 001 only: 2009
    ("forces", "rapid_reaction_force_created", None): "single",
    # 001 only: about 20,000
    ("forces", "rapid_reaction_force_size", None): "single",
    # 001 only: 3,600
    ("forces", "peacekeeping_force_size", None): "single",
    # 001 only: the UN
    ("forces", "peacekeepers_recognised_by", None): "single",
    # 001 only: Armenia
    ("forces", "russian_base_102_country", None): "single",
    # --- exercises ---
    # 003 only: "Rubezh 2008"
    ("exercise_2008", "name", None): "single",
    # Armenia in 001 and 003
    ("exercise_2008", "host", None): "agree",
    # July 2008 (001) within 2008 (003)
    ("exercise_2008", "held", None): "compatible",
    # 003 only: 4,000
    ("exercise_2008", "troops", None): "single",
    # strategic, operational, tactical in 001 and 003
    ("exercise_2008", "levels", None): "agree",
    # 003 only
    ("exercise_2011", "held", None): "single",
    # 003 only: southern Russia and Central Asia
    ("exercise_2011", "region", None): "single",
    # 003 only: more than 10,000
    ("exercise_2011", "troops", None): "single",
    # 003 only: 70
    ("exercise_2011", "combat_aircraft", None): "single",
    # --- events ---
    # 001 only: October 2007
    ("dushanbe_2007", "held", None): "single",
    # 001 only: Dushanbe
    ("dushanbe_2007", "place", None): "single",
    # 001 only: the assistance protocol
    ("dushanbe_2007", "document_signed", None): "single",
    # 000 only
    ("sochi_2013", "place", None): "single",
    # 000 only
    ("sochi_2013", "political_settlement_for_syria", None): "single",
    # 000 only
    ("sochi_2013", "backs_russian_american_initiative", None): "single",
    # 000 only
    ("sochi_2013", "rejects_foreign_intervention", None): "single",
    # Kazakhstan asked, in 001, 002 and 003
    ("kazakhstan_2022", "requested_by", None): "agree",
    # January 2022 in 002 and 004
    ("kazakhstan_2022", "deployed", None): "agree",
    # peacekeepers in 002 and 003
    ("kazakhstan_2022", "force_type", None): "agree",
    # 002 only: a few days
    ("kazakhstan_2022", "troops_stayed", None): "single",
    # 001 only: a few days
    ("kazakhstan_2022", "order_restored_within", None): "single",
    # 001 only
    ("kazakhstan_2022", "first_active_operation", None): "single",
    # 002 only: Russia
    ("summit_2022", "host", None): "single",
    # 002 only: between January and 30 May 2022
    ("summit_2022", "held", None): "single",
    # 002 only: 30 years
    ("summit_2022", "treaty_anniversary_years", None): "single",
    # 004 only: 28 May 2025
    ("defence_ministers_2025", "held", None): "single",
    # 004 only: Bishkek
    ("defence_ministers_2025", "place", None): "single",
    # 004 only: Kyrgyzstan
    ("defence_ministers_2025", "chair_country", None): "single",
    # 004 only: Ruslan Mukambetov
    ("defence_ministers_2025", "chaired_by", None): "single",
    # 2020 in 001 and 004
    ("war_2020", "fought", None): "agree",
    # 001 only: about 6,500
    ("war_2020", "deaths", None): "single",
    # 004 only: no reaction
    ("war_2020", "csto_reacted", None): "single",
    # 004 only: statements only
    ("kyrgyz_tajik_border", "csto_intervened", None): "single",
    # --- facts quoted in passing (doubtful, flagged in the claims' notes) ---
    # 000 only: 1.5 million
    ("country_profile", "oil_output_barrels_per_day", "uzbekistan"): "single",
    # 000 only
    ("country_profile", "largest_uranium_exporter", "uzbekistan"): "single",
}


@pytest.fixture(scope="module")
def run() -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["check", "--project", str(ROOT), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.output)


@pytest.fixture(scope="module")
def groups(run: tuple[int, dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    return {(g["topic"], g["property"], g["subject"]): g for g in run[1]["groups"]}


def test_every_group_has_its_expected_status(groups: dict[Key, dict[str, Any]]) -> None:
    got = {key: group["status"] for key, group in groups.items()}
    assert got == EXPECTED


def test_unresolved_conflicts_exit_1_without_problems(run: tuple[int, dict[str, Any]]) -> None:
    exit_code, data = run
    assert exit_code == 1
    assert data["problems"] == []
    assert data["summary"]["sources"] == 5
    assert {s["id"] for s in data["sources"]} == {R2013, SULEIMAN, BATAKOSHI, VETO, HT}


def test_every_quote_is_found_exactly(groups: dict[Key, dict[str, Any]]) -> None:
    statuses = {c["quote_status"] for g in groups.values() for c in g["claims"]}
    assert statuses == {"exact"}


def test_original_signatories_matrix(groups: dict[Key, dict[str, Any]]) -> None:
    members = {m["entity"]: m for m in groups[("treaty", "original_signatories", None)]["members"]}
    assert members["belarus"]["listed_by"] == [R2013]
    assert members["belarus"]["left_out_by"] == [VETO]
    assert members["uzbekistan"]["listed_by"] == [VETO]
    assert members["uzbekistan"]["left_out_by"] == [R2013]
    for country in ("russia", "armenia", "kazakhstan", "kyrgyzstan", "tajikistan"):
        assert sorted(members[country]["listed_by"]) == sorted([R2013, VETO])
        assert members[country]["left_out_by"] == []


def test_resolution_accepts_vetogate_and_rejects_2013_article(
    groups: dict[Key, dict[str, Any]],
) -> None:
    for key in [
        ("treaty", "original_signatories", None),
        ("treaty", "later_signatories", None),
        ("treaty", "joined", "uzbekistan"),
    ]:
        verdicts = {c["source"]: c["verdict"] for c in groups[key]["claims"]}
        assert verdicts == {VETO: "accepted", R2013: "rejected"}, key
        assert groups[key]["resolution"] is not None


def test_uzbekistan_status_is_a_timeline(groups: dict[Key, dict[str, Any]]) -> None:
    claims = groups[("membership", "status", "uzbekistan")]["claims"]
    timeline = sorted((str(c["as_of"]), c["value"], c["source"]) for c in claims)
    assert timeline == [
        ("1992-05-15", "member", VETO),
        ("1994", "member", R2013),
        ("1999", "withdrawn", VETO),
        ("2006", "member", R2013),
        ("2022-01?", "withdrawn", SULEIMAN),
    ]
