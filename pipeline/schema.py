"""The workbook's shape: sheets, columns, parameters, and what each one means.

One description serves the reader (which headers to look for and how to parse
them), the validator (what is required), the workbook writer (headers, drop-down
lists, number formats, the `Instruktioner` sheet), the templates' context and the
documentation. It is the one list of them:

- A new parameter is one `Parameter` in `PARAMETERS`. The reader finds its row, the
  validator parses it by its kind into `Parametrar` (read as `p.<key>`), the workbook
  writer and `Instruktioner` show it, and the templates see it as `{{ <key> }}` (an empty
  text as ""); `papers variables` describes it from its help text.
- A new column of Parter is one `Column` in `PARTER`: the templates see it as
  `{{ part.<key> }}`; give it a `contact` label and it is also a line of the footer's
  contact block (`part.kontaktrader`). A new column of another sheet reaches that sheet's
  frame, and so the figure code that uses it.

Then write its use: the template text, or the calculation that reads it. Names the user
writes and reads are Swedish; a key is the header in lower case without å, ä, ö.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of value a cell may hold. The reader parses each kind in `values.py`.
TEXT = "text"
AMOUNT = "amount"  # whole kronor, >= 0
DATE = "date"
INTEGER = "integer"  # positive whole number
PERCENT = "percent"
TYPES = "types"  # comma-separated list of party types
ORGNR = "orgnr"  # NNNNNN-NNNN

PARTY_TYPES = ("kommun", "region", "stat")
PAYING = "betalande"  # in Gäller: only the parties that pay in Budgetår
INTERIM_KEYS = ("medlemsbidrag", "eget kapital", "invånare", "lika")
DECISIONS = ("bifall", "avslag", "återremiss")

# The longest text a cell may hold, by what it becomes. A paper's title is "Rubrik – Part" and a
# Word title must stay under 255 characters: NAME + 3 + NAME is 243.
NAME = 120  # a party, förbund, step heading or file name
LINE = 255  # a line of a letterhead or a sentence
PROSE = 4000  # free text of one or more paragraphs (Yttrande, Bedömning)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = TEXT
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    width: int = 18
    max_length: int = LINE  # for TEXT: the longest text allowed
    contact: str = ""  # Parter: the label of its line in the footer's contact block


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    help: str
    optional: bool = False


@dataclass(frozen=True)
class Parameter:
    name: str
    key: str
    kind: str
    required: bool
    default: object
    help: str
    choices: tuple[str, ...] = ()
    max_length: int = LINE  # for TEXT: the longest text allowed


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("Län", "lan", TEXT, True, None, "Länets namn, t.ex. Västmanland.", max_length=NAME),
    Parameter(
        "Nytt förbund",
        "nytt_forbund",
        TEXT,
        True,
        None,
        "Det gemensamma förbundets namn.",
        max_length=NAME,
    ),
    Parameter(
        "Kvarvarande förbund",
        "kvarvarande_forbund",
        TEXT,
        True,
        None,
        "Det befintliga förbund som fortsätter som det gemensamma (behåller "
        "organisationsnummer och eget kapital). Måste finnas på bladet Förbund.",
        max_length=NAME,
    ),
    Parameter(
        "Bildandedatum",
        "bildandedatum",
        DATE,
        True,
        None,
        "Dagen då det gemensamma förbundet bildas och den interimistiska styrelsen börjar.",
    ),
    Parameter(
        "Startdatum",
        "startdatum",
        DATE,
        True,
        None,
        "Dagen då det gemensamma förbundet tar över; de andra förbundens tillgångar "
        "och skulder förs över denna dag.",
    ),
    Parameter(
        "Budgetår",
        "budgetar",
        INTEGER,
        True,
        None,
        "Det gemensamma förbundets första budgetår, t.ex. 2024.",
    ),
    Parameter(
        "Medlemsbidrag totalt",
        "medlemsbidrag_totalt",
        AMOUNT,
        False,
        None,
        "Årliga medlemsbidrag totalt till det gemensamma förbundet. Tomt = summan av "
        "dagens medlemsbidrag.",
    ),
    Parameter(
        "Andel stat",
        "andel_stat",
        PERCENT,
        False,
        "50 %",
        "Statens andel enligt lag (2003:1210) om finansiell samordning, 5 §.",
    ),
    Parameter("Andel region", "andel_region", PERCENT, False, "25 %", "Regionens andel."),
    Parameter(
        "Andel kommuner",
        "andel_kommuner",
        PERCENT,
        False,
        "25 %",
        "Kommunernas andel. De tre andelarna ska tillsammans bli 100 %.",
    ),
    Parameter(
        "Fördelning interimsbudget",
        "fordelning_interimsbudget",
        TEXT,
        False,
        "medlemsbidrag",
        "Hur interimsbudgeten fördelas mellan de befintliga förbunden: medlemsbidrag, "
        "eget kapital, invånare eller lika.",
        INTERIM_KEYS,
    ),
    Parameter(
        "Kontaktperson",
        "kontaktperson",
        TEXT,
        False,
        None,
        "Den som parterna kan kontakta om ärendet (namn, telefon, e-post); står i följebreven.",
    ),
    Parameter(
        "Säte",
        "sate",
        TEXT,
        False,
        None,
        "Det gemensamma förbundets säte (står i förbundsordningen), t.ex. Västerås.",
    ),
    Parameter(
        "Webbplats",
        "webbplats",
        TEXT,
        False,
        None,
        "Där länsprocessen publicerar sitt material, t.ex. www.samordningvastmanland.se.",
    ),
    Parameter(
        "Exempeldata",
        "exempeldata",
        TEXT,
        False,
        "nej",
        "ja = varje sida i varje handling märks »UTKAST – exempeldata«.",
        ("ja", "nej"),
    ),
)

PARAMETRAR = Sheet(
    "Parametrar",
    (
        Column("Parameter", "parameter", TEXT, True, "Parameterns namn (ändra inte).", width=28),
        Column("Värde", "varde", TEXT, True, "Värdet.", width=40, max_length=PROSE),
        Column(
            "Förklaring",
            "forklaring",
            TEXT,
            False,
            "Förklaring för läsaren; läses inte.",
            width=80,
            max_length=PROSE,
        ),
    ),
    "Uppgifter som gäller hela sammanslagningen, en rad per parameter.",
)

FORBUND = Sheet(
    "Förbund",
    (
        Column("Förbund", "forbund", TEXT, True, "Förbundets namn, unikt.", width=42, max_length=NAME),
        Column("Organisationsnummer", "organisationsnummer", ORGNR, False, "NNNNNN-NNNN.", width=20),
        Column(
            "Eget kapital (kr)",
            "eget_kapital",
            AMOUNT,
            True,
            "Eget kapital i hela kronor, 0 eller mer.",
            width=18,
        ),
        Column("Balansdag", "balansdag", DATE, True, "Dagen då eget kapital gäller.", width=14),
        Column("Ordförande", "ordforande", TEXT, False, "Styrelsens ordförande.", width=24),
        Column(
            "Likvidationsparagraf",
            "likvidationsparagraf",
            TEXT,
            False,
            "Paragrafen i förbundets nuvarande förbundsordning om likvidation och "
            "upplösning, t.ex. 18 §.",
            width=20,
        ),
    ),
    "En rad per befintligt samordningsförbund.",
)

PARTER = Sheet(
    "Parter",
    (
        Column(
            "Part",
            "namn",
            TEXT,
            True,
            "Partens officiella namn, skrivs exakt så i handlingarna. Unikt.",
            width=28,
            max_length=NAME,
        ),
        Column(
            "Kortnamn",
            "kortnamn",
            TEXT,
            True,
            "Kort namn för filnamn, t.ex. Köping. Unikt.",
            width=14,
            max_length=NAME,
        ),
        Column("Typ", "typ", TEXT, True, "kommun, region eller stat.", PARTY_TYPES, width=10),
        Column(
            "Förbund",
            "forbund",
            TEXT,
            False,
            "Kommunens förbund (krävs för kommun). Tomt för region och stat, som är "
            "medlemmar i alla förbund.",
            width=42,
            max_length=NAME,
        ),
        Column(
            "Invånare",
            "invanare",
            INTEGER,
            False,
            "Antal invånare (krävs för kommun, mer än 0).",
            width=12,
        ),
        Column("Beredande organ", "beredande_organ", TEXT, False, "T.ex. Kommunstyrelsen.", width=20),
        Column(
            "Beslutande organ",
            "beslutande_organ",
            TEXT,
            False,
            "T.ex. Kommunfullmäktige. Tomt = inga handlingar för parten.",
            width=20,
        ),
        Column("Förvaltning", "forvaltning", TEXT, False, "", width=28),
        Column("Avdelning", "avdelning", TEXT, False, "", width=20),
        Column("Handläggare", "handlaggare", TEXT, False, "", width=24),
        Column("Handläggarens titel", "handlaggarens_titel", TEXT, False, "", width=22),
        Column(
            "Kommunchef",
            "kommunchef",
            TEXT,
            False,
            "Undertecknar först (kommunchef, regiondirektör eller myndighetens chef).",
            width=24,
        ),
        Column(
            "Kommunchefens titel",
            "kommunchefens_titel",
            TEXT,
            False,
            "Tomt = Kommunchef för en kommun, Regiondirektör för en region.",
            width=22,
        ),
        Column("Kanslichef", "kanslichef", TEXT, False, "Undertecknar därefter.", width=24),
        Column(
            "Kanslichefens titel", "kanslichefens_titel", TEXT, False, "Tomt = Kanslichef.", width=22
        ),
        Column("Postadress", "postadress", TEXT, False, "", width=28, contact="Postadress"),
        Column("Besöksadress", "besoksadress", TEXT, False, "", width=24, contact="Besöksadress"),
        Column("Telefon", "telefon", TEXT, False, "", width=14, contact="Telefon"),
        Column("Webbplats", "webbplats", TEXT, False, "", width=20, contact="Webbplats"),
        Column("E-post", "e_post", TEXT, False, "", width=26, contact="E-post"),
        Column(
            "Organisationsnummer",
            "organisationsnummer",
            ORGNR,
            False,
            "NNNNNN-NNNN.",
            width=20,
            contact="Org.nr",
        ),
        Column("Bankgiro", "bankgiro", TEXT, False, "", width=12, contact="Bankgiro"),
        Column(
            "Kallas",
            "kallas",
            TEXT,
            False,
            "Hur parten kallar sig i löptext, t.ex. staden. Tomt = kommunen, regionen eller "
            "myndigheten efter Typ.",
            width=14,
        ),
        Column(
            "Representant",
            "representant",
            TEXT,
            False,
            "Partens representant i förbundets styrelse (namnges i steg 1).",
            width=24,
        ),
        Column(
            "Logotyp",
            "logotyp",
            TEXT,
            False,
            "En bildfil (PNG eller JPEG) bredvid arbetsboken, till brevhuvudet.",
            width=20,
        ),
        Column(
            "Finansieras av",
            "finansieras_av",
            TEXT,
            False,
            "Hur medlemsbidraget betalas, i löptext: t.ex. social- och arbetsmarknadsnämndens budget.",
            width=30,
            max_length=PROSE,
        ),
    ),
    "En rad per medlem (part): kommuner, regionen och de statliga myndigheterna.",
)

MEDLEMSBIDRAG = Sheet(
    "Medlemsbidrag",
    (
        Column("Part", "part", TEXT, True, "En part från bladet Parter.", width=28, max_length=NAME),
        Column(
            "Förbund",
            "forbund",
            TEXT,
            True,
            "Ett förbund från bladet Förbund.",
            width=42,
            max_length=NAME,
        ),
        Column("Belopp (kr)", "belopp", AMOUNT, True, "Årligt bidrag i hela kronor.", width=14),
    ),
    "Dagens årliga medlemsbidrag, en rad per betalare och förbund. En kommun betalar bara "
    "till sitt eget förbund.",
)

INTERIMSBUDGET = Sheet(
    "Interimsbudget",
    (
        Column("Post", "post", TEXT, True, "Kostnadspost.", width=38, max_length=NAME),
        Column("Omfattning", "omfattning", TEXT, False, "T.ex. 6–7 sammanträden.", width=26),
        Column("Belopp (kr)", "belopp", AMOUNT, True, "Hela kronor.", width=14),
    ),
    "Den interimistiska styrelsens kostnader fram till Startdatum.",
)

BESLUTSSTEG = Sheet(
    "Beslutssteg",
    (
        Column("Steg", "steg", INTEGER, True, "Stegets nummer, unikt heltal.", width=8),
        Column("Rubrik", "rubrik", TEXT, True, "Handlingens rubrik.", width=48, max_length=NAME),
        Column(
            "Mall", "mall", TEXT, True, "Filnamn på Word-mallen i mallmappen.", width=34, max_length=NAME
        ),
        Column("Datum", "datum", DATE, True, "Handlingens datum.", width=14),
        Column("Sista svarsdag", "sista_svarsdag", DATE, False, "", width=16),
        Column(
            "Gäller",
            "galler",
            TYPES,
            False,
            "Vilka typer av parter steget gäller, t.ex. kommun eller kommun, region. "
            "Tomt = kommun. Ordet betalande begränsar steget till parter som betalar "
            "medlemsbidrag Budgetår.",
            ("kommun", "region", "stat", "kommun, region", "kommun, region, stat", "betalande"),
            width=22,
        ),
        Column(
            "Bilagor",
            "bilagor",
            TEXT,
            False,
            "Word-mallar i mallmappen för bilagor som görs en gång för steget, åtskilda "
            "med kommatecken, t.ex. bilaga_forbundsordning.docx.",
            width=34,
        ),
        Column(
            "Bilagor per förbund",
            "bilagor_per_forbund",
            TEXT,
            False,
            "Word-mallar för bilagor som görs en gång per förbund som avvecklas (alla "
            "utom Kvarvarande förbund), t.ex. bilaga_andrad_forbundsordning.docx.",
            width=34,
        ),
    ),
    "En rad per beslutssteg. Ett nytt steg är en ny rad och en ny mall.",
)

ARENDEN = Sheet(
    "Ärenden",
    (
        Column("Part", "part", TEXT, True, "En part från bladet Parter.", width=28, max_length=NAME),
        Column("Steg", "steg", INTEGER, True, "Ett steg från bladet Beslutssteg.", width=8),
        Column("Diarienummer", "diarienummer", TEXT, False, "T.ex. KS 2022/45.", width=16),
        Column("Beslutsdatum", "beslutsdatum", DATE, False, "", width=14),
        Column("Paragraf", "paragraf", TEXT, False, "T.ex. § 45.", width=10),
        Column("Beslut", "beslut", TEXT, False, "bifall, avslag eller återremiss.", DECISIONS, width=12),
        Column(
            "Remitterat till",
            "remitterat_till",
            TEXT,
            False,
            "Dit ärendet remitterades för ett tjänstemannayttrande.",
            width=30,
        ),
        Column(
            "Yttrande",
            "yttrande",
            TEXT,
            False,
            "Kärnan i yttrandet, en eller flera meningar.",
            width=50,
            max_length=PROSE,
        ),
        Column(
            "Bedömning",
            "bedomning",
            TEXT,
            False,
            "Förvaltningens egen bedömning, ett eller flera stycken.",
            width=60,
            max_length=PROSE,
        ),
    ),
    "Frivilligt: ärendet för en part och ett steg, fylls i allteftersom.",
    optional=True,
)

SHEETS: tuple[Sheet, ...] = (
    PARAMETRAR,
    FORBUND,
    PARTER,
    MEDLEMSBIDRAG,
    INTERIMSBUDGET,
    BESLUTSSTEG,
    ARENDEN,
)
