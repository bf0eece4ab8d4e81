"""Values no column can use are errors naming the cell and the value: Excel's error values,
booleans, escapes of characters that no text may hold, array formulas never calculated, numbers
that are not finite, dates outside 1900–2100 and text longer than its column allows."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import set_cell
from zipparts import as_shared_string, replace_in_parts, row_of

KOPING = "Köpings kommun"
EXCEL_ERROR = (
    "förväntade ett värde, inte ett felvärde från Excel eller Calc (rätta formeln "
    "eller cellen den hänvisar till, spara och försök igen)."
)


def messages(path, templates) -> list[str]:
    with pytest.raises(UserError) as info:
        load(path, templates)
    return [p.message() for p in info.value.problems]


@pytest.fixture
def koping(sheets):
    return row_of(sheets, "Parter", KOPING)


@pytest.mark.parametrize(
    "error",
    [
        "#N/A",
        "#VALUE!",
        "#REF!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#VÄRDEFEL!",
        "#SAKNAS!",
        "#REFERENS!",
        "Err:502",
    ],
)
def test_excel_error_in_a_text_cell(sheets, write_workbook, templates, koping, error):
    set_cell(sheets, "Parter", f"J{koping}", error)  # openpyxl stores the English ones as errors
    assert messages(write_workbook(sheets), templates) == [
        f"Parter!J{koping} (Handläggare): fann »{error}«, {EXCEL_ERROR}"
    ]


def test_excel_error_in_an_amount_and_an_extra_column(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Medlemsbidrag", "C2", "#N/A")
    sheets["Parter"][0].append("Kontakt")
    cell = f"{get_column_letter(len(sheets['Parter'][0]))}{koping}"
    set_cell(sheets, "Parter", cell, "#REF!")
    found = messages(write_workbook(sheets), templates)
    assert found == [
        f"Parter!{cell} (Kontakt): fann »#REF!«, {EXCEL_ERROR}",
        f"Medlemsbidrag!C2 (Belopp (kr)): fann »#N/A«, {EXCEL_ERROR}",
    ]


@pytest.mark.parametrize(
    ("sheet", "cell", "header"),
    [
        ("Parter", "G{koping}", "Beslutande organ"),
        ("Parametrar", "B2", "Län"),
        ("Beslutssteg", "B2", "Rubrik"),
    ],
)
def test_boolean_where_text_is_expected(sheets, write_workbook, templates, koping, sheet, cell, header):
    cell = cell.format(koping=koping)
    set_cell(sheets, sheet, cell, False)
    assert messages(write_workbook(sheets), templates) == [
        f"{sheet}!{cell} ({header}): fann »FALSKT«, förväntade text eller ett tal, inte ett "
        "sanningsvärde (SANT/FALSKT)."
    ]


def test_carriage_return_escape_is_decoded(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Parter", f"J{koping}", "Johanna_x000D_\nÅberg Burén")
    bok = load(write_workbook(sheets), templates)
    assert bok.parter.loc[bok.parter["namn"] == KOPING, "handlaggare"].item() == "Johanna Åberg Burén"


def test_escape_of_an_illegal_character_is_an_error(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Parter", f"J{koping}", "Johanna_x000B_Åberg")
    assert messages(write_workbook(sheets), templates) == [
        f"Parter!J{koping} (Handläggare): fann »Johanna[U+000B]Åberg«, förväntade text utan "
        "styrtecken (cellen innehåller U+000B, som inte får stå i ett Word-dokument); skriv om "
        "texten i cellen."
    ]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        (b"a&#1;b", "U+0001"),
        (b"a\x01b", "U+0001"),
        (b"a&#11;b", "U+000B"),
        (b"a&#xFFFE;b", "U+FFFE"),
        (b"a\xef\xbf\xbeb", "U+FFFE"),
    ],
)
def test_illegal_character_in_the_file_names_the_cell(
    sheets, write_workbook, templates, koping, written, code
):
    set_cell(sheets, "Parter", f"J{koping}", "MARKERING")
    path = replace_in_parts(write_workbook(sheets), b"MARKERING", written)
    assert messages(path, templates) == [
        f"Parter!J{koping}: text utan styrtecken (cellen innehåller {code}, som inte får stå "
        "i en Excel- eller Word-fil); skriv om texten i cellen."
    ]


def test_illegal_character_in_a_shared_string_names_the_cell(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Parter", f"J{koping}", "MARKERING")
    path = as_shared_string(write_workbook(sheets), f"J{koping}", b"a&#1;b")
    assert messages(path, templates) == [
        f"Parter!J{koping}: text utan styrtecken (cellen innehåller U+0001, som inte får stå "
        "i en Excel- eller Word-fil); skriv om texten i cellen."
    ]


def test_escape_in_a_shared_string_is_decoded(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Parter", f"J{koping}", "MARKERING")
    path = as_shared_string(write_workbook(sheets), f"J{koping}", b"Johanna_x000D_\nBur\xc3\xa9n")
    bok = load(path, templates)
    assert bok.parter.loc[bok.parter["namn"] == KOPING, "handlaggare"].item() == "Johanna Burén"


def test_uncalculated_array_formula_is_reported_like_a_formula(sheets, write_workbook, templates):
    rad = row_of(sheets, "Parametrar", "Medlemsbidrag totalt")
    set_cell(sheets, "Parametrar", f"B{rad}", ArrayFormula(f"B{rad}", "=SUM(Medlemsbidrag!C2:C20)"))
    assert messages(write_workbook(sheets), templates) == [
        f"Parametrar!B{rad} (Medlemsbidrag totalt): en formel utan beräknat värde "
        "({=SUM(Medlemsbidrag!C2:C20)}): öppna arbetsboken i Excel eller Calc, spara den och "
        "försök igen."
    ]


@pytest.mark.parametrize("number", [b"NaN", b"INF", b"-INF", b"nan"])
def test_number_that_is_not_finite(sheets, write_workbook, templates, number):
    set_cell(sheets, "Medlemsbidrag", "C3", 987654321)
    path = replace_in_parts(write_workbook(sheets), b"<v>987654321</v>", b"<v>" + number + b"</v>")
    assert messages(path, templates) == [
        f"Medlemsbidrag!C3: fann »{number.decode()}«, förväntade ett tal (cellen innehåller NaN "
        "eller oändligt, som inget tal i arbetsboken får vara)."
    ]


def test_infinite_float_in_a_text_cell(sheets, write_workbook, templates, koping):
    set_cell(sheets, "Parter", f"J{koping}", 987654321)
    path = replace_in_parts(write_workbook(sheets), b"<v>987654321</v>", b"<v>1e999</v>")
    assert messages(path, templates) == [
        f"Parter!J{koping} (Handläggare): fann »inf«, förväntade ett tal (cellen innehåller NaN "
        "eller oändligt, som inget tal i arbetsboken får vara)."
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.date(2108, 1, 20), "2108-01-20"),
        ("2108-01-20", "2108-01-20"),
        ("1899-12-31", "1899-12-31"),
        ("2101-01-01", "2101-01-01"),
    ],
)
def test_date_outside_1900_to_2100(sheets, write_workbook, templates, value, shown):
    set_cell(sheets, "Beslutssteg", "D2", value)
    assert messages(write_workbook(sheets), templates) == [
        f"Beslutssteg!D2 (Datum): fann »{shown}«, förväntade ett datum (ÅÅÅÅ-MM-DD, t.ex. "
        "2023-05-01) mellan 1900-01-01 och 2100-12-31."
    ]


@pytest.mark.parametrize(
    ("sheet", "header", "rad", "limit"),
    [
        ("Beslutssteg", "Rubrik", 2, 120),  # "Rubrik – Part" is the Word title, under 255
        ("Parter", "Part", None, 120),
        ("Förbund", "Ordförande", 2, 255),
        ("Ärenden", "Bedömning", 2, 4000),
    ],
)
def test_text_longer_than_its_column_allows(
    sheets, write_workbook, templates, koping, sheet, header, rad, limit
):
    if header not in sheets[sheet][0]:
        sheets[sheet][0].append(header)
    cell = f"{get_column_letter(sheets[sheet][0].index(header) + 1)}{rad or koping}"
    set_cell(sheets, sheet, cell, "x" * (limit + 1))
    found = messages(write_workbook(sheets), templates)
    assert (
        f"{sheet}!{cell} ({header}): fann »{'x' * 60}…«, förväntade text på högst {limit} "
        f"tecken (här {limit + 1})." in found
    )


def test_parameter_longer_than_it_may_be(sheets, write_workbook, templates):
    set_cell(sheets, "Parametrar", "B2", "x" * 121)
    found = messages(write_workbook(sheets), templates)
    assert (
        f"Parametrar!B2 (Län): fann »{'x' * 60}…«, förväntade text på högst 120 tecken "
        "(här 121)." in found
    )


def test_text_at_its_limit_is_read(sheets, write_workbook, templates):
    set_cell(sheets, "Beslutssteg", "B2", "x" * 120)
    bok = load(write_workbook(sheets), templates)
    assert bok.beslutssteg.loc[0, "rubrik"] == "x" * 120
