"""Write the first version of the bilaga templates and the covering letter in templates_docx/.

- bilaga_forbundsordning.docx: the joint förbund's förbundsordning (bilaga 1 of step 2),
  one paragraph for every item of 9 § lagen (2003:1210) om finansiell samordning av
  rehabiliteringsinsatser.
- bilaga_andrad_forbundsordning.docx: the revision of a wound-up förbund's förbundsordning
  (bilaga 2, one per förbund), with seed 002's clause on likvidation.
- foljebrev.docx: the covering letter, one per party and step.

The committed .docx files are the sources officers edit; run this only to start over (it
overwrites them). The variables are those of `pipeline/bilagor.py` (see `papers variables`).

    python scripts/make_bilagor.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt
from template_kit import (
    RIGHT,
    bullet,
    caption,
    field,
    heading,
    new_document,
    para,
    save,
    table,
    tag,
)

LAW = "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser"


def document(title: str, comment: str):
    doc = new_document(title)
    doc.core_properties.comments = comment
    return doc


def sender_header(doc, line: str) -> None:
    """Header: the sender (never the recipient) and the draft mark when the data are examples."""
    header = doc.sections[0].header
    first = header.paragraphs[0]
    run = first.add_run(line)
    run.bold = True
    run.font.size = Pt(12)
    mark = header.add_paragraph()
    mark.add_run("{{ utkast_markering }}").font.size = Pt(9)


def sender_footer(doc, line: str) -> None:
    """Footer: the sender's contact block and the page number in the Swedish form "1 (3)"."""
    foot = doc.sections[0].footer
    foot.paragraphs[0].add_run(line)
    pages = foot.add_paragraph()
    pages.alignment = RIGHT
    field(pages, "PAGE")
    pages.add_run(" (")
    field(pages, "NUMPAGES")
    pages.add_run(")")


def section(doc, number: int, title: str, *paragraphs: str) -> None:
    heading(doc, f"{number} § {title}", 2).paragraph_format.keep_with_next = True
    for text in paragraphs:
        if text.startswith("{%p"):
            tag(doc, text)
        else:
            para(doc, text)


