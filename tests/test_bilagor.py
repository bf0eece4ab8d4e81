"""The bilagor of step 2: the joint förbundsordning (bilaga 1) with every item of 9 § lagen
(2003:1210), and the revised likvidation paragraph of each förbund that is wound up."""

from __future__ import annotations

import io
import json
import re
import shutil
from fractions import Fraction

import pytest
from docx import Document

from pipeline import bilagor
from pipeline.build import build, prepare
from pipeline.bundle import check_cover
from pipeline.formatting import procent, tal
from pipeline.problems import UserError
from pipeline.wording import share_word

from conftest import document_text
from workbooks import EXAMPLE, TEMPLATES

KOPING = "Köpings kommun"
NEW = "Samordningsförbundet Västmanland"
VASTRA = "Samordningsförbundet Västra Mälardalen"
VASTERAS = "Samordningsförbundet Västerås"
CLAUSE = (
    "”Efter samråd och beslut kan förbundet träda i likvidation. Kvarvarande tillgångar, "
    "skulder, egendom och verksamhet överförs från och med den 1 januari 2024 till det "
    "gemensamma Samordningsförbundet Västmanland.”"
)

# 9 § lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser: what a
# förbundsordning must state, item by item, and the paragraph of bilaga 1 that states it
# (its heading and a phrase of its text).
NINE_PARAGRAPH_ITEMS = [
    (1, "namn och säte", "Namn och säte", "Förbundet har sitt säte i Västerås."),
    (
        1,
        "medlemmar",
        "Medlemmar",
        "Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Västmanland, Sala kommun",
    ),
    (1, "ändamål", "Ändamål", "bedriva finansiell samordning"),
    (2, "organisation", "Organisation", "Förbundets beslutande organ är styrelsen."),
    (
        3,
        "ledamöter, ersättare, representation, mandattid",
        "Styrelse",
        "Varje förbundsmedlem utser en ledamot och en ersättare.",
    ),
    (
        4,
        "uppgifter enligt 7 § och beslutanderätt",
        "Uppgifter och beslutanderätt",
        "besluta om mål och riktlinjer för den finansiella samordningen",
    ),
    (
        5,
        "rätt att väcka ärenden",
        "Rätt att väcka ärenden",
        "Varje förbundsmedlem har rätt att väcka ärenden i styrelsen.",
    ),
    (6, "kvalificerad majoritet", "Beslut och majoritet", "Kvalificerad majoritet krävs inte"),
    (
        7,
        "kungörelser och tillkännagivanden",
        "Tillkännagivanden",
        "anslagstavla på förbundets webbplats, www.samordningvastmanland.se",
    ),
    (
        8,
        "andelar i tillgångar, skulder och kostnader",
        "Andelar i tillgångar, skulder och kostnader",
        "Försäkringskassan med hälften, regionen med en fjärdedel och kommunerna "
        "tillsammans med en fjärdedel",
    ),
    (9, "begränsning av skuldsättning enligt 21 §", "Skuldsättning", "sedvanliga krediter"),
    (10, "styrning och insyn", "Styrning och insyn", "rätt att ta del av förbundets handlingar"),
    (11, "budgetprocess", "Budgetprocess", "fastställer senast den 30 november"),
    (12, "revisorernas mandattid", "Revision", "Revisorernas mandattid är fyra år"),
    (
        13,
        "gemensam revisor för kommuner och region",
        "Revision",
        "gemensam revisor, som utses av regionfullmäktige i Region Västmanland",
    ),
    (14, "utträde", "Utträde", "Uppsägningstiden är tre år"),
    (15, "likvidation och upplösning", "Likvidation och upplösning", "Styrelsen är likvidator"),
]


@pytest.fixture(scope="module")
def built(shipped_out):
    out = shipped_out
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {e.get("forbund"): out / e["fil"] for e in manifest["filer"] if e.get("bilaga")}
    return out, manifest, files


def sections(path) -> dict[str, str]:
    """Heading "N § Title" → the text under it, up to the next heading."""
    result, current = {}, None
    for p in Document(path).paragraphs:
        found = re.fullmatch(r"\d+ § (.+)", p.text)
        if found and p.style.name.startswith("Heading"):
            current = found.group(1)
            result[current] = ""
        elif current:
            result[current] += p.text + "\n"
    return result


