"""`papers build`: one paper per party and step, carrying the party's own figures."""

from __future__ import annotations

import json

import pytest
from docx import Document

from pipeline.build import build, prepare

from conftest import document_text, paper_paths, running_text
from workbooks import EXAMPLE, TEMPLATES

NBSP = "\u00a0"


@pytest.fixture
def shipped(shipped_build):
    return shipped_build  # (out, result) of the session's build of the shipped workbook


def text_of(out, steg, part):
    return document_text(paper_paths(out)[(steg, part)])


def test_every_planned_paper_is_written(shipped):
    out, result = shipped
    papers = paper_paths(out)
    assert sorted(papers) == sorted((p.steg["nummer"], p.part) for p in result.papers)
    assert all(path.exists() for path in papers.values())


def test_step1_states_what_koping_pays_today(shipped):
    text = text_of(shipped[0], 1, "Köpings kommun")
    assert (
        f"Köpings kommun betalar i dag 375{NBSP}000{NBSP}kronor per år i medlemsbidrag till "
        f"Samordningsförbundet Västra Mälardalen." in text
    )
    assert "Kommunstyrelsens förslag till kommunfullmäktige:" in text
    assert "Diarienummer: KS 2022/45" in text
    assert "Datum: 2022-01-20" in text
    assert "31 mars 2022" in text


def test_step3_carries_the_computed_contribution(shipped):
    text = text_of(shipped[0], 3, "Köpings kommun")
    assert f"betalar 455{NBSP}425{NBSP}kronor i medlemsbidrag" in text
    assert f"en ökning med 80{NBSP}425{NBSP}kronor (21,4{NBSP}procent)" in text
    row = next(line for line in text.splitlines() if line.startswith("Köpings kommun |"))
    assert row.split(" | ")[1:] == [
        f"26{NBSP}133",
        f"9,4{NBSP}%",
        f"455{NBSP}425",
        f"375{NBSP}000",
        f"+80{NBSP}425",
    ]
    summa = next(line for line in text.splitlines() if line.startswith("Summa |"))
    assert f"4{NBSP}861{NBSP}612" in summa


def test_step3_own_row_is_bold_and_others_are_not(shipped):
    doc = Document(paper_paths(shipped[0])[(3, "Köpings kommun")])
    table = doc.tables[0]
    bold = {
        row.cells[0].text: all(r.bold for r in row.cells[0].paragraphs[0].runs)
        for row in table.rows[1:-1]
    }
    assert bold["Köpings kommun"] is True
    assert bold["Arboga kommun"] is False


def test_step3_region_paper_shows_the_region_quarter(shipped):
    text = text_of(shipped[0], 3, "Region Västmanland")
    assert f"Regionens del av medlemsbidragen är 4{NBSP}861{NBSP}612{NBSP}kronor" in text
    assert f"Region Västmanland betalar 4{NBSP}861{NBSP}612{NBSP}kronor i medlemsbidrag" in text
    assert "Regionstyrelsens förslag till regionfullmäktige:" in text


def test_step2_for_a_member_of_a_wound_up_forbund(shipped):
    text = text_of(shipped[0], 2, "Köpings kommun")
    assert (
        "godkänner ändringen av förbundsordningen för Samordningsförbundet Västra "
        "Mälardalen i bilaga 2" in text
    )
    assert f"är 116{NBSP}971{NBSP}kronor." in text
    assert "som avvecklas när det gemensamma förbundet tar över" in text
    kapital = [line for line in text.splitlines() if line.startswith("Samordningsförbundet Västerås |")]
    assert kapital and kapital[-1].endswith(f"7{NBSP}788{NBSP}889")


def test_step2_for_a_member_of_the_kept_forbund(shipped):
    text = text_of(shipped[0], 2, "Sala kommun")
    assert "som fortsätter som det gemensamma förbundet" in text
    assert "ändringen av förbundsordningen för Norra" not in text
    assert f"är 100{NBSP}934{NBSP}kronor." in text
    assert text.count("Norra Västmanlands Samordningsförbund – för kännedom") == 1


def test_interim_table_sums_equal_their_rows(shipped):
    doc = Document(paper_paths(shipped[0])[(2, "Köpings kommun")])
    for table in doc.tables:
        body = [[c.text for c in row.cells] for row in table.rows[1:]]
        *rows, total = body
        for col in range(1, len(total)):
            values = [r[col] for r in rows]
            if total[col] and all(v.replace(NBSP, "").isdigit() for v in values + [total[col]]):
                assert sum(int(v.replace(NBSP, "")) for v in values) == int(total[col].replace(NBSP, ""))


def test_papers_are_real_word_documents(shipped):
    parter = prepare(EXAMPLE, TEMPLATES).bok.parter
    officer = dict(zip(parter["namn"], parter["handlaggare"]))
    for (_steg, part), path in paper_paths(shipped[0]).items():
        doc = Document(path)
        assert doc.core_properties.title.endswith(f"– {part}")
        assert doc.core_properties.author == (officer[part] or part)  # issue 13: handläggare
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
        text = "\n".join(running_text(path))  # prose only
        assert " ." not in text and "  " not in text.replace("\u00a0", " "), (steg, part)
    text = document_text(paper_paths(tmp_path)[(2, "Köpings kommun")])
    assert "Medlemmarna i samordningsförbundet i Västmanland" in text
    assert "fortsätter som det gemensamma förbundet." in text
    assert "bilaga 2" not in text and "förbundsordningarna" not in text


def test_state_part_shared_when_both_agencies_pay(sheets, write_workbook, tmp_path):
    sheets["Medlemsbidrag"].append(["Arbetsförmedlingen", "Samordningsförbundet Västerås", 100_000])
    build(write_workbook(sheets), TEMPLATES, tmp_path)
    papers = paper_paths(tmp_path)
    text = document_text(papers[(3, "Arbetsförmedlingen")])
    assert (
        "fördelas mellan Försäkringskassan och Arbetsförmedlingen efter deras nuvarande "
        "medlemsbidrag" in text
    )
    assert "Regionens del" not in text
