"""Incremental builds: nothing changed renders nothing; a change renders what it touches and
says which figures moved."""

from __future__ import annotations

import shutil

from docx import Document

from pipeline.build import build

from workbooks import TEMPLATES, column_of, set_cell, steps


def test_nothing_changed_renders_nothing(sheets, write_workbook, tmp_path):
    workbook = write_workbook(sheets)
    first = build(workbook, TEMPLATES, tmp_path / "out")
    assert first.rendered == len(first.papers)
    again = build(workbook, TEMPLATES, tmp_path / "out")
    assert again.rendered == 0
    assert again.changes == []
    assert again.output.written == []


def test_a_contribution_changes_every_paper_and_the_report_names_the_figures(
    sheets, write_workbook, shipped_copy
):
    out = shipped_copy  # out/ as a build of the unchanged sheets leaves it
    set_cell(sheets, "Medlemsbidrag", "C13", 400_000)  # Köping
    result = build(write_workbook(sheets), TEMPLATES, out)
    assert result.rendered == len(result.papers)
    line = next(c for c in result.changes if c.startswith("Köpings kommun, steg 3:"))
    assert "medlemsbidrag i dag 375 000 → 400 000 kr" in line
    assert "medlemsbidrag 2024 455 425 → 456 010 kr" in line
    arboga = next(c for c in result.changes if c.startswith("Arboga kommun, steg 3:"))
    assert "medlemsbidrag i dag" not in arboga


def test_one_partys_contact_details_render_only_its_papers(sheets, write_workbook, shipped_copy):
    out = shipped_copy  # out/ as a build of the unchanged sheets leaves it
    telefon = column_of(sheets, "Parter", "Telefon")
    set_cell(sheets, "Parter", f"{telefon}9", "0221-999 99")  # Köping's telephone
    result = build(write_workbook(sheets), TEMPLATES, out)
    assert result.rendered == len(steps())  # Köping has a paper in every step
    assert sorted(result.changes) == [f"Köpings kommun, steg {n}: ändrad text" for n in steps()]


def test_a_template_change_renders_that_steps_papers(sheets, write_workbook, tmp_path):
    templates = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, templates)
    workbook = write_workbook(sheets)
    build(workbook, templates, tmp_path / "out")
    doc = Document(templates / "01_delta_i_lansprocess.docx")
    doc.add_paragraph("Ett tillägg i mallen.")
    doc.save(templates / "01_delta_i_lansprocess.docx")
    result = build(workbook, templates, tmp_path / "out")
    assert result.rendered == sum(p.steg["nummer"] == 1 for p in result.papers)
    assert {
        p.steg["nummer"] for p in result.papers if f"steg {p.steg['nummer']}" in " ".join(result.changes)
    } == {1}


def test_a_deleted_paper_is_written_again(sheets, write_workbook, shipped_copy):
    workbook = write_workbook(sheets)
    out = shipped_copy  # out/ as a build of this workbook leaves it
    victim = next(out.rglob("Koping_steg-2.docx"))
    victim.unlink()
    result = build(workbook, TEMPLATES, out)
    assert result.rendered == 1
    assert victim.exists()


def test_a_new_docxtpl_renders_every_paper_again(sheets, write_workbook, shipped_copy, monkeypatch):
    from importlib import metadata

    workbook = write_workbook(sheets)
    out = shipped_copy  # out/ as a build of this workbook leaves it
    installed = metadata.version
    monkeypatch.setattr(
        metadata, "version", lambda name: "99.0" if name == "docxtpl" else installed(name)
    )
    again = build(workbook, TEMPLATES, out)
    assert again.rendered == len(again.papers)
