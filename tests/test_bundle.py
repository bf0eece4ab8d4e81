"""`papers bundle`: one zip per party with, per step, its paper, PDF when built, the step's
bilagor that concern it and the step's covering letter."""

from __future__ import annotations

import io
import json
import zipfile

from click.testing import CliRunner
from docx import Document

from pipeline.cli import main

from workbooks import EXAMPLE, TEMPLATES

STEP1 = "steg-1-beslut-om-att-delta-i-lansprocess"
STEP2 = "steg-2-bildande-av-samordningsforbundet-vastman"


def run(*args):
    return CliRunner().invoke(main, [*args, "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES)])


def test_bundle_per_party(shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE leaves it
    result = run("bundle", "--out", str(out))
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    parties = {e["part"] for e in manifest["papers"]}
    assert f"{len(parties)} paket" in result.output
    data = (out / "paket" / "Koping.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        letter = Document(io.BytesIO(archive.read(f"{STEP1}/Foljebrev_steg-1.docx")))
        bilaga = Document(io.BytesIO(archive.read(f"{STEP2}/bilagor/Bilaga_Forbundsordning.docx")))
    assert_kopings_zip_lists(names, manifest)
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Köpings kommun" in text
    assert "Länspresidiets processledare, 021-00 00 00" in text
    assert letter.core_properties.title == "Följebrev – Beslut om att delta i länsprocess"
    assert bilaga.core_properties.title == "Förbundsordning för Samordningsförbundet Västmanland"
    with zipfile.ZipFile(out / "paket" / "Sala.zip") as archive:  # the kept förbund
        sala = [n for n in archive.namelist() if "/bilagor/" in n]
    assert sala == [f"{STEP2}/bilagor/Bilaga_Forbundsordning.docx"]
    again = run("bundle", "--out", str(out))
    assert f"{len(parties)} oförändrade" in again.output
    assert (out / "paket" / "Koping.zip").read_bytes() == data


def assert_kopings_zip_lists(names: list[str], manifest: dict) -> None:
    """Köping's papers and, step by step, a letter beside each; its bilagor; the register."""
    papers = sorted(e["fil"] for e in manifest["papers"] if e["part"] == "Köpings kommun")
    assert [n for n in names if "_steg-" in n and "Foljebrev" not in n] == papers
    folders = [paper.rsplit("/", 1)[0] for paper in papers]  # a letter in each step's folder
    assert [n.rsplit("/", 1)[0] for n in names if "Foljebrev_steg-" in n] == folders
    assert [n for n in names if "/bilagor/" in n] == [
        f"{STEP2}/bilagor/Bilaga_Andrad_forbundsordning_Samordningsforbundet-Vastra-Malardalen.docx",
        f"{STEP2}/bilagor/Bilaga_Forbundsordning.docx",
    ]
    assert names[: len(names) - 2] == sorted(names[: len(names) - 2])  # step by step
    assert names[-2:] == ["diarieforteckning.xlsx", "diarieforteckning.csv"]


def test_bundle_without_a_build_says_what_to_do(tmp_path):
    result = run("bundle", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "kör `papers build` först" in result.output


def test_a_paper_changed_by_hand_is_not_handed_out(shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE leaves it
    manifest = json.loads((out / "manifest.json").read_text())
    entry = next(e for e in manifest["papers"] if e["part"] == "Arbetsförmedlingen" and e["steg"] == 1)
    paper = out / entry["fil"]
    doc = Document(paper)
    doc.add_paragraph("Tillägg av handläggaren.")
    doc.save(paper)
    result = run("bundle", "--out", str(out))
    assert result.exit_code == 2, result.output
    assert entry["fil"] in result.output
    assert "ändrats för hand efter bygget" in result.output
    assert not (out / "paket").exists()  # nothing handed out, nothing issued
    assert json.loads((out / "manifest.json").read_text()) == manifest
