"""An independent, plain computation of calculations.md on the rows of a test workbook.

It shares no code with `pipeline`: the rows are read from the same plain lists the test
writes into the workbook, and every division is done here with Fractions.
"""

from __future__ import annotations

from fractions import Fraction


def largest_remainder(amount: int, weights: list) -> list[int]:
    weights = [Fraction(w) for w in weights]
    if sum(weights) == 0:
        weights = [Fraction(1)] * len(weights)
    exact = [amount * w / sum(weights) for w in weights]
    result = [int(e) for e in exact]  # floor: all non-negative
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - result[i]), i))
    for i in order[: amount - sum(result)]:
        result[i] += 1
    return result


def rows(sheets, name):
    header, *body = sheets[name]
    return [dict(zip(header, r)) for r in body if any(v is not None for v in r)]


def percent(value):
    return Fraction(value.rstrip(" %").replace(",", ".")) / 100 if isinstance(value, str) \
        else Fraction(str(value))


def figures(sheets) -> dict:
    params = {r["Parameter"]: r["Värde"] for r in rows(sheets, "Parametrar")}
    parter = rows(sheets, "Parter")
    forbund = rows(sheets, "Förbund")
    bidrag = rows(sheets, "Medlemsbidrag")
    interim_total = sum(int(r["Belopp (kr)"]) for r in rows(sheets, "Interimsbudget"))
    current = {p["Part"]: 0 for p in parter}
    for r in bidrag:
        current[r["Part"]] += int(r["Belopp (kr)"])
    total = params.get("Medlemsbidrag totalt")
    if total is None:  # empty: the sum of all current contributions
        total = sum(current.values())
    shares = [percent(params.get(k) or d) for k, d in
              (("Andel stat", 0.5), ("Andel region", 0.25), ("Andel kommuner", 0.25))]
    stat, region, kommun = largest_remainder(total, shares)
    new = {}
    for typ, part_total, key in (("stat", stat, "bidrag"), ("region", region, "bidrag"),
                                 ("kommun", kommun, "Invånare")):
        members = [p for p in parter if p["Typ"] == typ]
        weights = [p["Invånare"] if key == "Invånare" else current[p["Part"]] for p in members]
        new.update(zip([p["Part"] for p in members], largest_remainder(part_total, weights)))
    names = [f["Förbund"] for f in forbund]
    paid = {n: sum(int(r["Belopp (kr)"]) for r in bidrag if r["Förbund"] == n) for n in names}
    key = params.get("Fördelning interimsbudget") or "medlemsbidrag"
    basis = {
        "medlemsbidrag": [paid[n] for n in names],
        "eget kapital": [int(f["Eget kapital (kr)"]) for f in forbund],
        "invånare": [sum(p["Invånare"] for p in parter if p["Typ"] == "kommun"
                         and p["Förbund"] == n) for n in names],
        "lika": [1] * len(names),
    }[key]
    interim = dict(zip(names, largest_remainder(interim_total, basis)))
    kvar = {f["Förbund"]: int(f["Eget kapital (kr)"]) - interim[f["Förbund"]] for f in forbund}
    kept = params["Kvarvarande förbund"]
    return {
        "totalt": total, "stat": stat, "region": region, "kommun": kommun,
        "nytt": new, "nu": current, "interim": interim, "kvar": kvar,
        "overfors": {n: (0 if n == kept else v) for n, v in kvar.items()},
        "ingaende": sum(kvar.values()),
    }
