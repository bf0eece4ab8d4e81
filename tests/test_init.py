"""`papers init`: an empty workbook, ready to fill in for another county; never overwrites."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline import schema
from pipeline.build import build
from pipeline.cli import main

from conftest import paper_paths
from workbooks import TEMPLATES


def test_empty_workbook_has_every_sheet_header_and_list(tmp_path):
    path = tmp_path / "ny.xlsx"
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    assert wb.sheetnames == ["Instruktioner", *(s.name for s in schema.SHEETS)]
    for spec in schema.SHEETS:
        ws = wb[spec.name]
        assert [c.value for c in ws[1]] == [c.header for c in spec.columns]
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
    lists = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in wb["Parter"].data_validations.dataValidation
    }
    assert lists["C2"] == '"kommun,region,stat"'
    assert wb["Förbund"]["C2"].number_format == "#,##0"
    assert wb["Förbund"]["D2"].number_format == "yyyy-mm-dd"
    assert [r[0].value for r in wb["Parametrar"].iter_rows(min_row=2)] == [
        p.name for p in schema.PARAMETERS
    ]


def test_refuses_to_overwrite(tmp_path):
    path = tmp_path / "ny.xlsx"
    path.write_bytes(b"finns redan")
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 2
    assert "finns redan" in result.output
    assert path.read_bytes() == b"finns redan"


def test_filled_in_for_another_county_it_builds(tmp_path):
    path = tmp_path / "uppsala.xlsx"
    CliRunner().invoke(main, ["init", str(path)])
    wb = load_workbook(path)
    values = {
        "Län": "Uppsala",
        "Nytt förbund": "Samordningsförbundet Uppsala län",
        "Kvarvarande förbund": "Samordningsförbundet Norra Uppland",
        "Bildandedatum": dt.date(2027, 1, 1),
        "Startdatum": dt.date(2028, 1, 1),
        "Budgetår": 2028,
    }
    for row in wb["Parametrar"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    for name, equity in (
        ("Samordningsförbundet Norra Uppland", 500_000),
        ("Samordningsförbundet Uppsala", 2_000_000),
    ):
        wb["Förbund"].append([name, None, equity, dt.date(2026, 12, 31)])
    wb["Parter"].append(
        [
            "Tierps kommun",
            "Tierp",
            "kommun",
            "Samordningsförbundet Norra Uppland",
            21000,
            "Kommunstyrelsen",
            "Kommunfullmäktige",
        ]
    )
    wb["Parter"].append(
        [
            "Uppsala kommun",
            "Uppsala",
            "kommun",
            "Samordningsförbundet Uppsala",
            240000,
            "Kommunstyrelsen",
            "Kommunfullmäktige",
        ]
    )
    wb["Parter"].append(
        ["Region Uppsala", "Regionen", "region", None, None, "Regionstyrelsen", "Regionfullmäktige"]
    )
    wb["Parter"].append(["Försäkringskassan", "FK", "stat"])
    for part, forbund, amount in (
        ("Tierps kommun", "Samordningsförbundet Norra Uppland", 300_000),
        ("Uppsala kommun", "Samordningsförbundet Uppsala", 1_900_001),
        ("Region Uppsala", "Samordningsförbundet Norra Uppland", 300_000),
        ("Region Uppsala", "Samordningsförbundet Uppsala", 1_900_001),
        ("Försäkringskassan", "Samordningsförbundet Norra Uppland", 600_000),
        ("Försäkringskassan", "Samordningsförbundet Uppsala", 3_800_002),
    ):
        wb["Medlemsbidrag"].append([part, forbund, amount])
    wb["Interimsbudget"].append(["Arvoden", None, 123_457])
    for steg, mall, galler in (
        (1, "01_delta_i_lansprocess.docx", "kommun"),
        (2, "02_bildande.docx", "kommun"),
        (3, "03_medlemsbidrag.docx", "kommun, region"),
    ):
        wb["Beslutssteg"].append(
            [steg, f"Steg {steg} i Uppsala", mall, dt.date(2026, steg, 1), None, galler]
        )
    wb.save(path)
    out = tmp_path / "out"
    result = build(path, TEMPLATES, out)
    assert len(result.papers) == 7
    assert (3, "Region Uppsala") in paper_paths(out)
