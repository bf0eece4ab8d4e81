"""PDFs at any scale: batches under LibreOffice's limit, a failed paper retried alone and
named, several processes, progress on a terminal only, LibreOffice found outside PATH.

Most tests use a stand-in for soffice (a small script that behaves like it: one line per
document, PDFs in --outdir, and LibreOffice's silent stop after a number of documents); the
two marked `real` run LibreOffice itself."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import pipeline.build
import pipeline.handover
import pipeline.pdf
import pipeline.pdf_batches as batches
from pipeline.build import build
from pipeline.cli import main, progress_bar
from pipeline.pdf import find_office
from pipeline.pdf_batches import OfficeBroken, convert

from conftest import paper_paths
from workbooks import EXAMPLE, TEMPLATES, paper_count

real = pytest.mark.libreoffice

# A stand-in for soffice: converts the documents given after --outdir DIR in order, as
# LibreOffice 7.4 does: it stops silently (exit 0) after LIMIT documents, and a document that
# is not a zip (not a .docx) makes it stop there (a crash); every run is recorded in RUNS.
FAKE_OFFICE = """#!{python}
import json, sys, zipfile
from pathlib import Path
LIMIT, RUNS = {limit}, Path({runs!r})
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
files = args[args.index("--outdir") + 2:]
with RUNS.open("a") as f:
    f.write(json.dumps([Path(a).name for a in files]) + "\\n")
if {broken}:
    sys.exit(0)
outdir.mkdir(parents=True, exist_ok=True)
for name in files[:LIMIT]:
    print(f"convert {{name}} -> {{outdir / (Path(name).stem + '.pdf')}} using filter : pdf",
          flush=True)
    if not zipfile.is_zipfile(name):
        print("Fatal exception: Signal 6")
        sys.exit(134)
    (outdir / (Path(name).stem + ".pdf")).write_bytes(b"%PDF-1.7 " + Path(name).read_bytes()[-20:]
                                                      + b"\\n%%EOF\\n")