def forbundsordning(path: Path) -> None:
    doc = document(
        "Förbundsordning för {{ nytt_forbund }}",
        "Bilaga: förbundsordning för det gemensamma förbundet; se papers variables.",
    )
    sender_header(doc, "{{ nytt_forbund }}")
    sender_footer(doc, "{{ avsandare.kontakt_text }}")
    para(doc, "Bilaga till ärendet ”{{ steg.rubrik }}”", space_after=2)
    heading(doc, "Förbundsordning för {{ nytt_forbund }}", 1)
    para(
        doc,
        f"Denna förbundsordning gäller för {{{{ nytt_forbund }}}}, ett samordningsförbund enligt {LAW}.",
    )

    section(
        doc,
        1,
        "Namn och säte",
        "Förbundets namn är {{ nytt_forbund }}.",
        "{%p if sate %}",
        "Förbundet har sitt säte i {{ sate }}.",
        "{%p endif %}",
        "Förbundet är en fortsättning av {{ kvarvarande_forbund.namn }}"
        "{{ kvarvarande_orgnr_text }}, som från och med den {{ bildandedatum|datum }} "
        "har det namn och de medlemmar som anges i denna förbundsordning.",
    )
    section(
        doc,
        2,
        "Medlemmar",
        "Förbundets medlemmar är {{ medlemmar_lista_text }}.",
        "Samordningsområdet omfattar {{ lan_text }}, det vill säga "
        "{{ antal_kommuner_text }} kommuner: {{ kommuner_text }}.",
    )
    section(
        doc,
        3,
        "Ändamål",
        "Förbundets ändamål är att inom samordningsområdet bedriva finansiell samordning "
        f"enligt {LAW}. Insatserna riktar sig till personer i åldern 16–64 år som behöver "
        "samordnade rehabiliteringsinsatser för att uppnå eller förbättra sin förmåga att "
        "förvärvsarbeta.",
        "Under tiden från och med den {{ bildandedatum|datum }} till och med den "
        "{{ dagen_fore_start|datum }} är förbundets ändamål begränsat till att förbereda den "
        "gemensamma verksamheten, som börjar den {{ startdatum|datum }} (se 6 §).",
    )
    section(
        doc,
        4,
        "Uppgifter och beslutanderätt",
        "Förbundet har de uppgifter som anges i 7 § lagen om finansiell samordning av "
        "rehabiliteringsinsatser och den beslutanderätt som behövs för att fullgöra dem. "
        "Förbundet ska",
    )
    for item in (
        "besluta om mål och riktlinjer för den finansiella samordningen,",
        "stödja samverkan mellan förbundsmedlemmarna,",
        "besluta hur de medel som finns för den finansiella samordningen ska användas,",
        "finansiera insatser inom förbundsmedlemmarnas samlade ansvarsområden,",
        "svara för uppföljning och utvärdering av rehabiliteringsinsatserna, och",
        "upprätta budget och bokslut för den finansiella samordningen.",
    ):
        bullet(doc, item)
    section(
        doc,
        5,
        "Organisation",
        "Förbundets beslutande organ är styrelsen. Styrelsen får anställa en förbundschef "
        "och den personal som verksamheten behöver. Förbundets verksamhet och räkenskaper "
        "granskas av revisorer (se 15 §).",
    )
    section(
        doc,
        6,
        "Interimistisk styrelse",
        "Från och med den {{ bildandedatum|datum }} till och med den "
        "{{ dagen_fore_start|datum }} leds förbundet av en interimistisk styrelse, som "
        "förbundsmedlemmarna utser på samma sätt som styrelsen (7 §). Den interimistiska "
        "styrelsen ska förbereda övertagandet av verksamheten från {{ forbund_namn_text }}, "
        "bland annat genom att rekrytera en förbundschef, se över och teckna de avtal som "
        "behövs och ta fram underlag för budgeten för {{ budgetar }}.",
        "Den interimistiska styrelsens uppdrag upphör den {{ dagen_fore_start|datum }}. "
        "Från och med den {{ startdatum|datum }} leds förbundet av den ordinarie styrelsen.",
    )
    section(
        doc,
        7,
        "Styrelse",
        "Styrelsen består av {{ antal_ledamoter_text }} ledamöter och lika många ersättare. "
        "Varje förbundsmedlem utser en ledamot och en ersättare.",
        "Ledamöter och ersättare utses enligt 12 § lagen om finansiell samordning av "
        "rehabiliteringsinsatser: av fullmäktige i regionen och i varje kommun samt av "
        "Försäkringskassan och Arbetsförmedlingen. Fullmäktige utser ledamöter och "
        "ersättare bland sina egna ledamöter och ersättare; myndigheterna bland sina "
        "anställda. Den som utser en ersättare bestämmer i vilken ordning ersättarna ska "
        "kallas till tjänstgöring.",
        "Mandattiden är fyra år från och med den 1 januari året efter de allmänna valen till "
        "kommun- och regionfullmäktige. Styrelsen väljer inom sig ordförande och vice "
        "ordförande för mandattiden.",
    )
    section(
        doc, 8, "Rätt att väcka ärenden", "Varje förbundsmedlem har rätt att väcka ärenden i styrelsen."
    )
    section(
        doc,
        9,
        "Beslut och majoritet",
        "Styrelsen är beslutför när mer än hälften av ledamöterna är närvarande och "
        "förbundsmedlemmarna Försäkringskassan, Arbetsförmedlingen, regionen och minst en "
        "kommun är företrädda. Kvalificerad majoritet krävs inte för något beslut; vid lika "
        "röstetal har ordföranden utslagsröst.",
    )
    section(
        doc,
        10,
        "Tillkännagivanden",
        "Förbundets kungörelser och andra tillkännagivanden publiceras på förbundets "
        "anslagstavla på {{ webbplats_text }}.",
    )
    section(
        doc,
        11,
        "Andelar i tillgångar, skulder och kostnader",
        "Förbundsmedlemmarna bidrar till förbundets verksamhet enligt 5 § lagen om "
        "finansiell samordning av rehabiliteringsinsatser: Försäkringskassan med "
        "{{ andel_stat_text }}, regionen med {{ andel_region_text }} och kommunerna "
        "tillsammans med {{ andel_kommuner_text }} av medlen. Försäkringskassan betalar "
        "statens andel.",
        "Kommunernas andel fördelas mellan kommunerna efter antalet invånare i varje kommun. "
        "Förbundsmedlemmarnas andelar i förbundets tillgångar och "
        "skulder och deras del av förbundets kostnader är desamma som deras andelar av "
        "medlemsbidragen.",
    )
    caption(doc, "Kommunernas andelar av kommunernas del, efter antalet invånare")
    table(
        doc,
        [("Kommun", False), ("Invånare", True), ("Andel", True)],
        "k in kommuner",
        ["{{ k.namn }}", "{{ k.invanare|belopp }}", "{{ k.andel|procent }}"],
        ["Summa", "{{ bidrag.invanare_totalt|belopp }}", "100,0 %"],
        widths=[8, 3.5, 3.5],
    )
    section(
        doc,
        12,
        "Skuldsättning",
        "Förbundet får inte ta upp lån, ingå borgen eller ställa andra säkerheter. "
        "Förbundet får använda sedvanliga krediter enligt 21 § lagen om finansiell "
        "samordning av rehabiliteringsinsatser i den mån de behövs för den löpande "
        "verksamheten.",
    )
    section(
        doc,
        13,
        "Styrning och insyn",
        "Förbundsmedlemmarna styr förbundet genom förbundsordningen, genom sina ledamöter i "
        "styrelsen och genom de medlemsbidrag de beslutar om. Styrelsen kallar "
        "förbundsmedlemmarna till samråd minst en gång om året.",
        "Styrelsen skickar verksamhetsplan, budget, delårsrapport och årsredovisning till "
        "samtliga förbundsmedlemmar. Förbundsmedlemmarna har rätt att ta del av förbundets "
        "handlingar och att få de upplysningar om verksamheten och ekonomin som de begär.",
    )
    section(
        doc,
        14,
        "Budgetprocess",
        "Styrelsen fastställer senast den 30 november varje år förbundets budget och "
        "verksamhetsplan för nästa år, efter samråd med förbundsmedlemmarna. Förslaget "
        "till medlemsbidrag lämnas till förbundsmedlemmarna i så god tid att de kan besluta "
        "om bidraget i sina egna budgetar. Förbundets första budgetår enligt denna "
        "förbundsordning är {{ budgetar }}.",
    )
    section(
        doc,
        15,
        "Revision",
        "Förbundets verksamhet och räkenskaper granskas av revisorer enligt 25 § lagen om "
        "finansiell samordning av rehabiliteringsinsatser. Regionen och kommunerna har en "
        "gemensam revisor, som utses av regionfullmäktige i {{ region_text }}. "
        "Staten utser en revisor enligt lagen.",
        "Revisorernas mandattid är fyra år från och med den 1 januari året efter de "
        "allmänna valen till kommun- och regionfullmäktige. Revisionsberättelsen lämnas "
        "till samtliga förbundsmedlemmar, som var för sig beslutar om ansvarsfrihet för "
        "styrelsen.",
    )
    section(
        doc,
        16,
        "Utträde",
        "En förbundsmedlem kan utträda ur förbundet genom att skriftligen säga upp sitt "
        "medlemskap. Uppsägningstiden är tre år från det att uppsägningen kom in till "
        "förbundet.",
        "Om förbundet efter utträdet inte längre har de medlemmar som 3 § lagen om "
        "finansiell samordning av rehabiliteringsinsatser kräver, träder förbundet i "
        "likvidation när uppsägningstiden har gått ut. I annat fall fortsätter förbundet "
        "med övriga förbundsmedlemmar, och den utträdande medlemmens andel av förbundets "
        "tillgångar och skulder regleras enligt 11 § vid uppsägningstidens slut.",
    )
    section(
        doc,
        17,
        "Likvidation och upplösning",
        "Förbundet träder i likvidation när samtliga förbundsmedlemmar har beslutat det "
        "eller när en förbundsmedlem har utträtt enligt 16 § och förbundet inte kan "
        "fortsätta. Styrelsen är likvidator enligt 15 § lagen om finansiell samordning av "
        "rehabiliteringsinsatser.",
        "Tillgångar som finns kvar när skulderna är betalda fördelas mellan "
        "förbundsmedlemmarna efter deras andelar enligt 11 §. När likvidationen är avslutad "
        "lämnar styrelsen en slutredovisning till förbundsmedlemmarna, och förbundet är "
        "upplöst när slutredovisningen är lämnad. Förbundets arkiv förs över till den "
        "förbundsmedlem som medlemmarna kommer överens om.",
    )
    section(
        doc,
        18,
        "Ändring av förbundsordningen",
        "En ändring av förbundsordningen gäller när den har godkänts av samtliga "
        "förbundsmedlemmar: av fullmäktige i regionen och i varje kommun och av "
        "Försäkringskassan och Arbetsförmedlingen.",
    )
    section(
        doc,
        19,
        "Ikraftträdande",
        "Förbundsordningen gäller från och med den {{ bildandedatum|datum }} och ersätter "
        "den förbundsordning som tidigare gällde för {{ kvarvarande_forbund.namn }}. "
        "{{ overforing_text }}",
    )
    save(doc, path)


