"""The render engine gives docxtpl's document for one small template per docxtpl feature
an officer may use (issue 16): row and column loops, merges, spans, cell backgrounds,
RichText, listings, headers and footers with variables, footnotes, pictures in body and
header, hyperlinks. XML parts are compared by meaning with namespace prefixes ignored,
every other part byte for byte."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docxtpl import RichText

from pipeline.compiled import PreparedTemplate
from pipeline.images import DescribedImage
from pipeline.render import Image, Link, Properties, TemplateFault, render_document

from docxtpl_reference import parts, plain_docxtpl, same_document
from small_templates import TEMPLATES, document, png, with_footnotes

PROPERTIES = Properties("Titel", "Köpings kommun", dt.date(2024, 3, 1))
ROWS = [
    {"namn": "Köping", "belopp": "1 000", "grupp": "A", "farg": "FF0000"},
    {"namn": "Sala & <Heby>", "belopp": "2 000", "grupp": "A", "farg": "00FF00"},
    {"namn": "Arboga", "belopp": "3 000", "grupp": "B", "farg": "0000FF"},
]
CONTEXT = {
    "rader": ROWS,
    "kolumner": ["2024", "2025", "2026", "2027", "2028"],
    "rik": RichText("fet", bold=True),
    "part": "Köpings kommun",
    "rubrik": "Rubrik",
    "flera_rader": "rad 1\nrad 2\tflik",
    "kalla": "SCB",
}


@pytest.mark.parametrize("feature", sorted(TEMPLATES))
def test_feature_renders_as_docxtpl(tmp_path, feature):
    template = document(tmp_path / f"{feature}.docx", TEMPLATES[feature])
    plain = plain_docxtpl(template, CONTEXT, PROPERTIES)
    ours = render_document(template, CONTEXT, PROPERTIES)
    assert same_document(plain, ours) == []


def test_column_loop_widens_the_table_grid(tmp_path):
    template = document(tmp_path / "k.docx", TEMPLATES["column_loop"])
    body = parts(render_document(template, CONTEXT, PROPERTIES))["word/document.xml"]
    assert body.count(b"<w:gridCol ") == 1 + len(CONTEXT["kolumner"])


def test_footnotes_render_on_the_engine(tmp_path):
    template = with_footnotes(tmp_path / "fotnot.docx")
    prepared = PreparedTemplate(template)
    assert list(prepared.footnotes) == ["word/footnotes.xml"]
    ours = prepared.render(CONTEXT, PROPERTIES)
    assert same_document(plain_docxtpl(template, CONTEXT, PROPERTIES), ours) == []
    assert "Källa: SCB" in parts(ours)["word/footnotes.xml"].decode()


@pytest.mark.parametrize("where", ["body", "header"])
def test_picture_renders_as_docxtpl(tmp_path, where):
    (tmp_path / "logo.png").write_bytes(png())
    image = Image(tmp_path / "logo.png", "Köpings logotyp", 20)

    def build(d):
        if where == "body":
            d.add_paragraph("Logotyp: {{ logotyp }}")
        else:
            d.sections[0].header.paragraphs[0].add_run("{{ logotyp }}")

    template = document(tmp_path / "bild.docx", build)
    ours = render_document(template, {"logotyp": image}, PROPERTIES)
    plain = plain_docxtpl(template, {}, PROPERTIES, lambda tpl: {"logotyp": DescribedImage(tpl, image)})
    assert same_document(plain, ours) == []
    assert "word/media/image1.png" in parts(ours)


def test_hyperlink_renders_as_docxtpl(tmp_path):
    link = Link("https://www.vastmanland.se/", "Västmanlands webbplats")
    template = document(tmp_path / "lank.docx", lambda d: d.add_paragraph("Se {{r webb }}."))
    ours = render_document(template, {"webb": link}, PROPERTIES)

    def context(tpl):  # as docxtpl's documentation makes a link
        return {
            "webb": RichText(
                link.text, url_id=tpl.build_url_id(link.url), color="0563C1", underline=True
            )
        }

    assert same_document(plain_docxtpl(template, {}, PROPERTIES, context), ours) == []
    files = parts(ours)
    rid = re.search(rb'<w:hyperlink r:id="(rId\d+)"', files["word/document.xml"]).group(1)
    assert b'Target="https://www.vastmanland.se/"' in files["word/_rels/document.xml.rels"]
    assert rid in files["word/_rels/document.xml.rels"]


def test_what_rendering_adds_is_taken_away_for_the_next_paper(tmp_path):
    (tmp_path / "logo.png").write_bytes(png())
    template = document(tmp_path / "bild.docx", lambda d: d.add_paragraph("{{ logotyp }}"))
    prepared = PreparedTemplate(template)
    with_picture = {"logotyp": Image(tmp_path / "logo.png", "Logotyp", 20)}
    first = prepared.render(with_picture, PROPERTIES)
    without = prepared.render({"logotyp": ""}, PROPERTIES)
    assert prepared.render(with_picture, PROPERTIES) == first
    assert not any(name.startswith("word/media/") for name in parts(without))
    assert b"image" not in parts(without)["word/_rels/document.xml.rels"]


def test_a_link_made_for_another_document_is_an_error_not_a_broken_paper(tmp_path):
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    template = document(tmp_path / "lank.docx", lambda d: d.add_paragraph("Se {{r webb }}."))
    other = DocxTemplate(template)
    for _ in range(3):  # rId numbers that the template's own relationships also use
        other.build_url_id("https://example.org/")
    for rid in ("rId1", "rId9"):
        rich = RichText("länk", url_id=rid)
        with pytest.raises(TemplateError, match=f"relationen {rid}"):
            render_document(template, {"webb": rich}, PROPERTIES)


def test_a_subdocument_is_refused_naming_the_feature(tmp_path):
    class Subdoc:  # stands for docxtpl's (which needs docxcompose)
        def __html__(self):
            return "<w:p/>"

    template = document(tmp_path / "under.docx", lambda d: d.add_paragraph("{{p under }}"))
    with pytest.raises(TemplateFault, match="underdokument .* stöds inte"):
        render_document(template, {"under": Subdoc()}, PROPERTIES)


def test_the_comparison_ignores_namespace_prefixes_but_not_meaning():
    from docxtpl_reference import canonical

    uri = "http://schemas.microsoft.com/office/word/2010/wordml"
    MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"  # noqa: N806
    one = f'<a xmlns:w14="{uri}" xmlns:mc="{MC}" w14:x="1" mc:Ignorable="w14"/>'.encode()
    two = f'<a xmlns:wp14="{uri}" xmlns:mc="{MC}" wp14:x="1" mc:Ignorable="wp14"/>'.encode()
    three = f'<a xmlns:wp14="{uri}" wp14:x="2"/>'.encode()
    assert canonical(one) == canonical(two)
    assert canonical(two) != canonical(three)
