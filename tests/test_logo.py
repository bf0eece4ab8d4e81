"""The party's logo (Parter: Logotyp) in the letterhead, with the party's name as alt text;
a Logotyp that is no picture beside the workbook is an error naming its cell."""

from __future__ import annotations

import pytest
from docx import Document

from pipeline.build import build
from pipeline.problems import UserError

import small_templates
from conftest import paper_paths
from workbooks import TEMPLATES, column_of, set_cell


def png(width: int = 40, height: int = 20) -> bytes:
    return small_templates.png(width, height, rgb=(0x00, 0x55, 0xAA))


def with_logo(sheets, value):
    set_cell(sheets, "Parter", f"{column_of(sheets, 'Parter', 'Logotyp')}9", value)  # Köping


def test_logo_in_the_letterhead_with_alt_text(sheets, write_workbook, tmp_path):
    (tmp_path / "koping.png").write_bytes(png())
    with_logo(sheets, "koping.png")
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out, parts=["Köping"], steps=[1])
    doc = Document(paper_paths(out)[(1, "Köpings kommun")])
    header = doc.sections[0].header
    xml = header._element.xml
    assert 'descr="Köpings kommun"' in xml
    blips = header._element.findall(".//{*}blip")
    assert blips
    rid = blips[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    assert header.part.related_parts[rid].content_type == "image/png"


def test_a_party_without_a_logo_gets_no_picture(sheets, write_workbook, tmp_path):
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out, parts=["Arboga"], steps=[1])
    header = Document(paper_paths(out)[(1, "Arboga kommun")]).sections[0].header
    assert not header._element.findall(".//{*}blip")


@pytest.mark.parametrize("value", ["saknas.png", "logo.txt", "../koping.png"])
def test_a_logo_that_is_not_a_picture_beside_the_workbook_names_the_cell(
    sheets, write_workbook, tmp_path, value
):
    (tmp_path / "logo.txt").write_text("ingen bild")
    with_logo(sheets, value)
    with pytest.raises(UserError) as info:
        build(write_workbook(sheets), TEMPLATES, tmp_path / "out")
    cell = f"Parter!{column_of(sheets, 'Parter', 'Logotyp')}9"
    assert info.value.problems[0].message().startswith(f"{cell} (Logotyp): fann »{value}«")
    assert not (tmp_path / "out").exists()


def test_a_new_logo_renders_the_partys_papers_again(sheets, write_workbook, tmp_path):
    logo = tmp_path / "koping.png"
    logo.write_bytes(png())
    with_logo(sheets, "koping.png")
    workbook, out = write_workbook(sheets), tmp_path / "out"
    build(workbook, TEMPLATES, out, parts=["Köping"], steps=[1])
    logo.write_bytes(png(60, 20))
    again = build(workbook, TEMPLATES, out, parts=["Köping"], steps=[1])
    assert again.rendered == 1
