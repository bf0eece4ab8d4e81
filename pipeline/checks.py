"""`papers check`: every template rendered for each kind of party it can branch on, and the
accessibility rules on every paper; errors name the template and the tag."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from .accessibility import check_paper
from .build import Paper, Prepared, render_all
from .problems import Problem
from .render import error_text, render_paper, template_tags


def check_templates(prepared: Prepared) -> list[Problem]:
    """Render every template for one party of each kind its text can branch on (type,
    kept or wound-up förbund, a case, earlier decisions); report each template's error."""
    problems: list[Problem] = []
    by_template: dict[Path, dict[tuple, Paper]] = {}
    for paper in prepared.papers:
        by_template.setdefault(paper.template, {}).setdefault(variant(prepared, paper), paper)
    for template, papers in by_template.items():
        for paper in papers.values():
            try:
                render_paper(template, prepared.context(paper), "", "", paper.steg["datum"])
            except TemplateError as exc:
                problems.append(template_problem(template, exc))
                break
    return problems


def variant(prepared: Prepared, paper: Paper) -> tuple:
    context = prepared.context(paper)
    own = context["eget_forbund"]
    return (context["part"]["typ"], own["ar_kvarvarande"] if own else None,
            bool(context["arende"]["diarienummer"]), bool(context["tidigare_beslut"]),
            context["avslag_tidigare"], context["part"]["kapitalandel"] is None)


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
