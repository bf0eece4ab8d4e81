"""Where every party stands, step by step, from the `Ärenden` sheet.

A party's case in a step is decided (bifall or avslag, with date and §), sent back
(återremiss), pending, or overdue when the step's Sista svarsdag has passed without a
decision. Only parties the step applies to are counted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import context as ctx
from .formatting import iso
from .problems import Problem, UserError
from .reproducible import normalized_zip
from .summary import set_text
from .validate import Arbetsbok

DECIDED, SENT_BACK, PENDING, OVERDUE, NOT_APPLICABLE = (
    "beslutat",
    "återremitterat",
    "väntar",
    "försenat",
    "–",
)
OVERDUE_FILL = PatternFill("solid", fgColor="F4B6B6")
SHEET, CREATOR = "Status", "beslutspapper"


@dataclass(frozen=True)
class Cell:
    state: str
    text: str  # what the table shows: "bifall 2022-03-28 § 45", "väntar (svar senast …)"


@dataclass(frozen=True)
class Status:
    steps: list[dict]
    parties: list[str]
    cells: dict[tuple[str, int], Cell]
    summaries: list[str]


def status(bok: Arbetsbok, today: dt.date, payers: set[str]) -> Status:
    """`payers`: the parties that pay in Budgetår (steps for `betalande` only)."""
    steps = ctx.steps(bok)
    parties = [
        p for p in bok.parter["namn"] if any(p in ctx.parties_for_step(bok, s, payers) for s in steps)
    ]
    cases = {(r["part"], r["steg"]): r for r in ctx.records(bok.arenden)}
    cells, summaries = {}, []
    for steg in steps:
        applies = ctx.parties_for_step(bok, steg, payers)
        for part in parties:
            cells[(part, steg["nummer"])] = (
                case_cell(cases.get((part, steg["nummer"])), steg, today)
                if part in applies
                else Cell(NOT_APPLICABLE, NOT_APPLICABLE)
            )
        decided = sum(cells[(p, steg["nummer"])].state == DECIDED for p in applies)
        noun = "kommuner" if steg["galler"] == ["kommun"] else "parter"
        late = sum(cells[(p, steg["nummer"])].state == OVERDUE for p in applies)
        summaries.append(
            f"Steg {steg['nummer']} ({steg['rubrik']}): {decided} av {len(applies)} "
            f"{noun} har beslutat" + (f", {late} försenade." if late else ".")
        )
    return Status(steps, parties, cells, summaries)


def case_cell(case: dict | None, steg: dict, today: dt.date) -> Cell:
    case = case or {}
    beslut = case.get("beslut") or ""
    if beslut in ("bifall", "avslag"):
        when = iso(case["beslutsdatum"]) if case.get("beslutsdatum") else "datum saknas"
        paragraph = f" {case['paragraf']}" if case.get("paragraf") else ""
        return Cell(DECIDED, f"{beslut} {when}{paragraph}")
    deadline = steg["sista_svarsdag"]
    if beslut == "återremiss":
        return Cell(SENT_BACK, "återremitterat")
    if deadline is not None and today > deadline:
        return Cell(OVERDUE, f"försenat (svar senast {iso(deadline)})")
    return Cell(PENDING, "väntar" + (f" (svar senast {iso(deadline)})" if deadline else ""))


def as_rows(s: Status) -> list[list[str]]:
    header = ["Part", *(f"Steg {st['nummer']}" for st in s.steps)]
    return [header, *([p, *(s.cells[(p, st["nummer"])].text for st in s.steps)] for p in s.parties)]


def as_text(s: Status) -> str:
    rows = as_rows(s)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join([*lines, "", *s.summaries])


def as_xlsx(s: Status, today: dt.date) -> bytes:
    """The table for the länspresidium: overdue cells highlighted."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = SHEET
    wb.properties.creator = CREATOR
    for r, row in enumerate(as_rows(s), start=1):
        for c, text in enumerate(row, start=1):
            set_text(ws.cell(row=r, column=c), text)  # a party named "=…" stays text
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = max(len(p) for p in s.parties) + 2 if s.parties else 20
    for col, steg in enumerate(s.steps, start=2):
        ws.column_dimensions[get_column_letter(col)].width = 34
        for r, part in enumerate(s.parties, start=2):
            cell = ws.cell(row=r, column=col)
            cell.alignment = Alignment(wrap_text=True)
            if s.cells[(part, steg["nummer"])].state == OVERDUE:
                cell.fill = OVERDUE_FILL
    start = len(s.parties) + 3
    set_text(ws.cell(row=start, column=1), f"Läget den {iso(today)}")
    ws.cell(row=start, column=1).font = Font(bold=True)
    for i, line in enumerate(s.summaries, start=1):
        set_text(ws.cell(row=start + i, column=1), line)
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalized_zip(buffer.getvalue(), today)


def check_target(path: Path, workbook: Path, force: bool) -> None:
    """`status --xlsx PATH` writes a new file, or replaces a status table it wrote before
    (with `force`, any file); never the workbook, a folder or into a missing folder."""
    if path.is_dir():
        raise UserError([Problem.note(str(path), "är en mapp; ange ett filnamn som slutar på .xlsx.")])
    if path.suffix.lower() != ".xlsx":
        raise UserError([Problem.note(str(path), "namnet ska sluta på .xlsx.")])
    if not path.parent.is_dir():
        raise UserError([Problem.note(str(path.parent), "mappen finns inte; skapa den först.")])
    if path.exists() and workbook.exists() and path.resolve() == workbook.resolve():
        raise UserError(
            [
                Problem.note(
                    str(path),
                    "är arbetsboken; statustabellen skrivs aldrig över den. Välj ett annat filnamn.",
                )
            ]
        )
    if path.is_symlink() or (path.exists() and not force and not written_by_status(path)):
        raise UserError(
            [
                Problem.note(
                    str(path),
                    "filen finns redan och är inte en statustabell som "
                    "papers har skrivit; välj ett annat namn eller kör med --force.",
                )
            ]
        )


def written_by_status(path: Path) -> bool:
    """True for a file `as_xlsx` wrote: one sheet named Status, made by this tool."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8")
            book = archive.read("xl/workbook.xml").decode("utf-8")
    except (OSError, KeyError, UnicodeDecodeError, zipfile.BadZipFile):
        return False
    sheets = re.findall(r"<sheet\b[^>]*\bname=\"([^\"]*)\"", book)
    return f">{CREATOR}</dc:creator>" in core and sheets == [SHEET]
