"""The register (diarieförteckning) of a bundle: one row per document, read against the files."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import shutil
import zipfile

import openpyxl
import pytest

import pipeline.build
from pipeline import register
from pipeline.build import build

from bundles import bundle
from workbooks import EXAMPLE, TEMPLATES


@pytest.fixture(scope="module")
def bundled(tmp_path_factory, cached_convert):
    """Köping's papers built with PDFs (LibreOffice's, shared with the other PDF tests, when
    installed) and bundled."""
    out = tmp_path_factory.mktemp("register") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline.build, "convert", cached_convert)
        build(EXAMPLE, TEMPLATES, out, parts=["Köpings kommun"], pdf=shutil.which("soffice") is not None)
    bundle(EXAMPLE, out, dt.date(2023, 9, 20))
    return out


def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def assert_row_describes_its_file(row: dict, members: dict[str, bytes]) -> None:
    assert row["Kontrollsumma"] == hashlib.sha256(members[row["Filnamn"]]).hexdigest()
    assert row["Kontrollsummetyp"] == "SHA-256"
    assert row["Riktning"] == "utgående"
    assert row["Mottagare"] == "Köpings kommun"
    assert row["Avsändare"]


def assert_step1_paper_row(rows: list[dict]) -> None:
    step1 = next(r for r in rows if r["Filnamn"].endswith("Koping_steg-1.docx"))
    assert step1["Rubrik"] == "Beslut om att delta i länsprocess – Köpings kommun"
    assert step1["Diarienummer"] == "KS 2022/45"
    assert step1["Upprättad"] == "2022-01-20"
    assert step1["Version"] == "1"


def assert_letter_and_attachment_rows(rows: list[dict]) -> None:
    letter = next(r for r in rows if r["Filnamn"].endswith("/Foljebrev_steg-1.docx"))
    assert letter["Rubrik"] == "Följebrev – Beslut om att delta i länsprocess"
    assert any("/bilagor/" in r["Filnamn"] for r in rows)


def test_every_document_in_the_zip_has_a_row_with_its_hash(bundled):
    with zipfile.ZipFile(bundled / "paket" / "Koping.zip") as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    rows = csv_rows(members["diarieforteckning.csv"])
    documents = {n for n in members if n.endswith((".docx", ".pdf"))}
    assert {r["Filnamn"] for r in rows} == documents
    for row in rows:
        assert_row_describes_its_file(row, members)
    assert_step1_paper_row(rows)
    assert_letter_and_attachment_rows(rows)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice finns inte")
def test_pages_come_from_the_pdf(bundled):
    import pikepdf

    with zipfile.ZipFile(bundled / "paket" / "Koping.zip") as archive:
        rows = csv_rows(archive.read("diarieforteckning.csv"))
        for row in rows:
            if row["Filnamn"].endswith(".pdf"):
                with pikepdf.open(io.BytesIO(archive.read(row["Filnamn"]))) as pdf:
                    assert row["Antal sidor"] == str(len(pdf.pages))
                docx = next(r for r in rows if r["Filnamn"] == row["Filnamn"][:-4] + ".docx")
                assert docx["Antal sidor"] == row["Antal sidor"]
    letter = next(r for r in rows if r["Filnamn"].endswith("/Foljebrev_steg-1.docx"))
    assert letter["Antal sidor"] == ""  # no PDF of the letter: no count


def test_the_xlsx_says_what_the_csv_says_and_all_parties_are_listed(bundled):
    book = openpyxl.load_workbook(bundled / "paket" / "diarieforteckning.xlsx")
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header == list(register.COLUMNS)
    xlsx = [
        {h: "" if v is None else str(v) for h, v in zip(header, row)}
        for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    every = csv_rows((bundled / "paket" / "diarieforteckning.csv").read_bytes())
    assert xlsx == every
    with zipfile.ZipFile(bundled / "paket" / "Koping.zip") as archive:
        own = csv_rows(archive.read("diarieforteckning.csv"))
    assert own == [r for r in every if r["Mottagare"] == "Köpings kommun"]


def test_text_that_looks_like_a_formula_stays_text():
    row = register.Row(
        '=HYPERLINK("http://x","klicka")',
        "+46 avsändare",
        "@mottagare",
        "2023-09-15",
        "-1",
        "=1+1.docx",
        3,
        "ab" * 32,
        "1",
    )
    book = openpyxl.load_workbook(io.BytesIO(register.as_xlsx([row], dt.date(2023, 9, 15))))
    cells = list(book.active.iter_rows(min_row=2))[0]
    assert cells[0].value == '=HYPERLINK("http://x","klicka")'
    assert all(c.data_type != "f" for c in cells)
    assert cells[7].value == 3
    read = csv_rows(register.as_csv([row]))[0]
    assert read["Rubrik"] == '\'=HYPERLINK("http://x","klicka")'
    assert (read["Avsändare"], read["Mottagare"]) == ("'+46 avsändare", "'@mottagare")
    assert register.as_xlsx([row], dt.date(2023, 9, 15)) == register.as_xlsx([row], dt.date(2023, 9, 15))
