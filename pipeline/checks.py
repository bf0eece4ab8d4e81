"""`papers check`: every template rendered for each kind of party it can branch on, and the
accessibility rules on every paper; errors name the template and the tag."""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError

from .accessibility import check_paper
from .build import Paper, Prepared
from .output import OutputFile
from .problems import Problem
from .render import Properties, Renderer
from .template_errors import template_problem


def check_templates(prepared: Prepared) -> list[Problem]:
    """Render every template for one party of each kind its text can branch on (type,
    kept or wound-up förbund, a case, earlier decisions); report each template's error."""
    problems: list[Problem] = []
    by_template: dict[Path, dict[tuple, Paper]] = {}
    for paper in prepared.papers:
        by_template.setdefault(paper.template, {}).setdefault(variant(prepared, paper), paper)
    renderer = Renderer()
    for template, papers in by_template.items():
        for paper in papers.values():
            try:
                renderer.render(
                    template, prepared.context(paper), Properties("", "", paper.steg["datum"])
                )
            except TemplateError as exc:
                problems.append(template_problem(template, exc))
                break
    return problems


def variant(prepared: Prepared, paper: Paper) -> tuple:
    context = prepared.context(paper)
    own = context["eget_forbund"]
    return (
        context["part"]["typ"],
        own["ar_kvarvarande"] if own else None,
        bool(context["arende"]["diarienummer"]),
        bool(context["tidigare_beslut"]),
        context["avslag_tidigare"],
        context["part"]["kapitalandel"] is None,
    )


def check_papers(files: list[OutputFile]) -> list[Problem]:
    """The accessibility rules on every rendered paper (`build.render_all`; nothing is
    written)."""
    return [Problem.note(f.path, rule + ".") for f in files for rule in check_paper(f.data)]
