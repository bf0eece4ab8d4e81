"""Write a workbook that is pleasant to edit, built entirely from `schema.py`.

Used for the shipped example (`scripts/make_example_workbook.py`) and for an empty
workbook for another county. Header rows bold and frozen, columns wide enough,
amounts as `#,##0` (Excel shows the reader's own digit grouping: 375 000 in Swedish),
dates as `ÅÅÅÅ-MM-DD`, drop-down lists, and a first sheet `Instruktioner` that explains
every sheet and column.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import schema
from .reproducible import normalized_zip

FORMATS = {schema.AMOUNT: "#,##0", schema.DATE: "yyyy-mm-dd", schema.PERCENT: "0 %", schema.INTEGER: "0"}
KIND_TEXT = {
    schema.TEXT: "text",
    schema.AMOUNT: "belopp i hela kronor",
    schema.DATE: "datum ÅÅÅÅ-MM-DD",
    schema.INTEGER: "heltal",
    schema.PERCENT: "procent",
    schema.TYPES: "typer, t.ex. kommun, region",
    schema.ORGNR: "NNNNNN-NNNN",
}
LAST_ROW = 500
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FIXED_DATE = dt.date(2024, 1, 1)


def write_workbook(
    path: Path,
    data: dict[str, list[dict]] | None = None,
    parameters: dict[str, object] | None = None,
    note: str | None = None,
) -> None:
    """Write the workbook; `data` maps a sheet name to rows keyed by `Column.key`."""
    wb = Workbook()
    instructions = wb.worksheets[0]
    instructions.title = "Instruktioner"
    write_instructions(instructions, note)
    for spec in schema.SHEETS:
        ws = wb.create_sheet(spec.name)
        if spec is schema.PARAMETRAR:
            write_parameters(ws, parameters or {}, note)
        else:
            write_table(ws, spec, (data or {}).get(spec.name, []))
    wb.properties.creator = "beslutspapper"
    wb.properties.title = "Arbetsbok för förslag till beslut"
    if note:
        wb.properties.description = note
    buffer = io.BytesIO()
    wb.save(buffer)
    Path(path).write_bytes(normalized_zip(buffer.getvalue(), FIXED_DATE))


def header_row(ws, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def write_table(ws, spec: schema.Sheet, rows: list[dict]) -> None:
    header_row(ws, [c.header for c in spec.columns], [c.width for c in spec.columns])
    for row in rows:
        ws.append([row.get(c.key) for c in spec.columns])
    for col, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(col)
        fmt = "#,##0" if column.key == "invanare" else FORMATS.get(column.kind)
        if fmt:
            for r in range(2, LAST_ROW + 1):
                ws.cell(row=r, column=col).number_format = fmt
        if column.choices:
            add_list(ws, column.choices, f"{letter}2:{letter}{LAST_ROW}")


def add_list(ws, choices: tuple[str, ...], cells: str) -> None:
    validation = DataValidation(
        type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True, showErrorMessage=False
    )
    validation.add(cells)
    ws.add_data_validation(validation)


def write_parameters(ws, values: dict[str, object], note: str | None) -> None:
    columns = schema.PARAMETRAR.columns
    header_row(ws, [c.header for c in columns], [c.width for c in columns])
    for row, parameter in enumerate(schema.PARAMETERS, start=2):
        value = values.get(parameter.key)
        explanation = parameter.help + (
            f" Standard: {parameter.default}." if parameter.default is not None else ""
        )
        ws.append([parameter.name, value, explanation])
        if parameter.kind in FORMATS:
            ws.cell(row=row, column=2).number_format = FORMATS[parameter.kind]
        ws.cell(row=row, column=2).alignment = Alignment(horizontal="left")
        ws.cell(row=row, column=3).alignment = Alignment(wrap_text=True, vertical="top")
        if parameter.choices:
            add_list(ws, parameter.choices, f"B{row}")


def write_instructions(ws, note: str | None) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 90
    for style, a, b, c in instruction_lines(note):
        ws.append([a, b, c])
        style_row(ws, ws.max_row, style)


def instruction_lines(note: str | None) -> list[tuple[str, str, str, str]]:
    """The lines of the sheet Instruktioner as (style, A, B, C), from the schema."""
    lines: list[tuple[str, str, str, str]] = []  # (style, A, B, C)
    lines.append(("title", "Arbetsbok för förslag till beslut", "", ""))
    if note:
        lines.append(("note", note, "", ""))
    lines += [
        (
            "text",
            "Arbetsboken innehåller allt som skiljer mellan parterna och besluts"
            "stegen. Verktyget läser den (ändrar den aldrig) och skriver en handling per "
            "part och steg: make papers.",
            "",
            "",
        ),
        (
            "text",
            "Första raden på varje blad är rubrikraden. Kolumnerna får stå i valfri "
            "ordning och egna extra kolumner får läggas till; de följer med till mallarna. "
            "Tomma rader hoppas över. Belopp i hela kronor (375 000), datum ÅÅÅÅ-MM-DD, "
            "procent som 25 %.",
            "",
            "",
        ),
    ]
    for spec in schema.SHEETS:
        lines.append(("sheet", spec.name + (" (frivilligt)" if spec.optional else ""), "", spec.help))
        if spec is schema.PARAMETRAR:
            lines.append(
                ("row", "Kolumner", "", "; ".join(f"{c.header}: {c.help}" for c in spec.columns))
            )
            lines.append(("head", "Parameter", "Krävs", "Förklaring"))
            for p in schema.PARAMETERS:
                default = f" Standard: {p.default}." if p.default is not None else ""
                lines.append(
                    (
                        "row",
                        p.name,
                        "ja" if p.required else "nej",
                        f"{p.help}{default} ({KIND_TEXT[p.kind]})",
                    )
                )
            continue
        lines.append(("head", "Kolumn", "Krävs", "Innehåll"))
        for c in spec.columns:
            choices = f" Välj: {', '.join(c.choices)}." if c.choices else ""
            lines.append(
                (
                    "row",
                    c.header,
                    "ja" if c.required else "nej",
                    f"{c.help}{choices} ({KIND_TEXT[c.kind]})".replace("  ", " "),
                )
            )
    return lines


def style_row(ws, row: int, style: str) -> None:
    for cell in ws[row]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if style == "title":
        ws.cell(row=row, column=1).font = Font(bold=True, size=16)
    elif style == "note":
        ws.cell(row=row, column=1).font = Font(bold=True, color="C00000", size=12)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    elif style == "text":
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.row_dimensions[row].height = 32
    elif style == "sheet":
        ws.cell(row=row, column=1).font = Font(bold=True, size=13)
    elif style == "head":
        for cell in ws[row]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
