"""A county the shipped workbook does not describe: two förbund, five kommuner, other names,
no optional columns beyond those a paper needs, and no Ärenden sheet.

Used to check that the papers read well for a workbook the templates were not written
against (papers.md: every member decides; writing.md: the language rules)."""

from __future__ import annotations

import datetime as dt

D = dt.date
NORR = "Samordningsförbundet Norra Uppland"
SYD = "Samordningsförbundet Sydväst"


def sheets() -> dict[str, list[list]]:
    kommuner = [
        ("Tierps kommun", "Tierp", NORR, 21_500, 120_000),
        ("Östhammars kommun", "Östhammar", NORR, 22_300, 125_000),
        ("Älvkarleby kommun", "Älvkarleby", NORR, 9_600, 54_000),
        ("Enköpings kommun", "Enköping", SYD, 46_000, 260_000),
        ("Håbo kommun", "Håbo", SYD, 22_000, 124_000),
    ]
    parter = [
        [
            "Part",
            "Kortnamn",
            "Typ",
            "Förbund",
            "Invånare",
            "Beredande organ",
            "Beslutande organ",
            "Handläggare",
            "Kommunchef",
        ]
    ]
    parter += [
        [
            name,
            short,
            "kommun",
            forbund,
            people,
            "Kommunstyrelsen",
            "Kommunfullmäktige",
            "Eva Exempel",
            "Per Exempel",
        ]
        for name, short, forbund, people, _ in kommuner
    ]
    parter += [
        [
            "Region Uppsala",
            "RU",
            "region",
            None,
            None,
            "Regionstyrelsen",
            "Regionfullmäktige",
            "Ola Exempel",
            "Kim Exempel",
        ],
        [
            "Försäkringskassan",
            "FK",
            "stat",
            None,
            None,
            None,
            "Områdeschefen",
            "Lisa Exempel",
            "Bo Exempel",
        ],
        [
            "Arbetsförmedlingen",
            "AF",
            "stat",
            None,
            None,
            None,
            "Marknadsområdeschefen",
            "Ali Exempel",
            "Siv Exempel",
        ],
    ]
    bidrag = [["Part", "Förbund", "Belopp (kr)"]]
    for forbund in (NORR, SYD):
        mine = [k for k in kommuner if k[2] == forbund]
        bidrag += [[k[0], forbund, k[4]] for k in mine]
        total = sum(k[4] for k in mine)
        bidrag += [["Region Uppsala", forbund, total], ["Försäkringskassan", forbund, 2 * total]]
    return {
        "Parametrar": [
            ["Parameter", "Värde"],
            ["Län", "Uppsala"],
            ["Nytt förbund", "Samordningsförbundet Uppsala län"],
            ["Kvarvarande förbund", SYD],
            ["Bildandedatum", D(2025, 3, 1)],
            ["Startdatum", D(2026, 1, 1)],
            ["Budgetår", 2026],
        ],
        "Förbund": [
            ["Förbund", "Eget kapital (kr)", "Balansdag"],
            [NORR, 600_000, D(2024, 12, 31)],
            [SYD, 900_000, D(2024, 12, 31)],
        ],
        "Parter": parter,
        "Medlemsbidrag": bidrag,
        "Interimsbudget": [["Post", "Belopp (kr)"], ["Arvoden", 120_000], ["Processtöd", 80_000]],
        "Beslutssteg": [
            [
                "Steg",
                "Rubrik",
                "Mall",
                "Datum",
                "Sista svarsdag",
                "Gäller",
                "Bilagor",
                "Bilagor per förbund",
            ],
            [
                1,
                "Beslut om att delta i länsprocess",
                "01_delta_i_lansprocess.docx",
                D(2024, 2, 1),
                D(2024, 4, 30),
                "kommun, region, stat",
            ],
            [
                2,
                "Bildande av Samordningsförbundet Uppsala län",
                "02_bildande.docx",
                D(2024, 11, 4),
                None,
                "kommun, region, stat",
                "bilaga_forbundsordning.docx",
                "bilaga_andrad_forbundsordning.docx",
            ],
            [3, "Medlemsbidrag 2026", "03_medlemsbidrag.docx", D(2025, 9, 1), None, "betalande"],
        ],
    }
