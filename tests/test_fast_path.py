"""The render engine gives the same documents as plain docxtpl on the shipped templates,
serially and on two cores."""

from __future__ import annotations

import datetime as dt

import pytest
from docxtpl import RichText
from jinja2 import TemplateError

import pipeline.render_many
from pipeline.build import prepare
from pipeline.compiled import PreparedTemplate, always_well_formed
from pipeline.render import Properties
from pipeline.render_many import render_papers

from docxtpl_reference import canonical, parts, plain_docxtpl
from small_templates import document
from workbooks import EXAMPLE, TEMPLATES


@pytest.fixture(scope="module")
def prepared():
    return prepare(EXAMPLE, TEMPLATES)


def both_ways(prepared, paper, templates):
    context = prepared.context(paper)
    properties = Properties(f"{paper.steg['rubrik']} – {paper.part}", paper.part, paper.steg["datum"])
    slow = plain_docxtpl(paper.template, context, properties)
    if paper.template not in templates:  # each template prepared once, as the build does
        templates[paper.template] = PreparedTemplate(paper.template)
    fast = templates[paper.template].render(context, properties)
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


P, T = "<w:p><w:r><w:t>", "</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    "source",
    [
        f"<w:body>{P}{{% if a %}}ja{{% else %}}nej{{% endif %}}{T}</w:body>",
        f"<w:body>{{% for x in xs %}}{P}{{{{ x }}}}{T}{{% endfor %}}<w:sectPr/></w:body>",
        f"<w:body>{{% set n = 1 %}}{{% if a > n %}}{P}a{T}{{% elif b %}}{P}b{T}{{% endif %}}</w:body>",
    ],
)
def test_a_balanced_template_needs_no_check_after_rendering(source):
    assert always_well_formed(source)


@pytest.mark.parametrize(
    "source",
    [
        f"<w:body>{P}{{% if a %}}ja{T}{P}{{% endif %}}{T}</w:body>",  # spans two paragraphs
        f"<w:body>{{% if a %}}{P}ja{T}{{% else %}}{P}nej{{% endif %}}{T}</w:body>",  # one branch
        f"<w:body>{P}{{% filter upper %}}x{{% endfilter %}}{T}</w:body>",  # can change the XML
        f"<w:body>{{% set x %}}{P}x{T}{{% endset %}}{{{{ x }}}}</w:body>",  # captured XML
        '<w:body><w:p w:x="{% if a %}"/>{% endif %}</w:body>',  # a tag in a start tag
        f"<w:body>{P}x{T}",  # not closed
        f"<w:body>{P}{{% set y = '%}}{T}<w:tbl><w:tc>{P}' %}}X{T}</w:tc></w:tbl></w:body>",
        f"<w:body>{P}{{{{ '}}}}{T}<w:tbl><w:tc>{P}' }}}}X{T}</w:tc></w:tbl></w:body>",
        f'<w:body>{P}{{{{ "a\\"}}}}{T}<w:tbl><w:tc>{P}" }}}}X{T}</w:tc></w:tbl></w:body>',
    ],
)
def test_a_template_that_may_break_the_xml_is_checked_after_rendering(source):
    assert not always_well_formed(source)


def test_a_string_holding_a_closing_delimiter_across_paragraphs_is_refused_not_written(tmp_path):
    """»{% set y = '%}« in one paragraph and »' %}X« in a table cell: Jinja swallows the XML
    between them, so the rendered part does not balance; it must be caught, not written."""

    def write(d):
        d.add_paragraph().add_run("{% set y = '%}")
        d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("' %}X")

    prepared_template = PreparedTemplate(document(tmp_path / "mall.docx", write))
    assert not prepared_template.well_formed
    with pytest.raises(TemplateError, match="giltig XML"):
        prepared_template.render({}, Properties("t", "a", dt.date(2026, 1, 1)))


def test_a_template_proven_balanced_still_refuses_a_value_with_xml_of_its_own(tmp_path):
    """A printed value that writes XML (a RichText) is checked even in a balanced template."""
    template = document(tmp_path / "mall.docx", lambda d: d.add_paragraph("Namn: {{r namn }}"))
    prepared_template = PreparedTemplate(template)
    assert prepared_template.well_formed
    broken = RichText()
    broken.xml = "<w:r><w:t>öppen"
    with pytest.raises(TemplateError, match="giltig XML"):
        prepared_template.render({"namn": broken}, Properties("t", "a", dt.date(2026, 1, 1)))
