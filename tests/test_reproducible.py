"""The same workbook and templates give byte-identical files."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

from pipeline.build import build
from pipeline.reproducible import deflate, zip_bytes

from workbooks import EXAMPLE, TEMPLATES


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".papers.lock")
    }  # the lock file stays by design


def test_two_builds_are_byte_identical(tmp_path, shipped_build):
    first, result = shipped_build  # one build of this test process; the second is below
    build(EXAMPLE, TEMPLATES, tmp_path / "b")
    a, b = digests(first), digests(tmp_path / "b")
    assert {p.path for p in result.papers} | {"manifest.json", "sammanstallning.xlsx"} <= set(a)
    assert a == b


def test_rebuild_in_place_changes_nothing(shipped_copy):
    out = shipped_copy  # out/ as a build of EXAMPLE leaves it
    before = digests(out)
    result = build(EXAMPLE, TEMPLATES, out)
    assert digests(out) == before
    assert result.output.written == []


def test_zip_is_what_zipfile_writes(tmp_path):
    """The hand-written zip has the bytes the standard library writes for the same entries
    (fixed date, mode 0644 from a Unix system, deflated), with a cached part and a name
    that is not ASCII among them, and zipfile reads every entry back."""
    date = dt.date(2027, 1, 10)
    members = [
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document>" + b"text " * 5000 + b"</w:document>"),
        ("word/media/bild \u00e5\u00e4\u00f6.png", bytes(range(256)) * 40),
        ("empty", b""),
    ]
    cache = {members[1][1]: deflate(members[1][1])}
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w") as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=(2027, 1, 10, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # zipfile says 0 on Windows; these bytes are the same everywhere
            archive.writestr(info, content)
    data = zip_bytes(members, date, cache)
    assert data == expected.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == members
        assert {i.date_time for i in archive.infolist()} == {(2027, 1, 10, 0, 0, 0)}
