"""Every error in one run; the example passes; the workbook is only read."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import EXAMPLE, set_cell, steps, write


def state(folder):
    """Every file under the folder: name -> (sha256, modification time)."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
    }


def test_five_defects_in_three_sheets_are_all_reported(sheets, write_workbook, templates):
    defects = {
        "Parter!E7": "många",
        "Parter!C13": "myndighet",
        "Förbund!C4": "mycket",
        "Förbund!D2": "igår",
        "Medlemsbidrag!C5": -1,
    }
    for where, value in defects.items():
        sheet, cell = where.split("!")
        set_cell(sheets, sheet, cell, value)
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), templates)
    found = {p.where: p.message() for p in info.value.problems}
    assert sorted(found) == sorted(defects)
    for where, value in defects.items():
        assert found[where].startswith(f"{where} (") and f"fann »{value}«" in found[where]


def test_example_workbook_passes(templates):
    bok = load(EXAMPLE, templates)
    assert (len(bok.forbund), len(bok.parter), len(bok.medlemsbidrag)) == (3, 13, 16)
    assert bok.parametrar.kvarvarande_forbund == "Norra Västmanlands Samordningsförbund"
    assert list(bok.beslutssteg["steg"]) == list(steps())


def test_load_never_writes_a_valid_workbook(tmp_path, templates):
    folder = tmp_path / "bok"
    folder.mkdir()
    path = shutil.copy2(EXAMPLE, folder / "arbetsbok.xlsx")
    before, mallar = state(folder), state(templates)
    load(path, templates)
    assert state(folder) == before
    assert state(templates) == mallar


def test_load_never_writes_a_workbook_with_errors(sheets, tmp_path, templates):
    folder = tmp_path / "bok"
    folder.mkdir()
    set_cell(sheets, "Parter", "E7", "många")
    path = write(folder / "arbetsbok.xlsx", sheets)
    before = state(folder)
    with pytest.raises(UserError):
        load(path, templates)
    assert state(folder) == before
