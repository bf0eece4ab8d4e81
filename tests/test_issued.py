"""Issued versions: `papers bundle` keeps a copy of what it handed out; a later build that
changes an issued paper writes <paper>_andringar.docx with tracked changes against it."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import zipfile

import pytest

from pipeline import docprops, handover, issued
from pipeline.build import build
from pipeline.docprops import read_custom
from pipeline.manifest import Manifest
from pipeline.output import sha256

import bundles
from workbooks import TEMPLATES, set_cell, steps

KOPING = "Köpings kommun"


def bundle(workbook, out, day):
    return bundles.bundle(workbook, out, day)


def manifest(out):
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def recorded(out) -> Manifest:
    return Manifest.of(manifest(out))


def tracked(data: bytes, tag: str) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return [
        re.sub(r"<[^>]+>", "", m).replace("\u00a0", " ")
        for m in re.findall(rf"<w:{tag}\b.*?</w:{tag}>", xml, re.DOTALL)
    ]


@pytest.fixture(scope="module")
def reissue(tmp_path_factory):
    """Build and bundle Köping's papers; change Köping's Medlemsbidrag; build again."""
    import workbooks

    tmp = tmp_path_factory.mktemp("issued")
    sheets, out = workbooks.example_sheets(), tmp / "out"
    first = workbooks.write(tmp / "v1.xlsx", sheets)
    build(first, TEMPLATES, out, parts=[KOPING])
    bundle(first, out, dt.date(2023, 9, 18))
    issued_once = manifest(out)
    set_cell(sheets, "Medlemsbidrag", "C13", 400_000)  # Köping
    second = workbooks.write(tmp / "v2.xlsx", sheets)
    result = build(second, TEMPLATES, out, parts=[KOPING])
    return {"out": out, "issued": issued_once, "result": result, "workbook": second}


def paper(out, steg):
    entry = next(e for e in manifest(out)["papers"] if e["steg"] == steg and e["part"] == KOPING)
    return entry, out / entry["fil"]


def test_the_bundle_keeps_a_copy_of_each_paper_it_hands_out(reissue):
    out, recorded = reissue["out"], reissue["issued"]
    assert len(recorded["utfardat"]) == len(steps())  # Köping has a paper in every step
    for entry in recorded["utfardat"]:
        assert entry["part"] == KOPING and entry["version"] == 1
        assert entry["datum"] == "2023-09-18"
        assert entry["fil"] == f"utfardat/steg-{entry['steg']}/Koping/v1.docx"
        assert sha256((out / entry["fil"]).read_bytes()) == entry["sha256"]


def test_a_changed_paper_gets_tracked_changes_against_the_issued_one(reissue):
    out = reissue["out"]
    entry, path = paper(out, 3)
    changes = path.with_name(path.stem + "_andringar.docx")
    assert changes.is_file()
    data = changes.read_bytes()
    assert "455 425" in tracked(data, "del")
    assert "456 010" in tracked(data, "ins")
    assert "455 425" not in tracked(data, "ins")
    assert read_custom(path.read_bytes())["Utfärdad"] == "2"
    assert read_custom(data)["Utfärdad"] == "2"
    assert docprops.read_values(data).title.endswith("– ändringar mot version 1")
    filer = {e["fil"]: e for e in manifest(out)["filer"]}
    assert filer[str(changes.relative_to(out))]["jamfort_med"] == "utfardat/steg-3/Koping/v1.docx"


def test_the_next_bundle_issues_version_2_and_the_letter_says_what_changed(reissue, tmp_path):
    out = shutil.copytree(reissue["out"], tmp_path / "out")
    before = recorded(out)
    entry, _ = paper(out, 3)
    words = handover.letter_context(before, entry)
    assert words["ersatter_version"] == 1
    assert any("medlemsbidrag 2024 455 425 → 456 010 kr" in line for line in words["andringar"])
    bundle(reissue["workbook"], out, dt.date(2023, 10, 2))
    with zipfile.ZipFile(out / "paket" / "Koping.zip") as archive:
        names = archive.namelist()
        rows = archive.read("diarieforteckning.csv").decode("utf-8-sig")
        letter = next(n for n in names if n.endswith("Foljebrev_steg-3.docx"))
        text = document_text_of(archive.read(letter))
    assert "Handlingen ersätter version 1, som skickades tidigare." in text
    assert "medlemsbidrag 2024 455 425 → 456 010 kr" in text.replace("\u00a0", " ")
    changes = entry["fil"][: -len(".docx")] + "_andringar.docx"
    assert changes in names
    assert "ändringar mot version 1;" in rows
    latest = recorded(out).last_issued(3, KOPING)
    assert (latest["version"], latest["datum"]) == (2, "2023-10-02")
    assert latest["sha256"] == entry["sha256"]
    assert handover.letter_context(recorded(out), entry)["ersatter_version"] is None


def test_an_unchanged_paper_keeps_its_version_and_has_no_changes_copy():
    stamps = {1: b"v1", 2: b"v2"}
    last = {"version": 1, "sha256": sha256(b"v1")}
    assert issued.paper_version(last, stamps.get) == (1, b"v1")
    assert issued.paper_version({**last, "sha256": "other"}, stamps.get) == (2, b"v2")
    assert issued.paper_version(None, stamps.get) == (1, b"v1")


@pytest.mark.libreoffice
def test_libreoffice_opens_the_tracked_changes_copy(reissue):
    from pipeline.pdf_batches import convert

    _, path = paper(reissue["out"], 3)
    data = path.with_name(path.stem + "_andringar.docx").read_bytes()
    pdf = convert({"andringar.docx": data}).pdfs["andringar.docx"]
    assert pdf.startswith(b"%PDF")


def document_text_of(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
