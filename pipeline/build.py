"""The pipeline, top to bottom: read → validate → compute → contexts → render → write.

`prepare` does the first four stages (what `papers check` and `papers budget` need);
`build` renders and writes. The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from . import context as ctx
from .accessibility import check_paper
from .compute import Figures, compute
from .filenames import paper_names, step_folder
from .output import OutputFile, WriteResult, write_output
from .pdf import INSTALL_HINT, convert, find_office
from .problems import Problem, UserError
from .read import normalize_header
from .render import error_text, render_paper, template_tags
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
    shared: dict
    papers: list[Paper]
    templates: Path

    def context(self, paper: Paper) -> dict:
        return ctx.paper_context(self.shared, self.bok, self.figures, paper.steg, paper.part)


@dataclass
class BuildResult:
    papers: list[Paper]
    output: WriteResult
    warnings: list[str] = field(default_factory=list)


def prepare(workbook: Path, templates: Path) -> Prepared:
    """Read, validate and compute; raise UserError with every problem found."""
    bok = load(workbook, templates)
    figures, problems = compute(bok)
    if problems:
        raise UserError(problems)
    shared = ctx.shared_context(bok, figures)
    return Prepared(bok, figures, shared, plan_papers(bok, templates), templates)


def plan_papers(bok: Arbetsbok, templates: Path) -> list[Paper]:
    """Every paper of every step, with its file name (unique within the step)."""
    kortnamn = dict(zip(bok.parter["namn"], bok.parter["kortnamn"]))
    papers = []
    for steg in ctx.steps(bok):
        parts = ctx.parties_for_step(bok, steg)
        folder = step_folder(steg["nummer"], steg["rubrik"])
        names = paper_names(steg["nummer"], [kortnamn[p] for p in parts])
        papers += [Paper(steg, p, kortnamn[p], f"{folder}/{name}", templates / steg["mall"])
                   for p, name in zip(parts, names)]
    return papers


def select(papers: list[Paper], steps: Iterable[int] = (), parts: Iterable[str] = ()) -> list[Paper]:
    """The papers for `--step` and `--part` (a part matches Part or Kortnamn)."""
    steps, asked = set(steps), list(parts)
    parts = [normalize_header(p) for p in asked]
    problems = [Problem("--step", "ett steg från bladet Beslutssteg", s) for s in sorted(steps)
                if s not in {p.steg["nummer"] for p in papers}]
    known = {normalize_header(n) for p in papers for n in (p.part, p.kortnamn)}
    problems += [Problem("--part", "en part (Part eller Kortnamn) som får en handling", name)
                 for name, norm in zip(asked, parts) if norm not in known]
    if problems:
        raise UserError(problems)
    return [p for p in papers
            if (not steps or p.steg["nummer"] in steps)
            and (not parts or normalize_header(p.part) in parts
                 or normalize_header(p.kortnamn) in parts)]


def render_all(prepared: Prepared, papers: list[Paper],
               progress: Callable[[list], Iterable] = iter) -> list[OutputFile]:
    files, problems = [], []
    for paper in progress(papers):
        title = f"{paper.steg['rubrik']} – {paper.part}"
        try:
            data = render_paper(paper.template, prepared.context(paper), title, paper.part,
                                paper.steg["datum"])
        except TemplateError as exc:
            problems.append(Problem(paper.steg["mall"], f"{error_text(exc)} (i handlingen för "
                                    f"{paper.part}).", found=False))
            continue
        record = {"steg": paper.steg["nummer"], "part": paper.part}
        files.append(OutputFile(paper.path, data, record, paper=True))
    if problems:
        raise UserError(list(dict.fromkeys(problems)))
    return files


def build(workbook: Path, templates: Path, out: Path, *, steps: Iterable[int] = (),
          parts: Iterable[str] = (), force: bool = False, pdf: bool = False,
          progress: Callable[[list], Iterable] = iter) -> BuildResult:
    """Render the papers (all, or those of `steps` and `parts`) and write them to `out`.

    With `pdf`, LibreOffice also writes a PDF/A beside every paper; when it is not
    installed the .docx files are still written and UserError says how to install it."""
    prepared = prepare(workbook, templates)
    steps, parts = list(steps), list(parts)
    papers = select(prepared.papers, steps, parts)
    files = render_all(prepared, papers, progress)
    files.append(OutputFile(SUMMARY, summary_workbook(prepared.bok, prepared.figures)))
    missing_office = pdf and find_office() is None
    if pdf and not missing_office:
        files += pdf_files(files)
    result = write_output(out, files, force=force, complete=not steps and not parts)
    if missing_office:
        raise UserError([Problem("--pdf", INSTALL_HINT, found=False)])
    return BuildResult(papers, result, [*prepared.figures.warnings, *refusals(prepared, papers)])


def refusals(prepared: Prepared, papers: list[Paper]) -> list[str]:
    """A warning for each paper of a party that said no (avslag) in an earlier step."""
    warnings = []
    for paper in papers:
        for decision in prepared.context(paper)["tidigare_beslut"]:
            if decision["beslut"] == "avslag":
                warnings.append(f"{paper.part} avslog i steg {decision['steg']}; handlingen för "
                                f"steg {paper.steg['nummer']} säger det i en anmärkning.")
    return warnings


def pdf_files(files: list[OutputFile]) -> list[OutputFile]:
    """A PDF for every paper, converted in one LibreOffice run."""
    papers = {f.path.replace("/", "__"): f for f in files if f.paper}
    converted = convert({name: f.data for name, f in papers.items()})
    return [OutputFile(papers[name].path[:-len(".docx")] + ".pdf", data,
                       {**papers[name].record, "format": "pdf"})
            for name, data in sorted(converted.items())]


def check_templates(prepared: Prepared) -> list[Problem]:
    """Render every template for every party of its step; report each distinct error."""
    problems: list[Problem] = []
    by_template: dict[Path, list[Paper]] = {}
    for paper in prepared.papers:
        by_template.setdefault(paper.template, []).append(paper)
    for template, papers in by_template.items():
        for paper in papers:
            try:
                render_paper(template, prepared.context(paper), "", "", paper.steg["datum"])
            except TemplateError as exc:
                problems.append(template_problem(template, exc))
                break
    return problems


def check_papers(prepared: Prepared) -> list[Problem]:
    """The accessibility rules on every paper a build would write (nothing is written)."""
    return [Problem(f.path, rule + ".", found=False)
            for f in render_all(prepared, prepared.papers) for rule in check_paper(f.data)]


def template_problem(template: Path, exc: TemplateError) -> Problem:
    text = error_text(exc)
    tag = culprit_tag(template, exc)
    where = f"mallen {template.name}"
    if tag:
        text += f", i taggen {tag}"
    return Problem(where, text + ".", found=False)


def culprit_tag(template: Path, exc: TemplateError) -> str | None:
    """The tag an error is about: the one naming the missing variable, or the first tag
    that does not parse."""
    try:
        tags = template_tags(template)
    except Exception:  # the template cannot even be opened; the message says enough
        return None
    message = str(getattr(exc, "message", None) or exc)
    for quoted in message.split("'")[1::2]:
        for tag in tags:
            if re.search(rf"(?<!\w){re.escape(quoted)}(?!\w)", tag):
                return tag
    env = Environment()
    for i, tag in enumerate(tags):
        try:
            env.parse("".join(tags[: i + 1]))
        except TemplateSyntaxError as error:
            if "end of template" not in str(error).lower():
                return tag
    return None
