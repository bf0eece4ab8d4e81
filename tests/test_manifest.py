"""out/manifest.json through `Manifest`: read as earlier versions wrote it, written back the
same, and the questions the build, the bundle and the preview ask of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.manifest import MANIFEST, Manifest, read, reconciled, sha256
from pipeline.output import OutputFile, write_output

from workbooks import EXAMPLE, TEMPLATES

HASH = {name: sha256(name.encode()) for name in ("a", "b", "c", "d", "e", "f", "g")}

# out/manifest.json as the version before `Manifest` wrote it (papers by step, then file;
# the issued copies listed again under "utfardat"; a key the tool does not know kept)
EARLIER = {
    "skapad_av": "papers 0.9",
    "papers": [
        {
            "steg": 1,
            "part": "Köpings kommun",
            "indata": "x1",
            "siffror": {"medlemsbidrag i dag": 455425, "förbundet för över": None},
            "fil": "steg-1/Koping_steg-1.docx",
            "sha256": HASH["a"],
        },
        {
            "steg": 3,
            "part": "Köpings kommun",
            "indata": "x3",
            "siffror": {},
            "fil": "steg-3/Koping_steg-3.docx",
            "sha256": HASH["b"],
        },
    ],
    "filer": [
        {"indata": "s", "fil": "sammanstallning.xlsx", "sha256": HASH["c"]},
        {
            "steg": 1,
            "part": "Köpings kommun",
            "format": "pdf",
            "fil": "steg-1/Koping_steg-1.pdf",
            "sha256": HASH["d"],
        },
        {
            "steg": 3,
            "part": "Köpings kommun",
            "format": "utfardat",
            "version": 1,
            "datum": "2023-09-18",
            "siffror": {},
            "fil": "utfardat/steg-3/Koping/v1.docx",
            "sha256": HASH["e"],
        },
        {
            "steg": 3,
            "part": "Köpings kommun",
            "format": "utfardat",
            "version": 2,
            "datum": "2023-10-02",
            "siffror": {},
            "fil": "utfardat/steg-3/Koping/v2.docx",
            "sha256": HASH["b"],
        },
    ],
    "utfardat": [
        {
            "steg": 3,
            "part": "Köpings kommun",
            "version": 1,
            "fil": "utfardat/steg-3/Koping/v1.docx",
            "sha256": HASH["e"],
            "datum": "2023-09-18",
        },
        {
            "steg": 3,
            "part": "Köpings kommun",
            "version": 2,
            "fil": "utfardat/steg-3/Koping/v2.docx",
            "sha256": HASH["b"],
            "datum": "2023-10-02",
        },
    ],
}


def written(out: Path, data: dict) -> Path:
    out.mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (out / MANIFEST).write_bytes(text.encode("utf-8"))
    return out


def test_a_manifest_of_an_earlier_version_is_read_and_written_back_unchanged(tmp_path):
    out = written(tmp_path / "out", EARLIER)
    manifest, problems = read(out)
    assert problems == []
    assert manifest.dumps() == (out / MANIFEST).read_bytes()
    assert manifest.extra == {"skapad_av": "papers 0.9"}
    assert manifest.paper("steg-3/Koping_steg-3.docx")["indata"] == "x3"


def test_the_last_issued_copy_is_the_highest_version_in_any_order():
    shuffled = {**EARLIER, "filer": list(reversed(EARLIER["filer"]))}
    manifest = Manifest.of(shuffled)
    assert manifest.last_issued(3, "Köpings kommun")["version"] == 2
    assert manifest.last_issued(1, "Köpings kommun") is None
    assert [e["version"] for e in manifest.issued()] == [1, 2]


def test_the_pdf_of_a_paper_is_found_by_its_name_and_by_step_and_party():
    manifest = Manifest.of(EARLIER)
    assert manifest.pdf_beside("steg-1/Koping_steg-1.docx")["sha256"] == HASH["d"]
    assert manifest.pdf_beside("steg-3/Koping_steg-3.docx") is None
    assert manifest.pdf(1, "Köpings kommun")["fil"] == "steg-1/Koping_steg-1.pdf"
    assert [e["fil"] for e in manifest.pdf_entries()] == ["steg-1/Koping_steg-1.pdf"]


def test_a_file_is_reused_only_when_its_inputs_and_bytes_are_as_recorded(tmp_path):
    out = tmp_path
    (out / "steg-1").mkdir()
    (out / "steg-1" / "Koping_steg-1.docx").write_bytes(b"a")
    manifest = Manifest.of(EARLIER)
    assert manifest.reusable(out, "steg-1/Koping_steg-1.docx", "x1") == b"a"
    assert manifest.reusable(out, "steg-1/Koping_steg-1.docx", "other inputs") is None
    assert manifest.reusable(out, "steg-3/Koping_steg-3.docx", "x3") is None  # not on disk
    (out / "steg-1" / "Koping_steg-1.docx").write_bytes(b"edited")
    assert manifest.reusable(out, "steg-1/Koping_steg-1.docx", "x1") is None
    assert manifest.edited("steg-1/Koping_steg-1.docx", b"edited")
    assert not manifest.edited("steg-1/Koping_steg-1.docx", b"a")
    assert not manifest.edited("steg-1/Koping_steg-1.docx", None)  # nothing there


def test_a_new_record_replaces_entries_and_leaves_the_old_manifest_as_it_was():
    manifest = Manifest.of(EARLIER)
    paper = {
        "steg": 1,
        "part": "Köpings kommun",
        "fil": "steg-1/Koping_steg-1.docx",
        "sha256": HASH["f"],
    }
    after = manifest.recorded([(True, paper)], removed=["steg-1/Koping_steg-1.pdf"])
    assert after.paper("steg-1/Koping_steg-1.docx")["sha256"] == HASH["f"]
    assert after.pdf_beside("steg-1/Koping_steg-1.docx") is None
    assert manifest.paper("steg-1/Koping_steg-1.docx")["sha256"] == HASH["a"]
    assert manifest.stale({"steg-3/Koping_steg-3.docx"}) == [
        "steg-1/Koping_steg-1.docx",
        "steg-1/Koping_steg-1.pdf",
    ]


def test_reconciled_keeps_what_is_on_disk_under_the_record_it_matches():
    old = Manifest.of(EARLIER)
    planned = old.recorded([(True, {**old.paper("steg-1/Koping_steg-1.docx"), "sha256": HASH["g"]})])
    disk = {"steg-1/Koping_steg-1.docx": HASH["g"], "steg-3/Koping_steg-3.docx": HASH["f"]}
    now = reconciled(old, planned, disk.get)
    assert now.paper("steg-1/Koping_steg-1.docx")["sha256"] == HASH["g"]  # the new one
    assert now.paper("steg-3/Koping_steg-3.docx")["sha256"] == HASH["b"]  # edited: old record
    assert now.filer == {}  # none of the other files is on disk


@pytest.mark.parametrize("force", [False, True])
def test_a_file_that_differs_is_read_once(tmp_path, monkeypatch, force):
    out = written(tmp_path / "out", {"papers": [], "filer": []})
    (out / "a.xlsx").write_bytes(b"hand")  # as long as the new bytes
    reads = []
    original = Path.read_bytes

    def counting(self):
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    manifest, _ = read(out)
    result = write_output(
        out, [OutputFile("a.xlsx", b"tool")], force=force, complete=False, manifest=manifest
    )
    assert reads.count("a.xlsx") == 1
    assert (result.written, result.kept) == ((["a.xlsx"], []) if force else ([], ["a.xlsx"]))


def test_an_issued_copy_without_step_part_or_version_is_a_problem_not_a_crash(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    bad = {"fil": "utfardat/a.docx", "sha256": "0" * 64, "format": "utfardat"}
    (out / "manifest.json").write_text(json.dumps({"papers": [], "filer": [bad]}), encoding="utf-8")
    manifest, problems = read(out)
    assert {p.header for p in problems} == {"steg", "part", "version", "datum"}
    args = ["--workbook", str(EXAMPLE), "--templates", str(TEMPLATES), "--out", str(out)]
    refused = CliRunner().invoke(main, ["build", *args])
    assert refused.exit_code == 2 and "version" in refused.output  # named, no traceback
    assert CliRunner().invoke(main, ["build", "--force", *args]).exit_code == 0
