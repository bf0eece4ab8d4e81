"""A register of a bundle's documents (diarieförteckning) for the receiving registrar.

One row per file in the bundle. The columns are named after the document fields of FGS
Ärendehantering (Riksarkivet, RAFGS3V1.0: ArkivobjektHandling and its Bilaga) and the
E-ARK ERMS document element, so that a registrar can map them without guessing:

    Rubrik             FGS ArkivobjektHandling/Rubrik           ERMS document title
    Riktning           (FGS: Expedierad is set for outgoing)     ERMS direction = outgoing
    Avsändare          FGS Agent, Roll "Avsändare"               ERMS agent typeOfAgent=sender
    Mottagare          FGS Agent, Roll "Mottagare"               ERMS agent typeOfAgent=receiver
    Upprättad          FGS ArkivobjektHandling/Upprattad         ERMS date created
    Diarienummer       FGS ArkivobjektArende/ArkivobjektID      ERMS case identification
    Filnamn            FGS Bilaga @Namn                          ERMS documentFile name
    Antal sidor        (no FGS field)                            ERMS extent (pages)
    Kontrollsumma      FGS Bilaga @Checksumma                    ERMS checksum
    Kontrollsummetyp   FGS Bilaga @ChecksummaMetod               ERMS checksumType
    Version            (no FGS field)                            ERMS version

Everything a row says is read from the documents themselves (their core and custom
properties, their PDF's page count), so the register cannot disagree with the files.
Pages come from the PDF: a .docx counts the pages of its PDF in the bundle, or is left
empty without one (its docProps/app.xml Pages is the template's count, not the paper's).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .docprops import read_values
from .manifest import sha256
from .reproducible import normalized_zip
from .summary import set_text

COLUMNS = (
    "Rubrik",
    "Riktning",
    "Avsändare",
    "Mottagare",
    "Upprättad",
    "Diarienummer",
    "Filnamn",
    "Antal sidor",
    "Kontrollsumma",
    "Kontrollsummetyp",
    "Version",
)
DIRECTION = "utgående"
NAME = "diarieforteckning"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    rubrik: str
    avsandare: str
    mottagare: str
    upprattad: str
    diarienummer: str
    filnamn: str
    sidor: int | None
    sha256: str
    version: str

    def cells(self) -> list:
        return [
            self.rubrik,
            DIRECTION,
            self.avsandare,
            self.mottagare,
            self.upprattad,
            self.diarienummer,
            self.filnamn,
            self.sidor,
            self.sha256,
            "SHA-256",
            self.version,
        ]


def register_rows(members: list[tuple[str, bytes]], sender: str, receiver: str) -> list[Row]:
    """A row for every .docx and .pdf among a bundle's members (name in the zip, bytes)."""
    pages = {stem(n): pdf_pages(d) for n, d in members if n.lower().endswith(".pdf")}
    props = {stem(n): docx_properties(d) for n, d in members if n.lower().endswith(".docx")}
    rows = []
    for name, data in members:
        if not name.lower().endswith((".docx", ".pdf")):
            continue
        p = props.get(stem(name), {})
        rows.append(
            Row(
                p.get("title", ""),
                sender,
                p.get("Part") or receiver,
                p.get("created", ""),
                p.get("Diarienummer", ""),
                name,
                pages.get(stem(name)),
                sha256(data),
                p.get("Utfärdad", ""),
            )
        )
    return rows


def stem(name: str) -> str:
    return str(PurePosixPath(name).with_suffix(""))


def pdf_pages(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def docx_properties(data: bytes) -> dict[str, str]:
    """Title and created date from the core properties, and the custom properties."""
    values = read_values(data)
    custom = {name: str(value) for name, value in values.custom.items()}
    return {"title": values.title, "created": values.date.isoformat(), **custom}


def safe_text(value) -> str:
    """A text cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def as_csv(rows: list[Row]) -> bytes:
    """UTF-8 with BOM (so that Excel reads it as UTF-8, not as the Windows code page) and
    `;` between fields: Swedish Excel's list separator is `;` (the comma is the decimal
    sign), so a comma-separated file would open as one column."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([c if isinstance(c, int) else safe_text(c) for c in row.cells()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(rows: list[Row], date: dt.date) -> bytes:
    """One sheet; every text cell stored as text (openpyxl would make "=…" a formula)."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "Diarieförteckning"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row.cells(), start=1):
            cell = sheet.cell(r, c)
            if isinstance(value, int):
                cell.value = value
            else:
                set_text(cell, "" if value is None else str(value))
    widths = (50, 10, 30, 30, 12, 16, 40, 8, 66, 16, 8)
    for letter, width in zip("ABCDEFGHIJK", widths):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return normalized_zip(buffer.getvalue(), date)


def register_files(rows: list[Row], date: dt.date, folder: str = "") -> list[tuple[str, bytes]]:
    """(name, bytes) of the register as .xlsx and .csv, under `folder` when given."""
    prefix = f"{folder}/" if folder else ""
    return [(f"{prefix}{NAME}.xlsx", as_xlsx(rows, date)), (f"{prefix}{NAME}.csv", as_csv(rows))]
