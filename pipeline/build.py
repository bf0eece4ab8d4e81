"""The pipeline, top to bottom: read → validate → compute → contexts → render → write.

`prepare` does the first four stages (what `papers check` and `papers budget` need);
`build` renders and writes, step by step: select the papers, plan what the manifest lets it
reuse (`plan_reuse`), render the rest (`render_new`), finish (`paper_files`, `other_files`,
`pdf_step`) and write (`output.write_output`). The CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import bilagor, handover, incremental
from . import context as ctx
from .compute import Figures, compute
from .filenames import paper_names, step_folder
from .manifest import Manifest
from .output import OutputFile, WriteResult, opened, sha256, write_output
from .pdf import INSTALL_HINT, find_office
from .pdf_batches import convert, quietly
from .problems import Problem, UserError
from .render import Properties
from .render_many import render_papers
from .summary import summary_workbook
from .validate import Arbetsbok, load
from .values import name_key

SUMMARY = "sammanstallning.xlsx"


@dataclass(frozen=True)
class Paper:
    steg: dict
    part: str
    kortnamn: str
    path: str  # relative to out/
    template: Path
    version: int | None = None  # the version (Utfärdad) a build renders it with (handover.py)


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

    def properties(self, paper: Paper) -> Properties:
        """The paper's title, author and date; with its version, also the registrar's
        properties (handover.py), written as it is rendered."""
        registrar = (
            None
            if paper.version is None
            else handover.paper_properties(self.lookup, paper, paper.version)
        )
        title = f"{paper.steg['rubrik']} – {paper.part}"
        return Properties(title, paper.part, paper.steg["datum"], registrar)


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
    problems = selection_problems(papers, steps, asked)
    if problems:
        raise UserError(problems)
    wanted = {name_key(p) for p in asked}
    return [
        p
        for p in papers
        if (not steps or p.steg["nummer"] in steps)
        and (not wanted or wanted & {name_key(p.part), name_key(p.kortnamn)})
    ]


def selection_problems(papers: list[Paper], steps: set[int], asked: list[str]) -> list[Problem]:
    """A problem for each step and each part asked for that gets no paper."""
    problems = [
        Problem("--step", "ett steg från bladet Beslutssteg", s)
        for s in sorted(steps)
        if s not in {p.steg["nummer"] for p in papers}
    ]
    known = {name_key(n) for p in papers for n in (p.part, p.kortnamn)}
    return problems + [
        Problem("--part", "en part (Part eller Kortnamn) som får en handling", name)
        for name in asked
        if name_key(name) not in known
    ]


def render_all(
    prepared: Prepared, papers: list[Paper], progress: Callable[[list], Iterable] = iter
) -> list[OutputFile]:
    """Every paper rendered as a first build writes it, version 1 with the registrar's
    properties (no manifest, no reuse): for checks, so that they check what is handed out."""
    first = [replace(p, version=1) for p in papers]
    data = render_papers(prepared, first, progress)
    return [
        OutputFile(p.path, d, {"steg": p.steg["nummer"], "part": p.part}, paper=True)
        for p, d in zip(first, data)
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
    plan = [b for b in prepared.bilagor if not steps or b.steg in steps]
    with opened(out, force=force) as manifest:  # locked; a stopped build finished first
        reuse = plan_reuse(prepared, papers, out, manifest)
        rendered = render_new(prepared, reuse.todo, manifest, progress)
        files, changes = paper_files(prepared, reuse, rendered, manifest)
        files += other_files(prepared, out, manifest, reuse.common, files, plan)
        pdfs, pdf_problems = pdf_step(files, out, manifest, set(rendered), pdf, pdf_processes, progress)
        result = write_output(
            out,
            files + pdfs,
            force=force,
            complete=not steps and not parts,
            manifest=manifest,
            protect=(workbook, templates),
        )
    if pdf_problems:  # the papers and the other PDFs are written; these are named
        raise UserError(pdf_problems)
    return BuildResult(
        papers,
        result,
        [*prepared.figures.warnings, *refusals(prepared, papers), *bilagor.warnings(prepared.bok, plan)],
        rendered=len(rendered),
        changes=changes,
    )


@dataclass(frozen=True)
class Reuse:
    """Which papers must be rendered: each paper's input digest, and the bytes of those
    whose inputs and file are as the manifest recorded (those are not rendered again)."""

    papers: list[Paper]
    common: str  # the digest of what every paper (and the summary) depends on
    keys: dict[str, str]  # paper path → input digest
    reused: dict[str, bytes]  # paper path → the file as it is

    @property
    def todo(self) -> list[Paper]:
        return [p for p in self.papers if p.path not in self.reused]


def plan_reuse(prepared: Prepared, papers: list[Paper], out: Path, manifest: Manifest) -> Reuse:
    """Each paper's input digest, and the papers that need not be rendered again."""
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
        if (data := manifest.reusable(out, p.path, keys[p.path])) is not None
    }
    return Reuse(papers, common, keys, reused)


def render_new(
    prepared: Prepared, papers: list[Paper], manifest: Manifest, progress: Callable[..., Iterable]
) -> dict[str, bytes]:
    """The papers rendered, with their registrar properties and version (handover.py)."""
    todo = [replace(p, version=handover.rendered_version(manifest, p)) for p in papers]
    data = render_papers(prepared, todo, progress)
    return {p.path: handover.finish_paper(prepared.lookup, p, d, manifest) for p, d in zip(todo, data)}


