"""`make bench`: this pipeline against plain docxtpl on the synthetic national workbook, and
the PDFs (`--pdf`) against a single LibreOffice process.

Every measurement runs in a fresh process (so peak memory is its own), the variants
alternate, and the table gives medians. The timed region is the same for both sides of a
comparison: from reading the workbook to the last paper written (or, for the engine alone,
rendered; interpreter start-up and imports excluded); the county build is timed as a whole
command, start-up included.

The PDF builds are whole `papers build --pdf` commands into an empty folder: the county
(the shipped workbook) `--runs` times, the national workbook once (it takes minutes), each
with the default number of LibreOffice processes and with `--pdf-processer 1`. One process
converts the county's 31 papers in one batch; the national set is more than one LibreOffice
run converts (it stops after 245), so its single process converts sequential batches.

    python bench/run.py [--runs 3] [--seed 1] [--folder bench/data] [--no-pdf]
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
# measured in turn, each run: the whole build against plain docxtpl writing the same papers,
# and the render engine alone against docxtpl's render and save (no files, no manifest)
VARIANTS = ("pipeline", "docxtpl", "engine", "docxtpl-engine")
sys.path.insert(0, str(ROOT / "bench"))


def one(variant: str, workbook: Path, templates: Path, out: Path) -> dict:
    """One measurement, in this process."""
    from pipeline.build import build, prepare
    from pipeline.render import jinja_env

    start, cpu_start = time.perf_counter(), cpu_seconds()
    if variant in ("pipeline", "rebuild"):
        result = build(workbook, templates, out)
        papers, rendered = len(result.papers), result.rendered
    elif variant == "engine":  # the render engine alone: every paper's bytes, nothing written
        from pipeline.render_many import render_papers

        prepared = prepare(workbook, templates)
        papers = rendered = len(render_papers(prepared, prepared.papers))
    elif variant == "docxtpl-engine":  # plain docxtpl's render and save, nothing written
        import io

        from docxtpl import DocxTemplate

        prepared = prepare(workbook, templates)
        for paper in prepared.papers:
            doc = DocxTemplate(paper.template)
            doc.render(prepared.context(paper), jinja_env(), autoescape=True)
            doc.save(io.BytesIO())
        papers = rendered = len(prepared.papers)
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
    cpu = cpu_seconds() - cpu_start
    peak = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    return {"seconds": seconds, "cpu": cpu, "papers": papers, "rendered": rendered, "peak_mb": peak}


def cpu_seconds() -> float:
    """Processor time of this process and its finished children (the render workers): on a
    busy machine a steadier measure than the clock."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(variant: str, workbook: Path, templates: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--one", variant, str(workbook), str(templates), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def county_command(out: Path) -> float:
    papers = shutil.which("papers", path=str(Path(sys.executable).parent)) or "papers"
    start = time.perf_counter()
    subprocess.run([papers, "build", "--out", str(out)], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def pdf_command(
    out: Path, processes: int | None = None, workbook: Path | None = None, templates: Path | None = None
) -> dict:
    """A whole `papers build --pdf` into an empty folder, and how many LibreOffice processes
    were converting at once (ps every half second; the median over the samples that saw one,
    so that one starting while another exits does not count)."""
    papers = shutil.which("papers", path=str(Path(sys.executable).parent)) or "papers"
    shutil.rmtree(out, ignore_errors=True)
    command = [papers, "build", "--pdf", "--out", str(out)]
    command += ["--workbook", str(workbook), "--templates", str(templates)] if workbook else []
    command += ["--pdf-processer", str(processes)] if processes else []
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seen = []
    while process.poll() is None:
        seen.append(len(office_processes(process.pid)))
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        told = process.stderr.read() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}\n{told}")
    busy = [n for n in seen if n]
    return {
        "seconds": seconds,
        "pdfs": len(list(out.rglob("*.pdf"))),
        "at_once": statistics.median_low(busy) if busy else 0,
    }


