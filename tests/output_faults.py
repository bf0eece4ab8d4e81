"""Helpers for the output-safety tests: two workbooks whose papers all differ, out/ read back
as bytes (without the lock files, which a build leaves by design), and `papers` in child
processes forked from the test process.

A forked child is a real second process (its own pid, its own file locks, a SIGKILL that
ends it) without a new interpreter: a fresh `python -m pipeline` spends about a second
importing what this process has imported already. The child never returns into pytest: it
leaves through os._exit on every path (no pytest or xdist clean-up, no atexit handlers, no
output into this process's captured streams), or is killed. Its standard output and error
go to a file of its own (or to os.devnull)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from pipeline.cli import main

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


# ---- papers in a forked child process ---------------------------------------------------


def papers(*args: object) -> Callable[[], object]:
    """The body of a child that runs `papers <args>` as the console script does."""
    return lambda: main([str(a) for a in args])


def start(body: Callable[[], object], output: Path | None = None) -> int:
    """Fork a child that runs `body` in the project folder, its output (UTF-8) in `output`; its pid."""
    with warnings.catch_warnings():
        # Python 3.12+ warns that a fork of a process with threads (xdist's) may deadlock in
        # the child when it uses what those threads hold; the child uses none of it.
        warnings.filterwarnings("ignore", r"This process .* is multi-threaded", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        run_and_exit(body, output)
    return pid


def run_and_exit(body: Callable[[], object], output: Path | None) -> NoReturn:
    """In the child: run `body` as a fresh process would (exit status from SystemExit, a
    traceback and status 1 for any other exception) and leave with os._exit."""
    code = 1
    try:
        with open(output or os.devnull, "w", encoding="utf-8") as stream:
            sys.stdout = sys.stderr = stream
            os.dup2(stream.fileno(), 1)
            os.dup2(stream.fileno(), 2)
            os.chdir(workbooks.ROOT)
            # A fresh interpreter finds its temp folder on first use (creating and deleting a
            # file there): forget the one this process found, so that the child does the same.
            tempfile.tempdir = None
            try:
                body()
                code = 0
            except SystemExit as exc:
                code = exit_code(exc)
            except BaseException:
                traceback.print_exc(file=stream)
    finally:
        os._exit(code)


def exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def wait(pid: int, timeout: float = 120) -> int:
    """The child's exit status as subprocess gives it (minus the signal that ended it); a
    child still running after `timeout` seconds is killed and the test fails."""
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"the child process {pid} did not end within {timeout} s")
        time.sleep(0.01)
