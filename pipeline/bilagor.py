"""The bilagor of a step and the covering letters: planned, given their contexts, rendered.

A step's `Bilagor` (Beslutssteg) names templates rendered once per build, such as the joint
förbund's förbundsordning; `Bilagor per förbund` names templates rendered once for every
förbund that is wound up (every Förbund row but the Kvarvarande förbund), with that förbund
in the context as `avvecklat_forbund`. A bilaga's title is its template's title property,
rendered with the same context ("Förbundsordning för {{ nytt_forbund }}").

Each party's papers list the bilagor that concern it (`bilagor_for_party`), numbered from 1:
the step's own bilagor first, then one per wound-up förbund that the party is a member of
(a kommun of that förbund; the region and the state agencies are members of every förbund).

The covering letter (`cover_context`) is sent by the förbund: before Bildandedatum by the
existing förbund together, signed by their chairs; from Bildandedatum by the joint förbund's
interim board (from Startdatum by the joint förbund), signed by the chair of the förbund
that continues as the joint one.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError

from . import context as ctx
from .docprops import read_title
from .filenames import slug, step_folder
from .formatting import datum, lista, tal
from .output import OutputFile
from .problems import Problem, UserError
from .render import Properties, Renderer, error_text, jinja_env
from .validate import Arbetsbok, template_names
from .wording import genitive, share_word

FOLDER = "bilagor"


@dataclass(frozen=True)
class Bilaga:
    steg: int
    mall: str  # the template's file name, as in Beslutssteg
    template: Path
    path: str  # relative to out/
    titel: str
    forbund: str | None  # the wound-up förbund of a per-förbund bilaga
    datum: dt.date
    context: dict


# --- planning --------------------------------------------------------------------------------


def plan_bilagor(prepared) -> list[Bilaga]:
    """Every bilaga of every step, in order: per step its Bilagor, then its Bilagor per
    förbund for each wound-up förbund in the order of the Förbund sheet."""
    plan = []
    for row in prepared.bok.beslutssteg.to_dict("records"):
        steg = ctx.step_context(row)
        folder = f"{step_folder(steg['nummer'], steg['rubrik'])}/{FOLDER}"
        base = bilaga_context(prepared, steg)
        taken: set[str] = set()
        for mall in template_names(row.get("bilagor")):
            plan.append(
                planned(
                    prepared.templates / mall,
                    mall,
                    steg,
                    base,
                    None,
                    unique_name(folder, file_stem(mall), taken),
                )
            )
        for mall in template_names(row.get("bilagor_per_forbund")):
            for forbund in base["avvecklade_forbund"]:
                context = {**base, "avvecklat_forbund": forbund}
                name = unique_name(folder, f"{file_stem(mall)}_{slug(forbund['namn'])}", taken)
                plan.append(
                    planned(prepared.templates / mall, mall, steg, context, forbund["namn"], name)
                )
    return plan


def warnings(bok: Arbetsbok, plan: list[Bilaga]) -> list[str]:
    """A förbundsordning must name the förbund's seat (9 § 1): a bilaga template that uses
    `sate` while the optional parameter Säte is empty leaves the sentence out, and says so."""
    p = bok.parametrar
    if p.sate:
        return []
    templates = {b.mall: b.template for b in plan}
    return [
        f"{p.cells.get('sate', 'Parametrar')} (Säte) är tom: bilagan från mallen {mall} "
        "anger inget säte för förbundet, som 9 § lagen (2003:1210) om finansiell samordning "
        "av rehabiliteringsinsatser kräver av en förbundsordning."
        for mall, template in templates.items()
        if uses_name(template, "sate")
    ]


def uses_name(template: Path, name: str) -> bool:
    """Whether a tag of the template's body mentions `name` (Word may split a tag over runs,
    so the text is read without the XML between them)."""
    with zipfile.ZipFile(template) as docx:
        text = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))
    return any(re.search(rf"\b{name}\b", tag) for tag in re.findall(r"\{[{%].*?[}%]\}", text))


def planned(
    template: Path, mall: str, steg: dict, context: dict, forbund: str | None, path: str
) -> Bilaga:
    return Bilaga(
        steg["nummer"],
        mall,
        template,
        path,
        template_title(template, context, mall),
        forbund,
        steg["datum"],
        context,
    )


def template_title(template: Path, context: dict, mall: str) -> str:
    """The template's title property rendered with the bilaga's context."""
    source = read_title(template)
    try:
        title = jinja_env().from_string(source).render(context).strip()
    except TemplateError as exc:
        raise UserError([Problem.note(mall, f"{error_text(exc)} (i mallens titel).")]) from None
    if not title:
        raise UserError(
            [
                Problem.note(
                    mall, "mallen för en bilaga behöver en titel (Arkiv → Egenskaper → Rubrik i Word)."
                )
            ]
        )
    return title


def file_stem(mall: str) -> str:
    """ "bilaga_forbundsordning.docx" → "Bilaga_Forbundsordning"."""
    stem = slug(Path(mall).stem).replace("-", "_")
    stem = re.sub(r"(?i)^bilaga_?", "", stem) or "bilaga"
    return f"Bilaga_{stem[:1].upper()}{stem[1:]}"


def unique_name(folder: str, stem: str, taken: set[str]) -> str:
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return f"{folder}/{candidate}.docx"


def bilagor_for_party(
    plan: list[Bilaga], steg_nummer: int, part_namn: str, lookup: ctx.Lookup
) -> list[dict]:
    """The bilagor of a step that concern a party, numbered from 1: `nummer`, `titel`, `fil`
    (the path under out/)."""
    row = lookup.parter[part_namn]
    mine = [
        b
        for b in plan
        if b.steg == steg_nummer
        and (b.forbund is None or row["typ"] != "kommun" or row["forbund"] == b.forbund)
    ]
    return [
        {"nummer": n, "titel": b.titel, "fil": b.path, "forbund": b.forbund or ""}
        for n, b in enumerate(mine, 1)
    ]


# --- rendering -------------------------------------------------------------------------------


def render_bilagor(plan: list[Bilaga]) -> list[bytes]:
    """The bytes of each bilaga; UserError lists every template error."""
    renderer = Renderer()
    data, problems = [], []
    for bilaga in plan:
        try:
            data.append(
                renderer.render(
                    bilaga.template,
                    bilaga.context,
                    Properties(bilaga.titel, bilaga.context["nytt_forbund"], bilaga.datum),
                )
            )
        except TemplateError as exc:
            problems.append(
                Problem.note(bilaga.mall, f"{error_text(exc)} (i bilagan »{bilaga.titel}«).")
            )
    if problems:
        raise UserError(problems)
    return data


def bilaga_files(plan: list[Bilaga]) -> list[OutputFile]:
    """The bilagor as files for out/, recorded in the manifest under "filer"."""
    return [
        OutputFile(
            b.path,
            data,
            {
                "steg": b.steg,
                "bilaga": True,
                "titel": b.titel,
                **({"forbund": b.forbund} if b.forbund else {}),
            },
        )
        for b, data in zip(plan, render_bilagor(plan))
    ]


# --- contexts --------------------------------------------------------------------------------


def bilaga_context(prepared, steg: dict) -> dict:
    """What a bilaga template sees: the build's shared context, the step, and the wording of
    the förbundsordning computed from the workbook."""
    bok, lk = prepared.bok, prepared.lookup
    shared = lk.shared
    p = bok.parametrar
    members = ordered_members(lk)
    kommuner = [r for r in members if r["typ"] == "kommun"]
    regions = [r["namn"] for r in members if r["typ"] == "region"]
    wound_up = [wound_up_forbund(f, members) for f in shared["avvecklade_forbund"]]
    kept = shared["kvarvarande_forbund"]
    return {
        **shared,
        "steg": steg,
        "webbplats_text": (
            f"förbundets webbplats, {p.webbplats}" if p.webbplats else "förbundets webbplats"
        ),
        "avsandare": {
            "namn": shared["nytt_forbund"],
            "kontakt_text": contact_line([shared["nytt_forbund"], p.webbplats]),
        },
        "lan_text": county(shared["lan"]),
        "medlemmar_lista_text": lista([r["namn"] for r in members]),
        "kommuner": [
            {"namn": r["namn"], "invanare": r["invanare"], "andel": r["andel"]} for r in kommuner
        ],
        "kommuner_text": lista([r["namn"] for r in kommuner]),
        "antal_ledamoter_text": tal(len(members)),
        "region_text": lista(regions) or "regionen",
        "andel_stat_text": share_word(shared["andel_stat"]),
        "andel_region_text": share_word(shared["andel_region"]),
        "andel_kommuner_text": share_word(shared["andel_kommuner"]),
        "kvarvarande_orgnr_text": (
            f" (organisationsnummer {kept['organisationsnummer']})"
            if kept["organisationsnummer"]
            else ""
        ),
        "overforing_text": transfer_text(wound_up, shared["startdatum"]),
        "avvecklade_forbund": wound_up,
    }


def wound_up_forbund(forbund: dict, members: list[dict]) -> dict:
    """A wound-up förbund with its members, its paragraph on likvidation (Förbund,
    Likvidationsparagraf) and its footer."""
    own = [r["namn"] for r in members if r["typ"] != "kommun" or r["forbund"] == forbund["namn"]]
    paragraph = forbund["likvidationsparagraf"]
    return {
        **forbund,
        "paragraf_text": (
            f"{paragraph} om likvidation och upplösning"
            if paragraph
            else "paragrafen om likvidation och upplösning"
        ),
        "medlemmar_text": lista(own),
        "kontakt_text": contact_line(
            [
                forbund["namn"],
                forbund["organisationsnummer"] and f"Org.nr: {forbund['organisationsnummer']}",
            ]
        ),
    }


def cover_context(prepared, plan: list[Bilaga], steg: dict, part: str) -> dict:
    """The covering letter for one party and step: from the förbund (never the recipient),
    with the paper's title, its bilagor and the answer date."""
    lk = prepared.lookup
    shared = lk.shared
    row = lk.parter[part]
    sender, signers, on_behalf = cover_sender(shared, steg["datum"])
    web = prepared.bok.parametrar.webbplats
    contact = shared["kontaktperson"]
    names = (
        [f["namn"] for f in shared["forbund"]] if steg["datum"] < shared["bildandedatum"] else [sender]
    )
    return {
        "steg": steg,
        "nytt_forbund": shared["nytt_forbund"],
        "lan": shared["lan"],
        "part": ctx.party_context(row, lk.figures[part]),
        "mottagare_rader": [x for x in (row["beslutande_organ"], "Registrator") if x],
        "handling_text": (
            "Förslag till beslutsunderlag" if row["typ"] == "stat" else "Förslag till tjänsteskrivelse"
        ),
        "bilagor": bilagor_for_party(plan, steg["nummer"], part, prepared.lookup),
        "kontaktperson": contact,
        "avsandare": {
            "namn": sender,
            "for_text": on_behalf,
            "kontakt_text": contact_line([*names, web, contact and f"Kontakt: {contact}"]),
        },
        "undertecknare": signers,
        "ersatter_version": None,  # a re-issue: the version it replaces (handover.py)
        "andringar": [],  # ... and what changed
        "utkast_markering": prepared.shared["utkast_markering"],
    }


