"""One test per rule of workbook.md: the example workbook with a single defect, reported with
its exact cell, header and value (or, for the shape rules, accepted as it should be)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import column_of, example_sheets, set_cell

ORGNR_COLUMN = column_of(example_sheets(), "Parter", "Organisationsnummer")

NORRA = "Norra Västmanlands Samordningsförbund"
VASTERAS = "Samordningsförbundet Västerås"


@pytest.fixture
def messages(write_workbook, templates):
    """Every problem's message for the changed sheets (the test fails if the workbook passes)."""

    def run(sheets) -> list[str]:
        with pytest.raises(UserError) as info:
            load(write_workbook(sheets), templates)
        return [p.message() for p in info.value.problems]

    return run


@pytest.fixture
def single(messages):
    def run(sheets) -> str:
        found = messages(sheets)
        assert len(found) == 1, found
        return found[0]

    return run


@pytest.fixture
def loads(write_workbook, templates):
    return lambda sheets: load(write_workbook(sheets), templates)


# --- a single bad cell: (sheet, cell, value, header, what the message must also say) -------------

CELL_RULES = {
    "bad amount": ("Förbund", "C3", "mycket", "Eget kapital (kr)", "ett belopp i hela kronor"),
    "negative amount": ("Medlemsbidrag", "C13", -5, "Belopp (kr)", "0 eller mer"),
    "amount with öre": ("Medlemsbidrag", "C13", "375 000,50", "Belopp (kr)", "hela kronor"),
    "amount in another unit": ("Interimsbudget", "C2", "200 tkr", "Belopp (kr)", "hela kronor"),
    "required amount empty": ("Förbund", "C2", None, "Eget kapital (kr)", "(obligatoriskt)"),
    "bad date": ("Förbund", "D2", "31/12 2022", "Balansdag", "ett datum (ÅÅÅÅ-MM-DD"),
    "impossible date": ("Beslutssteg", "D2", "2022-02-30", "Datum", "ett datum (ÅÅÅÅ-MM-DD"),
    "required date empty": ("Beslutssteg", "D3", None, "Datum", "(obligatoriskt)"),
    "percentage without %": ("Parametrar", "B9", "50", "Andel stat", "en procentsats"),
    "percentage over 100": ("Parametrar", "B10", 1.5, "Andel region", "mellan 0 och 100 %"),
    "Budgetår not an integer": ("Parametrar", "B7", "tjugofyra", "Budgetår", "ett heltal"),
    "Medlemsbidrag totalt not an amount": (
        "Parametrar",
        "B8",
        "mycket",
        "Medlemsbidrag totalt",
        "ett belopp i hela kronor",
    ),
    "parameter with empty value": ("Parametrar", "B2", None, "Län", "(obligatoriskt)"),
    "Fördelning interimsbudget outside the keys": (
        "Parametrar",
        "B12",
        "folkmängd",
        "Fördelning interimsbudget",
        "något av: medlemsbidrag, eget kapital, invånare eller lika",
    ),
    "Kvarvarande förbund not a row of Förbund": (
        "Parametrar",
        "B4",
        "Samordningsförbundet Köping",
        "Kvarvarande förbund",
        "ett förbund från bladet Förbund",
    ),
    "Startdatum not after Bildandedatum": (
        "Parametrar",
        "B6",
        dt.date(2023, 5, 1),
        "Startdatum",
        "ett datum efter Bildandedatum 2023-05-01",
    ),
    "organisation number of a förbund": (
        "Förbund",
        "B3",
        "2220001925",
        "Organisationsnummer",
        "i formen NNNNNN-NNNN",
    ),
    "organisation number of a party": (
        "Parter",
        ORGNR_COLUMN + "9",
        "21200-2114",
        "Organisationsnummer",
        "i formen NNNNNN-NNNN",
    ),
    "duplicate Kortnamn": ("Parter", "B3", "sala", "Kortnamn", "ett unikt värde (samma som Parter!B2)"),
    "required Part empty": ("Parter", "A14", None, "Part", "(obligatoriskt)"),
    "Typ outside kommun/region/stat": ("Parter", "C5", "församling", "Typ", "kommun, region eller stat"),
    "kommun without Förbund": ("Parter", "D5", None, "Förbund", "obligatoriskt för en kommun"),
    "kommun without Invånare": ("Parter", "E5", None, "Invånare", "obligatoriskt för en kommun"),
    "Invånare 0": ("Parter", "E7", 0, "Invånare", "ett heltal större än 0"),
    "Invånare not a number": ("Parter", "E7", "abc", "Invånare", "ett heltal större än 0"),
    "Förbund on Parter that does not exist": (
        "Parter",
        "D9",
        "Samordningsförbundet Köping",
        "Förbund",
        "ett förbund från bladet Förbund",
    ),
    "region with a Förbund": (
        "Parter",
        "D12",
        NORRA,
        "Förbund",
        "en tom cell: en part av typen region är medlem i alla förbund",
    ),
    "stat with a Förbund": ("Parter", "D13", NORRA, "Förbund", "en part av typen stat"),
    "Medlemsbidrag: unknown party": (
        "Medlemsbidrag",
        "A3",
        "Okänd kommun",
        "Part",
        "en part från bladet Parter",
    ),
    "Medlemsbidrag: unknown förbund": (
        "Medlemsbidrag",
        "B13",
        "Samordningsförbundet Köping",
        "Förbund",
        "ett förbund från bladet Förbund",
    ),
    "Medlemsbidrag: kommun pays another förbund": (
        "Medlemsbidrag",
        "B13",
        VASTERAS,
        "Förbund",
        "kommunens eget förbund, Samordningsförbundet Västra Mälardalen",
    ),
    "duplicate Steg": ("Beslutssteg", "A4", 2, "Steg", "ett unikt värde (samma som Beslutssteg!A3)"),
    "Steg not a positive integer": ("Beslutssteg", "A4", 0, "Steg", "ett heltal större än 0"),
    "Steg with decimals": ("Beslutssteg", "A4", 1.5, "Steg", "ett heltal större än 0"),
    "Mall that does not exist": (
        "Beslutssteg",
        "C3",
        "finns_inte.docx",
        "Mall",
        "namnet på en Word-mall (.docx) i mallmappen",
    ),
    "Mall with a path": (
        "Beslutssteg",
        "C3",
        "../x.docx",
        "Mall",
        "namnet på en Word-mall (.docx) i mallmappen",
    ),
    "Gäller with an unknown type": (
        "Beslutssteg",
        "F4",
        "kommun, landsting",
        "Gäller",
        "en eller flera av kommun, region, stat",
    ),
    "Ärenden: unknown Part": ("Ärenden", "A3", "Köping", "Part", "en part från bladet Parter"),
    "Ärenden: unknown Steg": ("Ärenden", "B3", 9, "Steg", "ett steg från bladet Beslutssteg"),
    "Ärenden: Beslut outside the three": (
        "Ärenden",
        "F3",
        "ja",
        "Beslut",
        "bifall, avslag eller återremiss",
    ),
    "Ärenden: bad Beslutsdatum": ("Ärenden", "D3", "24/3 2022", "Beslutsdatum", "ett datum (ÅÅÅÅ-MM-DD"),
    "Ärenden: two rows for the same part and step": (
        "Ärenden",
        "A3",
        "Köpings kommun",
        "Part",
        "en rad per part och steg (samma som på rad 2)",
    ),
}


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "header", "expected"), CELL_RULES.values(), ids=CELL_RULES.keys()
)
def test_bad_cell_is_named_with_header_and_value(sheets, single, sheet, cell, value, header, expected):
    set_cell(sheets, sheet, cell, value)
    message = single(sheets)
    shown = str(value).replace(".", ",") if isinstance(value, float) else value  # decimal comma
    found = "en tom cell" if value is None else f"»{shown}«"
    assert message.startswith(f"{sheet}!{cell} ({header}): fann {found}, förväntade "), message
    assert expected in message


