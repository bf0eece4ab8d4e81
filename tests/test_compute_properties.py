"""On random workbooks: every division adds up, nothing is negative, everything is an int,
and the figures equal an independent Fraction computation (tests/reference.py)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import reference
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.compute import compute
from pipeline.validate import load

from workbooks import TEMPLATES, write

D = dt.date


@st.composite
def workbooks(draw):
    n_forbund = draw(st.integers(1, 5))
    forbund = [f"Förbund {chr(65 + i)}" for i in range(n_forbund)]
    n_kommuner = draw(st.integers(1, 12))
    kommuner = [(f"Kommun {i}", forbund[draw(st.integers(0, n_forbund - 1))],
                 draw(st.integers(1, 500_000)), draw(st.integers(0, 10_000_000)))
                for i in range(n_kommuner)]
    stat = ["Försäkringskassan", "Arbetsförmedlingen"][: draw(st.integers(1, 2))]
    parter = [["Part", "Kortnamn", "Typ", "Förbund", "Invånare", "Beredande organ",
               "Beslutande organ"]]
    parter += [[k, f"K{i}", "kommun", f, people, None, "Kommunfullmäktige"]
               for i, (k, f, people, _) in enumerate(kommuner)]
    parter += [["Regionen", "R", "region", None, None, None, "Regionfullmäktige"]]
    parter += [[s, f"S{i}", "stat", None, None, None, None] for i, s in enumerate(stat)]
    bidrag = [["Part", "Förbund", "Belopp (kr)"]]
    bidrag += [[k, f, amount] for k, f, _, amount in kommuner]
    for f in forbund:
        bidrag.append(["Regionen", f, draw(st.integers(0, 10_000_000))])
        for s in stat:
            bidrag.append([s, f, draw(st.integers(0, 10_000_000))])
    interim = draw(st.lists(st.integers(0, 300_000), min_size=1, max_size=5))
    shares = draw(st.sampled_from([(0.5, 0.25, 0.25), (0.4, 0.3, 0.3), (0.5, 0.3, 0.2),
                                   (0.34, 0.33, 0.33)]))
    total = draw(st.one_of(st.none(), st.integers(0, 50_000_000)))
    return {
        "Parametrar": [["Parameter", "Värde"], ["Län", "Testlän"], ["Nytt förbund", "Nya"],
                       ["Kvarvarande förbund", forbund[draw(st.integers(0, n_forbund - 1))]],
                       ["Bildandedatum", D(2025, 1, 1)], ["Startdatum", D(2026, 1, 1)],
                       ["Budgetår", 2026], ["Medlemsbidrag totalt", total],
                       ["Andel stat", shares[0]], ["Andel region", shares[1]],
                       ["Andel kommuner", shares[2]],
                       ["Fördelning interimsbudget",
                        draw(st.sampled_from(["medlemsbidrag", "eget kapital", "invånare",
                                              "lika"]))]],
        "Förbund": [["Förbund", "Eget kapital (kr)", "Balansdag"]] +
                   [[f, draw(st.integers(sum(interim), 20_000_000)), D(2024, 12, 31)]
                    for f in forbund],
        "Parter": parter,
        "Medlemsbidrag": bidrag,
        "Interimsbudget": [["Post", "Belopp (kr)"]] + [[f"Post {i}", v]
                                                        for i, v in enumerate(interim)],
        "Beslutssteg": [["Steg", "Rubrik", "Mall", "Datum"],
                        [1, "Steg ett", "01_delta_i_lansprocess.docx", D(2025, 1, 1)]],
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_random_workbooks(sheets):
    with tempfile.TemporaryDirectory() as tmp:
        bok = load(write(Path(tmp) / "a.xlsx", sheets), TEMPLATES)
    f, problems = compute(bok)
    assert problems == []
    ref = reference.figures(sheets)
    d = f.delar
    assert d["stat"] + d["region"] + d["kommun"] == d["totalt"] == ref["totalt"]
    for typ, part in (("kommun", "kommun"), ("region", "region"), ("stat", "stat")):
        assert sum(f.parter[f.parter["typ"] == typ]["bidrag_nytt"]) == d[part]
    assert dict(zip(f.parter["namn"], f.parter["bidrag_nytt"])) == ref["nytt"]
    assert dict(zip(f.finansiering["forbund"], f.finansiering["belopp"])) == ref["interim"]
    assert sum(f.finansiering["belopp"]) == f.interim_totalt
    assert dict(zip(f.kapital["forbund"], f.kapital["overfors"])) == ref["overfors"]
    assert sum(f.kapital["kvar"]) == ref["ingaende"]
    for frame in (f.parter, f.finansiering, f.kapital, f.per_forbund):
        for column in frame.columns:
            for value in frame[column]:
                assert not isinstance(value, float), (column, value)
                if isinstance(value, int) and not isinstance(value, bool):
                    assert type(value) is int, (column, type(value))
    amounts = [*f.parter["bidrag_nytt"], *f.finansiering["belopp"], *f.kapital["kvar"],
               *f.kapital["overfors"]]
    assert all(a >= 0 for a in amounts)
    shares = f.parter.dropna(subset=["kapitalandel"])
    assert all(s >= 0 for s in shares["kapitalandel"])
