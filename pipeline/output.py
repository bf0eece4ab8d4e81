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
from .manifest import MANIFEST, Manifest, file_bytes, path_problem, read, reconciled, sha256, validate
from .problems import Problem, UserError

JOURNAL = ".papers-journal.json"
TEMP_PREFIX = ".papers-tmp-"

__all__ = [
    "MANIFEST",
    "Manifest",
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
def opened(out: Path, *, force: bool = False) -> Iterator[Manifest]:
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


def read_manifest(out: Path, *, force: bool = False) -> Manifest:
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


def on_disk(target: Path) -> bytes | None:
    """The file's bytes as they are now (None when there is nothing at `target`)."""
    if not target.exists():
        return None
    with naming(target):
        return target.read_bytes()


def outcome(out: Path, f: OutputFile, manifest: Manifest, force: bool) -> str:
    """What becomes of `f`: "unchanged" (out/ has these bytes), "kept" (the file there was
    edited by hand and is not overwritten) or "written"; the file is read once."""
    if f.on_disk:
        return "unchanged"
    current = on_disk(out / f.path)
    if current == f.data:
        return "unchanged"
    if manifest.edited(f.path, current) and not force:
        return "kept"
    return "written"


def write_output(
    out: Path,
    files: list[OutputFile],
    *,
    force: bool,
    complete: bool,
    manifest: Manifest,
    protect: Iterable[Path] = (),
) -> WriteResult:
    """Put `files` into `out` (opened with `opened`). `complete`: this build made every
    paper (not a subset), so papers of the old manifest that are no longer made are removed
    when unedited. `protect`: files and folders never written or removed (the workbook)."""
    made = {f.path for f in files}
    stale = manifest.stale(made) if complete else []
    check_targets(out, [*made, *stale], protect)
    result, moves, records = WriteResult(), [], []
    for f in files:
        done = outcome(out, f, manifest, force)
        getattr(result, done).append(f.path)
        if done == "written":
            moves.append((f.path, f.data))
        if done != "kept":
            records.append((f.paper, {**f.record, "fil": f.path, "sha256": sha256(f.data)}))
    for path in stale:
        edited = manifest.edited(path, on_disk(out / path)) and not force
        (result.kept if edited else result.removed).append(path)
    place(out, moves, result.removed, manifest.recorded(records, result.removed))
    return result


def place(out: Path, moves: list[tuple[str, bytes]], removals: list[str], manifest: Manifest) -> None:
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
        write_atomic(out / JOURNAL, manifest.dumps(), untouched)
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
        write_atomic(out / MANIFEST, manifest.dumps(), done)
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
            now = reconciled(old, Manifest.of(planned), lambda path: file_hash(out, path))
            write_atomic(out / MANIFEST, now.dumps(), "")
        journal.unlink()
    remove_temps(out)


def file_hash(out: Path, path: str) -> str | None:
    if target_problem(out, path):
        return None
    data = file_bytes(out / path)
    return None if data is None else sha256(data)


def remove_temps(out: Path) -> None:
    for folder, dirs, names in os.walk(out):  # does not follow links
        for name in names:
            if name.startswith(TEMP_PREFIX):
                os.unlink(os.path.join(folder, name))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
