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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from .problems import Problem

MANIFEST = "manifest.json"
SECTIONS = ("papers", "filer")
DERIVED = ("utfardat",)  # rebuilt from the file entries on every write
ISSUED = "utfardat"  # the format of an issued copy (issued.py)
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
    if is_absolute(path):
        return "en relativ sökväg inuti out/ (med /, utan enhet eller rot)"
    if any(p in ("..", ".") for p in path.split("/")) or not PurePosixPath(path).parts:
        return "en sökväg inuti out/ (utan ”..” och ”.”)"
    if is_own(path):
        return "en handling, inte en av verktygets egna filer"
    return None


def is_absolute(path: str) -> bool:
    """A path with a root, a drive letter or a backslash (or a NUL): not inside out/."""
    return "\\" in path or bool(DRIVE.match(path)) or path.startswith("/") or "\0" in path


def is_own(path: str) -> bool:
    """The manifest itself, or one of the tool's hidden files (.papers-…)."""
    parts = PurePosixPath(path).parts
    return parts[0] == MANIFEST or any(p.startswith(".papers") for p in parts)


def entry_problems(at: str, section: str, entry: object) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(at, "ett objekt med fil och sha256", entry)]
    problems = file_problems(at, entry)
    if section == "papers":
        return problems + paper_problems(at, entry)
    return problems + issued_problems(at, entry) if entry.get("format") == "utfardat" else problems


def file_problems(at: str, entry: dict) -> list[Problem]:
    """What is wrong with an entry's file and hash."""
    problems = []
    reason = path_problem(entry.get("fil"))
    if reason:
        problems.append(Problem(at, reason, entry.get("fil"), header="fil"))
    digest = entry.get("sha256")
    if not isinstance(digest, str) or not HEX64.fullmatch(digest):
        problems.append(Problem(at, "64 hexadecimala tecken", digest, header="sha256"))
    return problems


def whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def paper_problems(at: str, entry: dict) -> list[Problem]:
    """What is wrong with a paper's step, party and key figures."""
    problems = []
    if not whole(entry.get("steg")):
        problems.append(Problem(at, "ett stegnummer", entry.get("steg"), header="steg"))
    if not isinstance(entry.get("part"), str):
        problems.append(Problem(at, "en part", entry.get("part"), header="part"))
    figures = entry.get("siffror", {})
    if not isinstance(figures, dict) or not all(v is None or whole(v) for v in figures.values()):
        problems.append(Problem(at, "belopp i kronor", figures, header="siffror"))
    return problems


def issued_problems(at: str, entry: dict) -> list[Problem]:
    """What is wrong with an issued copy's step, party, version and date."""
    wanted = {
        "steg": (whole, "ett stegnummer"),
        "part": (lambda v: isinstance(v, str), "en part"),
        "version": (whole, "ett versionsnummer"),
        "datum": (lambda v: isinstance(v, str), "ett datum"),
    }
    return [
        Problem(at, expected, entry.get(key), header=key)
        for key, (ok, expected) in wanted.items()
        if not ok(entry.get(key))
    ]


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