# --- rows and sheets ---------------------------------------------------------------------------


def test_duplicate_part(sheets, single):
    sheets["Parter"].append(["SALA KOMMUN", "Sala2", "kommun", NORRA, 1])
    assert single(sheets) == (
        "Parter!A15 (Part): fann »SALA KOMMUN«, förväntade ett unikt värde (samma som Parter!A2)."
    )


def test_duplicate_forbund(sheets, single):
    sheets["Förbund"].append(["Samordningsförbundet  VÄSTERÅS", None, 0, dt.date(2022, 12, 31)])
    assert single(sheets) == (
        "Förbund!A5 (Förbund): fann »Samordningsförbundet VÄSTERÅS«, "
        "förväntade ett unikt värde (samma som Förbund!A3)."
    )


def test_shares_must_add_up_to_100_percent(sheets, single):
    set_cell(sheets, "Parametrar", "B10", "30 %")
    message = single(sheets)
    assert message.startswith("Parametrar!B9, Parametrar!B10, Parametrar!B11 ")
    assert "fann »105 %«" in message
    assert "blir 100 % tillsammans" in message


def test_missing_required_parameter_row(sheets, single):
    del sheets["Parametrar"][5]  # Startdatum
    assert single(sheets).startswith("Parametrar: parametern »Startdatum« saknas; lägg till en rad")


def test_duplicated_parameter_row(sheets, single):
    sheets["Parametrar"].append(["län", "Uppsala", None])
    row = len(sheets["Parametrar"])
    assert single(sheets).startswith(f"Parametrar!A{row}: parametern »Län« står redan på rad 2")


def test_missing_sheet(sheets, single):
    del sheets["Interimsbudget"]
    assert single(sheets) == "arbetsbok.xlsx: bladet »Interimsbudget« saknas i arbetsboken."


