"""Parse one cell's value by its kind. Each parser returns the value or raises Invalid
with what was expected, in Swedish; `None` means an empty cell."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from . import schema


class Invalid(ValueError):
    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
DATE_RANGE = f"mellan {FIRST_DATE.isoformat()} och {LAST_DATE.isoformat()}"
EXPECTED = {
    schema.AMOUNT: "ett belopp i hela kronor, 0 eller mer (t.ex. 375 000 eller 375 000 kr)",
    schema.DATE: f"ett datum (ÅÅÅÅ-MM-DD, t.ex. 2023-05-01) {DATE_RANGE}",
    schema.INTEGER: "ett heltal större än 0",
    schema.PERCENT: "en procentsats mellan 0 och 100 %, skriven med procenttecken (t.ex. 25 %)",
    schema.ORGNR: "ett organisationsnummer i formen NNNNNN-NNNN",
    schema.TYPES: "en eller flera av kommun, region, stat, åtskilda med kommatecken",
    schema.TEXT: "text",
}


def is_empty(raw: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def parse(kind: str, raw: object):
    if is_empty(raw):
        return None
    return PARSERS[kind](raw)


def parse_text(raw: object) -> str:
    """Text as the papers write it: whitespace collapsed, Unicode in NFC. A boolean is no text
    (Excel's SANT/FALSKT in a name would print "True")."""
    if isinstance(raw, bool):
        raise Invalid(NOT_BOOLEAN)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return unicodedata.normalize("NFC", " ".join(str(raw).split()))


# --- what no cell may hold, whatever its column -------------------------------------------------

NOT_BOOLEAN = "text eller ett tal, inte ett sanningsvärde (SANT/FALSKT)"
# Characters that show nothing but make two names differ, or turn the text around.
INVISIBLE = frozenset(
    [
        0x00AD,
        0x180E,
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x2060,
        0x2061,
        0x2062,
        0x2063,
        0x2064,
        0xFEFF,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)
# Characters XML 1.0 (and so Word and Excel files) cannot hold.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
HIDDEN = re.compile("[" + "".join(chr(c) for c in sorted(INVISIBLE)) + "]")
ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
# Excel's error values as a cell's cached result, in English (how the file stores them) and
# as Swedish Excel and LibreOffice show them (how a user may have typed or pasted them).
EXCEL_ERRORS = frozenset(
    [
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#EXTERNAL!",
        "#PYTHON!",
        "#SKÄRNING!",
        "#DIVISION/0!",
        "#VÄRDEFEL!",
        "#REFERENS!",
        "#NAMN?",
        "#OGILTIGT!",
        "#SAKNAS!",
        "#HÄMTAR_DATA",
        "#BERÄKNA!",
        "#FÄLT!",
        "#BLOCKERAD!",
        "#ANSLUT!",
        "#UPPTAGEN!",
        "#OKÄND!",
        "#EXTERN!",
    ]
)
LIBREOFFICE_ERROR = re.compile(r"(Err|Fel):[0-9]{3}")
PROSE_LIMIT = 4000  # an extra column's text


def decode_escapes(text: str) -> str:
    """Excel's `_xHHHH_` escapes (`_x000D_` for a carriage return) as the characters they stand
    for; openpyxl leaves them as written. A character no text may hold is caught afterwards."""
    if "_x" not in text:
        return text
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def visible(text: str) -> str:
    """The text with every character that does not show written as [U+200B]: invisible and
    control characters, spaces other than the plain one, and the combining marks of text not
    in NFC (a decomposed "ö"), so that two names that look the same show how they differ."""
    decomposed = unicodedata.normalize("NFC", text) != text

    def shown(char: str) -> str:
        code = ord(char)
        if (
            code in INVISIBLE
            or ILLEGAL.match(char)
            or (char.isspace() and char != " ")
            or (decomposed and unicodedata.combining(char))
        ):
            return f"[U+{code:04X}]"
        return char

    return "".join(shown(c) for c in text)


def cell_problem(raw: object) -> str | None:
    """What is wrong with a value that no column can use, as the expected phrase of a Problem:
    an Excel error, a number that is not finite, or text with invisible or illegal characters."""
    if isinstance(raw, float) and not math.isfinite(raw):
        return "ett tal (cellen innehåller NaN eller oändligt, som inget tal i arbetsboken får vara)"
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if text[:1] in ("#", "E", "F") and (
        text.upper() in EXCEL_ERRORS or LIBREOFFICE_ERROR.fullmatch(text)
    ):
        return (
            "ett värde, inte ett felvärde från Excel eller Calc (rätta formeln eller cellen "
            "den hänvisar till, spara och försök igen)"
        )
    illegal = sorted({f"U+{ord(c):04X}" for c in ILLEGAL.findall(raw)})
    if illegal:
        return (
            f"text utan styrtecken (cellen innehåller {', '.join(illegal)}, som inte får stå "
            "i ett Word-dokument); skriv om texten i cellen"
        )
    hidden = sorted({f"U+{ord(c):04X}" for c in HIDDEN.findall(raw)})
    if hidden:
        return (
            f"text utan osynliga tecken (cellen innehåller {', '.join(hidden)}, visade som "
            "[U+…] ovan); skriv om texten i cellen utan att klistra in den"
        )
    return None


def too_long(text: object, limit: int) -> str | None:
    """The expected phrase for a text over its column's limit."""
    if isinstance(text, str) and len(text) > limit:
        return f"text på högst {limit} tecken (här {len(text)})"
    return None


def name_key(text: object) -> str:
    """Two names are the same when they match after Unicode compatibility normalisation
    (NFKC: a decomposed "ö" is "ö"), case-folding, collapsing whitespace (a no-break space
    too) and dropping invisible characters."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join("".join(c for c in folded if ord(c) not in INVISIBLE).split())


def same_name(a: object, b: object) -> bool:
    """Whether two names (of a party, förbund, sheet or column) are the same; see `name_key`."""
    return name_key(a) == name_key(b)


def _exact_number(raw: object) -> Fraction:
    """A number cell or a Swedish number written as text, as an exact Fraction."""
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueError
        return Fraction(Decimal(repr(raw)))
    if isinstance(raw, str):
        text = SPACES.sub("", raw).replace("\u2212", "-")
        if not re.fullmatch(r"-?[0-9]+(,[0-9]+)?", text):
            raise ValueError
        return Fraction(Decimal(text.replace(",", ".")))
    raise ValueError


def parse_amount(raw: object) -> int:
    text = raw
    if isinstance(raw, str):
        text = re.sub(r"(kronor|kr\.?|:-)\s*$", "", raw.strip(), flags=re.IGNORECASE)
    try:
        number = _exact_number(text)
    except (ValueError, InvalidOperation):
        raise Invalid(EXPECTED[schema.AMOUNT]) from None
    if number.denominator != 1 or number < 0:
        raise Invalid(EXPECTED[schema.AMOUNT])
    return int(number)


def parse_integer(raw: object) -> int:
    try:
        number = _exact_number(raw)
    except (ValueError, InvalidOperation):
        raise Invalid(EXPECTED[schema.INTEGER]) from None
    if number.denominator != 1 or number <= 0:
        raise Invalid(EXPECTED[schema.INTEGER])
    return int(number)


def parse_percent(raw: object) -> Fraction:
    try:
        if isinstance(raw, str):
            text = raw.strip()
            if not text.endswith("%"):
                raise ValueError
            value = _exact_number(text[:-1]) / 100
        else:
            value = _exact_number(raw)
    except (ValueError, InvalidOperation):
        raise Invalid(EXPECTED[schema.PERCENT]) from None
    if not 0 <= value <= 1:
        raise Invalid(EXPECTED[schema.PERCENT])
    return value


def parse_date(raw: object) -> dt.date:
    """An Excel date or the text ÅÅÅÅ-MM-DD, between 1900 and 2100 (a year 2108 is a typo, and
    no zip file, Word document or Excel date goes far past it)."""
    date = None
    if isinstance(raw, dt.datetime):
        date = raw.date()
    elif isinstance(raw, dt.date):
        date = raw
    elif isinstance(raw, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw.strip()):
        with contextlib.suppress(ValueError):
            date = dt.date.fromisoformat(raw.strip())
    if date is None or not FIRST_DATE <= date <= LAST_DATE:
        raise Invalid(EXPECTED[schema.DATE])
    return date


def parse_orgnr(raw: object) -> str:
    text = parse_text(raw)
    if not re.fullmatch(r"[0-9]{6}-[0-9]{4}", text):
        raise Invalid(EXPECTED[schema.ORGNR])
    return text


def parse_types(raw: object) -> tuple[str, ...]:
    parts = [p.strip().casefold() for p in str(raw).split(",")]
    if not parts or any(p not in (*schema.PARTY_TYPES, schema.PAYING) for p in parts):
        raise Invalid(EXPECTED[schema.TYPES])
    return tuple(dict.fromkeys(parts))


PARSERS = {
    schema.TEXT: parse_text,
    schema.AMOUNT: parse_amount,
    schema.INTEGER: parse_integer,
    schema.PERCENT: parse_percent,
    schema.DATE: parse_date,
    schema.ORGNR: parse_orgnr,
    schema.TYPES: parse_types,
}
