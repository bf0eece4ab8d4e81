"""Forms the workbook may take beyond the single-defect rules: dates and percentages as text,
defaults, choices in any case, the optional sheet, and formula cells read by their cached value."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from fractions import Fraction

import pytest

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import set_cell


@pytest.fixture
def loads(write_workbook, templates):
    return lambda sheets: load(write_workbook(sheets), templates)


def with_cached_value(path, sheet_index: int, ref: str, cached: str, text: bool = False):
    """Give a formula cell the cached value a spreadsheet program would have stored."""
    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as z:
        files = {i.filename: z.read(i) for i in z.infolist()}
    kind = ' t="str"' if text else ""
    xml, n = re.subn(
        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*(?:/>|></v>)',
        rf'<c r="{ref}"\1{kind}><f>\2</f><v>{cached}</v>',
        files[member].decode(),
    )
    assert n == 1, xml
    files[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def test_dates_and_percentages_as_text(sheets, loads):
    set_cell(sheets, "Parametrar", "B5", "2023-05-01")
    set_cell(sheets, "Parametrar", "B9", "50 %")
    set_cell(sheets, "Parametrar", "B10", "25%")
    set_cell(sheets, "Parametrar", "B11", "25,0 %")
    p = loads(sheets).parametrar
    assert p.bildandedatum == dt.date(2023, 5, 1)
    assert (p.andel_stat, p.andel_region, p.andel_kommuner) == (
        Fraction(1, 2),
        Fraction(1, 4),
        Fraction(1, 4),
    )


def test_optional_parameters_take_their_defaults(sheets, loads):
    sheets["Parametrar"] = [
        row for row in sheets["Parametrar"] if not str(row[0]).startswith(("Andel", "Fördelning"))
    ]
    p = loads(sheets).parametrar
    assert (p.andel_stat, p.andel_region, p.andel_kommuner) == (0.5, 0.25, 0.25)
    assert p.fordelning_interimsbudget == "medlemsbidrag"


def test_choices_in_any_case(sheets, loads):
    set_cell(sheets, "Parter", "C12", "Region")
    set_cell(sheets, "Ärenden", "F2", "Bifall")
    set_cell(sheets, "Parametrar", "B12", "Eget Kapital")
    set_cell(sheets, "Beslutssteg", "F4", "Kommun, REGION")
    bok = loads(sheets)
    assert bok.parter["typ"].iloc[10] == "region"
    assert bok.arenden["beslut"].iloc[0] == "bifall"
    assert bok.parametrar.fordelning_interimsbudget == "eget kapital"
    assert bok.beslutssteg["galler"].iloc[2] == ("kommun", "region")


def test_empty_galler_means_kommun(sheets, loads):
    set_cell(sheets, "Beslutssteg", "F2", None)
    assert loads(sheets).beslutssteg["galler"].iloc[0] == ("kommun",)


def test_names_are_written_as_their_sheet_spells_them(sheets, loads):
    set_cell(sheets, "Medlemsbidrag", "A13", "KÖPINGS  kommun")
    set_cell(sheets, "Medlemsbidrag", "B13", "samordningsförbundet västra mälardalen")
    row = loads(sheets).medlemsbidrag.iloc[11]
    assert (row["part"], row["forbund"]) == ("Köpings kommun", "Samordningsförbundet Västra Mälardalen")


def test_arenden_is_optional(sheets, loads):
    del sheets["Ärenden"]
    assert loads(sheets).arenden.empty


def test_formula_is_read_by_its_cached_value(sheets, write_workbook, templates):
    set_cell(sheets, "Förbund", "C4", "=1000*950")
    path = with_cached_value(write_workbook(sheets), 2, "C4", "950000")
    assert list(load(path, templates).forbund["eget_kapital"]) == [1_400_000, 8_100_000, 950_000]


def test_formula_calculated_to_empty_text_is_an_empty_cell(sheets, write_workbook, templates):
    set_cell(sheets, "Parter", "H2", '=IF(1,"","x")')
    path = with_cached_value(write_workbook(sheets), 3, "H2", "", text=True)
    assert load(path, templates).parter["forvaltning"].iloc[0] is None


def test_formula_without_cached_value_in_an_extra_column(sheets, write_workbook, templates):
    set_cell(sheets, "Parter", "U1", "Kontaktperson")
    set_cell(sheets, "Parter", "U9", "=J9")
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), templates)
    assert (
        info.value.problems[0]
        .message()
        .startswith("Parter!U9 (Kontaktperson): en formel utan beräknat värde")
    )


def test_formula_without_cached_value_in_the_parameter_column(sheets, write_workbook, templates):
    set_cell(sheets, "Parametrar", "A2", '="Län"')
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), templates)
    assert [p.message() for p in info.value.problems][0].startswith(
        "Parametrar!A2 (Parameter): en formel utan beräknat värde"
    )
