"""The workbook as the zip archive it is: its size checked from the zip directory before
anything is unpacked, and, when openpyxl cannot read it, the cells that are to blame.

An .xlsx file is a zip of XML parts. Python's zipfile never unpacks more of a part than the
directory says, so the directory's sizes bound the work of every later stage.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .formatting import megabytes
from .problems import Problem, UserError
from .values import ILLEGAL

MAX_UNPACKED = 200 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 100  # a part over RATIO_FROM bytes may unpack at most this many times its size
RATIO_FROM = 1024 * 1024
MAX_ROWS = 5000  # rows per sheet: far more than a county's parties, förbund or steps

# Unreadable text: characters XML 1.0 forbids (`values.ILLEGAL`), as they are or as references.
CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")
CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
VALUE = re.compile(rb"<v>([^<]*)</v>")
SHARED_STRING = re.compile(rb"<si\b")
ATTRIBUTE = re.compile(rb'\b(r|t)="([^"]*)"')


def check_size(path: Path) -> None:
    """Refuse, from the zip directory alone, a workbook that would unpack past the limits;
    raise UserError naming every limit it passes."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: openpyxl's own refusal says so
    problems = []
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED:
        problems.append(
            Problem.note(
                path.name,
                f"arbetsboken packas upp till {megabytes(total)}, mer än gränsen "
                f"{megabytes(MAX_UNPACKED)}. En arbetsbok för ett län är normalt mindre än 1 MB: "
                "kontrollera att det är rätt fil, eller spara en kopia med bara de blad som "
                "verktyget läser.",
            )
        )
    problems += [
        Problem.note(
            path.name,
            f"delen {part.filename} i arbetsboken packas upp till {megabytes(part.file_size)} "
            f"från {part.compress_size} byte, mer än {MAX_RATIO} gånger sin storlek. Så "
            "packar ingen vanlig arbetsbok (filen kan vara gjord för att fylla minnet) och "
            "den läses inte: kontrollera att det är rätt fil.",
        )
        for part in parts
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1)
    ]
    if problems:
        raise UserError(problems)


def damaged(path: Path, detail: str) -> UserError:
    return UserError(
        [
            Problem.note(
                path.name,
                f"arbetsboken är skadad ({detail}). Öppna den i Excel eller Calc och spara den på nytt, "
                "eller ta fram en tidigare kopia.",
            )
        ]
    )


# --- the cells to blame when openpyxl cannot read the file -------------------------------------


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML part, from the workbook part and its relations."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", ns)}
    parts = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", ns):
        path = target.get(sheet.get(f"{{{ns['r']}}}id"), "")
        parts[sheet.get("name", "")] = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    return parts


def illegal_code(match: re.Match) -> int | None:
    """The character a reference names, when XML cannot hold it."""
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return code if code > 0x10FFFF or ILLEGAL.match(chr(code)) else None


def illegal_characters(data: bytes) -> list[int]:
    """The code points in `data` that XML forbids, written out or as character references."""
    codes = [ord(c) for c in ILLEGAL.findall(data.decode("utf-8", "replace"))]
    codes += [c for c in (illegal_code(m) for m in CHAR_REF.finditer(data)) if c is not None]
    return sorted(set(codes))


def text_problems(path: Path) -> list[Problem]:
    """Every cell whose text holds a character XML forbids (a file no Excel would write: the
    XML parser stops at it, so openpyxl names no cell)."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        bad_strings: dict[int, list[int]] = {}
        if "xl/sharedStrings.xml" in names:
            data = archive.read("xl/sharedStrings.xml")
            starts = [m.start() for m in SHARED_STRING.finditer(data)]
            for index, start in enumerate(starts):
                end = starts[index + 1] if index + 1 < len(starts) else len(data)
                codes = illegal_characters(data[start:end])
                if codes:
                    bad_strings[index] = codes
        problems = []
        for sheet, part in sheet_parts(archive).items():
            if part not in names:
                continue
            for cell in CELL.finditer(archive.read(part)):
                attributes = dict(ATTRIBUTE.findall(cell.group(1)))
                body = cell.group(2) or b""
                codes = illegal_characters(body)
                value = VALUE.search(body)
                if attributes.get(b"t") == b"s" and value and value.group(1).strip().isdigit():
                    codes = bad_strings.get(int(value.group(1)), codes)
                if codes:
                    where = f"{sheet}!{attributes.get(b'r', b'?').decode('ascii', 'replace')}"
                    problems.append(
                        Problem.note(
                            where,
                            "text utan styrtecken (cellen innehåller "
                            + ", ".join(f"U+{c:04X}" for c in codes)
                            + ", som inte får stå i en Excel- eller Word-fil); skriv om texten i "
                            "cellen.",
                        )
                    )
    return problems


def number_problems(path: Path, sheet: str) -> list[Problem]:
    """Every number cell of `sheet` whose value is no number openpyxl can read (NaN, INF)."""
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(archive).get(sheet)
        data = archive.read(part) if part in archive.namelist() else b""
    problems = []
    for cell in CELL.finditer(data):
        attributes = dict(ATTRIBUTE.findall(cell.group(1)))
        value = VALUE.search(cell.group(2) or b"")
        if attributes.get(b"t", b"n") != b"n" or value is None:
            continue
        text = value.group(1).decode("utf-8", "replace").strip()
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
        if number != number or number in (float("inf"), float("-inf")):
            where = f"{sheet}!{attributes.get(b'r', b'?').decode('ascii', 'replace')}"
            problems.append(
                Problem(
                    where,
                    (
                        "ett tal (cellen innehåller NaN eller oändligt, som inget tal i arbetsboken får "
                        "vara)"
                    ),
                    text,
                )
            )
    return problems
