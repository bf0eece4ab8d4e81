"""The covering letter: one per party and step, from the förbund, with the paper's title,
its bilagor and the answer date, and the sender's footer (never the recipient's)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document

from pipeline import bilagor
from pipeline.build import build, prepare
from pipeline.bundle import bundle_files

import workbooks
from workbooks import TEMPLATES

NEW = "Samordningsförbundet Västmanland"


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """Every bundle's file names, zip name → names, and every letter, (kortnamn, steg) →
    the document; built from the example with step 2 for the region as well."""
    folder = tmp_path_factory.mktemp("letters")
    sheets = workbooks.example_sheets()
    header = sheets["Beslutssteg"][0]
    sheets["Beslutssteg"][2][header.index("Gäller")] = "kommun, region, stat"
    workbook = workbooks.write(folder / "arbetsbok.xlsx", sheets)
    out = folder / "out"
    build(workbook, TEMPLATES, out)
    result, zips = {}, {}
    for f in bundle_files(prepare(workbook, TEMPLATES), out):
        if f.record.get("format") != "zip":  # the registers and issued copies (issue 13)
            continue
        with zipfile.ZipFile(io.BytesIO(f.data)) as archive:
            zips[f.path.split("/")[-1]] = archive.namelist()
            for name in archive.namelist():
                found = re.search(r"Foljebrev_steg-(\d+)\.docx$", name)
                if found:
                    doc = Document(io.BytesIO(archive.read(name)))
                    result[(f.path.split("/")[-1][:-4], int(found.group(1)))] = doc
    return zips, result


@pytest.fixture(scope="module")
def letters(bundles):
    return bundles[1]


def text_of(doc) -> dict[str, str]:
    section = doc.sections[0]
    return {
        "body": "\n".join(p.text for p in doc.paragraphs),
        "header": "\n".join(p.text for p in section.header.paragraphs),
        "footer": "\n".join(p.text for p in section.footer.paragraphs),
    }


def flat(text: str) -> str:
    return " ".join(text.split())


def test_one_letter_per_party_and_step(bundles):
    zips, letters = bundles
    for name, names in zips.items():  # a letter for each step the party has a paper in
        papers = {
            int(m.group(1))
            for n in names
            if "Foljebrev" not in n and (m := re.search(r"/[^/]+_steg-(\d+)\.docx$", n))
        }
        assert {s for (k, s) in letters if k == name[: -len(".zip")]} == papers, name
    assert {s for (k, s) in letters if k == "Koping"} == set(workbooks.steps())
    paying_only = {s for s, galler in workbooks.steps(column="Gäller").items() if galler == "betalande"}
    assert paying_only  # Arbetsförmedlingen pays nothing: no paper, no letter in those steps
    assert {s for (k, s) in letters if k == "AF"} == set(workbooks.steps()) - paying_only


def test_the_regions_bundle_has_every_bilaga_of_step_2(bundles):
    names = bundles[0]["Regionen.zip"]
    assert sorted(n.rsplit("/", 1)[1] for n in names if "/bilagor/" in n) == [
        "Bilaga_Andrad_forbundsordning_Samordningsforbundet-Vasteras.docx",
        "Bilaga_Andrad_forbundsordning_Samordningsforbundet-Vastra-Malardalen.docx",
        "Bilaga_Forbundsordning.docx",
    ]
    assert sum("Foljebrev_steg-" in n for n in names) == len(workbooks.steps())  # the region: every step


def test_step_1_letter_is_from_the_three_forbund(letters):
    doc = letters[("Koping", 1)]
    t = text_of(doc)
    body = flat(t["body"])
    assert t["header"].startswith("Samordningsförbunden i Västmanland")
    assert body.startswith("2022-01-20 Köpings kommun Kommunfullmäktige Registrator")
    assert "ärendet ”Beslut om att delta i länsprocess” till Köpings kommun för beslut" in body
    assert "senast den 31 mars 2022" in body
    assert "Frågor om ärendet besvaras av Länspresidiets processledare" in body
    assert (
        "För samordningsförbunden i Västmanland Lena Eldståhl Ordförande, Norra "
        "Västmanlands Samordningsförbund Dennis Nilsson Ordförande, Samordningsförbundet "
        "Västerås Andreas Trygg Ordförande, Samordningsförbundet Västra Mälardalen"
    ) in body
    footer = flat(t["footer"])
    assert "Samordningsförbundet Västra Mälardalen" in footer
    assert "www.samordningvastmanland.se" in footer
    assert doc.core_properties.created.date() == dt.date(2022, 1, 20)


def test_the_footer_is_the_senders_never_the_recipients(letters):
    own = {
        "Koping": (
            "0221-250 00",
            "www.koping.se",
            "kopings.kommun@koping.se",
            "212000-2114",
            "Rådhuset",
        ),
        "Regionen": ("021-17 30 00", "www.regionvastmanland.se"),
    }
    for (kortnamn, steg), doc in letters.items():
        everything = "\n".join(text_of(doc).values())
        for value in own.get(kortnamn, ()):
            assert value not in everything, (kortnamn, steg, value)
    assert {k for k, _ in letters} >= set(own)


def test_step_2_letter_lists_the_bilagor_by_title(letters):
    body = flat(text_of(letters[("Koping", 2)])["body"])
    assert "Förslag till tjänsteskrivelse ”Bildande av Samordningsförbundet Västmanland”" in body
    assert f"Bilaga 1: Förbundsordning för {NEW}" in body
    assert "Bilaga 2: Ändring i förbundsordningen för Samordningsförbundet Västra Mälardalen" in body
    assert "Västerås”" not in body and "Bilaga 3" not in body
    region = flat(text_of(letters[("Regionen", 2)])["body"])
    assert "Bilaga 3: Ändring i förbundsordningen för Samordningsförbundet Västra Mälardalen" in region
    assert "Samordningsförbundet Västerås" in region
    assert "senast den 31 mars 2023" in body


def test_letters_after_bildandedatum_come_from_the_interim_board(letters):
    t = text_of(letters[("Koping", 3)])
    assert t["header"].startswith(f"Interimistiska styrelsen för {NEW}")
    body = flat(t["body"])
    assert f"För interimistiska styrelsen för {NEW} Lena Eldståhl Ordförande" in body
    assert "senast den 30 november 2023" in body


def test_no_file_names_no_none_no_tags(letters):
    for doc in letters.values():
        everything = "\n".join(text_of(doc).values())
        for bad in (".docx", "None", "{{", "{%", "Här kommer"):
            assert bad not in everything
        assert not re.search(r"\b(nan|NaT)\b", everything)


def test_sender_by_date():
    prepared = prepare(workbooks.EXAMPLE, TEMPLATES)
    shared = prepared.lookup.shared
    name, signers, line = bilagor.cover_sender(shared, dt.date(2024, 2, 1))
    assert (name, line) == (NEW, f"För {NEW}")
    assert signers == [{"namn": "Lena Eldståhl", "titel": "Ordförande"}]
    name, signers, _ = bilagor.cover_sender(shared, dt.date(2022, 1, 20))
    assert len(signers) == 3


def test_example_data_marks_the_letter_and_the_bilagor(sheets, write_workbook):
    for row in sheets["Parametrar"]:
        if row[0] == "Exempeldata":
            row[1] = "ja"
    prepared = prepare(write_workbook(sheets), TEMPLATES)
    plan = bilagor.plan_bilagor(prepared)
    steg = next(s for s in bilagor.ctx.steps(prepared.bok) if s["nummer"] == 2)
    assert (
        bilagor.cover_context(prepared, plan, steg, "Köpings kommun")["utkast_markering"]
        == "UTKAST – exempeldata"
    )
    for data in bilagor.render_bilagor(plan):
        header = Document(io.BytesIO(data)).sections[0].header
        assert "UTKAST – exempeldata" in "\n".join(p.text for p in header.paragraphs)
    for row in sheets["Parametrar"]:
        if row[0] == "Exempeldata":
            row[1] = "nej"
    real = prepare(write_workbook(sheets, "verklig.xlsx"), TEMPLATES)
    unmarked = bilagor.render_bilagor(bilagor.plan_bilagor(real))[0]
    header = Document(io.BytesIO(unmarked)).sections[0].header
    assert "UTKAST" not in "\n".join(p.text for p in header.paragraphs)
