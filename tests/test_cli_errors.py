"""A malformed workbook: exit 2, a Swedish message naming cell and value, no traceback,
and the output folder exactly as it was."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main

from workbooks import TEMPLATES, set_cell


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_with_errors_leaves_out_as_it_was(sheets, write_workbook, tmp_path):
    set_cell(sheets, "Parter", "E7", "ca 5000")
    workbook = write_workbook(sheets)
    out = tmp_path / "out"
    (out / "steg-1").mkdir(parents=True)
    (out / "steg-1" / "gammal.docx").write_bytes(b"tidigare handling")
    before = snapshot(out)
    result = invoke("build", "--workbook", workbook, "--templates", TEMPLATES, "--out", out)
    assert result.exit_code == 2
    assert "Parter!E7 (Invånare): fann »ca 5000«" in result.output
    assert "Traceback" not in result.output
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arbetsbok.xlsx", "out"]


def test_build_with_errors_creates_no_out_folder(sheets, write_workbook, tmp_path):
    set_cell(sheets, "Förbund", "C3", "mycket")
    out = tmp_path / "ut"
    result = invoke("build", "--workbook", write_workbook(sheets), "--templates", TEMPLATES,
                    "--out", out)
    assert result.exit_code == 2
    assert not out.exists()


def test_check_reports_all_errors_in_swedish(sheets, write_workbook):
    set_cell(sheets, "Förbund", "C3", "mycket")
    set_cell(sheets, "Parter", "C5", "församling")
    result = invoke("check", "--workbook", write_workbook(sheets), "--templates", TEMPLATES)
    assert result.exit_code == 2
    assert result.output.startswith("2 fel måste rättas:")
    assert "Förbund!C3" in result.output and "Parter!C5" in result.output


def test_not_a_workbook_is_one_clear_line(tmp_path):
    path = tmp_path / "arbetsbok.xlsx"
    path.write_bytes(b"\x00\x01 inte en arbetsbok")
    result = invoke("check", "--workbook", path, "--templates", TEMPLATES)
    assert result.exit_code == 2
    assert "går inte att läsa som en Excel-arbetsbok" in result.output
    assert "Traceback" not in result.output


def test_unknown_part_for_build(tmp_path):
    from workbooks import EXAMPLE
    result = invoke("build", "--workbook", EXAMPLE, "--templates", TEMPLATES,
                    "--out", tmp_path / "out", "--part", "Uppsala")
    assert result.exit_code == 2
    assert "--part: fann »Uppsala«" in result.output
    assert not (tmp_path / "out").exists()
