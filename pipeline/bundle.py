"""`papers bundle`: what an officer hands to each kansliavdelning.

One zip per party under out/paket/: the party's papers as the last build wrote them
(and their PDFs when built), found through the manifest, and a följebrev rendered from
the template `foljebrev.docx` that lists the papers, the answer date of each step and
whom to contact.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError

from . import context as ctx
from .build import Prepared
from .checks import template_problem
from .filenames import slug
from .output import OutputFile, read_manifest
from .problems import Problem, UserError
from .render import render_paper
from .reproducible import zip_bytes

COVER_TEMPLATE = "foljebrev.docx"
COVER_NAME = "Foljebrev.docx"
FOLDER = "paket"


def bundle_files(prepared: Prepared, out: Path, manifest: dict | None = None) -> list[OutputFile]:
    """The zips, one per party that has papers in `out` (raises UserError if there are none).
    `manifest`: out's manifest as the caller read it (under the lock)."""
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        raise UserError([Problem(str(template), "mallen för följebrevet saknas.", found=False)])
    manifest = manifest if manifest is not None else read_manifest(out)
    if not manifest["papers"]:
        raise UserError([Problem(str(out), "det finns inga handlingar här; kör "
                                 "`papers build` först.", found=False)])
    steps = {s["nummer"]: s for s in ctx.steps(prepared.bok)}
    pdfs = {(e["steg"], e["part"]): e["fil"] for e in manifest["filer"]
            if e.get("format") == "pdf"}
    by_party: dict[str, list[dict]] = {}
    for entry in manifest["papers"]:
        if entry["steg"] in steps and entry["part"] in set(prepared.bok.parter["namn"]):
            by_party.setdefault(entry["part"], []).append(entry)
    names = zip_names(list(prepared.bok.parter["namn"]), list(prepared.bok.parter["kortnamn"]))
    files = []
    for part, entries in by_party.items():
        entries.sort(key=lambda e: e["steg"])
        members = [(e["fil"], out / e["fil"]) for e in entries]
        members += [(pdfs[(e["steg"], part)], out / pdfs[(e["steg"], part)]) for e in entries
                    if (e["steg"], part) in pdfs and (out / pdfs[(e["steg"], part)]).exists()]
        missing = [str(path) for _, path in members if not path.exists()]
        if missing:
            raise UserError([Problem(p, "handlingen finns i förteckningen men inte på disken; "
                                     "kör `papers build` igen.", found=False) for p in missing])
        date = max(steps[e["steg"]]["datum"] for e in entries)
        cover = render_paper(template, cover_context(prepared, part, entries, steps, date),
                             f"Följebrev – {part}", part, date)
        data = zip_bytes([(COVER_NAME, cover)] + [(name, path.read_bytes())
                                                  for name, path in members], date)
        files.append(OutputFile(f"{FOLDER}/{names[part]}", data,
                                {"part": part, "format": "zip"}))
    return files


def zip_names(parts: list[str], kortnamn: list[str]) -> dict[str, str]:
    """A zip name per party, unique even on a case-insensitive file system: "Köping" and
    "Köping!" give Koping.zip and Koping-2.zip, in the order of the Parter sheet."""
    bases = [slug(k) for k in kortnamn]
    wanted, taken, names = {b.lower() for b in bases}, set(), {}
    for part, base in zip(parts, bases):
        candidate, n = base, 1
        while candidate.lower() in taken or (n > 1 and candidate.lower() in wanted):
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate.lower())
        names[part] = f"{candidate}.zip"
    return names


def check_cover(prepared: Prepared) -> list[Problem]:
    """Render the följebrev once for every party with papers (as `papers check` does for the
    step templates), reporting the first error."""
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        return []
    steps = {s["nummer"]: s for s in ctx.steps(prepared.bok)}
    by_party: dict[str, list[dict]] = {}
    for paper in prepared.papers:
        by_party.setdefault(paper.part, []).append({"steg": paper.steg["nummer"],
                                                    "fil": paper.path})
    kinds = {}  # one party of each type is enough: the letter branches on nothing else
    for part in by_party:
        kinds.setdefault(prepared.lookup.parter[part]["typ"], part)
    for part in kinds.values():
        entries = by_party[part]
        date = max(steps[e["steg"]]["datum"] for e in entries)
        try:
            render_paper(template, cover_context(prepared, part, entries, steps, date), "", "",
                         date)
        except TemplateError as exc:
            return [template_problem(template, exc)]
    return []


def cover_context(prepared: Prepared, part: str, entries: list[dict], steps: dict,
                  date) -> dict:
    lk = prepared.lookup
    return {
        **lk.shared,
        "part": ctx.party_context(lk.parter[part], lk.figures[part]),
        "datum": date,
        "handlingar": [{"steg": e["steg"], "rubrik": steps[e["steg"]]["rubrik"],
                        "fil": Path(e["fil"]).name,
                        "sista_svarsdag": steps[e["steg"]]["sista_svarsdag"]}
                       for e in entries],
    }
