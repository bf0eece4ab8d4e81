"""The hand-over to the kansli and the archive, as the build and the bundle call it.

Each function is one hook: `paper_properties` before the build renders a paper (its
registrar properties and version, written by the renderer), `finish_paper` where the build
has its bytes, `finish_pdf` where LibreOffice has made its PDF, `bundle_register` and
`issue_papers` in the bundle.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import docprops, issued, register
from .manifest import Manifest
from .output import OutputFile
from .pdf_metadata import pdf_with_metadata

ALL_PARTIES = "paket"


def rendered_version(manifest: Manifest, paper) -> int:
    """The version a paper is rendered with: the one last issued (1 when never issued);
    `finish_paper` moves it to the next when the paper is no longer the issued one."""
    last = manifest.last_issued(paper.steg["nummer"], paper.part)
    return last["version"] if last else 1


def paper_properties(lookup, paper, version: int) -> docprops.DocValues:
    """The registrar properties of one paper carrying `version` (Utfärdad)."""
    return docprops.paper_values(lookup, paper.steg, paper.part, version)


def finish_paper(lookup, paper, data: bytes, manifest: Manifest) -> bytes:
    """The paper (rendered with `rendered_version`) with its version number: the one it was
    issued as when it is that copy byte for byte, else the next (only then is it stamped
    again)."""
    last = manifest.last_issued(paper.steg["nummer"], paper.part)
    version = rendered_version(manifest, paper)

    def stamp(wanted: int) -> bytes:
        if wanted == version:
            return data
        return docprops.with_properties(data, paper_properties(lookup, paper, wanted))

    return issued.paper_version(last, stamp)[1]


def changes_files(manifest: Manifest, out: Path, papers: list[OutputFile]) -> list[OutputFile]:
    """The _andringar.docx of every paper that differs from its last issued copy, compared
    in parallel (each comparison is a process of its own)."""

    def one(f: OutputFile) -> OutputFile | None:
        last = manifest.last_issued(f.record["steg"], f.record["part"])
        if last is None:  # never issued: nothing to compare with (and nothing to read)
            return None
        date = docprops.read_values(f.data).date
        return issued.changes_file(out, f.path, last, f.data, f.record, date)

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        return [c for c in pool.map(one, papers) if c is not None]


def finish_pdf(pdf: bytes, docx: bytes) -> bytes:
    """The PDF with the values of the .docx it was made from in its XMP metadata."""
    return pdf_with_metadata(pdf, docprops.read_values(docx))


def bundle_register(
    members: list[tuple[str, bytes]], sender: str, receiver: str, date: dt.date
) -> tuple[list[tuple[str, bytes]], list[register.Row]]:
    """The register's files for one party's zip, and its rows (for the register of all)."""
    rows = register.register_rows(members, sender, receiver)
    return register.register_files(rows, date), rows


def all_parties_register(rows: list[register.Row], date: dt.date) -> list[OutputFile]:
    """out/paket/diarieforteckning.xlsx and .csv: every party's rows."""
    return [
        OutputFile(name, data, {"format": "register"})
        for name, data in register.register_files(rows, date, ALL_PARTIES)
    ]


def issue_papers(
    manifest: Manifest, out: Path, entries: list[dict], kortnamn: dict[str, str], today: dt.date
) -> list[OutputFile]:
    return issued.issue(manifest, out, entries, kortnamn, today)


def letter_context(manifest: Manifest | None, entry: dict) -> dict:
    """`ersatter_version` and `andringar` of one paper in the covering letter (None and []
    for a paper not issued before, or when there is no manifest, as in `papers check`)."""
    if manifest is None or "sha256" not in entry:
        return {"ersatter_version": None, "andringar": []}
    return issued.letter_context(entry, manifest.last_issued(entry["steg"], entry["part"]))


def changes_members(manifest: Manifest, out: Path, entries: list[dict]) -> list[tuple[str, Path]]:
    """The _andringar.docx of each paper re-issued in this bundle (name in the zip, path)."""
    return [m for e in entries for m in issued.changes_members(manifest, out, e)]
