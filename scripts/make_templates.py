"""Write the first version of the three Word templates in templates_docx/.

The committed .docx files are the sources officers edit; run this only to start over
(it overwrites them). Facts and structure follow the seed papers; the wording is ours.
Every party-specific sentence and figure comes from the context (`papers variables`).

    python scripts/make_templates.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt
from template_kit import (
    bullet,
    caption,
    closing,
    footer,
    heading,
    letterhead,
    new_document,
    para,
    proposal,
    save,
    table,
    tag,
)

FORBUND_NAMES = "forbund|map(attribute='namn')|list|lista"
STATE_NAMES = "parter|selectattr('typ', 'equalto', 'stat')|map(attribute='namn')|list|lista"
WOUND_UP = "avvecklade_forbund|map(attribute='namn')|list|lista"
PARTY_WORD = "{{ 'kommunen' if part.ar_kommun else 'regionen' if part.ar_region else 'myndigheten' }}"


def opening(title: str):
    doc = new_document(title)
    letterhead(doc)
    footer(doc)
    heading(doc, "{{ steg.rubrik }}", 1)
    return doc


def earlier_decisions(doc) -> None:
    tag(doc, "{%p if avslag_tidigare %}")
    para(doc, ("Observera: ", "b"), "{{ part.namn }} har i ett tidigare steg avslagit förslaget. "
         "Ärendet behöver beredas med det i åtanke.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for beslut in tidigare_beslut %}")
    para(doc, "{{ beslut.text }}")
    tag(doc, "{%p endfor %}")


def after_table(doc, text: str):
    p = para(doc, text)
    p.paragraph_format.space_before = Pt(8)
    return p


def step1(path: Path) -> None:
    doc = opening("Beslut om att delta i länsprocess")
    proposal(doc, [
        "{{ part.namn }} deltar i länsprocessen om ett gemensamt samordningsförbund i "
        "{{ lan }}, i enlighet med samordningsförbundens inbjudan.",
        "{%p if eget_forbund %}",
        "Deltagandet delegeras till kommunens representant i styrelsen för "
        "{{ eget_forbund.namn }}.",
        "{%p else %}",
        "Deltagandet delegeras till " + PARTY_WORD + "s representanter i styrelserna för "
        "{{ " + FORBUND_NAMES + " }}.",
        "{%p endif %}",
    ])
    heading(doc, "Ärendebeskrivning", 2)
    para(doc, "I {{ lan }} finns i dag {{ forbund|length }} samordningsförbund enligt lagen "
              "(2003:1210) om finansiell samordning av rehabiliteringsinsatser: "
              "{{ " + FORBUND_NAMES + " }}. I förbunden samverkar {{ " + STATE_NAMES + " }}, "
              "regionen och kommunerna kring personer i åldern 16–64 år som behöver "
              "samordnade insatser för att kunna komma i arbete.")
    para(doc, "Förbunden har tagit initiativ till en länsprocess. Den ska ge medlemmarna ett "
              "underlag för att ta ställning till om verksamheten ska samlas i ett förbund för "
              "hela länet, med individens behov i centrum och med lokal förankring, lika "
              "inflytande och lokal närvaro för alla medlemmar.")
    para(doc, "Samtliga medlemmar bjuds in att delta. Arbetet leds av ett länspresidium med "
              "stöd av en extern processledare och ryms inom förbundens befintliga budgetar.")
    tag(doc, "{%p if steg.sista_svarsdag %}")
    para(doc, "Förbunden vill ha besked om deltagandet senast den "
              "{{ steg.sista_svarsdag|datum }}.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if eget_forbund %}")
    para(doc, "{{ part.namn }} är medlem i {{ eget_forbund.namn }} och betalar i dag "
              "{{ part.bidrag_nu|kronor }} per år i medlemsbidrag till förbundet.")
    tag(doc, "{%p else %}")
    para(doc, "{{ part.namn }} är medlem i samtliga förbund i länet och betalar i dag "
              "sammanlagt {{ part.bidrag_nu|kronor }} per år i medlemsbidrag.")
    tag(doc, "{%p endif %}")
    para(doc, "Ett gemensamt förbund skulle ha en styrelse, en förvaltning, en revision och en "
              "verksamhetsplan för hela länet i stället för {{ forbund|length }} av varje. "
              "Insatserna kan då bli lika tillgängliga oavsett var i länet man bor, medel kan "
              "samlas till större satsningar och " + PARTY_WORD + " får fler samverkansparter "
              "att utveckla arbetet med.")
    heading(doc, "Bedömning", 3)
    para(doc, "{{ part.forvaltning or 'Förvaltningen' }} bedömer att ett deltagande ger "
              "{{ part.namn }} ett bra underlag inför ett senare ställningstagande om ett "
              "gemensamt förbund, utan att " + PARTY_WORD + " binder sig för det beslutet.")
    heading(doc, "Ekonomiska konsekvenser", 2)
    para(doc, "Deltagandet medför inga nya kostnader för {{ part.namn }}. Länsprocessen "
              "finansieras inom samordningsförbundens befintliga budgetar.")
    caption(doc, "Dagens medlemsbidrag per förbund")
    table(doc, [("Förbund", False), ("Medlemsbidrag per år, kr", True)], "f in forbund",
          ["{{ f.namn }}", "{{ f.bidrag_nu|belopp }}"],
          ["Summa", "{{ bidrag.nu_totalt|belopp }}"], widths=[11, 5])
    closing(doc, path, ["Samordningsförbundens inbjudan: Beslut om att delta i länsprocess",
                        "Denna tjänsteskrivelse, {{ steg.datum|iso }}"])


def step2(path: Path) -> None:
    doc = opening("Bildande av gemensamt samordningsförbund")
    heading(doc, "Sammanfattning", 2)
    para(doc, "Medlemmarna i {{ 'de %d samordningsförbunden' % forbund|length "
              "if forbund|length > 1 else 'samordningsförbundet' }} i {{ lan }} har efter "
              "en gemensam länsprocess enats om att bilda ett förbund för hela länet, "
              "{{ nytt_forbund }}. {{ kvarvarande_forbund.namn }} fortsätter som det gemensamma "
              "förbundet{% if avvecklade_forbund %} och utvidgas med medlemmarna i "
              "{{ " + WOUND_UP + " }}{% endif %}.")
    para(doc, "En interimistisk styrelse förbereder övergången från den "
              "{{ bildandedatum|datum }}. Den {{ startdatum|datum }} tar det gemensamma "
              "förbundet över verksamheten. Ärendet gäller förbundsordningen, tidpunkten för "
              "bildandet och överföringen av de avvecklade förbundens tillgångar.")
    proposal(doc, [
        "Förbundsordningen för {{ nytt_forbund }} enligt bilaga 1 godkänns.",
        "{{ nytt_forbund }} bildas den {{ bildandedatum|datum }}.",
        "{%p if eget_forbund and not eget_forbund.ar_kvarvarande %}",
        "Förbundsordningen för {{ eget_forbund.namn }} ändras så att förbundets kvarvarande "
        "tillgångar, skulder, egendom och verksamhet förs över till {{ nytt_forbund }} den "
        "{{ startdatum|datum }}.",
        "{%p elif not eget_forbund and avvecklade_forbund %}",
        "Förbundsordningarna för {{ " + WOUND_UP + " }} ändras så att förbundens kvarvarande "
        "tillgångar, skulder, egendom och verksamhet förs över till {{ nytt_forbund }} den "
        "{{ startdatum|datum }}.",
        "{%p endif %}",
    ])
    heading(doc, "Ärendebeskrivning", 2)
    heading(doc, "Bakgrund", 3)
    earlier_decisions(doc)
    para(doc, "Under länsprocessen har ett länspresidium med externt processtöd tagit fram ett "
              "underlag för beslut om ett gemensamt förbund. Alla parter har ställt sig bakom "
              "en gemensam avsiktsförklaring om att bilda {{ nytt_forbund }}.")
    heading(doc, "Skäl för ett gemensamt förbund", 3)
    bullet(doc, "För individen: fler får tillgång till samordnade insatser, och insatserna kan "
                "bli mer träffsäkra och professionella.")
    bullet(doc, "För parterna: färre möten och en gemensam struktur gör det lättare att samverka "
                "både lokalt och i hela länet.")
    bullet(doc, "För förbundet: en stabilare och mindre sårbar organisation, där goda "
                "arbetssätt lättare sprids till alla kommuner.")
    bullet(doc, "För samhället: ett större förbund får mer kraft i det regionala och nationella "
                "utvecklingsarbetet och använder de gemensamma medlen effektivare.")
    para(doc, "Alla kommuner i länet ska vara representerade i förbundets styrning tillsammans "
              "med regionen och staten, och insatserna ska vara tillgängliga i alla kommuner.")
    heading(doc, "Interimistisk styrelse", 3)
    para(doc, "En interimistisk styrelse verkar från den {{ bildandedatum|datum }} till och med "
              "den {{ dagen_fore_start|datum }}. Den ska bland annat rekrytera en förbundschef, "
              "se över och teckna nödvändiga avtal och ta fram underlag för budgeten för "
              "{{ budgetar }}. Uppdraget regleras i förbundsordningen och upphör när det "
              "gemensamma förbundet tar över.")
    heading(doc, "Överföring av tillgångar", 3)
    para(doc, "{{ kvarvarande_forbund.namn }} behåller sitt organisationsnummer och sitt egna "
              "kapital och blir det gemensamma förbundet.{% if avvecklade_forbund %} För "
              "{{ " + WOUND_UP + " }} ändras förbundsordningarna i den paragraf som gäller "
              "likvidation och upplösning, så att kvarvarande tillgångar, skulder, egendom och "
              "verksamhet förs över till {{ nytt_forbund }} den {{ startdatum|datum }}."
              "{% endif %}")
    tag(doc, "{%p if eget_forbund and eget_forbund.ar_kvarvarande %}")
    para(doc, "{{ part.namn }} är medlem i {{ eget_forbund.namn }}, som fortsätter som det "
              "gemensamma förbundet. Förbundets förbundsordning behöver därför inte ändras för "
              "överföringen, och dess egna kapital finns kvar i förbundet.")
    tag(doc, "{%p elif eget_forbund %}")
    para(doc, "{{ part.namn }} är medlem i {{ eget_forbund.namn }}, som avvecklas när det "
              "gemensamma förbundet tar över. Därför föreslås att förbundets förbundsordning "
              "ändras (punkt 3 i förslaget).")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part.kapitalandel is not none %}")
    para(doc, "Av det kapital som finns kvar i {{ eget_forbund.namn }} efter interimsbudgeten, "
              "{{ eget_forbund.kvar|kronor }}, motsvarar {{ part.kapitalandel|kronor }} det "
              "som {{ part.namn }} har bidragit med, räknat efter medlemmarnas bidrag till "
              "förbundet.")
    tag(doc, "{%p endif %}")
    heading(doc, "Ekonomiska konsekvenser", 2)
    para(doc, "Den interimistiska styrelsens kostnader fram till den {{ dagen_fore_start|datum }} "
              "beräknas till {{ interimsbudget.totalt|kronor }}. De betalas av de befintliga "
              "förbundens egna kapital, fördelat efter {{ interimsbudget.nyckel_text }}.")
    caption(doc, "Interimsbudget")
    table(doc, [("Post", False), ("Omfattning", False), ("Belopp, kr", True)],
          "r in interimsbudget.poster",
          ["{{ r.post }}", "{{ r.omfattning }}", "{{ r.belopp|belopp }}"],
          ["Summa", "", "{{ interimsbudget.totalt|belopp }}"], widths=[7, 5.5, 3.5])
    caption(doc, "Interimsbudgetens finansiering per förbund")
    table(doc, [("Förbund", False), ("Underlag ({{ interimsbudget.nyckel }})", True),
                ("Andel, kr", True)],
          "r in interimsbudget.finansiering",
          ["{{ r.forbund }}", "{{ r.underlag|belopp }}", "{{ r.belopp|belopp }}"],
          ["Summa", "", "{{ interimsbudget.totalt|belopp }}"], widths=[8.5, 4, 3.5])
    caption(doc, "Kapitalöverföring den {{ startdatum|iso }}")
    table(doc, [("Förbund", False), ("Eget kapital, kr", True), ("Interimsandel, kr", True),
                ("Kvar, kr", True), ("Förs över, kr", True)],
          "r in kapital.rader",
          ["{{ r.forbund }}", "{{ r.eget_kapital|belopp }}", "{{ r.interimsandel|belopp }}",
           "{{ r.kvar|belopp }}", "{{ r.overfors|belopp }}"],
          ["Summa", "{{ kapital.summa_eget_kapital|belopp }}",
           "{{ kapital.summa_interimsandel|belopp }}",
           "{{ kapital.ingaende_eget_kapital|belopp }}", "{{ kapital.overfors_totalt|belopp }}"],
          widths=[5.5, 2.8, 2.8, 2.5, 2.4])
    after_table(doc, "Det gemensamma förbundets ingående egna kapital den {{ startdatum|datum }} blir "
              "{{ kapital.ingaende_eget_kapital|kronor }}, varav {{ kapital.behalls|kronor }} "
              "redan finns i {{ kvarvarande_forbund.namn }} och "
              "{{ kapital.overfors_totalt|kronor }} förs över från de förbund som avvecklas.")
    para(doc, "Likvidationen av de avvecklade förbunden väntas ge vissa besparingar på "
              "administrationen. Parterna kan också ställa personal till förfogande under "
              "övergången.")
    heading(doc, "Hållbarhet", 2)
    heading(doc, "Barnperspektiv", 3)
    para(doc, "Insatserna riktar sig till vuxna, så förslaget påverkar inte barn direkt. När "
              "föräldrar får stöd att närma sig arbetsmarknaden och försörja sig själva "
              "förbättras dock barnens levnadsvillkor.")
    heading(doc, "Invånarperspektiv", 3)
    para(doc, "Ett gemensamt förbund ska göra insatserna lika tillgängliga i hela länet. "
              "Skillnader mellan kvinnors och mäns tillgång till insatser blir också lättare "
              "att se och åtgärda i ett samlat förbund.")
    heading(doc, "Uppföljning", 2)
    para(doc, "Parterna bör följa upp målen med sammanslagningen, med externt stöd, när "
              "effekterna kan mätas, tidigast {{ startdatum.year + 2 }}.")
    closing(doc, path, ["Förslag till förbundsordning för {{ nytt_forbund }}, bilaga 1",
                        "Gemensam avsiktsförklaring från parterna",
                        "Denna tjänsteskrivelse, {{ steg.datum|iso }}"],
            ["{%p if eget_forbund and not eget_forbund.ar_kvarvarande %}",
             "{{ kvarvarande_forbund.namn }} – för kännedom",
             "{%p endif %}"])


def step3(path: Path) -> None:
    doc = opening("Medlemsbidrag till gemensamt samordningsförbund")
    proposal(doc, [
        "Medlemsbidraget från {{ part.namn }} till {{ nytt_forbund }} för {{ budgetar }} "
        "fastställs till {{ part.bidrag_nytt|kronor }}.",
        "Beslutet gäller under förutsättning att samtliga medlemmar fattar motsvarande beslut.",
    ])
    heading(doc, "Ärendebeskrivning", 2)
    earlier_decisions(doc)
    para(doc, "{{ nytt_forbund }} tar över verksamheten från de nuvarande förbunden den "
              "{{ startdatum|datum }}. Enligt 5 § lagen (2003:1210) om finansiell samordning av "
              "rehabiliteringsinsatser fördelas medlemsbidragen med {{ andel_stat|procent(0) }} "
              "från staten, {{ andel_region|procent(0) }} från regionen och "
              "{{ andel_kommuner|procent(0) }} från kommunerna tillsammans.")
    para(doc, "De samlade medlemsbidragen för {{ budgetar }} är {{ bidrag.totalt|kronor }}: "
              "staten svarar för {{ bidrag.stat|kronor }}, regionen för "
              "{{ bidrag.region|kronor }} och kommunerna för {{ bidrag.kommuner|kronor }}.")
    para(doc, "Kommunernas del fördelas efter antalet invånare. Länets kommuner har "
              "sammanlagt {{ bidrag.invanare_totalt|belopp }} invånare.")
    caption(doc, "Kommunernas medlemsbidrag {{ budgetar }}")
    table(doc, [("Kommun", False), ("Invånare", True), ("Andel", True),
                ("Bidrag {{ budgetar }}, kr", True), ("Bidrag i dag, kr", True),
                ("Förändring, kr", True)],
          "k in kommuner",
          ["{{ k.namn }}", "{{ k.invanare|belopp }}", "{{ k.andel|procent }}",
           "{{ k.bidrag_nytt|belopp }}", "{{ k.bidrag_nu|belopp }}",
           "{{ k.forandring_kr|forandring }}"],
          ["Summa", "{{ bidrag.invanare_totalt|belopp }}", "100,0 %",
           "{{ bidrag.kommuner|belopp }}", "{{ bidrag.nu_kommuner|belopp }}",
           "{{ (bidrag.kommuner - bidrag.nu_kommuner)|forandring }}"],
          bold_if="k.ar_denna_part", widths=[4.4, 2.1, 1.8, 2.6, 2.6, 2.5])
    tag(doc, "{%p if part.ar_kommun %}")
    after_table(doc, "För {{ part.namn }} blir medlemsbidraget {{ part.bidrag_nytt|kronor }} för "
              "{{ budgetar }}, jämfört med {{ part.bidrag_nu|kronor }} i dag. Det är en "
              "förändring med {{ part.forandring_kr|forandring }} kronor "
              "({{ part.forandring_procent|forandring_procent }}).")
    tag(doc, "{%p else %}")
    after_table(doc, "{{ 'Regionens' if part.ar_region else 'Statens' }} del, "
              "{{ (bidrag.region if part.ar_region else bidrag.stat)|kronor }}, fördelas "
              "efter {{ 'regionernas' if part.ar_region else 'de statliga parternas' }} "
              "nuvarande bidrag. För {{ part.namn }} blir medlemsbidraget "
              "{{ part.bidrag_nytt|kronor }} för {{ budgetar }}, jämfört med "
              "{{ part.bidrag_nu|kronor }} i dag, en förändring med "
              "{{ part.forandring_kr|forandring }} kronor "
              "({{ part.forandring_procent|forandring_procent }}).")
    tag(doc, "{%p endif %}")
    heading(doc, "Ekonomiska konsekvenser", 2)
    para(doc, "{{ part.namn }} betalar {{ part.bidrag_nytt|kronor }} till {{ nytt_forbund }} "
              "för {{ budgetar }}. Samtidigt upphör medlemsbidragen till de nuvarande "
              "förbunden, i dag {{ part.bidrag_nu|kronor }} per år.")
    closing(doc, path, ["Förbundsordning för {{ nytt_forbund }}",
                        "Denna tjänsteskrivelse, {{ steg.datum|iso }}"],
            ["{{ nytt_forbund }} – för kännedom"])


def cover_letter(path: Path) -> None:
    """Följebrevet that goes with each party's bundle (`papers bundle`)."""
    doc = new_document("Följebrev")
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("{{ nytt_forbund }} – länsprocessen i {{ lan }}").bold = True
    footer(doc)
    para(doc, "Datum: {{ datum|iso }}", space_after=2)
    para(doc, ("Till {{ part.namn }}", "b"))
    tag(doc, "{%p if part.avdelning %}")
    para(doc, "{{ part.avdelning }}")
    tag(doc, "{%p endif %}")
    heading(doc, "Handlingar om {{ nytt_forbund }}", 1)
    para(doc, "Här kommer förslagen till beslut för {{ part.namn }} i länsprocessen om ett "
              "gemensamt samordningsförbund i {{ lan }}. Varje handling är en "
              "tjänsteskrivelse som kan läggas fram för {{ part.beredande_organ|lower or "
              "'det beredande organet' }} som den är eller bearbetas av förvaltningen.")
    caption(doc, "Handlingar och svarsdagar")
    table(doc, [("Steg", True), ("Ärende", False), ("Fil", False), ("Svar senast", False)],
          "h in handlingar",
          ["{{ h.steg }}", "{{ h.rubrik }}", "{{ h.fil }}",
           "{{ h.sista_svarsdag|iso if h.sista_svarsdag else '–' }}"],
          None, widths=[1.2, 7, 5.3, 2.5])
    after_table(doc, "Besluten skickas till {{ nytt_forbund }} när de är fattade, med "
                     "diarienummer, datum och paragraf.")
    heading(doc, "Kontakt", 2)
    tag(doc, "{%p if kontaktperson %}")
    para(doc, "Frågor om handlingarna besvaras av {{ kontaktperson }}.")
    tag(doc, "{%p else %}")
    para(doc, "Frågor om handlingarna besvaras av länspresidiet för samordningsförbunden i "
              "{{ lan }}.")
    tag(doc, "{%p endif %}")
    save(doc, path)


def main(folder: str = "templates_docx") -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    step1(target / "01_delta_i_lansprocess.docx")
    step2(target / "02_bildande.docx")
    step3(target / "03_medlemsbidrag.docx")
    cover_letter(target / "foljebrev.docx")
    print(f"Skrev mallarna i {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
