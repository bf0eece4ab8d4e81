"""Turn the raw tables into a typed, checked `Arbetsbok`, collecting every problem.

Each sheet becomes a pandas frame in workbook order, with one column per schema key,
an `extra` column (a dict of the sheet's extra columns) and `rad`, the row number,
so that later stages can name the cell of a value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .formatting import plain_procent_exact
from .frames import with_column
from .problems import Problem, UserError
from .read import RawTable, Rejected, Uncalculated, extra_key, read_tables
from .values import EXPECTED, PROSE_LIMIT, Invalid, name_key, parse, same_name, too_long, visible

NO_CACHE_TEXT = (
    "en formel utan beräknat värde ({formula}): öppna arbetsboken i Excel eller "
    "Calc, spara den och försök igen."
)


@dataclass(frozen=True)
class Parametrar:
    """The Parametrar sheet: the value of each parameter in `schema.PARAMETERS`, read as an
    attribute by its key (`p.startdatum`), so that a new parameter is one entry in the schema
    and nothing here. `extra` holds the sheet's other rows by template name, `cells` each
    parameter's cell ("Parametrar!B5"). No parameter may be keyed values, extra or cells."""

    values: dict[str, Any]
    extra: dict[str, object] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, key: str) -> Any:
        values = self.__dict__.get("values", {})  # not there yet while a copy is made
        if key in values:
            return values[key]
        raise AttributeError(f"no parameter {key!r} in schema.PARAMETERS")


@dataclass(frozen=True)
class Arbetsbok:
    parametrar: Parametrar
    forbund: pd.DataFrame
    parter: pd.DataFrame
    medlemsbidrag: pd.DataFrame
    interimsbudget: pd.DataFrame
    beslutssteg: pd.DataFrame
    arenden: pd.DataFrame
    tables: dict[str, RawTable]

    def cell(self, sheet: str, key: str, rad: int) -> str:
        return self.tables[sheet].cell(key, rad)


def load(workbook: Path, templates: Path) -> Arbetsbok:
    """Read and validate; raise UserError with every problem found."""
    arbetsbok = validate(read_tables(workbook), templates)
    problems = check_logos(arbetsbok, workbook.parent)
    if problems:
        raise UserError(problems)
    return arbetsbok


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def file_in(folder: Path, name: str, suffixes: tuple[str, ...]) -> bool:
    """`name` is a plain file name (no path out of `folder`) of a file there, ending in one of
    `suffixes`."""
    plain = Path(name).name == name and name not in (".", "..")
    return plain and name.lower().endswith(suffixes) and (folder / name).is_file()


def check_logos(bok: Arbetsbok, folder: Path) -> list[Problem]:
    """Each Logotyp names a PNG or JPEG file in the workbook's folder (no path out of it)."""
    problems = []
    table = bok.tables["Parter"]
    for row in bok.parter.itertuples():
        name = getattr(row, "logotyp", None)
        if not name:
            continue
        if not file_in(folder, name, LOGO_SUFFIXES):
            problems.append(
                Problem(
                    table.cell("logotyp", row.rad),
                    f"en bildfil (PNG eller JPEG) i arbetsbokens mapp {folder}",
                    name,
                    table.header("logotyp"),
                )
            )
    return problems


