"""Page 1 of one paper of each step as a PNG, for a look before printing anything.

Reads out/manifest.json (built with `papers build --pdf`) and writes
out/forhandsvisning/steg-N.png with pdftoppm (poppler-utils).

    python scripts/preview.py [OUT] [PART]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


def main(out: str = "out", prefer: str = "Köpings kommun") -> None:
    root = Path(out)
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm saknas: installera poppler-utils (apt-get install poppler-utils).")
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    pdfs: dict[int, dict] = {}
    for entry in manifest["filer"]:
        if entry.get("format") == "pdf":
            current = pdfs.get(entry["steg"])
            if current is None or (entry["part"] == prefer and current["part"] != prefer):
                pdfs[entry["steg"]] = entry
    if not pdfs:
        sys.exit("Inga PDF:er i out/manifest.json: kör först `papers build --pdf`.")
    target = root / "forhandsvisning"
    target.mkdir(exist_ok=True)
    for steg, entry in sorted(pdfs.items()):
        stem = target / f"steg-{steg}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(root / entry["fil"]), str(stem)], check=True)
        print(f"{stem}.png  ({entry['part']}, steg {steg})")


if __name__ == "__main__":
    main(*sys.argv[1:])
