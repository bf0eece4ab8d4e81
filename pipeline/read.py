"""Read the workbook's sheets into plain tables of raw cell values, with cell references.

Nothing is parsed here beyond finding the header row's columns; `validate.py`
turns the raw tables into typed frames. The file is opened read-only and never
written.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from . import archive, schema
from .formatting import plain_grouped
from .problems import Problem, UserError
from .values import cell_problem, decode_escapes, is_empty, name_key, visible


class Uncalculated(str):
    """A formula cell whose result was never calculated; the text is the formula."""


@dataclass(frozen=True)
class Rejected:
    """A cell whose value no column can use (an Excel error, an invisible character...):
    `value` as the message shows it, `expected` what should be there."""

    value: object
    expected: str


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def extra_key(header: str) -> str:
    """The template name of an extra column: "Kontakt (e-post)" -> "kontakt_e_post"."""
    table = str.maketrans("åäöéü", "aaoeu")
    key = re.sub(r"[^a-z0-9]+", "_", name_key(header).translate(table)).strip("_")
    return key or "kolumn"


@dataclass
class RawTable:
    sheet: str
    columns: dict[str, tuple[str, str]]  # schema key -> (column letter, header as written)
    extras: dict[str, tuple[str, str]]  # extra key -> (column letter, header as written)
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)  # (row, letter->value)

    def cell(self, key: str, row: object) -> str:
        """The cell of `key` in row number `row` (an int; pandas hands it over untyped)."""
        return f"{self.sheet}!{self.columns[key][0]}{row}"

    def header(self, key: str) -> str:
        return self.columns[key][1]


def read_tables(path: Path) -> dict[str, RawTable]:
    """Every sheet of the schema that is present, as a RawTable; raise UserError with every
    problem found (a missing sheet or column, a cell no column can use, a damaged file)."""
    with workbook_errors(path):
        tables, problems = _read_tables(path)
    if problems:
        raise UserError(problems)
    return tables


@contextmanager
def workbook_errors(path: Path) -> Iterator[None]:
    """openpyxl's failures while the workbook is opened or read, as the user's error; its
    English warnings reach no officer."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    except DAMAGED as exc:
        raise damaged(path, exc) from None
    except zipfile.BadZipFile as exc:
        if zipfile.is_zipfile(path):  # a zip whose part does not unpack, not another file
            raise damaged(path, exc) from None
        raise not_a_workbook(path) from None


def open_workbook(path: Path, data_only: bool = True) -> Any:
    """The workbook read-only: its cached values, or (data_only=False) its formulas. Its size
    is checked from the zip directory first. Called inside `workbook_errors`."""
    if not path.exists():
        raise UserError([Problem.note(str(path), "arbetsboken finns inte.")])
    archive.check_size(path)
    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except (InvalidFileException, KeyError, OSError, ValueError):
        raise not_a_workbook(path) from None


def not_a_workbook(path: Path) -> UserError:
    return UserError(
        [
            Problem.note(
                str(path),
                "filen går inte att läsa som en Excel-arbetsbok (.xlsx). Spara den som "
                "Excel-arbetsbok och försök igen.",
            )
        ]
    )


# A part that does not unpack (a damaged checksum) or whose XML does not parse.
DAMAGED = (zlib.error, EOFError, ParseError, etree.XMLSyntaxError)


def damaged(path: Path, exc: Exception) -> UserError:
    """The user's error for a damaged file, naming the cells when the text is to blame."""
    if isinstance(exc, (ParseError, etree.XMLSyntaxError)):
        try:
            problems = archive.text_problems(path)
        except Exception:  # the diagnosis is a courtesy; the file is damaged either way
            problems = []
        if problems:
            return UserError(problems)
        return archive.damaged(path, "en del av filen är inte giltig XML")
    return archive.damaged(path, "en del av filen går inte att packa upp: kontrollsumman stämmer inte")


