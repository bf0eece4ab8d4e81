"""Render many papers: each template prepared once (`compiled.py`), both cores when there
are many papers."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

from jinja2 import TemplateError

from .compiled import PreparedTemplate
from .problems import Problem, UserError
from .render import TemplateFault

PARALLEL_FROM = 120  # below this, starting a second process costs more than it saves
CHUNK = 40


def render_papers(
    prepared, papers: list, progress: Callable[[list], Iterable] = iter, workers: int | None = None
) -> list[bytes]:
    """The bytes of each paper, in the order given; UserError lists every template error."""
    workers = workers or min(2, os.cpu_count() or 1)
    if len(papers) < PARALLEL_FROM or workers < 2 or not can_fork():
        templates: dict = {}
        results = [render_chunk(prepared, [p], templates) for p in progress(papers)]
    else:
        chunks = [papers[i : i + CHUNK] for i in range(0, len(papers), CHUNK)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(prepared,)
        ) as pool:
            futures = [pool.submit(_render_in_worker, chunk) for chunk in chunks]
            results = [f.result() for f in progress(futures)]
    data, problems = [], []
    for chunk_data, chunk_problems in results:
        data += chunk_data
        problems += chunk_problems
    if problems:
        raise UserError(list(dict.fromkeys(problems)))
    return data


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def render_chunk(prepared, papers: list, templates: dict | None = None):
    templates = {} if templates is None else templates
    data, problems = [], []
    for paper in papers:
        if paper.template not in templates:
            try:
                templates[paper.template] = PreparedTemplate(paper.template)
            except TemplateError as exc:  # the template itself: one problem, not one a paper
                templates[paper.template] = exc
        template = templates[paper.template]
        if isinstance(template, TemplateError):
            data.append(b"")
            problems.append(paper_problem(paper, template, whole_template=True))
            continue
        try:
            data.append(template.render(prepared.context(paper), prepared.properties(paper)))
        except TemplateError as exc:
            data.append(b"")
            problems.append(paper_problem(paper, exc))
    return data, problems


def paper_problem(paper, exc: TemplateError, whole_template: bool = False) -> Problem:
    """The problem for a paper whose template failed: the template (the Mall cell's value),
    what went wrong, where in the template, and the paper (unless the template itself
    cannot be used)."""
    if not isinstance(exc, TemplateFault):
        exc = TemplateFault(paper.template, str(getattr(exc, "message", None) or exc))
    if whole_template:
        return Problem.note(f"mallen {paper.steg['mall']}", exc.message())
    return Problem.note(
        f"mallen {paper.steg['mall']}",
        f"{exc.message()[:-1]} (i handlingen {paper.path} för {paper.part}).",
    )


# A worker process renders with what its parent prepared (inherited through fork) and
# prepares each template once for all the chunks it is given.
_worker: dict = {}


def _start(prepared) -> None:
    _worker["prepared"] = prepared
    _worker["templates"] = {}


def _render_in_worker(papers: list):
    return render_chunk(_worker["prepared"], papers, _worker["templates"])
