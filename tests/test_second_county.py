"""Papers for a county the templates were not written against read as well as the shipped
ones: counts per step and party kind, wording by number, the language rules, no "None"."""

from __future__ import annotations

import pytest

from pipeline.build import build

import second_county
from conftest import document_text, paper_paths, running_text
from language_rules import RULES
from workbooks import TEMPLATES, write


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uppsala")
    build(write(folder / "uppsala.xlsx", second_county.sheets()), TEMPLATES, folder / "out")
    return folder / "out"


def test_counts_per_step(out):
    """Steps 1 and 2 go to every party (Gäller: kommun, region, stat), step 3 to those that
    pay (betalande: a row in Medlemsbidrag)."""
    sheets = second_county.sheets()
    parter = {row[0] for row in sheets["Parter"][1:]}
    payers = {row[0] for row in sheets["Medlemsbidrag"][1:]}
    papers = paper_paths(out)
    for steg in (1, 2):
        assert {p for s, p in papers if s == steg} == parter
    assert {p for s, p in papers if s == 3} == payers
    assert "Arbetsförmedlingen" in parter - payers  # an agency that does not pay


def test_wording_follows_the_numbers(out):
    text = document_text(paper_paths(out)[(1, "Tierps kommun")])
    assert "I Uppsala finns i dag två samordningsförbund" in text
    assert "länets fem kommuner" in text
    step2 = document_text(paper_paths(out)[(2, "Region Uppsala")])
    assert "förbundsordningen för Samordningsförbundet Norra Uppland ändras" in step2
    assert "förbundsordningarna" not in step2
    assert "bilaga 3" not in step2


def test_language_rules_and_no_empty_values(out):
    breaks = []
    for (steg, part), path in paper_paths(out).items():
        for line in running_text(path):
            breaks += [(steg, part, rule.__name__, found) for rule in RULES for found in rule(line)]
        text = document_text(path)
        assert "None" not in text and "Diarienummer" not in text, (steg, part)
    assert breaks == []
