"""`papers budget` and out/sammanstallning.xlsx: the same tables, amounts as ints, safe text."""

from __future__ import annotations

import io

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.build import prepare
from pipeline.cli import main
from pipeline.summary import summary_workbook, tables

from workbooks import EXAMPLE, TEMPLATES, Text, set_cell


def shipped_summary():
    prepared = prepare(EXAMPLE, TEMPLATES)
    return prepared, summary_workbook(prepared.bok, prepared.figures)


def test_workbook_is_reproducible_and_has_one_sheet_per_table():
    prepared, data = shipped_summary()
    assert summary_workbook(prepared.bok, prepared.figures) == data
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [t.name for t in tables(prepared.bok, prepared.figures)]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value)


def test_amounts_are_ints_with_format_and_sums_equal_rows():
    _, data = shipped_summary()
    ws = load_workbook(io.BytesIO(data))["Kapitalöverföring"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    *body, total = rows
    assert total[0] == "Summa"
    for col in range(1, 6):
        assert all(type(r[col]) is int for r in body)
        assert sum(r[col] for r in body) == total[col]
    assert ws["B2"].number_format == "# ##0"
    assert [r[4] for r in body] == [0, 7_788_889, 877_656]


def test_text_that_looks_like_a_formula_stays_text(sheets, write_workbook):
    name = Text('=HYPERLINK("http://x","klicka")')
    for sheet in ("Parter", "Medlemsbidrag", "Ärenden"):
        for row in sheets[sheet][1:]:
            if row[0] == "Köpings kommun":
                row[0] = name
    set_cell(sheets, "Parter", "B9", "Köping")
    prepared = prepare(write_workbook(sheets), TEMPLATES)
    ws = load_workbook(io.BytesIO(summary_workbook(prepared.bok, prepared.figures)))
    cells = [c for row in ws["Medlemsbidrag 2024"].iter_rows() for c in row if c.value == name]
    assert cells and all(c.data_type == "s" for c in cells)


def test_budget_command_prints_aligned_swedish_tables():
    result = CliRunner().invoke(main, ["budget", "--workbook", str(EXAMPLE),
                                       "--templates", str(TEMPLATES)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    koping = next(line for line in lines if line.startswith("Köpings kommun "))
    assert "375 000" in koping and "455 425" in koping and "+80 425" in koping
    interim = [line for line in lines if line.startswith("Samordningsförbundet Västerås ")]
    assert any(line.endswith("311 111") for line in interim)
    header = next(line for line in lines if line.startswith("Förbund ") and "Totalt, kr" in line)
    summa = next(line for line in lines if line.startswith("Summa ") and "19 446 448" in line)
    assert len(header) == len(summa)  # right-aligned: the columns end together
