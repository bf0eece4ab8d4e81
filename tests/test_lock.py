"""One build at a time per out/: the second stops at once (exit 2), naming the other process."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.lock import locked

from output_faults import manifest_mismatches, papers, snapshot, start, wait
from workbooks import EXAMPLE, TEMPLATES, paper_count


def build_args(out):
    return ["build", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES), "--out", str(out)]


def hold_lock(out: Path, held: int, release: int) -> None:
    """In a child process: hold the lock of `out`, say so on the pipe `held`, and keep it
    until a byte comes on the pipe `release`."""
    with locked(out):
        os.write(held, b"held\n")
        os.read(release, 1)


def test_second_build_stops_and_names_the_holder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (said, held), (release, let_go) = os.pipe(), os.pipe()
    holder = start(lambda: hold_lock(out, held, release))
    os.close(held)
    os.close(release)
    try:
        assert os.read(said, 5) == b"held\n"
        result = CliRunner().invoke(main, build_args(out))
    finally:
        with suppress(BrokenPipeError):  # a holder that died early has nothing to release
            os.write(let_go, b"\n")
        os.close(let_go)
        os.close(said)
        wait(holder, timeout=30)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"Ett fel måste rättas:\n  - {out}: en annan körning av "
        f"papers skriver redan i mappen (process {holder} på "
    )
    assert "Vänta tills den är klar" in result.output
    assert snapshot(out) == {}  # it wrote nothing
    after = CliRunner().invoke(main, build_args(out))  # the lock went with the process
    assert after.exit_code == 0, after.output


def test_two_builds_at_once_leave_one_complete_build(tmp_path):
    out = tmp_path / "out"
    logs = [tmp_path / f"papers-{i}.txt" for i in range(3)]
    runs = [start(papers(*build_args(out)), log) for log in logs]
    results = [(wait(pid), log.read_text(encoding="utf-8")) for pid, log in zip(runs, logs)]
    assert all(code in (0, 2) for code, _ in results), results
    assert any(code == 0 for code, _ in results)
    for code, text in results:
        if code == 2:
            assert "en annan körning av papers skriver redan i mappen" in text
            assert "Traceback" not in text
    assert manifest_mismatches(out) == []
    again = CliRunner().invoke(main, build_args(out))
    assert again.exit_code == 0, again.output
    assert f"0 skrivna, {paper_count()} oförändrade" in again.output
