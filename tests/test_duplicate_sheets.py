"""Two sheets whose names differ only in case, spaces or Unicode are an error naming both; a
hidden copy never silently replaces the real sheet (it once made Köping pay "1 kronor")."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from pipeline.problems import UserError
from pipeline.validate import load

from zipparts import replace_in_parts


def with_hidden_copy(path, name: str, hidden: bool = True):
    """A copy of Medlemsbidrag named `name`, written into workbook.xml by hand: openpyxl (like
    Excel) would rename a sheet whose name differs from another's only in case."""
    wb = load_workbook(path)
    ws = wb.create_sheet("Kopia")
    ws.append(["Part", "Förbund", "Belopp (kr)"])
    ws.append(["Köpings kommun", "Samordningsförbundet Västra Mälardalen", 1])
    ws.sheet_state = "hidden" if hidden else "visible"
    wb.save(path)
    return replace_in_parts(path, b'name="Kopia"', f'name="{name}"'.encode())


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Medlemsbidrag ", "»Medlemsbidrag «"),
        ("Medlemsbidrag\u00a0", "»Medlemsbidrag[U+00A0]«"),
        ("MEDLEMSBIDRAG", "»MEDLEMSBIDRAG«"),
        ("Medlemsbidrag\u200b", "»Medlemsbidrag[U+200B]«"),
        ("\uff2d\uff45dlemsbidrag", "»\uff2d\uff45dlemsbidrag«"),  # full-width letters (NFKC)
    ],
)
def test_hidden_copy_of_a_sheet_is_an_error_naming_both(sheets, write_workbook, templates, name, shown):
    path = with_hidden_copy(write_workbook(sheets), name)
    with pytest.raises(UserError) as info:
        load(path, templates)
    messages = [p.message() for p in info.value.problems]
    assert messages == [
        f"arbetsbok.xlsx: bladen »Medlemsbidrag« och {shown} (dolt) har samma namn när stora "
        "och små bokstäver, mellanslag och osynliga tecken inte räknas, så det går inte att "
        "veta vilket som gäller. Ta bort eller byt namn på alla utom ett (dolda blad visas i "
        "Excel med Format > Dölj och ta fram > Ta fram blad)."
    ]


def test_visible_copy_of_a_sheet_that_is_not_read_is_an_error_too(sheets, write_workbook, templates):
    sheets["Anteckningar"] = [["text"]]
    sheets["anteckningar "] = [["text"]]
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), templates)
    assert "bladen »Anteckningar« och »anteckningar « har samma namn" in str(info.value)


def test_sheet_name_in_decomposed_unicode_is_read(sheets, write_workbook, templates):
    """ "Förbund" with a decomposed ö (as macOS may write it) is still the sheet Förbund."""
    sheets["Fo\u0308rbund"] = sheets.pop("Förbund")
    bok = load(write_workbook(sheets), templates)
    assert len(bok.forbund) == 3
