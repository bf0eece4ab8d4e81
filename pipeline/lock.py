"""One build at a time per output folder: an OS file lock (portable, through `filelock`).

The second build does not wait: it stops at once with a message naming the process that
holds the lock (its pid, host and start time are kept in a side file while it runs; the
lock file itself cannot be read on Windows while it is locked).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

from .problems import Problem, UserError

LOCK = ".papers.lock"
HOLDER = ".papers.lock-info"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of `out` (an existing folder); UserError when another process holds it."""
    lock = FileLock(str(out / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UserError(
            [
                Problem.note(
                    str(out),
                    f"en annan körning av papers skriver redan i mappen "
                    f"({holder(out)}). Vänta tills den är klar och kör sedan igen.",
                )
            ]
        ) from None
    info = out / HOLDER
    try:
        with suppress(OSError):  # without the note the lock still holds (the holder is unnamed)
            info.write_text(
                f"process {os.getpid()} på {socket.gethostname()}, startad "
                f"{dt.datetime.now().isoformat(' ', 'seconds')}\n",
                encoding="utf-8",
            )
        yield
    finally:
        with suppress(OSError):
            info.unlink(missing_ok=True)
        lock.release()


def holder(out: Path) -> str:
    try:
        text = (out / HOLDER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    return text or "en process som inte gick att se"
