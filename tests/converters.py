"""PDFs for the tests without a LibreOffice run each time.

`Cached` wraps pipeline.pdf_batches.convert: a .docx converted before in this test run (the
same bytes: papers are reproducible zips) gets the PDF LibreOffice made of it, from a folder that every
xdist worker shares (a file lock per paper keeps two workers from converting the same paper at
once, while papers that differ are converted side by side).
Only real LibreOffice output is stored. Tests that read the PDF itself use it; tests that only
check PDF bookkeeping use `fake_convert`, which makes a small valid PDF without LibreOffice.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path

import pikepdf
from filelock import FileLock

from pipeline.pdf_batches import Converted, log_path, quietly


class Cached:
    """A convert() that converts only bytes it has not seen, through `convert`."""

    def __init__(self, convert: Callable[..., Converted], folder: Path):
        self.convert, self.folder = convert, folder
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(
        self,
        docx: dict[str, bytes],
        processes: int | None = None,
        progress: Callable[..., Iterable] = quietly,
        log: Path | None = None,
    ) -> Converted:
        digests = {key: hashlib.sha256(data).hexdigest() for key, data in docx.items()}
        stored = {key: self.folder / f"{digest}.pdf" for key, digest in digests.items()}
        with ExitStack() as locks:
            for digest in sorted(set(digests.values())):  # in one order: no two wait for each other
                locks.enter_context(FileLock(self.folder / f"{digest}.lock"))
            todo = {key: data for key, data in docx.items() if not stored[key].is_file()}
            # one LibreOffice a conversion: the test workers keep every core busy already
            converted = self.convert(todo, 1, progress, log) if todo else None
            for key, pdf in (converted.pdfs if converted else {}).items():
                stored[key].write_bytes(pdf)
        failed = converted.failed if converted else []
        return Converted(
            {key: path.read_bytes() for key, path in stored.items() if key not in failed},
            failed,
            converted.log if converted else log or log_path(),
        )


def small_pdf(title: str) -> bytes:
    """A one-page PDF carrying `title` (as LibreOffice's would carry the paper's)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"] = title
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def fake_convert(
    docx: dict[str, bytes],
    processes: int | None = None,
    progress: Callable[..., Iterable] = quietly,
    log: Path | None = None,
) -> Converted:
    """convert() without LibreOffice: a small valid PDF for every .docx, none failed."""
    for _ in progress(list(docx), "Skriver PDF"):
        pass
    return Converted({key: small_pdf(key) for key in docx}, [], log or log_path())
