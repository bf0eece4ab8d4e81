"""The figures of `calculations.md`, computed once from the validated workbook.

Small functions that take frames and return frames: merges, group sums and columns over
whole kronor in int64. Every division of an amount goes through `money.split`; the exact
shares (`andel`, `forandring_procent`) are Fractions, formatted only when written. A
frame's int64 column reads as Python ints (iteration, `to_dict`), which is how the
contexts (`context.records`) take them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Final, cast

import numpy as np
import pandas as pd

from .formatting import nearest_krona, plain_grouped, plain_procent
from .frames import optional
from .money import split
from .problems import Problem, UserError
from .validate import Arbetsbok, Parametrar

TYPER = ("stat", "region", "kommun")  # the kinds of party (Typ), in the order of the law
TYP_NAMN = {"stat": "staten", "region": "regionen", "kommun": "kommunerna"}
KRONOR: Final = "int64"
# Any one amount or population above this is an error naming its cell: far beyond any county,
# and 5 000 rows of it (archive.MAX_ROWS) still add up within int64.
LIMIT = 10**12


@dataclass(frozen=True)
class Figures:
    per_forbund: pd.DataFrame  # current contributions: forbund, stat, region, kommun, totalt
    parter: pd.DataFrame  # per party: namn, typ, forbund, invanare, andel, bidrag_nu, bidrag_nytt…
    delar: dict[str, int]  # totalt, stat, region, kommun, nu_totalt, nu_kommuner, invanare_totalt
    interimsbudget: pd.DataFrame  # post, omfattning, belopp
    finansiering: pd.DataFrame  # forbund, underlag, belopp
    kapital: pd.DataFrame  # forbund, eget_kapital, interimsandel, kvar, overfors, behalls, …
    warnings: tuple[str, ...]

    @property
    def interim_totalt(self) -> int:
        return int(self.interimsbudget["belopp"].sum())


def compute(bok: Arbetsbok) -> Figures:
    """All figures; raise UserError with every problem that stops them (an amount beyond
    LIMIT, a share of the interim budget above a förbund's equity)."""
    problems = limit_problems(bok)
    if problems:
        raise UserError(problems)
    p = bok.parametrar
    bidrag = payments(bok.medlemsbidrag, bok.parter)
    per_party = current_per_party(bok.parter, bidrag)
    per_forbund = current_per_forbund(bok.forbund, bidrag)
    delar = joint_parts(p, per_party)
    interimsbudget = bok.interimsbudget[["post", "omfattning", "belopp"]].astype({"belopp": KRONOR})
    finansiering = interim_financing(
        bok.forbund,
        per_party,
        per_forbund,
        int(interimsbudget["belopp"].sum()),
        p.fordelning_interimsbudget,
    )
    problems = equity_problems(bok, finansiering)
    if problems:
        raise UserError(problems)
    kapital = capital_transfers(bok.forbund, finansiering, p.kvarvarande_forbund)
    return Figures(
        per_forbund=per_forbund,
        parter=with_capital_shares(joint_contributions(per_party, delar), kapital, bidrag),
        delar=delar,
        interimsbudget=interimsbudget.reset_index(drop=True),
        finansiering=finansiering,
        kapital=kapital,
        warnings=tuple(finsam_warnings(per_forbund, p)),
    )


def limit_problems(bok: Arbetsbok) -> list[Problem]:
    """Every amount and population above LIMIT, by its cell."""
    columns = (
        ("Medlemsbidrag", bok.medlemsbidrag, "belopp"),
        ("Förbund", bok.forbund, "eget_kapital"),
        ("Interimsbudget", bok.interimsbudget, "belopp"),
        ("Parter", bok.parter, "invanare"),
    )
    expected = f"ett tal på högst {plain_grouped(LIMIT)}"
    problems = [
        Problem(bok.cell(sheet, key, rad), expected, plain_grouped(value), bok.tables[sheet].header(key))
        for sheet, frame, key in columns
        for rad, value in zip(frame["rad"], frame[key])
        if value is not None and value > LIMIT
    ]
    totalt = bok.parametrar.medlemsbidrag_totalt
    if totalt is not None and totalt > LIMIT:
        where = bok.parametrar.cells.get("medlemsbidrag_totalt", "Parametrar")
        problems.append(Problem(where, expected, plain_grouped(totalt), "Medlemsbidrag totalt"))
    return problems


def kronor(values: pd.Series) -> pd.Series:
    """A column of whole kronor (or people) as int64."""
    return values.astype(KRONOR)


def split_within(frame: pd.DataFrame, by: str, weight: str, amounts: Mapping) -> pd.Series:
    """Each amount of `amounts` (by the value of column `by`) divided among the rows that have
    that value, in proportion to `weight`, in row order (`money.split`)."""
    shares = np.zeros(len(frame), dtype=KRONOR)
    for key, amount in amounts.items():
        rows = (frame[by] == key).to_numpy()
        shares[rows] = split(int(amount), frame.loc[rows, weight].tolist())
    return pd.Series(shares, index=frame.index)


def exact_ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator as exact Fractions, None where the denominator is 0."""
    values = [Fraction(n, d) if d else None for n, d in zip(numerator.tolist(), denominator.tolist())]
    return pd.Series(values, index=numerator.index, dtype=object)


# --- 1. current contributions ------------------------------------------------------------------


def payments(bidrag: pd.DataFrame, parter: pd.DataFrame) -> pd.DataFrame:
    """The rows of `Medlemsbidrag` (part, forbund, belopp) with the paying party's typ."""
    typ = parter[["namn", "typ"]].rename(columns={"namn": "part"})
    rows = bidrag[["part", "forbund", "belopp"]].astype({"belopp": KRONOR})
    return rows.merge(typ, on="part", how="left", validate="many_to_one")


def current_per_party(parter: pd.DataFrame, bidrag: pd.DataFrame) -> pd.DataFrame:
    """Every party in workbook order with the sum of its rows in `Medlemsbidrag`, and its weight
    in the joint förbund: a kommun's population, what a region or stat party pays."""
    paid = bidrag.groupby("part", sort=False)["belopp"].sum()
    frame = parter[["namn", "kortnamn", "typ", "forbund", "invanare"]].reset_index(drop=True)
    frame["bidrag_nu"] = paid.reindex(frame["namn"], fill_value=0).to_numpy(dtype=KRONOR)
    kommun = frame["typ"] == "kommun"
    frame["vikt"] = kronor(frame["invanare"].where(kommun, frame["bidrag_nu"]))
    return frame


def current_per_forbund(forbund: pd.DataFrame, bidrag: pd.DataFrame) -> pd.DataFrame:
    """What each förbund is paid today, per typ and in total."""
    table = (
        bidrag.groupby(["forbund", "typ"])["belopp"]
        .sum()
        .unstack(fill_value=0)
        .reindex(index=forbund["forbund"], columns=list(TYPER), fill_value=0)
        .astype(KRONOR)
    )
    table["totalt"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def finsam_warnings(per_forbund: pd.DataFrame, p: Parametrar) -> list[str]:
    """A typ deviating more than 1 % of the förbund's total from its Andel is a warning."""
    andel = andelar(p)
    by_typ = per_forbund.set_index(["forbund", "totalt"])[list(TYPER)].rename_axis(columns="typ")
    rows = (
        cast(pd.Series, by_typ.stack())  # one row per förbund and typ, in that order
        .rename("belopp")
        .reset_index()
        .astype({"belopp": object, "totalt": object})  # Python ints, for exact Fractions
    )
    expected = rows["typ"].map(andel) * rows["totalt"]
    deviating = rows[(rows["belopp"] - expected).abs() * 100 > rows["totalt"]]
    return [deviation_text(r, andel[r["typ"]]) for r in deviating.to_dict("records")]


def deviation_text(row: Mapping, andel: Fraction) -> str:
    belopp, totalt = row["belopp"], row["totalt"]
    return (
        f"{row['forbund']}: {TYP_NAMN[row['typ']]} betalar {plain_grouped(belopp)} kr av "
        f"{plain_grouped(totalt)} kr ({plain_procent(Fraction(belopp, totalt))}), Finsam anger "
        f"{plain_procent(andel)} ({plain_grouped(nearest_krona(andel * totalt))} kr)."
    )


def andelar(p: Parametrar) -> dict[str, Fraction]:
    return {"stat": p.andel_stat, "region": p.andel_region, "kommun": p.andel_kommuner}


# --- 2. contributions to the joint förbund ------------------------------------------------------


def joint_parts(p: Parametrar, per_party: pd.DataFrame) -> dict[str, int]:
    nu_totalt = int(per_party["bidrag_nu"].sum())
    totalt = p.medlemsbidrag_totalt if p.medlemsbidrag_totalt is not None else nu_totalt
    andel = andelar(p)
    delar = dict(zip(TYPER, split(totalt, [andel[t] for t in TYPER])))
    kommuner = per_party[per_party["typ"] == "kommun"]
    return {
        "totalt": totalt,
        **delar,
        "nu_totalt": nu_totalt,
        "nu_kommuner": int(kommuner["bidrag_nu"].sum()),
        "invanare_totalt": int(kommuner["vikt"].sum()),
    }


def joint_contributions(per_party: pd.DataFrame, delar: Mapping[str, int]) -> pd.DataFrame:
    """New contribution per party: each typ's part split by the parties' weights; `andel` is
    the party's exact share of its typ (equal shares when no one of the typ weighs anything)."""
    frame = per_party.copy()
    frame["bidrag_nytt"] = split_within(frame, "typ", "vikt", {t: delar[t] for t in TYPER})
    by_typ = frame.groupby("typ", sort=False)["vikt"]
    total, count = by_typ.transform("sum"), by_typ.transform("size")
    weighs = total != 0
    frame["andel"] = exact_ratio(frame["vikt"].where(weighs, 1), total.where(weighs, count))
    frame["forandring_kr"] = frame["bidrag_nytt"] - frame["bidrag_nu"]
    frame["forandring_procent"] = exact_ratio(frame["forandring_kr"], frame["bidrag_nu"])
    return frame.drop(columns="vikt")


# --- 3. the interim budget --------------------------------------------------------------------


def interim_basis(
    forbund: pd.DataFrame, per_party: pd.DataFrame, per_forbund: pd.DataFrame, key: str
) -> pd.Series:
    """Each förbund's weight under the key of Fördelning interimsbudget, in Förbund order."""
    names = forbund["forbund"]
    if key == "medlemsbidrag":
        basis = per_forbund.set_index("forbund")["totalt"].reindex(names)
    elif key == "eget kapital":
        basis = forbund["eget_kapital"]
    elif key == "invånare":
        kommuner = per_party[per_party["typ"] == "kommun"]
        basis = kommuner.groupby("forbund")["vikt"].sum().reindex(names, fill_value=0)
    elif key == "lika":
        basis = pd.Series(1, index=names.index)
    else:
        raise ValueError(f"unknown key {key!r}")
    return kronor(pd.Series(basis.to_numpy(), index=names.index))


def interim_financing(
    forbund: pd.DataFrame, per_party: pd.DataFrame, per_forbund: pd.DataFrame, totalt: int, key: str
) -> pd.DataFrame:
    frame = forbund[["forbund"]].reset_index(drop=True)
    frame["underlag"] = interim_basis(forbund, per_party, per_forbund, key).to_numpy()
    frame["belopp"] = pd.Series(split(totalt, frame["underlag"].tolist()), dtype=KRONOR)
    return frame


def equity_problems(bok: Arbetsbok, finansiering: pd.DataFrame) -> list[Problem]:
    """A förbund whose share of the interim budget is above its equity, by its cell."""
    rows = finansiering.assign(
        rad=bok.forbund["rad"].to_numpy(), kapital=bok.forbund["eget_kapital"].to_numpy()
    )
    return [
        Problem(
            bok.cell("Förbund", "eget_kapital", r["rad"]),
            f"minst {plain_grouped(r['belopp'])} kr: {r['forbund']} ska bära {plain_grouped(r['belopp'])} "
            "kr av interimsbudgeten och kan inte betala mer än sitt egna kapital",
            plain_grouped(r["kapital"]),
            bok.tables["Förbund"].header("eget_kapital"),
        )
        for r in rows[rows["belopp"] > kronor(rows["kapital"])].to_dict("records")
    ]


# --- 4. capital transfers ---------------------------------------------------------------------


def capital_transfers(
    forbund: pd.DataFrame, finansiering: pd.DataFrame, kvarvarande: str
) -> pd.DataFrame:
    frame = forbund[["forbund"]].reset_index(drop=True)
    frame["eget_kapital"] = kronor(forbund["eget_kapital"]).to_numpy()
    frame["interimsandel"] = finansiering["belopp"].to_numpy()
    frame["kvar"] = frame["eget_kapital"] - frame["interimsandel"]
    keep = frame["forbund"] == kvarvarande
    frame["overfors"] = frame["kvar"].where(~keep, 0)
    frame["behalls"] = frame["kvar"].where(keep, 0)
    frame["ar_kvarvarande"] = keep
    return frame


def with_capital_shares(
    parter: pd.DataFrame, kapital: pd.DataFrame, bidrag: pd.DataFrame
) -> pd.DataFrame:
    """Each kommun's share of its förbund's remaining capital, split among the förbund's members
    (its kommuner, and the region and the state parties, members of every förbund) by what
    they pay it; None for the region and the state parties."""
    parties = parter[["namn", "typ", "forbund"]].rename(columns={"forbund": "eget"})
    members = kapital[["forbund"]].merge(parties, how="cross")
    members = members[(members["typ"] != "kommun") | (members["eget"] == members["forbund"])]
    paid = bidrag.groupby(["part", "forbund"])["belopp"].sum()
    keys = pd.MultiIndex.from_arrays([members["namn"], members["forbund"]])
    members = members.assign(betalt=paid.reindex(keys, fill_value=0).to_numpy(dtype=KRONOR))
    members["andel"] = split_within(
        members, "forbund", "betalt", dict(zip(kapital["forbund"], kapital["kvar"]))
    )
    own = members[members["typ"] == "kommun"].set_index("namn")["andel"]
    frame = parter.copy()
    frame["kapitalandel"] = optional(frame["namn"].map(own.astype(object)))
    return frame
