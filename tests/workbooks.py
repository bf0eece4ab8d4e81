"""Build workbooks inside tests with openpyxl, from plain rows that a test can change.

`example_sheets()` returns the shipped workbook's data as {sheet: [header row, row, ...]};
a test edits what it needs and calls `write(path, sheets)`.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from pathlib import Path

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "arbetsbok.xlsx"
TEMPLATES = ROOT / "templates_docx"


def example_sheets() -> dict[str, list[list]]:
    """The shipped example workbook's data sheets as plain rows (header row first): a fresh
    copy for each caller to change (the file is read once per test process)."""
    return copy.deepcopy(shipped_rows())


@functools.cache
def shipped_rows() -> dict[str, list[list]]:
    wb = load_workbook(EXAMPLE)
    sheets = {}
    for ws in wb.worksheets[1:]:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        sheets[ws.title] = [[v.date() if isinstance(v, dt.datetime) else v for v in r] for r in rows]
    return sheets


class Text(str):
    """A string written as a text cell even when it begins with "=" (not as a formula)."""


def write(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for number, row in enumerate(rows, 1):
            ws.append(row)  # the row `number` (ws.max_row would count every cell: slow)
            for column, value in enumerate(row, 1):
                if isinstance(value, Text):
                    cell = ws.cell(number, column)
                    cell.value, cell.data_type = str(value), "s"
    wb.save(path)
    return path


def set_cell(sheets: dict, sheet: str, ref: str, value) -> None:
    """Set a cell by Excel reference ("E7") in the plain rows of `example_sheets()`."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letter, row = coordinate_from_string(ref)
    rows = sheets[sheet]
    while len(rows) < row:
        rows.append([])
    line = rows[row - 1]
    col = column_index_from_string(letter)
    while len(line) < col:
        line.append(None)
    line[col - 1] = value


def column_of(sheets: dict, sheet: str, header: str) -> str:
    """The column letter of `header` in the plain rows of `example_sheets()`."""
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(sheets[sheet][0].index(header) + 1)


def paper_count(workbook: Path = EXAMPLE) -> int:
    """How many papers a build of `workbook` with the shipped templates writes."""
    return shipped_paper_count() if workbook == EXAMPLE else count_papers(workbook)


@functools.cache
def shipped_paper_count() -> int:
    """The shipped workbook's count, found once per test process (neither the shipped
    workbook nor the shipped templates change during a run)."""
    return count_papers(EXAMPLE)


def count_papers(workbook: Path) -> int:
    from pipeline.build import prepare

    return len(prepare(workbook, TEMPLATES).papers)


TEMPLATE_COLUMNS = ("Mall", "Bilagor", "Bilagor per förbund")


def template_names(sheets: dict | None = None) -> list[str]:
    """Every template file the Beslutssteg sheet names (Mall, Bilagor, Bilagor per förbund;
    the last two comma-separated), in sheet order, each once."""
    header, *steps = (sheets or example_sheets())["Beslutssteg"]
    names: list[str] = []
    for row in steps:
        for column in TEMPLATE_COLUMNS:
            cell = row[header.index(column)] if column in header else None
            names += [n.strip() for n in str(cell or "").split(",") if n.strip()]
    return list(dict.fromkeys(names))


def steps(sheets: dict | None = None, column: str = "Mall") -> dict[int, str]:
    """Steg → Mall (or another `column`), as the Beslutssteg sheet gives them."""
    header, *rows = (sheets or example_sheets())["Beslutssteg"]
    steg, wanted = header.index("Steg"), header.index(column)
    return {int(r[steg]): r[wanted] for r in rows if r[steg] is not None}
