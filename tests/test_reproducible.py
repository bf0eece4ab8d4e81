"""The same workbook and templates give byte-identical files."""

from __future__ import annotations

import hashlib

from pipeline.build import build

from workbooks import EXAMPLE, TEMPLATES


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".papers.lock")
    }  # the lock file stays by design


def test_two_builds_are_byte_identical(tmp_path):
    result = build(EXAMPLE, TEMPLATES, tmp_path / "a")
    build(EXAMPLE, TEMPLATES, tmp_path / "b")
    a, b = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert {p.path for p in result.papers} | {"manifest.json", "sammanstallning.xlsx"} <= set(a)
    assert a == b


def test_rebuild_in_place_changes_nothing(tmp_path):
    build(EXAMPLE, TEMPLATES, tmp_path)
    before = digests(tmp_path)
    result = build(EXAMPLE, TEMPLATES, tmp_path)
    assert digests(tmp_path) == before
    assert result.output.written == []