def andrad_forbundsordning(path: Path) -> None:
    doc = document(
        "Ändring i förbundsordningen för {{ avvecklat_forbund.namn }}",
        "Bilaga: ändring i förbundsordningen för ett förbund som avvecklas; se papers variables.",
    )
    sender_header(doc, "{{ avvecklat_forbund.namn }}")
    sender_footer(doc, "{{ avvecklat_forbund.kontakt_text }}")
    para(doc, "Bilaga till ärendet ”{{ steg.rubrik }}”", space_after=2)
    heading(doc, "Ändring i förbundsordningen för {{ avvecklat_forbund.namn }}", 1)
    para(
        doc,
        "Förbundsmedlemmarna i {{ avvecklat_forbund.namn }} är {{ avvecklat_forbund.medlemmar_text }}.",
    )
    para(
        doc,
        "För att förbundets tillgångar, skulder, egendom och verksamhet ska kunna föras över "
        "till {{ nytt_forbund }} kompletteras {{ avvecklat_forbund.paragraf_text }} i "
        "förbundets förbundsordning med följande stycke:",
    )
    quote = para(
        doc,
        "”Efter samråd och beslut kan förbundet träda i likvidation. Kvarvarande "
        "tillgångar, skulder, egendom och verksamhet överförs från och med den "
        "{{ startdatum|datum }} till det gemensamma {{ nytt_forbund }}.”",
    )
    quote.paragraph_format.left_indent = Pt(28)
    quote.runs[0].italic = True
    para(doc, "I övrigt gäller förbundsordningen oförändrad.")
    para(
        doc,
        "Ändringen gäller när samtliga förbundsmedlemmar har godkänt den. Den beslutas "
        "tillsammans med förbundsordningen för {{ nytt_forbund }}, som gäller från och med "
        "den {{ bildandedatum|datum }}.",
    )
    save(doc, path)


