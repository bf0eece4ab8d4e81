"""Accessibility rules on the generated papers (title, language, headings, table headers,
empty paragraphs, alt text): every shipped paper passes, and each rule can fail."""

from __future__ import annotations

import base64
import io

from click.testing import CliRunner
from docx import Document

from pipeline.accessibility import check_paper
from pipeline.cli import main
from pipeline.render import set_language

from workbooks import EXAMPLE, TEMPLATES, paper_count


def test_every_shipped_paper_passes_papers_check():
    """`papers check --papers` renders every paper of the shipped workbook and checks it: one
    finding would be named with exit 2."""
    result = CliRunner().invoke(
        main, ["check", "--papers", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)]
    )
    assert result.exit_code == 0, result.output
    assert f"skriver {paper_count()} handlingar" in result.output
    assert "Alla handlingar klarar tillgänglighetskontrollen." in result.output


def good_document():
    doc = Document()
    doc.core_properties.title = "Titel"
    doc.core_properties.language = "sv-SE"
    set_language(doc)
    doc.add_heading("Rubrik", 1)
    doc.add_paragraph("Text")
    return doc


def rules_of(doc):
    buffer = io.BytesIO()
    doc.save(buffer)
    return check_paper(buffer.getvalue())


def test_a_good_document_passes():
    assert rules_of(good_document()) == []


def test_missing_title():
    doc = good_document()
    doc.core_properties.title = ""
    assert rules_of(doc) == ["dokumentet saknar titel i dokumentegenskaperna"]


def test_wrong_language():
    doc = good_document()
    doc.core_properties.language = "en-US"
    assert "dokumentets språk är inte sv-SE" in rules_of(doc)[0]


def test_skipped_heading_level():
    doc = good_document()
    doc.add_heading("Underrubrik", 3)
    assert rules_of(doc) == ["rubriknivå hoppas över: »Underrubrik« har nivå 3 efter nivå 1"]


def test_table_without_header_row():
    doc = good_document()
    doc.add_table(rows=2, cols=2)
    doc.add_paragraph("Efter tabellen")
    assert rules_of(doc) == ["tabell 1 saknar markerad rubrikrad"]


def test_empty_paragraph_for_spacing():
    doc = good_document()
    doc.add_paragraph("")
    doc.add_paragraph("Mer text")
    assert rules_of(doc) == ["tomt stycke används som mellanrum (stycke 3 i brödtexten)"]


PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_image_without_alt_text(tmp_path):
    path = tmp_path / "bild.png"
    path.write_bytes(PNG_1X1)
    doc = good_document()
    doc.add_picture(str(path))
    assert any("saknar alternativtext" in r for r in rules_of(doc))