def paper_files(
    prepared: Prepared, reuse: Reuse, rendered: dict[str, bytes], manifest: Manifest
) -> tuple[list[OutputFile], list[str]]:
    """Every paper as a file for out/ (with its record), and what changed in those
    rendered anew, paper by paper."""
    files, changes = [], []
    for paper in reuse.papers:
        figures = incremental.key_figures(prepared.lookup, paper)
        on_disk = paper.path in reuse.reused
        data = reuse.reused[paper.path] if on_disk else rendered[paper.path]
        record = {
            "steg": paper.steg["nummer"],
            "part": paper.part,
            "indata": reuse.keys[paper.path],
            "siffror": figures,
        }
        files.append(OutputFile(paper.path, data, record, paper=True, on_disk=on_disk))
        if not on_disk:
            changes += change_report(manifest, paper, data, figures)
    return files, changes


def change_report(manifest: Manifest, paper: Paper, data: bytes, figures: dict) -> list[str]:
    """What changed in a paper rendered anew (nothing on the first build: nothing to
    compare with)."""
    previous = manifest.paper(paper.path)
    if not manifest.papers or (previous is not None and previous["sha256"] == sha256(data)):
        return []
    return incremental.change_lines(paper, previous, figures)


def other_files(
    prepared: Prepared,
    out: Path,
    manifest: Manifest,
    common: str,
    papers: list[OutputFile],
    plan: list[bilagor.Bilaga],
) -> list[OutputFile]:
    """What the build writes beside the papers: <paper>_andringar.docx for each changed
    paper that was issued (handover.py), the summary, and the bilagor of `plan`."""
    rendered = [f for f in papers if not f.on_disk]
    return [
        *handover.changes_files(manifest, out, rendered),
        summary_file(prepared, out, common, manifest),
        *bilagor.bilaga_files(plan),
    ]


def summary_file(prepared: Prepared, out: Path, common: str, manifest: Manifest) -> OutputFile:
    """out/sammanstallning.xlsx, made again only when the figures may have changed."""
    data = manifest.reusable(out, SUMMARY, common)
    if data is not None:
        return OutputFile(SUMMARY, data, {"indata": common}, on_disk=True)
    return OutputFile(SUMMARY, summary_workbook(prepared.bok, prepared.figures), {"indata": common})


def pdf_step(
    files: list[OutputFile],
    out: Path,
    manifest: Manifest,
    rendered: set[str],
    pdf: bool,
    processes: int | None,
    progress: Callable[..., Iterable],
) -> tuple[list[OutputFile], list[Problem]]:
    """The PDFs to write, and a problem for each one that could not be made: without
    `pdf` those of unchanged papers as they are; with it, every paper's (none when
    LibreOffice is not installed)."""
    if not pdf:
        return current_pdfs(files, out, manifest, rendered), []
    if find_office() is None:
        return [], [Problem.note("--pdf", INSTALL_HINT)]
    return pdf_files(files, out, rendered, processes, progress)


def current_pdfs(
    files: list[OutputFile], out: Path, manifest: Manifest, rendered: set[str]
) -> list[OutputFile]:
    """The PDFs of papers that did not change: a build without --pdf keeps them (the PDFs of
    papers rendered anew no longer match and go)."""
    kept = []
    for f in files:
        entry = manifest.pdf_beside(f.path) if f.paper and f.path not in rendered else None
        data = manifest.reusable(out, entry["fil"]) if entry else None
        if entry and data is not None:
            record = {k: entry[k] for k in ("steg", "part", "format")}
            kept.append(OutputFile(entry["fil"], data, record, on_disk=True))
    return kept


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
    todo = needing_pdf(papers, out, rendered)
    converted = convert(todo, processes, progress)
    made = {
        path: handover.finish_pdf(data, todo[path])  # registrar metadata (handover.py)
        for path, data in converted.pdfs.items()
    }
    kept = [f for f in papers if f.path not in converted.failed]
    return [pdf_file(f, made.get(f.path) or (out / pdf_name(f.path)).read_bytes()) for f in kept], (
        converted.problems()
    )


def needing_pdf(papers: list[OutputFile], out: Path, rendered: set[str]) -> dict[str, bytes]:
    """The papers LibreOffice converts: those rendered now, and those without a PDF."""
    return {
        f.path: f.data for f in papers if f.path in rendered or not (out / pdf_name(f.path)).is_file()
    }


def pdf_name(docx: str) -> str:
    """The PDF's path beside its paper."""
    return docx[: -len(".docx")] + ".pdf"


def pdf_file(paper: OutputFile, data: bytes) -> OutputFile:
    record = {"steg": paper.record["steg"], "part": paper.record["part"], "format": "pdf"}
    return OutputFile(pdf_name(paper.path), data, record)


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
    for row in prepared.bok.parter.to_dict("records"):
        if row["namn"] not in getting:
            continue
        name, rad = row["namn"], int(row["rad"])
        if not row["handlaggare"]:
            warnings.append(
                f"{name} får handlingar men har ingen handläggare "
                f"({where(table, 'handlaggare', rad)}); ingen står som "
                "ansvarig för dem."
            )
        if not row["kommunchef"] and not row["kanslichef"]:
            warnings.append(
                f"{name} får handlingar men ingen undertecknar dem "
                f"({where(table, 'kommunchef', rad)} och "
                f"{where(table, 'kanslichef', rad)} är tomma)."
            )
    return warnings


def where(table, key: str, rad: int) -> str:
    """The cell, or the sheet and row when the column is left out of the workbook."""
    return table.cell(key, rad) if key in table.columns else f"{table.sheet} rad {rad}"