def validate(tables: dict[str, RawTable], templates: Path) -> Arbetsbok:
    """The typed workbook; raise UserError with every problem found."""
    problems: list[Problem] = []
    frames = {}
    for spec in schema.SHEETS[1:]:
        table = tables.get(spec.name) or RawTable(spec.name, {}, {})
        frame, found = typed_frame(spec, table)
        frames[spec.name] = frame
        problems += found
    parametrar, read_problems = read_parametrar(tables[schema.PARAMETRAR.name])
    problems += read_problems
    forbund = frames["Förbund"]
    parter = canonical_names(canonical_types(frames["Parter"]), frames["Parter"], forbund)
    problems += unique(tables["Förbund"], forbund, "forbund")
    problems += unique(tables["Parter"], parter, "namn")
    problems += unique(tables["Parter"], parter, "kortnamn")
    problems += unique(tables["Beslutssteg"], frames["Beslutssteg"], "steg")
    failed = {p.where for p in problems}
    problems += check_parter(tables["Parter"], parter, forbund, failed)
    problems += check_members(tables["Förbund"], forbund, parter)
    problems += check_medlemsbidrag(tables["Medlemsbidrag"], frames["Medlemsbidrag"], parter, forbund)
    problems += check_beslutssteg(tables["Beslutssteg"], frames["Beslutssteg"], templates)
    if "Ärenden" in tables:
        problems += check_arenden(tables["Ärenden"], frames["Ärenden"], parter, frames["Beslutssteg"])
    if not read_problems:
        problems += check_parametrar(parametrar, forbund, parter, tables["Förbund"])
    if problems:
        raise UserError(problems)
    spelled = {name_key(n): n for n in forbund["forbund"]}
    kept = spelled[name_key(parametrar.kvarvarande_forbund)]
    return Arbetsbok(
        parametrar=replace(parametrar, values={**parametrar.values, "kvarvarande_forbund": kept}),
        forbund=forbund,
        parter=parter,
        medlemsbidrag=canonical_names(frames["Medlemsbidrag"], parter, forbund),
        interimsbudget=frames["Interimsbudget"],
        beslutssteg=with_default_galler(frames["Beslutssteg"]),
        arenden=canonical_names(frames["Ärenden"], parter, forbund),
        tables=tables,
    )


# --- one sheet at a time -------------------------------------------------------------------


def typed_frame(spec: schema.Sheet, table: RawTable) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    records = []
    for rad, cells in table.rows:
        record: dict[str, object] = {"rad": rad}
        for column in spec.columns:
            if column.key not in table.columns:
                record[column.key] = None
                continue
            letter, header = table.columns[column.key]
            raw = cells.get(letter)
            where = f"{spec.name}!{letter}{rad}"
            value, problem = parse_cell(
                column.kind, raw, where, header, column.required, column.max_length
            )
            if problem:
                problems.append(problem)
            record[column.key] = value
        extra = {}
        for key, (letter, header) in table.extras.items():
            problem = unusable(cells.get(letter), f"{spec.name}!{letter}{rad}", header)
            if problem:
                problems.append(problem)
            extra[key] = extra_value(cells.get(letter))
        record["extra"] = extra
        records.append(record)
    columns = ["rad", *(c.key for c in spec.columns), "extra"]
    return pd.DataFrame(records, columns=columns, dtype=object), problems


def unusable(raw: object, where: str, header: str | None, limit: int = PROSE_LIMIT) -> Problem | None:
    """The problem of a cell that no column can use: a formula never calculated, a value
    `read` rejected (an Excel error, invisible characters...), or text over `limit`."""
    if isinstance(raw, Uncalculated):
        return Problem.note(where, NO_CACHE_TEXT.format(formula=raw), header=header)
    if isinstance(raw, Rejected):
        return Problem(where, raw.expected, raw.value, header)
    expected = too_long(raw, limit)
    if expected:
        return Problem(where, expected, str(raw)[:60] + "…", header)
    return None


def parse_cell(
    kind: str, raw: object, where: str, header: str, required: bool, limit: int = schema.LINE
):
    problem = unusable(raw, where, header, PROSE_LIMIT)
    if problem:
        return None, problem
    try:
        value = parse(kind, raw)
    except Invalid as exc:
        return None, Problem(where, exc.expected, raw, header)
    if value is None and required:
        return None, Problem(where, f"{EXPECTED[kind]} (obligatoriskt)", raw, header)
    expected = too_long(value, limit) if kind == schema.TEXT else None
    if expected:
        return None, Problem(where, expected, value[:60] + "…", header)
    return value, None


def extra_value(raw: object) -> object:
    """An extra column's value as a template sees it."""
    if isinstance(raw, (Uncalculated, Rejected)) or raw is None:
        return ""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return raw


