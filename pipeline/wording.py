"""Wording that depends on the data, computed once so that the templates stay plain prose.

A template says "{{ part.kallas_genitiv }} representant", never an inline
`'kommunens' if … else …`: every phrase whose form depends on the workbook (number
words, singular or plural, the list of members in a fixed order, how a party refers
to itself, who signs) is made here, under a Swedish name that `papers variables`
documents with an example.
"""

from __future__ import annotations

import datetime as dt

from .formatting import (
    citat,
    datum,
    forandring_text,
    iso,
    kronor,
    lista,
    procent_text,
    tal,
    unbroken_numbers,
)

KALLAS = {"kommun": "kommunen", "region": "regionen", "stat": "myndigheten"}
FIRST_SIGNATORY = {"kommun": "Kommunchef", "region": "Regiondirektör", "stat": ""}
SECOND_SIGNATORY = {"kommun": "Kanslichef", "region": "Kanslichef", "stat": ""}
DECISION_PHRASES = {
    "bifall": "att bifalla förslaget i ärendet",
    "avslag": "att avslå förslaget i ärendet",
    "återremiss": "att återremittera ärendet",
}
STATE_OPENING = "Föreslaget beslut:"


def genitive(name: str) -> str:
    """ "Köpings kommun" → "Köpings kommuns"; "Västerås" → "Västerås"."""
    return name if name[-1:].lower() in "sxz" else name + "s"


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def proposal_opening(typ: str, beredande: str, beslutande: str) -> str:
    """ "Kommunstyrelsens förslag till kommunfullmäktige:"; a state agency decides itself."""
    if typ == "stat" or not beslutande:
        return STATE_OPENING
    if not beredande:
        return f"Förslag till {lower_first(beslutande)}:"
    return f"{genitive(beredande)} förslag till {lower_first(beslutande)}:"


def signatories(row: dict) -> list[dict]:
    """Who signs, in order, with titles from the workbook or by the party's Typ."""
    typ = row["typ"]
    found = [
        (row["kommunchef"], row["kommunchefens_titel"] or FIRST_SIGNATORY[typ]),
        (row["kanslichef"], row["kanslichefens_titel"] or SECOND_SIGNATORY[typ]),
    ]
    return [{"namn": name, "titel": title} for name, title in found if name]


def party_words(row: dict) -> dict:
    """How the party names itself and addresses its decision."""
    kallas = row["kallas"] or KALLAS[row["typ"]]
    return {
        "kallas": kallas,
        "kallas_genitiv": genitive(kallas),
        "kallas_versal": capitalized(kallas),
        "namn_genitiv": genitive(row["namn"]),
        "mottagare": row["beredande_organ"] or row["beslutande_organ"] or "",
        "forslag_inledning": proposal_opening(
            row["typ"], row["beredande_organ"] or "", row["beslutande_organ"] or ""
        ),
        "signatorer": signatories(row),
        "handlingstyp": "Beslutsunderlag" if row["typ"] == "stat" else "Tjänsteskrivelse",
    }


def members_text(parter: list[dict]) -> str:
    """ "Försäkringskassan, Arbetsförmedlingen, Region Västmanland och länets tio kommuner"."""
    others = [p["namn"] for p in parter if p["typ"] == "stat"]
    others += [p["namn"] for p in parter if p["typ"] == "region"]
    kommuner = [p["namn"] for p in parter if p["typ"] == "kommun"]
    if len(kommuner) == 1:
        return lista([*others, kommuner[0]])
    if not kommuner:
        return lista(others)
    return lista([*others, f"länets {tal(len(kommuner))} kommuner"])


def forbund_words(forbund: list[dict]) -> dict:
    """ "de tre samordningsförbunden" or "samordningsförbundet", and the names listed."""
    n = len(forbund)
    chairs = [f"{f['ordforande']} ({f['namn']})" for f in forbund if f["ordforande"]]
    return {
        "antal_forbund_text": tal(n, "neutrum"),
        "forbunden_text": f"de {tal(n)} samordningsförbunden" if n > 1 else "samordningsförbundet",
        "forbund_namn_text": lista(f["namn"] for f in forbund),
        "ordforande_text": lista(chairs) if len(chairs) == n else "",
    }


def share_texts(parter: list[dict], bidrag: dict, payers: set[str]) -> dict:
    """Who pays the region's and the state's parts (Finsam 5 §), as sentences."""
    regions = [p["namn"] for p in parter if p["typ"] == "region"]
    states = [p["namn"] for p in parter if p["typ"] == "stat"]
    paying_states = [n for n in states if n in payers]
    if len(regions) == 1:
        region = (
            f"Regionens del av medlemsbidragen är {kronor(bidrag['region'])} och "
            f"betalas i sin helhet av {regions[0]}."
        )
    else:
        region = (
            f"Regionernas del av medlemsbidragen, {kronor(bidrag['region'])}, fördelas "
            f"mellan {lista(regions)} efter deras nuvarande medlemsbidrag."
        )
    if len(paying_states) == 1 and len(states) > 1:
        state = (
            f"Statens del av medlemsbidragen är {kronor(bidrag['stat'])}. "
            f"{paying_states[0]} betalar den för både {lista(states)}."
        )
    elif len(paying_states) == 1:
        state = (
            f"Statens del av medlemsbidragen är {kronor(bidrag['stat'])} och betalas av "
            f"{paying_states[0]}."
        )
    else:
        state = (
            f"Statens del av medlemsbidragen, {kronor(bidrag['stat'])}, fördelas mellan "
            f"{lista(paying_states)} efter deras nuvarande medlemsbidrag."
        )
    return {
        "regionens_del_text": region,
        "statens_del_text": state,
        "betalande_stat_text": lista(paying_states),
        "regionens_text": "regionens" if len(regions) == 1 else "regionernas",
        "antal_kommuner_text": tal(sum(p["typ"] == "kommun" for p in parter)),
    }


