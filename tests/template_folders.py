"""A copy of the shipped templates with paragraphs added to the step-3 template, and
`papers check` over a templates folder (for the tests of template errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result
from docx import Document

from pipeline.cli import main

from workbooks import EXAMPLE, TEMPLATES


def templates_with(tmp_path: Path, *paragraphs: str | list) -> Path:
    """The shipped templates, with paragraphs added to the step-3 template: each a text, or
    a list of runs (a run in a list of its own is bold)."""
    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    path = folder / "03_medlemsbidrag.docx"
    doc = Document(str(path))
    for runs in paragraphs:
        paragraph = doc.add_paragraph()
        for run in [runs] if isinstance(runs, str) else runs:
            if isinstance(run, list):
                paragraph.add_run(run[0]).bold = True
            else:
                paragraph.add_run(run)
    doc.save(str(path))
    return folder


def check(folder: Path) -> Result:
    """`papers check` of the shipped workbook with the templates in `folder`."""
    return CliRunner().invoke(main, ["check", "--workbook", str(EXAMPLE), "--templates", str(folder)])