@pytest.mark.parametrize(
    "item,what,heading,phrase",
    NINE_PARAGRAPH_ITEMS,
    ids=[f"9§{i}-{w}" for i, w, _, _ in NINE_PARAGRAPH_ITEMS],
)
def test_forbundsordning_states_every_item_of_9_paragraph(built, item, what, heading, phrase):
    text = sections(built[2][None])
    assert heading in text, f"9 § {item} ({what}): no paragraph {heading!r}"
    assert phrase in " ".join(text[heading].split())


def test_forbundsordning_has_the_workbooks_names_figures_and_dates(built):
    prepared = prepare(EXAMPLE, TEMPLATES)
    path = built[2][None]
    text = document_text(path)
    for name in prepared.bok.parter["namn"]:
        assert name in text
    for row in prepared.lookup.rows:
        if row["typ"] == "kommun":
            assert procent(row["andel"]) in text  # the key between kommuner
    flat = " ".join(text.split())
    assert "Västerås stad | 156\u00a0838 | 56,2\u00a0%" in text
    assert "Norra Västmanlands Samordningsförbund (organisationsnummer 222000-1354)" in flat
    assert (
        "Från och med den 1 maj 2023 till och med den 31 december 2023 leds förbundet av "
        "en interimistisk styrelse"
    ) in flat
    assert "Styrelsen består av 13 ledamöter och lika många ersättare." in flat
    assert "Samordningsområdet omfattar Västmanlands län, det vill säga tio kommuner" in flat
    assert "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser" in flat
    assert "Ändring av förbundsordningen" in text
    for bad in ("None", "{{", "{%", "2023-05-01", "2024-01-01"):
        assert bad not in text
    assert not re.search(r"\b(nan|NaT)\b", text)
    assert Document(path).core_properties.title == f"Förbundsordning för {NEW}"


def test_one_revision_per_wound_up_forbund(built):
    files = built[2]
    assert set(files) == {None, VASTERAS, VASTRA}  # Norra Västmanlands förbund continues
    text = " ".join(document_text(files[VASTRA]).split())
    assert f"Ändring i förbundsordningen för {VASTRA}" in text
    assert "kompletteras 18 § om likvidation och upplösning i förbundets förbundsordning" in text
    assert CLAUSE in text
    assert (
        "Förbundsmedlemmarna i Samordningsförbundet Västra Mälardalen är Försäkringskassan, "
        "Arbetsförmedlingen, Region Västmanland, Köpings kommun, Arboga kommun och Kungsörs "
        "kommun."
    ) in text
    assert "Sala kommun" not in text
    assert "None" not in text


def test_revision_without_a_paragraph_number_names_the_paragraph(sheets, write_workbook, tmp_path):
    header = sheets["Förbund"][0]
    column = header.index("Likvidationsparagraf")
    for row in sheets["Förbund"][1:]:
        row[column] = None
    out = tmp_path / "out"
    build(write_workbook(sheets), TEMPLATES, out, steps=[2])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    path = next(out / e["fil"] for e in manifest["filer"] if e.get("forbund") == VASTERAS)
    text = " ".join(document_text(path).split())
    assert "kompletteras paragrafen om likvidation och upplösning i förbundets" in text
    assert CLAUSE in text


def test_build_records_the_bilagor_in_the_manifest(built):
    out, manifest, _ = built
    entries = [e for e in manifest["filer"] if e.get("bilaga")]
    assert {e["steg"] for e in entries} == {2}
    assert sorted(e["fil"].rsplit("/", 1)[1] for e in entries) == [
        "Bilaga_Andrad_forbundsordning_Samordningsforbundet-Vasteras.docx",
        "Bilaga_Andrad_forbundsordning_Samordningsforbundet-Vastra-Malardalen.docx",
        "Bilaga_Forbundsordning.docx",
    ]
    for e in entries:
        assert e["fil"].startswith("steg-2-") and "/bilagor/" in e["fil"]
        assert Document(io.BytesIO((out / e["fil"]).read_bytes())).core_properties.title == e["titel"]


