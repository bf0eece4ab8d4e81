"""PDF/A through LibreOffice: every paper converts, carries its party and figures,
stays within its template's pages; a template saved again by LibreOffice still renders."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

import pipeline.build
from pipeline.build import build, prepare
from pipeline.cli import main
from pipeline.pdf import find_office

from conftest import document_text, paper_paths
from workbooks import EXAMPLE, TEMPLATES, example_sheets, steps

pytestmark = pytest.mark.libreoffice

# The page count each step template is written for, at most; a template not listed here (a
# new step) is held to the longest of them.
MAX_PAGES = {"01_delta_i_lansprocess.docx": 3, "02_bildande.docx": 5, "03_medlemsbidrag.docx": 3}
NBSP = "\u00a0"


@pytest.fixture
def built(shipped_pdf_out):
    return shipped_pdf_out


def pdf_text(path):
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in info.splitlines() if ":" in line)


def test_every_paper_has_a_pdf_listed_in_the_manifest(built):
    import json

    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    pdfs = {(e["steg"], e["part"]): e["fil"] for e in manifest["filer"] if e.get("format") == "pdf"}
    papers = paper_paths(built)
    assert len(pdfs) == len(papers) == len(prepare(EXAMPLE, TEMPLATES).papers)
    for key, path in papers.items():
        assert pdfs[key] == path.relative_to(built).as_posix()[:-5] + ".pdf"
        assert (built / pdfs[key]).exists()


def test_pdf_carries_party_and_figures(built):
    text = " ".join(
        pdf_text(paper_paths(built)[(3, "Köpings kommun")].with_suffix(".pdf"))
        .replace(NBSP, " ")
        .split()
    )
    assert "Köpings kommun" in text
    assert "betalar 455 425 kronor i medlemsbidrag" in text
    assert "+80 425" in text  # the change column of the table
    text1 = " ".join(
        pdf_text(paper_paths(built)[(1, "Köpings kommun")].with_suffix(".pdf"))
        .replace(NBSP, " ")
        .split()
    )
    assert "375 000 kronor per år" in text1


def test_no_paper_runs_over_its_pages(built):
    mall = steps()  # steg → the template the workbook names for it
    for (steg, part), path in paper_paths(built).items():
        pages = int(pdf_info(path.with_suffix(".pdf"))["Pages"])
        assert pages <= MAX_PAGES.get(mall[steg], max(MAX_PAGES.values())), (part, steg, pages)


def test_pdfs_are_tagged_pdf_a_and_pdf_ua(built):
    path = paper_paths(built)[(2, "Köpings kommun")].with_suffix(".pdf")
    assert pdf_info(path)["Tagged"].strip() == "yes"
    data = path.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert b"<pdfuaid:part>1</pdfuaid:part>" in data  # LibreOffice 7.4 writes both
    assert (
        pdf_info(path)["Title"].strip()
        == "Bildande av Samordningsförbundet Västmanland – Köpings kommun"
    )


def test_template_saved_again_by_libreoffice_still_renders(tmp_path):
    resaved = tmp_path / "mallar"
    resaved.mkdir()
    profile = (tmp_path / "profil").as_uri()
    subprocess.run(
        [
            find_office(),
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(resaved),
            *map(str, sorted(TEMPLATES.glob("*.docx"))),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert len(list(resaved.glob("*.docx"))) == len(list(TEMPLATES.glob("*.docx")))
    out = tmp_path / "out"
    build(EXAMPLE, resaved, out, parts=["Köping"])
    text = document_text(paper_paths(out)[(3, "Köpings kommun")])
    assert f"455{NBSP}425{NBSP}kronor" in text
    assert "{{" not in text and "{%" not in text


def test_without_libreoffice_the_docx_are_written_and_exit_is_2(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.build, "find_office", lambda: None)
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--pdf",
            "--workbook",
            str(EXAMPLE),
            "--templates",
            str(TEMPLATES),
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 2
    assert "LibreOffice behövs för --pdf" in result.output
    assert "apt-get install libreoffice-writer-nogui" in result.output
    assert len(paper_paths(tmp_path)) == len(prepare(EXAMPLE, TEMPLATES).papers)
    assert not list(tmp_path.rglob("*.pdf"))


def test_bundle_carries_the_pdfs(built, tmp_path):
    import io
    import json
    import zipfile

    out = shutil.copytree(built, tmp_path / "out")
    result = CliRunner().invoke(
        main, ["bundle", "--out", str(out), "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO((out / "paket" / "Koping.zip").read_bytes())) as archive:
        names = archive.namelist()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    papers = [e for e in manifest["papers"] if e["part"] == "Köpings kommun"]
    forbund = next(r[3] for r in example_sheets()["Parter"] if r[0] == "Köpings kommun")
    bilagor = [
        e
        for e in manifest["filer"]
        if e.get("bilaga")
        and e["steg"] in {p["steg"] for p in papers}
        and e.get("forbund", forbund) == forbund
    ]
    assert sum(n.endswith(".pdf") for n in names) == len(papers)
    # each paper, its covering letter, and the bilagor of its steps for Köping's förbund
    assert sum(n.endswith(".docx") for n in names) == 2 * len(papers) + len(bilagor)
    assert len(bilagor) > 0


def test_a_build_without_pdf_keeps_the_pdfs_of_unchanged_papers(
    sheets, write_workbook, tmp_path, no_libreoffice
):
    first = build(write_workbook(sheets), TEMPLATES, tmp_path, pdf=True)
    count = len(first.papers)
    assert len(list(tmp_path.rglob("*.pdf"))) == count
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    assert len(list(tmp_path.rglob("*.pdf"))) == count
    from workbooks import column_of, set_cell

    telefon = column_of(sheets, "Parter", "Telefon")
    set_cell(sheets, "Parter", f"{telefon}9", "0221-999 99")  # Köping's papers change
    result = build(write_workbook(sheets), TEMPLATES, tmp_path)
    koping = len([p for p in first.papers if p.part == "Köpings kommun"])
    assert result.rendered == koping
    left = {p.name for p in tmp_path.rglob("*.pdf")}
    assert len(left) == count - koping and not any(name.startswith("Koping") for name in left)
