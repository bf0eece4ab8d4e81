"""`papers variables` is generated from real contexts, so it cannot drift from the code."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.build import prepare
from pipeline.cli import main
from pipeline.formatting import FILTERS
from pipeline.variables import DESCRIPTIONS, names

from workbooks import EXAMPLE, TEMPLATES


def all_names():
    prepared = prepare(EXAMPLE, TEMPLATES)
    found = set()
    for paper in prepared.papers:
        found |= set(names(prepared.context(paper)))
    return found


def test_every_variable_is_described_and_every_description_is_used():
    found = all_names()
    assert found - set(DESCRIPTIONS) == set(), "variables without a description"
    assert set(DESCRIPTIONS) - found == set(), "descriptions of variables that do not exist"


def test_command_lists_variables_and_filters_with_examples():
    result = CliRunner().invoke(
        main, ["variables", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)]
    )
    assert result.exit_code == 0, result.output
    assert "part.bidrag_nytt" in result.output
    assert "kommuner[].ar_denna_part" in result.output
    for name in FILTERS:
        assert f"\n  {name}\n" in result.output
    assert "'375\\xa0000\\xa0kronor'" in result.output