def office_processes(root: int) -> list[int]:
    """The soffice.bin processes started by process `root` (Linux and macOS ps)."""
    try:
        table = subprocess.run(
            ["ps", "-eo", "pid=,ppid=,comm="], capture_output=True, text=True, check=True
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return []
    rows = [line.split(None, 2) for line in table if len(line.split(None, 2)) == 3]
    parent = {int(pid): int(ppid) for pid, ppid, _ in rows}

    def under(pid: int) -> bool:
        while pid in parent and pid > 1:
            if parent[pid] == root:
                return True
            pid = parent[pid]
        return False

    binary = "soffice" if sys.platform == "darwin" else "soffice.bin"  # not the start script
    return [int(pid) for pid, _, name in rows if Path(name).name == binary and under(int(pid))]


def pdf_runs(args, workbook: Path, templates: Path) -> dict:
    county: dict[str, list[dict]] = {"parallel": [], "single": []}
    for _ in range(args.runs):
        county["parallel"].append(pdf_command(args.folder / "ut-lan-pdf"))
        county["single"].append(pdf_command(args.folder / "ut-lan-pdf", 1))
    print("  län med PDF klart", file=sys.stderr)
    national = {"parallel": [pdf_command(args.folder / "ut-pdf", None, workbook, templates)]}
    print(f"  nationellt med PDF: {national['parallel'][0]['seconds']:.0f} s", file=sys.stderr)
    national["single"] = [pdf_command(args.folder / "ut-pdf", 1, workbook, templates)]
    print(f"  nationellt med PDF, en process: {national['single'][0]['seconds']:.0f} s", file=sys.stderr)
    return {"county": county, "national": national}


def pdf_report(pdf: dict) -> str:
    from pipeline.pdf_batches import default_processes

    lines = [
        f"PDF (papers build --pdf, whole command, empty out/; {default_processes()} "
        "LibreOffice processes by default):",
        "",
    ]
    rows = [("", "papers", "s", "papers/s", "s, 1 process", "papers/s", "speed-up", "at once")]
    for key, label, how in (
        ("county", "county (shipped workbook)", "one batch"),
        ("national", "national", "sequential batches"),
    ):
        par, one = pdf[key]["parallel"], pdf[key]["single"]
        s, s1 = (statistics.median(r["seconds"] for r in runs) for runs in (par, one))
        n = par[0]["pdfs"]
        rows.append(
            (
                f"{label}, {len(par)} run(s)",
                str(n),
                f"{s:.1f}",
                f"{n / s:.1f}",
                f"{s1:.1f} ({how})",
                f"{n / s1:.1f}",
                f"{s1 / s:.2f}x",
                str(statistics.median_low(r["at_once"] for r in par)),
            )
        )
    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        lines
        + [
            "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, width)))
            for r in rows
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--one", nargs=4)
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds")
    args = parser.parse_args()
    if args.one:
        variant, workbook, templates, out = args.one
        print(json.dumps(one(variant, Path(workbook), Path(templates), Path(out))))
        return

    import national

    workbook, templates = national.make(args.folder, args.seed)
    runs: dict[str, list[dict]] = {v: [] for v in (*VARIANTS, "rebuild")}
    for i in range(args.runs):
        for variant in VARIANTS:
            out = args.folder / f"ut-{variant}"
            shutil.rmtree(out, ignore_errors=True)
            runs[variant].append(measure(variant, workbook, templates, out))
            print(f"  körning {i + 1} {variant}: {runs[variant][-1]['seconds']:.2f} s", file=sys.stderr)
        runs["rebuild"].append(measure("rebuild", workbook, templates, args.folder / "ut-pipeline"))
    county, county_again = [], []
    for _ in range(args.runs):
        out = args.folder / "ut-lan"
        shutil.rmtree(out, ignore_errors=True)
        county.append(county_command(out))
        county_again.append(county_command(out))
    pdf = None if args.no_pdf else pdf_runs(args, workbook, templates)
    (args.folder / "resultat.json").write_text(
        json.dumps({"runs": runs, "county": county, "county_again": county_again, "pdf": pdf}),
        encoding="utf-8",
    )
    print(report(runs, county, county_again, args.runs))
    if pdf:
        print()
        print(pdf_report(pdf))


def report(runs: dict, county: list[float], county_again: list[float], n: int) -> str:
    def med(variant, key):
        return statistics.median(r[key] for r in runs[variant])

    papers = runs["pipeline"][0]["papers"]
    rows = [("", "rendered", "s (median)", "cpu s", "papers/s", "ms/paper", "peak MB")]
    for variant, label in (
        ("pipeline", "this pipeline, full build"),
        ("docxtpl", "plain docxtpl"),
        ("engine", "render engine only (no files)"),
        ("docxtpl-engine", "plain docxtpl, render and save only"),
        ("rebuild", "this pipeline, nothing changed"),
    ):
        s = med(variant, "seconds")
        rendered = runs[variant][0]["rendered"]
        rows.append(
            (
                label,
                str(rendered),
                f"{s:.2f}",
                f"{med(variant, 'cpu'):.2f}",
                f"{papers / s:.0f}",
                f"{1000 * s / papers:.1f}",
                f"{med(variant, 'peak_mb'):.0f}",
            )
        )
    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, width)))
        for r in rows
    ]
    full, plain = med("pipeline", "seconds"), med("docxtpl", "seconds")
    return "\n".join(
        [
            f"National workbook: {papers} papers; {n} runs each, alternating; "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}.",
            "",
            *lines,
            "",
            f"Throughput ratio (docxtpl time / pipeline time): {plain / full:.1f}x",
            f"Processor time ratio, whole build: {med('docxtpl', 'cpu') / med('pipeline', 'cpu'):.1f}x",
            f"Render engine alone (docxtpl render and save / render_papers): "
            f"{med('docxtpl-engine', 'seconds') / med('engine', 'seconds'):.1f}x clock, "
            f"{med('docxtpl-engine', 'cpu') / med('engine', 'cpu'):.1f}x processor time",
            f"Rebuild with nothing changed: {100 * med('rebuild', 'seconds') / full:.1f} % "
            "of a full build",
            f"County (make papers, the shipped workbook, whole command): "
            f"{statistics.median(county):.2f} s fresh, {statistics.median(county_again):.2f} s "
            "again",
        ]
    )


if __name__ == "__main__":
    main()
