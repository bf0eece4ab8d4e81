"""The shipped workbook: the example data, pleasant to edit, and the script that made it."""

from __future__ import annotations

import subprocess
import sys

from openpyxl import load_workbook

from pipeline import schema

from workbooks import EXAMPLE, ROOT


def test_shipped_workbook_is_the_scripts_output(tmp_path):
    target = tmp_path / "arbetsbok.xlsx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_example_workbook.py"), str(target)],
        check=True,
        capture_output=True,
    )
    assert target.read_bytes() == EXAMPLE.read_bytes()


def test_instructions_note_formats_and_lists():
    wb = load_workbook(EXAMPLE)
    assert wb.sheetnames[0] == "Instruktioner"
    text = "\n".join(str(c.value) for row in wb["Instruktioner"].iter_rows() for c in row if c.value)
    assert "Exempeldata: belopp utom Köpings är påhittade" in text
    for spec in schema.SHEETS:
        for column in spec.columns:
            assert column.header in text
    ws = wb["Medlemsbidrag"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws["C2"].number_format == "#,##0"
    assert wb["Förbund"]["D2"].number_format == "yyyy-mm-dd"
    koping = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "Köpings kommun")
    assert koping[2] == 375_000
    lists = {
        str(dv.sqref).split(":")[0]: dv.formula1
        for dv in wb["Beslutssteg"].data_validations.dataValidation
    }
    assert "kommun, region" in lists["F2"]
    assert any(
        dv.formula1 == '"bifall,avslag,återremiss"'
        for dv in wb["Ärenden"].data_validations.dataValidation
    )


def test_example_totals():
    wb = load_workbook(EXAMPLE)
    totals: dict[str, int] = {}
    for _part, forbund, amount in wb["Medlemsbidrag"].iter_rows(min_row=2, values_only=True):
        if forbund:
            totals[forbund] = totals.get(forbund, 0) + amount
    assert totals == {
        "Norra Västmanlands Samordningsförbund": 4_532_764,
        "Samordningsförbundet Västerås": 12_100_000,
        "Samordningsförbundet Västra Mälardalen": 2_813_684,
    }
    people = sum(
        r[4] for r in wb["Parter"].iter_rows(min_row=2, values_only=True) if r[2] == "kommun"
    )  # the ten kommuner, SCB 2021-12-31
    assert people == 278_967
