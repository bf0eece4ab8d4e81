"""Run `papers bundle` as the library does it: under the lock, with the manifest read once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.build import prepare
from pipeline.bundle import bundle_files
from pipeline.output import opened, write_output

from workbooks import TEMPLATES


def bundle(workbook: Path, out: Path, day: dt.date | None = None) -> list:
    """The files `papers bundle` makes for `out` (issued on `day`), written into `out`."""
    prepared = prepare(workbook, TEMPLATES)
    with opened(out, force=False) as manifest:
        files = bundle_files(prepared, out, manifest, day)
        write_output(out, files, force=False, complete=False, manifest=manifest)
    return files
