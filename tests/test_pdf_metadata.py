"""The PDFs a kansli publishes: the registrar's values in their XMP, PDF/A-2, PDF/UA-1,
tagged, titled, Swedish, with headings and tables in the structure tree."""

from __future__ import annotations

import pikepdf
import pytest

from conftest import paper_paths
from workbooks import steps

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdfs(shipped_pdf_out):
    """Köping's papers as PDFs (from the shared build of the shipped workbook), by step."""
    found = {
        steg: pikepdf.open(path.with_suffix(".pdf"))
        for (steg, part), path in paper_paths(shipped_pdf_out).items()
        if part == "Köpings kommun"
    }
    yield found
    for pdf in found.values():
        pdf.close()


def structure_types(pdf: pikepdf.Pdf) -> set[str]:
    types, todo = set(), [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Array):
            todo += list(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                types.add(str(node.S))
            if "/K" in node:
                todo.append(node.K)
    return types


def test_the_xmp_holds_the_registrars_values(pdfs):
    meta = pdfs[1].open_metadata()
    assert meta["dc:title"] == "Beslut om att delta i länsprocess – Köpings kommun"
    assert meta["dc:language"] == {"sv-SE"}
    assert meta["dc:creator"] == ["Johanna Åberg Burén"]
    assert meta["dc:identifier"] == "KS 2022/45"
    assert "Part: Köpings kommun" in meta["pdf:Keywords"]
    assert "Utfärdad: 1" in meta["dc:subject"]
    assert meta["xmp:CreateDate"].startswith("2022-01-20")
    assert str(pdfs[1].docinfo["/Title"]) == meta["dc:title"]


@pytest.mark.parametrize("steg", steps())
def test_pdf_a2_tagged_titled_swedish(pdfs, steg):
    pdf = pdfs[steg]
    meta = pdf.open_metadata()
    assert meta["pdfaid:part"] == "2"
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "sv-SE"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    types = structure_types(pdf)
    assert {"/H1", "/H2"} & types, types
    if steg == 3:  # the step with the table of contributions
        assert "/Table" in types


@pytest.mark.parametrize("steg", steps())
def test_pdf_ua1_is_declared(pdfs, steg):
    assert pdfs[steg].open_metadata().get("pdfuaid:part") == "1"