def read_parametrar(table: RawTable) -> tuple[Parametrar, list[Problem]]:
    """The parameters, each from its row or its default, with every problem of the sheet."""
    by_name = {name_key(p.name): p for p in schema.PARAMETERS}
    name_letter, value_letter = table.columns["parameter"][0], table.columns["varde"][0]
    problems: list[Problem] = []
    seen: dict[str, int] = {}  # key -> row
    values = {p.key: default_value(p) for p in schema.PARAMETERS}
    cells: dict[str, str] = {}
    extra: dict[str, object] = {}
    for rad, row in table.rows:
        name, raw = row.get(name_letter), row.get(value_letter)
        name_cell, where = f"{table.sheet}!{name_letter}{rad}", f"{table.sheet}!{value_letter}{rad}"
        unreadable = unusable(name, name_cell, "Parameter")
        parameter = by_name.get(name_key(name))
        if unreadable:
            problems.append(unreadable)
        elif parameter is None:
            problems += filter(None, [unusable(raw, where, str(name))])
            extra[extra_key(str(name))] = extra_value(raw)
        elif parameter.key in seen:
            problems.append(
                Problem.note(
                    name_cell,
                    f"parametern »{parameter.name}« står redan på rad {seen[parameter.key]}; "
                    "ta bort den ena raden.",
                )
            )
        else:
            seen[parameter.key], cells[parameter.key] = rad, where
            values[parameter.key], found = parameter_value(parameter, raw, where)
            problems += found
    problems += missing_parameters(table.sheet, seen)
    return Parametrar(values, extra, cells), problems


def default_value(parameter: schema.Parameter) -> object:
    return parse(parameter.kind, parameter.default) if parameter.default is not None else None


def parameter_value(
    parameter: schema.Parameter, raw: object, where: str
) -> tuple[object, list[Problem]]:
    """A parameter's value (its default when the cell is empty) and its problems."""
    value, problem = parse_cell(
        parameter.kind, raw, where, parameter.name, parameter.required, parameter.max_length
    )
    problems = [problem] if problem else []
    if value is None:
        value = default_value(parameter)
    if parameter.choices and isinstance(value, str):
        value = value.casefold()
        if value not in parameter.choices:
            *first, last = parameter.choices
            problems.append(
                Problem(where, f"något av: {', '.join(first)} eller {last}", raw, parameter.name)
            )
    return value, problems


def missing_parameters(sheet: str, seen: dict[str, int]) -> list[Problem]:
    return [
        Problem.note(
            sheet,
            f"parametern »{p.name}« saknas; lägg till en rad med "
            f"{p.name} i kolumnen Parameter och ett värde i kolumnen Värde.",
        )
        for p in schema.PARAMETERS
        if p.required and p.key not in seen
    ]


# --- rules across rows and sheets --------------------------------------------------------------


def unique(table: RawTable, frame: pd.DataFrame, key: str) -> list[Problem]:
    """Each value once, compared as names are (case, spaces, Unicode form, invisible characters
    aside). The message names both cells and, when they are written differently, shows how."""
    problems = []
    first: dict[object, int] = {}
    letter = table.columns[key][0] if key in table.columns else ""
    raw = {rad: cells.get(letter) for rad, cells in table.rows}
    for rad, value in zip(frame["rad"], frame[key]):
        if value is None:
            continue
        norm = name_key(value)
        if norm not in first:
            first[norm] = rad
            continue
        other = first[norm]
        written = ""
        here, there = str(raw.get(rad)), str(raw.get(other))
        if here != there and (visible(here) != here or visible(there) != there):
            written = f"; skrivet »{visible(there)}« där och »{visible(here)}« här"
        problems.append(
            Problem(
                table.cell(key, rad),
                f"ett unikt värde (samma som {table.cell(key, other)}{written})",
                value,
                table.header(key),
            )
        )
    return problems


def canonical_types(parter: pd.DataFrame) -> pd.DataFrame:
    return with_column(parter, "typ", [t.casefold() if isinstance(t, str) else t for t in parter["typ"]])


def check_parter(
    table: RawTable, parter: pd.DataFrame, forbund: pd.DataFrame, failed: set[str]
) -> list[Problem]:
    """Per-row rules of Parter; a cell already reported as unreadable is not reported again."""
    problems = []
    names = {name_key(n) for n in forbund["forbund"] if n}
    for row in parter.itertuples():
        if row.typ is not None and row.typ not in schema.PARTY_TYPES:
            problems.append(
                Problem(
                    table.cell("typ", row.rad), "kommun, region eller stat", row.typ, table.header("typ")
                )
            )
        if row.typ == "kommun":
            problems += kommun_problems(table, row, failed)
        problems += membership_problems(table, row, names)
    return list(dict.fromkeys(problems))


KOMMUN_NEEDS = {
    "forbund": "kommunens förbund (obligatoriskt för en kommun)",
    "invanare": "antal invånare, ett heltal större än 0 (obligatoriskt för en kommun)",
}


