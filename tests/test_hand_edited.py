"""A paper an officer edited is kept, named, and replaced only with --force."""

from __future__ import annotations

from click.testing import CliRunner
from docx import Document

from pipeline.cli import main

from conftest import paper_paths
from workbooks import EXAMPLE, TEMPLATES


def run(out, *extra):
    return CliRunner().invoke(
        main,
        ["build", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES), "--out", str(out), *extra],
    )


def edit(path):
    doc = Document(path)
    doc.add_paragraph("Tillägg av handläggaren.")
    doc.save(path)
    return path.read_bytes()


def test_edited_paper_is_kept_then_replaced_with_force(shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE leaves it
    path = paper_paths(out)[(1, "Köpings kommun")]
    edited = edit(path)
    result = run(out)
    assert result.exit_code == 2
    assert "ändrats för hand" in result.output
    assert "Koping_steg-1.docx" in result.output
    assert path.read_bytes() == edited
    # still kept on the next run: the manifest keeps what this tool wrote
    assert run(out).exit_code == 2
    assert path.read_bytes() == edited
    forced = run(out, "--force")
    assert forced.exit_code == 0, forced.output
    assert path.read_bytes() != edited
    assert "Tillägg av handläggaren." not in "\n".join(p.text for p in Document(path).paragraphs)


def test_other_papers_are_written_when_one_is_kept(shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE leaves it
    papers = paper_paths(out)
    edit(papers[(1, "Köpings kommun")])
    other = papers[(1, "Arboga kommun")]
    other.unlink()
    assert run(out).exit_code == 2
    assert other.exists()
