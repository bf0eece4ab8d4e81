"""A figure reads the same in a paper, in `papers budget` and in sammanstallning.xlsx: the same
digits, minus sign and rounding (formatting.py); the terminal has ordinary spaces where the
paper has no-break ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from pipeline.cli import main

from conftest import paper_paths
from workbooks import EXAMPLE, TEMPLATES

NBSP = "\u00a0"
KOPING = "Köpings kommun"
VASTRA = "Samordningsförbundet Västra Mälardalen"
FINANSIERING = "Interimsbudgetens finansiering per förbund (nyckel: medlemsbidrag)"
FORMATS = ("#,##0", "+#,##0;−#,##0;0")  # the number formats summary.py gives figures


def paper_table(path: Path, *headers: str) -> list[dict[str, str]]:
    """The rows of the paper's table whose header row begins with `headers`."""
    for table in Document(path).tables:
        header, *body = [[c.text for c in row.cells] for row in table.rows]
        if header[: len(headers)] == list(headers):
            return [dict(zip(header, row)) for row in body]
    raise AssertionError(f"no table {headers} in {path.name}")


def terminal_table(text: str, title: str) -> list[dict[str, str]]:
    """The rows of one table of `papers budget`, cut at the columns its rule line marks."""
    lines = text.splitlines()
    start = lines.index(title) + 2
    block = lines[start : lines.index("", start)] if "" in lines[start:] else lines[start:]
    spans = [m.span() for m in re.finditer("-+", block[1])]
    cells = [[line[a:b].strip() for a, b in spans] for line in block if not line.startswith("-")]
    header, *body = cells
    return [dict(zip(header, row)) for row in body]


def shown(cell) -> str:
    """What a spreadsheet shows for the cell, with a space between digit groups."""
    if cell.value is None or isinstance(cell.value, str):
        return cell.value or ""
    assert cell.number_format in FORMATS
    positive, negative, zero = [*cell.number_format.split(";"), "", ""][:3]
    if cell.value == 0 and zero:
        return zero
    section = negative if cell.value < 0 and negative else positive
    return section[: section.index("#")] + f"{abs(cell.value):,}".replace(",", " ")


def sheet_table(path: Path, name: str) -> list[dict[str, str]]:
    header, *body = load_workbook(path)[name].iter_rows()
    return [{h.value: shown(c) for h, c in zip(header, row)} for row in body]


def row(rows: list[dict[str, str]], key: str, name: str) -> dict[str, str]:
    [found] = [r for r in rows if r[key] == name]
    return found


@pytest.fixture(scope="module")
def budget() -> str:
    result = CliRunner().invoke(
        main, ["budget", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def same(paper: str, terminal: str, sheet: str) -> None:
    assert NBSP not in terminal
    assert paper.replace(NBSP, " ") == terminal == sheet


@pytest.mark.parametrize("part", [KOPING, "Västerås stad"])  # Västerås stad pays less: a minus
def test_a_partys_contribution_reads_the_same_everywhere(shipped_out, budget, part):
    paper = row(paper_table(paper_paths(shipped_out)[(3, KOPING)], "Kommun"), "Kommun", part)
    terminal = row(terminal_table(budget, "Medlemsbidrag per part: i dag och 2024"), "Part", part)
    sheet = row(sheet_table(shipped_out / "sammanstallning.xlsx", "Medlemsbidrag 2024"), "Part", part)
    for in_paper, in_summary in [
        ("Invånare", "Invånare"),
        ("Andel", "Andel"),
        ("I dag", "I dag, kr"),
        ("2024", "2024, kr"),
        ("Förändring", "Förändring, kr"),
    ]:
        same(paper[in_paper], terminal[in_summary], sheet[in_summary])
    if part == KOPING:
        assert (terminal["2024, kr"], terminal["Andel"]) == ("455 425", "9,4 %")
    else:
        assert terminal["Förändring, kr"] == "\u2212291 754"


def test_the_interim_budget_reads_the_same_everywhere(shipped_out, budget):
    paper = paper_paths(shipped_out)[(2, KOPING)]
    summary = shipped_out / "sammanstallning.xlsx"
    same(
        row(paper_table(paper, "Post"), "Post", "Summa")["Belopp"],
        row(terminal_table(budget, "Interimsbudget"), "Post", "Summa")["Belopp, kr"],
        row(sheet_table(summary, "Interimsbudget"), "Post", "Summa")["Belopp, kr"],
    )
    share = (
        row(paper_table(paper, "Förbund", "Underlag (medlemsbidrag)"), "Förbund", VASTRA)["Andel"],
        row(terminal_table(budget, FINANSIERING), "Förbund", VASTRA)["Andel, kr"],
        row(sheet_table(summary, "Finansiering interimsbudget"), "Förbund", VASTRA)["Andel, kr"],
    )
    same(*share)
    assert share[1] == "72 344"
