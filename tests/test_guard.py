"""Never None (issue 10, point 7): a paper whose text would contain None, nan, NaN, NaT,
{{ or {% is refused, naming the paper and the tag whose value is missing; `papers build`
exits 2 and out/ is left as it was."""

from __future__ import annotations

import datetime as dt
import math
import shutil

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.render import Properties, TemplateFault, render_document

from small_templates import document
from workbooks import EXAMPLE, TEMPLATES

PROPERTIES = Properties("Titel", "Sala kommun", dt.date(2024, 3, 1))


def refusal(tmp_path, context, *paragraphs, header=None) -> str:
    def build(d):
        for p in paragraphs:
            d.add_paragraph(p)
        if header:
            d.sections[0].header.paragraphs[0].add_run(header)

    template = document(tmp_path / "mall.docx", build)
    with pytest.raises(TemplateFault) as info:
        render_document(template, context, PROPERTIES)
    return str(info.value)


@pytest.mark.parametrize("value, word", [(None, "None"), (math.nan, "nan"), (float("nan"), "nan")])
def test_a_missing_value_is_refused_naming_its_tag(tmp_path, value, word):
    message = refusal(
        tmp_path,
        {"namn": "Sala", "omfattning": value},
        "Part: {{ namn }}",
        "Omfattning: {{ omfattning }} procent",
    )
    assert f"»{word}«" in message and "{{ omfattning }}" in message
    assert "i stycket »Omfattning: " in message


def test_nat_from_pandas_is_refused(tmp_path):
    import pandas as pd

    message = refusal(tmp_path, {"datum": pd.NaT}, "Datum: {{ datum }}")
    assert "»NaT«" in message and "{{ datum }}" in message


def test_a_missing_value_in_a_table_loop_names_the_loop_tag(tmp_path):
    rows = [{"namn": "Norra", "omfattning": "50"}, {"namn": "Södra", "omfattning": None}]
    message = refusal(
        tmp_path, {"rader": rows}, "{% for r in rader %}{{ r.namn }}: {{ r.omfattning }}; {% endfor %}"
    )
    assert "{{ r.omfattning }}" in message


def test_a_missing_value_in_the_header_is_refused(tmp_path):
    message = refusal(tmp_path, {"diarienummer": None}, "Text", header="Dnr {{ diarienummer }}")
    assert "{{ diarienummer }}" in message and "sidhuvudet" in message


def test_braces_in_the_text_are_refused(tmp_path):
    message = refusal(tmp_path, {"namn": "{{ part.namn }}"}, "Namn: {{ namn }}")
    assert "»{{«" in message


def test_a_paper_without_such_words_passes(tmp_path):
    template = document(
        tmp_path / "mall.docx",
        lambda d: d.add_paragraph("Nanna från Nora, {{ namn }}: {{ belopp }} kronor"),
    )
    render_document(template, {"namn": "Sala", "belopp": 0}, PROPERTIES)


def test_build_refuses_and_leaves_out_untouched(tmp_path, shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE with the shipped templates leaves it
    runner = CliRunner()
    args = ["build", "--workbook", str(EXAMPLE), "--out", str(out)]
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    path = folder / "01_delta_i_lansprocess.docx"
    doc = Document(path)
    doc.add_paragraph("Beslutat: {{ arende.beslutsdatum }}")  # None without a decision
    doc.save(path)
    result = runner.invoke(main, [*args, "--templates", str(folder)])
    assert result.exit_code == 2, result.output
    assert "mallen 01_delta_i_lansprocess.docx" in result.output
    assert "»None«, för värdet i taggen {{ arende.beslutsdatum }} saknas" in result.output
    assert "i handlingen steg-1" in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
