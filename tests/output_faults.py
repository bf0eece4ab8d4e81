"""Helpers for the output-safety tests: two workbooks whose papers all differ, and out/ read
back as bytes (without the lock files, which a build leaves by design)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import workbooks

LOCK_FILES = (".papers.lock", ".papers.lock-info")


def later_dates(path: Path) -> Path:
    """The example workbook with every step one day later: every paper changes."""
    sheets = workbooks.example_sheets()
    for row in sheets["Beslutssteg"][1:]:
        row[3] = row[3] + dt.timedelta(days=1)
    return workbooks.write(path, sheets)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
        if p.name not in LOCK_FILES
    }


def manifest_mismatches(out: Path) -> list[str]:
    """Manifest entries whose file is missing or differs from the recorded hash."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    bad = []
    for entry in manifest["papers"] + manifest["filer"]:
        path = out / entry["fil"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            bad.append(entry["fil"])
    return bad
