"""A build that is stopped (an unreplaceable file, a full disk, another file system, a kill at
any moment) leaves out/ whole: the old build, the new one, or a state the next build completes.
The next build never calls the tool's own papers edited by hand and never loses a hand edit."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.build import build
from pipeline.cli import main

from conftest import paper_paths
from output_faults import later_dates, manifest_mismatches, papers, snapshot, start, wait
from workbooks import EXAMPLE, TEMPLATES, paper_count


def run(workbook, out, *extra):
    return CliRunner().invoke(
        main,
        ["build", "--workbook", str(workbook), "--templates", str(TEMPLATES), "--out", str(out), *extra],
    )


@pytest.fixture(scope="module")
def later(tmp_path_factory):
    return later_dates(tmp_path_factory.mktemp("later") / "arbetsbok.xlsx")


@pytest.fixture(scope="module")
def references(tmp_path_factory, later, shipped_out):
    """out/ as a clean build of each workbook leaves it."""
    refs = {EXAMPLE: snapshot(shipped_out)}
    out = tmp_path_factory.mktemp("ref") / "out"
    build(later, TEMPLATES, out)
    refs[later] = snapshot(out)
    return refs


def fail_replace_of(monkeypatch, name: str, exc: OSError):
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == name:
            raise exc
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_unreplaceable_paper_names_it_and_the_next_build_completes(
    shipped_copy, later, references, monkeypatch
):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    fail_replace_of(
        monkeypatch, "Koping_steg-2.docx", PermissionError(errno.EPERM, "Operation not permitted")
    )
    result = run(later, out)
    assert result.exit_code == 2
    assert "Koping_steg-2.docx: går inte att skriva eller ersätta" in result.output
    assert "Traceback" not in result.output and "PermissionError" not in result.output
    assert manifest_mismatches(out) == []  # the manifest says what is on disk
    assert not list(out.rglob(".papers-tmp-*")) and not (out / ".papers-journal.json").exists()
    monkeypatch.undo()  # the file can be written again (Word closed)
    again = run(later, out)
    assert again.exit_code == 0, again.output
    assert "ändrats för hand" not in again.output
    assert snapshot(out) == references[later]


def test_full_disk_leaves_out_as_it_was(tmp_path, shipped_copy, later, monkeypatch):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    before, around = snapshot(out), snapshot(tmp_path)
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    result = run(later, out)
    assert result.exit_code == 2
    assert result.output.startswith("Ett fel måste rättas:\n  - ")
    assert "disken är full" in result.output and "Inget i mappen ändrades" in result.output
    assert len(calls) == 5
    assert snapshot(out) == before
    assert snapshot(tmp_path) == around  # nothing beside out/ either
    monkeypatch.undo()
    assert run(later, out).exit_code == 0


def test_step_folder_on_another_file_system(shipped_copy, later, references, monkeypatch):
    """A rename between two folders fails across file systems (EXDEV): every move is within
    one folder."""
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    real = os.replace

    def replace(src, dst):
        if Path(src).parent != Path(dst).parent:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run(later, out)
    assert result.exit_code == 0, result.output
    assert snapshot(out) == references[later]


def test_nothing_is_written_through_a_linked_step_folder(tmp_path, shipped_copy, later):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    step = next(out.glob("steg-2-*"))
    elsewhere = tmp_path / "elsewhere"
    step.rename(elsewhere)
    try:
        step.symlink_to(elsewhere, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    before = snapshot(elsewhere)
    result = run(later, out)
    assert result.exit_code == 2
    assert f"{step}: är en symbolisk länk" in result.output
    assert result.output.count("symbolisk länk") == 1
    assert snapshot(elsewhere) == before


def test_stale_temporary_files_and_journal_are_cleaned(shipped_copy, references):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    step = next(out.glob("steg-1-*"))
    (step / ".papers-tmp-dead-Koping_steg-1.docx").write_bytes(b"half")
    (out / ".papers-journal.json").write_text("not json", encoding="utf-8")
    result = run(EXAMPLE, out)
    assert result.exit_code == 0, result.output
    assert snapshot(out) == references[EXAMPLE]


def test_a_build_writes_nothing_beside_out(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "annat.txt").write_text("orört", encoding="utf-8")
    assert run(EXAMPLE, out).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annat.txt", "out"]


# ---- kill -9 at random, seeded points ----------------------------------------------------

COUNTED = ("replace", "fsync", "unlink", "rmdir", "mkdir")


def kill_at(limit: int) -> None:
    """From now on this process kills itself with SIGKILL at its `limit`-th file operation
    (replace, fsync, unlink, rmdir, mkdir)."""
    count = [0]

    def counted(real):
        def call(*args, **kwargs):
            count[0] += 1
            if count[0] == limit:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    for name in COUNTED:
        setattr(os, name, counted(getattr(os, name)))


def killed_build(workbook: Path, out: Path, limit: int) -> int:
    """`papers build` in a child process that kills itself with SIGKILL at its `limit`-th file
    operation; its exit status as subprocess gives it (-SIGKILL when killed). The child is
    forked from this process (the pipeline imported already) and counts from a fresh start."""
    build = papers("build", "--workbook", workbook, "--templates", TEMPLATES, "--out", out)
    return wait(start(lambda: (kill_at(limit), build())))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_builds_leave_a_state_the_next_build_completes(tmp_path, shipped_copy, later, references):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    rng = random.Random(11)
    codes = []
    for i in range(8):
        workbook = later if i % 2 == 0 else EXAMPLE  # every build changes every paper
        codes.append(killed_build(workbook, out, rng.randint(1, 75)))
        assert not list(tmp_path.glob(".papers*"))  # nothing left beside out/
        result = run(workbook, out)
        assert result.exit_code == 0, result.output
        assert "ändrats för hand" not in result.output
        assert snapshot(out) == references[workbook]
    assert codes.count(-signal.SIGKILL) >= 6  # the kills happened (not clean exits)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_first_build_is_not_someone_elses_folder(tmp_path, references):
    for limit in (4, 12, 40):
        out = tmp_path / f"out-{limit}"
        assert killed_build(EXAMPLE, out, limit) == -signal.SIGKILL
        result = run(EXAMPLE, out)
        assert result.exit_code == 0, result.output
        assert snapshot(out) == references[EXAMPLE]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_hand_edit_survives_killed_builds(shipped_copy, later):
    out = shipped_copy  # out/ as a build of EXAMPLE left it
    paper = paper_paths(out)[(1, "Köpings kommun")]
    doc = Document(paper)
    doc.add_paragraph("Tillägg av handläggaren.")
    doc.save(paper)
    edited = paper.read_bytes()
    rng = random.Random(7)
    for i in range(3):
        workbook = later if i % 2 == 0 else EXAMPLE
        killed_build(workbook, out, rng.randint(5, 70))
        result = run(workbook, out)
        assert result.exit_code == 2
        kept = [line.strip() for line in result.output.splitlines() if line.startswith("  - ")]
        assert kept == [f"- {paper}"]
        assert paper.read_bytes() == edited
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest_mismatches(out) == [paper.relative_to(out).as_posix()]
        assert len(manifest["papers"]) == paper_count()
