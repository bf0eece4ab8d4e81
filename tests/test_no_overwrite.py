"""Nothing the tool did not write is overwritten or deleted: the workbook above all. `status
--xlsx`, `init`, `--out` and `bundle` refuse what is not theirs; the manifest is validated
before any file it names is trusted; text in `status --xlsx` never becomes a formula."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main

from output_faults import snapshot
from workbooks import EXAMPLE, TEMPLATES, Text, paper_count


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_problem(result, where: str, text: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Ett fel måste rättas:\n  - {where}: {text}"), result.output
    assert "Traceback" not in result.output


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "data" / "arbetsbok.xlsx"
    path.parent.mkdir()
    path.write_bytes(EXAMPLE.read_bytes())
    return path


# ---- status --xlsx ------------------------------------------------------------------------


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_status_never_writes_over_the_workbook(workbook, force):
    before = workbook.read_bytes()
    result = invoke(
        "status", "--workbook", workbook, "--templates", TEMPLATES, "--xlsx", workbook, *force
    )
    one_problem(result, str(workbook), "är arbetsboken; statustabellen skrivs aldrig över den.")
    assert workbook.read_bytes() == before


def test_status_refuses_a_file_it_did_not_write_unless_forced(tmp_path):
    other = tmp_path / "budget.xlsx"
    other.write_bytes(b"en annan fil")
    args = ["status", "--workbook", EXAMPLE, "--templates", TEMPLATES, "--xlsx", other]
    one_problem(invoke(*args), str(other), "filen finns redan och är inte en statustabell")
    assert other.read_bytes() == b"en annan fil"
    assert invoke(*args, "--force").exit_code == 0
    assert load_workbook(other).sheetnames == ["Status"]
    again = invoke(*args)  # its own table is replaced without --force
    assert again.exit_code == 0, again.output


def test_status_onto_a_folder_or_into_a_missing_folder(tmp_path):
    base = ["status", "--workbook", EXAMPLE, "--templates", TEMPLATES, "--xlsx"]
    one_problem(invoke(*base, tmp_path), str(tmp_path), "är en mapp")
    missing = tmp_path / "finns-inte" / "status.xlsx"
    one_problem(invoke(*base, missing), str(missing.parent), "mappen finns inte")


def test_status_xlsx_keeps_formula_like_text_as_text(sheets, write_workbook, tmp_path):
    evil = '=HYPERLINK("http://example.invalid","klicka")'
    for rows in sheets.values():
        for row in rows:
            for i, value in enumerate(row):
                if value == "Sala kommun":
                    row[i] = Text(evil)
    path = tmp_path / "status.xlsx"
    result = invoke(
        "status", "--workbook", write_workbook(sheets), "--templates", TEMPLATES, "--xlsx", path
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(path)["Status"]
    cell = next(c for c in ws["A"] if c.value == evil)
    assert cell.data_type == "s" and cell.quotePrefix
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml


# ---- init ---------------------------------------------------------------------------------


def test_init_into_a_missing_folder(tmp_path):
    path = tmp_path / "finns-inte" / "ny.xlsx"
    one_problem(invoke("init", path), str(path.parent), "mappen finns inte")
    assert not path.parent.exists()


def test_init_refuses_the_workbook(workbook):
    before = workbook.read_bytes()
    one_problem(invoke("init", workbook), str(workbook), "filen finns redan")
    assert workbook.read_bytes() == before


# ---- --out --------------------------------------------------------------------------------


def build(workbook, out, *extra):
    return invoke("build", "--workbook", workbook, "--templates", TEMPLATES, "--out", out, *extra)


def test_out_that_is_the_workbook(workbook):
    before = workbook.read_bytes()
    one_problem(build(workbook, workbook), str(workbook), "är en fil, inte en mapp")
    assert workbook.read_bytes() == before


def test_out_that_is_a_file(workbook, tmp_path):
    path = tmp_path / "out"
    path.write_text("en fil", encoding="utf-8")
    one_problem(build(workbook, path), str(path), "är en fil, inte en mapp")


def test_empty_out_is_refused(workbook):
    result = build(workbook, "")
    assert result.exit_code == 2
    assert "Fel: Ogiltigt värde för '--out': får inte vara tom" in result.output


def test_out_holding_the_workbook_is_refused(workbook, tmp_path):
    before = snapshot(tmp_path)
    one_problem(build(workbook, tmp_path), str(tmp_path), "mappen innehåller arbetsboken")
    assert snapshot(tmp_path) == before


def test_out_with_other_peoples_files_needs_force(workbook, tmp_path):
    out = tmp_path / "dokument"
    out.mkdir()
    (out / "anteckningar.docx").write_bytes(b"mina")
    one_problem(
        build(workbook, out),
        str(out),
        "mappen finns redan och har filer som papers inte har skrivit (anteckningar.docx)",
    )
    assert snapshot(out) == {"anteckningar.docx": b"mina"}
    assert build(workbook, out, "--force").exit_code == 0
    assert (out / "anteckningar.docx").read_bytes() == b"mina"


# ---- the manifest -------------------------------------------------------------------------


def test_manifest_entry_outside_out_never_deletes_the_workbook(workbook, shipped_copy):
    out = shipped_copy  # out/ as a build of the workbook (a copy of the shipped one) left it
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["papers"].append(
        {
            "steg": 1,
            "part": "Köpings kommun",
            "fil": "../data/arbetsbok.xlsx",
            "sha256": hashlib.sha256(workbook.read_bytes()).hexdigest(),
        }
    )
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = workbook.read_bytes()
    result = build(workbook, out)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"2 fel måste rättas:\n  - {out / 'manifest.json'}, post {paper_count() + 1} i papers "
        "(fil): fann "
        "»../data/arbetsbok.xlsx«, förväntade en sökväg inuti out/"
    )
    assert workbook.read_bytes() == before
    forced = build(workbook, out, "--force")
    assert forced.exit_code == 0, forced.output
    assert workbook.read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",
        '{"papers": {"a": 1}}',
        '{"papers": [3]}',
        '{"papers": [{"fil": "C:/x.docx", "sha256": "zz"}]}',
        "inte json",
        '{"papers": [{"fil": 5}]}',
    ],
)
def test_manifest_of_the_wrong_shape_is_reported(workbook, shipped_copy, text):
    out = shipped_copy  # out/ as a build of the workbook (a copy of the shipped one) left it
    (out / "manifest.json").write_text(text, encoding="utf-8")
    before = snapshot(out)
    result = build(workbook, out)
    assert result.exit_code == 2, result.output
    assert f"{out / 'manifest.json'}" in result.output
    assert "Traceback" not in result.output
    assert snapshot(out) == before
    bundle = invoke("bundle", "--workbook", workbook, "--templates", TEMPLATES, "--out", out)
    assert bundle.exit_code == 2 and "Traceback" not in bundle.output


# ---- bundle -------------------------------------------------------------------------------


def test_bundle_names_are_unique(sheets, write_workbook, tmp_path):
    """ "Köping" and "Köping!" both give Koping: the second party's zip is Koping-2.zip."""
    header = sheets["Parter"][0]
    for row in sheets["Parter"][1:]:
        if row[header.index("Part")] == "Arboga kommun":
            row[header.index("Kortnamn")] = "Köping!"
    workbook, out = write_workbook(sheets), tmp_path / "out"
    assert build(workbook, out).exit_code == 0
    result = invoke("bundle", "--workbook", workbook, "--templates", TEMPLATES, "--out", out)
    assert result.exit_code == 0, result.output
    for name, party in (("Koping.zip", "Koping_steg-1.docx"), ("Koping-2.zip", "Koping-2_steg-1.docx")):
        names = zipfile.ZipFile(io.BytesIO((out / "paket" / name).read_bytes())).namelist()
        assert any(n.endswith("/" + party) for n in names), (name, names)
    again = invoke("bundle", "--workbook", workbook, "--templates", TEMPLATES, "--out", out)
    parties = {e["part"] for e in json.loads((out / "manifest.json").read_text())["papers"]}
    assert again.exit_code == 0 and f"{len(parties)} oförändrade" in again.output
