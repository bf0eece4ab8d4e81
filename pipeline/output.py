"""Write the rendered files into the output folder without losing anything.

Everything is staged in a temporary folder beside `out/` first; only when every
paper has rendered are the files moved into place. A paper whose bytes differ from
what the manifest says this tool wrote (an officer edited it) is kept unless
`force` is set. The manifest is the index of the output: a paper's path is looked
up there, never guessed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to out/, with forward slashes
    data: bytes
    record: dict = field(default_factory=dict)  # what the manifest says of it (steg, part, …)
    paper: bool = False  # listed under "papers" (a .docx paper) or under "filer"
    on_disk: bool = False  # known to be the file in out/ already, byte for byte


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by hand, not overwritten
    removed: list[str] = field(default_factory=list)  # papers no longer made


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(out: Path) -> dict:
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"papers": [], "filer": []}
    manifest.setdefault("papers", [])
    manifest.setdefault("filer", [])
    return manifest


def recorded_hashes(manifest: dict) -> dict[str, str]:
    return {e["fil"]: e["sha256"] for e in manifest["papers"] + manifest["filer"]}


def edited_by_hand(out: Path, path: str, recorded: dict[str, str]) -> bool:
    """True when a file is there and is not what this tool wrote last."""
    target = out / path
    if not target.exists():
        return False
    return recorded.get(path) != sha256(target.read_bytes())


def write_output(out: Path, files: list[OutputFile], *, force: bool, complete: bool,
                 manifest: dict | None = None) -> WriteResult:
    """Put `files` into `out`. `complete`: this build made every paper (not a subset),
    so papers of the old manifest that are no longer made are removed when unedited.
    `manifest`: the manifest as the caller already read it."""
    manifest = manifest if manifest is not None else read_manifest(out)
    recorded = recorded_hashes(manifest)
    result = WriteResult()
    papers = {e["fil"]: e for e in manifest["papers"]}
    others = {e["fil"]: e for e in manifest["filer"]}
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".papers-", dir=out.parent))
    try:
        moves = []
        for f in files:
            target = out / f.path
            if f.on_disk or (target.exists() and target.read_bytes() == f.data):
                result.unchanged.append(f.path)
            elif edited_by_hand(out, f.path, recorded) and not force:
                result.kept.append(f.path)
                continue
            else:
                staged = staging / f.path
                staged.parent.mkdir(parents=True, exist_ok=True)
                staged.write_bytes(f.data)
                moves.append((staged, target))
                result.written.append(f.path)
            record = {**f.record, "fil": f.path, "sha256": sha256(f.data)}
            (papers if f.paper else others)[f.path] = record
        if complete:
            made = {f.path for f in files}
            stale = [p for p in papers if p not in made]
            stale += [p for p, e in others.items() if e.get("format") == "pdf" and p not in made]
            for path in stale:
                if edited_by_hand(out, path, recorded) and not force:
                    result.kept.append(path)
                    continue
                result.removed.append(path)
                papers.pop(path, None)
                others.pop(path, None)
        new_manifest = {
            "papers": sorted(papers.values(), key=lambda e: (e.get("steg", 0), e["fil"])),
            "filer": sorted(others.values(), key=lambda e: e["fil"]),
        }
        # handover hook (issue 13): the issued copies (file entries) also as a list of their own
        new_manifest["utfardat"] = [{k: e[k] for k in ("steg", "part", "version", "fil", "sha256",
                                                       "datum")}
                                    for e in new_manifest["filer"] if e.get("format") == "utfardat"]
        staged_manifest = staging / MANIFEST
        staged_manifest.write_text(json.dumps(new_manifest, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
        for staged, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        for path in result.removed:
            (out / path).unlink(missing_ok=True)
            remove_empty_parents(out / path, out)
        os.replace(staged_manifest, out / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def remove_empty_parents(path: Path, root: Path) -> None:
    parent = path.parent
    while parent != root and parent.exists() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
