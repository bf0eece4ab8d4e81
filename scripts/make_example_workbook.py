"""Write the shipped example workbook, data/arbetsbok.xlsx (workbook.md, "Example data").

Names, membership and populations (2021-12-31, SCB) are real, and so is Köping's
375 000 kr and its contact block (from Köping's own paper). Every other amount is an
example. The committed .xlsx is what officers edit; this script made its first version.

    python scripts/make_example_workbook.py [PATH]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pipeline.workbook_file import write_workbook

D = dt.date
NOTE = (
    "Exempeldata: belopp utom Köpings är påhittade, liksom likvidationsparagraferna och "
    "namnen på handläggare, undertecknare och representanter utom Köpings handläggare och "
    "undertecknare."
)
NORRA = "Norra Västmanlands Samordningsförbund"
VASTERAS = "Samordningsförbundet Västerås"
VASTRA = "Samordningsförbundet Västra Mälardalen"

# Likvidationsparagraf: example paragraph numbers (like the amounts), to be checked against
# each förbund's own förbundsordning.
FORBUND = [
    {
        "forbund": NORRA,
        "organisationsnummer": "222000-1354",
        "eget_kapital": 1_400_000,
        "balansdag": D(2022, 12, 31),
        "ordforande": "Lena Eldståhl",
        "likvidationsparagraf": "17 §",
    },
    {
        "forbund": VASTERAS,
        "organisationsnummer": "222000-1925",
        "eget_kapital": 8_100_000,
        "balansdag": D(2022, 12, 31),
        "ordforande": "Dennis Nilsson",
        "likvidationsparagraf": "18 §",
    },
    {
        "forbund": VASTRA,
        "organisationsnummer": "222000-2501",
        "eget_kapital": 950_000,
        "balansdag": D(2022, 12, 31),
        "ordforande": "Andreas Trygg",
        "likvidationsparagraf": "18 §",
    },
]

# Invented people (examples): handläggare, kommunchef, kanslichef, representant.
PEOPLE = {
    "Sala": ("Anna Ekström", "Maria Holm", "Peter Lind", "Lars Berglund"),
    "Hallstahammar": ("Erik Nordin", "Karin Sjöberg", "Johan Falk", "Eva Strand"),
    "Fagersta": ("Lena Åkesson", "Mats Wiklund", "Sara Öberg", "Nils Hedlund"),
    "Surahammar": ("Jonas Blom", "Helena Forsberg", "Anders Sundin", "Ingrid Bäck"),
    "Norberg": ("Cecilia Lundin", "Olof Engström", "Emma Nyström", "Per Sandin"),
    "Skinnskatteberg": ("Tomas Håkansson", "Ulla Dahl", "Linda Norén", "Gunnar Moberg"),
    "Västerås": ("Sofia Lindgren", "Fredrik Palm", "Malin Björk", "Jan Eriksson"),
    "Köping": (None, None, None, "Annika Ståhl"),
    "Arboga": ("Kristina Wahl", "Henrik Lundqvist", "Therese Nord", "Bo Hallberg"),
    "Kungsör": ("Mikael Ros", "Anette Sjögren", "Pia Hammar", "Stefan Grahn"),
}

# name, kortnamn, förbund, invånare, medlemsbidrag, postnummer och ort, telefon, webbplats
KOMMUNER = [
    ("Sala kommun", "Sala", NORRA, 22998, 356469, "733 25 Sala", "0224-74 70 00", "sala.se"),
    (
        "Hallstahammars kommun",
        "Hallstahammar",
        NORRA,
        16608,
        257424,
        "734 80 Hallstahammar",
        "0220-240 00",
        "hallstahammar.se",
    ),
    (
        "Fagersta kommun",
        "Fagersta",
        NORRA,
        13319,
        206445,
        "737 80 Fagersta",
        "0223-440 00",
        "fagersta.se",
    ),
    (
        "Surahammars kommun",
        "Surahammar",
        NORRA,
        10099,
        156535,
        "735 85 Surahammar",
        "0220-390 00",
        "surahammar.se",
    ),
    ("Norbergs kommun", "Norberg", NORRA, 5714, 88567, "738 81 Norberg", "0223-290 00", "norberg.se"),
    (
        "Skinnskattebergs kommun",
        "Skinnskatteberg",
        NORRA,
        4371,
        67751,
        "739 83 Skinnskatteberg",
        "0222-450 00",
        "skinnskatteberg.se",
    ),
    (
        "Västerås stad",
        "Västerås",
        VASTERAS,
        156838,
        3_025_000,
        "721 87 Västerås",
        "021-39 00 00",
        "vasteras.se",
    ),
    ("Köpings kommun", "Köping", VASTRA, 26133, 375_000, "731 85 Köping", "0221-250 00", "koping.se"),
    ("Arboga kommun", "Arboga", VASTRA, 14100, 202330, "732 86 Arboga", "0589-870 00", "arboga.se"),
    ("Kungsörs kommun", "Kungsör", VASTRA, 8787, 126091, "736 85 Kungsör", "0227-600 00", "kungsor.se"),
]

KOPING = {
    "forvaltning": "Kommunledningsförvaltningen",
    "avdelning": "Kansliavdelningen",
    "handlaggare": "Johanna Åberg Burén",
    "handlaggarens_titel": "Utvecklingsstrateg",
    "kommunchef": "Sara Schelin",
    "kanslichef": "Karin Sandborgh Taylor",
    "postadress": "Köpings kommun, 731 85 Köping",
    "besoksadress": "Rådhuset, Stora Torget",
    "telefon": "0221-250 00",
    "webbplats": "www.koping.se",
    "e_post": "kopings.kommun@koping.se",
    "organisationsnummer": "212000-2114",
    "bankgiro": "991-1215",
}


VASTERAS_STAD = {
    "kallas": "staden",
    "forvaltning": "Stadsledningskontoret",
    "avdelning": "Kansliet",
    "kommunchefens_titel": "Stadsdirektör",
}


def parter() -> list[dict]:
    rows = []
    for name, short, forbund, people, _, post, phone, web in KOMMUNER:
        handlaggare, chef, kansli, representant = PEOPLE[short]
        row = {
            "namn": name,
            "kortnamn": short,
            "typ": "kommun",
            "forbund": forbund,
            "invanare": people,
            "beredande_organ": "Kommunstyrelsen",
            "beslutande_organ": "Kommunfullmäktige",
            "forvaltning": "Kommunledningsförvaltningen",
            "avdelning": "Kansliavdelningen",
            "handlaggare": handlaggare,
            "handlaggarens_titel": "Utredare",
            "kommunchef": chef,
            "kanslichef": kansli,
            "representant": representant,
            "finansieras_av": "kommunstyrelsens budget",
            "postadress": f"{name}, {post}",
            "telefon": phone,
            "webbplats": f"www.{web}",
        }
        if short == "Köping":
            row = {**row, **KOPING, "finansieras_av": "social- och arbetsmarknadsnämndens budget"}
        if short == "Västerås":
            row = {**row, **VASTERAS_STAD}
        rows.append(row)
    rows += [
        {
            "namn": "Region Västmanland",
            "kortnamn": "Regionen",
            "typ": "region",
            "beredande_organ": "Regionstyrelsen",
            "beslutande_organ": "Regionfullmäktige",
            "forvaltning": "Regionkontoret",
            "avdelning": "Staben för hälso- och sjukvård",
            "handlaggare": "Helena Strand",
            "handlaggarens_titel": "Strateg",
            "kommunchef": "Anders Vik",
            "kanslichef": "Eva Lund",
            "representant": "Kent Ahlström",
            "finansieras_av": "regionstyrelsens budget",
            "postadress": "Region Västmanland, 721 89 Västerås",
            "telefon": "021-17 30 00",
            "webbplats": "www.regionvastmanland.se",
        },
        {
            "namn": "Försäkringskassan",
            "kortnamn": "FK",
            "typ": "stat",
            "beslutande_organ": "Områdeschefen",
            "forvaltning": "Avdelningen för sjukförsäkring",
            "avdelning": "Område samverkan",
            "handlaggare": "Erik Sandberg",
            "handlaggarens_titel": "Samverkansstrateg",
            "kommunchef": "Karin Berg",
            "kommunchefens_titel": "Områdeschef",
            "representant": "Lotta Hed",
            "postadress": "Försäkringskassan, 103 51 Stockholm",
            "telefon": "0771-524 524",
            "webbplats": "www.forsakringskassan.se",
        },
        {
            "namn": "Arbetsförmedlingen",
            "kortnamn": "AF",
            "typ": "stat",
            "beslutande_organ": "Marknadsområdeschefen",
            "forvaltning": "Avdelningen Arbetsmarknad",
            "avdelning": "Marknadsområde Mälardalen",
            "handlaggare": "Sofia Nyberg",
            "handlaggarens_titel": "Verksamhetsutvecklare",
            "kommunchef": "Lars Ek",
            "kommunchefens_titel": "Marknadsområdeschef",
            "representant": "Jenny Alm",
            "postadress": "Arbetsförmedlingen, 113 99 Stockholm",
            "telefon": "0771-416 416",
            "webbplats": "www.arbetsformedlingen.se",
        },
    ]
    return rows


def medlemsbidrag() -> list[dict]:
    """Each kommun to its förbund; the region as much as the förbund's kommuner together,
    Försäkringskassan twice that (25/25/50). Arbetsförmedlingen has no rows."""
    rows = []
    for forbund in (NORRA, VASTERAS, VASTRA):
        mine = [k for k in KOMMUNER if k[2] == forbund]
        rows += [{"part": k[0], "forbund": forbund, "belopp": k[4]} for k in mine]
        total = sum(k[4] for k in mine)
        rows.append({"part": "Region Västmanland", "forbund": forbund, "belopp": total})
        rows.append({"part": "Försäkringskassan", "forbund": forbund, "belopp": 2 * total})
    return rows


# Köping's own words for step 1, after its paper and the förvaltning's yttrande (seeds 003, 004).
KOPING_YTTRANDE = (
    "Förvaltningen är mycket positiv till ett gemensamt samordningsförbund. Den ser fler "
    "möjligheter i ett länsförbund och ett samlat grepp om målgruppen i hela länet, och "
    "framhåller att insatserna ska komma alla länets invånare till del och följas upp."
)
KOPING_BEDOMNING = (
    "Medlemsbidraget ger i dag förbundet en projektpott för projekt och utbildningsinsatser. "
    "Ett gemensamt förbund för hela Västmanland vore effektivare och ger en säkrare statlig "
    "representation. Kommunen får fler samarbetsparter för utvecklingsprojekt, och med en "
    "gemensam projektpott för hela länet kan större satsningar göras och samverkansvinster "
    "tas till vara. Kommunledningsförvaltningen har i övrigt inget att tillägga till yttrandet."
)

DATA = {
    "Förbund": FORBUND,
    "Parter": parter(),
    "Medlemsbidrag": medlemsbidrag(),
    "Interimsbudget": [
        {
            "post": "Arvoden, förlorad arbetsförtjänst",
            "omfattning": "6–7 sammanträden",
            "belopp": 200_000,
        },
        {"post": "Tjänstepersonsstöd", "omfattning": "20 % i 6 månader", "belopp": 150_000},
        {"post": "Planeringskonferens", "omfattning": "två dagar", "belopp": 50_000},
        {"post": "Oförutsett", "omfattning": "till exempel juriststöd", "belopp": 100_000},
    ],
    "Beslutssteg": [
        {
            "steg": 1,
            "rubrik": "Beslut om att delta i länsprocess",
            "mall": "01_delta_i_lansprocess.docx",
            "datum": D(2022, 1, 20),
            "sista_svarsdag": D(2022, 3, 31),
            "galler": "kommun, region, stat",
        },
        {
            "steg": 2,
            "rubrik": "Bildande av Samordningsförbundet Västmanland",
            "mall": "02_bildande.docx",
            "datum": D(2023, 1, 10),
            "sista_svarsdag": D(2023, 3, 31),
            "galler": "kommun, region, stat",
            "bilagor": "bilaga_forbundsordning.docx",
            "bilagor_per_forbund": "bilaga_andrad_forbundsordning.docx",
        },
        {
            "steg": 3,
            "rubrik": "Medlemsbidrag till Samordningsförbundet Västmanland 2024",
            "mall": "03_medlemsbidrag.docx",
            "datum": D(2023, 9, 15),
            "sista_svarsdag": D(2023, 11, 30),
            "galler": "betalande",
        },
    ],
    "Ärenden": [
        {
            "part": "Köpings kommun",
            "steg": 1,
            "diarienummer": "KS 2022/45",
            "beslutsdatum": D(2022, 3, 28),
            "paragraf": "§ 45",
            "beslut": "bifall",
            "remitterat_till": "Social- och arbetsmarknadsförvaltningen",
            "yttrande": KOPING_YTTRANDE,
            "bedomning": KOPING_BEDOMNING,
        },
        {
            "part": "Arboga kommun",
            "steg": 1,
            "diarienummer": "KS 2022/31",
            "beslutsdatum": D(2022, 3, 24),
            "paragraf": "§ 38",
            "beslut": "bifall",
        },
        {
            "part": "Sala kommun",
            "steg": 1,
            "diarienummer": "KS 2022/112",
            "beslutsdatum": D(2022, 3, 21),
            "paragraf": "§ 52",
            "beslut": "bifall",
        },
        {
            "part": "Västerås stad",
            "steg": 1,
            "diarienummer": "KS 2022/00077",
            "beslutsdatum": D(2022, 3, 3),
            "paragraf": "§ 61",
            "beslut": "bifall",
        },
        {
            "part": "Kungsörs kommun",
            "steg": 1,
            "diarienummer": "KS 2022/20",
            "beslutsdatum": D(2022, 4, 11),
            "paragraf": "§ 33",
            "beslut": "återremiss",
        },
        {"part": "Fagersta kommun", "steg": 1},
        {"part": "Köpings kommun", "steg": 2, "diarienummer": "KS 2023/12"},
    ],
}

PARAMETERS = {
    "lan": "Västmanland",
    "nytt_forbund": "Samordningsförbundet Västmanland",
    "kvarvarande_forbund": NORRA,
    "bildandedatum": D(2023, 5, 1),
    "startdatum": D(2024, 1, 1),
    "budgetar": 2024,
    "andel_stat": 0.5,
    "andel_region": 0.25,
    "andel_kommuner": 0.25,
    "fordelning_interimsbudget": "medlemsbidrag",
    "kontaktperson": "Länspresidiets processledare, 021-00 00 00, lanspresidiet@example.se",
    "exempeldata": "ja",
    "sate": "Västerås",
    "webbplats": "www.samordningvastmanland.se",
}


def main(path: str = "data/arbetsbok.xlsx") -> None:
    write_workbook(Path(path), DATA, PARAMETERS, NOTE)
    print(f"Skrev {path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
