"""The figures of `calculations.md`, computed once from the validated workbook.

Small functions that take frames and return frames; every division of an amount
goes through `money.split`. All amounts are Python ints; percentages are exact
Fractions (formatted only when written).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from .frames import object_frame, with_column
from .money import split
from .problems import Problem
from .validate import Arbetsbok, Parametrar

PARTS = ("stat", "region", "kommun")


@dataclass(frozen=True)
class Figures:
    per_forbund: pd.DataFrame  # current contributions: forbund, stat, region, kommun, totalt
    parter: pd.DataFrame  # per party: namn, typ, forbund, invanare, andel, bidrag_nu, bidrag_nytt…
    delar: dict  # totalt, stat, region, kommun, nu_totalt, nu_kommuner, invanare_totalt
    interimsbudget: pd.DataFrame  # post, omfattning, belopp
    finansiering: pd.DataFrame  # forbund, underlag, belopp
    kapital: pd.DataFrame  # forbund, eget_kapital, interimsandel, kvar, overfors, behalls, …
    warnings: tuple[str, ...]

    @property
    def interim_totalt(self) -> int:
        return int(sum(self.interimsbudget["belopp"]))


def compute(bok: Arbetsbok) -> tuple[Figures | None, list[Problem]]:
    """All figures, or None and the problems that stop them (a share above equity)."""
    p = bok.parametrar
    per_party = current_per_party(bok.parter, bok.medlemsbidrag)
    per_forbund = current_per_forbund(bok.forbund, bok.parter, bok.medlemsbidrag)
    delar = joint_parts(p, per_party)
    parter = joint_contributions(per_party, delar)
    finansiering = interim_financing(
        bok.forbund, bok.parter, per_forbund, total_of(bok.interimsbudget), p.fordelning_interimsbudget
    )
    problems = equity_problems(bok, finansiering)
    if problems:
        return None, problems
    kapital = capital_transfers(bok.forbund, finansiering, p.kvarvarande_forbund)
    parter = with_capital_shares(parter, kapital, bok.parter, bok.medlemsbidrag)
    figures = Figures(
        per_forbund=per_forbund,
        parter=parter,
        delar=delar,
        interimsbudget=bok.interimsbudget[["post", "omfattning", "belopp"]].reset_index(drop=True),
        finansiering=finansiering,
        kapital=kapital,
        warnings=tuple(finsam_warnings(per_forbund, p)),
    )
    return figures, problems


def total_of(frame: pd.DataFrame, column: str = "belopp") -> int:
    return int(sum(int(v) for v in frame[column]))


# --- 1. current contributions ------------------------------------------------------------------


def current_per_party(parter: pd.DataFrame, bidrag: pd.DataFrame) -> pd.DataFrame:
    """Every party in workbook order with the sum of its rows in `Medlemsbidrag`."""
    paid = {name: 0 for name in parter["namn"]}
    for name, amount in zip(bidrag["part"], bidrag["belopp"]):
        paid[name] += int(amount)
    frame = parter[["namn", "kortnamn", "typ", "forbund", "invanare"]].reset_index(drop=True)
    return with_column(frame, "bidrag_nu", [paid[n] for n in frame["namn"]])


def current_per_forbund(
    forbund: pd.DataFrame, parter: pd.DataFrame, bidrag: pd.DataFrame
) -> pd.DataFrame:
    typ = dict(zip(parter["namn"], parter["typ"]))
    rows = []
    for name in forbund["forbund"]:
        mine = bidrag[bidrag["forbund"] == name]
        row = {"forbund": name}
        for part in PARTS:
            row[part] = int(sum(int(b) for n, b in zip(mine["part"], mine["belopp"]) if typ[n] == part))
        row["totalt"] = row["stat"] + row["region"] + row["kommun"]
        rows.append(row)
    return pd.DataFrame(rows, columns=["forbund", *PARTS, "totalt"], dtype=object)


def finsam_warnings(per_forbund: pd.DataFrame, p: Parametrar) -> list[str]:
    """A part deviating more than 1 % of the förbund's total from its Andel is a warning."""
    andel = {"stat": p.andel_stat, "region": p.andel_region, "kommun": p.andel_kommuner}
    names = {"stat": "staten", "region": "regionen", "kommun": "kommunerna"}
    warnings = []
    for row in per_forbund.itertuples():
        for part in PARTS:
            expected = andel[part] * row.totalt
            actual = getattr(row, part)
            if row.totalt and abs(actual - expected) > Fraction(row.totalt, 100):
                warnings.append(
                    f"{row.forbund}: {names[part]} betalar {grouped(actual)} kr av "
                    f"{grouped(row.totalt)} kr ({percent(Fraction(actual, row.totalt))}), "
                    f"Finsam anger {percent(andel[part])} ({grouped(round(expected))} kr)."
                )
    return warnings


def grouped(amount: int) -> str:
    return f"{amount:,}".replace(",", " ")


def percent(value: Fraction) -> str:
    return f"{float(value * 100):.1f} %".replace(".", ",")


# --- 2. contributions to the joint förbund ------------------------------------------------------


def joint_parts(p: Parametrar, per_party: pd.DataFrame) -> dict:
    nu_totalt = total_of(per_party, "bidrag_nu")
    totalt = p.medlemsbidrag_totalt if p.medlemsbidrag_totalt is not None else nu_totalt
    stat, region, kommun = split(totalt, [p.andel_stat, p.andel_region, p.andel_kommuner])
    kommuner = per_party[per_party["typ"] == "kommun"]
    return {
        "totalt": totalt,
        "stat": stat,
        "region": region,
        "kommun": kommun,
        "nu_totalt": nu_totalt,
        "nu_kommuner": total_of(kommuner, "bidrag_nu"),
        "invanare_totalt": int(sum(int(v) for v in kommuner["invanare"])),
    }


