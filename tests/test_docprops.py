"""Registrar properties in the papers: core properties and docProps/custom.xml."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile

import pytest
from docx import Document
from docx.opc.package import OpcPackage
from lxml import etree

from pipeline import docprops

from conftest import paper_paths

VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def custom_part(data: bytes):
    """docProps/custom.xml as python-docx's package API finds it (through the relationship)."""
    package = OpcPackage.open(io.BytesIO(data))
    rel = next(r for r in package.rels.values() if r.reltype == docprops.CUSTOM_REL)
    return rel.target_part


def values(**custom) -> docprops.DocValues:
    return docprops.DocValues(
        title='Rubrik & "citat" <x>',
        subject="Ämne",
        author="Åsa Öberg",
        keywords=["finsam", "Köpings kommun"],
        date=dt.date(2023, 9, 15),
        custom=custom,
    )


def test_a_built_paper_carries_the_registrar_properties(shipped_out):
    data = paper_paths(shipped_out)[(1, "Köpings kommun")].read_bytes()
    part = custom_part(data)
    assert part.content_type == docprops.CUSTOM_TYPE
    props = {p.get("name"): p[0] for p in etree.fromstring(part.blob)}
    assert props["Diarienummer"].text == "KS 2022/45"
    assert props["Part"].text == "Köpings kommun"
    assert (props["Beslutssteg"].tag, props["Beslutssteg"].text) == (f"{VT}i4", "1")
    assert props["Utfärdad"].text == "1"
    assert props["Sista svarsdag"].text == "2022-03-31"
    core = Document(io.BytesIO(data)).core_properties
    assert core.title == "Beslut om att delta i länsprocess – Köpings kommun"
    assert core.author == "Johanna Åberg Burén"
    assert core.subject == "Förslag till beslut för Köpings kommun, steg 1"
    assert "Köpings kommun" in core.keywords
    assert core.language == "sv-SE"
    assert core.created.date() == dt.date(2022, 1, 20)


def test_a_paper_without_a_case_number_has_no_diarienummer(shipped_out):
    data = paper_paths(shipped_out)[(3, "Köpings kommun")].read_bytes()
    assert "Diarienummer" not in docprops.read_custom(data)
    assert docprops.read_custom(data)["Beslutssteg"] == "3"


def test_the_part_is_declared_once_and_the_bytes_are_reproducible(shipped_out):
    paper = paper_paths(shipped_out)[(2, "Arboga kommun")].read_bytes()
    once = docprops.with_properties(paper, values(Part="Arboga kommun", Utfärdad=2))
    assert docprops.with_properties(paper, values(Part="Arboga kommun", Utfärdad=2)) == once
    assert docprops.with_properties(once, values(Part="Arboga kommun", Utfärdad=2)) == once
    with zipfile.ZipFile(io.BytesIO(once)) as package:
        assert package.read("[Content_Types].xml").count(b"/docProps/custom.xml") == 1
        assert package.read("_rels/.rels").count(docprops.CUSTOM_REL.encode()) == 1
        assert {i.date_time for i in package.infolist()} == {(2023, 9, 15, 0, 0, 0)}
    read = docprops.read_values(once)
    assert read.title == 'Rubrik & "citat" <x>'
    assert read.custom == {"Part": "Arboga kommun", "Utfärdad": "2"}
    assert Document(io.BytesIO(once)).core_properties.author == "Åsa Öberg"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice finns inte")
def test_libreoffice_opens_a_paper_with_custom_properties(shipped_out, cached_convert):
    paper = paper_paths(shipped_out)[(1, "Sala kommun")].read_bytes()
    data = docprops.with_properties(paper, values(Diarienummer="KS 2022/112", Part="Sala"))
    pdf = cached_convert({"sala.docx": data}).pdfs["sala.docx"]
    assert pdf.startswith(b"%PDF")
