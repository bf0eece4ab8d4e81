"""compute(): the figures of calculations.md on the example workbook, to the krona.

Expected figures are computed here with Fractions (`largest_remainder`, `expected_figures`
from reference.py), never with pipeline.money."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pipeline.compute import compute
from pipeline.problems import UserError
from pipeline.validate import load

from reference import expected_figures, largest_remainder
from workbooks import column_of, set_cell

NORRA = "Norra Västmanlands Samordningsförbund"
VASTERAS = "Samordningsförbundet Västerås"
VASTRA = "Samordningsförbundet Västra Mälardalen"
FORBUND = (NORRA, VASTERAS, VASTRA)
# the example's kommuner in workbook order: (name, förbund, invånare, current contribution)
KOMMUNER = (
    ("Sala kommun", NORRA, 22_998, 356_469),
    ("Hallstahammars kommun", NORRA, 16_608, 257_424),
    ("Fagersta kommun", NORRA, 13_319, 206_445),
    ("Surahammars kommun", NORRA, 10_099, 156_535),
    ("Norbergs kommun", NORRA, 5_714, 88_567),
    ("Skinnskattebergs kommun", NORRA, 4_371, 67_751),
    ("Västerås stad", VASTERAS, 156_838, 3_025_000),
    ("Köpings kommun", VASTRA, 26_133, 375_000),
    ("Arboga kommun", VASTRA, 14_100, 202_330),
    ("Kungsörs kommun", VASTRA, 8_787, 126_091),
)
PAID = {NORRA: 4_532_764, VASTERAS: 12_100_000, VASTRA: 2_813_684}
EQUITY = {NORRA: 1_400_000, VASTERAS: 8_100_000, VASTRA: 950_000}


@pytest.fixture
def run(write_workbook, templates):
    return lambda sheets: compute(load(write_workbook(sheets), templates))


@pytest.fixture
def figures_of(run):
    return run


def by_name(frame, key: str, column: str) -> dict:
    return dict(zip(frame[key], frame[column]))


def new_contributions(f) -> dict:
    return by_name(f.parter, "namn", "bidrag_nytt")


def test_joint_contributions_of_the_worked_example(sheets, figures_of):
    f = figures_of(sheets)
    assert f.delar["totalt"] == 19_446_448 == sum(PAID.values())
    assert (f.delar["kommun"], f.delar["region"], f.delar["stat"]) == (4_861_612, 4_861_612, 9_723_224)
    assert f.delar["invanare_totalt"] == 278_967 == sum(k[2] for k in KOMMUNER)
    koping = largest_remainder(4_861_612, [k[2] for k in KOMMUNER])[7]
    assert koping == 455_425
    row = f.parter[f.parter["namn"] == "Köpings kommun"].iloc[0]
    assert (row.bidrag_nytt, row.bidrag_nu, row.forandring_kr) == (koping, 375_000, 80_425)
    assert row.forandring_procent == Fraction(80_425, 375_000)
    assert new_contributions(f) == expected_figures(sheets)["nytt"]


def test_interim_budget_and_transfers_of_the_worked_example(sheets, figures_of):
    f = figures_of(sheets)
    shares = dict(zip(FORBUND, largest_remainder(500_000, [PAID[n] for n in FORBUND])))
    assert shares == {NORRA: 116_545, VASTERAS: 311_111, VASTRA: 72_344}
    assert f.interim_totalt == 500_000
    assert by_name(f.finansiering, "forbund", "belopp") == shares
    assert by_name(f.kapital, "forbund", "overfors") == {
        NORRA: 0,
        VASTERAS: 8_100_000 - 311_111,
        VASTRA: 950_000 - 72_344,
    }
    assert by_name(f.kapital, "forbund", "behalls") == {
        NORRA: 1_400_000 - 116_545,
        VASTERAS: 0,
        VASTRA: 0,
    }
    kvar = by_name(f.kapital, "forbund", "kvar")
    assert kvar == {n: EQUITY[n] - shares[n] for n in FORBUND}
    assert sum(kvar.values()) == 10_450_000 - 500_000


INVANARE = {n: sum(k[2] for k in KOMMUNER if k[1] == n) for n in FORBUND}


@pytest.mark.parametrize(
    ("key", "basis", "shares"),
    [
        ("medlemsbidrag", PAID, [116_545, 311_111, 72_344]),
        ("eget kapital", EQUITY, [66_986, 387_560, 45_454]),
        ("invånare", INVANARE, [131_035, 281_105, 87_860]),
        ("lika", dict.fromkeys(FORBUND, 1), [166_667, 166_667, 166_666]),
    ],
)
def test_each_interim_key(sheets, figures_of, key, basis, shares):
    assert largest_remainder(500_000, [basis[n] for n in FORBUND]) == shares
    set_cell(sheets, "Parametrar", "B12", key)
    f = figures_of(sheets)
    assert list(f.finansiering["forbund"]) == list(FORBUND)
    assert list(f.finansiering["belopp"]) == shares
    assert list(f.finansiering["underlag"]) == [basis[n] for n in FORBUND]
    assert list(f.kapital["kvar"]) == [EQUITY[n] - s for n, s in zip(FORBUND, shares)]
    assert list(f.kapital["overfors"]) == [0, 8_100_000 - shares[1], 950_000 - shares[2]]


@pytest.mark.parametrize("equity", [50_000, 72_343])
def test_a_share_above_equity_is_an_error(sheets, run, equity):
    set_cell(sheets, "Förbund", "C4", equity)  # Västra Mälardalen, whose share is 72 344
    with pytest.raises(UserError) as error:
        run(sheets)
    [problem] = error.value.problems
    assert problem.where == "Förbund!C4"
    assert VASTRA in problem.message() and "72 344" in problem.message().replace("\u00a0", " ")


def test_a_share_equal_to_equity_is_computed(sheets, run):
    set_cell(sheets, "Förbund", "C4", 72_344)
    assert by_name(run(sheets).kapital, "forbund", "kvar")[VASTRA] == 0


def test_a_total_that_does_not_divide_evenly(sheets, figures_of):
    set_cell(sheets, "Parametrar", "B8", 20_000_001)
    f = figures_of(sheets)
    assert (f.delar["totalt"], f.delar["nu_totalt"]) == (20_000_001, 19_446_448)
    assert (
        (f.delar["stat"], f.delar["region"], f.delar["kommun"])
        == tuple(largest_remainder(20_000_001, [2, 1, 1]))
        == (10_000_001, 5_000_000, 5_000_000)
    )
    new = new_contributions(f)
    assert new == expected_figures(sheets)["nytt"]
    assert sum(new.values()) == 20_000_001
    for typ in ("stat", "region", "kommun"):
        assert sum(f.parter[f.parter["typ"] == typ]["bidrag_nytt"]) == f.delar[typ]
    assert all(
        n - c == d
        for n, c, d in zip(f.parter["bidrag_nytt"], f.parter["bidrag_nu"], f.parter["forandring_kr"])
    )


@pytest.mark.parametrize("andel", [(0.4, 0.3, 0.3), ("40 %", "30 %", "30 %")])
def test_other_andel_parameters(sheets, figures_of, andel):
    for row, value in zip((9, 10, 11), andel):
        set_cell(sheets, "Parametrar", f"B{row}", value)
    f = figures_of(sheets)
    # 7 778 579,2 + 5 833 934,4 + 5 833 934,4: the tie of ,4 goes to the region (the earlier)
    assert (
        (f.delar["stat"], f.delar["region"], f.delar["kommun"])
        == tuple(largest_remainder(19_446_448, [40, 30, 30]))
        == (7_778_579, 5_833_935, 5_833_934)
    )
    assert new_contributions(f) == expected_figures(sheets)["nytt"]


def test_andel_parameters_must_sum_to_100_percent(sheets, run):
    set_cell(sheets, "Parametrar", "B11", 0.4)
    with pytest.raises(UserError) as error:
        run(sheets)
    assert "Parametrar!B11" in str(error.value) and "115 %" in str(error.value)  # 50 + 25 + 40


def test_finsam_check_passes_the_example(sheets, figures_of):
    assert figures_of(sheets).warnings == ()


# Västerås stad pays 3 025 000 + x of 12 100 000 + x: the kommun part deviates by 3x/4, which
# is more than 1 % of the total from x = 163 514 on.
@pytest.mark.parametrize(("extra", "warned"), [(163_513, False), (163_514, True)])
def test_finsam_check_warns_beyond_one_percent(sheets, figures_of, extra, warned):
    set_cell(sheets, "Medlemsbidrag", "C10", 3_025_000 + extra)
    warnings = [w.replace("\u00a0", " ") for w in figures_of(sheets).warnings]
    assert len(warnings) == warned
    if warned:
        assert warnings[0].startswith(VASTERAS)
        assert "3 188 514" in warnings[0] and "12 263 514" in warnings[0]
        assert "kommunerna" in warnings[0]


def test_finsam_warning_rounds_half_up_like_the_papers(sheets, figures_of):
    # Västerås: the kommun pays 2 100 of 8 000 (26,25 %), the region 1 900 (23,75 %)
    for cell, amount in (("C10", 2_100), ("C11", 1_900), ("C12", 4_000)):
        set_cell(sheets, "Medlemsbidrag", cell, amount)
    warnings = [w.replace("\u00a0", " ") for w in figures_of(sheets).warnings]
    assert warnings == [
        f"{VASTERAS}: regionen betalar 1 900 kr av 8 000 kr (23,8 %), Finsam anger 25,0 % (2 000 kr).",
        f"{VASTERAS}: kommunerna betalar 2 100 kr av 8 000 kr (26,3 %), Finsam anger 25,0 % (2 000 kr).",
    ]


def row_of(sheets, sheet: str, name: str) -> int:
    return next(i for i, r in enumerate(sheets[sheet], start=1) if r and r[0] == name)


@pytest.mark.parametrize(
    ("sheet", "header", "name"),
    [
        ("Medlemsbidrag", "Belopp (kr)", "Västerås stad"),
        ("Parter", "Invånare", "Köpings kommun"),
        ("Förbund", "Eget kapital (kr)", VASTERAS),
    ],
)
def test_an_amount_beyond_the_limit_is_an_error_naming_its_cell(sheets, run, sheet, header, name):
    cell = f"{column_of(sheets, sheet, header)}{row_of(sheets, sheet, name)}"
    set_cell(sheets, sheet, cell, 10**12 + 1)
    with pytest.raises(UserError) as error:
        run(sheets)
    [problem] = error.value.problems
    assert problem.where == f"{sheet}!{cell}"
    assert "1 000 000 000 001" in problem.message() and "högst 1 000 000 000 000" in problem.message()


def test_an_amount_at_the_limit_is_computed(sheets, figures_of):
    set_cell(sheets, "Parametrar", "B8", 10**12)
    f = figures_of(sheets)
    assert f.delar["totalt"] == 10**12 == sum(new_contributions(f).values())


def test_finsam_check_names_every_deviating_part(sheets, figures_of):
    set_cell(sheets, "Medlemsbidrag", "C12", 5_000_000)  # Försäkringskassan in Västerås
    warnings = figures_of(sheets).warnings
    assert {w.split(":")[0] for w in warnings} == {VASTERAS}
    assert len(warnings) == 3 == len(expected_figures(sheets)["deviations"])
    assert any("5 000 000" in w.replace("\u00a0", " ") for w in warnings)


def test_region_and_stat_parts_follow_current_contributions(sheets, figures_of):
    f = figures_of(sheets)
    new = new_contributions(f)
    assert (new["Region Västmanland"], new["Försäkringskassan"], new["Arbetsförmedlingen"]) == (
        4_861_612,
        9_723_224,
        0,
    )
    sheets["Medlemsbidrag"].append(["Arbetsförmedlingen", VASTERAS, 1_000_000])
    f = figures_of(sheets)
    stat = largest_remainder(f.delar["stat"], [9_723_224, 1_000_000])
    new = new_contributions(f)
    assert [new["Försäkringskassan"], new["Arbetsförmedlingen"]] == stat
    assert new == expected_figures(sheets)["nytt"]


def test_state_part_is_shared_equally_when_no_stat_party_pays(sheets, figures_of):
    for row in (9, 12, 17):  # Försäkringskassan's rows
        set_cell(sheets, "Medlemsbidrag", f"C{row}", 0)
    set_cell(sheets, "Parametrar", "B8", 20_000_002)
    f = figures_of(sheets)
    new = new_contributions(f)
    assert f.delar["stat"] == 10_000_001
    assert (new["Försäkringskassan"], new["Arbetsförmedlingen"]) == (5_000_001, 5_000_000)


@pytest.mark.parametrize("forbund", FORBUND)
def test_capital_shares_follow_contributions_and_add_up(sheets, figures_of, forbund):
    f = figures_of(sheets)
    kvar = by_name(f.kapital, "forbund", "kvar")[forbund]
    members = [k[0] for k in KOMMUNER if k[1] == forbund]
    rows = [r for r in sheets["Medlemsbidrag"][1:] if r[1] == forbund]
    paid = {
        name: sum(r[2] for r in rows if r[0] == name)
        for name in [*members, "Region Västmanland", "Försäkringskassan", "Arbetsförmedlingen"]
    }
    expected = dict(zip(paid, largest_remainder(kvar, list(paid.values()))))
    share = by_name(f.parter, "namn", "kapitalandel")
    assert {m: share[m] for m in members} == {m: expected[m] for m in members}
    assert (
        sum(share[m] for m in members)
        + expected["Region Västmanland"]
        + expected["Försäkringskassan"]
        + expected["Arbetsförmedlingen"]
        == kvar
    )
    total = sum(paid.values())
    assert all(abs(share[m] - Fraction(kvar * paid[m], total)) < 1 for m in members)
    assert share["Region Västmanland"] is None and share["Försäkringskassan"] is None
