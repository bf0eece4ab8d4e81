"""Build what a template sees for one party and one decision step.

The context is plain data (dicts, lists, str, int, Fraction, date): the validated
workbook's values and the computed figures, never formatted here. Formatting is
the templates' business, through the filters in `formatting.py`. `variables.py`
documents every name from a real context, so the list cannot drift from this code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schema, wording
from .compute import Figures
from .formatting import lista
from .images import Image
from .validate import Arbetsbok, Parametrar

# The Parter columns a party is known by; its other columns are text the templates print.
PARTY_IDENTITY = ("namn", "kortnamn", "typ", "forbund", "invanare")
# The columns of the party tables (`parter`, `kommuner`): who, and the computed figures.
TABLE_KEYS = (
    *PARTY_IDENTITY,
    "andel",
    "bidrag_nu",
    "bidrag_nytt",
    "forandring_kr",
    "forandring_procent",
)
DRAFT_MARK = "UTKAST – exempeldata"
LOGO_HEIGHT_MM = 12  # the letterhead has room for this much above the body
KEY_TEXT = {
    "medlemsbidrag": "förbundens medlemsbidrag",
    "eget kapital": "förbundens egna kapital",
    "invånare": "antalet invånare i förbundens kommuner",
    "lika": "lika delar",
}


def parties_for_step(bok: Arbetsbok, steg: dict, payers: set[str]) -> list[str]:
    """Parties that get a paper: Beslutande organ filled in and a Typ the step applies to;
    when the step's Gäller says `betalande`, only the `payers` (those paying in Budgetår)."""
    paying_only = schema.PAYING in steg["galler"]
    return [
        str(row.namn)
        for row in bok.parter.itertuples()
        if row.beslutande_organ and row.typ in steg["galler"] and (not paying_only or row.namn in payers)
    ]


def payers(figures: Figures) -> set[str]:
    """The parties whose contribution in Budgetår is more than nothing."""
    return {
        namn for namn, belopp in zip(figures.parter["namn"], figures.parter["bidrag_nytt"]) if belopp > 0
    }


def steps(bok: Arbetsbok) -> list[dict]:
    return [step_context(row) for row in bok.beslutssteg.to_dict("records")]


def step_context(row: dict) -> dict:
    return {
        "nummer": int(row["steg"]),
        "rubrik": row["rubrik"],
        "mall": row["mall"],
        "datum": row["datum"],
        "sista_svarsdag": row["sista_svarsdag"],
        "galler": list(row["galler"]),
        "extra": row["extra"],
    }


def party_text_keys() -> list[str]:
    """The Parter columns that are text for the templates (`part.<key>`), from the schema:
    the contact columns last, as the footer lists them."""
    text = [c for c in schema.PARTER.columns if c.key not in PARTY_IDENTITY]
    return [c.key for c in text if not c.contact] + [c.key for c in text if c.contact]


def contact_labels() -> list[tuple[str, str]]:
    """(key, label) of each line of a party's contact block, from the schema."""
    return [(c.key, c.contact) for c in schema.PARTER.columns if c.contact]


def parameter_context(p: Parametrar) -> dict:
    """Every parameter of the schema by its key; a text left empty is "" for the templates."""
    return {
        par.key: "" if par.kind == schema.TEXT and p.values[par.key] is None else p.values[par.key]
        for par in schema.PARAMETERS
    }


def shared_context(bok: Arbetsbok, figures: Figures) -> dict:
    """Everything that is the same for every paper of a build: the parameters as they are,
    and what is computed from them and the sheets."""
    p = bok.parametrar
    forbund = forbund_rows(bok, figures)
    kept = next(f for f in forbund if f["ar_kvarvarande"])
    wound_up = [f for f in forbund if not f["ar_kvarvarande"]]
    parter = records(bok.parter)
    bidrag = {
        "totalt": figures.delar["totalt"],
        "stat": figures.delar["stat"],
        "region": figures.delar["region"],
        "kommuner": figures.delar["kommun"],
        "nu_totalt": figures.delar["nu_totalt"],
        "nu_kommuner": figures.delar["nu_kommuner"],
        "invanare_totalt": figures.delar["invanare_totalt"],
        "forandring_kommuner": figures.delar["kommun"] - figures.delar["nu_kommuner"],
    }
    return {
        **parameter_context(p),
        "dagen_fore_start": p.startdatum - dt.timedelta(days=1),
        "exempeldata": p.exempeldata == "ja",
        "utkast_markering": DRAFT_MARK if p.exempeldata == "ja" else "",
        "extra": dict(p.extra),
        "forbund": forbund,
        "kvarvarande_forbund": kept,
        "avvecklade_forbund": wound_up,
        "avvecklade_namn_text": lista(f["namn"] for f in wound_up),
        "avvecklade_forbundsordningar_text": wording.wound_up_orders_text(wound_up),
        "andelar_text": wording.shares_text(p.andel_stat, p.andel_region, p.andel_kommuner),
        **wording.forbund_words(forbund),
        "medlemmar_text": wording.members_text(parter),
        "lanstackande_text": lista(
            [
                *(r["namn"] for r in parter if r["typ"] == "stat"),
                *(r["namn"] for r in parter if r["typ"] == "region"),
            ]
        ),
        **wording.share_texts(parter, bidrag, payers(figures)),
        "tidplan": wording.timetable(steps(bok)),
        "uppfoljning_ar": wording.follow_up_year(p.startdatum),
        "bidrag": bidrag,
        "interimsbudget": {
            "poster": interim_posts(figures.interimsbudget),
            "totalt": figures.interim_totalt,
            "nyckel": p.fordelning_interimsbudget,
            "nyckel_text": KEY_TEXT[p.fordelning_interimsbudget],
            "finansiering": records(figures.finansiering),
        },
        "kapital": capital_context(figures.kapital, {f["namn"]: f["balansdag"] for f in forbund}),
    }


