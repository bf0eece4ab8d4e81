"""`papers check` points at the right tag (issue 11, unclear messages): the tag that
failed, even when Word split it into runs and another tag names the same variable; and for
an unclosed block, the tag that is never closed and the text of its paragraph."""

from __future__ import annotations

from template_folders import check, templates_with


def test_a_tag_split_across_runs_is_named_not_an_earlier_tag_with_the_same_name(tmp_path):
    folder = templates_with(
        tmp_path,
        ["Kontroll: {% if part.saknas is defined %}ja{% endif %}"],
        ["Namn: ", "{{ part.", ["saknas"], " }} slut"],
    )
    result = check(folder)
    assert result.exit_code == 2
    assert "mallen 03_medlemsbidrag.docx" in result.output
    assert "fältet »saknas« finns inte, i taggen {{ part.saknas }}" in result.output
    assert "i stycket »Namn: {{ part.saknas }} slut«" in result.output
    assert "{% if part.saknas is defined %}" not in result.output


def test_an_unclosed_if_is_named_with_its_paragraph(tmp_path):
    folder = templates_with(
        tmp_path,
        ["Inledning"],
        ["Om kommun: {% if part.ar_kommun %}", "kommunens text"],
        ["Sista stycket"],
    )
    result = check(folder)
    assert result.exit_code == 2
    assert (
        "taggen {% if part.ar_kommun %} avslutas aldrig ({% endif %} saknas), i stycket "
        "»Om kommun: {% if part.ar_kommun %}kommunens text«"
    ) in result.output


def test_an_unclosed_for_inside_a_closed_if(tmp_path):
    folder = templates_with(
        tmp_path, ["{% if true %}"], ["{% for r in kapital.rader %}rad"], ["{% endif %}"]
    )
    result = check(folder)
    assert result.exit_code == 2
    assert "{% for r in kapital.rader %}" in result.output
    assert "Traceback" not in result.output
