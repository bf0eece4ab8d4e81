"""One build at a time per out/: the second stops at once (exit 2), naming the other process."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from pipeline.cli import main

from output_faults import manifest_mismatches, snapshot
from workbooks import EXAMPLE, ROOT, TEMPLATES, paper_count

HOLDER = """
import sys
from pathlib import Path
from pipeline.lock import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


def build_args(out):
    return ["build", "--workbook", str(EXAMPLE), "--templates", str(TEMPLATES), "--out", str(out)]


def test_second_build_stops_and_names_the_holder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        result = CliRunner().invoke(main, build_args(out))
    finally:
        holder.communicate("\n", timeout=30)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"Ett fel måste rättas:\n  - {out}: en annan körning av "
        f"papers skriver redan i mappen (process {holder.pid} på "
    )
    assert "Vänta tills den är klar" in result.output
    assert snapshot(out) == {}  # it wrote nothing
    after = CliRunner().invoke(main, build_args(out))  # the lock went with the process
    assert after.exit_code == 0, after.output


def test_two_builds_at_once_leave_one_complete_build(tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", *build_args(out)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    runs = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(3)
    ]
    results = [(p.wait(timeout=120), p.stdout.read() + p.stderr.read()) for p in runs]
    for p in runs:
        p.stdout.close()
        p.stderr.close()
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
