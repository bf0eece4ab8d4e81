"""Build workbooks inside tests with openpyxl, from plain rows that a test can change.

`example_sheets()` returns the example data of workbook.md as {sheet: [header row,
row, ...]}; a test edits what it needs and calls `write(path, sheets)`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

D = dt.date

KOMMUNER = [
    # name, kortnamn, förbund key, invånare, bidrag
    ("Sala kommun", "Sala", "N", 22998, 356469),
    ("Hallstahammars kommun", "Hallstahammar", "N", 16608, 257424),
    ("Fagersta kommun", "Fagersta", "N", 13319, 206445),
    ("Surahammars kommun", "Surahammar", "N", 10099, 156535),
    ("Norbergs kommun", "Norberg", "N", 5714, 88567),
    ("Skinnskattebergs kommun", "Skinnskatteberg", "N", 4371, 67751),
    ("Västerås stad", "Västerås", "V", 156838, 3025000),
    ("Köpings kommun", "Köping", "M", 26133, 375000),
    ("Arboga kommun", "Arboga", "M", 14100, 202330),
    ("Kungsörs kommun", "Kungsör", "M", 8787, 126091),
]
FORBUND = {
    "N": ("Norra Västmanlands Samordningsförbund", 1400000),
    "V": ("Samordningsförbundet Västerås", 8100000),
    "M": ("Samordningsförbundet Västra Mälardalen", 950000),
}
PARTER_HEADERS = ["Part", "Kortnamn", "Typ", "Förbund", "Invånare", "Beredande organ",
                  "Beslutande organ", "Förvaltning", "Avdelning", "Handläggare",
                  "Handläggarens titel", "Kommunchef", "Kanslichef", "Postadress",
                  "Besöksadress", "Telefon", "Webbplats", "E-post", "Organisationsnummer",
                  "Bankgiro"]


def example_sheets() -> dict[str, list[list]]:
    parter = [PARTER_HEADERS]
    for name, short, key, people, _ in KOMMUNER:
        parter.append([name, short, "kommun", FORBUND[key][0], people, "Kommunstyrelsen",
                       "Kommunfullmäktige", "Kommunledningsförvaltningen", "Kansliavdelningen",
                       "Handläggare " + short, "Utredare", "Kommunchef " + short,
                       "Kanslichef " + short, f"{name}, 700 00 {short}", "Stadshuset",
                       "021-00 00 00", f"www.{short.lower()}.se", f"kommun@{short.lower()}.se",
                       "212000-0000", "000-0000"])
    parter.append(["Region Västmanland", "Regionen", "region", None, None, "Regionstyrelsen",
                   "Regionfullmäktige"] + [None] * 13)
    parter.append(["Försäkringskassan", "FK", "stat"] + [None] * 17)
    parter.append(["Arbetsförmedlingen", "AF", "stat"] + [None] * 17)
    bidrag = [["Part", "Förbund", "Belopp (kr)"]]
    for key, (fname, _) in FORBUND.items():
        kommun_total = 0
        for name, _, k, _, amount in KOMMUNER:
            if k == key:
                bidrag.append([name, fname, amount])
                kommun_total += amount
        bidrag.append(["Region Västmanland", fname, kommun_total])
        bidrag.append(["Försäkringskassan", fname, 2 * kommun_total])
    return {
        "Parametrar": [
            ["Parameter", "Värde", "Förklaring"],
            ["Län", "Västmanland", None],
            ["Nytt förbund", "Samordningsförbundet Västmanland", None],
            ["Kvarvarande förbund", FORBUND["N"][0], None],
            ["Bildandedatum", D(2023, 5, 1), None],
            ["Startdatum", D(2024, 1, 1), None],
            ["Budgetår", 2024, None],
            ["Medlemsbidrag totalt", None, None],
            ["Andel stat", 0.5, None],
            ["Andel region", 0.25, None],
            ["Andel kommuner", 0.25, None],
            ["Fördelning interimsbudget", "medlemsbidrag", None],
        ],
        "Förbund": [["Förbund", "Organisationsnummer", "Eget kapital (kr)", "Balansdag",
                     "Ordförande"]] + [
            [name, f"222000-000{i}", equity, D(2022, 12, 31), None]
            for i, (name, equity) in enumerate(FORBUND.values())],
        "Parter": parter,
        "Medlemsbidrag": bidrag,
        "Interimsbudget": [
            ["Post", "Omfattning", "Belopp (kr)"],
            ["Arvoden, förlorad arbetsförtjänst", "6–7 sammanträden", 200000],
            ["Tjänstepersonsstöd", "20 % 6 mån", 150000],
            ["Planeringskonferens", "Två dagar", 50000],
            ["Oförutsett", "ev. juriststöd eller dyl.", 100000],
        ],
        "Beslutssteg": [
            ["Steg", "Rubrik", "Mall", "Datum", "Sista svarsdag", "Gäller"],
            [1, "Beslut om att delta i länsprocess", "01_delta_i_lansprocess.docx",
             D(2022, 1, 20), D(2022, 3, 31), "kommun"],
            [2, "Bildande av Samordningsförbundet Västmanland", "02_bildande.docx",
             D(2023, 1, 10), D(2023, 3, 31), "kommun"],
            [3, "Medlemsbidrag till Samordningsförbundet Västmanland 2024",
             "03_medlemsbidrag.docx", D(2023, 9, 15), D(2023, 11, 30), "kommun, region"],
        ],
        "Ärenden": [
            ["Part", "Steg", "Diarienummer", "Beslutsdatum", "Paragraf", "Beslut"],
            ["Köpings kommun", 1, "KS 2022/45", D(2022, 3, 28), "§ 45", "bifall"],
        ],
    }


def write(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def set_cell(sheets: dict, sheet: str, ref: str, value) -> None:
    """Set a cell by Excel reference ("E7") in the plain rows of `example_sheets()`."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    letter, row = coordinate_from_string(ref)
    rows = sheets[sheet]
    while len(rows) < row:
        rows.append([])
    line = rows[row - 1]
    col = column_index_from_string(letter)
    while len(line) < col:
        line.append(None)
    line[col - 1] = value
