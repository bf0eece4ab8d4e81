"""A synthetic national workbook: 290 kommuner in about 60 förbund, one region party, the
state agencies, the three steps and a fourth whose template holds a table of all kommuner.
Deterministic from a seed.

    python bench/national.py OUT_FOLDER [--seed 1]
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from template_kit import (  # noqa: E402
    caption,
    footer,
    heading,
    letterhead,
    new_document,
    para,
    proposal,
    save,
    signatures,
    table,
)

from pipeline.workbook_file import write_workbook  # noqa: E402

D = dt.date
KOMMUNER, FORBUND = 290, 60
STEP4 = "04_kommuntabell.docx"


def national_data(seed: int = 1) -> tuple[dict, dict]:
    rng = random.Random(seed)
    forbund = [f"Samordningsförbundet Område {i + 1:02d}" for i in range(FORBUND)]
    parter, bidrag = [], []
    paid: dict[str, int] = {f: 0 for f in forbund}
    for i in range(KOMMUNER):
        home = forbund[i % FORBUND]
        people = rng.randint(2_500, 400_000)
        amount = people * rng.randint(9, 16)
        paid[home] += amount
        name = f"Kommun {i + 1:03d} & Co" if i % 97 == 0 else f"Kommun {i + 1:03d}"
        parter.append(
            {
                "namn": name,
                "kortnamn": f"K{i + 1:03d}",
                "typ": "kommun",
                "forbund": home,
                "invanare": people,
                "beredande_organ": "Kommunstyrelsen",
                "beslutande_organ": "Kommunfullmäktige",
                "forvaltning": "Kommunledningsförvaltningen",
                "handlaggare": f"Handläggare {i + 1}",
                "kommunchef": f"Chef {i + 1}",
                "postadress": f"{name}, 100 {i % 100:02d} Ort",
                "telefon": "010-00 00 00",
            }
        )
        bidrag.append({"part": name, "forbund": home, "belopp": amount})
    parter += [
        {
            "namn": "Regionerna",
            "kortnamn": "Regionerna",
            "typ": "region",
            "beredande_organ": "Regionstyrelsen",
            "beslutande_organ": "Regionfullmäktige",
        },
        {"namn": "Försäkringskassan", "kortnamn": "FK", "typ": "stat"},
        {"namn": "Arbetsförmedlingen", "kortnamn": "AF", "typ": "stat"},
    ]
    for f in forbund:
        bidrag.append({"part": "Regionerna", "forbund": f, "belopp": paid[f]})
        bidrag.append({"part": "Försäkringskassan", "forbund": f, "belopp": 2 * paid[f]})
    data = {
        "Förbund": [
            {"forbund": f, "eget_kapital": rng.randint(500_000, 9_000_000), "balansdag": D(2025, 12, 31)}
            for f in forbund
        ],
        "Parter": parter,
        "Medlemsbidrag": bidrag,
        "Interimsbudget": [
            {"post": "Arvoden", "belopp": 2_000_001},
            {"post": "Tjänstepersonsstöd", "belopp": 1_500_000},
        ],
        "Beslutssteg": [
            {
                "steg": 1,
                "rubrik": "Beslut om att delta i nationell process",
                "mall": "01_delta_i_lansprocess.docx",
                "datum": D(2026, 1, 20),
                "sista_svarsdag": D(2026, 3, 31),
            },
            {
                "steg": 2,
                "rubrik": "Bildande av Samordningsförbundet Sverige",
                "mall": "02_bildande.docx",
                "datum": D(2027, 1, 10),
            },
            {
                "steg": 3,
                "rubrik": "Medlemsbidrag till Samordningsförbundet Sverige 2028",
                "mall": "03_medlemsbidrag.docx",
                "datum": D(2027, 9, 15),
                "galler": "kommun, region",
            },
            {
                "steg": 4,
                "rubrik": "Kommunernas bidrag 2028",
                "mall": STEP4,
                "datum": D(2027, 10, 1),
                "galler": "kommun, region",
            },
        ],
    }
    parameters = {
        "lan": "Sverige",
        "nytt_forbund": "Samordningsförbundet Sverige",
        "kvarvarande_forbund": forbund[0],
        "bildandedatum": D(2027, 5, 1),
        "startdatum": D(2028, 1, 1),
        "budgetar": 2028,
        "fordelning_interimsbudget": "invånare",
    }
    return data, parameters


def step4_template(path: Path) -> None:
    doc = new_document("Kommunernas bidrag")
    letterhead(doc)
    footer(doc)
    heading(doc, "{{ steg.rubrik }}", 1)
    proposal(
        doc,
        [
            "Medlemsbidraget från {{ part.namn }} för {{ budgetar }} fastställs till "
            "{{ part.bidrag_nytt|kronor }}."
        ],
    )
    heading(doc, "Ärendebeskrivning", 2)
    para(doc, "Tabellen visar alla {{ kommuner|length }} kommuners bidrag.")
    caption(doc, "Alla kommuner")
    table(
        doc,
        [
            ("Kommun", False),
            ("Förbund", False),
            ("Invånare", True),
            ("Bidrag {{ budgetar }}, kr", True),
            ("I dag, kr", True),
        ],
        "k in kommuner",
        [
            "{{ k.namn }}",
            "{{ k.forbund }}",
            "{{ k.invanare|belopp }}",
            "{{ k.bidrag_nytt|belopp }}",
            "{{ k.bidrag_nu|belopp }}",
        ],
        [
            "Summa",
            "",
            "{{ bidrag.invanare_totalt|belopp }}",
            "{{ bidrag.kommuner|belopp }}",
            "{{ bidrag.nu_kommuner|belopp }}",
        ],
        bold_if="k.ar_denna_part",
        widths=[4, 5, 2.3, 2.6, 2.1],
    )
    signatures(doc)
    save(doc, path)


def make(folder: Path, seed: int = 1) -> tuple[Path, Path]:
    """The national workbook and a templates folder (the shipped three plus step 4)."""
    folder.mkdir(parents=True, exist_ok=True)
    templates = folder / "mallar"
    if templates.exists():
        shutil.rmtree(templates)
    shutil.copytree(ROOT / "templates_docx", templates)
    step4_template(templates / STEP4)
    workbook = folder / "nationell.xlsx"
    data, parameters = national_data(seed)
    write_workbook(workbook, data, parameters)
    return workbook, templates


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    print(*make(Path(args[0] if args else "bench/data"), seed))
