"""sammanstallning.xlsx and the terminal tables: the same tables, ints, sums that add up,
text that stays text."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from pipeline.compute import compute
from pipeline.summary import AMOUNT, CHANGE, COUNT, as_text, summary_workbook, tables
from pipeline.validate import load

from workbooks import Text, set_cell

AMOUNT_FORMAT = "#,##0"
NUMBERS = (AMOUNT, COUNT, CHANGE)
VASTERAS = "Samordningsförbundet Västerås"


@pytest.fixture
def prepared(write_workbook, templates):
    def prepared(sheets):
        bok = load(write_workbook(sheets), templates)
        return bok, compute(bok)

    return prepared


def opened(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_the_bytes_are_the_same_every_time(sheets, prepared):
    bok, figures = prepared(sheets)
    data = summary_workbook(bok, figures)
    assert summary_workbook(bok, figures) == data
    assert summary_workbook(*prepared(sheets)) == data  # read again from the file


def test_one_sheet_per_table_with_bold_frozen_headers(sheets, prepared):
    bok, figures = prepared(sheets)
    wb = opened(summary_workbook(bok, figures))
    assert wb.sheetnames == [t.name for t in tables(bok, figures)]
    for table, ws in zip(tables(bok, figures), wb.worksheets):
        assert [c.value for c in ws[1]] == [h for h, _ in table.columns]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        assert ws.max_row == len(table.rows) + 1


def variant(sheets, name):
    if name == "odd total":
        set_cell(sheets, "Parametrar", "B8", 20_000_001)
    elif name == "lika":
        set_cell(sheets, "Parametrar", "B12", "lika")
    elif name == "af pays":
        sheets["Medlemsbidrag"].append(["Arbetsförmedlingen", VASTERAS, 1_000_001])
    return sheets


@pytest.mark.parametrize("name", ["example", "odd total", "lika", "af pays"])
def test_amounts_are_formatted_ints_and_sum_rows_add_up(sheets, prepared, name):
    bok, figures = prepared(variant(sheets, name))
    wb = opened(summary_workbook(bok, figures))
    for table in tables(bok, figures):
        ws = wb[table.name]
        *body, last = list(ws.iter_rows(min_row=2))
        body = body if table.summed else [*body, last]
        for col, (header, kind) in enumerate(table.columns):
            if kind not in NUMBERS:
                continue
            cells = [row[col] for row in body if row[col].value not in (None, "")]
            assert cells, (table.name, header)
            assert all(type(c.value) is int for c in cells), (table.name, header)
            if kind == AMOUNT:
                assert all(c.number_format == AMOUNT_FORMAT for c in cells), (table.name, header)
            if table.summed:
                assert type(last[col].value) is int
                assert last[col].value == sum(c.value for c in cells), (table.name, header)
                assert last[0].value == "Summa" and last[col].font.bold


def test_amount_format_groups_every_thousand(sheets, prepared):
    wb = opened(summary_workbook(*prepared(sheets)))
    cell = wb["Nuvarande bidrag"]["E5"]  # Summa, Totalt: 19 446 448
    assert cell.value == 19_446_448
    assert cell.number_format == "#,##0"


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x","klicka")', "=1+1", "+46 kommun", "-kommun", "@kommun"]
)
def test_text_that_looks_like_a_formula_stays_text(sheets, prepared, name):
    for sheet in ("Parter", "Medlemsbidrag", "Ärenden"):
        for row in sheets[sheet][1:]:
            if row[0] == "Köpings kommun":
                row[0] = Text(name)
    bok, figures = prepared(sheets)
    wb = opened(summary_workbook(bok, figures))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == name]
    assert len(cells) == 2  # Medlemsbidrag 2024 and Kapitalandelar
    assert all(c.data_type == "s" for c in cells)


def column_end(header_line: str, header: str) -> int:
    return header_line.index(header) + len(header)


def test_as_text_right_aligns_amounts_with_plain_spaces(sheets, prepared):
    bok, figures = prepared(sheets)
    by_name = {t.name: t for t in tables(bok, figures)}
    text = as_text(by_name["Medlemsbidrag 2024"])
    assert "\u00a0" not in text
    lines = text.splitlines()
    header = lines[2]
    koping = next(line for line in lines if line.startswith("Köpings kommun "))
    for column, value in (
        ("I dag, kr", "375 000"),
        ("2024, kr", "455 425"),
        ("Förändring, kr", "+80 425"),
        ("Invånare", "26 133"),
    ):
        assert koping[: column_end(header, column)].endswith(" " + value)
    current = as_text(by_name["Nuvarande bidrag"]).splitlines()[2:]
    assert len({len(line) for line in current}) == 1  # every column, the last one too, ends together
    assert current[-1].startswith("Summa") and current[-1].endswith(" 19 446 448")


def test_as_text_left_aligns_text(sheets, prepared):
    table = next(t for t in tables(*prepared(sheets)) if t.name == "Nuvarande bidrag")
    lines = as_text(table).splitlines()
    assert lines[0] == table.title and lines[1] == ""
    assert lines[2].startswith("Förbund ") and lines[4].startswith("Norra Västmanlands")
