"""The computed figures as tables: for the terminal (`papers budget`) and for
`out/sammanstallning.xlsx`. One list of tables serves both, so they cannot differ."""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .compute import PARTS, Figures
from .formatting import belopp, forandring, forandring_procent, procent
from .reproducible import normalized_zip
from .validate import Arbetsbok

TEXT, AMOUNT, COUNT, CHANGE, SHARE, CHANGE_SHARE = (
    "text",
    "amount",
    "count",
    "change",
    "share",
    "change_share",
)
# Excel format codes are stored in English syntax: "," groups thousands and is shown with
# the reader's own separator (a space in Swedish Excel and Calc).
XLSX_FORMATS = {AMOUNT: "#,##0", COUNT: "#,##0", CHANGE: "+#,##0;−#,##0;0"}
PART_NAMES = {"stat": "Staten", "region": "Regionen", "kommun": "Kommunerna"}


@dataclass(frozen=True)
class Table:
    name: str  # also the sheet's name: at most 31 characters
    title: str
    columns: tuple[tuple[str, str], ...]  # (header, kind)
    rows: tuple[tuple, ...]  # the last row is the sum row when `summed`
    summed: bool = True


def tables(bok: Arbetsbok, f: Figures) -> list[Table]:
    p = bok.parametrar
    year = p.budgetar
    d = f.delar
    current = [(r.forbund, r.stat, r.region, r.kommun, r.totalt) for r in f.per_forbund.itertuples()]
    parter = [
        (
            r.namn,
            r.typ,
            r.forbund or "",
            r.invanare,
            r.andel,
            r.bidrag_nu,
            r.bidrag_nytt,
            r.forandring_kr,
            r.forandring_procent,
        )
        for r in f.parter.itertuples()
    ]
    andel = {"stat": p.andel_stat, "region": p.andel_region, "kommun": p.andel_kommuner}
    interim = [(r.post, r.omfattning or "", r.belopp) for r in f.interimsbudget.itertuples()]
    finans = [(r.forbund, r.underlag, r.belopp) for r in f.finansiering.itertuples()]
    kapital = [
        (r.forbund, r.eget_kapital, r.interimsandel, r.kvar, r.overfors, r.behalls)
        for r in f.kapital.itertuples()
    ]
    shares = [
        (r.namn, r.forbund, r.kapitalandel) for r in f.parter.itertuples() if r.kapitalandel is not None
    ]
    return [
        Table(
            "Nuvarande bidrag",
            "Nuvarande medlemsbidrag per förbund (kr per år)",
            (
                ("Förbund", TEXT),
                ("Stat, kr", AMOUNT),
                ("Region, kr", AMOUNT),
                ("Kommuner, kr", AMOUNT),
                ("Totalt, kr", AMOUNT),
            ),
            (*current, ("Summa", *(sum(r[i] for r in current) for i in range(1, 5)))),
        ),
        Table(
            f"Fördelning {year}",
            f"Medlemsbidrag {year} till {p.nytt_forbund}: fördelning",
            (("Del", TEXT), ("Andel", SHARE), ("Belopp, kr", AMOUNT)),
            (
                *((PART_NAMES[k], andel[k], d[k]) for k in PARTS),
                ("Summa", sum(andel.values()), d["totalt"]),
            ),
        ),
        Table(
            f"Medlemsbidrag {year}",
            f"Medlemsbidrag per part: i dag och {year}",
            (
                ("Part", TEXT),
                ("Typ", TEXT),
                ("Förbund", TEXT),
                ("Invånare", COUNT),
                ("Andel", SHARE),
                ("I dag, kr", AMOUNT),
                (f"{year}, kr", AMOUNT),
                ("Förändring, kr", CHANGE),
                ("Förändring, %", CHANGE_SHARE),
            ),
            (
                *parter,
                (
                    "Summa",
                    "",
                    "",
                    d["invanare_totalt"],
                    None,
                    d["nu_totalt"],
                    d["totalt"],
                    d["totalt"] - d["nu_totalt"],
                    None,
                ),
            ),
        ),
        Table(
            "Interimsbudget",
            "Interimsbudget",
            (("Post", TEXT), ("Omfattning", TEXT), ("Belopp, kr", AMOUNT)),
            (*interim, ("Summa", "", f.interim_totalt)),
        ),
        Table(
            "Finansiering interimsbudget",
            f"Interimsbudgetens finansiering per förbund (nyckel: {p.fordelning_interimsbudget})",
            (
                ("Förbund", TEXT),
                (f"Underlag ({p.fordelning_interimsbudget})", COUNT),
                ("Andel, kr", AMOUNT),
            ),
            (*finans, ("Summa", sum(r[1] for r in finans), sum(r[2] for r in finans))),
        ),
        Table(
            "Kapitalöverföring",
            f"Kapitalöverföring den {p.startdatum.isoformat()}",
            (
                ("Förbund", TEXT),
                ("Eget kapital, kr", AMOUNT),
                ("Interimsandel, kr", AMOUNT),
                ("Kvar, kr", AMOUNT),
                ("Förs över, kr", AMOUNT),
                ("Behålls, kr", AMOUNT),
            ),
            (*kapital, ("Summa", *(sum(r[i] for r in kapital) for i in range(1, 6)))),
        ),
        Table(
            "Kapitalandelar",
            "Kommunernas andel av sitt förbunds kvarvarande kapital",
            (("Kommun", TEXT), ("Förbund", TEXT), ("Andel av kapitalet, kr", AMOUNT)),
            tuple(shares),
            summed=False,
        ),
    ]


