"""File names: readable, portable and unique whatever the workbook says."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pipeline.filenames import paper_names, slug, step_folder

SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*_steg-\d+\.docx")


def test_slug():
    assert slug("Västerås stad") == "Vasteras-stad"
    assert slug("Köping.") == "Koping"
    assert slug("../../etc") == "etc"
    assert slug("a/b\\c") == "a-b-c"
    assert slug("  ") == "namnlos"
    assert slug("CON") == "_CON"
    assert slug("Ærø Øst") == "AEro-Ost"


def test_step_folder():
    assert (
        step_folder(1, "Beslut om att delta i länsprocess") == "steg-1-beslut-om-att-delta-i-lansprocess"
    )


def test_names_are_unique_even_on_case_insensitive_file_systems():
    names = paper_names(3, ["Köping", "koping", "Koping", "Köping-2"])
    assert names[0] == "Koping_steg-3.docx"
    assert len({n.lower() for n in names}) == 4
    assert names[3] == "Koping-2_steg-3.docx"


@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=15))
def test_any_kortnamn_gives_safe_unique_names(kortnamn):
    names = paper_names(2, kortnamn)
    assert len(names) == len(kortnamn)
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert SAFE.fullmatch(name), name
        assert "/" not in name and "\\" not in name and ".." not in name