def kommun_problems(table: RawTable, row: Any, failed: set[str]) -> list[Problem]:
    """A kommun's förbund and population, which it must have."""
    problems = [
        Problem(table.cell(key, row.rad), expected, None, table.header(key))
        for key, expected in KOMMUN_NEEDS.items()
        if getattr(row, key) is None and key in table.columns and table.cell(key, row.rad) not in failed
    ]
    if "forbund" not in table.columns:
        problems.append(
            Problem.note(f"{table.sheet}!1", "kolumnen »Förbund« saknas; den krävs för kommuner.")
        )
    return problems


def membership_problems(table: RawTable, row: Any, names: set[str]) -> list[Problem]:
    """A party's förbund is one of the sheet Förbund's, and only a kommun names one."""
    if row.forbund is None:
        return []
    if name_key(row.forbund) not in names:
        expected = "ett förbund från bladet Förbund"
    elif row.typ in ("region", "stat"):
        expected = f"en tom cell: en part av typen {row.typ} är medlem i alla förbund"
    else:
        return []
    return [Problem(table.cell("forbund", row.rad), expected, row.forbund, table.header("forbund"))]


def check_members(table: RawTable, forbund: pd.DataFrame, parter: pd.DataFrame) -> list[Problem]:
    """Every förbund has a member: a kommun of its own, or a region or stat party (members of
    every förbund). Without one, nobody could take a share of its capital (calculations.md 4)."""
    if parter["typ"].isin(["region", "stat"]).any():
        return []
    own = {name_key(f) for t, f in zip(parter["typ"], parter["forbund"]) if t == "kommun" and f}
    return [
        Problem.note(
            table.cell("forbund", rad),
            "förbundet har inga medlemmar: ingen kommun på bladet Parter har det i kolumnen "
            "Förbund, och det finns ingen region eller stat (de är medlemmar i alla förbund). "
            "Skriv förbundet på dess kommuner på bladet Parter, eller ta bort raden.",
            header=table.header("forbund"),
        )
        for rad, name in zip(forbund["rad"], forbund["forbund"])
        if name and name_key(name) not in own
    ]


def check_medlemsbidrag(table, bidrag, parter, forbund) -> list[Problem]:
    problems = []
    party = {name_key(r.namn): r for r in parter.itertuples() if r.namn}
    names = {name_key(n) for n in forbund["forbund"] if n}
    for row in bidrag.itertuples():
        payer = party.get(name_key(row.part)) if row.part else None
        if row.part is not None and payer is None:
            problems.append(unknown_party(table, row))
        if row.forbund is not None and name_key(row.forbund) not in names:
            problems.append(
                Problem(
                    table.cell("forbund", row.rad),
                    "ett förbund från bladet Förbund",
                    row.forbund,
                    table.header("forbund"),
                )
            )
        elif (
            payer is not None
            and payer.typ == "kommun"
            and row.forbund is not None
            and name_key(payer.forbund) in names
            and not same_name(row.forbund, payer.forbund)
        ):
            problems.append(
                Problem(
                    table.cell("forbund", row.rad),
                    f"kommunens eget förbund, {payer.forbund} (en kommun betalar bara till sitt "
                    "eget förbund)",
                    row.forbund,
                    table.header("forbund"),
                )
            )
    return problems


def check_beslutssteg(table, steg, templates: Path) -> list[Problem]:
    problems = []
    for row in steg.itertuples():
        for key in ("mall", "bilagor", "bilagor_per_forbund"):
            names = [row.mall] if key == "mall" else template_names(getattr(row, key, None))
            for name in (str(n) for n in names if n is not None):
                if not file_in(templates, name, (".docx",)):
                    problems.append(
                        Problem(
                            table.cell(key, row.rad),
                            f"namnet på en Word-mall (.docx) i mallmappen {templates}",
                            name,
                            table.header(key),
                        )
                    )
    return problems


def template_names(cell: object) -> list[str]:
    """The template files of a comma-separated cell (Bilagor, Bilagor per förbund)."""
    return [n.strip() for n in str(cell or "").split(",") if n.strip()]