def foljebrev(path: Path) -> None:
    doc = document(
        "Följebrev – {{ steg.rubrik }}", "Följebrev, ett per part och steg; se papers variables."
    )
    sender_header(doc, "{{ avsandare.namn }}")
    sender_footer(doc, "{{ avsandare.kontakt_text }}")
    para(doc, "{{ steg.datum|iso }}", align=RIGHT)
    para(doc, "{{ part.namn }}", space_after=0)
    tag(doc, "{%p for rad in mottagare_rader %}")
    para(doc, "{{ rad }}", space_after=0)
    tag(doc, "{%p endfor %}")
    para(doc, "")
    heading(doc, "{{ steg.rubrik }}", 1)
    para(
        doc,
        "{{ avsandare.namn }} överlämnar härmed ärendet ”{{ steg.rubrik }}” till "
        "{{ part.namn }} för beslut.",
    )
    para(doc, "Med brevet följer:")
    bullet(doc, "{{ handling_text }} ”{{ steg.rubrik }}”")
    tag(doc, "{%p for b in bilagor %}")
    bullet(doc, "Bilaga {{ b.nummer }}: {{ b.titel }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if ersatter_version %}")
    para(
        doc,
        "Handlingen ersätter version {{ ersatter_version }}, som skickades tidigare. "
        "Följande har ändrats:",
    )
    tag(doc, "{%p for andring in andringar %}")
    bullet(doc, "{{ andring }}")
    tag(doc, "{%p endfor %}")
    para(doc, "Ändringarna är markerade i den bifogade kopian med spårade ändringar.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if steg.sista_svarsdag %}")
    para(
        doc,
        "Vi ber att få ett protokollsutdrag med beslutet, med datum och paragraf, "
        "senast den {{ steg.sista_svarsdag|datum }}.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if kontaktperson %}")
    para(doc, "Frågor om ärendet besvaras av {{ kontaktperson }}.")
    tag(doc, "{%p endif %}")
    para(doc, "{{ avsandare.for_text }}").paragraph_format.space_before = Pt(12)
    tag(doc, "{%p for u in undertecknare %}")
    signer = para(doc, "{{ u.namn }}", space_after=0)
    signer.paragraph_format.space_before = Pt(24)
    signer.paragraph_format.keep_with_next = True
    para(doc, "{{ u.titel }}")
    tag(doc, "{%p endfor %}")
    save(doc, path)


def main(folder: str = "templates_docx") -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    forbundsordning(target / "bilaga_forbundsordning.docx")
    andrad_forbundsordning(target / "bilaga_andrad_forbundsordning.docx")
    foljebrev(target / "foljebrev.docx")
    print(f"Skrev bilagemallarna och följebrevet i {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
