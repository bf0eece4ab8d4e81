"""Everything a user reads on the command line is Swedish, survives a non-UTF-8 terminal, and an
unexpected error is one line naming the file and where the details are (never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest
from click.testing import CliRunner

from pipeline import cli
from pipeline.cli import main

from workbooks import EXAMPLE, ROOT, TEMPLATES, paper_count

ENGLISH = (
    "Usage:",
    "Options",
    "Commands",
    "Show this message",
    "Error:",
    "Invalid value",
    "No such",
    "Missing",
    "Try '",
    "default:",
    "is not a valid",
    "[OPTIONS]",
    "COMMAND",
)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_swedish(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, (word, text)


@pytest.mark.parametrize(
    "args", [["--help"], ["build", "--help"], ["status", "-h"], ["init", "--help"], ["bundle", "--help"]]
)
def test_help_is_swedish(args):
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.output.startswith("Användning: ")
    assert "Flaggor:" in result.output
    assert "Visa den här hjälpen och avsluta." in result.output
    assert_swedish(result.output)


def test_usage_error_points_to_help_in_swedish():
    result = invoke("nope")
    assert "\nSkriv '" in result.output and " --help' för hjälp.\n" in result.output


def test_main_help_lists_commands_in_swedish():
    result = invoke("--help")
    assert "Kommandon:" in result.output and "KOMMANDO [ARGUMENT]..." in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["nope"], "Fel: Det finns inget kommando som heter 'nope'."),
        (["build", "--step", "x"], "Fel: Ogiltigt värde för '--step': 'x' är inte ett giltigt heltal."),
        (["init"], "Fel: Argument saknas 'FIL'."),
        (["build", "--bogus"], "Fel: Det finns ingen flagga som heter '--bogus'."),
        (
            ["status", "--datum", "2022-13-01"],
            "Fel: Ogiltigt värde för '--datum': '2022-13-01' är inte ett datum i formen ÅÅÅÅ-MM-DD.",
        ),
        (["build", "--out"], "Fel: Flaggan '--out' behöver ett värde."),
        (
            ["status", "--datum", "2108-01-01", "--xlsx", "status.xlsx"],
            "Fel: Ogiltigt värde för '--datum': 2108-01-01 ligger inte mellan år 1900 och 2100",
        ),
    ],
)
def test_usage_errors_are_swedish(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.output, result.output
    assert_swedish(result.output)


def run_with_encoding(encoding: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env, capture_output=True, timeout=120
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_budget_survives_a_terminal_without_the_minus_sign(encoding):
    result = run_with_encoding(
        encoding, "budget", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)
    )
    assert result.returncode == 0, result.stderr.decode(encoding)
    text = result.stdout.decode(encoding)
    assert "Västerås stad" in text
    assert "-291 754" in text  # U+2212 shown as its nearest ASCII, not as an error


def test_build_report_survives_cp1252(tmp_path, sheets, write_workbook):
    """The second build lists the moved figures with "→", which cp1252 lacks."""
    out = str(tmp_path / "out")
    first = run_with_encoding(
        "cp1252", "build", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES), "--out", out
    )
    assert first.returncode == 0, first.stderr.decode("cp1252")
    header = sheets["Parter"][0]
    for row in sheets["Parter"][1:]:
        if row[header.index("Part")] == "Köpings kommun":
            row[header.index("Invånare")] += 1000
    second = run_with_encoding(
        "cp1252",
        "build",
        "--workbook",
        str(write_workbook(sheets)),
        "--templates",
        str(TEMPLATES),
        "--out",
        out,
    )
    assert second.returncode == 0, second.stderr.decode("cp1252")
    text = second.stdout.decode("cp1252")
    assert "Ändrat sedan förra körningen:" in text
    assert " -> " in text and f"{paper_count()} handlingar i" in text


def fail_unexpectedly(monkeypatch):
    def broken(*args, **kwargs):
        raise FileNotFoundError(2, "No such file or directory", "/mallar/trasig.docx")

    monkeypatch.setattr("pipeline.build.prepare", broken)


def test_unexpected_error_is_one_swedish_line_with_the_log(monkeypatch, tmp_path):
    fail_unexpectedly(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = invoke("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Ett oväntat fel inträffade (/mallar/trasig.docx): ")
    log = next(tmp_path.glob("papers-fel-*.log"))
    assert f"Detaljer finns i {log}." in lines[0]
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_unwritable_log_falls_back_to_the_terminal(monkeypatch):
    fail_unexpectedly(monkeypatch)

    def no_temp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli.tempfile, "mkstemp", no_temp)
    result = invoke("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Ett oväntat fel inträffade (/mallar/trasig.docx): ")
    assert "Detaljerna gick inte att spara i temp-mappen" in lines[0]
    assert "Traceback" not in result.output
