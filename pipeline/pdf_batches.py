"""PDFs for any number of papers: batches small enough for LibreOffice, several LibreOffice
processes at once (each with its own profile), a paper that fails in its batch tried again
alone, and what still fails named in a short message.

LibreOffice 7.4 given more than 245 documents in one run converts the first 245 and exits 0
(measured on the national benchmark, with long and short file names alike), so a batch is
far below that. Batches are dealt out round robin, so each holds a mix of long and short
papers and the processes finish at about the same time.
"""

from __future__ import annotations

import math
import os
import queue
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .pdf import INSTALL_HINT, find_office, run_office, stop
from .problems import Problem, UserError

BATCH = 50  # papers per LibreOffice run; the run stops silently past 245
MAX_PROCESSES = 8  # each LibreOffice takes some 200 MB; past the cores it only waits
START_SECONDS, PAPER_SECONDS = 120, 60  # a run is stopped after this long (a hung document)
SHOWN = 10  # failed papers listed by name
LABEL = "Skriver PDF"


class OfficeBroken(RuntimeError):
    """LibreOffice cannot convert even an empty document: the installation, not a paper."""


def quietly(items: Iterable, label: str = "") -> Iterable:
    return items


def log_path() -> Path:
    return Path(tempfile.gettempdir()) / "papers-pdf.log"


def default_processes() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_PROCESSES))


def split(names: list[str], processes: int) -> list[list[str]]:
    """Batches of at most BATCH papers, at least one per process, dealt round robin."""
    count = max(math.ceil(len(names) / BATCH), min(processes, len(names)))
    return [names[i::count] for i in range(count)]


@dataclass
class Converted:
    pdfs: dict[str, bytes]  # keyed as the .docx were
    failed: list[str]  # the .docx that LibreOffice could not convert, even alone
    log: Path  # LibreOffice's own output

    def problems(self) -> list[Problem]:
        if not self.failed:
            return []
        return failure_problems(self.failed, len(self.pdfs) + len(self.failed), self.log)


def convert(
    docx: dict[str, bytes],
    processes: int | None = None,
    progress: Callable[..., Iterable] = quietly,
    log: Path | None = None,
) -> Converted:
    """PDF bytes for each .docx, keyed as given (a relative path ending in .docx), and the
    papers that LibreOffice could not convert; OfficeBroken when it converts nothing at all,
    not even an empty document."""
    office = find_office()
    if office is None:
        raise UserError([Problem.note("--pdf", INSTALL_HINT)])
    log = log or log_path()
    if not docx:
        return Converted({}, [], log)
    # Short, unique file names for LibreOffice; the PDF's title comes from the document itself.
    keys = {f"{i:05d}-{Path(key).name}": key for i, key in enumerate(sorted(docx))}
    with (
        tempfile.TemporaryDirectory(prefix="papers-pdf-") as tmp,
        open(log, "w", encoding="utf-8") as log_file,
    ):
        work = Path(tmp)
        source, target = work / "docx", work / "pdf"
        source.mkdir()
        for name, key in keys.items():
            (source / name).write_bytes(docx[key])
        processes = max(1, min(processes or default_processes(), len(keys)))
        runner = Runner(office, source, target, log_file, processes)
        failed = runner.run(split(list(keys), processes), progress)
        if failed and len(failed) == len(keys) and not runner.works(work):
            raise OfficeBroken(
                f"LibreOffice ({office}) kan inte skriva någon PDF, inte ens av "
                f"ett tomt dokument: installationen verkar trasig. Dess utskrift "
                f"finns i {log}."
            )
        return Converted(
            {
                key: (target / pdf_name(name)).read_bytes()
                for name, key in keys.items()
                if name not in failed
            },
            [keys[n] for n in failed],
            log,
        )


def failure_problems(failed: list[str], total: int, log: Path) -> list[Problem]:
    """One line per paper (at most SHOWN), then how many more and where the log is."""
    problems = [
        Problem.note(
            path,
            "LibreOffice kunde inte göra någon PDF av handlingen, inte heller när den fick gå ensam.",
        )
        for path in failed[:SHOWN]
    ]
    if len(failed) > SHOWN:
        problems.append(Problem.note(f"… och {len(failed) - SHOWN} till", "samma fel."))
    problems.append(
        Problem.note(
            "--pdf",
            f"{len(failed)} av {total} handlingar fick ingen PDF; "
            "Word-filerna och de andra PDF:erna är skrivna. LibreOffices utskrift "
            f"finns i {log}. Öppna handlingen i Word eller LibreOffice för att se "
            "vad som är fel.",
        )
    )
    return problems


