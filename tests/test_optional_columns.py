"""A workbook that leaves out every optional column and sheet still gives whole papers:
passages and lines whose values are missing disappear; nothing reads "None"."""

from __future__ import annotations

import re

from pipeline import schema
from pipeline.build import build

from conftest import document_text, paper_paths
from workbooks import TEMPLATES

# Without these a kommun has no förbund or population, and nobody gets a paper.
NEEDED = {"Förbund", "Invånare", "Beslutande organ"}


def without_optional(sheets: dict) -> dict:
    kept = {}
    for spec in schema.SHEETS:
        if spec.optional:
            continue
        rows = sheets[spec.name]
        if spec is schema.PARAMETRAR:
            required = {p.name for p in schema.PARAMETERS if p.required}
            kept[spec.name] = [rows[0]] + [r for r in rows[1:] if r[0] in required]
            continue
        keep = {c.header for c in spec.columns if c.required} | NEEDED
        columns = [i for i, h in enumerate(rows[0]) if h in keep]
        kept[spec.name] = [[r[i] if i < len(r) else None for i in columns] for r in rows]
    return kept


def test_no_paper_says_none(sheets, write_workbook, tmp_path):
    workbook = write_workbook(without_optional(sheets))
    out = tmp_path / "out"
    result = build(workbook, TEMPLATES, out)
    assert len(result.papers) > 0
    for (steg, part), path in paper_paths(out).items():
        text = document_text(path)
        assert not re.search(r"\bNone\b|\bnan\b|\bNaT\b|\{\{|\{%", text), (steg, part)
        assert "Handläggare:" not in text  # the line goes when the column is gone
        assert "Diarienummer" not in text
