"""`papers status`: decided, pending or overdue, per party and step, from Ärenden."""

from __future__ import annotations

import datetime as dt
import io

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.build import prepare
from pipeline.cli import main
from pipeline.context import payers
from pipeline.status import OVERDUE_FILL
from pipeline.status import status as read_status

from workbooks import TEMPLATES


def status_of(workbook, today):
    prepared = prepare(workbook, TEMPLATES)
    return read_status(prepared.bok, today, payers(prepared.figures))


def run(*args):
    return CliRunner().invoke(main, ["status", *map(str, args)])


def test_table_matches_the_sheet(sheets, write_workbook):
    sheets["Ärenden"].append(["Norbergs kommun", 1, None, dt.date(2022, 3, 30), "§ 12", "avslag"])
    s = status_of(write_workbook(sheets), dt.date(2022, 4, 15))
    cell = {(p, n): c.text for (p, n), c in s.cells.items()}
    assert cell[("Köpings kommun", 1)] == "bifall 2022-03-28 § 45"
    assert cell[("Norbergs kommun", 1)] == "avslag 2022-03-30 § 12"
    assert cell[("Kungsörs kommun", 1)] == "återremitterat"
    assert cell[("Fagersta kommun", 1)] == "försenat (svar senast 2022-03-31)"
    assert cell[("Köpings kommun", 2)] == "väntar (svar senast 2023-03-31)"
    assert cell[("Region Västmanland", 1)] == "försenat (svar senast 2022-03-31)"
    assert cell[("Arbetsförmedlingen", 3)] == "–"  # pays nothing itself: no step-3 paper
    assert s.summaries[0] == (
        "Steg 1 (Beslut om att delta i länsprocess): 5 av 13 parter har beslutat, 7 försenade."
    )
    assert s.summaries[2].endswith("0 av 12 parter har beslutat.")


def test_before_the_answer_date_nothing_is_overdue(sheets, write_workbook):
    s = status_of(write_workbook(sheets), dt.date(2022, 3, 1))
    assert all(not c.text.startswith("försenat") for c in s.cells.values())


def test_command_and_xlsx(sheets, write_workbook, tmp_path):
    target = tmp_path / "status.xlsx"
    result = run(
        "--workbook",
        write_workbook(sheets),
        "--templates",
        TEMPLATES,
        "--datum",
        "2022-04-15",
        "--xlsx",
        target,
    )
    assert result.exit_code == 0, result.output
    assert "Läget den 2022-04-15" in result.output
    assert "4 av 13 parter har beslutat" in result.output
    ws = load_workbook(io.BytesIO(target.read_bytes()))["Status"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=12)}
    assert rows["Fagersta kommun"][1].fill.fgColor.rgb.endswith(OVERDUE_FILL.fgColor.rgb[-6:])
    assert rows["Köpings kommun"][1].value == "bifall 2022-03-28 § 45"
    assert rows["Köpings kommun"][1].fill.fgColor.rgb in (None, "00000000")


def test_bad_date_option():
    result = run("--datum", "15/4")
    assert result.exit_code == 2
