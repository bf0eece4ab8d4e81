"""`make bench`: this pipeline against plain docxtpl on the synthetic national workbook.

Every measurement runs in a fresh process (so peak memory is its own), the two
variants alternate, and the table gives medians. The timed region is the same for both:
from reading the workbook to the last paper written (interpreter start-up and imports
excluded); the county build is timed as a whole command, start-up included.

    python bench/run.py [--runs 3] [--seed 1] [--folder bench/data]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def one(variant: str, workbook: Path, templates: Path, out: Path) -> dict:
    """One measurement, in this process."""
    from pipeline.build import build, prepare
    from pipeline.render import jinja_env

    start = time.perf_counter()
    if variant in ("pipeline", "rebuild"):
        result = build(workbook, templates, out)
        papers, rendered = len(result.papers), result.rendered
    else:  # plain docxtpl: a new DocxTemplate per paper, the way most users write it
        from docxtpl import DocxTemplate
        prepared = prepare(workbook, templates)
        for paper in prepared.papers:
            doc = DocxTemplate(paper.template)
            doc.render(prepared.context(paper), jinja_env(), autoescape=True)
            target = out / paper.path
            target.parent.mkdir(parents=True, exist_ok=True)
            doc.save(target)
        papers = rendered = len(prepared.papers)
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return {"seconds": seconds, "papers": papers, "rendered": rendered, "peak_mb": peak}


def measure(variant: str, workbook: Path, templates: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--one", variant, str(workbook), str(templates),
               str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def county_command(out: Path) -> float:
    papers = shutil.which("papers", path=str(Path(sys.executable).parent)) or "papers"
    start = time.perf_counter()
    subprocess.run([papers, "build", "--out", str(out)], check=True, cwd=ROOT,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--one", nargs=4)
    args = parser.parse_args()
    if args.one:
        variant, workbook, templates, out = args.one
        print(json.dumps(one(variant, Path(workbook), Path(templates), Path(out))))
        return

    import national
    workbook, templates = national.make(args.folder, args.seed)
    runs: dict[str, list[dict]] = {"pipeline": [], "docxtpl": [], "rebuild": []}
    for i in range(args.runs):
        for variant in ("pipeline", "docxtpl"):
            out = args.folder / f"ut-{variant}"
            shutil.rmtree(out, ignore_errors=True)
            runs[variant].append(measure(variant, workbook, templates, out))
            print(f"  körning {i + 1} {variant}: {runs[variant][-1]['seconds']:.2f} s",
                  file=sys.stderr)
        runs["rebuild"].append(measure("rebuild", workbook, templates,
                                       args.folder / "ut-pipeline"))
    county, county_again = [], []
    for _ in range(args.runs):
        out = args.folder / "ut-lan"
        shutil.rmtree(out, ignore_errors=True)
        county.append(county_command(out))
        county_again.append(county_command(out))
    print(report(runs, county, county_again, args.runs))


def report(runs: dict, county: list[float], county_again: list[float], n: int) -> str:
    def med(variant, key):
        return statistics.median(r[key] for r in runs[variant])

    papers = runs["pipeline"][0]["papers"]
    rows = [("", "rendered", "s (median)", "papers/s", "ms/paper", "peak MB")]
    for variant, label in (("pipeline", "this pipeline, full build"),
                           ("docxtpl", "plain docxtpl"),
                           ("rebuild", "this pipeline, nothing changed")):
        s = med(variant, "seconds")
        rendered = runs[variant][0]["rendered"]
        rows.append((label, str(rendered), f"{s:.2f}",
                     f"{papers / s:.0f}", f"{1000 * s / papers:.1f}",
                     f"{med(variant, 'peak_mb'):.0f}"))
    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(r, width))) for r in rows]
    full, plain = med("pipeline", "seconds"), med("docxtpl", "seconds")
    return "\n".join([
        f"National workbook: {papers} papers; {n} runs each, alternating; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}.",
        "", *lines, "",
        f"Throughput ratio (docxtpl time / pipeline time): {plain / full:.1f}x",
        f"Rebuild with nothing changed: {100 * med('rebuild', 'seconds') / full:.1f} % "
        "of a full build",
        f"County (make papers, the shipped workbook, whole command): "
        f"{statistics.median(county):.2f} s fresh, {statistics.median(county_again):.2f} s "
        "again",
    ])


if __name__ == "__main__":
    main()
