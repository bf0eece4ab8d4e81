"""The schema is the one list of parameters and columns: a new one is an entry in `schema.py`
and reaches the validated workbook, the templates' context and `papers variables` without
an edit anywhere else (the schema is changed here for the test only)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline import schema, variables
from pipeline.build import prepare
from pipeline.problems import UserError

from workbooks import TEMPLATES

NEW_PARAMETER = schema.Parameter(
    "Diarieplan", "diarieplan", schema.TEXT, False, None, "Där ärendet diarieförs."
)
REQUIRED_PARAMETER = schema.Parameter(
    "Beslutsorgan", "beslutsorgan", schema.TEXT, True, None, "Det gemensamma beslutsorganet."
)
NEW_COLUMN = schema.Column("Fax", "fax", schema.TEXT, False, "Faxnummer.", contact="Fax")


@pytest.fixture
def with_parameter(monkeypatch):
    monkeypatch.setattr(schema, "PARAMETERS", (*schema.PARAMETERS, NEW_PARAMETER))


@pytest.fixture
def with_column(monkeypatch):
    parter = dataclasses.replace(schema.PARTER, columns=(*schema.PARTER.columns, NEW_COLUMN))
    monkeypatch.setattr(schema, "PARTER", parter)
    monkeypatch.setattr(
        schema, "SHEETS", tuple(parter if s.name == "Parter" else s for s in schema.SHEETS)
    )


def first_paper_context(path):
    prepared = prepare(path, TEMPLATES)
    return prepared.bok, prepared.context(prepared.papers[0])


def test_a_new_parameter_reaches_parametrar_the_context_and_the_variables(
    sheets, write_workbook, with_parameter
):
    sheets["Parametrar"].append(["Diarieplan", "Länets gemensamma diarium", None])
    bok, context = first_paper_context(write_workbook(sheets))
    assert bok.parametrar.diarieplan == "Länets gemensamma diarium"
    assert bok.parametrar.cells["diarieplan"] == f"Parametrar!B{len(sheets['Parametrar'])}"
    assert context["diarieplan"] == "Länets gemensamma diarium"
    assert "diarieplan" not in context["extra"]  # a parameter, no longer an extra row
    assert variables.schema_descriptions()["diarieplan"] == (
        "Parametern Diarieplan. Där ärendet diarieförs."
    )


def test_a_new_parameter_left_out_is_an_empty_text(sheets, write_workbook, with_parameter):
    bok, context = first_paper_context(write_workbook(sheets))
    assert bok.parametrar.diarieplan is None
    assert context["diarieplan"] == ""


def test_a_new_required_parameter_is_asked_for(sheets, write_workbook, monkeypatch):
    monkeypatch.setattr(schema, "PARAMETERS", (*schema.PARAMETERS, REQUIRED_PARAMETER))
    with pytest.raises(UserError) as info:
        prepare(write_workbook(sheets), TEMPLATES)
    assert [p.message() for p in info.value.problems] == [
        "Parametrar: parametern »Beslutsorgan« saknas; lägg till en rad med Beslutsorgan i "
        "kolumnen Parameter och ett värde i kolumnen Värde."
    ]


def test_a_new_parter_column_reaches_the_party_and_its_contact_block(
    sheets, write_workbook, with_column
):
    header, *rows = sheets["Parter"]
    with_paper = next(r for r in rows if r[header.index("Beslutande organ")])
    header.append("Fax")
    for row in rows:
        row.append("021-10 00 00" if row is with_paper else None)
    prepared = prepare(write_workbook(sheets), TEMPLATES)
    paper = next(p for p in prepared.papers if p.part == with_paper[header.index("Part")])
    part = prepared.context(paper)["part"]
    assert part["fax"] == "021-10 00 00"
    assert part["kontaktrader"][-1] == "Fax: 021-10 00 00"
    assert "fax" not in part["extra"]  # a column of the schema, no longer an extra column
    assert variables.schema_descriptions()["part.fax"] == "Kolumnen Fax på bladet Parter. Faxnummer."
