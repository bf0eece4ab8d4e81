"""Shared fixtures: a templates folder, workbooks built in the test, documents read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

import workbooks


@pytest.fixture
def sheets():
    """The shipped example workbook as plain rows, ready to be changed by a test."""
    return workbooks.example_sheets()


MALLAR = (
    "01_delta_i_lansprocess.docx",
    "02_bildande.docx",
    "03_medlemsbidrag.docx",
    "bilaga_forbundsordning.docx",
    "bilaga_andrad_forbundsordning.docx",
)


@pytest.fixture
def templates(tmp_path):
    """Empty placeholder templates: `load` only checks that each Mall exists, and validation
    fails before anything is rendered. A real file just outside the folder makes sure that
    "../x.docx" is refused as a path, not as a missing file."""
    folder = tmp_path / "mallar"
    folder.mkdir()
    for name in MALLAR:
        (folder / name).write_bytes(b"")
    (tmp_path / "x.docx").write_bytes(b"")
    return folder


@pytest.fixture
def write_workbook(tmp_path):
    def write(sheets, name: str = "arbetsbok.xlsx") -> Path:
        return workbooks.write(tmp_path / name, sheets)

    return write


def paper_paths(out: Path) -> dict[tuple[int, str], Path]:
    """(steg, part) → path, through the manifest (never guessed)."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {(e["steg"], e["part"]): out / e["fil"] for e in manifest["papers"]}


def document_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers, one line each."""
    doc = Document(path)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    for section in doc.sections:
        lines += [p.text for p in section.header.paragraphs]
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)


@pytest.fixture(scope="session")
def shipped_out(tmp_path_factory) -> Path:
    """out/ of one build of the shipped workbook and templates (read it, don't change it)."""
    from pipeline.build import build

    out = tmp_path_factory.mktemp("shipped") / "out"
    build(workbooks.EXAMPLE, workbooks.TEMPLATES, out)
    return out


def running_text(path: Path) -> list[str]:
    """The body's paragraphs (no tables, headers or footers): the paper's running text."""
    return [p.text for p in Document(path).paragraphs if p.text.strip()]
