"""Names with & < > " ' come out as written; hostile Kortnamn give safe, unique file names."""

from __future__ import annotations

import re

from docx import Document

from pipeline.build import build

from conftest import document_text, paper_paths
from workbooks import TEMPLATES, column_of, set_cell

HOSTILE = 'Ström & Söner <AB> "Kommun" \'s'


def find_row(sheets, sheet, name):
    return next(i for i, row in enumerate(sheets[sheet], start=1) if row[0] == name)


def rename_party(sheets, old, new):
    for sheet in ("Parter", "Medlemsbidrag", "Ärenden"):
        for row in sheets[sheet][1:]:
            if row and row[0] == old:
                row[0] = new


def test_special_characters_in_body_table_and_footer(sheets, write_workbook, tmp_path):
    rename_party(sheets, "Köpings kommun", HOSTILE)
    row = find_row(sheets, "Parter", HOSTILE)
    set_cell(
        sheets, "Parter", f"{column_of(sheets, 'Parter', 'Postadress')}{row}", 'Box 1 & 2 <Hus> "A"'
    )
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out)
    papers = paper_paths(out)
    step3 = document_text(papers[(3, HOSTILE)])
    assert f"{HOSTILE} betalar 455" in step3  # body
    assert any(line.startswith(f"{HOSTILE} |") for line in step3.splitlines())  # table
    doc = Document(papers[(1, HOSTILE)])
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    footer = "\n".join(c.text for t in doc.sections[0].footer.tables for c in t.rows[0].cells)
    assert HOSTILE in header
    assert 'Postadress\nBox 1 & 2 <Hus> "A"' in footer
    assert "&amp;" not in step3 and "&lt;" not in step3


def test_hostile_kortnamn_give_portable_unique_names(sheets, write_workbook, tmp_path):
    hostile = ["../../etc", "a/b\\c", "CON", "KÖPING.", "koping", ":*?|"]
    for row, short in zip(range(2, 8), hostile):
        set_cell(sheets, "Parter", f"B{row}", short)
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out)
    paths = list(paper_paths(out).values())
    for path in paths:
        assert path.resolve().is_relative_to(out.resolve())
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*_steg-\d\.docx", path.name), path.name
    per_step = {}
    for path in paths:
        per_step.setdefault(path.parent, []).append(path.name.lower())
    assert all(len(names) == len(set(names)) for names in per_step.values())
    assert not (tmp_path / "etc").exists()
