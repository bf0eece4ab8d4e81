"""Render many papers through one Renderer a process (each template prepared once), both
cores when there are many papers."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

from jinja2 import TemplateError

from .problems import UserError
from .render import Renderer
from .template_errors import template_problem

PARALLEL_FROM = 120  # below this, starting a second process costs more than it saves
CHUNK = 40


def render_papers(
    prepared, papers: list, progress: Callable[[list], Iterable] = iter, workers: int | None = None
) -> list[bytes]:
    """The bytes of each paper, in the order given; UserError lists every template error."""
    workers = workers or min(2, os.cpu_count() or 1)
    if len(papers) < PARALLEL_FROM or workers < 2 or not can_fork():
        renderer = Renderer()
        results = [render_chunk(prepared, [p], renderer) for p in progress(papers)]
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


def render_chunk(prepared, papers: list, renderer: Renderer | None = None):
    """The bytes of each paper (b"" for one that failed) and the problems, through one
    Renderer (each template prepared once)."""
    renderer = renderer or Renderer()
    data, problems = [], []
    for paper in papers:
        try:
            renderer.prepare(paper.template)
        except TemplateError as exc:  # the template itself: one problem, not one a paper
            data.append(b"")
            problems.append(template_problem(paper.template, exc, paper.steg["mall"]))
            continue
        try:
            data.append(
                renderer.render(paper.template, prepared.context(paper), prepared.properties(paper))
            )
        except TemplateError as exc:
            data.append(b"")
            problems.append(
                template_problem(
                    paper.template, exc, paper.steg["mall"], f"{paper.path} för {paper.part}"
                )
            )
    return data, problems


# A worker process renders with what its parent prepared (inherited through fork) and
# prepares each template once for all the chunks it is given.
_worker: dict = {}


def _start(prepared) -> None:
    _worker["prepared"] = prepared
    _worker["renderer"] = Renderer()


def _render_in_worker(papers: list):
    return render_chunk(_worker["prepared"], papers, _worker["renderer"])
