"""`papers check --layout`, rule by rule: each rule reports a small document built here to
break it, and says nothing about the same document set right. All documents go through
LibreOffice in one run."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from pipeline.layout import inspect

pytestmark = pytest.mark.libreoffice

LOREM = (
    "Förbunden har tagit initiativ till en länsprocess som ska ge medlemmarna ett underlag "
    "för att ta ställning till ett gemensamt förbund för hela länet. "
)


def document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    doc.core_properties.title = "Prov"
    return doc


def push(doc, points: float):
    """A first line whose space after pushes what follows down the page."""
    p = doc.add_paragraph("Tjänsteskrivelse")
    p.paragraph_format.space_after = Pt(points)
    return p


def heading_at_bottom(kept: bool):
    doc = document()
    push(doc, 662)
    doc.styles["Heading 2"].paragraph_format.keep_with_next = kept
    doc.add_heading("Ekonomiska konsekvenser", 2)
    doc.add_paragraph(LOREM * 3)
    return doc


def tall_row(cant_split: bool):
    doc = document()
    push(doc, 560)
    table = doc.add_table(rows=2, cols=2)
    table.style = doc.styles["Table Grid"]
    table.cell(0, 0).text, table.cell(0, 1).text = "Förbund", "Belopp"
    table.cell(1, 0).text = "\n".join(f"Rad {i}" for i in range(12))
    table.cell(1, 1).text = "100 000"
    if cant_split:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return doc


def table_at_bottom(kept: bool):
    doc = document()
    push(doc, 520)
    caption = doc.add_paragraph("Kommunernas medlemsbidrag")
    caption.paragraph_format.keep_with_next = kept
    table = doc.add_table(rows=15, cols=2)
    table.style = doc.styles["Table Grid"]
    for i, row in enumerate(table.rows):
        row.cells[0].text, row.cells[1].text = f"Kommun {i}", f"{i} 000"
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = kept and i < 14
    doc.add_paragraph("Efter tabellen.")
    return doc


def orphan_line(widow_control: bool):
    doc = document()
    push(doc, 600)
    p = doc.add_paragraph(LOREM * 3)
    p.paragraph_format.widow_control = widow_control
    return doc


def split_list(kept: bool):
    doc = document()
    push(doc, 625)
    doc.add_paragraph("Beslutsunderlag").paragraph_format.keep_with_next = True
    items = [
        "Förbundsordning för Samordningsförbundet Västmanland",
        "Gemensam avsiktsförklaring från parterna",
        "Denna tjänsteskrivelse",
    ]
    for i, text in enumerate(items):
        p = doc.add_paragraph(text, style="List Bullet")
        p.paragraph_format.keep_with_next = kept and i < len(items) - 1
    doc.add_paragraph("Kopia till")
    doc.add_paragraph("Samordningsförbundet Västmanland – för kännedom")
    return doc


def wide_table(fits: bool):
    doc = document()
    doc.add_paragraph("Kapitalöverföring")
    table = doc.add_table(rows=2, cols=3)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    width = Cm(5 if fits else 9)
    for column in table.columns:
        column.width = width
    for row in table.rows:
        for cell in row.cells:
            cell.width = width
            cell.text = "Samordningsförbundet"
    return doc


def marked(with_mark: bool):
    doc = document()
    if with_mark:
        doc.sections[0].header.paragraphs[0].text = "UTKAST – exempeldata"
    for _ in range(12):
        doc.add_paragraph(LOREM * 3)
    return doc


CASES = {
    "heading": heading_at_bottom,
    "row": tall_row,
    "table": table_at_bottom,
    "orphan": orphan_line,
    "list": split_list,
    "margin": wide_table,
    "mark": marked,
}


def data(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def rendered(cached_convert):
    """name → (docx, pdf) for each case set wrong ("-bad") and right ("-good")."""
    docx = {
        f"{name}-{kind}.docx": data(make(kind == "good"))
        for name, make in CASES.items()
        for kind in ("bad", "good")
    }
    pdfs = cached_convert(docx).pdfs  # one LibreOffice run, shared by the xdist workers
    return {name[: -len(".docx")]: (docx[name], pdfs[name]) for name in docx}


def findings(rendered, name: str, marked: bool = False) -> list[str]:
    return inspect(*rendered[name], marked)


def test_heading_as_last_line_of_a_page(rendered):
    assert findings(rendered, "heading-bad") == [
        "sidan 1: rubriken »Ekonomiska konsekvenser« står sist på sidan"
    ]
    assert findings(rendered, "heading-good") == []


def test_table_row_split_across_pages(rendered):
    bad = findings(rendered, "row-bad")
    assert "sidan 1: tabellraden »Rad 0 Rad 1" in bad[0] and "delas mellan sidorna 1 och 2" in bad[0]
    assert not any("tabellraden" in f for f in findings(rendered, "row-good"))


def test_short_table_split_or_parted_from_its_caption(rendered):
    bad = findings(rendered, "table-bad")
    assert any(
        f.startswith(
            "sidan 1: tabellen »Kommunernas medlemsbidrag« (15 rader) delas mellan sidorna 1 och 2"
        )
        for f in bad
    ), bad
    assert findings(rendered, "table-good") == []


def test_page_with_a_single_stray_line(rendered):
    bad = findings(rendered, "orphan-bad")
    assert len(bad) == 1 and bad[0].startswith("sidan 2: sidan har bara en rad text")
    assert findings(rendered, "orphan-good") == []


def test_list_leaving_a_single_item_alone_on_a_page(rendered):
    bad = findings(rendered, "list-bad")
    assert any("punkten »Denna tjänsteskrivelse« står ensam på sidan" in f for f in bad), bad
    assert not any("listan" in f for f in findings(rendered, "list-good"))


def test_text_outside_the_margins(rendered):
    bad = findings(rendered, "margin-bad")
    assert len(bad) == 1
    assert bad[0].startswith("sidan 1: text utanför marginalerna (»Samordningsförbundet")
    assert findings(rendered, "margin-good") == []


def test_example_mark_on_every_page(rendered):
    bad = findings(rendered, "mark-bad", marked=True)
    pages = len(bad)
    assert pages >= 2 and bad[-1] == f"sidan {pages}: märkningen »UTKAST – exempeldata« saknas"
    assert findings(rendered, "mark-good", marked=True) == []
    assert findings(rendered, "mark-bad", marked=False) == []
