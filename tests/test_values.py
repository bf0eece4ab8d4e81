"""The cell parsers of `pipeline/values.py`: what each kind accepts, and what it refuses."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from pipeline import schema
from pipeline.values import EXPECTED, Invalid, parse

NBSP = "\u00a0"


def check(kind: str, raw, expected) -> None:
    assert parse(kind, raw) == expected


def refuse(kind: str, raw) -> None:
    with pytest.raises(Invalid) as info:
        parse(kind, raw)
    assert info.value.expected == EXPECTED[kind]


@pytest.mark.parametrize(
    "kind",
    [
        schema.AMOUNT,
        schema.DATE,
        schema.INTEGER,
        schema.PERCENT,
        schema.ORGNR,
        schema.TYPES,
        schema.TEXT,
    ],
)
@pytest.mark.parametrize("raw", [None, "", "   ", NBSP])
def test_empty_cell_is_none(kind, raw):
    assert parse(kind, raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        375000,
        375000.0,
        "375000",
        "375 000",
        "375 000 kr",
        "375000,00",
        "375 000 kronor",
        f"375{NBSP}000",
        f"375{NBSP}000{NBSP}kr",
        "375\u202f000 kr",
        " 375 000 KR ",
        "375 000:-",
    ],
)
def test_amount_forms(raw):
    check(schema.AMOUNT, raw, 375000)


def test_amount_zero_is_allowed():
    check(schema.AMOUNT, 0, 0)
    check(schema.AMOUNT, "0 kr", 0)


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        -5,
        "-5",
        "\u22125",
        375000.5,
        "375 000,50",
        True,
        False,
        "12.5",
        "375.000",
        "1e5",
        "200 tkr",
        "375 000 SEK",
        "kr",
        float("nan"),
        dt.date(2023, 5, 1),
    ],
)
def test_amount_errors(raw):
    refuse(schema.AMOUNT, raw)


@pytest.mark.parametrize("kind", [schema.AMOUNT, schema.INTEGER, schema.PERCENT])
def test_infinite_number_is_invalid_not_a_crash(kind):
    refuse(kind, float("inf"))


@pytest.mark.parametrize(
    "raw",
    [
        dt.datetime(2023, 5, 1),
        dt.datetime(2023, 5, 1, 13, 45),
        dt.date(2023, 5, 1),
        "2023-05-01",
        " 2023-05-01 ",
    ],
)
def test_date_forms(raw):
    check(schema.DATE, raw, dt.date(2023, 5, 1))


@pytest.mark.parametrize(
    "raw", ["2023-02-30", "1/5 2023", 45000, 45000.0, "2023-5-1", "20230501", "maj 2023", True]
)
def test_date_errors(raw):
    refuse(schema.DATE, raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0.25, Fraction(1, 4)),
        ("25 %", Fraction(1, 4)),
        ("25%", Fraction(1, 4)),
        ("12,5 %", Fraction(1, 8)),
        (f"25{NBSP}%", Fraction(1, 4)),
        (0.1, Fraction(1, 10)),
        (0, Fraction(0)),
        (1, Fraction(1)),
        ("100 %", Fraction(1)),
        ("0 %", Fraction(0)),
    ],
)
def test_percent_forms(raw, expected):
    check(schema.PERCENT, raw, expected)


@pytest.mark.parametrize("raw", ["25", 1.5, 25, "abc", "101 %", "-5 %", "%", "25 procent", "0,25", True])
def test_percent_errors(raw):
    refuse(schema.PERCENT, raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (5, 5),
        (2024.0, 2024),
        ("5", 5),
        ("26 133", 26133),
        (f"26{NBSP}133", 26133),
        ("5,0", 5),
    ],
)
def test_integer_forms(raw, expected):
    check(schema.INTEGER, raw, expected)


@pytest.mark.parametrize("raw", [0, -1, 5.5, "5,5", "12.0", "1e3", "abc", True, "0"])
def test_integer_errors(raw):
    refuse(schema.INTEGER, raw)


@pytest.mark.parametrize("raw", ["212000-2114", " 212000-2114 "])
def test_orgnr_forms(raw):
    check(schema.ORGNR, raw, "212000-2114")


@pytest.mark.parametrize(
    "raw",
    [
        "2120002114",
        2120002114,
        "21200-2114",
        "212000-21145",
        "212000\u20132114",
        "212000 - 2114",
        "KS-2114",
    ],
)
def test_orgnr_errors(raw):
    refuse(schema.ORGNR, raw)


def test_orgnr_only_ascii_digits():
    refuse(schema.ORGNR, "２１２０００-２１１４")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("kommun", ("kommun",)),
        ("region", ("region",)),
        ("stat", ("stat",)),
        ("Kommun, REGION", ("kommun", "region")),
        ("kommun,region,stat", ("kommun", "region", "stat")),
        ("kommun, kommun", ("kommun",)),
    ],
)
def test_types_forms(raw, expected):
    check(schema.TYPES, raw, expected)


@pytest.mark.parametrize("raw", ["landsting", "kommun region", "kommun; region", "kommun, ", 5])
def test_types_errors(raw):
    refuse(schema.TYPES, raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Köpings   kommun ", "Köpings kommun"),
        (5.0, "5"),
        (42, "42"),
        (dt.datetime(2023, 5, 1), "2023-05-01"),
        (dt.date(2023, 5, 1), "2023-05-01"),
    ],
)
def test_text(raw, expected):
    check(schema.TEXT, raw, expected)
