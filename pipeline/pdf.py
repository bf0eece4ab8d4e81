"""PDF/A-2 copies of the papers through LibreOffice, one process for the whole batch.

LibreOffice runs headless with a user profile of its own in a temporary folder, so it
works in CI and beside an officer's open LibreOffice. The PDFs are tagged, so headings
and tables survive into them (accessibility), and PDF/A-2b, for the archive.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .problems import Problem, UserError

EXPORT = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
          '"UseTaggedPDF":{"type":"boolean","value":"true"}}')
CANDIDATES = ("soffice", "libreoffice")
INSTALL_HINT = ("LibreOffice behövs för --pdf men finns inte. Installera det (Debian/Ubuntu: "
                "sudo apt-get install libreoffice-writer-nogui fonts-liberation2; Windows och macOS: "
                "libreoffice.org) och kör igen. Word-filerna är skrivna.")


def find_office() -> str | None:
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def convert(docx: dict[str, bytes], timeout: int = 600) -> dict[str, bytes]:
    """PDF bytes for each .docx (keyed by a unique file name ending in .docx)."""
    office = find_office()
    if office is None:
        raise UserError([Problem("--pdf", INSTALL_HINT, found=False)])
    with tempfile.TemporaryDirectory(prefix="papers-pdf-") as tmp:
        work = Path(tmp)
        source, target = work / "docx", work / "pdf"
        source.mkdir()
        for name, data in docx.items():
            (source / name).write_bytes(data)
        command = [office, "--headless", "--norestore", "--nolockcheck",
                   f"-env:UserInstallation={(work / 'profil').as_uri()}",
                   "--convert-to", EXPORT, "--outdir", str(target),
                   *sorted(str(source / n) for n in docx)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                             check=False)
        pdfs = {name: target / (Path(name).stem + ".pdf") for name in docx}
        missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
        if missing:
            raise RuntimeError(f"LibreOffice skrev ingen PDF för {', '.join(missing)} "
                               f"(kod {run.returncode}): {run.stderr.strip()[-500:]}")
        return {name: pdf.read_bytes() for name, pdf in pdfs.items()}
