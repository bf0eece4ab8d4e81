"""Every word of every paper is Swedish (hunspell-sv), a name from the workbook, or a domain
word on the reviewed list in tests/data/domanord.txt."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import document_text, paper_paths
from workbooks import EXAMPLE

DOMAIN_WORDS = Path(__file__).parent / "data" / "domanord.txt"
pytestmark = pytest.mark.skipif(
    shutil.which("hunspell") is None, reason="hunspell saknas (apt-get install hunspell hunspell-sv)"
)


def unknown_words(text: str) -> set[str]:
    run = subprocess.run(
        ["hunspell", "-d", "sv_SE", "-l"], input=text, capture_output=True, text=True, check=True
    )
    return set(run.stdout.split())


def workbook_words() -> set[str]:
    words = set()
    for ws in load_workbook(EXAMPLE, read_only=True).worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    words.update(re.findall(r"[\w.@-]+", value))
    return words


def allowed() -> set[str]:
    lines = DOMAIN_WORDS.read_text(encoding="utf-8").splitlines()
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def test_the_checker_finds_a_misspelling():
    assert "samordningsförbundt" in unknown_words("Detta samordningsförbundt finns.")


def test_every_word_of_every_paper_and_bilaga_is_known(shipped_out):
    manifest = json.loads((shipped_out / "manifest.json").read_text(encoding="utf-8"))
    bilagor = [shipped_out / e["fil"] for e in manifest["filer"] if e.get("bilaga")]
    assert bilagor
    text = "\n".join(document_text(p) for p in [*paper_paths(shipped_out).values(), *bilagor])
    known = workbook_words() | allowed()
    assert sorted(unknown_words(text) - known) == []