def _read_tables(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    values = open_workbook(path)
    formulas = None  # the second view, opened only when a sheet has formulas
    problems: list[Problem] = duplicate_sheets(path, values.worksheets)
    tables: dict[str, RawTable] = {}
    by_name = {name_key(n): n for n in values.sheetnames}
    if problems:
        values.close()
        return tables, problems
    for spec in schema.SHEETS:
        actual = by_name.get(name_key(spec.name))
        if actual is None:
            if not spec.optional:
                problems.append(
                    Problem.note(str(path.name), f"bladet »{spec.name}« saknas i arbetsboken.")
                )
            continue
        try:
            formula_rows: list[tuple] = []
            if has_formulas(values[actual]):
                formulas = formulas or open_workbook(path, data_only=False)
                formulas[actual].reset_dimensions()
                formula_rows = list(
                    islice(formulas[actual].iter_rows(values_only=True), archive.MAX_ROWS + 1)
                )
            table, found = read_table(spec, values[actual], formula_rows)
        except (ValueError, OverflowError):  # a number openpyxl cannot read (NaN, INF)
            table, found = None, archive.number_problems(path, actual)
            if not found:
                raise
        problems += found
        if table is not None:
            tables[spec.name] = table
    values.close()
    if formulas is not None:
        formulas.close()
    return tables, problems


def duplicate_sheets(path: Path, worksheets) -> list[Problem]:
    """Sheets whose names differ only in case, spaces, Unicode form or invisible characters:
    which one the tool read would be chance (a hidden "Medlemsbidrag " would win)."""
    groups: dict[str, list] = {}
    for ws in worksheets:
        groups.setdefault(name_key(ws.title), []).append(ws)
    problems = []
    for same in groups.values():
        if len(same) < 2:
            continue
        names = [
            f"»{visible(ws.title)}«" + (" (dolt)" if ws.sheet_state != "visible" else "") for ws in same
        ]
        problems.append(
            Problem.note(
                path.name,
                f"bladen {', '.join(names[:-1])} och {names[-1]} har samma namn när stora och små "
                "bokstäver, mellanslag och osynliga tecken inte räknas, så det går inte att veta "
                "vilket som gäller. Ta bort eller byt namn på alla utom ett (dolda blad visas i "
                "Excel med Format > Dölj och ta fram > Ta fram blad).",
            )
        )
    return problems


def has_formulas(ws) -> bool:
    """Whether the sheet's XML holds any formula (most workbooks have none)."""
    # openpyxl keeps the sheet's path in the archive on its read-only worksheet
    with ws.parent._archive.open(ws._worksheet_path) as xml:
        return re.search(rb"<(?:\w+:)?f[ >/]", xml.read()) is not None


def read_table(
    spec: schema.Sheet, ws_values, formula_rows: list[tuple]
) -> tuple[RawTable | None, list[Problem]]:
    ws_values.reset_dimensions()
    rows = list(islice(ws_values.iter_rows(values_only=True), archive.MAX_ROWS + 1))
    if len(rows) > archive.MAX_ROWS:
        limit = plain_grouped(archive.MAX_ROWS)
        return None, [
            Problem.note(
                f"{spec.name}!A{archive.MAX_ROWS + 1}",
                f"bladet har fler än {limit} rader, fler än ett län kan behöva; ta bort raderna "
                "under tabellen (även tomma rader med formatering) och försök igen.",
            )
        ]
    header_row = rows[0] if rows else ()
    columns, extras, problems = match_headers(spec, header_row)
    if problems:
        return None, problems
    table = RawTable(spec.name, columns, extras)
    used = {letter for letter, _ in [*columns.values(), *extras.values()]}
    calculated = None  # formula cells with a calculated value, read from the XML when needed
    for index, row in enumerate(rows[1:], start=2):
        cells: dict[str, object] = {}
        for col, value in enumerate(row, start=1):
            letter = get_column_letter(col)
            if letter not in used:
                continue
            if value is None and _is_formula(formula_rows, index, col):
                calculated = calculated if calculated is not None else calculated_cells(ws_values)
                value = (
                    ""
                    if f"{letter}{index}" in calculated
                    else Uncalculated(_formula_text(formula_rows[index - 1][col - 1]))
                )
            cells[letter] = checked(value)
        if any(not is_empty(cells.get(letter)) for letter, _ in columns.values()):
            table.rows.append((index, cells))
    return table, []


def calculated_cells(ws) -> set[str]:
    """Formula cells whose calculated value is the empty text (`t="str"`, `<v></v>`), which
    openpyxl reads as None, like a formula that was never calculated."""
    found = set()
    # openpyxl keeps the sheet's path in the archive on its read-only worksheet
    with ws.parent._archive.open(ws._worksheet_path) as xml:
        for _, cell in etree.iterparse(xml, tag=f"{{{MAIN}}}c"):
            if cell.get("t") == "str" and cell.find(f"{{{MAIN}}}v") is not None:
                found.add(cell.get("r"))
            cell.clear()
    return found


def checked(value: object) -> object:
    """The cell's value with Excel's `_xHHHH_` escapes decoded, or Rejected when no column
    can use it."""
    if value is None or type(value) is int:  # most cells of a sheet: nothing to check
        return value
    if isinstance(value, str) and not isinstance(value, Uncalculated):
        value = decode_escapes(value)
    if isinstance(value, Uncalculated):
        return value
    expected = cell_problem(value)
    if expected is None:
        return value
    return Rejected(visible(value) if isinstance(value, str) else value, expected)


def _is_formula(formula_rows: list[tuple], row: int, col: int) -> bool:
    try:
        value = formula_rows[row - 1][col - 1]
    except IndexError:
        return False
    if hasattr(value, "text"):  # an array formula (ArrayFormula, DataTableFormula)
        return True
    return isinstance(value, str) and value.startswith("=")


def _formula_text(value: object) -> str:
    """An array formula as Excel shows it, {=SUMMA(...)}; a plain formula as written."""
    if hasattr(value, "text"):
        return "{" + str(value.text or "") + "}"
    return str(value)


def match_headers(spec: schema.Sheet, header_row: tuple):
    wanted = {name_key(c.header): c for c in spec.columns}
    columns: dict[str, tuple[str, str]] = {}
    extras: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    for col, header in enumerate(header_row, start=1):
        if header is None or not str(header).strip():
            continue
        letter = get_column_letter(col)
        rejected = checked(header)
        if isinstance(rejected, Rejected):
            problems.append(
                Problem(f"{spec.name}!{letter}1", rejected.expected, rejected.value, "rubrik")
            )
            continue
        column = wanted.get(name_key(header))
        if column is None:
            key = extra_key(str(header))
            if key in extras:
                key = f"{key}_{letter.lower()}"
            extras[key] = (letter, str(header).strip())
        elif column.key in columns:
            problems.append(
                Problem.note(
                    f"{spec.name}!{letter}1",
                    f"rubriken »{header}« finns redan i kolumn {columns[column.key][0]}; "
                    "ta bort eller byt namn på den ena.",
                )
            )
        else:
            columns[column.key] = (letter, str(header).strip())
    for column in spec.columns:
        if column.required and column.key not in columns:
            problems.append(
                Problem.note(f"{spec.name}!1", f"kolumnen »{column.header}« saknas i rubrikraden.")
            )
    return columns, extras, problems
