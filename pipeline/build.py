"""The pipeline, top to bottom: read → validate → compute → contexts → render → write.

`prepare` does the first four stages (what `papers check` and `papers budget` need);
`build` renders and writes. The CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import bilagor, handover, incremental
from . import context as ctx
from .compute import Figures, compute
from .filenames import paper_names, step_folder
from .output import OutputFile, WriteResult, opened, sha256, write_output
from .pdf import INSTALL_HINT, find_office
from .pdf_batches import convert, quietly
from .problems import Problem, UserError
from .read import normalize_header
from .render_many import render_papers
from .summary import summary_workbook
from .validate import Arbetsbok, load

SUMMARY = "sammanstallning.xlsx"


@dataclass(frozen=True)
class Paper:
    steg: dict
    part: str
    kortnamn: str
    path: str  # relative to out/
    template: Path


@dataclass(frozen=True)
class Prepared:
    bok: Arbetsbok
    figures: Figures
    lookup: ctx.Lookup
    papers: list[Paper]
    templates: Path
    bilagor: list[bilagor.Bilaga] = field(default_factory=list)  # every step's bilagor

    @property
    def shared(self) -> dict:
        return self.lookup.shared

    def context(self, paper: Paper) -> dict:
        own = bilagor.bilagor_for_party(self.bilagor, paper.steg["nummer"], paper.part, self.lookup)
        return ctx.paper_context(self.lookup, paper.steg, paper.part, own)


@dataclass
class BuildResult:
    papers: list[Paper]
    output: WriteResult
    warnings: list[str] = field(default_factory=list)
    rendered: int = 0  # papers rendered this time (the others were unchanged)
    changes: list[str] = field(default_factory=list)  # what changed, paper by paper


def prepare(workbook: Path, templates: Path) -> Prepared:
    """Read, validate and compute; raise UserError with every problem found."""
    bok = load(workbook, templates)
    figures = compute(bok)
    prepared = Prepared(
        bok,
        figures,
        ctx.lookup(bok, figures, workbook.parent),
        plan_papers(bok, templates, ctx.payers(figures)),
        templates,
    )
    return replace(prepared, bilagor=bilagor.plan_bilagor(prepared))


def plan_papers(bok: Arbetsbok, templates: Path, payers: set[str]) -> list[Paper]:
    """Every paper of every step, with its file name (unique within the step)."""
    kortnamn = dict(zip(bok.parter["namn"], bok.parter["kortnamn"]))
    papers = []
    for steg in ctx.steps(bok):
        parts = ctx.parties_for_step(bok, steg, payers)
        folder = step_folder(steg["nummer"], steg["rubrik"])
        names = paper_names(steg["nummer"], [kortnamn[p] for p in parts])
        papers += [
            Paper(steg, p, kortnamn[p], f"{folder}/{name}", templates / steg["mall"])
            for p, name in zip(parts, names)
        ]
    return papers


def select(papers: list[Paper], steps: Iterable[int] = (), parts: Iterable[str] = ()) -> list[Paper]:
    """The papers for `--step` and `--part` (a part matches Part or Kortnamn)."""
    steps, asked = set(steps), list(parts)
    parts = [normalize_header(p) for p in asked]
    problems = [
        Problem("--step", "ett steg från bladet Beslutssteg", s)
        for s in sorted(steps)
        if s not in {p.steg["nummer"] for p in papers}
    ]
    known = {normalize_header(n) for p in papers for n in (p.part, p.kortnamn)}
    problems += [
        Problem("--part", "en part (Part eller Kortnamn) som får en handling", name)
        for name, norm in zip(asked, parts)
        if norm not in known
    ]
    if problems:
        raise UserError(problems)
    return [
        p
        for p in papers
        if (not steps or p.steg["nummer"] in steps)
        and (not parts or normalize_header(p.part) in parts or normalize_header(p.kortnamn) in parts)
    ]


def render_all(
    prepared: Prepared, papers: list[Paper], progress: Callable[[list], Iterable] = iter
) -> list[OutputFile]:
    """Every paper rendered (no manifest, no reuse): for checks."""
    data = render_papers(prepared, papers, progress)
    return [
        OutputFile(p.path, d, {"steg": p.steg["nummer"], "part": p.part}, paper=True)
        for p, d in zip(papers, data)
    ]


def build(
    workbook: Path,
    templates: Path,
    out: Path,
    *,
    steps: Iterable[int] = (),
    parts: Iterable[str] = (),
    force: bool = False,
    pdf: bool = False,
    progress: Callable[..., Iterable] = quietly,
    pdf_processes: int | None = None,
) -> BuildResult:
    """Render the papers (all, or those of `steps` and `parts`) and write them to `out`.

    A paper whose inputs are those the manifest recorded, and whose file is as it was
    written, is not rendered again. With `pdf`, LibreOffice also writes a PDF/A beside
    every paper (`pdf_processes` LibreOffice processes at once, default one per core); when
    it is not installed the .docx files are still written and UserError says how to install
    it. `progress(items, label)` wraps long loops (a progress bar on a terminal)."""
    prepared = prepare(workbook, templates)
    steps, parts = list(steps), list(parts)
    papers = select(prepared.papers, steps, parts)
    with opened(out, force=force) as manifest:  # locked; a stopped build finished first
        old = {e["fil"]: e for e in manifest["papers"]}
        logos = incremental.file_digests(i.path for i in prepared.lookup.logos.values())
        common = incremental.digest(
            incremental.build_digest(prepared.lookup),
            [b.titel for b in prepared.bilagor],  # listed in papers
            sorted(logos.values()),
        )  # a new logo renders again
        template_digests = incremental.file_digests(p.template for p in papers)
        keys = {
            p.path: incremental.paper_digest(prepared.lookup, common, template_digests[p.template], p)
            for p in papers
        }
        reused = {
            p.path: data
            for p in papers
            if (data := unchanged_paper(out, old.get(p.path), keys[p.path])) is not None
        }
        todo = [p for p in papers if p.path not in reused]
        rendered = dict(zip((p.path for p in todo), render_papers(prepared, todo, progress)))
        files, changes = [], []
        for paper in papers:
            figures = incremental.key_figures(prepared.lookup, paper)
            data = reused.get(paper.path, rendered.get(paper.path))
            if paper.path in rendered:  # registrar properties and version (handover.py)
                data = handover.finish_paper(prepared.lookup, paper, data, manifest)
            record = {
                "steg": paper.steg["nummer"],
                "part": paper.part,
                "indata": keys[paper.path],
                "siffror": figures,
            }
            files.append(OutputFile(paper.path, data, record, paper=True, on_disk=paper.path in reused))
            previous = old.get(paper.path)
            changed = previous is None or previous["sha256"] != sha256(data)
            if old and paper.path in rendered and changed:  # the first build has nothing to compare
                changes += incremental.change_lines(paper, previous, figures)
        # <paper>_andringar.docx for each changed paper that was issued (handover.py)
        files += handover.changes_files(manifest, out, [f for f in files if f.path in rendered])
        files.append(summary_file(prepared, out, common, manifest))
        plan = [b for b in prepared.bilagor if not steps or b.steg in steps]
        files += bilagor.bilaga_files(plan)
        missing_office = pdf and find_office() is None
        pdf_problems: list[Problem] = []
        if pdf and not missing_office:
            pdfs, pdf_problems = pdf_files(files, out, set(rendered), pdf_processes, progress)
            files += pdfs
        elif not pdf:
            files += current_pdfs(files, out, manifest, set(rendered))
        result = write_output(
            out,
            files,
            force=force,
            complete=not steps and not parts,
            manifest=manifest,
            protect=(workbook, templates),
        )
    if missing_office:
        raise UserError([Problem("--pdf", INSTALL_HINT, found=False)])
    if pdf_problems:  # the papers and the other PDFs are written; these are named
        raise UserError(pdf_problems)
    return BuildResult(
        papers,
        result,
        [*prepared.figures.warnings, *refusals(prepared, papers), *bilagor.warnings(prepared.bok, plan)],
        rendered=len(todo),
        changes=changes,
    )


def summary_file(prepared: Prepared, out: Path, common: str, manifest: dict) -> OutputFile:
    """out/sammanstallning.xlsx, made again only when the figures may have changed."""
    entry = next((e for e in manifest["filer"] if e["fil"] == SUMMARY), None)
    data = unchanged_paper(out, entry, common)
    if data is not None:
        return OutputFile(SUMMARY, data, {"indata": common}, on_disk=True)
    return OutputFile(SUMMARY, summary_workbook(prepared.bok, prepared.figures), {"indata": common})


def current_pdfs(
    files: list[OutputFile], out: Path, manifest: dict, rendered: set[str]
) -> list[OutputFile]:
    """The PDFs of papers that did not change: a build without --pdf keeps them (the PDFs of
    papers rendered anew no longer match and go)."""
    recorded = {e["fil"]: e for e in manifest["filer"] if e.get("format") == "pdf"}
    kept = []
    for f in files:
        entry = recorded.get(f.path[: -len(".docx")] + ".pdf") if f.paper else None
        if entry is None or f.path in rendered or not (out / entry["fil"]).is_file():
            continue
        data = (out / entry["fil"]).read_bytes()
        if sha256(data) == entry["sha256"]:
            kept.append(
                OutputFile(
                    entry["fil"], data, {k: entry[k] for k in ("steg", "part", "format")}, on_disk=True
                )
            )
    return kept


def unchanged_paper(out: Path, entry: dict | None, key: str) -> bytes | None:
    """The paper's bytes when its inputs and its file are as the manifest recorded."""
    if entry is None or entry.get("indata") != key or not (out / entry["fil"]).is_file():
        return None
    data = (out / entry["fil"]).read_bytes()
    return data if sha256(data) == entry["sha256"] else None


