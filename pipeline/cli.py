"""`papers`: the officers' command line, a thin layer over `pipeline.build`.

Everything the user reads is Swedish. Exit codes: 0 done; 2 the user must fix
something (the message says where); 1 an unexpected failure (one line, and the
details in a log file; `--debug` shows the traceback).
"""

from __future__ import annotations

import functools
import sys
import tempfile
import traceback
from pathlib import Path

import click

from .click_swedish import SwedishGroup
from .problems import Problem, UserError

WORKBOOK = "data/arbetsbok.xlsx"
TEMPLATES = "templates_docx"
OUT = "out"
CHANGES_SHOWN = 40
PROGRESS_AFTER = 2.0  # seconds of work before a progress bar appears


def report_errors(command):
    """Turn UserError into Swedish lines and exit 2; anything else into exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            click.echo(problem_report(exc), err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except Exception as exc:
            if debug:
                raise
            click.echo(unexpected(exc, traceback.format_exc()), err=True)
            sys.exit(1)

    return wrapper


def unexpected(exc: Exception, details: str) -> str:
    """One Swedish line: what failed, on which file, and where the details are logged (or,
    when the log cannot be written, the error itself)."""
    involved = getattr(exc, "filename", None)
    where = f" ({involved})" if involved else ""
    head = f"Ett oväntat fel inträffade{where}: {exc.__class__.__name__}: {exc}."
    try:
        handle, name = tempfile.mkstemp(prefix="papers-fel-", suffix=".log")
        with open(handle, "w", encoding="utf-8") as log:
            log.write(details)
    except OSError as log_error:
        return (
            f"{head} Detaljerna gick inte att spara i temp-mappen ({log_error.strerror}); "
            f"kör med --debug för att se hela felet."
        )
    return f"{head} Detaljer finns i {name}. Kör med --debug för att se hela felet."


def problem_report(exc: UserError) -> str:
    n = len(exc.problems)
    head = "Ett fel måste rättas:" if n == 1 else f"{n} fel måste rättas:"
    return "\n".join([head, *(f"  - {p.message()}" for p in exc.problems)])


def paths(command):
    command = click.option(
        "--workbook",
        "workbook",
        default=WORKBOOK,
        show_default=True,
        metavar="FIL",
        type=click.Path(path_type=Path),
        help="Arbetsboken.",
    )(command)
    command = click.option(
        "--templates",
        default=TEMPLATES,
        show_default=True,
        metavar="MAPP",
        type=click.Path(path_type=Path),
        help="Mappen med Word-mallar.",
    )(command)
    return command


def out_option(help_text: str):
    return click.option(
        "--out", default=OUT, show_default=True, metavar="MAPP", callback=non_empty_path, help=help_text
    )


def non_empty_path(ctx, param, value: str) -> Path:
    if not value.strip():
        raise click.BadParameter("får inte vara tom; ange en mapp, till exempel out.")
    return Path(value)


def leftover(path: Path) -> bool:
    """What a build stopped before its first manifest leaves: its own hidden files, and folders
    holding nothing else."""
    if path.name.startswith(".papers"):
        return True
    return (
        path.is_dir()
        and not path.is_symlink()
        and all(p.is_dir() or p.name.startswith(".papers") for p in path.rglob("*"))
    )


def plausible_day(ctx, param, value):
    from .values import FIRST_DATE, LAST_DATE  # the workbook's range for dates

    if value is not None and not FIRST_DATE <= value.date() <= LAST_DATE:
        raise click.BadParameter(
            f"{value.date().isoformat()} ligger inte mellan år 1900 och "
            "2100; skriv dagen som ÅÅÅÅ-MM-DD."
        )
    return value


def check_out(out: Path, workbook: Path, templates: Path, force: bool) -> None:
    """`--out` is a folder of its own: not a file, not holding the workbook or the templates,
    and, unless `force`, not a folder of other files that papers did not write."""
    from .output import JOURNAL, check_folder

    check_folder(out)
    target = out.resolve()
    for kept, what in ((workbook, "arbetsboken"), (templates, "mallarna")):
        kept = kept.resolve()
        if target == kept or target in kept.parents:
            raise UserError(
                [
                    Problem.note(
                        str(out),
                        f"mappen innehåller {what} ({kept}); välj en "
                        "egen mapp för handlingarna med --out, till exempel out.",
                    )
                ]
            )
    if force or not out.is_dir() or (out / "manifest.json").exists() or (out / JOURNAL).exists():
        return
    foreign = sorted(p.name for p in out.iterdir() if not leftover(p))
    if foreign:
        raise UserError(
            [
                Problem.note(
                    str(out),
                    "mappen finns redan och har filer som papers inte har "
                    f"skrivit ({', '.join(foreign[:3])}"
                    f"{' …' if len(foreign) > 3 else ''}); välj en ny eller tom "
                    "mapp med --out, eller kör med --force.",
                )
            ]
        )


@click.group(cls=SwedishGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Visa hela felet vid oväntade fel.")
def main(debug: bool) -> None:
    """Förslag till beslut för varje part och beslutssteg, från arbetsboken och Word-mallarna."""


@main.command()
@paths
@out_option("Mappen där handlingarna hamnar.")
@click.option(
    "--step", "steps", type=int, multiple=True, metavar="NUMMER", help="Bara detta steg (kan upprepas)."
)
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="NAMN",
    help="Bara denna part, Part eller Kortnamn (kan upprepas).",
)
@click.option("--force", is_flag=True, help="Skriv över handlingar som har ändrats för hand.")
@click.option(
    "--pdf", is_flag=True, help="Skriv också en PDF/A bredvid varje handling (kräver LibreOffice)."
)
@click.option(
    "--pdf-processer",
    "pdf_processes",
    type=click.IntRange(1, 64),
    default=None,
    help="Så många LibreOffice som gör PDF samtidigt (standard: en per kärna).",
)
@report_errors
def build(
    workbook: Path,
    templates: Path,
    out: Path,
    steps,
    parts,
    force: bool,
    pdf: bool,
    pdf_processes: int | None,
) -> None:
    """Skriv alla handlingar till mappen out/."""
    from .build import build as run_build

    check_out(out, workbook, templates, force)
    result = run_build(
        workbook,
        templates,
        out,
        steps=steps,
        parts=parts,
        force=force,
        pdf=pdf,
        progress=progress_bar,
        pdf_processes=pdf_processes,
    )
    for warning in result.warnings:
        click.echo(f"Varning: {warning}", err=True)
    if result.changes:
        click.echo("Ändrat sedan förra körningen:")
        for line in result.changes[:CHANGES_SHOWN]:
            click.echo(f"  {line}")
        if len(result.changes) > CHANGES_SHOWN:
            click.echo(f"  … och {len(result.changes) - CHANGES_SHOWN} till.")
    o = result.output
    papers = {p.path for p in result.papers}
    written = len(papers.intersection(o.written))
    click.echo(
        f"{len(papers)} handlingar i {out}/ ({result.rendered} skapade, {written} skrivna, "
        f"{len(papers.intersection(o.unchanged))} oförändrade). "
        f"Förteckning: {out / 'manifest.json'}; "
        f"sammanställning: {out / 'sammanstallning.xlsx'}."
    )
    if o.removed:
        shown = ", ".join(o.removed[:5]) + (
            f" och {len(o.removed) - 5} till" if len(o.removed) > 5 else ""
        )
        click.echo(
            f"Borttagna, eftersom de inte längre görs eller inte stämmer med handlingarna: {shown}."
        )
    if o.kept:
        click.echo(
            "Dessa handlingar har ändrats för hand och skrevs inte över "
            "(kör med --force för att skriva över dem):",
            err=True,
        )
        for path in o.kept:
            click.echo(f"  - {out / path}", err=True)
        sys.exit(2)


def progress_bar(items, label: str = "Skriver handlingar", delay: float = PROGRESS_AFTER):
    """A progress bar on stderr (count and time left) once the work has taken `delay`
    seconds, on a terminal only: nothing in a pipe or a log."""
    if not sys.stderr.isatty():
        return iter(items)
    return _bar(items, label, delay)


def _bar(items, label: str, delay: float):
    import time

    start, done, bar = time.monotonic(), 0, None
    try:
        for item in items:
            yield item
            done += 1
            if bar is None and time.monotonic() - start >= delay:
                bar = click.progressbar(
                    length=len(items), label=label, file=sys.stderr, show_pos=True, show_eta=True
                )
                bar.start = time.time() - (time.monotonic() - start)  # time left from the start
                bar.update(done)
            elif bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.render_finish()


@main.command()
@paths
@click.option(
    "--papers",
    "papers",
    is_flag=True,
    help="Kontrollera också tillgängligheten i varje handling (titel, språk, rubriker, "
    "tabellrubriker, tomma stycken, alternativtext).",
)
@click.option(
    "--layout",
    "layout",
    is_flag=True,
    help="Kontrollera också sidbrytningarna i varje handling, på PDF:en (kräver "
    "LibreOffice): rubriker sist på sidan, delade tabellrader och tabeller, "
    "ensamma rader, text utanför marginalerna, märkningen UTKAST.",
)
@report_errors
def check(workbook: Path, templates: Path, papers: bool, layout: bool) -> None:
    """Kontrollera arbetsboken och mallarna. Skriver inget."""
    from .build import accountability_warnings, prepare, render_all
    from .bundle import check_cover
    from .checks import check_papers, check_templates

    prepared = prepare(workbook, templates)
    problems = check_templates(prepared) + check_cover(prepared)
    files = render_all(prepared, prepared.papers) if not problems and (papers or layout) else []
    if not problems and papers:
        problems = check_papers(files)
    if not problems and layout:
        from .layout import check_layout

        problems = check_layout(prepared, files=files)
    if problems:
        raise UserError(problems)
    for warning in [*prepared.figures.warnings, *accountability_warnings(prepared)]:
        click.echo(f"Varning: {warning}", err=True)
    bok = prepared.bok
    steps = sorted({p.steg["nummer"] for p in prepared.papers})
    click.echo(
        f"Arbetsboken {workbook} är i ordning: {len(bok.parter)} parter, "
        f"{len(bok.forbund)} förbund, {len(bok.beslutssteg)} beslutssteg. "
        f"En körning av `papers build` skriver {len(prepared.papers)} handlingar"
        + (f" (steg {', '.join(map(str, steps))})." if steps else ".")
        + (" Alla handlingar klarar tillgänglighetskontrollen." if papers else "")
        + (" Sidbrytningarna håller i alla handlingar." if layout else "")
    )


@main.command()
@paths
@report_errors
def budget(workbook: Path, templates: Path) -> None:
    """Visa de beräknade tabellerna: medlemsbidrag, interimsbudget, kapitalöverföring."""
    from .build import prepare
    from .summary import as_text, tables

    prepared = prepare(workbook, templates)
    click.echo("\n\n".join(as_text(t) for t in tables(prepared.bok, prepared.figures)))
    for warning in prepared.figures.warnings:
        click.echo(f"Varning: {warning}", err=True)


@main.command()
@paths
@report_errors
def variables(workbook: Path, templates: Path) -> None:
    """Visa alla variabler och filter som en mall kan använda, med exempelvärden."""
    from .build import prepare
    from .variables import describe

    click.echo(describe(prepare(workbook, templates)))


@main.command()
@paths
@click.option(
    "--datum",
    "today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATUM",
    callback=plausible_day,
    help="Dagen att jämföra sista svarsdag med (ÅÅÅÅ-MM-DD); standard: i dag.",
)
@click.option(
    "--xlsx",
    "xlsx",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FIL",
    help="Skriv också tabellen till en Excel-fil, med försenade celler markerade.",
)
@click.option("--force", is_flag=True, help="Skriv över en befintlig fil med --xlsx.")
@report_errors
def status(workbook: Path, templates: Path, today, xlsx: Path | None, force: bool) -> None:
    """Visa vilka parter som har beslutat i vilka steg, och vad som saknas (bladet Ärenden)."""
    import datetime as dt

    from .compute import compute
    from .context import payers
    from .output import write_atomic
    from .status import as_text, as_xlsx, check_target
    from .status import status as read_status
    from .validate import load

    day = today.date() if today else dt.date.today()
    if xlsx:
        check_target(xlsx, workbook, force)
    bok = load(workbook, templates)  # the workbook and its figures; no papers are planned
    figures = compute(bok)
    table = read_status(bok, day, payers(figures))
    click.echo(f"Läget den {day.isoformat()}:\n")
    click.echo(as_text(table))
    if xlsx:
        write_atomic(xlsx, as_xlsx(table, day), "")
        click.echo(f"\nTabellen finns också i {xlsx}.")


@main.command()
@paths
@out_option("Mappen med handlingarna (från `papers build`).")
@click.option("--force", is_flag=True, help="Skriv över paket som har ändrats för hand.")
@report_errors
def bundle(workbook: Path, templates: Path, out: Path, force: bool) -> None:
    """Packa en zip per part i out/paket/: handlingarna, PDF:erna och ett följebrev."""
    from .build import prepare
    from .bundle import bundle_files
    from .output import opened, write_output

    prepared = prepare(workbook, templates)
    if not (out / "manifest.json").is_file():
        raise UserError(
            [Problem.note(str(out), "det finns inga handlingar här; kör `papers build` först.")]
        )
    with opened(out, force=force) as manifest:
        files = bundle_files(prepared, out, manifest)
        result = write_output(
            out, files, force=force, complete=False, manifest=manifest, protect=(workbook, templates)
        )
    zips = {f.path for f in files if f.record.get("format") == "zip"}
    issued = [f for f in files if f.record.get("format") == "utfardat"]
    click.echo(
        f"{len(zips)} paket i {out / 'paket'}/ ({len(zips & set(result.written))} skrivna, "
        f"{len(zips & set(result.unchanged))} oförändrade). Diarieförteckning: "
        f"{out / 'paket' / 'diarieforteckning.xlsx'} (och .csv)."
    )
    if issued:
        click.echo(f"{len(issued)} handlingar utfärdade nu; kopior i {out / 'utfardat'}/.")
    if result.kept:
        click.echo("Dessa paket har ändrats för hand och skrevs inte över (kör med --force):", err=True)
        for path in result.kept:
            click.echo(f"  - {out / path}", err=True)
        sys.exit(2)


@main.command()
@click.argument("path", metavar="FIL", type=click.Path(path_type=Path))
@report_errors
def init(path: Path) -> None:
    """Skriv en ny, tom arbetsbok med alla blad, rubriker, listor och instruktioner."""
    from .workbook_file import write_workbook

    if path.exists() or path.is_symlink():
        raise UserError(
            [
                Problem.note(
                    str(path),
                    "filen finns redan och skrivs inte över; välj ett "
                    "annat namn eller ta bort den först.",
                )
            ]
        )
    if path.suffix.lower() != ".xlsx":
        raise UserError([Problem.note(str(path), "namnet ska sluta på .xlsx.")])
    if not path.parent.is_dir():
        raise UserError(
            [
                Problem.note(
                    str(path.parent), "mappen finns inte; skapa den först eller välj en annan plats."
                )
            ]
        )
    from .output import naming

    try:
        with naming(path):
            write_workbook(path)
    except UserError:
        path.unlink(missing_ok=True)  # it did not exist before: nothing half-written stays
        raise
    click.echo(f"Skrev en tom arbetsbok: {path}. Fyll i den och kör `papers check --workbook {path}`.")


if __name__ == "__main__":  # pragma: no cover
    main()
