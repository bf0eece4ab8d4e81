"""Every member decides (papers.md): a paper per party kind and step, in the party's own words."""

from __future__ import annotations

import pytest

from pipeline.build import prepare
from pipeline.context import payers

from conftest import document_text, paper_paths
from workbooks import EXAMPLE, TEMPLATES

NBSP = "\u00a0"


def text(out, steg, part):
    return document_text(paper_paths(out)[(steg, part)])


def test_paper_counts_follow_the_workbook(shipped_out):
    prepared = prepare(EXAMPLE, TEMPLATES)
    bok, papers = prepared.bok, paper_paths(shipped_out)
    deciding = {r.namn for r in bok.parter.itertuples() if r.beslutande_organ}
    paying = payers(prepared.figures)
    assert {p for s, p in papers if s == 1} == deciding
    assert {p for s, p in papers if s == 2} == deciding
    assert {p for s, p in papers if s == 3} == deciding & paying
    # every member of the shipped county decides; Arbetsförmedlingen pays nothing itself
    assert len(deciding) == len(bok.parter)
    assert "Arbetsförmedlingen" not in paying and (3, "Arbetsförmedlingen") not in papers


@pytest.mark.parametrize(
    "part, opening",
    [
        ("Köpings kommun", "Kommunstyrelsens förslag till kommunfullmäktige:"),
        ("Västerås stad", "Kommunstyrelsens förslag till kommunfullmäktige:"),
        ("Region Västmanland", "Regionstyrelsens förslag till regionfullmäktige:"),
        ("Försäkringskassan", "Föreslaget beslut:"),
    ],
)
def test_each_kind_addresses_its_own_decision_maker(shipped_out, part, opening):
    for steg in (1, 2):
        assert opening in text(shipped_out, steg, part)


@pytest.mark.parametrize("part", ["Försäkringskassan", "Arbetsförmedlingen"])
def test_a_state_agency_reads_as_its_own_decision(shipped_out, part):
    for steg in (1, 2):
        paper = text(shipped_out, steg, part)
        assert paper.splitlines()[0] == "Beslutsunderlag"
        assert f"{part} deltar i länsprocessen" in paper or f"{part} godkänner" in paper
        for municipal in (
            "Kommunstyrelsen",
            "kommunfullmäktige",
            "Kommunchef",
            "förvaltningen",
            "Förvaltningen",
        ):
            assert municipal not in paper


def test_step1_delegates_to_the_named_representative(shipped_out):
    assert (
        "Deltagandet delegeras till kommunens representant i styrelsen för "
        "Samordningsförbundet Västra Mälardalen, Annika Ståhl."
    ) in text(shipped_out, 1, "Köpings kommun")
    assert "stadens representant" in text(shipped_out, 1, "Västerås stad")
    assert (
        "regionens representant i styrelserna för de tre samordningsförbunden, Kent Ahlström."
    ) in text(shipped_out, 1, "Region Västmanland")


def test_a_party_whose_earlier_decision_was_sent_back_is_not_said_to_agree(shipped_out):
    paper = text(shipped_out, 2, "Kungsörs kommun")
    assert "att återremittera ärendet ”Beslut om att delta i länsprocess”" in paper
    assert "ställt sig bakom" not in paper


def test_step1_carries_kopings_remiss_and_assessment(shipped_out):
    paper = text(shipped_out, 1, "Köpings kommun")
    assert (
        "Ärendet har remitterats till Social- och arbetsmarknadsförvaltningen för ett "
        "tjänstemannayttrande."
    ) in paper
    assert "Tjänstemannayttrande från Social- och arbetsmarknadsförvaltningen" in paper
    assert "samverkansvinster tas till vara" in paper
    assert f"Köpings kommun betalar i dag 375{NBSP}000{NBSP}kronor per år" in paper
    # a party without a remiss gets no such passage
    assert "remitterats" not in text(shipped_out, 1, "Arboga kommun")


def test_arbetsformedlingen_is_told_who_pays_the_state_part(shipped_out):
    paper = text(shipped_out, 1, "Arbetsförmedlingen")
    assert "betalar inget eget medlemsbidrag. Statens del betalas av Försäkringskassan." in paper
    assert f"0{NBSP}kronor" not in paper


def test_step2_proposal_by_membership(shipped_out):
    kept = text(shipped_out, 2, "Sala kommun")
    assert (
        "Sala kommun godkänner förbundsordningen för Samordningsförbundet Västmanland i "
        "bilaga 1." in kept
    )
    assert "bilaga 2" not in kept
    assert "Sala kommun är medlem i Norra Västmanlands Samordningsförbund, som fortsätter" in kept
    wound_up = text(shipped_out, 2, "Köpings kommun")
    assert (
        "Köpings kommun godkänner ändringen av förbundsordningen för Samordningsförbundet "
        "Västra Mälardalen i bilaga 2."
    ) in wound_up
    assert "bildas den" not in wound_up  # an existing förbund continues: nothing is formed
    region = text(shipped_out, 2, "Region Västmanland")
    assert "Samordningsförbundet Västerås i bilaga 2" in region
    assert "Samordningsförbundet Västra Mälardalen i bilaga 3" in region


def test_step2_explains_the_capital_share_with_its_date(shipped_out):
    paper = text(shipped_out, 2, "Köpings kommun")
    assert (
        f"Samordningsförbundet Västra Mälardalen hade ett eget kapital på 950{NBSP}000"
        f"{NBSP}kronor den 31 december 2022."
    ) in paper
    assert (
        f"Köpings kommuns andel av det kvarvarande kapitalet, beräknad efter kommunens "
        f"andel av medlemsbidragen till förbundet, är 116{NBSP}971{NBSP}kronor."
    ) in paper
    assert (
        "Kommunfullmäktige beslutade den 28 mars 2022, § 45, att bifalla förslaget i "
        "ärendet ”Beslut om att delta i länsprocess”." in paper
    )


def test_step3_proposes_each_payers_amount(shipped_out):
    koping = text(shipped_out, 3, "Köpings kommun")
    assert f"Köpings kommun betalar 455{NBSP}425{NBSP}kronor i medlemsbidrag" in koping
    assert f"en ökning med 80{NBSP}425{NBSP}kronor (21,4{NBSP}procent)" in koping
    assert (
        "Från den 1 januari 2024 upphör medlemsbidraget till Samordningsförbundet Västra Mälardalen"
    ) in koping
    assert "social- och arbetsmarknadsnämndens budget" in koping
    fk = text(shipped_out, 3, "Försäkringskassan")
    assert f"Försäkringskassan betalar 9{NBSP}723{NBSP}224{NBSP}kronor i medlemsbidrag" in fk
    assert "Försäkringskassan betalar den för både Försäkringskassan och Arbetsförmedlingen" in fk
    region = text(shipped_out, 3, "Region Västmanland")
    assert f"Regionens del av medlemsbidragen är 4{NBSP}861{NBSP}612{NBSP}kronor" in region
    assert "regionernas" not in region


def test_every_party_with_papers_has_its_officers(shipped_out):
    for (steg, part), path in paper_paths(shipped_out).items():
        paper = document_text(path)
        assert "Handläggare: " in paper, (steg, part)