def joint_contributions(per_party: pd.DataFrame, delar: dict) -> pd.DataFrame:
    """New contribution per party: kommuner by population, region and stat by what they pay."""
    new: dict[int, int] = {}
    share: dict[int, Fraction] = {}
    for part in PARTS:
        rows = per_party[per_party["typ"] == part]
        weights = [int(w) for w in rows["invanare" if part == "kommun" else "bidrag_nu"]]
        new.update(zip(rows.index, split(delar[part], weights)))
        total = sum(weights)
        share.update(
            (i, Fraction(w, total) if total else Fraction(1, len(weights)))
            for i, w in zip(rows.index, weights)
        )
    frame = with_column(per_party, "bidrag_nytt", [new[i] for i in per_party.index])
    frame = with_column(frame, "andel", [share[i] for i in per_party.index])
    change = [int(n) - int(c) for n, c in zip(frame["bidrag_nytt"], frame["bidrag_nu"])]
    frame = with_column(frame, "forandring_kr", change)
    return with_column(
        frame,
        "forandring_procent",
        [Fraction(d, int(c)) if c else None for d, c in zip(change, frame["bidrag_nu"])],
    )


# --- 3. the interim budget --------------------------------------------------------------------


def interim_basis(
    forbund: pd.DataFrame, parter: pd.DataFrame, per_forbund: pd.DataFrame, key: str
) -> list[int]:
    """Each förbund's weight under the key of Fördelning interimsbudget."""
    if key == "medlemsbidrag":
        paid = dict(zip(per_forbund["forbund"], per_forbund["totalt"]))
        return [int(paid[n]) for n in forbund["forbund"]]
    if key == "eget kapital":
        return [int(v) for v in forbund["eget_kapital"]]
    if key == "invånare":
        kommuner = parter[parter["typ"] == "kommun"]
        return [
            int(sum(int(i) for f, i in zip(kommuner["forbund"], kommuner["invanare"]) if f == n))
            for n in forbund["forbund"]
        ]
    if key == "lika":
        return [1] * len(forbund)
    raise ValueError(f"unknown key {key!r}")


def interim_financing(forbund, parter, per_forbund, totalt: int, key: str) -> pd.DataFrame:
    basis = interim_basis(forbund, parter, per_forbund, key)
    return object_frame(
        {
            "forbund": forbund["forbund"],
            "underlag": basis,
            "belopp": split(totalt, basis),
        }
    )


def equity_problems(bok: Arbetsbok, finansiering: pd.DataFrame) -> list[Problem]:
    problems = []
    for rad, kapital, share, name in zip(
        bok.forbund["rad"], bok.forbund["eget_kapital"], finansiering["belopp"], finansiering["forbund"]
    ):
        if share > kapital:
            problems.append(
                Problem(
                    bok.cell("Förbund", "eget_kapital", rad),
                    f"minst {grouped(share)} kr: {name} ska bära {grouped(share)} kr av "
                    f"interimsbudgeten och kan inte betala mer än sitt egna kapital",
                    grouped(int(kapital)),
                    bok.tables["Förbund"].header("eget_kapital"),
                )
            )
    return problems


# --- 4. capital transfers ---------------------------------------------------------------------


def capital_transfers(
    forbund: pd.DataFrame, finansiering: pd.DataFrame, kvarvarande: str
) -> pd.DataFrame:
    names = list(forbund["forbund"])
    equity = [int(v) for v in forbund["eget_kapital"]]
    interim = [int(v) for v in finansiering["belopp"]]
    kvar = [e - i for e, i in zip(equity, interim)]
    keep = [n == kvarvarande for n in names]
    return object_frame(
        {
            "forbund": names,
            "eget_kapital": equity,
            "interimsandel": interim,
            "kvar": kvar,
            "overfors": [0 if k else v for k, v in zip(keep, kvar)],
            "behalls": [v if k else 0 for k, v in zip(keep, kvar)],
            "ar_kvarvarande": keep,
        }
    )


def with_capital_shares(
    parter: pd.DataFrame, kapital: pd.DataFrame, workbook_parter, bidrag: pd.DataFrame
) -> pd.DataFrame:
    """Each kommun's share of its förbund's remaining capital, by what the members (its
    kommuner, the region and the state parties) pay it."""
    rows = list(zip(workbook_parter["namn"], workbook_parter["typ"], workbook_parter["forbund"]))
    paid: dict[tuple[str, str], int] = {}
    for n, f, b in zip(bidrag["part"], bidrag["forbund"], bidrag["belopp"]):
        paid[(n, f)] = paid.get((n, f), 0) + int(b)
    andel: dict[str, int] = {}
    for name, kvar in zip(kapital["forbund"], kapital["kvar"]):
        members = [n for n, t, f in rows if t != "kommun" or f == name]
        shares = split(int(kvar), [paid.get((n, name), 0) for n in members])
        andel.update(
            (n, share)
            for (n, t, f), share in zip((r for r in rows if r[1] != "kommun" or r[2] == name), shares)
            if t == "kommun"
        )
    return with_column(parter, "kapitalandel", [andel.get(n) for n in parter["namn"]])
