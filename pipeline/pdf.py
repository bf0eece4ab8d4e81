"""Finding LibreOffice and running it once: one headless process converting a batch of .docx
files to PDF, with a user profile of its own (so it works in CI and beside an officer's open
LibreOffice, and several can run at once).

The PDFs are PDF/A-2b (for the archive), tagged (headings and tables survive, for screen
readers) and marked PDF/UA-1. `pdf_batches.py` splits the papers into batches and runs several
of these processes in parallel.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

EXPORT = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)
CANDIDATES = ("soffice", "libreoffice")
INSTALL_HINT = (
    "LibreOffice behövs för --pdf men finns inte. Installera det (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui fonts-liberation2; Windows och macOS: "
    "libreoffice.org) och kör igen. Word-filerna är skrivna."
)
# LibreOffice writes one line per document it converts: "convert IN -> OUT using filter : …".
CONVERT_LINE = "convert "


def find_office() -> str | None:
    """soffice on PATH, else where the installers put it on Windows and macOS."""
    found = next((found for name in CANDIDATES if (found := shutil.which(name))), None)
    if found:
        return found
    return next((str(p) for p in install_folders() if p.is_file()), None)


def install_folders() -> list[Path]:
    """The usual places of soffice outside PATH (the Windows installer does not add it)."""
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        local = os.environ.get("LOCALAPPDATA")
        roots += [str(Path(local, "Programs"))] if local else []
        return [Path(r, "LibreOffice", "program", "soffice.exe") for r in roots if r]
    if sys.platform == "darwin":
        app = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        return [Path("/Applications") / app, Path.home() / "Applications" / app]
    return []


def run_office(
    office: str,
    sources: list[Path],
    target: Path,
    profile: Path,
    log: TextIO,
    lock: threading.Lock,
    on_convert: Callable[[str], None],
    timeout: float,
    running: set | None = None,
) -> int:
    """One LibreOffice process converting `sources` into `target`; its output goes to `log`,
    and `on_convert` is called with the name of each document as LibreOffice takes it up.
    Returns the exit code (-9 and the like when it was stopped after `timeout` seconds).
    While it runs, the process is in `running` (so that an interrupted build can stop it)."""
    command = [
        office,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        EXPORT,
        "--outdir",
        str(target),
        *map(str, sources),
    ]
    with lock:
        log.write(f"\n== {len(sources)} handlingar, profil {profile.name}\n")
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=os.name != "nt",
    )
    running = set() if running is None else running
    timer = threading.Timer(timeout, stop, (process,))
    timer.start()
    with lock:
        running.add(process)
    try:
        for line in process.stdout or ():  # a pipe: Popen(stdout=PIPE)
            with lock:
                log.write(line)
            if line.startswith(CONVERT_LINE):
                on_convert(Path(line[len(CONVERT_LINE) :].split(" -> ")[0]).name)
        code = process.wait()
    finally:
        timer.cancel()
        with lock:
            running.discard(process)
    with lock:
        log.write(f"== slutkod {code}\n")
        log.flush()
    return code


def stop(process: subprocess.Popen) -> None:
    """Stop LibreOffice and what it started (soffice starts soffice.bin in its own group)."""
    try:
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
