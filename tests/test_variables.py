"""`papers variables` is generated from real contexts, so it cannot drift from the code."""

from __future__ import annotations

import re

from click.testing import CliRunner

from pipeline.build import prepare
from pipeline.cli import main
from pipeline.formatting import FILTERS
from pipeline.variables import (
    BILAGA_DESCRIPTIONS,
    DESCRIPTIONS,
    LETTER_DESCRIPTIONS,
    letter_contexts,
    names,
)

from workbooks import EXAMPLE, TEMPLATES


def contexts():
    prepared = prepare(EXAMPLE, TEMPLATES)
    return (
        [prepared.context(paper) for paper in prepared.papers],
        [bilaga.context for bilaga in prepared.bilagor],
        letter_contexts(prepared),
    )


def test_every_variable_is_described_and_every_description_is_used():
    papers, bilagor, letters = (set().union(*(names(c) for c in cs)) for cs in contexts())
    assert bilagor and letters
    for found, described in (
        (papers, DESCRIPTIONS),
        (bilagor - papers, BILAGA_DESCRIPTIONS),
        (letters - papers - bilagor, LETTER_DESCRIPTIONS),
    ):
        assert found - set(described) == set(), "variables without a description"
        assert set(described) - found == set(), "descriptions of variables that do not exist"


def test_command_lists_variables_and_filters_with_examples():
    result = CliRunner().invoke(
        main, ["variables", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)]
    )
    assert result.exit_code == 0, result.output
    assert "part.bidrag_nytt" in result.output
    assert "kommuner[].ar_denna_part" in result.output
    bilagor = result.output.index("Bara i bilagornas mallar:")
    letter = result.output.index("Bara i följebrevets mall:")
    assert "\n  avvecklat_forbund.paragraf_text\n" in result.output[bilagor:letter]
    assert "\n  undertecknare[].titel\n" in result.output[letter:]
    assert "(saknar beskrivning)" not in result.output
    for name in FILTERS:
        assert f"\n  {name}\n" in result.output
    assert "'375\\xa0000\\xa0kronor'" in result.output
    assert "exempel: 1/2 (50 %)" in result.output  # a share as the papers show it
    assert not re.search(r"\(≈ \d+\.\d", result.output)  # no decimal point in an example