@dataclass(frozen=True)
class Lookup:
    """What the papers of one build share, computed once: the shared context, the rows of
    the party tables, and each party's workbook row, figures and cases by name."""

    shared: dict
    rows: list[dict]
    parter: dict[str, dict]
    figures: dict[str, dict]
    cases: dict[tuple[str, int], dict]
    rubrik: dict[int, str]
    logos: dict[str, Image]  # by party; a party without a logo has none


def lookup(bok: Arbetsbok, figures: Figures, folder: Path) -> Lookup:
    """`folder`: the workbook's folder, where the parties' logos are."""
    figure_rows = records(figures.parter)
    return Lookup(
        shared=shared_context(bok, figures),
        rows=[{k: r[k] for k in TABLE_KEYS} for r in figure_rows],
        parter={r["namn"]: r for r in records(bok.parter)},
        figures={r["namn"]: r for r in figure_rows},
        cases={(r["part"], r["steg"]): r for r in records(bok.arenden)},
        rubrik=dict(zip(bok.beslutssteg["steg"], bok.beslutssteg["rubrik"])),
        logos={
            r["namn"]: Image(folder / r["logotyp"], r["namn"], height_mm=LOGO_HEIGHT_MM)
            for r in records(bok.parter)
            if r.get("logotyp")
        },
    )


def paper_inputs(lk: Lookup, steg: dict, part: str) -> dict:
    """Everything of one paper's context that is not shared by the whole build."""
    row = lk.parter[part]
    return {
        "steg": steg,
        "part": party_context(row, lk.figures[part]),
        "arende": case_context(lk.cases.get((part, steg["nummer"]))),
        "tidigare_beslut": earlier_decisions(lk, steg["nummer"], part, row["beslutande_organ"] or ""),
    }


def paper_context(lk: Lookup, steg: dict, part: str, bilagor: list[dict]) -> dict:
    """The context of one paper: the shared part plus the party, its förbund and the step;
    `bilagor` are the step's bilagor that concern the party, numbered (`bilagor.py`)."""
    own = paper_inputs(lk, steg, part)
    rows = [{**r, "ar_denna_part": r["namn"] == part} for r in lk.rows]
    shared = lk.shared
    eget = next((f for f in shared["forbund"] if f["namn"] == own["part"]["forbund"]), None)
    member_of = [eget] if eget else shared["forbund"]
    paragraph = {f["namn"]: f["likvidationsparagraf"] for f in shared["forbund"]}
    changed = [
        {
            "namn": b["forbund"],
            "bilaga": b["nummer"],
            "paragraf_text": paragraph[b["forbund"]] or "paragrafen",
        }
        for b in bilagor
        if b["forbund"]
    ]
    remiss = own["arende"]["remitterat_till"]
    return {
        **shared,
        **own,
        "eget_forbund": eget,
        "eget_forbund_kvarstar": bool(eget and eget["ar_kvarvarande"]),
        "eget_forbund_avvecklas": bool(eget and not eget["ar_kvarvarande"]),
        "parter": rows,
        "kommuner": [r for r in rows if r["typ"] == "kommun"],
        "avslag_tidigare": any(d["beslut"] == "avslag" for d in own["tidigare_beslut"]),
        "delegering_text": wording.delegation_text(
            own["part"], eget, shared, own["part"]["representant"]
        ),
        "nuvarande_bidrag_text": wording.current_fee_text(eget, shared),
        "andrade_forbundsordningar": changed,
        "bilagor": bilagor,
        "logotyp": lk.logos.get(part, ""),
        "kopia_till": [*(f["namn"] for f in member_of), *([remiss] if remiss else [])],
    }


