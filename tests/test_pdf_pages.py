"""pdf_pages reads a paper's PDF as the layout rules need it: every visible glyph with its
box and marked content, the header and footer as artifacts, and the structure tree whose
marked content the body's glyphs carry."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from docx import Document

from pipeline.layout import page_margins
from pipeline.pdf_pages import Node, read_pages, structure

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def koping(shipped_pdf_out):
    """Köping's step-1 paper: its .docx and its PDF."""
    manifest = json.loads((shipped_pdf_out / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["papers"] if e["steg"] == 1 and e["part"] == "Köpings kommun")
    docx = (shipped_pdf_out / entry["fil"]).read_bytes()
    return docx, (shipped_pdf_out / entry["fil"]).with_suffix(".pdf").read_bytes()


def test_glyphs_carry_the_text_and_sit_in_the_body_area(koping):
    docx, pdf = koping
    pages = read_pages(pdf)
    margins = page_margins(docx)
    first = pages[0]
    assert (round(first.width), round(first.height)) == (595, 842)  # A4 in points
    assert "Köpingskommun" in first.text  # glyphs only: the PDF draws no space
    body = [g for glyphs in first.body.values() for g in glyphs]
    assert body and all(g.text.strip() for g in first.glyphs)
    assert min(g.x0 for g in body) == pytest.approx(margins.left, abs=1.5)
    assert max(g.x1 for g in body) <= margins.right + 1.5
    assert all(margins.top - 1.5 <= g.top and g.bottom <= margins.bottom + 1.5 for g in body)
    assert all(g.top < g.bottom for g in first.glyphs)


def test_header_and_footer_are_artifacts_outside_the_body(koping):
    docx, pdf = koping
    margins = page_margins(docx)
    pages = read_pages(pdf)
    for page in pages:
        artifacts = [g for g in page.glyphs if g.mcid is None]
        header = "".join(g.text for g in artifacts if g.bottom < margins.top)
        footer = "".join(g.text for g in artifacts if g.top > margins.bottom)
        assert header.startswith("Köpingskommun") and f"{page.number}({len(pages)})" in header
        assert footer.startswith("PostadressKöpingskommun")


def test_structure_tree_names_the_body_marks(koping):
    docx, pdf = koping
    pages = read_pages(pdf)
    tree = structure(pdf)
    assert tree is not None
    marks = set(tree.all_marks())
    body = {mark for page in pages for mark in page.body}
    assert body <= marks  # every body glyph belongs to an element of the tree
    types = {node.type for node in walk(tree)}
    assert {"H1", "P", "Table", "TR"} <= types
    h1 = next(n for n in walk(tree) if n.type == "H1")
    text = "".join(g.text for page, mcid in h1.all_marks() for g in pages[page - 1].body[(page, mcid)])
    title = next(p.text for p in Document(io.BytesIO(docx)).paragraphs if p.style.name == "Heading 1")
    assert text == title.replace(" ", "")


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from walk(child)
