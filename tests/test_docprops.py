"""Registrar properties in the papers: core properties and docProps/custom.xml."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from docx.opc.package import OpcPackage
from lxml import etree

from pipeline import docprops, handover
from pipeline.build import build, prepare
from pipeline.manifest import Manifest, sha256

from conftest import paper_paths
from workbooks import EXAMPLE, TEMPLATES

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


def test_the_renderer_writes_the_registrar_properties_so_a_paper_is_zipped_once(tmp_path, monkeypatch):
    stamped = []
    monkeypatch.setattr(docprops, "with_properties", lambda *args: stamped.append(args))
    build(EXAMPLE, TEMPLATES, tmp_path, parts=["Köpings kommun"])
    assert stamped == []  # no paper unzipped and zipped again for its properties
    papers = paper_paths(tmp_path)
    assert len(papers) == len(
        [p for p in prepare(EXAMPLE, TEMPLATES).papers if p.part == "Köpings kommun"]
    )
    for (steg, part), path in papers.items():
        custom = docprops.read_custom(path.read_bytes())
        assert (custom["Part"], custom["Beslutssteg"], custom["Utfärdad"]) == (part, str(steg), "1")


def test_only_a_paper_that_moves_to_a_new_version_is_stamped_again(shipped_out):
    prepared = prepare(EXAMPLE, TEMPLATES)
    paper = next(p for p in prepared.papers if p.steg["nummer"] == 3 and p.part == "Köpings kommun")
    data = paper_paths(shipped_out)[(3, "Köpings kommun")].read_bytes()  # rendered as version 1

    def issued(digest: str) -> Manifest:
        copy = {"steg": 3, "part": paper.part, "format": "utfardat", "version": 1}
        return Manifest.of({"filer": [{**copy, "fil": "utfardat/v1.docx", "sha256": digest}]})

    assert handover.finish_paper(prepared.lookup, paper, data, issued(sha256(data))) is data
    changed = handover.finish_paper(prepared.lookup, paper, data, issued("0" * 64))
    assert docprops.read_custom(changed)["Utfärdad"] == "2"
    assert docprops.read_values(changed).title == docprops.read_values(data).title


@pytest.mark.libreoffice
def test_libreoffice_opens_a_paper_with_custom_properties(shipped_out, cached_convert):
    paper = paper_paths(shipped_out)[(1, "Sala kommun")].read_bytes()
    data = docprops.with_properties(paper, values(Diarienummer="KS 2022/112", Part="Sala"))
    pdf = cached_convert({"sala.docx": data}).pdfs["sala.docx"]
    assert pdf.startswith(b"%PDF")
