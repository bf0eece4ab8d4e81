"""Small Word templates built for tests, one per docxtpl feature an officer may use."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Källa: {{ kalla }}</w:t></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)
FOOTNOTE_REF = '<w:r><w:footnoteReference w:id="1"/></w:r>'


def png(width: int = 4, height: int = 3, rgb=(200, 30, 30)) -> bytes:
    """A small PNG picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def table(doc, rows: list[list[str]]):
    t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    t.style = "Table Grid"
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            t.cell(r, c).text = text
    return t


def document(path: Path, build) -> Path:
    doc = Document()
    build(doc)
    doc.save(path)
    return path


TEMPLATES = {
    "row_loop": lambda d: table(
        d, [["{%tr for r in rader %}", ""], ["{{ r.namn }}", "{{ r.belopp }}"], ["{%tr endfor %}", ""]]
    ),
    "column_loop": lambda d: table(
        d,
        [
            ["Part", "{%tc for k in kolumner %}", "{{ k }}", "{%tc endfor %}"],
            ["Summa", "{%tc for k in kolumner %}", "{{ k|upper }}", "{%tc endfor %}"],
        ],
    ),
    "horizontal_merge": lambda d: table(
        d,
        [
            ["{%tc for k in kolumner %}", "{% hm %}Rubrik", "{%tc endfor %}"],
            ["{%tc for k in kolumner %}", "{{ k }}", "{%tc endfor %}"],
        ],
    ),
    "vertical_merge": lambda d: table(
        d,
        [
            ["{%tr for r in rader %}", ""],
            ["{% vm %}{{ r.grupp }}", "{{ r.namn }}"],
            ["{%tr endfor %}", ""],
        ],
    ),
    "colspan": lambda d: table(d, [["{% colspan 2 %}Över två", "", ""], ["a", "b", "c"]]),
    "cell_background": lambda d: table(
        d,
        [
            ["{%tr for r in rader %}", ""],
            ["{% cellbg r.farg %}{{ r.namn }}", "{{ r.belopp }}"],
            ["{%tr endfor %}", ""],
        ],
    ),
    "rich_text": lambda d: d.add_paragraph("Före {{r rik }} efter"),
    "headers_footers": lambda d: (
        d.add_paragraph("Brödtext {{ part }}"),
        d.sections[0].header.paragraphs[0].add_run("{{ rubrik }}"),
        d.sections[0].footer.paragraphs[0].add_run("Sida för {{ part }}"),
    ),
    "listing": lambda d: d.add_paragraph("{{ flera_rader }}"),
}


def with_footnotes(path: Path) -> Path:
    """A template whose body refers to a footnote with a variable."""
    document(path, lambda d: d.add_paragraph("Text med fotnot"))
    with zipfile.ZipFile(path) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["word/footnotes.xml"] = FOOTNOTES_XML.encode()
    files["word/document.xml"] = files["word/document.xml"].replace(
        b"<w:t>Text med fotnot</w:t></w:r>", b"<w:t>Text med fotnot</w:t></w:r>" + FOOTNOTE_REF.encode()
    )
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path
