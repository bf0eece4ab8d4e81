"""`papers check` warns about a party that would get papers nobody answers for."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main

from workbooks import TEMPLATES, column_of, set_cell


def check(workbook):
    return CliRunner().invoke(
        main, ["check", "--workbook", str(workbook), "--templates", str(TEMPLATES)]
    )


def test_shipped_workbook_has_no_warning(sheets, write_workbook):
    result = check(write_workbook(sheets))
    assert result.exit_code == 0, result.output
    assert "Varning" not in result.output


def test_missing_handlaggare_and_signatories_are_named_by_cell(sheets, write_workbook):
    for header in ("Handläggare", "Kommunchef", "Kanslichef"):
        set_cell(sheets, "Parter", f"{column_of(sheets, 'Parter', header)}3", None)  # Hallsta
    result = check(write_workbook(sheets))
    assert result.exit_code == 0
    handlaggare = f"Parter!{column_of(sheets, 'Parter', 'Handläggare')}3"
    assert (
        f"Hallstahammars kommun får handlingar men har ingen handläggare ({handlaggare})"
        in result.output
    )
    assert "Hallstahammars kommun får handlingar men ingen undertecknar dem" in result.output
    assert "Sala kommun" not in result.output
