"""A malformed workbook through the command line: exit 2, Swedish messages naming cell and value,
no traceback, and nothing written (the output folder exactly as it was)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import main

from workbooks import EXAMPLE, TEMPLATES, set_cell

INVANARE = (
    "Ett fel måste rättas:\n  - Parter!E7 (Invånare): fann »ca 5000«, förväntade ett heltal "
    "större än 0.\n"
)


@pytest.fixture
def bad_workbook(sheets, write_workbook):
    set_cell(sheets, "Parter", "E7", "ca 5000")
    return write_workbook(sheets)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def test_build_with_errors_exits_2_and_leaves_out_as_it_was(bad_workbook, templates, tmp_path):
    out = tmp_path / "out"
    (out / "steg-1").mkdir(parents=True)
    (out / "steg-1" / "gammal.docx").write_bytes(b"tidigare handling")
    (out / "manifest.json").write_text('{"papers": []}', encoding="utf-8")
    before, everything = snapshot(out), snapshot(tmp_path)
    result = invoke("build", "--workbook", bad_workbook, "--templates", templates, "--out", out)
    assert result.exit_code == 2
    assert result.output == INVANARE
    assert snapshot(out) == before
    assert snapshot(tmp_path) == everything


def test_build_with_errors_creates_no_out_folder(bad_workbook, templates, tmp_path):
    out = tmp_path / "ut" / "handlingar"
    result = invoke("build", "--workbook", bad_workbook, "--templates", templates, "--out", out)
    assert result.exit_code == 2
    assert "Parter!E7 (Invånare): fann »ca 5000«" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "ut").exists()


def test_check_with_errors_exits_2_and_writes_nothing(sheets, write_workbook, templates, tmp_path):
    set_cell(sheets, "Förbund", "C3", "mycket")
    set_cell(sheets, "Parter", "C5", "församling")
    workbook = write_workbook(sheets)
    before = snapshot(tmp_path)
    result = invoke("check", "--workbook", workbook, "--templates", templates)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == "2 fel måste rättas:"
    assert lines[1].startswith("  - Förbund!C3 (Eget kapital (kr)): fann »mycket«, förväntade ")
    assert lines[2] == ("  - Parter!C5 (Typ): fann »församling«, förväntade kommun, region eller stat.")
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["check", "build"])
def test_not_a_workbook_is_one_clear_line(tmp_path, templates, command):
    path = tmp_path / "arbetsbok.xlsx"
    path.write_text("Part;Typ\nKöpings kommun;kommun\n", encoding="utf-8")
    extra = ["--out", tmp_path / "out"] if command == "build" else []
    result = invoke(command, "--workbook", path, "--templates", templates, *extra)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"Ett fel måste rättas:\n  - {path}: filen går inte att läsa som en Excel-arbetsbok"
    )
    assert len(result.output.splitlines()) == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_missing_workbook(tmp_path, templates):
    path = tmp_path / "finns-inte.xlsx"
    result = invoke("check", "--workbook", path, "--templates", templates)
    assert result.exit_code == 2
    assert result.output == f"Ett fel måste rättas:\n  - {path}: arbetsboken finns inte.\n"


def test_unknown_part_for_build(tmp_path):
    result = invoke(
        "build",
        "--workbook",
        EXAMPLE,
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path / "out",
        "--part",
        "Uppsala",
    )
    assert result.exit_code == 2
    assert "--part: fann »Uppsala«" in result.output
    assert not (tmp_path / "out").exists()
