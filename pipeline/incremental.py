"""Incremental builds: a paper whose inputs have not changed is not rendered again.

A paper's inputs are its template, the build-wide context (the same for every paper),
its own part of the context (`context.paper_inputs`) and the pipeline's own code. Their
digest is kept in the manifest with the paper's key figures, so that the next build can
skip the paper, or say which figures moved.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from . import context as ctx
from .formatting import NO_FIGURE, plain_grouped

SOURCES = Path(__file__).parent


def digest(*parts: object) -> str:
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


RENDERING_LIBRARIES = ("docxtpl", "python-docx", "jinja2", "lxml", "openpyxl", "pandas")


def code_digest() -> str:
    """The pipeline's source and the versions of the libraries that read and render: a new
    version of either renders everything again."""
    h = hashlib.sha256()
    for path in sorted(SOURCES.glob("*.py")):
        h.update(path.read_bytes())
    for library in RENDERING_LIBRARIES:
        h.update(f"{library}=={metadata.version(library)}".encode())
    return h.hexdigest()


def file_digests(paths) -> dict[Path, str]:
    return {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in set(paths)}


def build_digest(lookup: ctx.Lookup) -> str:
    """What every paper of the build depends on: the shared context and the party tables."""
    return digest(code_digest(), lookup.shared, lookup.rows)


def paper_digest(lookup: ctx.Lookup, common: str, template: str, paper) -> str:
    return digest(common, template, paper.path, ctx.paper_inputs(lookup, paper.steg, paper.part))


def key_figures(lookup: ctx.Lookup, paper) -> dict[str, int | None]:
    """The figures a change report names, by their Swedish label."""
    part = lookup.figures[paper.part]
    own = next((f for f in lookup.shared["forbund"] if f["namn"] == part["forbund"]), None)
    year = lookup.shared["budgetar"]
    return {
        "medlemsbidrag i dag": part["bidrag_nu"],
        f"medlemsbidrag {year}": part["bidrag_nytt"],
        "andel av förbundets kapital": part["kapitalandel"],
        "förbundets interimsandel": own["interimsandel"] if own else None,
        "förbundet för över": own["overfors"] if own else None,
    }


def change_lines(paper, old: dict | None, figures: dict) -> list[str]:
    """ "Köpings kommun, steg 3: medlemsbidrag 2024 455 425 → 460 000 kr"."""
    where = f"{paper.part}, steg {paper.steg['nummer']}"
    if old is None:
        return [f"{where}: ny handling"]
    before = old.get("siffror", {})
    moved = [
        f"{label} {amount(before.get(label))} → {amount(value)} kr"
        for label, value in figures.items()
        if before.get(label) != value
    ]
    return [f"{where}: {'; '.join(moved)}"] if moved else [f"{where}: ändrad text"]


def amount(value: int | None) -> str:
    return NO_FIGURE if value is None else plain_grouped(value)