def cover_sender(shared: dict, date: dt.date) -> tuple[str, list[dict], str]:
    """Who sends a letter dated `date`, who signs it, and the line above the signatures."""
    forbund = shared["forbund"]
    if date < shared["bildandedatum"]:
        if len(forbund) == 1:
            name = on_behalf = forbund[0]["namn"]
        else:
            name = f"Samordningsförbunden i {shared['lan']}"
            on_behalf = f"samordningsförbunden i {shared['lan']}"
        return (
            name,
            [
                {"namn": f["ordforande"], "titel": f"Ordförande, {f['namn']}"}
                for f in forbund
                if f["ordforande"]
            ],
            f"För {on_behalf}",
        )
    kept = shared["kvarvarande_forbund"]
    if date < shared["startdatum"]:
        name = f"Interimistiska styrelsen för {shared['nytt_forbund']}"
        on_behalf = f"interimistiska styrelsen för {shared['nytt_forbund']}"
        title = "Ordförande, interimistiska styrelsen"
    else:
        name = on_behalf = shared["nytt_forbund"]
        title = "Ordförande"
    signers = [{"namn": kept["ordforande"], "titel": title}] if kept["ordforande"] else []
    return name, signers, f"För {on_behalf}"


# --- wording ---------------------------------------------------------------------------------