def check_arenden(table, arenden, parter, steg) -> list[Problem]:
    problems = []
    parties = {name_key(n) for n in parter["namn"] if n}
    steps = set(steg["steg"])
    seen: dict[tuple, int] = {}
    for row in arenden.itertuples():
        if row.part is not None and name_key(row.part) not in parties:
            problems.append(unknown_party(table, row))
        if row.steg is not None and row.steg not in steps and None not in steps:
            problems.append(
                Problem(
                    table.cell("steg", row.rad),
                    "ett steg från bladet Beslutssteg",
                    row.steg,
                    table.header("steg"),
                )
            )
        if row.beslut is not None and row.beslut.casefold() not in schema.DECISIONS:
            problems.append(
                Problem(
                    table.cell("beslut", row.rad),
                    "bifall, avslag eller återremiss",
                    row.beslut,
                    table.header("beslut"),
                )
            )
        key = (name_key(row.part) if row.part else None, row.steg)
        if None not in key and key in seen:
            problems.append(
                Problem(
                    table.cell("part", row.rad),
                    f"en rad per part och steg (samma som på rad {seen[key]})",
                    row.part,
                    table.header("part"),
                )
            )
        seen.setdefault(key, row.rad)
    return problems


def check_parametrar(p: Parametrar, forbund, parter, forbund_table) -> list[Problem]:
    problems = []
    names = {name_key(n) for n in forbund["forbund"] if n}
    if name_key(p.kvarvarande_forbund) not in names:
        problems.append(
            Problem(
                p.cells["kvarvarande_forbund"],
                "ett förbund från bladet Förbund",
                p.kvarvarande_forbund,
                "Kvarvarande förbund",
            )
        )
    total = p.andel_stat + p.andel_region + p.andel_kommuner
    if total != 1:
        where = ", ".join(
            p.cells.get(k, "Parametrar") for k in ("andel_stat", "andel_region", "andel_kommuner")
        )
        problems.append(
            Problem(
                where,
                "att Andel stat, Andel region och Andel kommuner blir 100 % tillsammans",
                plain_procent_exact(total),
                "Andel stat + Andel region + Andel kommuner",
            )
        )
    if p.startdatum <= p.bildandedatum:
        problems.append(
            Problem(
                p.cells["startdatum"],
                f"ett datum efter Bildandedatum {p.bildandedatum.isoformat()}",
                p.startdatum.isoformat(),
                "Startdatum",
            )
        )
    if forbund.empty:
        problems.append(Problem.note(forbund_table.sheet, "minst ett förbund behövs."))
    for typ, andel in (("kommun", p.andel_kommuner), ("region", p.andel_region), ("stat", p.andel_stat)):
        if andel > 0 and not (parter["typ"] == typ).any():
            problems.append(
                Problem.note(
                    "Parter",
                    f"ingen part av typen {typ}, men dess andel av medlemsbidragen är större än 0.",
                )
            )
    return problems


def canonical_names(frame: pd.DataFrame, parter, forbund) -> pd.DataFrame:
    """Write party and förbund names as `Parter` and `Förbund` spell them."""
    party = {name_key(n): n for n in parter["namn"]}
    names = {name_key(n): n for n in forbund["forbund"]}
    if "part" in frame:
        frame = with_column(frame, "part", [party.get(name_key(v), v) for v in frame["part"]])
    if "forbund" in frame:
        frame = with_column(
            frame, "forbund", [names.get(name_key(v), v) if v else v for v in frame["forbund"]]
        )
    if "beslut" in frame:
        frame = with_column(
            frame, "beslut", [v.casefold() if isinstance(v, str) else v for v in frame["beslut"]]
        )
    return frame


def default_galler(galler: tuple[str, ...] | None) -> tuple[str, ...]:
    """Empty means kommun; `betalande` alone means every party type that pays."""
    if not galler:
        return ("kommun",)
    if galler == (schema.PAYING,):
        return (*schema.PARTY_TYPES, schema.PAYING)
    return galler


def with_default_galler(steg: pd.DataFrame) -> pd.DataFrame:
    steg = with_column(steg, "galler", [default_galler(g) for g in steg["galler"]])
    return steg.sort_values("steg", kind="stable").reset_index(drop=True)


def unknown_party(table: RawTable, row: Any) -> Problem:
    """A row naming a party that is not on the sheet Parter."""
    return Problem(
        table.cell("part", row.rad), "en part från bladet Parter", row.part, table.header("part")
    )
