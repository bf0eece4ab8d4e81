"""What the workbook may look like: loose headers, any column order, extra columns, empty rows,
amounts, dates and percentages written as text."""

from __future__ import annotations

import pytest

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import TEMPLATES, set_cell


def test_headers_match_loosely(sheets, write_workbook):
    set_cell(sheets, "Förbund", "C1", "  eget   KAPITAL (KR) ")
    set_cell(sheets, "Parter", "E1", "INVÅNARE")
    bok = load(write_workbook(sheets), TEMPLATES)
    assert list(bok.forbund["eget_kapital"]) == [1_400_000, 8_100_000, 950_000]


def test_columns_in_any_order_and_errors_name_the_new_column(sheets, write_workbook):
    sheets["Parter"] = [list(reversed(row + [None] * (20 - len(row)))) for row in sheets["Parter"]]
    bok = load(write_workbook(sheets), TEMPLATES)
    assert bok.parter.loc[7, "namn"] == "Köpings kommun"
    assert bok.parter.loc[7, "invanare"] == 26133
    set_cell(sheets, "Parter", "P9", "många")  # Invånare is column P once reversed
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), TEMPLATES)
    assert info.value.problems[0].message().startswith("Parter!P9 (Invånare): fann »många«")


def test_extra_columns_are_kept(sheets, write_workbook):
    set_cell(sheets, "Parter", "U1", "Kontaktperson (KS)")
    set_cell(sheets, "Parter", "U9", "Anna Andersson")
    bok = load(write_workbook(sheets), TEMPLATES)
    assert bok.parter.loc[7, "extra"] == {"kontaktperson_ks": "Anna Andersson"}


def test_empty_rows_are_skipped(sheets, write_workbook):
    sheets["Parter"].insert(5, [None] * 20)
    sheets["Medlemsbidrag"].insert(3, ["  ", None, None])
    bok = load(write_workbook(sheets), TEMPLATES)
    assert len(bok.parter) == 13
    assert len(bok.medlemsbidrag) == 16


@pytest.mark.parametrize("text", ["375 000", "375\u00a0000 kr", "375000,00", "375 000 kronor",
                                  375000.0])
def test_amounts_in_text_forms(sheets, write_workbook, text):
    set_cell(sheets, "Medlemsbidrag", "C13", text)
    bok = load(write_workbook(sheets), TEMPLATES)
    assert bok.medlemsbidrag.loc[11, "belopp"] == 375000


def test_dates_and_percentages_as_text(sheets, write_workbook):
    set_cell(sheets, "Parametrar", "B5", "2023-05-01")
    set_cell(sheets, "Parametrar", "B9", "50 %")
    set_cell(sheets, "Parametrar", "B10", "25%")
    bok = load(write_workbook(sheets), TEMPLATES)
    assert bok.parametrar.bildandedatum.isoformat() == "2023-05-01"
    assert bok.parametrar.andel_stat * 2 == 1


def test_optional_parameters_take_their_defaults(sheets, write_workbook):
    sheets["Parametrar"] = [row for row in sheets["Parametrar"]
                            if not str(row[0]).startswith(("Andel", "Fördelning"))]
    p = load(write_workbook(sheets), TEMPLATES).parametrar
    assert (p.andel_stat, p.andel_region, p.andel_kommuner) == (0.5, 0.25, 0.25)
    assert p.fordelning_interimsbudget == "medlemsbidrag"


def test_arenden_is_optional(sheets, write_workbook):
    del sheets["Ärenden"]
    assert load(write_workbook(sheets), TEMPLATES).arenden.empty