@pytest.mark.parametrize(
    ("sheet", "index", "header"),
    [
        ("Förbund", 2, "Eget kapital (kr)"),
        ("Parter", 1, "Kortnamn"),
        ("Beslutssteg", 2, "Mall"),
    ],
)
def test_missing_required_column(sheets, single, sheet, index, header):
    for row in sheets[sheet]:
        del row[index]
    assert single(sheets) == f"{sheet}!1: kolumnen »{header}« saknas i rubrikraden."


def test_missing_forbund_column_of_parter_is_needed_for_kommuner(sheets, single):
    for row in sheets["Parter"]:
        del row[3]
    assert single(sheets) == "Parter!1: kolumnen »Förbund« saknas; den krävs för kommuner."


def test_formula_without_cached_value(sheets, single):
    set_cell(sheets, "Medlemsbidrag", "C13", "=1+1")  # openpyxl writes no cached value
    message = single(sheets)
    assert message.startswith("Medlemsbidrag!C13 (Belopp (kr)): en formel utan beräknat värde")
    assert "öppna arbetsboken i Excel eller Calc, spara den" in message


def test_text_file_renamed_xlsx(tmp_path, templates):
    path = tmp_path / "arbetsbok.xlsx"
    path.write_text("Part;Typ\nKöpings kommun;kommun\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load(path, templates)
    [problem] = info.value.problems
    assert problem.message().startswith(
        f"{path}: filen går inte att läsa som en Excel-arbetsbok (.xlsx)"
    )


def test_missing_file(tmp_path, templates):
    path = tmp_path / "finns-inte.xlsx"
    with pytest.raises(UserError) as info:
        load(path, templates)
    assert [p.message() for p in info.value.problems] == [f"{path}: arbetsboken finns inte."]


# --- what the workbook may look like -----------------------------------------------------------


def test_headers_match_loosely(sheets, loads):
    set_cell(sheets, "Förbund", "C1", "  eget   KAPITAL (KR) ")
    set_cell(sheets, "Parter", "A1", "PART")
    bok = loads(sheets)
    assert list(bok.forbund["eget_kapital"]) == [1_400_000, 8_100_000, 950_000]
    assert bok.parter["namn"].iloc[7] == "Köpings kommun"


def test_columns_in_another_order(sheets, loads, single):
    width = len(sheets["Parter"][0])
    sheets["Parter"] = [list(reversed(row + [None] * (width - len(row)))) for row in sheets["Parter"]]
    bok = loads(sheets)
    koping = bok.parter.iloc[7]
    assert (koping["namn"], koping["invanare"], koping["organisationsnummer"]) == (
        "Köpings kommun",
        26133,
        "212000-2114",
    )
    column = column_of(sheets, "Parter", "Invånare")  # once column E, now near the end
    set_cell(sheets, "Parter", f"{column}9", "många")
    assert single(sheets).startswith(f"Parter!{column}9 (Invånare): fann »många«")


def test_extra_column_is_kept(sheets, loads):
    set_cell(sheets, "Parter", "U1", "Kontaktperson (KS)")
    set_cell(sheets, "Parter", "U9", "Anna Andersson")
    bok = loads(sheets)
    assert bok.parter["extra"].iloc[7] == {"kontaktperson_ks": "Anna Andersson"}
    assert bok.parter["extra"].iloc[0] == {"kontaktperson_ks": ""}


def test_empty_rows_are_skipped(sheets, loads):
    sheets["Parter"].insert(5, [None] * 20)
    sheets["Parter"].insert(8, ["  ", None, "\u00a0"])
    bok = loads(sheets)
    assert len(bok.parter) == 13
    assert list(bok.parter["rad"])[:8] == [2, 3, 4, 5, 7, 8, 10, 11]


@pytest.mark.parametrize(
    "value", ["375 000", "375 000 kr", "375000,00", "375 000 kronor", "375\u00a0000\u00a0kr", 375000.0]
)
def test_amounts_in_text_forms(sheets, loads, value):
    set_cell(sheets, "Medlemsbidrag", "C13", value)
    assert loads(sheets).medlemsbidrag["belopp"].iloc[11] == 375000


# --- bugs found while writing these tests -----------------------------------------------------


def test_kvarvarande_forbund_is_written_as_forbund_spells_it(sheets, loads):
    set_cell(sheets, "Parametrar", "B4", NORRA.lower())
    assert loads(sheets).parametrar.kvarvarande_forbund == NORRA


def test_empty_part_in_arenden_is_reported_once_per_cell(sheets, messages):
    set_cell(sheets, "Ärenden", "A6", None)
    set_cell(sheets, "Ärenden", "A7", None)
    assert messages(sheets) == [
        "Ärenden!A6 (Part): fann en tom cell, förväntade text (obligatoriskt).",
        "Ärenden!A7 (Part): fann en tom cell, förväntade text (obligatoriskt).",
    ]
