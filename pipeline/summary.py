"""The computed figures as tables: for the terminal (`papers budget`) and for
`out/sammanstallning.xlsx`. One list of tables serves both, so they cannot differ."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .compute import TYP_NAMN, TYPER, Figures, andelar
from .formatting import as_terminal, belopp, forandring, forandring_procent, iso, procent
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
TEXTS: dict[str, Callable[[Any], str]] = {
    AMOUNT: belopp,
    COUNT: belopp,
    CHANGE: forandring,
    SHARE: procent,
    CHANGE_SHARE: forandring_procent,
}


@dataclass(frozen=True)
class Table:
    name: str  # also the sheet's name: at most 31 characters
    title: str
    columns: tuple[tuple[str, str], ...]  # (header, kind)
    rows: tuple[tuple, ...]  # the last row is the sum row when `summed`
    summed: bool = True


def rows_of(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The frame's rows as tuples of Python values (int, Fraction, str, None)."""
    return [tuple(r[c] for c in columns) for r in frame[columns].to_dict("records")]


def sums_of(frame: pd.DataFrame, columns: list[str]) -> tuple[int, ...]:
    return tuple(int(frame[c].sum()) for c in columns)


def tables(bok: Arbetsbok, f: Figures) -> list[Table]:
    p = bok.parametrar
    year = p.budgetar
    d = f.delar
    paid = [*TYPER, "totalt"]
    current = rows_of(f.per_forbund, ["forbund", *paid])
    parter = rows_of(
        f.parter,
        [
            "namn",
            "typ",
            "forbund",
            "invanare",
            "andel",
            "bidrag_nu",
            "bidrag_nytt",
            "forandring_kr",
            "forandring_procent",
        ],
    )
    andel = andelar(p)
    interim = rows_of(f.interimsbudget, ["post", "omfattning", "belopp"])
    finans = ["underlag", "belopp"]
    kapital = ["eget_kapital", "interimsandel", "kvar", "overfors", "behalls"]
    shares = rows_of(f.parter[f.parter["kapitalandel"].notna()], ["namn", "forbund", "kapitalandel"])
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
            (*current, ("Summa", *sums_of(f.per_forbund, paid))),
        ),
        Table(
            f"Fördelning {year}",
            f"Medlemsbidrag {year} till {p.nytt_forbund}: fördelning",
            (("Del", TEXT), ("Andel", SHARE), ("Belopp, kr", AMOUNT)),
            (
                *((TYP_NAMN[t].capitalize(), andel[t], d[t]) for t in TYPER),
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
            (
                *rows_of(f.finansiering, ["forbund", *finans]),
                ("Summa", *sums_of(f.finansiering, finans)),
            ),
        ),
        Table(
            "Kapitalöverföring",
            f"Kapitalöverföring den {iso(p.startdatum)}",
            (
                ("Förbund", TEXT),
                ("Eget kapital, kr", AMOUNT),
                ("Interimsandel, kr", AMOUNT),
                ("Kvar, kr", AMOUNT),
                ("Förs över, kr", AMOUNT),
                ("Behålls, kr", AMOUNT),
            ),
            (*rows_of(f.kapital, ["forbund", *kapital]), ("Summa", *sums_of(f.kapital, kapital))),
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
    """A value as the terminal and the sheet's text cells show it: the papers' text
    (`formatting`), with ordinary spaces."""
    if value is None or value == "":
        return ""
    return as_terminal(TEXTS.get(kind, str)(value))


def as_text(table: Table) -> str:
    headers = [h for h, _ in table.columns]
    rows = [[cell_text(v, k) for v, (_, k) in zip(row, table.columns)] for row in table.rows]
    widths = [max(map(len, column)) for column in zip(headers, *rows)]
    right = [k != TEXT for _, k in table.columns]
    rule = aligned(["-" * w for w in widths], widths, right)
    body = [aligned(r, widths, right) for r in rows]
    if table.summed and body:
        body.insert(len(body) - 1, rule)
    return "\n".join([table.title, "", aligned(headers, widths, right), rule, *body])


def aligned(cells: list[str], widths: list[int], right: list[bool]) -> str:
    """One line of a terminal table: figures to the right, text to the left."""
    return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)).rstrip()


def summary_workbook(bok: Arbetsbok, figures: Figures) -> bytes:
    """`sammanstallning.xlsx`: one sheet per table, amounts as numbers, reproducible bytes."""
    wb = Workbook()
    for sheet in wb.worksheets:  # the empty sheet a new workbook has
        wb.remove(sheet)
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
            write_cell(ws.cell(row=index, column=col), value, kind)
    if table.summed and table.rows:
        for cell in ws[len(table.rows) + 1]:
            cell.font = Font(bold=True)
    for col, (header, kind) in enumerate(table.columns, start=1):
        width = max([len(header)] + [len(cell_text(r[col - 1], kind)) for r in table.rows])
        ws.column_dimensions[get_column_letter(col)].width = min(width + 2, 60)


def write_cell(cell, value, kind: str) -> None:
    """An amount or a count as a number with a format; anything else as text, figures
    (shares) right-aligned."""
    if kind == TEXT:
        set_text(cell, str(value or ""))
    elif kind in XLSX_FORMATS and value is not None and value != "":
        cell.value = int(value)
        cell.number_format = XLSX_FORMATS[kind]
    else:
        set_text(cell, cell_text(value, kind))
        cell.alignment = Alignment(horizontal="right")


def set_text(cell, text: str) -> None:
    """Text stays text: a value beginning with = + - or @ is never read as a formula."""
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