FRACTION_WORDS = {
    (1, 2): "hälften",
    (1, 4): "en fjärdedel",
    (3, 4): "tre fjärdedelar",
    (1, 3): "en tredjedel",
    (2, 3): "två tredjedelar",
    (1, 1): "hela",
}


def share_word(andel) -> str:
    """Fraction(1, 2) → "hälften"; other shares as "40 procent"."""
    key = (andel.numerator, andel.denominator)
    whole = (andel * 100).denominator == 1
    return FRACTION_WORDS.get(key) or procent_text(andel, 0 if whole else 1)


def shares_text(andel_stat, andel_region, andel_kommuner) -> str:
    """Finsam 5 §: "Försäkringskassan hälften, regionen en fjärdedel och kommunerna en
    fjärdedel" (the state's part is paid by Försäkringskassan)."""
    return (
        f"Försäkringskassan {share_word(andel_stat)}, regionen {share_word(andel_region)} "
        f"och kommunerna {share_word(andel_kommuner)}"
    )


def wound_up_orders_text(wound_up: list[dict]) -> str:
    """ "förbundsordningarna för A och B" or "förbundsordningen för A"."""
    names = lista(f["namn"] for f in wound_up)
    return f"förbundsordning{'arna' if len(wound_up) > 1 else 'en'} för {names}"


def change_text(forandring_kr: int, forandring_procent) -> str:
    """ "en ökning med 80 425 kronor (21,4 procent)"; "oförändrat" when nothing changes."""
    text = forandring_text(forandring_kr)
    if forandring_kr and forandring_procent is not None:
        text += f" ({procent_text(abs(forandring_procent))})"
    return text


def delegation_text(words: dict, own: dict | None, forbund_words_: dict, representant: str) -> str:
    """Step 1, point 2: to whom the party delegates its participation."""
    if own is not None:
        return f"{words['kallas_genitiv']} representant i styrelsen för {own['namn']}" + (
            f", {representant}" if representant else ""
        )
    several = not representant or " och " in representant or "," in representant
    noun = "representanter" if several else "representant"
    where = f"{words['kallas_genitiv']} {noun} i styrelserna för {forbund_words_['forbunden_text']}"
    return f"{where}, {representant}" if representant else where


def current_fee_text(own: dict | None, forbund_words_: dict) -> str:
    """ "medlemsbidraget till Samordningsförbundet Västra Mälardalen" (one förbund) or
    "medlemsbidragen till de tre samordningsförbunden"."""
    if own is not None:
        return f"medlemsbidraget till {own['namn']}"
    return f"medlemsbidragen till {forbund_words_['forbunden_text']}"


def decision_text(organ: str, case: dict, rubrik: str) -> str:
    """ "Kommunfullmäktige beslutade den 28 mars 2022, § 45, att bifalla förslaget i ärendet
    ”Beslut om att delta i länsprocess”."""
    when = f" den {datum(case['beslutsdatum'])}" if case["beslutsdatum"] else ""
    paragraph = f", {case['paragraf']}," if case["paragraf"] else ""
    return f"{organ} beslutade{when}{paragraph} {DECISION_PHRASES[case['beslut']]} {citat(rubrik)}."


def timetable(steps: list[dict]) -> list[dict]:
    """The tidplan table: one row per decision step."""
    return [
        {
            "steg": s["nummer"],
            "rubrik": s["rubrik"],
            "datum": iso(s["datum"]),
            "svar_senast": iso(s["sista_svarsdag"]) if s["sista_svarsdag"] else "–",
        }
        for s in steps
    ]


def follow_up_year(startdatum: dt.date) -> int:
    """Effects can be measured two years after the start at the earliest."""
    return startdatum.year + 2


# The footer's contact block, column by column: (key, label on a line of its own); the
# labels are the schema's (Parter columns' `contact`).
FOOTER_COLUMNS = (
    (("postadress", True),),
    (("besoksadress", True),),
    (("telefon", False), ("e_post", False)),
    (("webbplats", False), ("organisationsnummer", False), ("bankgiro", False)),
)


def footer_columns(text: dict, labels: dict[str, str]) -> list[list[dict]]:
    """The footer's contact block: per column, the lines whose value is filled in, each
    as its label (`etikett`, printed in bold) and the text that follows it (`text`); a
    line break starts every line but a column's first (`fore`) and separates a label
    from its value where the label has a line of its own. An empty value leaves its
    label out, and the template needs no condition."""
    columns = []
    for items in FOOTER_COLUMNS:
        filled = [(labels[key], text[key], own) for key, own in items if text.get(key)]
        columns.append(
            [
                {
                    "fore": "\n" if i else "",
                    "etikett": label,
                    "text": ("\n" if own else " ") + unbroken_numbers(value),
                }
                for i, (label, value, own) in enumerate(filled)
            ]
        )
    return columns
