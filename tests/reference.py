"""calculations.md as a plain Fraction computation, written for the tests: it shares no code
with pipeline (no pipeline.money), so the compute tests compare two independent readings."""

from __future__ import annotations

from fractions import Fraction

PARTS = ("stat", "region", "kommun")


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
    new: dict[str, int] = {}
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
