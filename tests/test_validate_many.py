"""Every error in one run; the workbook is only read."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.problems import UserError
from pipeline.validate import load

from workbooks import EXAMPLE, TEMPLATES, set_cell


def test_five_defects_in_three_sheets_are_all_reported(sheets, write_workbook):
    set_cell(sheets, "Parter", "E7", "många")
    set_cell(sheets, "Parter", "C13", "myndighet")
    set_cell(sheets, "Förbund", "C4", "mycket")
    set_cell(sheets, "Förbund", "D2", "igår")
    set_cell(sheets, "Medlemsbidrag", "C5", -1)
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), TEMPLATES)
    cells = sorted(p.where for p in info.value.problems)
    assert cells == ["Förbund!C4", "Förbund!D2", "Medlemsbidrag!C5", "Parter!C13", "Parter!E7"]


def test_shipped_workbook_passes_and_is_not_changed(tmp_path):
    before = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    listing = sorted(p.name for p in EXAMPLE.parent.iterdir())
    bok = load(EXAMPLE, TEMPLATES)
    assert len(bok.parter) == 13
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "out"),
                                       "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(EXAMPLE.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in EXAMPLE.parent.iterdir()) == listing
