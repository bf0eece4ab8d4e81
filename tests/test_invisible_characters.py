"""Names are compared in Unicode normal form, and characters that do not show (zero-width
spaces, direction marks, soft hyphens) are an error that shows them as [U+200B]: a second
"Köpings kommun" written differently is a duplicate, never a new party."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl.utils import get_column_letter

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import set_cell
from zipparts import row_of

KOPING = "Köpings kommun"
VMD = "Samordningsförbundet Västra Mälardalen"


def messages(path, templates) -> list[str]:
    with pytest.raises(UserError) as info:
        load(path, templates)
    return [p.message() for p in info.value.problems]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "zero-width space"),
        ("\u200c", "zero-width non-joiner"),
        ("\u200d", "zero-width joiner"),
        ("\u2060", "word joiner"),
        ("\ufeff", "byte order mark"),
        ("\u200e", "left-to-right mark"),
        ("\u200f", "right-to-left mark"),
        ("\u202e", "right-to-left override"),
        ("\u2066", "left-to-right isolate"),
        ("\u00ad", "soft hyphen"),
    ],
)
def test_invisible_character_in_a_name_is_shown(sheets, write_workbook, templates, char, name):
    rad = row_of(sheets, "Parter", KOPING)
    set_cell(sheets, "Parter", f"A{rad}", f"Köping{char}s kommun")
    code = f"U+{ord(char):04X}"
    found = messages(write_workbook(sheets), templates)
    assert found[0] == (
        f"Parter!A{rad} (Part): fann »Köping[{code}]s kommun«, förväntade text utan osynliga "
        f"tecken (cellen innehåller {code}, visade som [U+…] ovan); skriv om texten i cellen "
        "utan att klistra in den."
    ), name


@pytest.mark.parametrize(
    ("sheet", "cell", "header"),
    [
        ("Parter", "J{koping}", "Handläggare"),  # the letterhead
        ("Parametrar", "B2", "Län"),
        ("Medlemsbidrag", "A2", "Part"),
        ("Ärenden", "C2", "Diarienummer"),
    ],
)
def test_invisible_character_in_any_text_cell(sheets, write_workbook, templates, sheet, cell, header):
    cell = cell.format(koping=row_of(sheets, "Parter", KOPING))
    set_cell(sheets, sheet, cell, "\u202eAbc")
    found = messages(write_workbook(sheets), templates)
    assert (
        f"{sheet}!{cell} ({header}): fann »[U+202E]Abc«, förväntade text utan osynliga "
        "tecken (cellen innehåller U+202E" in found[0]
    )


def test_invisible_character_in_an_extra_column(sheets, write_workbook, templates):
    rad = row_of(sheets, "Parter", KOPING)
    sheets["Parter"][0].append("Kontakt")
    cell = f"{get_column_letter(len(sheets['Parter'][0]))}{rad}"
    set_cell(sheets, "Parter", cell, "a\u200bb")
    found = messages(write_workbook(sheets), templates)
    assert found == [
        f"Parter!{cell} (Kontakt): fann »a[U+200B]b«, förväntade text utan osynliga "
        "tecken (cellen innehåller U+200B, visade som [U+…] ovan); skriv om texten "
        "i cellen utan att klistra in den."
    ]


def test_invisible_character_in_a_header(sheets, write_workbook, templates):
    sheets["Parter"][0][1] = "Kort\u200bnamn"
    found = messages(write_workbook(sheets), templates)
    assert found[0].startswith(
        "Parter!B1 (rubrik): fann »Kort[U+200B]namn«, förväntade text utan osynliga tecken"
    )


def test_party_written_in_decomposed_unicode_is_a_duplicate(sheets, write_workbook, templates):
    first = row_of(sheets, "Parter", KOPING)
    sheets["Parter"].append([unicodedata.normalize("NFD", KOPING), "Köping2", "kommun", VMD, 1])
    rad = len(sheets["Parter"])
    assert messages(write_workbook(sheets), templates) == [
        f"Parter!A{rad} (Part): fann »{KOPING}«, förväntade ett unikt värde (samma som "
        f"Parter!A{first}; skrivet »{KOPING}« där och »Ko[U+0308]pings kommun« här)."
    ]


def test_party_with_a_no_break_space_is_a_duplicate(sheets, write_workbook, templates):
    first = row_of(sheets, "Parter", KOPING)
    sheets["Parter"].append(["Köpings\u00a0kommun", "Köping2", "kommun", VMD, 1])
    rad = len(sheets["Parter"])
    assert messages(write_workbook(sheets), templates) == [
        f"Parter!A{rad} (Part): fann »{KOPING}«, förväntade ett unikt värde (samma som "
        f"Parter!A{first}; skrivet »{KOPING}« där och »Köpings[U+00A0]kommun« här)."
    ]


def test_decomposed_reference_finds_its_party_and_papers_use_nfc(sheets, write_workbook, templates):
    rad = row_of(sheets, "Parter", KOPING)
    set_cell(sheets, "Parter", f"A{rad}", unicodedata.normalize("NFD", KOPING))
    bok = load(write_workbook(sheets), templates)
    assert KOPING in list(bok.parter["namn"])  # composed, as Word and the file names want it
    assert list(bok.medlemsbidrag["part"]).count(KOPING) == 1