def pdf_files(
    files: list[OutputFile],
    out: Path,
    rendered: set[str],
    processes: int | None = None,
    progress: Callable[..., Iterable] = quietly,
) -> tuple[list[OutputFile], list[Problem]]:
    """A PDF for every paper: those rendered now (or without a PDF) converted by LibreOffice
    in batches, `processes` at once, the others as they are; and a problem for each paper
    that LibreOffice could not convert (it gets no PDF)."""
    papers = [f for f in files if f.paper]
    pdf_path = {f.path: f.path[: -len(".docx")] + ".pdf" for f in papers}
    todo = {
        f.path: f.data for f in papers if f.path in rendered or not (out / pdf_path[f.path]).is_file()
    }
    converted = convert(todo, processes, progress)
    by_path = {
        path: handover.finish_pdf(data, todo[path])  # registrar metadata (handover.py)
        for path, data in converted.pdfs.items()
    }
    return [
        OutputFile(
            pdf_path[f.path],
            by_path[f.path] if f.path in by_path else (out / pdf_path[f.path]).read_bytes(),
            {**{k: f.record[k] for k in ("steg", "part")}, "format": "pdf"},
        )
        for f in papers
        if f.path not in converted.failed
    ], converted.problems()


def refusals(prepared: Prepared, papers: list[Paper]) -> list[str]:
    """A warning for each paper of a party that said no (avslag) in an earlier step."""
    warnings = []
    for paper in papers:
        earlier = ctx.earlier_decisions(prepared.lookup, paper.steg["nummer"], paper.part, "")
        for decision in earlier:
            if decision["beslut"] == "avslag":
                warnings.append(
                    f"{paper.part} avslog i steg {decision['steg']}; handlingen för "
                    f"steg {paper.steg['nummer']} säger det i en anmärkning."
                )
    return warnings


def accountability_warnings(prepared: Prepared) -> list[str]:
    """A party that gets papers but has no handläggare, or nobody to sign them."""
    getting = {p.part for p in prepared.papers}
    table = prepared.bok.tables["Parter"]
    warnings = []
    for row in prepared.bok.parter.itertuples():
        if row.namn not in getting:
            continue
        if not row.handlaggare:
            warnings.append(
                f"{row.namn} får handlingar men har ingen handläggare "
                f"({where(table, 'handlaggare', row.rad)}); ingen står som "
                "ansvarig för dem."
            )
        if not row.kommunchef and not row.kanslichef:
            warnings.append(
                f"{row.namn} får handlingar men ingen undertecknar dem "
                f"({where(table, 'kommunchef', row.rad)} och "
                f"{where(table, 'kanslichef', row.rad)} är tomma)."
            )
    return warnings


def where(table, key: str, rad: int) -> str:
    """The cell, or the sheet and row when the column is left out of the workbook."""
    return table.cell(key, rad) if key in table.columns else f"{table.sheet} rad {rad}"
