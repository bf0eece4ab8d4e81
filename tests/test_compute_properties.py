"""compute() on random workbooks: every division adds up, nothing is negative, every amount is
a plain int, and the figures equal `expected_figures`, a plain Fraction computation of
calculations.md written here (it shares no code with pipeline)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compute import compute
from pipeline.validate import load

from workbooks import write

PARTS = ("stat", "region", "kommun")
MALLAR = ("01_delta_i_lansprocess.docx", "02_bildande.docx", "03_medlemsbidrag.docx")


# --- the independent computation --------------------------------------------------------------


def largest_remainder(amount: int, weights: list) -> list[int]:
    weights = [Fraction(w) for w in weights]
    if sum(weights) == 0:
        weights = [Fraction(1)] * len(weights)
    exact = [amount * w / sum(weights) for w in weights]
    result = [int(e) for e in exact]  # floor: every quota is >= 0
    order = sorted(range(len(exact)), key=lambda i: (result[i] - exact[i], i))
    for i in order[: amount - sum(result)]:
        result[i] += 1
    return result


def rows(sheets: dict, name: str) -> list[dict]:
    header, *body = sheets[name]
    return [dict(zip(header, r)) for r in body if any(v is not None for v in r)]


def percent(value, default: Fraction) -> Fraction:
    if value is None:
        return default
    if isinstance(value, str):
        return Fraction(value.replace("%", "").strip().replace(",", ".")) / 100
    return Fraction(repr(value))


def expected_figures(sheets: dict) -> dict:
    """calculations.md, step by step, on the plain rows a test writes into the workbook."""
    params = {r["Parameter"]: r["Värde"] for r in rows(sheets, "Parametrar")}
    equity = {r["Förbund"]: int(r["Eget kapital (kr)"]) for r in rows(sheets, "Förbund")}
    names = list(equity)
    parter = rows(sheets, "Parter")
    typ = {p["Part"]: p["Typ"] for p in parter}
    paid: dict[tuple[str, str], int] = {}
    for r in rows(sheets, "Medlemsbidrag"):
        paid[r["Part"], r["Förbund"]] = paid.get((r["Part"], r["Förbund"]), 0) + int(r["Belopp (kr)"])
    nu = {p["Part"]: sum(v for (n, _), v in paid.items() if n == p["Part"]) for p in parter}
    per_forbund = {
        f: {t: sum(v for (n, g), v in paid.items() if g == f and typ[n] == t) for t in PARTS}
        for f in names
    }
    total = params.get("Medlemsbidrag totalt")
    total = sum(nu.values()) if total is None else int(total)
    andel = {
        "stat": percent(params.get("Andel stat"), Fraction(1, 2)),
        "region": percent(params.get("Andel region"), Fraction(1, 4)),
        "kommun": percent(params.get("Andel kommuner"), Fraction(1, 4)),
    }
    parts = dict(zip(PARTS, largest_remainder(total, [andel[t] for t in PARTS])))
    new = {}
    for t in PARTS:
        members = [p["Part"] for p in parter if p["Typ"] == t]
        weights = [p["Invånare"] if t == "kommun" else nu[p["Part"]] for p in parter if p["Typ"] == t]
        new.update(zip(members, largest_remainder(parts[t], weights)))
    invanare = {
        f: sum(p["Invånare"] for p in parter if p["Typ"] == "kommun" and p["Förbund"] == f)
        for f in names
    }
    key = params.get("Fördelning interimsbudget") or "medlemsbidrag"
    basis = {
        "medlemsbidrag": [sum(per_forbund[f].values()) for f in names],
        "eget kapital": [equity[f] for f in names],
        "invånare": [invanare[f] for f in names],
        "lika": [1] * len(names),
    }[key]
    interim_total = sum(int(r["Belopp (kr)"]) for r in rows(sheets, "Interimsbudget"))
    interim = dict(zip(names, largest_remainder(interim_total, basis)))
    kvar = {f: equity[f] - interim[f] for f in names}
    kept = params["Kvarvarande förbund"]
    kapital = {}  # every member's share of each förbund's remaining capital
    for f in names:
        members = [p["Part"] for p in parter if p["Typ"] != "kommun" or p["Förbund"] == f]
        shares = largest_remainder(kvar[f], [paid.get((m, f), 0) for m in members])
        kapital[f] = dict(zip(members, shares))
    deviations = [
        (f, t)
        for f in names
        for t in PARTS
        if abs(per_forbund[f][t] - andel[t] * sum(per_forbund[f].values()))
        > Fraction(sum(per_forbund[f].values()), 100)
    ]
    return {
        "totalt": total,
        **parts,
        "nu": nu,
        "nytt": new,
        "per_forbund": per_forbund,
        "interim_totalt": interim_total,
        "interim": interim,
        "kvar": kvar,
        "overfors": {f: 0 if f == kept else kvar[f] for f in names},
        "behalls": {f: kvar[f] if f == kept else 0 for f in names},
        "ingaende": sum(kvar.values()),
        "kapital": kapital,
        "kapitalandel": {
            p["Part"]: kapital[p["Förbund"]][p["Part"]] for p in parter if p["Typ"] == "kommun"
        },
        "deviations": deviations,
    }


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
        "Beslutssteg": [["Steg", "Rubrik", "Mall", "Datum"], [1, "Steg ett", MALLAR[0], D(2025, 1, 1)]],
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("properties")
    (folder / "mallar").mkdir()
    for name in MALLAR:
        (folder / "mallar" / name).write_bytes(b"")
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


@settings(max_examples=40, deadline=None)
@given(random_sheets())
def test_random_workbooks(folder, sheets):
    f = compute(load(write(folder / "arbetsbok.xlsx", sheets), folder / "mallar"))
    ref = expected_figures(sheets)
    d, parter, kapital = f.delar, f.parter, f.kapital

    # every division adds up
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

    # no share is negative; every amount is a plain int
    shares = shares_of(f)
    assert all(a >= 0 for a in shares)
    amounts = [*shares, *parter["forandring_kr"]]
    assert all(type(a) is int for a in amounts), {type(a) for a in amounts}

    # the figures of an independent computation
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
    assert column(f.finansiering, "forbund", "belopp") == ref["interim"]
    assert column(kapital, "forbund", "kvar") == ref["kvar"]
    assert column(kapital, "forbund", "overfors") == ref["overfors"]
    assert column(kapital, "forbund", "behalls") == ref["behalls"]
    kommuner = parter[parter["typ"] == "kommun"]
    assert column(kommuner, "namn", "kapitalandel") == ref["kapitalandel"]
    assert len(f.warnings) == len(ref["deviations"])
    assert sorted(w.split(":")[0] for w in f.warnings) == sorted(f for f, _ in ref["deviations"])
