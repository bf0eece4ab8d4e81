"""Write the rendered files into the output folder without losing anything.

A build writes in two phases, all inside out/ (so that no move crosses file systems):

1. every new file is written beside its target as `.papers-tmp-…` and synced, then the
   next manifest is written as out/.papers-journal.json (atomically, before any target
   is touched). A failure here (disk full, a read-only folder) removes the temporary
   files: out/ is as it was.
2. the files are moved into place (`os.replace`), papers no longer made are removed, the
   manifest is replaced and the journal deleted. A failure here (a file that Word holds
   locked) or a kill at any moment leaves the journal: the next build (or this one, at
   once) reconciles the manifest with what is on disk: a file matching the journal's
   hash or the old manifest's is the tool's own, anything else is kept as edited by hand.

A paper whose bytes differ from what the manifest says this tool wrote (an officer edited
it) is kept unless `force` is set. Only one build writes into a folder at a time
(`pipeline.lock`). Nothing is written through a symbolic link inside out/.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .lock import locked
from .manifest import (
    DERIVED,
    MANIFEST,
    SECTIONS,
    dumps,
    ordered,
    path_problem,
    read,
    recorded_hashes,
    sha256,
    validate,
)
from .problems import Problem, UserError

JOURNAL = ".papers-journal.json"
TEMP_PREFIX = ".papers-tmp-"

__all__ = [
    "MANIFEST",
    "OutputFile",
    "WriteResult",
    "opened",
    "read_manifest",
    "recover",
    "sha256",
    "write_output",
]


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


# ---- errors -------------------------------------------------------------------------------


def os_problem(path: Path, exc: OSError, after: str = "") -> Problem:
    """One Swedish line naming `path` and what the operating system refused."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        why = "disken är full; frigör utrymme och kör igen."
    elif (isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS)) and (
        path.is_dir() or not path.parent.exists()
    ):
        why = (
            "mappen går inte att skriva i (skrivskyddad eller utan behörighet); ändra "
            "behörigheten eller välj en annan mapp med --out."
        )
    elif isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = (
            "går inte att skriva eller ersätta (skrivskyddad, öppen i ett annat program som "
            "Word, eller utan behörighet); stäng filen eller ändra behörigheten och kör igen."
        )
    elif isinstance(exc, IsADirectoryError):
        why = "är en mapp där en fil ska ligga; flytta undan mappen och kör igen."
    elif isinstance(exc, NotADirectoryError):
        why = "en del av sökvägen är en fil, inte en mapp."
    else:
        why = f"gick inte att skriva ({exc.strerror or exc.__class__.__name__})."
    return Problem.note(str(path), why + (f" {after}" if after else ""))


@contextmanager
def naming(path: Path, after: str = "") -> Iterator[None]:
    """Turn an OSError into a UserError naming `path`."""
    try:
        yield
    except OSError as exc:
        raise UserError([os_problem(path, exc, after)]) from exc


# ---- the folder ---------------------------------------------------------------------------


def check_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UserError(
            [Problem.note(str(out), "är en fil, inte en mapp; välj en mapp för handlingarna med --out.")]
        )


def is_link(path: Path) -> bool:
    junction = getattr(os.path, "isjunction", None)  # Windows' folder links (Python 3.12+)
    return path.is_symlink() or bool(junction and junction(path))


def target_problem(out: Path, rel: str, protect: Iterable[Path] = ()) -> Problem | None:
    """Why `rel` must not be written or removed (None: it may)."""
    reason = path_problem(rel)
    if reason:
        return Problem(str(out), reason, rel)
    current = out
    for part in PurePosixPath(rel).parts:
        current = current / part
        if is_link(current):
            return Problem.note(
                str(current),
                "är en symbolisk länk (eller en genväg till en annan "
                "mapp); papers skriver inte genom länkar. Ta bort länken och kör "
                "igen.",
            )
    target = (out / rel).resolve()
    for kept in protect:
        kept = kept.resolve()
        if target == kept or kept in target.parents:
            return Problem.note(
                str(out / rel), f"skulle skriva över {kept}; välj en annan mapp med --out."
            )
    return None


