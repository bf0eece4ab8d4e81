"""One test per rule of workbook.md: a single defect, reported with its cell and value."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import TEMPLATES, set_cell

NORRA = "Norra Västmanlands Samordningsförbund"
VASTERAS = "Samordningsförbundet Västerås"


def messages(path) -> list[str]:
    with pytest.raises(UserError) as info:
        load(path, TEMPLATES)
    return [p.message() for p in info.value.problems]


def single(path) -> str:
    found = messages(path)
    assert len(found) == 1, found
    return found[0]


# (sheet, cell, bad value, what the message must also say)
CELL_RULES = [
    ("Förbund", "C3", "mycket", "belopp i hela kronor"),
    ("Förbund", "C3", -5, "0 eller mer"),
    ("Förbund", "C3", 1000.5, "hela kronor"),
    ("Förbund", "D2", "31/12 2022", "ÅÅÅÅ-MM-DD"),
    ("Förbund", "D2", "2022-02-30", "ÅÅÅÅ-MM-DD"),
    ("Förbund", "B2", "2220001354", "NNNNNN-NNNN"),
    ("Parter", "E7", "ca 5000", "heltal större än 0"),
    ("Parter", "E7", 0, "heltal större än 0"),
    ("Parter", "C5", "församling", "kommun, region eller stat"),
    ("Parter", "D9", "Samordningsförbundet Köping", "ett förbund från bladet Förbund"),
    ("Parter", "D12", NORRA, "medlem i alla förbund"),
    ("Parter", "S9", "21200-2114", "NNNNNN-NNNN"),
    ("Medlemsbidrag", "A2", "Sala kommunn", "en part från bladet Parter"),
    ("Medlemsbidrag", "B13", "Samordningsförbundet Köping", "ett förbund från bladet Förbund"),
    ("Medlemsbidrag", "B13", VASTERAS, "kommunens eget förbund"),
    ("Medlemsbidrag", "C13", "375 000 SEK", "belopp i hela kronor"),
    ("Interimsbudget", "C2", "200 tkr", "belopp i hela kronor"),
    ("Beslutssteg", "A3", 1.5, "heltal större än 0"),
    ("Beslutssteg", "C2", "saknas.docx", "Word-mall"),
    ("Beslutssteg", "C2", "../01_delta_i_lansprocess.docx", "Word-mall"),
    ("Beslutssteg", "D2", "januari", "ÅÅÅÅ-MM-DD"),
    ("Beslutssteg", "F4", "kommun, landsting", "kommun, region, stat"),
    ("Ärenden", "A2", "Köping", "en part från bladet Parter"),
    ("Ärenden", "B2", 9, "ett steg från bladet Beslutssteg"),
    ("Ärenden", "F2", "ja", "bifall, avslag eller återremiss"),
    ("Ärenden", "D2", "igår", "ÅÅÅÅ-MM-DD"),
    ("Parametrar", "B4", "Samordningsförbundet Köping", "ett förbund från bladet Förbund"),
    ("Parametrar", "B5", "maj 2023", "ÅÅÅÅ-MM-DD"),
    ("Parametrar", "B7", "tjugofyra", "heltal"),
    ("Parametrar", "B9", "50", "procentsats"),
    ("Parametrar", "B12", "folkmängd", "medlemsbidrag, eget kapital, invånare, lika"),
]


@pytest.mark.parametrize(("sheet", "cell", "value", "expected"), CELL_RULES,
                         ids=[f"{s}!{c}={v}" for s, c, v, _ in CELL_RULES])
def test_bad_cell_is_named_with_its_value(sheets, write_workbook, sheet, cell, value, expected):
    set_cell(sheets, sheet, cell, value)
    message = single(write_workbook(sheets))
    assert message.startswith(f"{sheet}!{cell} ")
    assert f"»{value}«" in message
    assert expected in message


@pytest.mark.parametrize(("sheet", "cell", "header"), [
    ("Parter", "A5", "Part"), ("Parter", "B5", "Kortnamn"), ("Parter", "C5", "Typ"),
    ("Parter", "D5", "Förbund"), ("Parter", "E5", "Invånare"), ("Förbund", "C2", "Eget kapital"),
    ("Medlemsbidrag", "C4", "Belopp"), ("Beslutssteg", "B3", "Rubrik"),
    ("Parametrar", "B3", "Nytt förbund"),
])
def test_empty_required_cell(sheets, write_workbook, sheet, cell, header):
    set_cell(sheets, sheet, cell, None)
    found = messages(write_workbook(sheets))
    assert any(m.startswith(f"{sheet}!{cell} ({header}") and "en tom cell" in m for m in found), found


@pytest.mark.parametrize(("sheet", "cell", "value", "first_row"), [
    ("Parter", "A3", "Sala kommun", 2),
    ("Parter", "B3", "SALA", 2),
    ("Förbund", "A3", NORRA, 2),
    ("Beslutssteg", "A3", 1, 2),
])
def test_duplicates(sheets, write_workbook, sheet, cell, value, first_row):
    set_cell(sheets, sheet, cell, value)
    found = messages(write_workbook(sheets))
    assert any(m.startswith(f"{sheet}!{cell}") and f"samma som på rad {first_row}" in m
               for m in found), found


def test_two_rows_for_the_same_party_and_step(sheets, write_workbook):
    set_cell(sheets, "Ärenden", "A3", "Köpings kommun")
    message = single(write_workbook(sheets))
    assert message.startswith("Ärenden!A3 (Part)")
    assert "samma som rad 2" in message


def test_shares_must_add_up_to_100_percent(sheets, write_workbook):
    set_cell(sheets, "Parametrar", "B9", 0.6)
    message = single(write_workbook(sheets))
    assert "Parametrar!B9, Parametrar!B10, Parametrar!B11" in message
    assert "»110 %«" in message
    assert "100 %" in message


def test_startdatum_after_bildandedatum(sheets, write_workbook):
    set_cell(sheets, "Parametrar", "B6", dt.date(2023, 4, 1))
    message = single(write_workbook(sheets))
    assert message.startswith("Parametrar!B6 (Startdatum)")
    assert "»2023-04-01«" in message and "efter Bildandedatum 2023-05-01" in message


def test_missing_parameter_row(sheets, write_workbook):
    del sheets["Parametrar"][5]  # Startdatum
    message = single(write_workbook(sheets))
    assert message.startswith("Parametrar:")
    assert "»Startdatum« saknas" in message


def test_duplicated_parameter_row(sheets, write_workbook):
    sheets["Parametrar"].append(["Län", "Uppland", None])
    message = single(write_workbook(sheets))
    assert message.startswith("Parametrar!A14")
    assert "står redan på rad 2" in message


def test_missing_sheet(sheets, write_workbook):
    del sheets["Interimsbudget"]
    assert single(write_workbook(sheets)) == \
        "arbetsbok.xlsx: bladet »Interimsbudget« saknas i arbetsboken."


def test_missing_required_column(sheets, write_workbook):
    for row in sheets["Förbund"]:
        del row[2]
    assert single(write_workbook(sheets)) == \
        "Förbund!1: kolumnen »Eget kapital (kr)« saknas i rubrikraden."


def test_not_a_workbook(tmp_path):
    path = tmp_path / "arbetsbok.xlsx"
    path.write_text("Part;Typ\nKöping;kommun\n", encoding="utf-8")
    message = single(path)
    assert message.startswith(f"{path}:")
    assert "går inte att läsa som en Excel-arbetsbok" in message


def test_missing_file(tmp_path):
    assert single(tmp_path / "finns-inte.xlsx").endswith("arbetsboken finns inte.")


def test_formula_without_cached_value(sheets, write_workbook):
    set_cell(sheets, "Förbund", "C3", "=1000*8100")  # openpyxl stores no cached value
    message = single(write_workbook(sheets))
    assert message.startswith("Förbund!C3 (Eget kapital (kr))")
    assert "formel utan beräknat värde" in message
    assert "Excel eller Calc" in message
