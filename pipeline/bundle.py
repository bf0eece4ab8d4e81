"""`papers bundle`: what an officer hands to each kansliavdelning.

One zip per party under out/paket/, with a folder per step holding the party's paper as
the last build wrote it (and its PDF when built), found through the manifest, the step's
bilagor that concern the party, and the step's covering letter (Foljebrev_steg-N.docx),
rendered from the template `foljebrev.docx`: from the förbund, dated the step's date, with
the paper's title, its bilagor and the answer date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import TemplateError

from . import context as ctx
from . import handover
from .bilagor import cover_context, render_bilagor
from .build import Prepared
from .filenames import slug
from .output import OutputFile, read_manifest
from .problems import Problem, UserError
from .render import Properties, Renderer
from .reproducible import zip_bytes
from .template_errors import template_problem

COVER_TEMPLATE = "foljebrev.docx"
FOLDER = "paket"


def cover_name(steg: int) -> str:
    return f"Foljebrev_steg-{steg}.docx"


def bundle_files(
    prepared: Prepared, out: Path, manifest: dict | None = None, today: dt.date | None = None
) -> list[OutputFile]:
    """The zips, one per party that has papers in `out` (raises UserError if there are none),
    each with its register; the register of all parties; the copies of the papers issued.
    `manifest`: out's manifest as the caller read it (under the lock)."""
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        raise UserError([Problem(str(template), "mallen för följebrevet saknas.", found=False)])
    manifest = manifest if manifest is not None else read_manifest(out)
    if not manifest["papers"]:
        raise UserError(
            [Problem(str(out), "det finns inga handlingar här; kör `papers build` först.", found=False)]
        )
    steps = {s["nummer"]: s for s in ctx.steps(prepared.bok)}
    plan = prepared.bilagor
    pdfs = {(e["steg"], e["part"]): e["fil"] for e in manifest["filer"] if e.get("format") == "pdf"}
    by_party: dict[str, list[dict]] = {}
    for entry in manifest["papers"]:
        if entry["steg"] in steps and entry["part"] in set(prepared.bok.parter["namn"]):
            by_party.setdefault(entry["part"], []).append(entry)
    names = zip_names(list(prepared.bok.parter["namn"]), list(prepared.bok.parter["kortnamn"]))
    kortnamn = dict(zip(prepared.bok.parter["namn"], prepared.bok.parter["kortnamn"]))
    files, all_rows = [], []  # all_rows: the register of all parties
    renderer = Renderer()  # the letter template prepared once
    for part, entries in by_party.items():
        entries.sort(key=lambda e: e["steg"])
        members, letters = [], []
        for e in entries:
            steg = steps[e["steg"]]
            folder = Path(e["fil"]).parent.as_posix()
            context = {
                **cover_context(prepared, plan, steg, part),  # handover hook (issue 13):
                **handover.letter_context(manifest, e),
            }  # ersatter_version, andringar
            letters.append(
                (
                    f"{folder}/{cover_name(steg['nummer'])}",
                    renderer.render(
                        template,
                        context,
                        Properties(
                            f"Följebrev – {steg['rubrik']}", context["avsandare"]["namn"], steg["datum"]
                        ),
                    ),
                )
            )
            members.append((e["fil"], out / e["fil"]))
            pdf = pdfs.get((e["steg"], part))
            if pdf and (out / pdf).exists():
                members.append((pdf, out / pdf))
            members += [(b["fil"], out / b["fil"]) for b in context["bilagor"]]
        members += handover.changes_members(manifest, out, entries)  # handover hook (issue 13)
        missing = [str(path) for _, path in members if not path.exists()]
        if missing:
            raise UserError(
                [
                    Problem(
                        p,
                        "handlingen finns i förteckningen men inte på disken; kör `papers build` igen.",
                        found=False,
                    )
                    for p in missing
                ]
            )
        date = max(steps[e["steg"]]["datum"] for e in entries)
        documents = sorted(letters + [(name, path.read_bytes()) for name, path in members])
        registers, rows = handover.bundle_register(  # handover hook (issue 13)
            documents, context["avsandare"]["namn"], part, date
        )
        all_rows += rows
        data = zip_bytes(documents + registers, date)
        files.append(OutputFile(f"{FOLDER}/{names[part]}", data, {"part": part, "format": "zip"}))
    # handover hook (issue 13): the register of all parties, and the copies issued now
    files += handover.all_parties_register(all_rows, max(s["datum"] for s in steps.values()))
    files += handover.issue_papers(
        manifest, out, [e for es in by_party.values() for e in es], kortnamn, today or dt.date.today()
    )
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
    """Render every bilaga, and the covering letter of each step once for a party of each
    type (as `papers check` does for the step templates), reporting the first error."""
    try:
        render_bilagor(prepared.bilagor)
    except UserError as exc:
        return list(exc.problems)
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        return []
    kinds = {}  # one party of each type per step: the letter branches on nothing else
    for paper in prepared.papers:
        kinds.setdefault((paper.steg["nummer"], prepared.lookup.parter[paper.part]["typ"]), paper)
    renderer = Renderer()
    for paper in kinds.values():
        try:
            renderer.render(
                template,
                cover_context(prepared, prepared.bilagor, paper.steg, paper.part),
                Properties("", "", paper.steg["datum"]),
            )
        except TemplateError as exc:
            return [template_problem(template, exc)]
    return []
