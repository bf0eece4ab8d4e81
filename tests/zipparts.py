"""Change the raw XML of a workbook that openpyxl wrote, for what openpyxl will not write itself
(a NaN, a control character) or a file no program would make (a damaged part, a zip bomb)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def replace_in_parts(path: Path, old: bytes, new: bytes) -> Path:
    """Replace `old` by `new` in every part of the workbook; at least one part must hold it."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    assert any(old in data for _, data in parts), old
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info, data.replace(old, new))
    return path


def add_part(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr(name, data)
    return path


def row_of(sheets: dict, sheet: str, first_cell: str) -> int:
    """The Excel row number of the row whose first cell is `first_cell`."""
    return next(i for i, row in enumerate(sheets[sheet], start=1) if row and row[0] == first_cell)


def as_shared_string(path: Path, cell: str, text: bytes) -> Path:
    """Make the inline text cell `cell` (holding MARKERING) a shared string, as Excel writes
    text, with `text` as the second entry of a shared-strings part."""
    replace_in_parts(
        path,
        f'<c r="{cell}" t="inlineStr"><is><t>MARKERING</t></is></c>'.encode(),
        f'<c r="{cell}" t="s"><v>1</v></c>'.encode(),
    )
    replace_in_parts(
        path,
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType='
        b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
        b'+xml"/></Types>',
    )
    replace_in_parts(
        path,
        b"</Relationships>",
        b'<Relationship Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml" Id="rId99"/></Relationships>',
    )
    return add_part(
        path,
        "xl/sharedStrings.xml",
        (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
            b'uniqueCount="2"><si><t>ok</t></si><si><t>' + text + b"</t></si></sst>"
        ),
    )
