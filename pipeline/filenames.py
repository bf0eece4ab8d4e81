"""Readable, portable, unique file names, whatever the workbook says."""

from __future__ import annotations

import re
import unicodedata

SPECIAL = str.maketrans(
    {
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
    }
)
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def slug(text: str, max_len: int = 60) -> str:
    """ASCII letters, digits and single hyphens: "Västerås stad" → "Vasteras-stad"."""
    ascii_text = unicodedata.normalize("NFKD", str(text).translate(SPECIAL))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    result = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:max_len].rstrip("-")
    if not result:
        return "namnlos"
    if result.upper() in RESERVED:
        return "_" + result
    return result


def step_folder(steg: int, rubrik: str) -> str:
    """ "steg-1-beslut-om-att-delta-i-lansprocess"."""
    return f"steg-{steg}-{slug(rubrik, 40).lower()}"


def paper_names(steg: int, kortnamn: list[str]) -> list[str]:
    """One file name per party of a step, unique even on case-insensitive file systems."""
    taken: set[str] = set()
    bases = [slug(k) for k in kortnamn]
    wanted = {b.lower() for b in bases}
    names = []
    for base in bases:
        candidate, n = base, 1
        while candidate.lower() in taken or (n > 1 and candidate.lower() in wanted):
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate.lower())
        names.append(f"{candidate}_steg-{steg}.docx")
    return names
