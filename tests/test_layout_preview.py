"""`make preview` picks one paper per step and kind of party, the preferred party's when
it has one, from the manifest and the workbook's Typ."""

from __future__ import annotations

import sys

from workbooks import EXAMPLE, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from preview import chosen_papers, party_kinds  # noqa: E402

from pipeline.manifest import Manifest  # noqa: E402


def entry(steg, part, fmt="pdf"):
    return {"fil": f"steg-{steg}/{part}.{fmt}", "steg": steg, "part": part, "format": fmt}


def test_one_paper_per_step_and_kind_preferring_the_named_party():
    kinds = party_kinds(EXAMPLE)
    assert kinds["Köpings kommun"] == "kommun" and kinds["Försäkringskassan"] == "stat"
    manifest = Manifest.of(
        {
            "filer": [
                entry(1, "Sala kommun"),
                entry(1, "Köpings kommun"),
                entry(1, "Köpings kommun", "docx"),
                entry(3, "Region Västmanland"),
                entry(3, "Arboga kommun"),
                entry(3, "Försäkringskassan"),
                {"fil": "sammanstallning.xlsx"},
            ]
        }
    )
    chosen = chosen_papers(manifest, kinds, "Köpings kommun")
    assert {key: e["part"] for key, e in chosen.items()} == {
        (1, "kommun"): "Köpings kommun",
        (3, "region"): "Region Västmanland",
        (3, "kommun"): "Arboga kommun",
        (3, "stat"): "Försäkringskassan",
    }