def cell_text(value, kind: str) -> str:
    """A value as the terminal shows it (plain spaces, so columns line up)."""
    if value is None or value == "":
        return ""
    text = {
        AMOUNT: belopp,
        COUNT: belopp,
        CHANGE: forandring,
        SHARE: lambda v: procent(v, 1),
        CHANGE_SHARE: lambda v: forandring_procent(v, 1),
    }.get(kind, str)(value)
    return text.replace("\u00a0", " ")


def as_text(table: Table) -> str:
    headers = [h for h, _ in table.columns]
    rows = [[cell_text(v, k) for v, (_, k) in zip(row, table.columns)] for row in table.rows]
    widths = [max(len(x) for x in column) for column in zip(headers, *rows)]
    right = [k != TEXT for _, k in table.columns]

    def line(cells):
        return "  ".join(
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    body = [line(r) for r in rows]
    if table.summed and body:
        body.insert(len(body) - 1, rule)
    return "\n".join([table.title, "", line(headers), rule, *body])


def summary_workbook(bok: Arbetsbok, figures: Figures) -> bytes:
    """`sammanstallning.xlsx`: one sheet per table, amounts as numbers, reproducible bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables(bok, figures):
        write_sheet(wb.create_sheet(table.name[:31]), table)
    wb.properties.creator = "beslutspapper"
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalized_zip(buffer.getvalue(), bok.parametrar.bildandedatum)


def write_sheet(ws, table: Table) -> None:
    ws.append([h for h, _ in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, row in enumerate(table.rows, start=2):
        for col, (value, (_, kind)) in enumerate(zip(row, table.columns), start=1):
            cell = ws.cell(row=index, column=col)
            if kind in XLSX_FORMATS and value is not None and value != "":
                cell.value = int(value)
                cell.number_format = XLSX_FORMATS[kind]
            else:
                set_text(cell, cell_text(value, kind) if kind != TEXT else str(value or ""))
                if kind != TEXT:
                    cell.alignment = Alignment(horizontal="right")
        if table.summed and index == len(table.rows) + 1:
            for cell in ws[index]:
                cell.font = Font(bold=True)
    for col, (header, _) in enumerate(table.columns, start=1):
        width = max(
            [len(header)] + [len(cell_text(r[col - 1], table.columns[col - 1][1])) for r in table.rows]
        )
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = min(width + 2, 60)


def set_text(cell, text: str) -> None:
    """Text stays text: a value beginning with = + - or @ is never read as a formula."""
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
