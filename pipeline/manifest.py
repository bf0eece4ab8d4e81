"""out/manifest.json: the index of what this tool wrote into out/, validated before it is trusted.

An entry names a file by a path relative to out/ and the sha256 of the bytes written. A path
is used (read, replaced, deleted) only when it is a plain relative path inside out/: no `..`,
no absolute path, no drive letter, no backslash. A manifest of the wrong shape is reported as
problems naming the entry, never crashed on.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath

from .problems import Problem

MANIFEST = "manifest.json"
SECTIONS = ("papers", "filer")
DERIVED = ("utfardat",)  # rebuilt from the file entries on every write
HEX64 = re.compile(r"[0-9a-f]{64}")
DRIVE = re.compile(r"^[A-Za-z]:")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def empty() -> dict:
    return {"papers": [], "filer": []}


def path_problem(path: object) -> str | None:
    """Why `path` cannot be a file of out/ (None: it can)."""
    if not isinstance(path, str) or not path:
        return "en sökväg (text) till en fil i out/"
    if "\\" in path or DRIVE.match(path) or path.startswith("/") or "\0" in path:
        return "en relativ sökväg inuti out/ (med /, utan enhet eller rot)"
    parts = PurePosixPath(path).parts
    if any(p in ("..", ".") for p in path.split("/")) or not parts:
        return "en sökväg inuti out/ (utan ”..” och ”.”)"
    if parts[0] == MANIFEST or any(p.startswith(".papers") for p in parts):
        return "en handling, inte en av verktygets egna filer"
    return None


def entry_problems(at: str, section: str, entry: object) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(at, "ett objekt med fil och sha256", entry)]
    problems = []
    reason = path_problem(entry.get("fil"))
    if reason:
        problems.append(Problem(at, reason, entry.get("fil"), header="fil"))
    digest = entry.get("sha256")
    if not isinstance(digest, str) or not HEX64.fullmatch(digest):
        problems.append(Problem(at, "64 hexadecimala tecken", digest, header="sha256"))
    if section == "papers":
        if not isinstance(entry.get("steg"), int) or isinstance(entry.get("steg"), bool):
            problems.append(Problem(at, "ett stegnummer", entry.get("steg"), header="steg"))
        if not isinstance(entry.get("part"), str):
            problems.append(Problem(at, "en part", entry.get("part"), header="part"))
        figures = entry.get("siffror", {})
        if not isinstance(figures, dict) or not all(
            v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in figures.values()
        ):
            problems.append(Problem(at, "belopp i kronor", figures, header="siffror"))
    return problems


def validate(data: object, where: str) -> tuple[dict, list[Problem]]:
    """The manifest with only valid entries, and a problem for everything else."""
    if not isinstance(data, dict):
        return empty(), [
            Problem(where, "ett JSON-objekt med listorna papers och filer", type(data).__name__)
        ]
    manifest, problems, seen = dict(data), [], set()
    for section in SECTIONS:
        entries = data.get(section, [])
        if not isinstance(entries, list):
            problems.append(Problem(where, "en lista", type(entries).__name__, header=section))
            manifest[section] = []
            continue
        kept = []
        for index, entry in enumerate(entries):
            at = f"{where}, post {index + 1} i {section}"
            found = entry_problems(at, section, entry)
            if not found and entry["fil"].lower() in seen:
                found = [
                    Problem(
                        at, "en fil som inte redan finns i förteckningen", entry["fil"], header="fil"
                    )
                ]
            if found:
                problems += found
                continue
            seen.add(entry["fil"].lower())
            kept.append(entry)
        manifest[section] = kept
    return manifest, problems


def read(out: Path) -> tuple[dict, list[Problem]]:
    """The manifest in `out` (empty when there is none) and what is wrong with it."""
    path = out / MANIFEST
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return empty(), []
    except (OSError, UnicodeDecodeError) as exc:
        return empty(), [Problem.note(str(path), f"filen går inte att läsa ({exc.__class__.__name__}).")]
    try:
        data = json.loads(text)
    except ValueError:
        return empty(), [Problem.note(str(path), "filen är inte giltig JSON.")]
    return validate(data, str(path))


def recorded_hashes(manifest: dict) -> dict[str, str]:
    return {e["fil"]: e["sha256"] for s in SECTIONS for e in manifest[s]}


def ordered(papers: dict[str, dict], others: dict[str, dict], extra: dict | None = None) -> dict:
    """A manifest from its entries, in a fixed order (papers by step, then by file). The
    issued copies (file entries of format "utfardat") are also listed on their own, for
    people reading the manifest; the file entries are the record."""
    filer = sorted(others.values(), key=lambda e: e["fil"])
    return {
        **(extra or {}),
        "papers": sorted(papers.values(), key=lambda e: (e.get("steg", 0), e["fil"])),
        "filer": filer,
        "utfardat": [
            {k: e[k] for k in ("steg", "part", "version", "fil", "sha256", "datum")}
            for e in filer
            if e.get("format") == "utfardat"
        ],
    }


def dumps(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
