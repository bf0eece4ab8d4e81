"""Templates run in an immutable, bounded sandbox (issue 11, point 5): no template can
change another paper, fetch another template, or run without end; each is a Swedish
template error naming the template and the tag, and `papers build` exits 2 with out/
untouched. Rendered XML that is not well-formed is an error, never repaired."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.render import Properties, TemplateFault, render_document

from small_templates import document
from workbooks import EXAMPLE, TEMPLATES

PROPERTIES = Properties("Titel", "Sala kommun", dt.date(2024, 3, 1))


def render(tmp_path, *paragraphs, context=None):
    template = document(tmp_path / "mall.docx", lambda d: [d.add_paragraph(p) for p in paragraphs])
    return render_document(template, context or {}, PROPERTIES)


def refused(tmp_path, *paragraphs, context=None) -> str:
    with pytest.raises(TemplateFault) as info:
        render(tmp_path, *paragraphs, context=context)
    message = str(info.value)
    assert message.startswith("mallen mall.docx: "), message
    return message


def test_a_template_cannot_empty_a_list_of_the_context(tmp_path):
    rader = [{"forbund": "Norra"}, {"forbund": "Södra"}]
    message = refused(
        tmp_path, "Före", "{{ kapital.rader.clear() or '' }}", context={"kapital": {"rader": rader}}
    )
    assert rader == [{"forbund": "Norra"}, {"forbund": "Södra"}]
    assert "{{ kapital.rader.clear() or '' }}" in message


@pytest.mark.parametrize(
    "tag", ["{% include 'annan.docx' %}", "{% import 'makron' as m %}", "{% extends 'bas.docx' %}"]
)
def test_a_template_cannot_fetch_another(tmp_path, tag):
    message = refused(tmp_path, f"Text {tag}")
    assert "kan inte hämta andra mallar" in message


def test_range_is_bounded(tmp_path):
    message = refused(tmp_path, "{% for i in range(10**9) %}x{% endfor %}")
    assert "range() ger 1 000 000 000 tal, högst 10 000 tillåts" in message
    assert "{% for i in range(10**9) %}" in message


def test_string_repetition_is_bounded(tmp_path):
    message = refused(tmp_path, "Början", "{{ 'x' * 10**10 }}")
    assert "ger 10 000 000 000 tecken" in message and "{{ 'x' * 10**10 }}" in message


def test_padding_filters_are_bounded(tmp_path):
    assert "filtret center" in refused(tmp_path, "{{ 'x'|center(10**10) }}")


def test_loops_that_never_finish_are_stopped(tmp_path):
    message = refused(
        tmp_path,
        "{% for i in range(10000) %}{% for j in range(10000) %}"
        "{% for k in range(10000) %}{% endfor %}{% endfor %}{% endfor %}",
    )
    assert "en loop tar aldrig slut" in message


def test_recursion_is_a_template_error(tmp_path):
    message = refused(tmp_path, "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    assert "anropar sig själv" in message or "steg" in message


def test_a_computation_error_names_the_tag(tmp_path):
    message = refused(tmp_path, "{{ summa }}", "{{ summa / noll }}", context={"summa": 10, "noll": 0})
    assert "division med noll" in message and "{{ summa / noll }}" in message


@pytest.mark.parametrize("name_filter", ["safe", "urlize"])
def test_markup_filters_are_refused(tmp_path, name_filter):
    message = refused(
        tmp_path,
        f"Namn: {{{{ namn|{name_filter} }}}}",
        context={"namn": "Köping <Kommun> www.koping.se"},
    )
    assert f"filtret »{name_filter}« är inte tillåtet" in message


def test_a_name_with_markup_comes_out_as_written(tmp_path):
    data = render(tmp_path, "Namn: {{ namn }}", context={"namn": "A < B & C"})
    assert Document(__import__("io").BytesIO(data)).paragraphs[0].text == "Namn: A < B & C"


def test_rendered_xml_that_is_not_well_formed_is_an_error(tmp_path):
    message = refused(
        tmp_path, "Inledning", "{%r if visa %}", "text {% endif %} slut", context={"visa": False}
    )
    assert "inte är giltig XML" in message and "slut" in message


def test_what_a_template_does_not_use_is_not_changed(tmp_path):
    context = {"lista": [1, 2], "d": {"a": 1}}
    render(tmp_path, "{{ lista|length }} {{ d.a }}", context=context)
    assert context == {"lista": [1, 2], "d": {"a": 1}}


def test_a_mall_that_is_a_text_file(tmp_path):
    (tmp_path / "mall.docx").write_text("Det här är ingen mall")
    with pytest.raises(TemplateFault, match="mallen »mall.docx« är inte ett Word-dokument"):
        render_document(tmp_path / "mall.docx", {}, PROPERTIES)


def test_a_macro_enabled_mall(tmp_path):
    path = document(tmp_path / "mall.docx", lambda d: d.add_paragraph("x"))
    import zipfile

    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"document.main+xml", b"document.macroEnabled.main+xml"
    )
    with zipfile.ZipFile(path, "w") as z:
        for n, d in files.items():
            z.writestr(n, d)
    with pytest.raises(TemplateFault, match="dokument med makron"):
        render_document(path, {}, PROPERTIES)


def test_a_mall_that_links_out_of_its_folder(tmp_path):
    (tmp_path / "mallar").mkdir()
    outside = document(tmp_path / "annan.docx", lambda d: d.add_paragraph("x"))
    os.symlink(outside, tmp_path / "mallar" / "mall.docx")
    with pytest.raises(TemplateFault, match="är en länk till .*utanför mallmappen"):
        render_document(tmp_path / "mallar" / "mall.docx", {}, PROPERTIES)


def templates_with(tmp_path, name, change):
    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    change(folder / name)
    return folder


def build(tmp_path, folder):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "--workbook", str(EXAMPLE), "--templates", str(folder), "--out", str(out)]
    )
    return result, out


def test_build_stops_with_exit_2_and_writes_nothing(tmp_path):
    def change(path):
        doc = Document(path)
        doc.add_paragraph("{{ kapital.rader.clear() or '' }}")
        doc.save(path)

    result, out = build(tmp_path, templates_with(tmp_path, "01_delta_i_lansprocess.docx", change))
    assert result.exit_code == 2, result.output
    assert "mallen 01_delta_i_lansprocess.docx" in result.output
    assert "{{ kapital.rader.clear() or '' }}" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("*.docx"))


def test_build_names_the_mall_that_is_a_text_file(tmp_path):
    folder = templates_with(
        tmp_path, "03_medlemsbidrag.docx", lambda path: path.write_text("ingen mall")
    )
    result, out = build(tmp_path, folder)
    assert result.exit_code == 2, result.output
    assert "»03_medlemsbidrag.docx« är inte ett Word-dokument" in result.output
    assert "Traceback" not in result.output


def test_a_string_doubled_in_a_loop_is_stopped(tmp_path):
    message = refused(
        tmp_path,
        "{% set ns = namespace(s='x') %}{% for i in range(100) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    )
    assert "en text som mallen bygger upp ger" in message


def test_a_string_doubled_through_a_macro_is_stopped(tmp_path):
    message = refused(
        tmp_path,
        "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('x', 100) }}",
    )
    assert "en text som mallen bygger upp ger" in message


def test_a_template_that_cannot_be_used_is_reported_once(tmp_path):
    folder = templates_with(
        tmp_path, "03_medlemsbidrag.docx", lambda path: path.write_text("ingen mall")
    )
    result, _ = build(tmp_path, folder)
    assert result.output.count("03_medlemsbidrag.docx« är inte ett Word-dokument") == 1
