"""The fast render path gives the same documents as plain docxtpl, serially and on two cores."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

import pipeline.compiled
import pipeline.render_many
from pipeline.build import prepare
from pipeline.compiled import PreparedTemplate
from pipeline.render import render_paper
from pipeline.render_many import render_papers

from workbooks import EXAMPLE, TEMPLATES


@pytest.fixture(scope="module")
def prepared():
    return prepare(EXAMPLE, TEMPLATES)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def both_ways(prepared, paper, templates):
    context = prepared.context(paper)
    title = f"{paper.steg['rubrik']} – {paper.part}"
    slow = render_paper(paper.template, context, title, paper.part, paper.steg["datum"])
    fast = templates.setdefault(paper.template, PreparedTemplate(paper.template)).render(
        context, title, paper.part, paper.steg["datum"])
    return parts(slow), parts(fast)


def test_every_shipped_paper_has_the_same_document_xml(prepared):
    templates: dict = {}
    for paper in prepared.papers:
        slow, fast = both_ways(prepared, paper, templates)
        assert list(slow) == list(fast)
        for name in slow:
            if name == "word/document.xml":  # the body is spliced in: same XML, same meaning
                assert canonical(slow[name]) == canonical(fast[name]), (paper.path, name)
            else:
                assert slow[name] == fast[name], (paper.path, name)


def test_without_the_splice_the_bytes_are_docxtpls(prepared, monkeypatch):
    monkeypatch.setattr(pipeline.compiled, "well_formed", lambda data: False)
    templates: dict = {}
    for paper in prepared.papers[::7]:
        slow, fast = both_ways(prepared, paper, templates)
        assert slow == fast


def test_two_cores_give_the_same_bytes_as_one(prepared, monkeypatch):
    serial = render_papers(prepared, prepared.papers, workers=1)
    monkeypatch.setattr(pipeline.render_many, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline.render_many, "CHUNK", 4)
    assert render_papers(prepared, prepared.papers, workers=2) == serial
