"""Ärenden in the papers: the diarienummer in the letterhead, earlier decisions cited,
a visible note and a warning after an avslag."""

from __future__ import annotations

import datetime as dt

from docx import Document

from pipeline.build import build

from conftest import document_text, paper_paths
from workbooks import TEMPLATES


def letterhead(path):
    return [p.text for p in Document(path).paragraphs[:6]]


def test_diarienummer_shown_when_known_and_left_out_when_not(sheets, write_workbook, tmp_path):
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    papers = paper_paths(tmp_path)
    assert "Diarienummer: KS 2022/45" in letterhead(papers[(1, "Köpings kommun")])
    hallsta = letterhead(papers[(1, "Hallstahammars kommun")])
    assert not any(line.startswith("Diarienummer") for line in hallsta)
    assert "" not in hallsta  # the line is left out, not printed empty


def test_earlier_decisions_are_cited(sheets, write_workbook, tmp_path):
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    text = document_text(paper_paths(tmp_path)[(3, "Köpings kommun")])
    assert (
        "Kommunfullmäktige beslutade den 28 mars 2022, § 45, att bifalla förslaget i "
        "ärendet ”Beslut om att delta i länsprocess”."
    ) in text
    assert "Observera" not in text


def test_avslag_gives_a_note_in_later_papers_and_a_warning(sheets, write_workbook, tmp_path):
    sheets["Ärenden"].append(["Norbergs kommun", 1, "KS 2022/9", dt.date(2022, 3, 30), "§ 12", "avslag"])
    result = build(write_workbook(sheets), TEMPLATES, tmp_path)
    papers = paper_paths(tmp_path)
    later = sorted(steg for steg, part in papers if part == "Norbergs kommun" and steg > 1)
    assert later  # the steps after the refusal
    for steg in later:
        text = document_text(papers[(steg, "Norbergs kommun")])
        assert "Observera: Norbergs kommun har i ett tidigare steg avslagit förslaget." in text
        assert "den 30 mars 2022, § 12, att avslå förslaget" in text
    assert "Observera" not in document_text(papers[(1, "Norbergs kommun")])
    assert [w for w in result.warnings if w.startswith("Norbergs kommun avslog i steg 1")] == [
        f"Norbergs kommun avslog i steg 1; handlingen för steg {steg} säger det i en anmärkning."
        for steg in later
    ]
