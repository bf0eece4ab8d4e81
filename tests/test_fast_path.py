"""The render engine gives the same documents as plain docxtpl on the shipped templates,
serially and on two cores."""

from __future__ import annotations

import pytest

import pipeline.render_many
from pipeline.build import prepare
from pipeline.compiled import PreparedTemplate
from pipeline.render import Properties
from pipeline.render_many import render_papers

from docxtpl_reference import canonical, parts, plain_docxtpl
from workbooks import EXAMPLE, TEMPLATES


@pytest.fixture(scope="module")
def prepared():
    return prepare(EXAMPLE, TEMPLATES)


def both_ways(prepared, paper, templates):
    context = prepared.context(paper)
    properties = Properties(f"{paper.steg['rubrik']} – {paper.part}", paper.part, paper.steg["datum"])
    slow = plain_docxtpl(paper.template, context, properties)
    fast = templates.setdefault(paper.template, PreparedTemplate(paper.template)).render(
        context, properties
    )
    return parts(slow), parts(fast)


def test_every_shipped_paper_is_docxtpls_document(prepared):
    templates: dict = {}
    for paper in prepared.papers:
        slow, fast = both_ways(prepared, paper, templates)
        assert list(slow) == list(fast)
        for name in slow:
            if name == "word/document.xml":  # the body may be spliced in: same meaning
                assert canonical(slow[name]) == canonical(fast[name]), (paper.path, name)
            else:
                assert slow[name] == fast[name], (paper.path, name)


def test_two_cores_give_the_same_bytes_as_one(prepared, monkeypatch):
    serial = render_papers(prepared, prepared.papers, workers=1)
    monkeypatch.setattr(pipeline.render_many, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline.render_many, "CHUNK", 4)
    assert render_papers(prepared, prepared.papers, workers=2) == serial
