"""`papers variables`: every name and filter a template can use, with an example value.

The names are read off a real context built by `context.py` for the workbook at hand,
so the list cannot drift from the code; `DESCRIPTIONS` says what each one means (and
`BILAGA_DESCRIPTIONS`, `LETTER_DESCRIPTIONS` for the names only the bilagor's and the
covering letter's templates see) and a test checks that every name of the contexts has a
description and no description is left over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from typing import cast

from . import schema
from .bilagor import cover_context
from .context import party_text_keys
from .formatting import FILTER_EXAMPLES, FILTERS, plain_procent_exact


def schema_descriptions() -> dict[str, str]:
    """The description of each name that comes straight from the schema."""
    parameters = {p.key: f"Parametern {p.name}. {p.help}" for p in schema.PARAMETERS}
    header = {c.key: c for c in schema.PARTER.columns}
    columns = {
        f"part.{key}": f"Kolumnen {header[key].header} på bladet Parter. {header[key].help}".strip()
        for key in party_text_keys()
    }
    return {**parameters, **columns}


WRITTEN = {
    "lan": "Länets namn (Parametrar: Län).",
    "nytt_forbund": "Det gemensamma förbundets namn.",
    "bildandedatum": "Dagen då det gemensamma förbundet bildas.",
    "startdatum": "Dagen då det gemensamma förbundet tar över.",
    "dagen_fore_start": "Dagen före Startdatum (den interimistiska styrelsens sista dag).",
    "budgetar": "Det gemensamma förbundets första budgetår.",
    "andel_stat": "Statens andel av medlemsbidragen (bråktal; använd |procent(0)).",
    "andel_region": "Regionens andel av medlemsbidragen.",
    "andel_kommuner": "Kommunernas andel av medlemsbidragen.",
    "fordelning_interimsbudget": "Nyckeln för interimsbudgeten.",
    "medlemsbidrag_totalt": "Parametern Medlemsbidrag totalt, eller None när den är tom.",
    "kontaktperson": "Parametern Kontaktperson (tom om den inte är ifylld).",
    "extra": "Extra rader på bladet Parametrar (namn → värde).",
    "forbund": "Alla befintliga förbund, i arbetsbokens ordning.",
    "forbund[].namn": "Förbundets namn.",
    "forbund[].organisationsnummer": "Organisationsnummer (tomt om okänt).",
    "forbund[].eget_kapital": "Eget kapital, kr.",
    "forbund[].balansdag": "Dagen då eget kapital gäller.",
    "forbund[].ordforande": "Styrelsens ordförande (tomt om okänt).",
    "forbund[].bidrag_nu": "Dagens medlemsbidrag till förbundet, kr per år.",
    "forbund[].kommuner": "Namnen på förbundets kommuner.",
    "forbund[].invanare": "Invånare i förbundets kommuner.",
    "forbund[].interimsandel": "Förbundets andel av interimsbudgeten, kr.",
    "forbund[].kvar": "Eget kapital minus interimsandelen, kr.",
    "forbund[].overfors": "Det som förs över till det gemensamma förbundet på Startdatum, kr "
    "(0 för det kvarvarande).",
    "forbund[].ar_kvarvarande": "Sant för förbundet som fortsätter som det gemensamma.",
    "forbund[].extra": "Extra kolumner på bladet Förbund.",
    "kvarvarande_forbund": "Förbundet som fortsätter (samma fält som forbund[]).",
    "avvecklade_forbund": "Förbunden som avvecklas (samma fält som forbund[]).",
    "bidrag": "Medlemsbidragen till det gemensamma förbundet, kr.",
    "bidrag.totalt": "Totalt (T).",
    "bidrag.stat": "Statens del.",
    "bidrag.region": "Regionens del.",
    "bidrag.kommuner": "Kommunernas del.",
    "bidrag.nu_totalt": "Dagens medlemsbidrag totalt.",
    "bidrag.nu_kommuner": "Dagens medlemsbidrag från alla kommuner.",
    "bidrag.invanare_totalt": "Invånare i alla kommuner.",
    "interimsbudget": "Interimsbudgeten och dess finansiering.",
    "interimsbudget.poster": "Budgetens rader.",
    "interimsbudget.poster[].post": "Post.",
    "interimsbudget.poster[].omfattning": "Omfattning (kan vara tom).",
    "interimsbudget.poster[].belopp": "Belopp, kr.",
    "interimsbudget.totalt": "Summan, kr.",
    "interimsbudget.nyckel": "Fördelningsnyckeln.",
    "interimsbudget.nyckel_text": "Nyckeln i löptext: »förbundens medlemsbidrag«, »lika delar« …",
    "interimsbudget.finansiering": "Finansieringen per förbund.",
    "interimsbudget.finansiering[].forbund": "Förbundets namn.",
    "interimsbudget.finansiering[].underlag": "Förbundets underlag enligt nyckeln.",
    "interimsbudget.finansiering[].belopp": "Förbundets andel, kr.",
    "kapital": "Kapitalöverföringen på Startdatum.",
    "kapital.rader": "En rad per förbund.",
    "kapital.rader[].forbund": "Förbundets namn.",
    "kapital.rader[].eget_kapital": "Eget kapital, kr.",
    "kapital.rader[].interimsandel": "Andel av interimsbudgeten, kr.",
    "kapital.rader[].kvar": "Kvar efter interimsbudgeten, kr.",
    "kapital.rader[].overfors": "Förs över, kr.",
    "kapital.rader[].behalls": "Behålls av det kvarvarande förbundet, kr.",
    "kapital.rader[].ar_kvarvarande": "Sant för det kvarvarande förbundet.",
    "kapital.summa_eget_kapital": "Summa eget kapital, kr.",
    "kapital.summa_interimsandel": "Summa interimsandelar (= interimsbudgeten), kr.",
    "kapital.ingaende_eget_kapital": "Det gemensamma förbundets ingående eget kapital, kr.",
    "kapital.overfors_totalt": "Summa som förs över, kr.",
    "kapital.behalls": "Det som det kvarvarande förbundet behåller, kr.",
    "steg": "Beslutssteget.",
    "steg.nummer": "Stegets nummer.",
    "steg.rubrik": "Handlingens rubrik.",
    "steg.mall": "Mallens filnamn.",
    "steg.datum": "Handlingens datum.",
    "steg.sista_svarsdag": "Sista svarsdag, eller None.",
    "steg.galler": "Typerna av parter som steget gäller.",
    "steg.extra": "Extra kolumner på bladet Beslutssteg.",
    "part": "Parten som handlingen skrivs för.",
    "part.namn": "Partens officiella namn.",
    "part.kortnamn": "Kortnamn.",
    "part.typ": "kommun, region eller stat.",
    "part.ar_kommun": "Sant för en kommun.",
    "part.ar_region": "Sant för en region.",
    "part.ar_stat": "Sant för en statlig part.",
    "part.forbund": "Kommunens förbund, None för region och stat.",
    "part.invanare": "Invånare (kommuner), annars None.",
    "part.beredande_organ": "T.ex. Kommunstyrelsen.",
    "part.beslutande_organ": "T.ex. Kommunfullmäktige.",
    "part.forvaltning": "Förvaltning.",
    "part.avdelning": "Avdelning.",
    "part.handlaggare": "Handläggare.",
    "part.handlaggarens_titel": "Handläggarens titel.",
    "part.kommunchef": "Kommunchef (undertecknar).",
    "part.kanslichef": "Kanslichef (undertecknar).",
    "part.postadress": "Postadress.",
    "part.besoksadress": "Besöksadress.",
    "part.telefon": "Telefon.",
    "part.webbplats": "Webbplats.",
    "part.e_post": "E-post.",
    "part.organisationsnummer": "Organisationsnummer.",
    "part.bankgiro": "Bankgiro.",
    "part.kontaktrader": "Kontaktuppgifterna som finns, som rader »Etikett: värde«.",
    "part.sidfot": "Sidfotens kontaktuppgifter i fyra spalter: per spalt raderna som finns, "
    "var och en med etikett (fetstil), text och radbrytning före (fore).",
    "part.forslag_inledning": "»Kommunstyrelsens förslag till kommunfullmäktige:«.",
    "part.bidrag_nu": "Vad parten betalar i dag, kr per år.",
    "part.andel": "Partens andel av sin typs medlemsbidrag (bråktal): en kommun efter invånare, "
    "regionen och staten efter vad de betalar i dag.",
    "part.bidrag_nytt": "Partens medlemsbidrag för Budgetår, kr.",
    "part.forandring_kr": "Förändringen, kr.",
    "part.forandring_procent": "Förändringen som bråktal, None om parten inte betalar i dag.",
    "part.kapitalandel": "Kommunens andel av sitt förbunds kvarvarande kapital, kr (None "
    "för region och stat).",
    "part.extra": "Extra kolumner på bladet Parter.",
    "eget_forbund": "Partens eget förbund (samma fält som forbund[]), None för region och stat.",
    "parter": "Alla parter med bidrag (samma fält som kommuner[] plus typ).",
    "kommuner": "Alla kommuner med bidrag, i arbetsbokens ordning.",
    "kommuner[].namn": "Kommunens namn.",
    "kommuner[].kortnamn": "Kortnamn.",
    "kommuner[].typ": "kommun.",
    "kommuner[].forbund": "Kommunens förbund.",
    "kommuner[].invanare": "Invånare.",
    "kommuner[].andel": "Andel av kommunernas invånare (bråktal).",
    "kommuner[].bidrag_nu": "Dagens bidrag, kr.",
    "kommuner[].bidrag_nytt": "Bidrag för Budgetår, kr.",
    "kommuner[].forandring_kr": "Förändring, kr.",
    "kommuner[].forandring_procent": "Förändring som bråktal, eller None.",
    "kommuner[].ar_denna_part": "Sant för raden som är handlingens part.",
    "arende": "Ärendet för parten och steget (bladet Ärenden); fälten är tomma när raden saknas.",
    "arende.diarienummer": "Diarienummer (tomt om okänt).",
    "arende.beslutsdatum": "Beslutsdatum, eller None.",
    "arende.paragraf": "Paragraf.",
    "arende.beslut": "bifall, avslag, återremiss eller tomt.",
    "tidigare_beslut": "Partens beslut i tidigare steg.",
    "tidigare_beslut[].steg": "Stegets nummer.",
    "tidigare_beslut[].rubrik": "Stegets rubrik.",
    "tidigare_beslut[].beslutsdatum": "Beslutsdatum, eller None.",
    "tidigare_beslut[].paragraf": "Paragraf.",
    "tidigare_beslut[].beslut": "bifall, avslag eller återremiss.",
    "tidigare_beslut[].text": "En färdig mening om beslutet.",
    "avslag_tidigare": "Sant när parten har sagt nej (avslag) i ett tidigare steg.",
    "sate": "Det gemensamma förbundets säte (tomt om okänt).",
    "webbplats": "Länsprocessens webbplats (tom om okänd).",
    "exempeldata": "Sant när Exempeldata är ja: varje sida märks »UTKAST – exempeldata«.",
    "utkast_markering": "»UTKAST – exempeldata« när Exempeldata är ja, annars tom (sidhuvudet).",
    "logotyp": "Partens logotyp som bild i brevhuvudet, eller tom när Logotyp saknas.",
    "antal_forbund_text": "Antalet förbund i ord: »tre« (»ett« för ett).",
    "forbunden_text": "»de tre samordningsförbunden«, eller »samordningsförbundet« när det är ett.",
    "forbund_namn_text": "Förbundens namn i en uppräkning: »A, B och C«.",
    "ordforande_text": "Förbundens ordförande med förbund inom parentes, tom om någon saknas.",
    "medlemmar_text": "»Försäkringskassan, Arbetsförmedlingen, Region Västmanland och länets "
    "tio kommuner«.",
    "lanstackande_text": "De länstäckande medlemmarna: »Försäkringskassan, Arbetsförmedlingen "
    "och Region Västmanland«.",
    "avvecklade_namn_text": "De förbund som avvecklas, i en uppräkning (tom om inga).",
    "avvecklade_forbundsordningar_text": "»förbundsordningarna för A och B« (»förbundsordningen "
    "för A« när det är ett).",
    "andelar_text": "Fördelningen enligt 5 §: »Försäkringskassan hälften, regionen en fjärdedel "
    "och kommunerna en fjärdedel«.",
    "regionens_del_text": "En mening om vem som betalar regionens del.",
    "statens_del_text": "En mening om vem som betalar statens del.",
    "betalande_stat_text": "Den eller de statliga parter som betalar statens del.",
    "regionens_text": "»regionens«, eller »regionernas« när det finns flera regioner.",
    "antal_kommuner_text": "Antalet kommuner i ord upp till tolv: »tio«.",
    "tidplan": "Beslutsstegen som tabellrader.",
    "tidplan[].steg": "Stegets nummer.",
    "tidplan[].rubrik": "Stegets rubrik.",
    "tidplan[].datum": "Handlingens datum, 2022-01-20.",
    "tidplan[].svar_senast": "Sista svarsdag, 2022-03-31, eller »–«.",
    "uppfoljning_ar": "Året då uppföljningen tidigast kan göras (två år efter start).",
    "bidrag.forandring_kommuner": "Kommunernas sammanlagda förändring, kr.",
    "forbund[].likvidationsparagraf": "Paragrafen om likvidation i förbundets förbundsordning "
    "(tom om okänd).",
    "interimsbudget.poster[].text": "Posten med omfattningen inom parentes när den finns.",
    "kapital.rader[].balansdag": "Dagen då förbundets egna kapital gäller.",
    "part.kommunchefens_titel": "Titel för den som undertecknar först (tom = efter Typ).",
    "part.kanslichefens_titel": "Titel för den som undertecknar därefter (tom = Kanslichef).",
    "part.kallas": "Hur parten kallar sig i löptext: »kommunen«, »staden«, »regionen«, »myndigheten«.",
    "part.kallas_genitiv": "»kommunens«, »stadens« …",
    "part.kallas_versal": "»Kommunen«, »Staden« … (i början av en mening).",
    "part.namn_genitiv": "»Köpings kommuns«.",
    "part.representant": "Partens representant i förbundets styrelse (tom om okänd).",
    "part.logotyp": "Bildfilen med partens logotyp (tom om ingen).",
    "part.finansieras_av": "Hur medlemsbidraget betalas, i löptext (tom om okänt).",
    "part.forvaltning_avdelning": "»Kommunledningsförvaltningen, Kansliavdelningen«.",
    "part.mottagare": "Handlingens adressat: beredande organ, eller beslutande organ för en myndighet.",
    "part.handlingstyp": "»Tjänsteskrivelse«, eller »Beslutsunderlag« för en myndighet.",
    "part.signatorer": "De som undertecknar, i ordning.",
    "part.signatorer[].namn": "Namn.",
    "part.signatorer[].titel": "Titel.",
    "part.forandring_text": "Förändringen i ord: »en ökning med 80 425 kronor (21,4 procent)«, "
    "»oförändrat«.",
    "part.har_kapitalandel": "Sant när parten har en andel av ett förbunds kvarvarande kapital.",
    "arende.remitterat_till": "Dit ärendet remitterades (tomt om det inte remitterades).",
    "arende.yttrande": "Kärnan i yttrandet (tom om ingen).",
    "arende.bedomning": "Förvaltningens egen bedömning (tom om ingen).",
    "eget_forbund_kvarstar": "Sant när partens förbund fortsätter som det gemensamma.",
    "eget_forbund_avvecklas": "Sant när partens förbund avvecklas.",
    "delegering_text": "Steg 1: till vem deltagandet delegeras, med representantens namn.",
    "nuvarande_bidrag_text": "»medlemsbidraget till Samordningsförbundet Västra Mälardalen« "
    "(eller »medlemsbidragen till de tre samordningsförbunden«).",
    "andrade_forbundsordningar": "Förbund som avvecklas och som parten är medlem i, med "
    "bilagans nummer.",
    "andrade_forbundsordningar[].namn": "Förbundets namn.",
    "andrade_forbundsordningar[].bilaga": "Bilagans nummer för partens handling.",
    "andrade_forbundsordningar[].paragraf_text": "»18 §«, eller »paragrafen« när den är okänd.",
    "bilagor": "Handlingens bilagor, numrerade för parten.",
    "bilagor[].nummer": "Bilagans nummer.",
    "bilagor[].titel": "Bilagans titel.",
    "bilagor[].fil": "Bilagans fil under out/.",
    "bilagor[].forbund": "Förbundet som en ändrad förbundsordning gäller (tomt för övriga).",
    "kopia_till": "Mottagare av en kopia: partens förbund och, vid remiss, den som yttrade sig.",
}

DESCRIPTIONS = {**schema_descriptions(), **WRITTEN}

# Only in the bilagor's templates (bilagor.bilaga_context)
BILAGA_DESCRIPTIONS = {
    "avsandare": "Avsändaren: i bilagorna det gemensamma förbundet, i följebrevet förbundet "
    "som skickar det.",
    "avsandare.namn": "Avsändarens namn.",
    "avsandare.kontakt_text": "Sidfotens rad: namn, webbplats (och i följebrevet kontaktperson).",
    "webbplats_text": "»förbundets webbplats, …« med adressen när Parametrar har en Webbplats.",
    "lan_text": "Länets namn med »län« (»Västmanlands län«).",
    "medlemmar_lista_text": "Alla medlemmar i det gemensamma förbundet, som en uppräkning.",
    "kommuner_text": "Medlemskommunerna, som en uppräkning.",
    "antal_ledamoter_text": "Antalet ledamöter i styrelsen (en per medlem), som text.",
    "region_text": "Regionen eller regionerna, som en uppräkning.",
    "andel_stat_text": "Statens andel i ord (»hälften«).",
    "andel_region_text": "Regionens andel i ord (»en fjärdedel«).",
    "andel_kommuner_text": "Kommunernas andel i ord.",
    "kvarvarande_orgnr_text": "» (organisationsnummer …)« för det kvarvarande förbundet, "
    "tomt när numret saknas.",
    "overforing_text": "Meningen om vad som förs över från de avvecklade förbunden och när.",
    "avvecklat_forbund": "I en ändrad förbundsordning: förbundet som avvecklas.",
    "avvecklat_forbund.kontakt_text": "Dess sidfotsrad: namn och organisationsnummer.",
    "avvecklat_forbund.medlemmar_text": "Dess medlemmar, som en uppräkning.",
    "avvecklat_forbund.paragraf_text": "»18 § om likvidation och upplösning« (Förbund: "
    "Likvidationsparagraf), eller »paragrafen om …« när den saknas.",
    **{
        "avvecklat_forbund." + name.removeprefix("forbund[]."): f"Som {name}."
        for name in DESCRIPTIONS
        if name.startswith("forbund[].")
    },
}

# Only in the covering letter's template (bilagor.cover_context)
LETTER_DESCRIPTIONS = {
    "avsandare.for_text": "Raden ovanför underskrifterna (»För samordningsförbunden i …«).",
    "handling_text": "»Förslag till tjänsteskrivelse«, för staten »Förslag till beslutsunderlag«.",
    "mottagare_rader": "Mottagarens rader: beslutande organ och Registrator.",
    "undertecknare": "De som skriver under brevet.",
    "undertecknare[].namn": "Namn.",
    "undertecknare[].titel": "Titel (»Ordförande, …«).",
    "ersatter_version": "Versionen som en ny utgåva ersätter, annars None.",
    "andringar": "Vad som ändrats sedan den versionen, en rad per siffra (tom första gången).",
}


def names(context: dict, prefix: str = "") -> dict[str, object]:
    """Every documented name of a context (dotted paths, `[]` for list items) → example."""
    found: dict[str, object] = {}
    for key, value in context.items():
        path = f"{prefix}{key}"
        found[path] = value
        if key == "extra" or path in (
            "parter",
            "kvarvarande_forbund",
            "avvecklade_forbund",
            "eget_forbund",
        ):
            continue
        if isinstance(value, dict):
            found.update(names(value, path + "."))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            found.update(names(value[0], path + "[]."))
    return found


def example(value: object) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return f"[{len(value)} rader]"
        shown = ", ".join(repr(v) for v in value[:3])
        return f"[{shown}{', …' if len(value) > 3 else ''}]"
    if isinstance(value, Fraction):
        about = "" if (value * 10**6).denominator == 1 else "≈ "  # exact to 4 decimals of a percent
        return f"{value} ({about}{plain_procent_exact(value)})"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def describe(prepared) -> str:
    """The text of `papers variables` for a prepared build."""
    paper = (
        next(
            (
                p
                for p in prepared.papers
                if p.steg["nummer"] == max(q.steg["nummer"] for q in prepared.papers)
            ),
            None,
        )
        if prepared.papers
        else None
    )
    if paper is None:
        return "Arbetsboken ger inga handlingar, så det finns inget sammanhang att visa."
    context = prepared.context(paper)
    lines = [f"Variabler (exempel från {paper.part}, steg {paper.steg['nummer']}):", ""]
    for name, value in names(context).items():
        text = DESCRIPTIONS.get(name, "(saknar beskrivning)")
        lines.append(f"  {name}\n      {text}\n      exempel: {example(value)}")
    seen = set(names(context))
    for title, contexts, descriptions in (
        ("Bara i bilagornas mallar", [b.context for b in prepared.bilagor], BILAGA_DESCRIPTIONS),
        ("Bara i följebrevets mall", letter_contexts(prepared)[:1], LETTER_DESCRIPTIONS),
    ):
        found = {n: v for c in contexts for n, v in names(c).items() if n not in seen}
        lines += ["", f"{title}:", ""] if found else []
        for name, value in found.items():
            text = descriptions.get(name, "(saknar beskrivning)")
            lines.append(f"  {name}\n      {text}\n      exempel: {example(value)}")
        seen |= set(found)
    lines += ["", "Filter (används som {{ värde|filter }}):", ""]
    for name, filter_function in FILTERS.items():
        function = cast(Callable[..., object], filter_function)  # FILTERS mixes signatures
        args = FILTER_EXAMPLES[name]
        call = ", ".join(repr(a) for a in args)
        doc = (function.__doc__ or "").strip().splitlines()[0]
        shown = cast(Callable[..., object], function)(*args)  # FILTERS mixes signatures
        lines.append(f"  {name}\n      {doc}\n      {name}({call}) → {shown!r}")
    return "\n".join(lines)


def letter_contexts(prepared) -> list[dict]:
    """The covering letter's context for each paper (as `papers bundle` gives it)."""
    return [cover_context(prepared, prepared.bilagor, p.steg, p.part) for p in prepared.papers]
