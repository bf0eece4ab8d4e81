"""A party's logo in the letterhead: a context value Image(path, alt_text, width_mm)
printed by `{{ logotyp }}` becomes a picture with its alt text (issue 16, point 3)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError

from pipeline.render import Image, Properties, render_document

from small_templates import document, png

PROPERTIES = Properties("Titel", "Köpings kommun", dt.date(2024, 3, 1))


@pytest.fixture
def letterhead(tmp_path):
    def build(d):
        d.sections[0].header.paragraphs[0].add_run("{{ logotyp }} {{ part }}")
        d.add_paragraph("Förslag till beslut för {{ part }}")

    return document(tmp_path / "brevhuvud.docx", build)


def pictures(part):
    """(alt text, the image part's bytes) of every picture in a python-docx part."""
    found = []
    for inline in part.element.iter(qn("wp:inline")):
        descr = inline.find(qn("wp:docPr")).get("descr")
        rid = next(inline.iter(qn("a:blip"))).get(qn("r:embed"))
        found.append((descr, part.related_parts[rid].blob))
    return found


def test_logo_in_the_header_has_its_picture_and_alt_text(tmp_path, letterhead):
    logo = png(8, 4)
    (tmp_path / "koping.png").write_bytes(logo)
    context = {"part": "Köpings kommun", "logotyp": Image(tmp_path / "koping.png", "Köpings kommun", 30)}
    paper = Document(io.BytesIO(render_document(letterhead, context, PROPERTIES)))
    header = paper.sections[0].header
    assert pictures(header.part) == [("Köpings kommun", logo)]
    assert header.paragraphs[0].text.strip() == "Köpings kommun"
    extent = next(header.part.element.iter(qn("wp:extent")))
    assert int(extent.get("cx")) == 30 * 36000  # 30 mm in EMU


def test_logo_in_the_body(tmp_path):
    (tmp_path / "logo.png").write_bytes(png())
    template = document(tmp_path / "t.docx", lambda d: d.add_paragraph("{{ logotyp }}"))
    data = render_document(
        template, {"logotyp": Image(tmp_path / "logo.png", "Sala & Heby")}, PROPERTIES
    )
    assert pictures(Document(io.BytesIO(data)).part) == [("Sala & Heby", png())]


def test_an_inline_image_made_for_another_template_is_made_again(tmp_path, letterhead):
    (tmp_path / "logo.png").write_bytes(png())
    other = DocxTemplate(letterhead)  # as docxtpl's documentation builds one
    context = {"part": "Sala", "logotyp": InlineImage(other, str(tmp_path / "logo.png"))}
    paper = Document(io.BytesIO(render_document(letterhead, context, PROPERTIES)))
    assert [blob for _, blob in pictures(paper.sections[0].header.part)] == [png()]


def test_a_missing_logo_file_is_a_template_error_naming_it(tmp_path, letterhead):
    context = {"part": "Sala", "logotyp": Image(tmp_path / "saknas.png", "Sala")}
    with pytest.raises(TemplateError) as info:
        render_document(letterhead, context, PROPERTIES)
    assert "saknas.png" in str(info.value) and "finns inte" in str(info.value)
    assert "{{ logotyp }}" in str(info.value) and "sidhuvudet" in str(info.value)


def test_a_file_that_is_not_a_picture_is_a_template_error(tmp_path, letterhead):
    (tmp_path / "logo.png").write_text("ingen bild")
    context = {"part": "Sala", "logotyp": Image(tmp_path / "logo.png", "Sala")}
    with pytest.raises(TemplateError, match="ingen bild som Word kan visa"):
        render_document(letterhead, context, PROPERTIES)
