"""compute() on random workbooks: every division adds up, nothing is negative, every amount is
a plain int, and the figures equal `expected_figures`, a plain Fraction computation of
calculations.md in reference.py (it shares no code with pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compute import compute
from pipeline.validate import load

from reference import PARTS, expected_figures
from workbooks import write

MALL = "01_delta_i_lansprocess.docx"  # the one step of a random workbook


# --- random workbooks ---------------------------------------------------------------------------

D = dt.date
amount = st.integers(0, 10_000_000)


@st.composite
def random_sheets(draw) -> dict:
    forbund = [f"Förbund {chr(65 + i)}" for i in range(draw(st.integers(1, 5)))]
    kommuner = [
        (f"Kommun {i}", draw(st.sampled_from(forbund)), draw(st.integers(1, 500_000)))
        for i in range(draw(st.integers(1, 12)))
    ]
    stat = ["Försäkringskassan", "Arbetsförmedlingen"][: draw(st.integers(1, 2))]
    parter = [["Part", "Kortnamn", "Typ", "Förbund", "Invånare"]]
    parter += [[k, f"K{i}", "kommun", f, n] for i, (k, f, n) in enumerate(kommuner)]
    parter += [["Regionen", "R", "region", None, None]]
    parter += [[s, f"S{i}", "stat", None, None] for i, s in enumerate(stat)]
    bidrag = [["Part", "Förbund", "Belopp (kr)"]]
    bidrag += [[k, f, draw(amount)] for k, f, _ in kommuner if draw(st.integers(0, 9))]
    for f in forbund:
        bidrag += [[p, f, draw(amount)] for p in ["Regionen", *stat] if draw(st.booleans())]
    interim = draw(st.lists(st.integers(0, 300_000), min_size=1, max_size=5))
    a = draw(st.integers(0, 100))
    b = draw(st.integers(0, 100 - a))
    andel = draw(
        st.sampled_from(
            [
                (None, None, None),
                (a / 100, b / 100, (100 - a - b) / 100),
                (f"{a} %", f"{b} %", f"{100 - a - b} %"),
            ]
        )
    )
    params = [
        ("Län", "Testlän"),
        ("Nytt förbund", "Nya förbundet"),
        ("Kvarvarande förbund", draw(st.sampled_from(forbund))),
        ("Bildandedatum", D(2025, 1, 1)),
        ("Startdatum", D(2026, 1, 1)),
        ("Budgetår", 2026),
        ("Medlemsbidrag totalt", draw(st.one_of(st.none(), st.integers(0, 50_000_000)))),
        ("Andel stat", andel[0]),
        ("Andel region", andel[1]),
        ("Andel kommuner", andel[2]),
        (
            "Fördelning interimsbudget",
            draw(st.sampled_from([None, "medlemsbidrag", "eget kapital", "invånare", "lika"])),
        ),
    ]
    return {
        "Parametrar": [["Parameter", "Värde"], *map(list, params)],
        "Förbund": [["Förbund", "Eget kapital (kr)", "Balansdag"]]
        + [[f, draw(st.integers(sum(interim), 20_000_000)), D(2024, 12, 31)] for f in forbund],
        "Parter": parter,
        "Medlemsbidrag": bidrag,
        "Interimsbudget": [["Post", "Belopp (kr)"]] + [[f"Post {i}", v] for i, v in enumerate(interim)],
        "Beslutssteg": [["Steg", "Rubrik", "Mall", "Datum"], [1, "Steg ett", MALL, D(2025, 1, 1)]],
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("properties")
    (folder / "mallar").mkdir()
    (folder / "mallar" / MALL).write_bytes(b"")
    return folder


def column(frame, key, value):
    return dict(zip(frame[key], frame[value]))


def shares_of(f) -> list:
    """Every amount of the figures except the changes (which may be negative)."""
    return [
        *f.delar.values(),
        *(v for c in ("bidrag_nu", "bidrag_nytt") for v in f.parter[c]),
        *(v for v in f.parter["kapitalandel"] if v is not None),
        *(v for c in ("stat", "region", "kommun", "totalt") for v in f.per_forbund[c]),
        *f.interimsbudget["belopp"],
        *f.finansiering["underlag"],
        *f.finansiering["belopp"],
        *(
            v
            for c in ("eget_kapital", "interimsandel", "kvar", "overfors", "behalls")
            for v in f.kapital[c]
        ),
    ]


def assert_divisions_add_up(f, ref: dict) -> None:
    d, parter, kapital = f.delar, f.parter, f.kapital
    assert d["stat"] + d["region"] + d["kommun"] == d["totalt"] == ref["totalt"]
    for t in PARTS:
        assert sum(parter[parter["typ"] == t]["bidrag_nytt"]) == d[t]
    assert sum(f.finansiering["belopp"]) == f.interim_totalt == ref["interim_totalt"]
    assert all(
        k == e - i for e, i, k in zip(kapital["eget_kapital"], kapital["interimsandel"], kapital["kvar"])
    )
    assert sum(kapital["kvar"]) == ref["ingaende"]
    assert all(o + b == k for o, b, k in zip(kapital["overfors"], kapital["behalls"], kapital["kvar"]))
    assert [o for o, kept in zip(kapital["overfors"], kapital["ar_kvarvarande"]) if kept] == [0]


def assert_amounts_are_plain_nonnegative_ints(f) -> None:
    shares = shares_of(f)
    assert all(a >= 0 for a in shares)
    amounts = [*shares, *f.parter["forandring_kr"]]
    assert all(type(a) is int for a in amounts), {type(a) for a in amounts}


def assert_contributions_equal_reference(f, ref: dict) -> None:
    d, parter = f.delar, f.parter
    assert (d["stat"], d["region"], d["kommun"]) == (ref["stat"], ref["region"], ref["kommun"])
    assert column(parter, "namn", "bidrag_nu") == ref["nu"]
    assert column(parter, "namn", "bidrag_nytt") == ref["nytt"]
    assert all(
        c == n - u
        for c, n, u in zip(parter["forandring_kr"], parter["bidrag_nytt"], parter["bidrag_nu"])
    )
    assert {r.forbund: {t: getattr(r, t) for t in PARTS} for r in f.per_forbund.itertuples()} == ref[
        "per_forbund"
    ]


def assert_capital_equals_reference(f, ref: dict) -> None:
    kapital = f.kapital
    assert column(f.finansiering, "forbund", "belopp") == ref["interim"]
    assert column(kapital, "forbund", "kvar") == ref["kvar"]
    assert column(kapital, "forbund", "overfors") == ref["overfors"]
    assert column(kapital, "forbund", "behalls") == ref["behalls"]
    kommuner = f.parter[f.parter["typ"] == "kommun"]
    assert column(kommuner, "namn", "kapitalandel") == ref["kapitalandel"]


def assert_warnings_equal_reference(f, ref: dict) -> None:
    assert len(f.warnings) == len(ref["deviations"])
    assert sorted(w.split(":")[0] for w in f.warnings) == sorted(name for name, _ in ref["deviations"])


@settings(max_examples=40, deadline=None)
@given(random_sheets())
def test_random_workbooks(folder, sheets):
    f = compute(load(write(folder / "arbetsbok.xlsx", sheets), folder / "mallar"))
    ref = expected_figures(sheets)
    assert_divisions_add_up(f, ref)
    assert_amounts_are_plain_nonnegative_ints(f)
    # the figures of an independent computation
    assert_contributions_equal_reference(f, ref)
    assert_capital_equals_reference(f, ref)
    assert_warnings_equal_reference(f, ref)
