"""`papers bundle`: what an officer hands to each kansliavdelning.

One zip per party under out/paket/, with a folder per step holding the party's paper as
the last build wrote it (and its PDF when built), found through the manifest, the step's
bilagor that concern the party, and the step's covering letter (Foljebrev_steg-N.docx),
rendered from the template `foljebrev.docx`: from the förbund, dated the step's date, with
the paper's title, its bilagor and the answer date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jinja2 import TemplateError

from . import context as ctx
from . import handover, register
from .bilagor import cover_context, render_bilagor
from .build import Paper, Prepared
from .filenames import slug
from .manifest import Manifest, file_bytes
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
    prepared: Prepared, out: Path, manifest: Manifest | None = None, today: dt.date | None = None
) -> list[OutputFile]:
    """The zips, one per party that has papers in `out` (raises UserError if there are none),
    each with its register; the register of all parties; the copies of the papers issued.
    `manifest`: out's manifest as the caller read it (under the lock)."""
    template = prepared.templates / COVER_TEMPLATE
    if not template.is_file():
        raise UserError([Problem.note(str(template), "mallen för följebrevet saknas.")])
    bundling = Bundling(
        prepared, out, manifest if manifest is not None else read_manifest(out), template
    )
    by_party = bundling.papers_by_party()
    names = zip_names(list(prepared.bok.parter["namn"]), list(prepared.bok.parter["kortnamn"]))
    files, all_rows = [], []  # all_rows: the register of all parties
    for part, entries in by_party.items():
        data, rows = bundling.party_zip(part, entries)
        all_rows += rows
        files.append(OutputFile(f"{FOLDER}/{names[part]}", data, {"part": part, "format": "zip"}))
    # handover hook (issue 13): the register of all parties, and the copies issued now
    steps = bundling.steps.values()
    files += handover.all_parties_register(all_rows, max(s["datum"] for s in steps))
    kortnamn = dict(zip(prepared.bok.parter["namn"], prepared.bok.parter["kortnamn"]))
    files += handover.issue_papers(
        bundling.manifest,
        out,
        [e for es in by_party.values() for e in es],
        kortnamn,
        today or dt.date.today(),
    )
    return files


@dataclass
class Bundling:
    """One `papers bundle`: what it reads (the manifest of `out`), and the covering letter's
    template, prepared once."""

    prepared: Prepared
    out: Path
    manifest: Manifest
    template: Path
    renderer: Renderer = field(default_factory=Renderer)

    @cached_property
    def steps(self) -> dict[int, dict]:
        return {s["nummer"]: s for s in ctx.steps(self.prepared.bok)}

    def papers_by_party(self) -> dict[str, list[dict]]:
        """The manifest's papers by party, each party's by step (UserError: there are none)."""
        if not self.manifest.paper_entries():
            raise UserError(
                [Problem.note(str(self.out), "det finns inga handlingar här; kör `papers build` först.")]
            )
        parties = set(self.prepared.bok.parter["namn"])
        by_party: dict[str, list[dict]] = {}
        for entry in self.manifest.paper_entries():
            if entry["steg"] in self.steps and entry["part"] in parties:
                by_party.setdefault(entry["part"], []).append(entry)
        edited = self.edited_papers([e for entries in by_party.values() for e in entries])
        if edited:
            raise UserError(edited)
        return {part: sorted(entries, key=lambda e: e["steg"]) for part, entries in by_party.items()}

    def edited_papers(self, entries: list[dict]) -> list[Problem]:
        """A problem for each paper changed by hand since the build wrote it: handed out as
        it is, it would carry the version and properties of the paper the tool wrote."""
        return [
            Problem.note(
                e["fil"],
                "handlingen har ändrats för hand efter bygget och lämnas inte ut så: den "
                "skulle bära versionsnummer och uppgifter från den handling som verktyget "
                "skrev. För in ändringen i mallen eller arbetsboken och kör `papers build` "
                "(eller `papers build --force` för att skriva över ändringen), och sedan "
                "`papers bundle` igen.",
            )
            for e in entries
            if self.manifest.edited(e["fil"], file_bytes(self.out / e["fil"]))
        ]

    def party_zip(self, part: str, entries: list[dict]) -> tuple[bytes, list[register.Row]]:
        """One party's zip (its papers, PDFs, bilagor, letters and register) and its rows
        of the register."""
        members, letters, sender = [], [], ""
        for entry in entries:
            name, letter, context = self.letter(part, entry)
            letters.append((name, letter))
            sender = context["avsandare"]["namn"]
            members += self.members(entry, context)
        members += handover.changes_members(self.manifest, self.out, entries)  # handover hook (issue 13)
        missing = [str(path) for _, path in members if not path.exists()]
        if missing:
            raise UserError(
                [
                    Problem.note(
                        p,
                        "handlingen finns i förteckningen men inte på disken; kör `papers build` igen.",
                    )
                    for p in missing
                ]
            )
        date = max(self.steps[e["steg"]]["datum"] for e in entries)
        documents = sorted(letters + [(name, path.read_bytes()) for name, path in members])
        registers, rows = handover.bundle_register(documents, sender, part, date)  # handover hook
        return zip_bytes(documents + registers, date), rows

    def letter(self, part: str, entry: dict) -> tuple[str, bytes, dict]:
        """The step's covering letter for the party's paper: its name in the zip, its bytes
        and its context."""
        steg = self.steps[entry["steg"]]
        context = {
            **cover_context(self.prepared, self.prepared.bilagor, steg, part),
            **handover.letter_context(self.manifest, entry),  # ersatter_version, andringar
        }
        properties = Properties(
            f"Följebrev – {steg['rubrik']}", context["avsandare"]["namn"], steg["datum"]
        )
        folder = Path(entry["fil"]).parent.as_posix()
        name = f"{folder}/{cover_name(steg['nummer'])}"
        return name, self.renderer.render(self.template, context, properties), context

    def members(self, entry: dict, context: dict) -> list[tuple[str, Path]]:
        """The paper, its PDF when there is one, and its bilagor (name in the zip, path)."""
        found = [(entry["fil"], self.out / entry["fil"])]
        pdf = self.manifest.pdf(entry["steg"], entry["part"])
        if pdf and (self.out / pdf["fil"]).exists():
            found.append((pdf["fil"], self.out / pdf["fil"]))
        return found + [(b["fil"], self.out / b["fil"]) for b in context["bilagor"]]


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
    kinds: dict[
        tuple, Paper
    ] = {}  # one party of each type per step: the letter branches on nothing else
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