def party_context(row: dict, figure: dict) -> dict:
    text = {key: row.get(key) or "" for key in party_text_keys()}
    return {
        "namn": row["namn"],
        "kortnamn": row["kortnamn"],
        "typ": row["typ"],
        "ar_kommun": row["typ"] == "kommun",
        "ar_region": row["typ"] == "region",
        "ar_stat": row["typ"] == "stat",
        "forbund": row["forbund"],
        "invanare": row["invanare"],
        **text,
        "kontaktrader": [f"{label}: {text[key]}" for key, label in contact_labels() if text[key]],
        "sidfot": wording.footer_columns(text, dict(contact_labels())),
        "forvaltning_avdelning": ", ".join(t for t in (text["forvaltning"], text["avdelning"]) if t),
        **wording.party_words({**row, **text}),
        **computed_figures(figure),  # every column compute adds to the party's row
        "forandring_text": wording.change_text(figure["forandring_kr"], figure["forandring_procent"]),
        "har_kapitalandel": figure["kapitalandel"] is not None,
        "extra": row["extra"],
    }


def computed_figures(figure: dict) -> dict:
    """The party's figures from `compute` (bidrag_nu, bidrag_nytt, forandring_kr, …): every
    column of `Figures.parter` that is not the party's own workbook data, so that a new
    figure reaches the templates as `part.<column>` without an edit here."""
    return {k: v for k, v in figure.items() if k not in PARTY_IDENTITY}


def forbund_rows(bok: Arbetsbok, figures: Figures) -> list[dict]:
    kapital = {r["forbund"]: r for r in records(figures.kapital)}
    paid = dict(zip(figures.per_forbund["forbund"], figures.per_forbund["totalt"]))
    kommuner = bok.parter[bok.parter["typ"] == "kommun"]
    rows = []
    for f in bok.forbund.to_dict("records"):
        name = f["forbund"]
        members = kommuner[kommuner["forbund"] == name]
        k = kapital[name]
        rows.append(
            {
                "namn": name,
                "organisationsnummer": f["organisationsnummer"] or "",
                "eget_kapital": f["eget_kapital"],
                "balansdag": f["balansdag"],
                "ordforande": f["ordforande"] or "",
                "likvidationsparagraf": f.get("likvidationsparagraf") or "",
                "bidrag_nu": paid[name],
                "kommuner": list(members["namn"]),
                "invanare": int(sum(int(i) for i in members["invanare"])),
                "interimsandel": k["interimsandel"],
                "kvar": k["kvar"],
                "overfors": k["overfors"],
                "ar_kvarvarande": k["ar_kvarvarande"],
                "extra": f["extra"],
            }
        )
    return rows


def interim_posts(budget: pd.DataFrame) -> list[dict]:
    """The budget's rows; `text` is the post with its omfattning in brackets when given."""
    rows = records(budget)
    for r in rows:
        r["omfattning"] = r.get("omfattning") or ""
        r["text"] = f"{r['post']} ({r['omfattning']})" if r["omfattning"] else r["post"]
    return rows


def capital_context(kapital: pd.DataFrame, balansdag: dict) -> dict:
    rader = [{**r, "balansdag": balansdag[r["forbund"]]} for r in records(kapital)]
    return {
        "rader": rader,
        "summa_eget_kapital": sum(r["eget_kapital"] for r in rader),
        "summa_interimsandel": sum(r["interimsandel"] for r in rader),
        "ingaende_eget_kapital": sum(r["kvar"] for r in rader),
        "overfors_totalt": sum(r["overfors"] for r in rader),
        "behalls": sum(r["behalls"] for r in rader),
    }


def case_context(case: dict | None) -> dict:
    if case is None:
        case = {}
    text = ("diarienummer", "paragraf", "beslut", "remitterat_till", "yttrande", "bedomning")
    return {**{key: case.get(key) or "" for key in text}, "beslutsdatum": case.get("beslutsdatum")}


def earlier_decisions(lk: Lookup, steg: int, part: str, organ: str) -> list[dict]:
    decided = sorted(
        (r for (p, n), r in lk.cases.items() if p == part and n < steg and r["beslut"]),
        key=lambda r: r["steg"],
    )
    result = []
    for r in decided:
        rubrik = lk.rubrik[r["steg"]]
        text = wording.decision_text(organ or part, r, rubrik)
        result.append(
            {
                "steg": int(r["steg"]),
                "rubrik": rubrik,
                "beslutsdatum": r["beslutsdatum"],
                "paragraf": r["paragraf"] or "",
                "beslut": r["beslut"],
                "text": " ".join(text.split()),
            }
        )
    return result


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (no numpy scalars reach a template)."""
    return [{k: python_value(v) for k, v in row.items()} for row in frame.to_dict("records")]


def python_value(value: object) -> object:
    """A numpy scalar (what pandas gives back) as the Python value it holds."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value
