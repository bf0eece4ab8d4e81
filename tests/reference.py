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


def workbook_parts(sheets: dict) -> tuple[dict, dict[str, int], list[dict]]:
    """The parameters, each förbund's equity (in the rows' order) and the parties."""
    params = {r["Parameter"]: r["Värde"] for r in rows(sheets, "Parametrar")}
    equity = {r["Förbund"]: int(r["Eget kapital (kr)"]) for r in rows(sheets, "Förbund")}
    return params, equity, rows(sheets, "Parter")


def andelar(params: dict) -> dict[str, Fraction]:
    """The Andel parameters, with the defaults 1/2, 1/4, 1/4."""
    return {
        "stat": percent(params.get("Andel stat"), Fraction(1, 2)),
        "region": percent(params.get("Andel region"), Fraction(1, 4)),
        "kommun": percent(params.get("Andel kommuner"), Fraction(1, 4)),
    }


# --- 1. current contributions -------------------------------------------------------------------


def paid_contributions(sheets: dict) -> dict[tuple[str, str], int]:
    """Each (part, förbund)'s sum of its `Medlemsbidrag` rows."""
    paid: dict[tuple[str, str], int] = {}
    for r in rows(sheets, "Medlemsbidrag"):
        paid[r["Part"], r["Förbund"]] = paid.get((r["Part"], r["Förbund"]), 0) + int(r["Belopp (kr)"])
    return paid


def current_per_part(parter: list[dict], paid: dict[tuple[str, str], int]) -> dict[str, int]:
    return {p["Part"]: sum(v for (n, _), v in paid.items() if n == p["Part"]) for p in parter}


def current_per_forbund(
    names: list[str], parter: list[dict], paid: dict[tuple[str, str], int]
) -> dict[str, dict[str, int]]:
    typ = {p["Part"]: p["Typ"] for p in parter}
    return {
        f: {t: sum(v for (n, g), v in paid.items() if g == f and typ[n] == t) for t in PARTS}
        for f in names
    }


def deviations_of(per_forbund: dict[str, dict[str, int]], andel: dict[str, Fraction]) -> list:
    """(förbund, typ) whose part is more than 1 % of the förbund's total off its Andel."""
    return [
        (f, t)
        for f in per_forbund
        for t in PARTS
        if abs(per_forbund[f][t] - andel[t] * sum(per_forbund[f].values()))
        > Fraction(sum(per_forbund[f].values()), 100)
    ]


# --- 2. contributions to the joint förbund ------------------------------------------------------


def joint_total(params: dict, nu: dict[str, int]) -> int:
    total = params.get("Medlemsbidrag totalt")
    return sum(nu.values()) if total is None else int(total)


def joint_parts(total: int, andel: dict[str, Fraction]) -> dict[str, int]:
    return dict(zip(PARTS, largest_remainder(total, [andel[t] for t in PARTS])))


def new_contributions(parter: list[dict], parts: dict[str, int], nu: dict[str, int]) -> dict[str, int]:
    """Kommuner by Invånare; region and stat parties by their current contributions."""
    new: dict[str, int] = {}
    for t in PARTS:
        members = [p["Part"] for p in parter if p["Typ"] == t]
        weights = [p["Invånare"] if t == "kommun" else nu[p["Part"]] for p in parter if p["Typ"] == t]
        new.update(zip(members, largest_remainder(parts[t], weights)))
    return new


# --- 3. the interim budget and its financing ----------------------------------------------------


def interim_basis(
    key: str, equity: dict[str, int], parter: list[dict], per_forbund: dict[str, dict[str, int]]
) -> list:
    """Each förbund's weight under Fördelning interimsbudget, in the order of `equity`."""
    names = list(equity)
    if key == "medlemsbidrag":
        return [sum(per_forbund[f].values()) for f in names]
    if key == "eget kapital":
        return [equity[f] for f in names]
    if key == "invånare":
        return [
            sum(p["Invånare"] for p in parter if p["Typ"] == "kommun" and p["Förbund"] == f)
            for f in names
        ]
    return {"lika": [1] * len(names)}[key]


def interim_shares(
    sheets: dict,
    params: dict,
    equity: dict[str, int],
    parter: list[dict],
    per_forbund: dict[str, dict[str, int]],
) -> tuple[int, dict[str, int]]:
    """The interim budget's total and each förbund's share of it."""
    key = params.get("Fördelning interimsbudget") or "medlemsbidrag"
    basis = interim_basis(key, equity, parter, per_forbund)
    interim_total = sum(int(r["Belopp (kr)"]) for r in rows(sheets, "Interimsbudget"))
    return interim_total, dict(zip(equity, largest_remainder(interim_total, basis)))


# --- 4. capital transfers and capital shares ----------------------------------------------------


def transfers(kvar: dict[str, int], kept: str) -> dict:
    return {
        "overfors": {f: 0 if f == kept else kvar[f] for f in kvar},
        "behalls": {f: kvar[f] if f == kept else 0 for f in kvar},
        "ingaende": sum(kvar.values()),
    }


def capital_shares(
    kvar: dict[str, int], parter: list[dict], paid: dict[tuple[str, str], int]
) -> dict[str, dict[str, int]]:
    """Every member's share of each förbund's remaining capital, by its contributions there."""
    kapital = {}
    for f in kvar:
        members = [p["Part"] for p in parter if p["Typ"] != "kommun" or p["Förbund"] == f]
        shares = largest_remainder(kvar[f], [paid.get((m, f), 0) for m in members])
        kapital[f] = dict(zip(members, shares))
    return kapital


def expected_figures(sheets: dict) -> dict:
    """calculations.md, step by step, on the plain rows a test writes into the workbook."""
    params, equity, parter = workbook_parts(sheets)
    andel = andelar(params)
    paid = paid_contributions(sheets)
    nu = current_per_part(parter, paid)
    per_forbund = current_per_forbund(list(equity), parter, paid)
    total = joint_total(params, nu)
    parts = joint_parts(total, andel)
    interim_total, interim = interim_shares(sheets, params, equity, parter, per_forbund)
    kvar = {f: equity[f] - interim[f] for f in equity}
    kapital = capital_shares(kvar, parter, paid)
    return {
        "totalt": total,
        **parts,
        "nu": nu,
        "nytt": new_contributions(parter, parts, nu),
        "per_forbund": per_forbund,
        "interim_totalt": interim_total,
        "interim": interim,
        "kvar": kvar,
        **transfers(kvar, params["Kvarvarande förbund"]),
        "kapital": kapital,
        "kapitalandel": {
            p["Part"]: kapital[p["Förbund"]][p["Part"]] for p in parter if p["Typ"] == "kommun"
        },
        "deviations": deviations_of(per_forbund, andel),
    }