def test_bilagor_for_each_party_are_numbered_from_one():
    prepared = prepare(EXAMPLE, TEMPLATES)
    plan = bilagor.plan_bilagor(prepared)

    def titles(part):
        return [
            (b["nummer"], b["titel"]) for b in bilagor.bilagor_for_party(plan, 2, part, prepared.lookup)
        ]

    assert titles(KOPING) == [
        (1, f"Förbundsordning för {NEW}"),
        (2, f"Ändring i förbundsordningen för {VASTRA}"),
    ]
    assert titles("Sala kommun") == [(1, f"Förbundsordning för {NEW}")]  # the kept förbund
    assert titles("Region Västmanland") == [
        (1, f"Förbundsordning för {NEW}"),
        (2, f"Ändring i förbundsordningen för {VASTERAS}"),
        (3, f"Ändring i förbundsordningen för {VASTRA}"),
    ]
    assert titles("Arbetsförmedlingen") == titles("Region Västmanland")
    assert bilagor.bilagor_for_party(plan, 1, KOPING, prepared.lookup) == []


def test_a_missing_bilaga_template_names_its_cell(sheets, write_workbook):
    header = sheets["Beslutssteg"][0]
    column = header.index("Bilagor per förbund")
    sheets["Beslutssteg"][2][column] = "finns_inte.docx"
    with pytest.raises(UserError) as caught:
        prepare(write_workbook(sheets), TEMPLATES)
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[column]
    assert f"Beslutssteg!{letter}3" in str(caught.value)
    assert "finns_inte.docx" in str(caught.value)


def test_no_bilagor_columns_no_bilagor(sheets, write_workbook, tmp_path):
    header = sheets["Beslutssteg"][0]
    keep = [i for i, h in enumerate(header) if h not in ("Bilagor", "Bilagor per förbund")]
    sheets["Beslutssteg"] = [
        [row[i] if i < len(row) else None for i in keep] for row in sheets["Beslutssteg"]
    ]
    prepared = prepare(write_workbook(sheets), TEMPLATES)
    assert bilagor.plan_bilagor(prepared) == []


def test_number_and_share_words():
    assert tal(10) == "tio"
    assert tal(13) == "13"
    assert share_word(Fraction(1, 2)) == "hälften"
    assert share_word(Fraction(3, 10)) == "30\u00a0procent"
    assert share_word(Fraction(1, 8)) == "12,5\u00a0procent"
    assert bilagor.county("Västmanland") == "Västmanlands län"
    assert bilagor.county("Västerbotten") == "Västerbottens län"


def test_a_forbundsordning_without_a_seat_leaves_the_sentence_out_and_warns(
    sheets, write_workbook, tmp_path
):
    rows = sheets["Parametrar"]
    row = next(i for i, r in enumerate(rows) if r[0] == "Säte")
    rows[row][1] = None
    out = tmp_path / "out"
    result = build(write_workbook(sheets), TEMPLATES, out, steps=[2])
    assert (
        f"Parametrar!B{row + 1} (Säte) är tom: bilagan från mallen "
        "bilaga_forbundsordning.docx anger inget säte"
    ) in "\n".join(result.warnings)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    path = next(
        out / e["fil"] for e in manifest["filer"] if e.get("titel", "").startswith("Förbundsordning")
    )
    text = document_text(path)
    assert "säte i" not in text and "None" not in text
    assert "Förbundets namn är Samordningsförbundet Västmanland." in text


def test_check_reports_a_broken_bilaga_template(tmp_path):
    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    doc = Document(folder / "bilaga_andrad_forbundsordning.docx")
    doc.add_paragraph("{{ avvecklat_forbund.finns_inte }}")
    doc.save(folder / "bilaga_andrad_forbundsordning.docx")
    problems = check_cover(prepare(EXAMPLE, folder))
    assert [p.where for p in problems] == ["bilaga_andrad_forbundsordning.docx"] * 2
    assert "fältet »finns_inte« finns inte" in problems[0].message()


@pytest.mark.parametrize(
    "title, expected",
    [
        ("", "mallen för en bilaga behöver en titel"),
        ("Förbundsordning för {{ finns_inte }}", "(i mallens titel)"),
    ],
)
def test_a_bilaga_templates_title_is_required_and_checked(tmp_path, title, expected):
    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    doc = Document(folder / "bilaga_forbundsordning.docx")
    doc.core_properties.title = title
    doc.save(folder / "bilaga_forbundsordning.docx")
    with pytest.raises(UserError) as raised:
        prepare(EXAMPLE, folder)
    assert [p.where for p in raised.value.problems] == ["bilaga_forbundsordning.docx"]
    assert expected in raised.value.problems[0].message()
