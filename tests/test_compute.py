"""The figures of calculations.md, to the krona."""

from __future__ import annotations

from fractions import Fraction

import pytest
import reference

from pipeline.compute import compute
from pipeline.validate import load

from workbooks import TEMPLATES, set_cell

NORRA = "Norra Västmanlands Samordningsförbund"
VASTERAS = "Samordningsförbundet Västerås"
VASTRA = "Samordningsförbundet Västra Mälardalen"


def figures_of(sheets, write_workbook):
    figures, problems = compute(load(write_workbook(sheets), TEMPLATES))
    assert problems == []
    return figures


def by_name(frame, key, column):
    return dict(zip(frame[key], frame[column]))


def test_worked_example(sheets, write_workbook):
    f = figures_of(sheets, write_workbook)
    assert f.delar["totalt"] == 19_446_448
    assert (f.delar["kommun"], f.delar["region"], f.delar["stat"]) == \
        (4_861_612, 4_861_612, 9_723_224)
    assert f.delar["invanare_totalt"] == 278_967
    koping = f.parter[f.parter["namn"] == "Köpings kommun"].iloc[0]
    assert (koping.bidrag_nytt, koping.bidrag_nu, koping.forandring_kr) == \
        (455_425, 375_000, 80_425)
    assert koping.forandring_procent == Fraction(80_425, 375_000)
    assert by_name(f.finansiering, "forbund", "belopp") == \
        {NORRA: 116_545, VASTERAS: 311_111, VASTRA: 72_344}
    assert by_name(f.kapital, "forbund", "overfors") == \
        {NORRA: 0, VASTERAS: 8_100_000 - 311_111, VASTRA: 950_000 - 72_344}
    assert by_name(f.kapital, "forbund", "behalls")[NORRA] == 1_400_000 - 116_545
    assert sum(f.kapital["kvar"]) == 10_450_000 - 500_000


def test_worked_example_agrees_with_the_reference(sheets, write_workbook):
    f = figures_of(sheets, write_workbook)
    ref = reference.figures(sheets)
    assert by_name(f.parter, "namn", "bidrag_nytt") == ref["nytt"]
    assert by_name(f.finansiering, "forbund", "belopp") == ref["interim"]


@pytest.mark.parametrize("key", ["medlemsbidrag", "eget kapital", "invånare", "lika"])
def test_each_interim_key(sheets, write_workbook, key):
    set_cell(sheets, "Parametrar", "B12", key)
    f = figures_of(sheets, write_workbook)
    ref = reference.figures(sheets)
    assert by_name(f.finansiering, "forbund", "belopp") == ref["interim"]
    assert by_name(f.kapital, "forbund", "overfors") == ref["overfors"]
    assert sum(f.finansiering["belopp"]) == 500_000


def test_interim_keys_give_the_expected_shares(sheets, write_workbook):
    set_cell(sheets, "Parametrar", "B12", "lika")
    assert list(figures_of(sheets, write_workbook).finansiering["belopp"]) == \
        [166_667, 166_667, 166_666]
    set_cell(sheets, "Parametrar", "B12", "invånare")
    # 73 109, 156 838 and 49 020 invånare of 278 967
    assert list(figures_of(sheets, write_workbook).finansiering["belopp"]) == \
        [131_035, 281_105, 87_860]


def test_share_above_equity_is_an_error_naming_the_forbund(sheets, write_workbook):
    set_cell(sheets, "Förbund", "C4", 50_000)
    _, problems = compute(load(write_workbook(sheets), TEMPLATES))
    assert len(problems) == 1
    message = problems[0].message()
    assert message.startswith("Förbund!C4 (Eget kapital (kr)): fann »50 000«")
    assert VASTRA in message and "72 344" in message


def test_a_total_that_does_not_divide_evenly(sheets, write_workbook):
    set_cell(sheets, "Parametrar", "B8", 20_000_001)
    f = figures_of(sheets, write_workbook)
    assert f.delar["stat"] + f.delar["region"] + f.delar["kommun"] == 20_000_001
    assert (f.delar["stat"], f.delar["region"], f.delar["kommun"]) == (10_000_001, 5_000_000,
                                                                       5_000_000)
    kommuner = f.parter[f.parter["typ"] == "kommun"]
    assert sum(kommuner["bidrag_nytt"]) == f.delar["kommun"]
    assert by_name(f.parter, "namn", "bidrag_nytt") == reference.figures(sheets)["nytt"]


def test_other_shares(sheets, write_workbook):
    for cell, value in (("B9", 0.4), ("B10", 0.3), ("B11", 0.3)):
        set_cell(sheets, "Parametrar", cell, value)
    f = figures_of(sheets, write_workbook)
    assert (f.delar["stat"], f.delar["region"], f.delar["kommun"]) == \
        (7_778_579, 5_833_935, 5_833_934)  # .2 .4 .4: the tie goes to the region (earlier)
    assert by_name(f.parter, "namn", "bidrag_nytt") == reference.figures(sheets)["nytt"]


def test_finsam_check_warns_about_a_deviating_forbund(sheets, write_workbook):
    assert figures_of(sheets, write_workbook).warnings == ()
    set_cell(sheets, "Medlemsbidrag", "C12", 5_000_000)  # Försäkringskassan in Västerås
    warnings = figures_of(sheets, write_workbook).warnings
    assert warnings and all(w.startswith(VASTERAS) for w in warnings)
    assert any("staten betalar 5 000 000 kr" in w and "Finsam anger 50,0 %" in w
               for w in warnings)


def test_state_part_goes_to_those_who_pay_and_equally_when_nobody_does(sheets, write_workbook):
    f = figures_of(sheets, write_workbook)
    new = by_name(f.parter, "namn", "bidrag_nytt")
    assert (new["Försäkringskassan"], new["Arbetsförmedlingen"]) == (9_723_224, 0)
    for row in (9, 12, 17):
        set_cell(sheets, "Medlemsbidrag", f"C{row}", 0)
    new = by_name(figures_of(sheets, write_workbook).parter, "namn", "bidrag_nytt")
    assert new["Försäkringskassan"] + new["Arbetsförmedlingen"] == \
        figures_of(sheets, write_workbook).delar["stat"]
    assert abs(new["Försäkringskassan"] - new["Arbetsförmedlingen"]) <= 1


def test_capital_shares_follow_contributions_and_add_up(sheets, write_workbook):
    f = figures_of(sheets, write_workbook)
    share = by_name(f.parter, "namn", "kapitalandel")
    kvar = by_name(f.kapital, "forbund", "kvar")[VASTRA]
    assert kvar == 877_656
    # Köping paid 375 000 of the förbund's 2 813 684
    assert abs(share["Köpings kommun"] - Fraction(877_656 * 375_000, 2_813_684)) < 1
    assert share["Region Västmanland"] is None
