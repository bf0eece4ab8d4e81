"""Shared fixtures: a templates folder, workbooks built in the test, documents read back."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, settings

import pipeline.build
import pipeline.pdf_batches
from pipeline.pdf import find_office

import converters
import workbooks

# Property tests prove what they prove however loaded the machine is: no time limits (no
# timing asserts in tests), the example counts as each test sets them (default 100).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

# The real converter, taken before any test can replace it: only its PDFs are cached.
LIBREOFFICE_CONVERT = pipeline.pdf_batches.convert
NO_OFFICE = pytest.mark.skip(reason="LibreOffice and poppler-utils are needed (.ci/run installs them)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `libreoffice` are skipped without LibreOffice and poppler-utils, and
    their modules run first: their conversions are the longest tests, and one begun last
    would end the run alone on one core while the other cores wait."""
    missing = find_office() is None or shutil.which("pdftotext") is None
    first = set()
    for item in items:
        if item.get_closest_marker("libreoffice"):
            first.add(item.path)
            if missing:
                item.add_marker(NO_OFFICE)
    items.sort(key=lambda item: item.path not in first)  # stable: modules stay whole


@pytest.fixture
def sheets():
    """The shipped example workbook as plain rows, ready to be changed by a test."""
    return workbooks.example_sheets()


# The templates the shipped workbook's Beslutssteg sheet names (Mall and both Bilagor columns).
MALLAR = tuple(workbooks.template_names())


@pytest.fixture
def templates(tmp_path):
    """Empty placeholder templates: `load` only checks that each Mall exists, and validation
    fails before anything is rendered. A real file just outside the folder makes sure that
    "../x.docx" is refused as a path, not as a missing file."""
    folder = tmp_path / "mallar"
    folder.mkdir()
    for name in MALLAR:
        (folder / name).write_bytes(b"")
    (tmp_path / "x.docx").write_bytes(b"")
    return folder


@pytest.fixture
def write_workbook(tmp_path):
    def write(sheets, name: str = "arbetsbok.xlsx") -> Path:
        return workbooks.write(tmp_path / name, sheets)

    return write


def paper_paths(out: Path) -> dict[tuple[int, str], Path]:
    """(steg, part) → path, through the manifest (never guessed)."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {(e["steg"], e["part"]): out / e["fil"] for e in manifest["papers"]}


def document_text(path: Path) -> str:
    """Body paragraphs, table cells, headers and footers, one line each."""
    doc = Document(path)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    for section in doc.sections:
        lines += [p.text for p in section.header.paragraphs]
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of this test run, shared by every xdist worker (each worker's
    own base folder lies in it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def cached_convert(tmp_path_factory) -> converters.Cached:
    """pipeline.pdf_batches.convert, converting each distinct .docx once per test run."""
    return converters.Cached(LIBREOFFICE_CONVERT, run_folder(tmp_path_factory) / "pdf-cache")


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> tuple[Path, pipeline.build.BuildResult]:
    """out/ and the result of one build of the shipped workbook and templates (read it,
    don't change it; copy it first)."""
    out = tmp_path_factory.mktemp("shipped") / "out"
    return out, pipeline.build.build(workbooks.EXAMPLE, workbooks.TEMPLATES, out)


@pytest.fixture(scope="session")
def shipped_out(shipped_build) -> Path:
    """out/ of the one build of the shipped workbook (read it, don't change it)."""
    return shipped_build[0]


@pytest.fixture
def shipped_copy(tmp_path, shipped_out) -> Path:
    """tmp_path / "out": a copy of out/ as a build of the shipped workbook leaves it, for a test
    that changes it (the same bytes as building it again, without the build)."""
    return Path(shutil.copytree(shipped_out, tmp_path / "out", symlinks=True))


@pytest.fixture(scope="session")
def shipped_pdf_out(tmp_path_factory, cached_convert) -> Path:
    """out/ of one build of the shipped workbook with --pdf, real LibreOffice PDFs (read it,
    don't change it; copy it first)."""
    out = tmp_path_factory.mktemp("shipped-pdf") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline.build, "convert", cached_convert)
        pipeline.build.build(workbooks.EXAMPLE, workbooks.TEMPLATES, out, pdf=True)
    return out


@pytest.fixture
def no_libreoffice(monkeypatch):
    """For tests of PDF bookkeeping only: build's converter makes small PDFs itself."""
    monkeypatch.setattr(pipeline.build, "convert", converters.fake_convert)
    monkeypatch.setattr(pipeline.build, "find_office", lambda: "soffice")


def running_text(path: Path) -> list[str]:
    """The body's paragraphs (no tables, headers or footers): the paper's running text."""
    return [p.text for p in Document(path).paragraphs if p.text.strip()]