def check_targets(out: Path, paths: Iterable[str], protect: Iterable[Path]) -> None:
    protect = list(protect)
    problems = [p for rel in paths if (p := target_problem(out, rel, protect))]
    if problems:
        raise UserError(list(dict.fromkeys(problems)))  # a link is named once, not per file


@contextmanager
def opened(out: Path, *, force: bool = False) -> Iterator[dict]:
    """`out` checked, created, locked and recovered; yields its manifest (validated: with
    `force` an invalid entry is left out, without it UserError names every one)."""
    check_folder(out)
    if is_link(out) and not out.exists():
        raise UserError([Problem.note(str(out), "är en länk till en mapp som inte finns.")])
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        parent = next((p for p in out.parents if p.exists()), out.parent)
        raise UserError(
            [
                Problem.note(
                    str(out),
                    f"mappen kan inte skapas, eftersom {parent} inte går "
                    "att skriva i (skrivskyddad, full eller utan behörighet); välj "
                    "en annan mapp med --out.",
                )
            ]
        ) from exc
    with ExitStack() as stack:
        try:
            stack.enter_context(locked(out))
        except OSError as exc:
            raise UserError([os_problem(out, exc)]) from exc
        try:
            recover(out)
        except OSError as exc:
            raise UserError([os_problem(Path(exc.filename or out), exc)]) from exc
        yield read_manifest(out, force=force)


def read_manifest(out: Path, *, force: bool = False) -> dict:
    manifest, problems = read(out)
    if problems and not force:
        raise UserError(
            [
                *problems,
                Problem.note(
                    str(out / MANIFEST),
                    "förteckningen används inte "
                    "förrän den är rättad; med --force skrivs en ny "
                    "(och handlingar som ändrats för hand skrivs då "
                    "över).",
                ),
            ]
        )
    return manifest


# ---- writing ------------------------------------------------------------------------------


def edited_by_hand(out: Path, path: str, recorded: dict[str, str]) -> bool:
    """True when a file is there and is not what this tool wrote last."""
    target = out / path
    if not target.exists():
        return False
    with naming(target):
        return recorded.get(path) != sha256(target.read_bytes())


def same_bytes(target: Path, data: bytes) -> bool:
    with naming(target):
        return target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data


def write_output(
    out: Path,
    files: list[OutputFile],
    *,
    force: bool,
    complete: bool,
    manifest: dict,
    protect: Iterable[Path] = (),
) -> WriteResult:
    """Put `files` into `out` (opened with `opened`). `complete`: this build made every
    paper (not a subset), so papers of the old manifest that are no longer made are removed
    when unedited. `protect`: files and folders never written or removed (the workbook)."""
    recorded = recorded_hashes(manifest)
    papers = {e["fil"]: e for e in manifest["papers"]}
    others = {e["fil"]: e for e in manifest["filer"]}
    made = {f.path for f in files}
    stale = [p for p in papers if p not in made] if complete else []
    stale += [p for p, e in others.items() if complete and e.get("format") == "pdf" and p not in made]
    check_targets(out, [*made, *stale], protect)
    result, moves = WriteResult(), []
    for f in files:
        target = out / f.path
        if f.on_disk or same_bytes(target, f.data):
            result.unchanged.append(f.path)
        elif edited_by_hand(out, f.path, recorded) and not force:
            result.kept.append(f.path)
            continue
        else:
            moves.append((f.path, f.data))
            result.written.append(f.path)
        record = {**f.record, "fil": f.path, "sha256": sha256(f.data)}
        (papers if f.paper else others)[f.path] = record
    for path in stale:
        if edited_by_hand(out, path, recorded) and not force:
            result.kept.append(path)
            continue
        result.removed.append(path)
        papers.pop(path, None)
        others.pop(path, None)
    extra = {k: v for k, v in manifest.items() if k not in (*SECTIONS, *DERIVED)}
    place(out, moves, result.removed, ordered(papers, others, extra))
    return result


