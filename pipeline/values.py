"""Parse one cell's value by its kind. Each parser returns the value or raises Invalid
with what was expected, in Swedish; `None` means an empty cell."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from . import schema


class Invalid(ValueError):
    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
EXPECTED = {
    schema.AMOUNT: "ett belopp i hela kronor, 0 eller mer (t.ex. 375 000 eller 375 000 kr)",
    schema.DATE: "ett datum (ÅÅÅÅ-MM-DD, t.ex. 2023-05-01)",
    schema.INTEGER: "ett heltal större än 0",
    schema.PERCENT: "en procentsats mellan 0 och 100 %, skriven med procenttecken (t.ex. 25 %)",
    schema.ORGNR: "ett organisationsnummer i formen NNNNNN-NNNN",
    schema.TYPES: "en eller flera av kommun, region, stat, åtskilda med kommatecken",
    schema.TEXT: "text",
}


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def parse(kind: str, raw: object):
    if is_empty(raw):
        return None
    return PARSERS[kind](raw)


def parse_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return " ".join(str(raw).split())


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
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise Invalid(EXPECTED[schema.DATE])


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
