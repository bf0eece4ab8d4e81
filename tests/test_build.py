"""`papers build`: one paper per party and step, carrying the party's own figures."""

from __future__ import annotations

import json

import pytest
from docx import Document

from pipeline.build import build

from conftest import document_text, paper_paths
from workbooks import TEMPLATES

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    from workbooks import EXAMPLE
    result = build(EXAMPLE, TEMPLATES, out)
    return out, result


def text_of(out, steg, part):
    return document_text(paper_paths(out)[(steg, part)])


def test_one_paper_per_party_and_step(shipped):
    out, result = shipped
    papers = paper_paths(out)
    kommuner = 10
    assert sum(1 for s, _ in papers if s == 1) == kommuner
    assert sum(1 for s, _ in papers if s == 2) == kommuner
    # step 3 is for kommun and region; the state agencies have no Beslutande organ
    assert sum(1 for s, _ in papers if s == 3) == kommuner + 1
    assert (3, "Region Västmanland") in papers
    assert all(path.exists() for path in papers.values())
    assert len(result.papers) == 31


def test_step1_states_what_koping_pays_today(shipped):
    text = text_of(shipped[0], 1, "Köpings kommun")
    assert f"Köpings kommun är medlem i Samordningsförbundet Västra Mälardalen och betalar i dag " \
           f"375{NBSP}000{NBSP}kronor per år" in text
    assert "Kommunstyrelsens förslag till kommunfullmäktige:" in text
    assert "Diarienummer: KS 2022/45" in text
    assert "Datum: 2022-01-20" in text
    assert "31 mars 2022" in text


def test_step3_carries_the_computed_contribution(shipped):
    text = text_of(shipped[0], 3, "Köpings kommun")
    assert f"fastställs till 455{NBSP}425{NBSP}kronor" in text
    assert f"+80{NBSP}425 kronor (+21,4{NBSP}%)" in text
    row = next(line for line in text.splitlines() if line.startswith("Köpings kommun |"))
    assert row.split(" | ")[1:] == [f"26{NBSP}133", f"9,4{NBSP}%", f"455{NBSP}425",
                                    f"375{NBSP}000", f"+80{NBSP}425"]
    summa = next(line for line in text.splitlines() if line.startswith("Summa |"))
    assert f"4{NBSP}861{NBSP}612" in summa


def test_step3_own_row_is_bold_and_others_are_not(shipped):
    doc = Document(paper_paths(shipped[0])[(3, "Köpings kommun")])
    table = doc.tables[0]
    bold = {row.cells[0].text: all(r.bold for r in row.cells[0].paragraphs[0].runs)
            for row in table.rows[1:-1]}
    assert bold["Köpings kommun"] is True
    assert bold["Arboga kommun"] is False


def test_step3_region_paper_shows_the_region_quarter(shipped):
    text = text_of(shipped[0], 3, "Region Västmanland")
    assert f"Regionens del, 4{NBSP}861{NBSP}612{NBSP}kronor" in text
    assert f"fastställs till 4{NBSP}861{NBSP}612{NBSP}kronor" in text
    assert "Regionstyrelsens förslag till regionfullmäktige:" in text


def test_step2_for_a_member_of_a_wound_up_forbund(shipped):
    text = text_of(shipped[0], 2, "Köpings kommun")
    assert "Förbundsordningen för Samordningsförbundet Västra Mälardalen ändras" in text
    assert f"motsvarar 116{NBSP}971{NBSP}kronor det som Köpings kommun har bidragit med" in text
    assert "som avvecklas när det gemensamma förbundet tar över" in text
    kapital = [line for line in text.splitlines() if line.startswith("Samordningsförbundet Västerås |")]
    assert kapital and kapital[-1].endswith(f"7{NBSP}788{NBSP}889")


def test_step2_for_a_member_of_the_kept_forbund(shipped):
    text = text_of(shipped[0], 2, "Sala kommun")
    assert "som fortsätter som det gemensamma förbundet" in text
    assert "Förbundsordningen för Norra Västmanlands Samordningsförbund ändras" not in text
    assert f"motsvarar 100{NBSP}934{NBSP}kronor" in text
    assert text.count("Norra Västmanlands Samordningsförbund – för kännedom") == 1


def test_interim_table_sums_equal_their_rows(shipped):
    doc = Document(paper_paths(shipped[0])[(2, "Köpings kommun")])
    for table in doc.tables:
        body = [[c.text for c in row.cells] for row in table.rows[1:]]
        *rows, total = body
        for col in range(1, len(total)):
            values = [r[col] for r in rows]
            if total[col] and all(v.replace(NBSP, "").isdigit() for v in values + [total[col]]):
                assert sum(int(v.replace(NBSP, "")) for v in values) == \
                    int(total[col].replace(NBSP, ""))


def test_papers_are_real_word_documents(shipped):
    for (_steg, part), path in paper_paths(shipped[0]).items():
        doc = Document(path)
        assert doc.core_properties.title.endswith(f"– {part}")
        assert doc.core_properties.author == part
        assert doc.core_properties.language == "sv-SE"
        assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
        text = document_text(path)
        assert "{{" not in text and "{%" not in text and "}}" not in text


def test_manifest_lists_papers_with_hashes(shipped):
    manifest = json.loads((shipped[0] / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["papers"] if e["part"] == "Köpings kommun" and e["steg"] == 1)
    assert entry["fil"] == "steg-1-beslut-om-att-delta-i-lansprocess/Koping_steg-1.docx"
    assert len(entry["sha256"]) == 64
    assert any(e["fil"] == "sammanstallning.xlsx" for e in manifest["filer"])


def test_subset_by_step_and_part(tmp_path):
    from workbooks import EXAMPLE
    result = build(EXAMPLE, TEMPLATES, tmp_path, steps=[3], parts=["köping", "Arboga kommun"])
    assert sorted(p.part for p in result.papers) == ["Arboga kommun", "Köpings kommun"]
    assert sorted(paper_paths(tmp_path)) == [(3, "Arboga kommun"), (3, "Köpings kommun")]


def test_a_county_with_a_single_forbund_reads_well(sheets, write_workbook, tmp_path):
    norra = "Norra Västmanlands Samordningsförbund"
    sheets["Förbund"] = sheets["Förbund"][:2]
    for row in sheets["Parter"][1:11]:
        row[3] = norra
    for row in sheets["Medlemsbidrag"][1:]:
        row[1] = norra
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    for (steg, part), path in paper_paths(tmp_path).items():
        text = "\n".join(line for line in document_text(path).splitlines()
                         if not line.startswith("Sida ") and " | " not in line)  # prose only
        assert " ." not in text and "  " not in text.replace("\u00a0", " "), (steg, part)
    text = document_text(paper_paths(tmp_path)[(2, "Köpings kommun")])
    assert "Medlemmarna i samordningsförbundet i Västmanland" in text
    assert "fortsätter som det gemensamma förbundet." in text


def test_a_step_for_the_state_parties_too(sheets, write_workbook, tmp_path):
    sheets["Beslutssteg"][3][5] = "kommun, region, stat"
    for row in sheets["Parter"][1:]:
        if row[0] == "Försäkringskassan":
            row[6] = "Generaldirektören"
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    text = document_text(paper_paths(tmp_path)[(3, "Försäkringskassan")])
    assert f"Statens del, 9{NBSP}723{NBSP}224{NBSP}kronor, fördelas efter de statliga" in text
    assert "Regionens del" not in text