def place(out: Path, moves: list[tuple[str, bytes]], removals: list[str], manifest: dict) -> None:
    """Phase 1 (staged, undone on failure), then phase 2 (journaled, recovered on failure)."""
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []  # folders made for new files, removed again on failure
    untouched = "Inget i mappen ändrades."
    try:
        for path, data in moves:
            target = out / path
            with naming(target.parent, untouched):
                missing = [p for p in [target.parent, *target.parent.parents] if not p.exists()]
                target.parent.mkdir(parents=True, exist_ok=True)
                created += missing
            staged.append((write_beside(target, data, untouched), target))
        write_atomic(out / JOURNAL, dumps(manifest), untouched)
    except BaseException:
        for temp, _ in staged:
            discard(temp)
        for folder in created:  # deepest first
            with suppress(OSError):
                folder.rmdir()
        raise
    done = (
        "De andra filerna skrevs och förteckningen visar vad som finns; kör igen när "
        "filen går att skriva."
    )
    try:
        for temp, target in staged:
            with naming(target, done):
                os.replace(temp, target)
        for path in removals:
            with naming(out / path, done):
                (out / path).unlink(missing_ok=True)
                remove_empty_parents(out / path, out)
        write_atomic(out / MANIFEST, dumps(manifest), done)
        with naming(out / JOURNAL, done):
            (out / JOURNAL).unlink()
    except BaseException:
        with suppress(OSError, UserError):  # else the journal stays: the next build reconciles
            recover(out)
        raise


def write_beside(target: Path, data: bytes, after: str) -> Path:
    """`data` in a new temporary file in `target`'s folder, synced to disk."""
    temp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(4)}-{target.name}")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        discard(temp)
        raise UserError([os_problem(target, exc, after)]) from exc
    return temp


def write_atomic(target: Path, data: bytes, after: str) -> None:
    temp = write_beside(target, data, after)
    try:
        with naming(target, after):
            os.replace(temp, target)
    except BaseException:
        discard(temp)
        raise


def discard(path: Path) -> None:
    with suppress(OSError):
        path.unlink(missing_ok=True)


def remove_empty_parents(path: Path, root: Path) -> None:
    parent = path.parent
    while parent != root and parent.exists() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


# ---- recovery -----------------------------------------------------------------------------


def recover(out: Path) -> None:
    """Finish what a stopped build left: a journal becomes a manifest that matches the disk,
    and temporary files are removed."""
    journal = out / JOURNAL
    if journal.is_file():
        try:
            planned, _ = validate(json.loads(journal.read_bytes().decode("utf-8")), str(journal))
        except (ValueError, UnicodeDecodeError):
            planned = None  # written atomically, so never torn: not ours, and nothing to finish
        if planned is not None:
            old, _ = read(out)
            write_atomic(out / MANIFEST, dumps(reconcile(out, old, planned)), "")
        journal.unlink()
    remove_temps(out)


def reconcile(out: Path, old: dict, planned: dict) -> dict:
    """What is on disk, as a manifest: each file under the record (planned or old) whose hash
    it has; a file matching neither keeps the old record (it was edited by hand)."""
    sections = {}
    for section in SECTIONS:
        before = {e["fil"]: e for e in old[section]}
        after = {e["fil"]: e for e in planned[section]}
        kept = {}
        for path in sorted(before.keys() | after.keys()):
            disk = file_hash(out, path)
            if disk is None:
                continue
            if path in after and disk == after[path]["sha256"]:
                kept[path] = after[path]
            elif path in before:
                kept[path] = before[path]
        sections[section] = kept
    extra = {k: v for k, v in planned.items() if k not in (*SECTIONS, *DERIVED)}
    return ordered(sections["papers"], sections["filer"], extra)


def file_hash(out: Path, path: str) -> str | None:
    target = out / path
    if target_problem(out, path) or not target.is_file():
        return None
    return sha256(target.read_bytes())


def remove_temps(out: Path) -> None:
    for folder, dirs, names in os.walk(out):  # does not follow links
        for name in names:
            if name.startswith(TEMP_PREFIX):
                os.unlink(os.path.join(folder, name))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