def ordered_members(lk) -> list[dict]:
    """Every party in the fixed order of the papers: the state agencies (the one that pays the
    state's share first), the region, then the kommuner as the workbook lists them."""
    kinds = {"stat": 0, "region": 1, "kommun": 2}
    rows = [{**lk.parter[r["namn"]], "andel": r["andel"], "bidrag_nu": r["bidrag_nu"]} for r in lk.rows]
    order = sorted(
        range(len(rows)),
        key=lambda i: (
            kinds[rows[i]["typ"]],
            -int(rows[i]["bidrag_nu"]) if rows[i]["typ"] == "stat" else 0,
            i,
        ),
    )
    return [rows[i] for i in order]


def county(lan: str) -> str:
    """ "Västmanland" → "Västmanlands län"."""
    return lan if lan.endswith(" län") else f"{genitive(lan)} län"


def contact_line(items: list) -> str:
    """A sender's footer: the items given, in one line."""
    return " · ".join(str(i) for i in items if i)


def transfer_text(wound_up: list[dict], start: dt.date) -> str:
    if not wound_up:
        return ""
    names = lista([f["namn"] for f in wound_up])
    return (
        f"Tillgångar, skulder, egendom och verksamhet i {names} förs över till förbundet "
        f"från och med den {datum(start)}, enligt de ändringar i "
        f"{'deras förbundsordningar' if len(wound_up) > 1 else 'dess förbundsordning'} "
        "som förbundsmedlemmarna beslutar samtidigt med denna förbundsordning."
    )
