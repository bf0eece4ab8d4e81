"""writing.md's language rules, read off every paper of the shipped workbook.

Each rule is a check over the running text (the body's paragraphs; tables and the
letterhead lines follow other rules). Each check is also run on a sentence that breaks
it, so that a check that cannot fail is caught here too.
"""

from __future__ import annotations

import pytest

from conftest import paper_paths, running_text
from language_rules import RULES


@pytest.mark.parametrize("rule, wrong", RULES.items(), ids=[r.__name__ for r in RULES])
def test_each_rule_catches_its_example(rule, wrong):
    assert rule(wrong)


def test_the_rules_let_right_text_pass():
    right = (
        "I Västmanland finns i dag tre samordningsförbund. Det är en ökning med 80 425 "
        "kronor (21,4 procent) från den 1 januari 2024, i bilaga 2 och enligt 5 § lagen "
        "(2003:1210), i ärendet ”Beslut om att delta i länsprocess”, för 16–64 år."
    )
    assert not any(rule(right) for rule in RULES)


def test_every_paper_keeps_every_rule(shipped_out):
    """One region in the shipped county: "regionernas" would be wrong agreement there."""
    breaks = []
    for (steg, part), path in sorted(paper_paths(shipped_out).items()):
        for line in running_text(path):
            breaks += [(steg, part, rule.__name__, found) for rule in RULES for found in rule(line)]
    assert breaks == []


def test_the_bilagor_and_the_covering_letters_keep_every_rule(shipped_out):
    import io
    import json
    import zipfile

    from docx import Document

    from pipeline.build import prepare
    from pipeline.bundle import bundle_files

    from workbooks import EXAMPLE, TEMPLATES

    manifest = json.loads((shipped_out / "manifest.json").read_text(encoding="utf-8"))
    documents = {
        e["fil"]: (shipped_out / e["fil"]).read_bytes() for e in manifest["filer"] if e.get("bilaga")
    }
    for f in bundle_files(prepare(EXAMPLE, TEMPLATES), shipped_out):
        if f.record.get("format") == "zip":
            with zipfile.ZipFile(io.BytesIO(f.data)) as archive:
                documents.update(
                    {f"{f.path}/{n}": archive.read(n) for n in archive.namelist() if "Foljebrev" in n}
                )
    assert any("Bilaga" in name for name in documents) and any("Foljebrev" in n for n in documents)
    breaks = [
        (name, rule.__name__, found)
        for name, data in documents.items()
        for p in Document(io.BytesIO(data)).paragraphs
        for rule in RULES
        for found in rule(p.text.strip())
    ]
    assert breaks == []
