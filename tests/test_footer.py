"""The footer's contact block: each column's lines come from the context
(`part.sidfot`), a bold label before each value that is filled in, nothing for one
that is empty, and no condition in the template."""

from __future__ import annotations

import re
import zipfile

from docx import Document

from pipeline.build import build

from conftest import paper_paths
from workbooks import TEMPLATES, column_of, set_cell

STEP_TEMPLATES = ("01_delta_i_lansprocess.docx", "02_bildande.docx", "03_medlemsbidrag.docx")


def footer_cells(path) -> list[tuple[str, list[str]]]:
    """Each footer column's text and its bold runs."""
    table = Document(path).sections[0].footer.tables[0]
    return [
        (cell.text, [r.text for p in cell.paragraphs for r in p.runs if r.bold and r.text])
        for cell in table.rows[0].cells
    ]


def test_footer_shows_labels_only_for_values_given(sheets, write_workbook, tmp_path):
    row = next(i for i, r in enumerate(sheets["Parter"], 1) if r[0] == "Köpings kommun")
    for column in ("Besöksadress", "Telefon", "Organisationsnummer"):
        set_cell(sheets, "Parter", f"{column_of(sheets, 'Parter', column)}{row}", None)
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out)
    papers = paper_paths(out)
    assert footer_cells(papers[(1, "Köpings kommun")]) == [
        ("Postadress\nKöpings kommun, 731\u00a085 Köping", ["Postadress"]),
        ("", []),
        ("E-post kopings.kommun@koping.se", ["E-post"]),
        ("Webbplats www.koping.se\nBankgiro 991-1215", ["Webbplats", "Bankgiro"]),
    ]
    assert footer_cells(papers[(1, "Västerås stad")])[2] == (
        "Telefon 021-39\u00a000\u00a000",
        ["Telefon"],
    )


def test_footer_template_has_no_condition():
    for name in STEP_TEMPLATES:
        with zipfile.ZipFile(TEMPLATES / name) as docx:
            footer = docx.read("word/footer1.xml").decode()
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", footer))
        assert "part.sidfot" in text
        assert "{% if" not in text and " or " not in text, name


def test_a_postcode_or_telephone_number_is_never_split_over_two_lines(shipped_out):
    cells = [text for text, _ in footer_cells(paper_paths(shipped_out)[(2, "Försäkringskassan")])]
    assert "Försäkringskassan, 103\u00a051 Stockholm" in cells[0]  # the column wraps here
    assert "0771-524\u00a0524" in cells[2]
