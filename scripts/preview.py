"""Every page of one paper per step and kind of party, as PNG, for a look before printing.

Reads out/manifest.json (written by `papers build --pdf`) and the workbook's Typ for
each party, picks one paper per step and kind (kommun, region, stat; the preferred
party when it has one), and writes each page with pdftoppm (poppler-utils) to
out/forhandsvisning/steg-N-KIND-sida-P.png. Other PDFs in out/ (bilagor, följebrev)
are shown too, as out/forhandsvisning/NAME-sida-P.png.

    python scripts/preview.py [OUT] [WORKBOOK] [PART]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from pipeline.manifest import MANIFEST, Manifest, read

TARGET = "forhandsvisning"
RESOLUTION = "60"


def party_kinds(workbook: Path) -> dict[str, str]:
    """Part → Typ, from the workbook's sheet Parter."""
    sheet = load_workbook(workbook, read_only=True, data_only=True)["Parter"]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip().lower() for h in next(rows)]
    name, kind = header.index("part"), header.index("typ")
    return {str(r[name]).strip(): str(r[kind] or "").strip().lower() for r in rows if r[name]}


def chosen_papers(manifest: Manifest, kinds: dict[str, str], prefer: str) -> dict[tuple, dict]:
    """(steg, kind) → the manifest's PDF entry of one paper, the preferred party's if any."""
    chosen: dict[tuple, dict] = {}
    for entry in manifest.pdf_entries():
        if "steg" not in entry:
            continue
        key = (entry["steg"], kinds.get(entry["part"], "okänd"))
        current = chosen.get(key)
        if current is None or (entry["part"] == prefer and current["part"] != prefer):
            chosen[key] = entry
    return chosen


def other_pdfs(root: Path, manifest: Manifest) -> list[Path]:
    """PDFs in out/ that are not papers: bilagor and följebrev, when there are any."""
    return sorted(
        p
        for p in root.rglob("*.pdf")
        if TARGET not in p.parts and "steg" not in (manifest.entry(p.relative_to(root).as_posix()) or {})
    )


def pages(pdf: Path, stem: Path) -> list[Path]:
    """Every page of `pdf` as stem-sida-N.png."""
    for old in stem.parent.glob(f"{stem.name}-sida-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", RESOLUTION, str(pdf), f"{stem}-sida"], check=True)
    written = []
    for png in sorted(stem.parent.glob(f"{stem.name}-sida-*.png")):
        number = int(png.stem.rsplit("-", 1)[1])  # pdftoppm pads with zeros: -01, -1
        clean = png.with_name(f"{stem.name}-sida-{number}.png")
        png.rename(clean)
        written.append(clean)
    return written


def main(
    out: str = "out", workbook: str = "data/arbetsbok.xlsx", prefer: str = "Köpings kommun"
) -> None:
    root = Path(out)
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm saknas: installera poppler-utils (apt-get install poppler-utils).")
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        sys.exit(f"{manifest_path} saknas: kör först `papers build --pdf`.")
    manifest, problems = read(root)
    if problems:
        sys.exit("\n".join(p.message() for p in problems))
    chosen = chosen_papers(manifest, party_kinds(Path(workbook)), prefer)
    if not chosen:
        sys.exit(f"Inga PDF:er i {manifest_path}: kör först `papers build --pdf`.")
    target = root / TARGET
    target.mkdir(exist_ok=True)
    for (steg, kind), entry in sorted(chosen.items()):
        written = pages(root / entry["fil"], target / f"steg-{steg}-{kind}")
        print(
            f"{target}/steg-{steg}-{kind}-sida-*.png: {len(written)} sidor "
            f"({entry['part']}, steg {steg})"
        )
    for pdf in other_pdfs(root, manifest):
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", pdf.relative_to(root).with_suffix("").as_posix())
        written = pages(pdf, target / name)
        print(f"{target}/{name}-sida-*.png: {len(written)} sidor ({pdf.relative_to(root)})")


if __name__ == "__main__":
    main(*sys.argv[1:])
