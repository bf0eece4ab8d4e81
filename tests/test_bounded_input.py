"""A workbook that would unpack past the limits, or with more rows than a county could have, is
refused before openpyxl reads it, and a damaged file is named as such (exit 2, no traceback)."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from pipeline import archive
from pipeline.cli import main
from pipeline.problems import UserError
from pipeline.validate import load

from zipparts import add_part

DAMAGED = (
    "arbetsbok.xlsx: arbetsboken är skadad (en del av filen går inte att packa upp: "
    "kontrollsumman stämmer inte). Öppna den i Excel eller Calc och spara den på nytt, "
    "eller ta fram en tidigare kopia."
)


def messages(path, templates) -> list[str]:
    with pytest.raises(UserError) as info:
        load(path, templates)
    return [p.message() for p in info.value.problems]


def test_part_that_unpacks_far_beyond_its_size_is_refused(sheets, write_workbook, templates):
    """A small zip bomb: 8 MB of one repeated string packs into a few kilobytes."""
    path = add_part(write_workbook(sheets), "xl/bomb.xml", b"<a>" + b"A" * (8 << 20) + b"</a>")
    compressed = zipfile.ZipFile(path).getinfo("xl/bomb.xml").compress_size
    assert messages(path, templates) == [
        f"arbetsbok.xlsx: delen xl/bomb.xml i arbetsboken packas upp till 8 MB från {compressed} "
        "byte, mer än 100 gånger sin storlek. Så packar ingen vanlig arbetsbok (filen kan vara "
        "gjord för att fylla minnet) och den läses inte: kontrollera att det är rätt fil."
    ]


def test_every_part_past_the_limits_is_named_at_once(sheets, write_workbook, templates):
    """Two such parts: both are named in one run, not one per run."""
    path = write_workbook(sheets)
    for name in ("xl/bomb1.xml", "xl/bomb2.xml"):
        path = add_part(path, name, b"<a>" + b"A" * (8 << 20) + b"</a>")
    found = messages(path, templates)
    assert [m.split(" i arbetsboken")[0] for m in found] == [
        "arbetsbok.xlsx: delen xl/bomb1.xml",
        "arbetsbok.xlsx: delen xl/bomb2.xml",
    ]


def test_shared_strings_over_the_total_limit_are_refused(sheets, write_workbook, templates, monkeypatch):
    """The 200 MB limit, lowered to 2 MB so that the test stays small: shared strings that
    unpack past it are refused from the zip directory, before openpyxl reads them."""
    monkeypatch.setattr(archive, "MAX_UNPACKED", 2 << 20)
    monkeypatch.setattr(archive, "MAX_RATIO", 10**9)
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(200_000))
    path = add_part(write_workbook(sheets), "xl/sharedStrings.xml", b"<sst>" + strings + b"</sst>")
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    assert messages(path, templates) == [
        f"arbetsbok.xlsx: arbetsboken packas upp till {total / 1024 / 1024:.0f} MB, mer än "
        "gränsen 2 MB. En arbetsbok för ett län är normalt mindre än 1 MB: kontrollera att det "
        "är rätt fil, eller spara en kopia med bara de blad som verktyget läser."
    ]


def test_the_stated_limits():
    assert archive.MAX_UNPACKED == 200 * 1024 * 1024
    assert archive.MAX_ROWS == 5000


def test_sheet_with_more_rows_than_a_county_could_have(sheets, write_workbook, templates):
    rows = sheets["Interimsbudget"]
    rows += [[f"Post {i}", None, 1] for i in range(len(rows), 5001)]
    assert len(rows) == 5001
    assert messages(write_workbook(sheets), templates) == [
        "Interimsbudget!A5001: bladet har fler än 5 000 rader, fler än ett län kan behöva; ta "
        "bort raderna under tabellen (även tomma rader med formatering) och försök igen."
    ]


def test_sheet_at_the_row_limit_is_read(sheets, write_workbook, templates):
    rows = sheets["Interimsbudget"]
    rows += [[f"Post {i}", None, 0] for i in range(len(rows), 5000)]
    bok = load(write_workbook(sheets), templates)
    assert len(bok.interimsbudget) == 4999


def with_bad_checksum(path, part: str, old: bytes, new: bytes):
    """The part stored uncompressed, then one of its bytes changed in the file, so that its
    CRC-32 no longer matches (as after a broken copy or download)."""
    with zipfile.ZipFile(path) as source:
        parts = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts:
            target.writestr(name, data, zipfile.ZIP_STORED if name == part else zipfile.ZIP_DEFLATED)
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    return path


@pytest.mark.parametrize(
    ("part", "old", "new"),
    [
        ("xl/workbook.xml", b'name="Parter"', b'name="Partes"'),  # read when the file is opened
        ("xl/worksheets/sheet3.xml", b"<v>22998</v>", b"<v>22999</v>"),  # read with its sheet
    ],
)
def test_damaged_checksum_is_named(sheets, write_workbook, templates, part, old, new):
    path = with_bad_checksum(write_workbook(sheets), part, old, new)
    assert messages(path, templates) == [DAMAGED]


def test_damaged_workbook_through_the_command_line(sheets, write_workbook, templates, tmp_path):
    path = with_bad_checksum(
        write_workbook(sheets), "xl/worksheets/sheet3.xml", b"<v>22998</v>", b"<v>22999</v>"
    )
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--workbook",
            str(path),
            "--templates",
            str(templates),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 2, result.output
    assert DAMAGED in result.output
    assert "Traceback" not in result.output
