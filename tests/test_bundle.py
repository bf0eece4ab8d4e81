"""`papers bundle`: one zip per party with its papers, PDFs when built, and a följebrev."""

from __future__ import annotations

import io
import json
import zipfile

from click.testing import CliRunner
from docx import Document

from pipeline.cli import main

from workbooks import EXAMPLE, TEMPLATES


def run(*args):
    return CliRunner().invoke(main, [*args, "--workbook", str(EXAMPLE),
                                     "--templates", str(TEMPLATES)])


def test_bundle_per_party(tmp_path):
    assert run("build", "--out", str(tmp_path)).exit_code == 0
    result = run("bundle", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    parties = {e["part"] for e in json.loads((tmp_path / "manifest.json").read_text())["papers"]}
    assert f"{len(parties)} paket" in result.output
    data = (tmp_path / "paket" / "Koping.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        letter = Document(io.BytesIO(archive.read("Foljebrev.docx")))
    assert names == ["Foljebrev.docx",
                     "steg-1-beslut-om-att-delta-i-lansprocess/Koping_steg-1.docx",
                     "steg-2-bildande-av-samordningsforbundet-vastman/Koping_steg-2.docx",
                     "steg-3-medlemsbidrag-till-samordningsforbundet/Koping_steg-3.docx",
                     "diarieforteckning.xlsx", "diarieforteckning.csv"]
    rows = [[c.text for c in row.cells] for row in letter.tables[0].rows]
    assert rows[1] == ["1", "Beslut om att delta i länsprocess", "Koping_steg-1.docx",
                       "2022-03-31"]
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Till Köpings kommun" in text
    assert "Länspresidiets processledare, 021-00 00 00" in text
    assert letter.core_properties.title == "Följebrev – Köpings kommun"
    again = run("bundle", "--out", str(tmp_path))
    assert f"{len(parties)} oförändrade" in again.output
    assert (tmp_path / "paket" / "Koping.zip").read_bytes() == data


def test_bundle_without_a_build_says_what_to_do(tmp_path):
    result = run("bundle", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "kör `papers build` först" in result.output