def read(out: Path) -> tuple[Manifest, list[Problem]]:
    """The manifest in `out` (empty when there is none) and what is wrong with it."""
    path = out / MANIFEST
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return Manifest(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Manifest(), [
            Problem.note(str(path), f"filen går inte att läsa ({exc.__class__.__name__}).")
        ]
    try:
        data = json.loads(text)
    except ValueError:
        return Manifest(), [Problem.note(str(path), "filen är inte giltig JSON.")]
    manifest, problems = validate(data, str(path))
    return Manifest.of(manifest), problems


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


def file_bytes(path: Path) -> bytes | None:
    """The bytes of the file at `path` (None when there is no file)."""
    return path.read_bytes() if path.is_file() else None


@dataclass(frozen=True)
class Manifest:
    """What this tool wrote into out/: each file by its path, and what the build, the bundle
    and the preview ask of that record. Made from a validated manifest (`read`, `of`); a new
    record is a new Manifest (`recorded`). No other module reads the JSON's sections."""

    papers: dict[str, dict] = field(default_factory=dict)  # fil → entry, the .docx papers
    filer: dict[str, dict] = field(default_factory=dict)  # fil → entry, every other file
    extra: dict = field(default_factory=dict)  # other top-level keys, kept as they were

    @classmethod
    def of(cls, data: dict) -> Manifest:
        """From a manifest's JSON object (validated; `read` does that)."""
        return cls(
            {e["fil"]: e for e in data.get("papers", [])},
            {e["fil"]: e for e in data.get("filer", [])},
            {k: v for k, v in data.items() if k not in (*SECTIONS, *DERIVED)},
        )

    def json(self) -> dict:
        return ordered(self.papers, self.filer, self.extra)

    def dumps(self) -> bytes:
        return dumps(self.json())

    # ---- the record of each file --------------------------------------------------------

    def entry(self, path: str) -> dict | None:
        """What the manifest says of the file at `path` (relative to out/)."""
        return self.papers.get(path) or self.filer.get(path)

    def paper(self, path: str) -> dict | None:
        """The entry of the paper (.docx) at `path`."""
        return self.papers.get(path)

    def paper_entries(self) -> list[dict]:
        return list(self.papers.values())

    @cached_property
    def hashes(self) -> dict[str, str]:
        return {fil: e["sha256"] for section in (self.papers, self.filer) for fil, e in section.items()}

    def edited(self, path: str, data: bytes | None) -> bool:
        """True when a file is there (`data`) and is not what this tool wrote last."""
        return data is not None and self.hashes.get(path) != sha256(data)

    def reusable(self, out: Path, path: str, key: str | None = None) -> bytes | None:
        """The bytes of the file at `path` when it is as recorded (and, given `key`, made
        from the same inputs): a file that need not be made again."""
        entry = self.entry(path)
        if entry is None or (key is not None and entry.get("indata") != key):
            return None
        data = file_bytes(out / path)
        return data if data is not None and sha256(data) == entry["sha256"] else None

    # ---- PDFs -----------------------------------------------------------------------------

    def pdf_entries(self) -> list[dict]:
        """The PDFs of the papers (format "pdf")."""
        return [e for e in self.filer.values() if e.get("format") == "pdf"]

    def pdf_beside(self, paper: str) -> dict | None:
        """The entry of the PDF made from the paper at `paper` (same name, .pdf)."""
        entry = self.filer.get(paper.removesuffix(".docx") + ".pdf")
        return entry if entry is not None and entry.get("format") == "pdf" else None

    def pdf(self, steg: int, part: str) -> dict | None:
        """The PDF of one party's paper for one step."""
        return self._pdfs.get((steg, part))

    @cached_property
    def _pdfs(self) -> dict[tuple[int | None, str | None], dict]:
        return {(e.get("steg"), e.get("part")): e for e in self.pdf_entries()}

    # ---- issued copies --------------------------------------------------------------------

    @cached_property
    def _issued(self) -> dict[tuple[int, str], list[dict]]:
        """(steg, part) → the issued copies (format "utfardat"), oldest version first."""
        index: dict[tuple[int, str], list[dict]] = {}
        issued = [e for e in self.filer.values() if e.get("format") == ISSUED]
        for e in sorted(issued, key=lambda e: (e["steg"], e["part"], e["version"])):
            index.setdefault((e["steg"], e["part"]), []).append(e)
        return index

    def issued(self) -> list[dict]:
        """Every issued copy, oldest version first."""
        return [e for entries in sorted(self._issued.items()) for e in entries[1]]

    def last_issued(self, steg: int, part: str) -> dict | None:
        found = self._issued.get((steg, part))
        return found[-1] if found else None

    # ---- a new record ---------------------------------------------------------------------

    def stale(self, made: set[str]) -> list[str]:
        """The papers and their PDFs a complete build no longer makes."""
        return [p for p in self.papers if p not in made] + [
            e["fil"] for e in self.pdf_entries() if e["fil"] not in made
        ]

    def recorded(self, files: Iterable[tuple[bool, dict]], removed: Iterable[str] = ()) -> Manifest:
        """This manifest with new records (paper or not, entry) and without `removed`."""
        papers, filer = dict(self.papers), dict(self.filer)
        for paper, entry in files:
            (papers if paper else filer)[entry["fil"]] = entry
        for path in removed:
            papers.pop(path, None)
            filer.pop(path, None)
        return Manifest(papers, filer, self.extra)


def reconciled(old: Manifest, planned: Manifest, on_disk: Callable[[str], str | None]) -> Manifest:
    """What is on disk (`on_disk(path)`: the file's sha256, None when it is not there), as a
    manifest: each file under the record (planned or old) whose hash it has; a file matching
    neither keeps the old record (it was edited by hand)."""
    sections = []
    for before, after in ((old.papers, planned.papers), (old.filer, planned.filer)):
        kept = {}
        for path in sorted(before.keys() | after.keys()):
            disk = on_disk(path)
            if disk is None:
                continue
            if path in after and disk == after[path]["sha256"]:
                kept[path] = after[path]
            elif path in before:
                kept[path] = before[path]
        sections.append(kept)
    return Manifest(sections[0], sections[1], planned.extra)