"""


@pytest.fixture
def fake_office(tmp_path, monkeypatch):
    """Install the stand-in (limit 5 documents a run); returns the file of recorded runs."""

    def install(limit=5, broken=False):
        script = tmp_path / "soffice"
        runs = tmp_path / "runs.jsonl"
        script.write_text(
            FAKE_OFFICE.format(python=sys.executable, limit=limit, runs=str(runs), broken=broken),
            encoding="utf-8",
        )
        script.chmod(0o755)
        monkeypatch.setattr(batches, "find_office", lambda: str(script))
        monkeypatch.setattr(pipeline.build, "find_office", lambda: str(script))
        monkeypatch.setattr(batches, "log_path", lambda: tmp_path / "papers-pdf.log")
        # the stand-in's PDFs are not real ones: no registrar metadata to add to them
        monkeypatch.setattr(pipeline.handover, "finish_pdf", lambda pdf, docx: pdf)
        return runs

    return install


def tiny_docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def papers(n: int) -> dict[str, bytes]:
    return {f"steg-{i % 3 + 1}/K{i:03d}_steg.docx": tiny_docx(f"Handling nummer {i}") for i in range(n)}


def runs_of(runs: Path) -> list[list[str]]:
    return [json.loads(line) for line in runs.read_text().splitlines()]


def test_more_papers_than_one_run_takes_are_converted_in_batches(fake_office, monkeypatch):
    runs = fake_office(limit=5)
    monkeypatch.setattr(batches, "BATCH", 3)
    docs = papers(17)
    converted = convert(docs, processes=2)
    assert converted.failed == []
    assert sorted(converted.pdfs) == sorted(docs)
    for key, pdf in converted.pdfs.items():
        assert pdf.startswith(b"%PDF") and docs[key][-20:] in pdf  # each its own document
    sizes = [len(r) for r in runs_of(runs)]
    assert max(sizes) <= 3 and sum(sizes) == 17 and len(sizes) == 6


def test_small_sets_still_use_every_process():
    assert [len(b) for b in batches.split([str(i) for i in range(31)], 2)] == [16, 15]
    assert len(batches.split(["a"], 4)) == 1
    split = batches.split([str(i) for i in range(1162)], 2)
    assert len(split) == 24 and max(map(len, split)) <= batches.BATCH
    assert sorted(sum(split, []), key=int) == [str(i) for i in range(1162)]


def test_a_paper_that_stops_its_batch_is_named_and_the_rest_is_retried_alone(fake_office, monkeypatch):
    runs = fake_office(limit=50)
    monkeypatch.setattr(batches, "BATCH", 4)
    docs = papers(8)
    broken = sorted(docs)[1]
    docs[broken] = b"not a docx at all"
    converted = convert(docs, processes=1)
    assert converted.failed == [broken]
    assert sorted(converted.pdfs) == sorted(set(docs) - {broken})
    alone = [r[0] for r in runs_of(runs) if len(r) == 1]
    assert any(broken.rsplit("/", 1)[1] in name for name in alone)  # tried alone once
    lines = [p.message() for p in converted.problems()]
    assert lines[0] == (
        f"{broken}: LibreOffice kunde inte göra någon PDF av handlingen, inte "
        "heller när den fick gå ensam."
    )
    assert "1 av 8 handlingar fick ingen PDF" in lines[-1]
    assert "papers-pdf.log" in lines[-1]
    assert "Signal 6" in converted.log.read_text(encoding="utf-8")


def test_at_most_ten_failed_papers_are_listed():
    failed = [f"steg-1/K{i:03d}_steg-1.docx" for i in range(14)]
    lines = [p.message() for p in batches.failure_problems(failed, 40, Path("/tmp/x.log"))]
    assert len(lines) == 12
    assert lines[10] == "… och 4 till: samma fel."
    assert lines[11].startswith("--pdf: 14 av 40 handlingar fick ingen PDF")


def test_a_libreoffice_that_converts_nothing_is_a_broken_installation(fake_office):
    fake_office(broken=True)
    with pytest.raises(OfficeBroken, match="installationen verkar trasig"):
        convert(papers(3), processes=2)


def test_build_writes_the_other_pdfs_and_exits_2_naming_the_broken_paper(
    fake_office, tmp_path, monkeypatch
):
    fake_office(limit=50)
    real_convert = batches.convert

    def with_one_broken(docx_files, processes, progress):
        broken = next(k for k in sorted(docx_files) if "Koping_steg-2" in k)
        return real_convert({**docx_files, broken: b"garbage"}, processes, progress)

    monkeypatch.setattr(pipeline.build, "convert", with_one_broken)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--pdf",
            "--pdf-processer",
            "2",
            "--workbook",
            str(EXAMPLE),
            "--templates",
            str(TEMPLATES),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 2, result.output
    assert "steg-2" in result.output and "Koping_steg-2.docx: LibreOffice kunde inte" in result.output
    count = paper_count()
    assert f"1 av {count} handlingar fick ingen PDF" in result.output
    assert "Traceback" not in result.output
    assert len(paper_paths(out)) == count
    pdfs = {p.name for p in out.rglob("*.pdf")}
    assert len(pdfs) == count - 1 and "Koping_steg-2.pdf" not in pdfs


def test_pdf_conversion_reports_progress_paper_by_paper(fake_office, tmp_path):
    fake_office(limit=50)
    seen = {}

    def record(items, label="Skriver handlingar"):
        done = list(items)
        seen[label] = (len(items), len(done))
        return done

    build(EXAMPLE, TEMPLATES, tmp_path / "out", pdf=True, progress=record, pdf_processes=2)
    assert seen["Skriver PDF"] == (paper_count(), paper_count())


def test_progress_bar_shows_on_a_terminal(monkeypatch):
    leader, follower = pty.openpty()
    terminal = os.fdopen(follower, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(progress_bar(list(range(40)), "Skriver PDF", delay=0)) == list(range(40))
    terminal.flush()
    shown = read_all(leader).decode("utf-8", "replace")
    terminal.close()
    os.close(leader)
    assert "Skriver PDF" in shown and "40/40" in shown


def read_all(fd: int) -> bytes:
    os.set_blocking(fd, False)
    data = b""
    while True:
        try:
            data += os.read(fd, 65536)
        except BlockingIOError:
            return data


def test_no_progress_bar_in_a_pipe_or_for_short_work(monkeypatch):
    read, write = os.pipe()
    pipe = os.fdopen(write, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", pipe)
    assert list(progress_bar(list(range(40)), "Skriver PDF", delay=0)) == list(range(40))
    pipe.close()
    assert os.read(read, 65536) == b""
    os.close(read)
    leader, follower = pty.openpty()
    terminal = os.fdopen(follower, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", terminal)
    list(progress_bar(list(range(40)), "Skriver PDF", delay=60))  # done before a bar is due
    terminal.flush()
    os.set_blocking(leader, False)
    with pytest.raises(BlockingIOError):  # nothing was written to the terminal
        os.read(leader, 65536)
    terminal.close()
    os.close(leader)


def test_libreoffice_is_found_in_the_windows_program_folder(tmp_path, monkeypatch):
    soffice = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "tom"))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    for name in ("ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    assert find_office() == str(soffice)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "saknas"))
    assert find_office() is None


def test_libreoffice_is_found_in_the_macos_applications_folder(tmp_path, monkeypatch):
    soffice = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "tom"))
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert find_office() == str(soffice)
    monkeypatch.setattr(sys, "platform", "linux")
    assert find_office() is None


def test_soffice_on_path_comes_first(tmp_path, monkeypatch):
    on_path = tmp_path / "bin" / "soffice"
    on_path.parent.mkdir()
    on_path.write_text("#!/bin/sh\n")
    on_path.chmod(0o755)
    monkeypatch.setenv("PATH", str(on_path.parent))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert find_office() == str(on_path)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@real
def test_libreoffice_converts_more_papers_than_a_batch_and_names_a_corrupt_one(monkeypatch, tmp_path):
    """One real conversion: eight papers in batches of three on two LibreOffice processes,
    one of them a .docx cut short, which is tried again alone and then named."""
    monkeypatch.setattr(batches, "BATCH", 3)
    monkeypatch.setattr(batches, "log_path", lambda: tmp_path / "papers-pdf.log")
    docs = papers(7)
    broken = "steg-2/Trasig_steg-2.docx"
    docs[broken] = tiny_docx("trasig")[:300]  # not a zip any more
    converted = convert(docs, processes=2)
    assert converted.failed == [broken]
    assert sorted(converted.pdfs) == sorted(set(docs) - {broken})
    for i, key in enumerate(sorted(converted.pdfs, key=lambda k: int(k.split("K")[1][:3]))):
        assert f"Handling nummer {i}" in pdf_text(converted.pdfs[key], tmp_path)
    assert converted.problems()[0].message().startswith(f"{broken}: LibreOffice kunde inte")
    log = converted.log.read_text(encoding="utf-8")
    assert log.count("== 3 handlingar") == 2 and log.count("== 2 handlingar") == 1
    assert log.count("== 1 handlingar") == 1  # the corrupt one, alone
    assert log.count("profil-0") + log.count("profil-1") == 4