def pdf_name(docx_name: str) -> str:
    return docx_name[: -len(".docx")] + ".pdf"


def complete(path: Path) -> bool:
    """A PDF that LibreOffice finished (a stopped run can leave half a file)."""
    if not path.is_file():
        return False
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 64))
        return b"%%EOF" in f.read()


class Runner:
    """Batches through a pool of LibreOffice processes, each with its own profile; every
    paper is reported done once, as LibreOffice takes it up or when its batch ends."""

    def __init__(self, office: str, source: Path, target: Path, log: TextIO, processes: int):
        self.office, self.source, self.target, self.log = office, source, target, log
        self.processes = processes
        self.lock = threading.Lock()
        self.profiles: queue.Queue[Path] = queue.Queue()
        for i in range(processes):
            self.profiles.put(source.parent / f"profil-{i}")
        self.done: queue.Queue[str] = queue.Queue()
        self.reported: set[str] = set()
        self.running: set = set()
        self.cancelled = False

    def run(self, batches: list[list[str]], progress: Callable[..., Iterable]) -> list[str]:
        """The names that got no PDF, in order."""
        total = sum(map(len, batches))
        with ThreadPoolExecutor(self.processes) as pool:
            futures = [pool.submit(self.batch, b) for b in batches]
            try:
                for _ in progress(Finished(self.done, total, futures), LABEL):
                    pass
            except BaseException:  # Ctrl-C or a failed batch: stop the other processes too
                self.cancel()
                raise
            return sorted(n for f in futures for n in f.result())

    def cancel(self) -> None:
        self.cancelled = True
        with self.lock:
            running = list(self.running)
        for process in running:
            stop(process)

    def batch(self, names: list[str]) -> list[str]:
        if self.cancelled:
            return names
        profile = self.profiles.get()
        try:
            self.office_run(names, profile)
            missing = [n for n in names if not complete(self.target / pdf_name(n))]
            for name in missing:  # alone, once: a paper that failed may have stopped the rest
                if self.cancelled:
                    break
                (self.target / pdf_name(name)).unlink(missing_ok=True)
                self.office_run([name], profile)
            return [n for n in missing if not complete(self.target / pdf_name(n))]
        finally:
            self.profiles.put(profile)
            for name in names:
                self.report(name)

    def office_run(self, names: list[str], profile: Path) -> int:
        try:
            return run_office(
                self.office,
                [self.source / n for n in names],
                self.target,
                profile,
                self.log,
                self.lock,
                self.report,
                START_SECONDS + PAPER_SECONDS * len(names),
                self.running,
            )
        except OSError as exc:
            raise OfficeBroken(f"LibreOffice ({self.office}) gick inte att starta: {exc}.") from exc

    def report(self, name: str) -> None:
        with self.lock:
            if name in self.reported or not (self.source / name).is_file():
                return
            self.reported.add(name)
        self.done.put(name)

    def works(self, work: Path) -> bool:
        """Whether LibreOffice converts an empty document (when every paper failed)."""
        import docx

        probe = work / "prov"
        probe.mkdir()
        docx.Document().save(str(probe / "prov.docx"))
        run_office(
            self.office,
            [probe / "prov.docx"],
            probe,
            work / "profil-prov",
            self.log,
            self.lock,
            lambda name: None,
            START_SECONDS,
        )
        return complete(probe / "prov.pdf")


class Finished:
    """The papers as they are done, for a progress bar (it has a length)."""

    def __init__(self, done: queue.Queue, total: int, futures: list[Future]):
        self.done, self.total, self.futures = done, total, futures

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[str]:
        for _ in range(self.total):
            while True:
                try:
                    yield self.done.get(timeout=0.2)
                    break
                except queue.Empty:
                    for f in self.futures:
                        failure = f.exception() if f.done() else None
                        if failure is not None:
                            raise failure from None
