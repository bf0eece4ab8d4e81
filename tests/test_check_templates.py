"""`papers check` finds template errors: a misspelled variable, a syntax error."""

from __future__ import annotations

from pipeline.build import prepare

from template_folders import check, templates_with
from workbooks import EXAMPLE, TEMPLATES


def test_shipped_templates_pass(tmp_path):
    result = check(TEMPLATES)
    assert result.exit_code == 0, result.output
    count = len(prepare(EXAMPLE, TEMPLATES).papers)
    assert f"skriver {count} handlingar" in result.output


def test_misspelled_variable_names_template_and_variable(tmp_path):
    result = check(templates_with(tmp_path, "Bidrag: {{ part.bidrag_nyt|kronor }}"))
    assert result.exit_code == 2
    assert "03_medlemsbidrag.docx" in result.output
    assert "bidrag_nyt" in result.output
    assert "{{ part.bidrag_nyt|kronor }}" in result.output
    assert "Traceback" not in result.output


def test_unknown_top_level_variable(tmp_path):
    result = check(templates_with(tmp_path, "{{ kommunnamn }}"))
    assert result.exit_code == 2
    assert "»kommunnamn« finns inte" in result.output


def test_syntax_error_shows_the_tag(tmp_path):
    result = check(templates_with(tmp_path, "{% if part.ar_kommun %}Kommun{% endfi %}"))
    assert result.exit_code == 2
    assert "03_medlemsbidrag.docx" in result.output
    assert "endfi" in result.output
    assert "Traceback" not in result.output
