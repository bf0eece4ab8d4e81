"""Write the first version of the three step templates in templates_docx/ (the bilagor and
the covering letter come from make_bilagor.py).

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
    copies,
    footer,
    heading,
    letterhead,
    new_document,
    para,
    proposal,
    save,
    signatures,
    table,
    tag,
)


def opening(title: str):
    doc = new_document(title)
    letterhead(doc)
    footer(doc)
    heading(doc, "{{ steg.rubrik }}", 1)
    return doc


def paragraphs(doc, lines: list) -> None:
    """Paragraphs and {%p %} tags in order (a tag line starts with "{%p")."""
    for line in lines:
        if line.startswith("{%p"):
            tag(doc, line)
        else:
            para(doc, line)


def earlier_decisions(doc) -> None:
    tag(doc, "{%p if avslag_tidigare %}")
    para(
        doc,
        ("Observera: ", "b"),
        "{{ part.namn }} har i ett tidigare steg avslagit förslaget. "
        "Ärendet behöver beredas med det i åtanke.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for beslut in tidigare_beslut %}")
    para(doc, "{{ beslut.text }}")
    tag(doc, "{%p endfor %}")


def after_table(doc, text: str):
    p = para(doc, text)
    p.paragraph_format.space_before = Pt(8)
    return p


def ending(doc, path: Path, documents: list[str]) -> None:
    """Signatures, Beslutsunderlag and Kopia till (seed 003's order), then save."""
    signatures(doc)
    heading(doc, "Beslutsunderlag", 2)
    for line in documents:
        if line.startswith("{%p"):
            tag(doc, line)
        else:
            bullet(doc, line)
    copies(doc)
    save(doc, path)


def step1(path: Path) -> None:
    doc = opening("Beslut om att delta i länsprocess")
    proposal(
        doc,
        [
            "{{ part.namn }} deltar i länsprocessen om ett gemensamt samordningsförbund i {{ lan }} "
            "enligt samordningsförbundens förslag.",
            "Deltagandet delegeras till {{ delegering_text }}.",
        ],
    )
    heading(doc, "Sammanfattning", 2)
    para(
        doc,
        "Samordningsförbunden i {{ lan }} bjuder in alla sina medlemmar till en "
        "länsprocess. Den ska ge underlag för ett beslut om att samla verksamheten i ett "
        "förbund för hela länet. Deltagandet medför inga nya kostnader för "
        "{{ part.namn }}.",
    )
    heading(doc, "Ärendebeskrivning", 2)
    heading(doc, "Bakgrund", 3)
    paragraphs(
        doc,
        [
            "I {{ lan }} finns i dag {{ antal_forbund_text }} samordningsförbund enligt lagen "
            "(2003:1210) om finansiell samordning av rehabiliteringsinsatser: "
            "{{ forbund_namn_text }}. Förbundens målgrupp är länets invånare i åldern 16–64 år som "
            "behöver samordnad arbetslivsinriktad rehabilitering. Medlemmar är "
            "{{ medlemmar_text }}.",
            "I december 2020 beslutade länsmedlemssamrådet, där medlemmarna i länets "
            "samordningsförbund möts, att ta fram ett förslag på hur verksamheten på sikt kan "
            "organiseras i ett gemensamt förbund för hela länet, där den lokala närvaron säkras.",
            "{{ lanstackande_text }} verkar i hela länet och vill att verksamheten samlas i ett "
            "förbund för hela länet. Kommunerna har ännu inte tagit ställning.",
        ],
    )
    heading(doc, "Länsprocessen", 3)
    paragraphs(
        doc,
        [
            "Länsprocessen ska ge medlemmarna ett underlag för att ta ställning till ett gemensamt "
            "förbund, med individens behov i centrum. Lokal förankring, lika inflytande och lokal "
            "närvaro är en förutsättning för alla medlemmar.",
            "För att alla perspektiv ska tas till vara bjuder förbunden in samtliga medlemmar att "
            "delta. Ett länspresidium leder arbetet med stöd av en extern processledare, inom "
            "befintliga budgetar.",
            "{%p if ordforande_text %}",
            "Inbjudan är undertecknad av förbundens ordförande: {{ ordforande_text }}.",
            "{%p endif %}",
            "{%p if steg.sista_svarsdag %}",
            "Förbunden vill ha besked om {{ part.namn_genitiv }} deltagande senast den "
            "{{ steg.sista_svarsdag|datum }}.",
            "{%p endif %}",
        ],
    )
    caption(doc, "Tidplan för besluten")
    table(
        doc,
        [("Steg", True), ("Ärende", False), ("Handlingens datum", False), ("Svar senast", False)],
        "t in tidplan",
        ["{{ t.steg }}", "{{ t.rubrik }}", "{{ t.datum }}", "{{ t.svar_senast }}"],
        None,
        widths=[1.3, 8.7, 3.2, 2.8],
    )
    tag(doc, "{%p if arende.remitterat_till %}")
    heading(doc, "Remiss", 3)
    para(doc, "Ärendet har remitterats till {{ arende.remitterat_till }} för ett tjänstemannayttrande.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if arende.yttrande %}")
    para(doc, "{{ arende.yttrande }}")
    tag(doc, "{%p endif %}")
    heading(doc, "{{ part.namn }} och förbunden i dag", 3)
    paragraphs(
        doc,
        [
            "{%p if part.ar_kommun %}",
            "{{ part.namn }} betalar i dag {{ part.bidrag_nu|kronor }} per år i medlemsbidrag till "
            "{{ eget_forbund.namn }}.",
            "{%p elif part.bidrag_nu %}",
            "{{ part.namn }} är medlem i alla förbund i länet och betalar i dag sammanlagt "
            "{{ part.bidrag_nu|kronor }} per år i medlemsbidrag till {{ forbunden_text }}.",
            "{%p else %}",
            "{{ part.namn }} är medlem i alla förbund i länet men betalar inget eget "
            "medlemsbidrag. Statens del betalas av {{ betalande_stat_text }}.",
            "{%p endif %}",
            "Ett gemensamt förbund skulle ha en styrelse, en förvaltning, en revision och en "
            "verksamhetsplan med budget för hela länet. Insatserna kan då bli lika tillgängliga "
            "oavsett var i länet man bor, medel kan samlas till större satsningar och "
            "{{ part.kallas }} får fler samverkansparter att utveckla arbetet med.",
        ],
    )
    tag(doc, "{%p if arende.bedomning %}")
    heading(doc, "Bedömning", 3)
    para(doc, "{{ arende.bedomning }}")
    tag(doc, "{%p endif %}")
    heading(doc, "Ekonomiska konsekvenser", 2)
    para(
        doc,
        "Deltagandet i länsprocessen medför inga nya kostnader för {{ part.namn }}. "
        "Arbetet bekostas inom befintliga budgetar.",
    )
    caption(doc, "Medlemsbidrag per förbund i dag, kronor per år")
    table(
        doc,
        [("Förbund", False), ("Medlemsbidrag", True)],
        "f in forbund",
        ["{{ f.namn }}", "{{ f.bidrag_nu|belopp }}"],
        ["Summa", "{{ bidrag.nu_totalt|belopp }}"],
        widths=[11, 5],
    )
    ending(
        doc,
        path,
        [
            "Inbjudan från samordningsförbunden i {{ lan }}, {{ steg.rubrik|citat }}",
            "{%p if arende.remitterat_till %}",
            "Tjänstemannayttrande från {{ arende.remitterat_till }}",
            "{%p endif %}",
        ],
    )


def step2(path: Path) -> None:
    doc = opening("Bildande av gemensamt samordningsförbund")
    proposal(
        doc,
        [
            "{{ part.namn }} godkänner förbundsordningen för {{ nytt_forbund }} i bilaga 1.",
            "Förbundsordningen gäller från och med den {{ bildandedatum|datum }}. Från den dagen är "
            "{{ kvarvarande_forbund.namn }} det gemensamma samordningsförbundet för hela länet "
            "under namnet {{ nytt_forbund }}.",
            "{%p for a in andrade_forbundsordningar %}",
            "{{ part.namn }} godkänner ändringen av förbundsordningen för {{ a.namn }} i bilaga "
            "{{ a.bilaga }}. Ändringen kompletterar {{ a.paragraf_text }} om likvidation och "
            "upplösning så att förbundets kvarvarande tillgångar, skulder, egendom och verksamhet "
            "överförs till {{ nytt_forbund }} från och med den {{ startdatum|datum }}.",
            "{%p endfor %}",
        ],
    )
    heading(doc, "Sammanfattning", 2)
    paragraphs(
        doc,
        [
            "Medlemmarna i {{ forbunden_text }} i {{ lan }} har under en länsprocess enats om att "
            "samla verksamheten i ett förbund för hela länet. {{ kvarvarande_forbund.namn }} "
            "behålls, utvidgas till hela länet och får namnet {{ nytt_forbund }}. Varje medlem "
            "behöver godkänna förbundets nya förbundsordning.",
            "En interimistisk styrelse förbereder övergången från den {{ bildandedatum|datum }}. "
            "Den {{ startdatum|datum }} tar det gemensamma förbundet över verksamheten.",
            "{%p if avvecklade_forbund %}",
            "För att tillgångar och skulder ska kunna föras över behöver "
            "{{ avvecklade_forbundsordningar_text }} ändras.",
            "{%p endif %}",
        ],
    )
    heading(doc, "Ärendebeskrivning", 2)
    heading(doc, "Bakgrund", 3)
    earlier_decisions(doc)
    para(
        doc,
        "Inom länsprocessen har ett länspresidium med externt processtöd tagit fram ett "
        "underlag för beslut om ett gemensamt samordningsförbund och ett förslag till "
        "gemensam avsiktsförklaring om att bilda {{ nytt_forbund }}. Förslaget till "
        "förbundsordning har tagits fram av länspresidiet med stöd av tjänstepersoner "
        "från medlemmarna.",
    )
    heading(doc, "Skäl för ett gemensamt förbund", 3)
    # Short paragraphs with a bold lead, not a list, each kept whole: LibreOffice leaves a
    # heading last on a page when what follows it is a chain of kept list items, or a
    # paragraph that moves whole for orphan control.
    for lead, text in (
        (
            "För individen: ",
            "fler får tillgång till samordnade insatser, och insatserna kan "
            "bli mer träffsäkra och professionella.",
        ),
        (
            "För medlemmarna: ",
            "färre möten och en gemensam struktur gör det lättare att "
            "samverka både lokalt och i hela länet.",
        ),
        (
            "För förbundet: ",
            "en stabilare och mindre sårbar organisation, där goda "
            "arbetssätt lättare sprids till alla kommuner.",
        ),
        (
            "För samhället: ",
            "ett större förbund får mer kraft i det regionala och "
            "nationella utvecklingsarbetet och använder de gemensamma "
            "medlen effektivare.",
        ),
    ):
        para(doc, (lead, "b"), text).paragraph_format.keep_together = True
    heading(doc, "Utgångspunkter för lokal närvaro", 3)
    para(
        doc,
        "Samverkan kring den enskildes samlade behov sker lokalt, och det lokala "
        "perspektivet är fortsatt utgångspunkten för förbundets verksamhet. Det innebär "
        "att",
    )
    bullet(doc, "medlemmarna utgår från individens behov när verksamheten organiseras")
    bullet(doc, "medlemmarna tillsammans tar ansvar för att kartlägga de lokala behoven")
    bullet(doc, "de insatser som förbundet stöder är tillgängliga för invånarna i alla länets kommuner")
    bullet(
        doc,
        "förbundet fångar upp och stöder lokala initiativ, till exempel genom nätverk "
        "för chefer och samverkansansvariga i varje kommun.",
    )
    para(
        doc,
        "Samtliga kommuner i länet ska vara företrädda i förbundets styrning "
        "tillsammans med {{ lanstackande_text }}.",
    )
    heading(doc, "Bildande och interimistisk styrelse", 3)
    paragraphs(
        doc,
        [
            "Ett samordningsförbund är bildat när samtliga medlemmar har godkänt förbundsordningen, "
            "eller vid den tidpunkt som förbundsordningen anger. Den lämpligaste lösningen är att "
            "ett av de befintliga förbunden, {{ kvarvarande_forbund.namn }}, behålls och utvidgas. "
            "Inget nytt förbund bildas: förbundet behåller sitt organisationsnummer, och de beslut "
            "det redan har fattat gäller även de nya medlemmarna.",
            "Från den {{ bildandedatum|datum }} till och med den {{ dagen_fore_start|datum }} leds "
            "förbundet av en interimistisk styrelse. Den förbereder övertagandet av verksamheten, "
            "bland annat genom att rekrytera en förbundschef, se över och teckna nödvändiga avtal "
            "och ta fram underlag för budgeten för {{ budgetar }}. Styrelsens uppdrag regleras i "
            "förbundsordningens paragrafer om ändamål och om uppgifter och beslutanderätt.",
        ],
    )
    heading(doc, "Överföring av tillgångar", 3)
    paragraphs(
        doc,
        [
            "{%p if avvecklade_forbund %}",
            "Enligt Nationella rådets kunskapsstöd kan kvarvarande kapital föras över till ett "
            "gemensamt förbund genom att de förbund som avvecklas skriver in det i sina "
            "förbundsordningar. Därför föreslås att {{ avvecklade_forbundsordningar_text }} "
            "kompletteras i paragrafen om likvidation och upplösning med följande text:",
            "”Efter samråd och beslut kan förbundet träda i likvidation. Kvarvarande tillgångar, "
            "skulder, egendom och verksamhet överförs från och med den {{ startdatum|datum }} till "
            "det gemensamma {{ nytt_forbund }}.”",
            "{%p endif %}",
            "{{ kvarvarande_forbund.namn }} behöver inte ändra sin förbundsordning för "
            "överföringen, eftersom förbundet behåller sitt organisationsnummer och sitt eget "
            "kapital.",
            "{%p if eget_forbund_kvarstar %}",
            "{{ part.namn }} är medlem i {{ eget_forbund.namn }}, som fortsätter som det "
            "gemensamma förbundet.",
            "{%p elif eget_forbund_avvecklas %}",
            "{{ part.namn }} är medlem i {{ eget_forbund.namn }}, som avvecklas när det "
            "gemensamma förbundet tar över. Därför föreslås att {{ part.kallas }} godkänner "
            "ändringen av förbundets förbundsordning.",
            "{%p elif andrade_forbundsordningar %}",
            "{{ part.namn }} är medlem i alla förbund i länet och godkänner därför också "
            "ändringen av {{ avvecklade_forbundsordningar_text }}.",
            "{%p endif %}",
            "{%p if part.har_kapitalandel %}",
            "{{ eget_forbund.namn }} hade ett eget kapital på {{ eget_forbund.eget_kapital|kronor }} "
            "den {{ eget_forbund.balansdag|datum }}. Efter förbundets andel av interimsbudgeten "
            "återstår {{ eget_forbund.kvar|kronor }}. {{ part.namn_genitiv }} andel av det "
            "kvarvarande kapitalet, beräknad efter {{ part.kallas_genitiv }} andel av "
            "medlemsbidragen till förbundet, är {{ part.kapitalandel|kronor }}.",
            "{%p endif %}",
        ],
    )
    heading(doc, "Ekonomiska konsekvenser", 2)
    para(
        doc,
        "Den interimistiska styrelsens kostnader till och med den "
        "{{ dagen_fore_start|datum }} beräknas till {{ interimsbudget.totalt|kronor }}. "
        "De betalas av de befintliga förbundens egna kapital, fördelade efter "
        "{{ interimsbudget.nyckel_text }}. Medlemmarna kan också ställa personal till "
        "förfogande under övergången.",
    )
    caption(doc, "Interimsbudget, kronor")
    table(
        doc,
        [("Post", False), ("Belopp", True)],
        "r in interimsbudget.poster",
        ["{{ r.text }}", "{{ r.belopp|belopp }}"],
        ["Summa", "{{ interimsbudget.totalt|belopp }}"],
        widths=[12, 4],
    )
    caption(doc, "Interimsbudgetens finansiering per förbund, kronor")
    table(
        doc,
        [("Förbund", False), ("Underlag ({{ interimsbudget.nyckel }})", True), ("Andel", True)],
        "r in interimsbudget.finansiering",
        ["{{ r.forbund }}", "{{ r.underlag|belopp }}", "{{ r.belopp|belopp }}"],
        ["Summa", "", "{{ interimsbudget.totalt|belopp }}"],
        widths=[8.5, 4, 3.5],
    )
    caption(doc, "Eget kapital och överföring den {{ startdatum|datum }}, kronor")
    table(
        doc,
        [
            ("Förbund", False),
            ("Eget kapital", True),
            ("Balansdag", True),
            ("Interimsandel", True),
            ("Kvar", True),
            ("Förs över", True),
        ],
        "r in kapital.rader",
        [
            "{{ r.forbund }}",
            "{{ r.eget_kapital|belopp }}",
            "{{ r.balansdag|iso }}",
            "{{ r.interimsandel|belopp }}",
            "{{ r.kvar|belopp }}",
            "{{ r.overfors|belopp }}",
        ],
        [
            "Summa",
            "{{ kapital.summa_eget_kapital|belopp }}",
            "",
            "{{ kapital.summa_interimsandel|belopp }}",
            "{{ kapital.ingaende_eget_kapital|belopp }}",
            "{{ kapital.overfors_totalt|belopp }}",
        ],
        widths=[4.6, 2.4, 2.3, 2.5, 2.1, 2.1],
    )
    tag(doc, "{%p if avvecklade_forbund %}")
    after_table(
        doc,
        "Det gemensamma förbundets ingående eget kapital den {{ startdatum|datum }} "
        "blir {{ kapital.ingaende_eget_kapital|kronor }}, varav "
        "{{ kapital.behalls|kronor }} redan finns i {{ kvarvarande_forbund.namn }} "
        "och {{ kapital.overfors_totalt|kronor }} förs över från "
        "{{ avvecklade_namn_text }}.",
    )
    para(
        doc,
        "Likvidationen av {{ avvecklade_namn_text }} väntas ge vissa besparingar i administrationen.",
    )
    tag(doc, "{%p else %}")
    after_table(
        doc,
        "Förbundets eget kapital den {{ startdatum|datum }} blir "
        "{{ kapital.ingaende_eget_kapital|kronor }}.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Hållbarhet", 2)
    heading(doc, "Miljöperspektiv", 3)
    para(doc, "Förslaget har inga särskilda konsekvenser för miljön.")
    heading(doc, "Barnperspektiv", 3)
    para(
        doc,
        "Insatserna riktar sig till vuxna, och förslaget påverkar därför inte barn "
        "direkt. När föräldrar får stöd att närma sig arbetsmarknaden och försörja sig "
        "själva förbättras dock barnens levnadsvillkor.",
    )
    heading(doc, "Invånarperspektiv", 3)
    para(
        doc,
        "Ett gemensamt förbund ska göra insatserna lika tillgängliga i hela länet. "
        "Skillnader mellan kvinnors och mäns tillgång till insatser blir också lättare "
        "att se och åtgärda i ett samlat förbund.",
    )
    heading(doc, "Uppföljning", 2)
    para(
        doc,
        "Medlemmarna bör följa upp målen med sammanslagningen, med externt stöd, när "
        "effekterna kan mätas, från och med {{ uppfoljning_ar }}.",
    )
    ending(
        doc,
        path,
        [
            "{%p for b in bilagor %}",
            "Bilaga {{ b.nummer }}: {{ b.titel }}",
            "{%p endfor %}",
            "Gemensam avsiktsförklaring om att bilda {{ nytt_forbund }}",
        ],
    )


def step3(path: Path) -> None:
    doc = opening("Medlemsbidrag till gemensamt samordningsförbund")
    proposal(
        doc,
        [
            "{{ part.namn }} betalar {{ part.bidrag_nytt|kronor }} i medlemsbidrag till "
            "{{ nytt_forbund }} för {{ budgetar }}.",
            "Beslutet gäller under förutsättning att samtliga medlemmar fattar motsvarande beslut.",
        ],
    )
    heading(doc, "Sammanfattning", 2)
    para(
        doc,
        "Från den {{ startdatum|datum }} betalar medlemmarna sina medlemsbidrag till "
        "{{ nytt_forbund }} i stället för till {{ forbunden_text }}. "
        "{{ part.namn_genitiv }} medlemsbidrag för {{ budgetar }} blir "
        "{{ part.bidrag_nytt|kronor }}, {{ part.forandring_text }} jämfört med i dag.",
    )
    heading(doc, "Ärendebeskrivning", 2)
    earlier_decisions(doc)
    paragraphs(
        doc,
        [
            "{{ nytt_forbund }} tar över verksamheten från de nuvarande förbunden den "
            "{{ startdatum|datum }}. Enligt 5 § lagen (2003:1210) om finansiell samordning av "
            "rehabiliteringsinsatser betalar {{ andelar_text }} av medlemsbidragen.",
            "De samlade medlemsbidragen för {{ budgetar }} är {{ bidrag.totalt|kronor }}. "
            "Statens del är {{ bidrag.stat|kronor }}, {{ regionens_text }} del "
            "{{ bidrag.region|kronor }} och kommunernas del {{ bidrag.kommuner|kronor }}.",
            "Kommunernas del fördelas mellan länets {{ antal_kommuner_text }} kommuner efter "
            "antalet invånare. Kommunerna har sammanlagt {{ bidrag.invanare_totalt|belopp }} "
            "invånare.",
        ],
    )
    caption(doc, "Kommunernas medlemsbidrag {{ budgetar }}, kronor")
    table(
        doc,
        [
            ("Kommun", False),
            ("Invånare", True),
            ("Andel", True),
            ("{{ budgetar }}", True),
            ("I dag", True),
            ("Förändring", True),
        ],
        "k in kommuner",
        [
            "{{ k.namn }}",
            "{{ k.invanare|belopp }}",
            "{{ k.andel|procent }}",
            "{{ k.bidrag_nytt|belopp }}",
            "{{ k.bidrag_nu|belopp }}",
            "{{ k.forandring_kr|forandring }}",
        ],
        [
            "Summa",
            "{{ bidrag.invanare_totalt|belopp }}",
            "100,0 %",
            "{{ bidrag.kommuner|belopp }}",
            "{{ bidrag.nu_kommuner|belopp }}",
            "{{ bidrag.forandring_kommuner|forandring }}",
        ],
        bold_if="k.ar_denna_part",
        widths=[4.6, 2.2, 2.0, 2.5, 2.4, 2.3],
    )
    # The party's own figure first, set off from the table above it; then, for the region
    # and the state, what their part of the whole is.
    tag(doc, "{%p if part.forandring_kr %}")
    after_table(
        doc,
        "För {{ part.namn }} blir medlemsbidraget {{ part.bidrag_nytt|kronor }} för "
        "{{ budgetar }}, jämfört med {{ part.bidrag_nu|kronor }} i dag. Det är "
        "{{ part.forandring_text }}.",
    )
    tag(doc, "{%p else %}")
    after_table(
        doc,
        "För {{ part.namn }} är medlemsbidraget för {{ budgetar }} detsamma som i dag, "
        "{{ part.bidrag_nu|kronor }}.",
    )
    tag(doc, "{%p endif %}")
    paragraphs(
        doc,
        [
            "{%p if part.ar_region %}",
            "{{ regionens_del_text }}",
            "{%p elif part.ar_stat %}",
            "{{ statens_del_text }}",
            "{%p endif %}",
        ],
    )
    heading(doc, "Ekonomiska konsekvenser", 2)
    paragraphs(
        doc,
        [
            "{{ part.namn }} betalar {{ part.bidrag_nytt|kronor }} till {{ nytt_forbund }} för "
            "{{ budgetar }}. Från den {{ startdatum|datum }} upphör {{ nuvarande_bidrag_text }}, "
            "i dag {{ part.bidrag_nu|kronor }} per år.",
            "{%p if part.finansieras_av %}",
            "Medlemsbidraget finansieras genom {{ part.finansieras_av }}.",
            "{%p endif %}",
        ],
    )
    ending(doc, path, ["Förbundsordning för {{ nytt_forbund }}"])


def main(folder: str = "templates_docx") -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    step1(target / "01_delta_i_lansprocess.docx")
    step2(target / "02_bildande.docx")
    step3(target / "03_medlemsbidrag.docx")
    print(f"Skrev mallarna i {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
