"""Where every party stands, step by step, from the `Ärenden` sheet.

A party's case in a step is decided (bifall or avslag, with date and §), sent back
(återremiss), pending, or overdue when the step's Sista svarsdag has passed without a
decision. Only parties the step applies to are counted.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from . import context as ctx
from .formatting import iso
from .reproducible import normalized_zip
from .validate import Arbetsbok

DECIDED, SENT_BACK, PENDING, OVERDUE, NOT_APPLICABLE = (
    "beslutat", "återremitterat", "väntar", "försenat", "–")
OVERDUE_FILL = PatternFill("solid", fgColor="F4B6B6")


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
    parties = [p for p in bok.parter["namn"]
               if any(p in ctx.parties_for_step(bok, s, payers) for s in steps)]
    cases = {(r["part"], r["steg"]): r for r in ctx.records(bok.arenden)}
    cells, summaries = {}, []
    for steg in steps:
        applies = ctx.parties_for_step(bok, steg, payers)
        for part in parties:
            cells[(part, steg["nummer"])] = (
                case_cell(cases.get((part, steg["nummer"])), steg, today)
                if part in applies else Cell(NOT_APPLICABLE, NOT_APPLICABLE))
        decided = sum(cells[(p, steg["nummer"])].state == DECIDED for p in applies)
        noun = "kommuner" if steg["galler"] == ["kommun"] else "parter"
        late = sum(cells[(p, steg["nummer"])].state == OVERDUE for p in applies)
        summaries.append(f"Steg {steg['nummer']} ({steg['rubrik']}): {decided} av {len(applies)} "
                         f"{noun} har beslutat" + (f", {late} försenade." if late else "."))
    return Status(steps, parties, cells, summaries)


def case_cell(case: dict | None, steg: dict, today: dt.date) -> Cell:
    beslut = (case or {}).get("beslut") or ""
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
    return [header, *([p, *(s.cells[(p, st["nummer"])].text for st in s.steps)]
                      for p in s.parties)]


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
    ws.title = "Status"
    for row in as_rows(s):
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = max(len(p) for p in s.parties) + 2 if s.parties else 20
    for col, steg in enumerate(s.steps, start=2):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 34
        for row, part in enumerate(s.parties, start=2):
            cell = ws.cell(row=row, column=col)
            cell.alignment = Alignment(wrap_text=True)
            if s.cells[(part, steg["nummer"])].state == OVERDUE:
                cell.fill = OVERDUE_FILL
    start = len(s.parties) + 3
    ws.cell(row=start, column=1, value=f"Läget den {iso(today)}").font = Font(bold=True)
    for i, line in enumerate(s.summaries, start=1):
        ws.cell(row=start + i, column=1, value=line)
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalized_zip(buffer.getvalue(), today)
