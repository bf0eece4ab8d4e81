"""What `papers bundle` handed out, and what a later build does with a changed paper.

Each paper a bundle hands out for the first time, or changed since it was last handed out,
is copied to out/utfardat/steg-<steg>/<part>/v<N>.docx and recorded in the manifest (as a
file entry with format "utfardat": steg, part, version, fil, sha256, datum, siffror).
The paper itself carries its version number (the custom property Utfärdad): the version
it was issued as, or the next one when it has changed since. A build that changes an
issued paper also writes <paper>_andringar.docx: the new paper with tracked changes
against the issued copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from . import docprops, incremental
from .filenames import slug
from .manifest import ISSUED, Manifest
from .output import OutputFile, sha256
from .redline import tracked_changes

FOLDER = "utfardat"
FORMAT = ISSUED
CHANGES = "andringar"


def paper_version(last: dict | None, stamp: Callable[[int], bytes]) -> tuple[int, bytes]:
    """The paper stamped with its version: the issued one when it is that paper byte for
    byte, else the next. `stamp(version)` gives the paper's bytes carrying `version`."""
    if last is None:
        return 1, stamp(1)
    same = stamp(last["version"])
    if sha256(same) == last["sha256"]:
        return last["version"], same
    return last["version"] + 1, stamp(last["version"] + 1)


def changes_file(
    out: Path, path: str, last: dict | None, data: bytes, record: dict, date: dt.date
) -> OutputFile | None:
    """<paper>_andringar.docx when the paper differs from its last issued copy."""
    if last is None or sha256(data) == last["sha256"] or not (out / last["fil"]).is_file():
        return None
    marked = tracked_changes((out / last["fil"]).read_bytes(), data, date)
    values = docprops.read_values(data)  # the comparison keeps the issued copy's properties
    title = f"{values.title} – ändringar mot version {last['version']}"
    marked = docprops.with_properties(marked, dataclasses.replace(values, title=title))
    return OutputFile(
        changes_path(path),
        marked,
        {"steg": record["steg"], "part": record["part"], "format": CHANGES, "jamfort_med": last["fil"]},
    )


def changes_members(manifest: Manifest, out: Path, entry: dict) -> list[tuple[str, Path]]:
    """The paper's _andringar.docx for its bundle, when it compares the paper as it is with
    the version last issued (so a re-issue carries what changed)."""
    last = manifest.last_issued(entry["steg"], entry["part"])
    found = manifest.entry(changes_path(entry["fil"]))
    if (
        found is None
        or found.get("format") != CHANGES
        or last is None
        or found.get("jamfort_med") != last["fil"]
        or last["sha256"] == entry["sha256"]
        or not (out / found["fil"]).is_file()
    ):
        return []
    return [(found["fil"], out / found["fil"])]


def changes_path(path: str) -> str:
    return path[: -len(".docx")] + "_andringar.docx"


def issue(
    manifest: Manifest, out: Path, entries: list[dict], kortnamn: dict[str, str], today: dt.date
) -> list[OutputFile]:
    """Copies of the papers (manifest entries) not yet issued as they are now."""
    files = []
    for entry in entries:
        data = (out / entry["fil"]).read_bytes()
        last = manifest.last_issued(entry["steg"], entry["part"])
        if last is not None and last["sha256"] == sha256(data):
            continue
        version = last["version"] + 1 if last else 1
        path = f"{FOLDER}/steg-{entry['steg']}/{slug(kortnamn[entry['part']])}/v{version}.docx"
        files.append(
            OutputFile(
                path,
                data,
                {
                    "steg": entry["steg"],
                    "part": entry["part"],
                    "format": FORMAT,
                    "version": version,
                    "datum": today.isoformat(),
                    "siffror": entry.get("siffror", {}),
                },
            )
        )
    return files


def letter_context(entry: dict, last: dict | None) -> dict:
    """For the covering letter's line about one paper: `ersatter_version` (the version
    this one replaces, or None for a first issue) and `andringar` (what changed, as the
    build's change report says it, e.g. "medlemsbidrag 2024 455 425 → 456 010 kr")."""
    if last is None or last["sha256"] == entry["sha256"]:
        return {"ersatter_version": None, "andringar": []}
    paper = SimpleNamespace(part=entry["part"], steg={"nummer": entry["steg"]})
    lines = incremental.change_lines(
        paper, {"siffror": last.get("siffror", {})}, entry.get("siffror", {})
    )
    prefix = f"{entry['part']}, steg {entry['steg']}: "
    return {
        "ersatter_version": last["version"],
        "andringar": [line.removeprefix(prefix) for line in lines],
    }
