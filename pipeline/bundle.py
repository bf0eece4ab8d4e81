"""`papers bundle`: what an officer hands to each kansliavdelning.

One zip per party under out/paket/: the party's papers as the last build wrote them
(and their PDFs when built), found through the manifest, and a följebrev rendered from
the template `foljebrev.docx` that lists the papers, the answer date of each step and
whom to contact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import TemplateError

from . import context as ctx
from . import handover
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


def bundle_files(prepared: Prepared, out: Path, today: dt.date | None = None) -> list[OutputFile]:
    """The zips, one per party that has papers in `out` (raises UserError if there are none),
    each with its register; the register of all parties; the copies of the papers issued."""
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        raise UserError([Problem(str(template), "mallen för följebrevet saknas.", found=False)])
    manifest = read_manifest(out)
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
    kortnamn = dict(zip(prepared.bok.parter["namn"], prepared.bok.parter["kortnamn"]))
    files, all_rows = [], []  # handover hook (issue 13): all_rows, the register of all parties
    sender = prepared.lookup.shared["kvarvarande_forbund"]["namn"]
    for part, entries in by_party.items():
        entries.sort(key=lambda e: e["steg"])
        members = [(e["fil"], out / e["fil"]) for e in entries]
        members += [(pdfs[(e["steg"], part)], out / pdfs[(e["steg"], part)]) for e in entries
                    if (e["steg"], part) in pdfs and (out / pdfs[(e["steg"], part)]).exists()]
        members += handover.changes_members(manifest, out, entries)  # handover hook (issue 13)
        missing = [str(path) for _, path in members if not path.exists()]
        if missing:
            raise UserError([Problem(p, "handlingen finns i förteckningen men inte på disken; "
                                     "kör `papers build` igen.", found=False) for p in missing])
        date = max(steps[e["steg"]]["datum"] for e in entries)
        cover = render_paper(template, cover_context(prepared, part, entries, steps, date, manifest),
                             f"Följebrev – {part}", part, date)
        documents = [(COVER_NAME, cover)] + [(name, path.read_bytes()) for name, path in members]
        registers, rows = handover.bundle_register(documents, sender, part, date)  # handover hook
        all_rows += rows
        data = zip_bytes(documents + registers, date)
        files.append(OutputFile(f"{FOLDER}/{slug(kortnamn[part])}.zip", data,
                                {"part": part, "format": "zip"}))
    # handover hook (issue 13): the register of all parties, and the copies issued now
    files += handover.all_parties_register(all_rows, max(s["datum"] for s in steps.values()))
    files += handover.issue_papers(manifest, out, [e for es in by_party.values() for e in es],
                                   kortnamn, today or dt.date.today())
    return files


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
                  date, manifest: dict | None = None) -> dict:
    lk = prepared.lookup
    return {
        **lk.shared,
        "part": ctx.party_context(lk.parter[part], lk.figures[part]),
        "datum": date,
        "handlingar": [{"steg": e["steg"], "rubrik": steps[e["steg"]]["rubrik"],
                        "fil": Path(e["fil"]).name,
                        "sista_svarsdag": steps[e["steg"]]["sista_svarsdag"],
                        # handover hook (issue 13): ersatter_version, andringar
                        **handover.letter_context(manifest, e)}
                       for e in entries],
    }
