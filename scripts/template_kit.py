"""Building blocks for the Word templates: styles, letterhead, footer, tables, tags.

Used by `make_templates.py` to write the first version of each template. The .docx
files it produces are the sources officers edit afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pipeline.reproducible import normalized_zip

FONT = "Arial"
FIXED = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def save(doc, path: Path) -> None:
    """Save with fixed zip timestamps and dates, so that running the script again changes
    nothing unless the content changed."""
    doc.core_properties.created = doc.core_properties.modified = FIXED
    doc.core_properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(normalized_zip(buffer.getvalue(), FIXED.date()))


def new_document(title: str):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    style_document(doc)
    doc.core_properties.title = title
    doc.core_properties.language = "sv-SE"
    doc.core_properties.author = "beslutspapper"
    doc.core_properties.comments = "Mall för förslag till beslut; se papers variables."
    return doc


def style_document(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before in (("Heading 1", 16, 12), ("Heading 2", 13, 14), ("Heading 3", 11, 10)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    for name in ("List Number", "List Bullet", "Header", "Footer"):
        styles[name].font.name = FONT
    styles["Footer"].font.size = Pt(8)
    set_language(doc)


def set_language(doc) -> None:
    rpr = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")


def para(doc, *runs, style: str | None = None, align=None, space_after: int | None = None):
    """A paragraph of runs; a run is text or (text, "b") for bold. Each Jinja tag must
    sit whole inside one run."""
    p = doc.add_paragraph(style=style)
    for run in runs:
        text, bold = (run, False) if isinstance(run, str) else (run[0], True)
        p.add_run(text).bold = bold
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def tag(doc, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}); removed when rendered."""
    return para(doc, text)


def heading(doc, text: str, level: int):
    return doc.add_heading(text, level)


def numbered(doc, text: str):
    return para(doc, text, style="List Number")


def bullet(doc, text: str):
    return para(doc, text, style="List Bullet")


def letterhead(doc) -> None:
    """Header: the party and its förvaltning; body top: date, diarienummer, handläggare."""
    header = doc.sections[0].header
    first = header.paragraphs[0]
    first.add_run("{{ part.namn }}").bold = True
    first.runs[0].font.size = Pt(14)
    second = header.add_paragraph("{{ part.forvaltning_avdelning }}")
    second.runs[0].font.size = Pt(9)
    para(doc, ("{{ part.handlingstyp }}", "b"), space_after=2)
    para(doc, "Datum: {{ steg.datum|iso }}", space_after=2)
    tag(doc, "{%p if arende and arende.diarienummer %}")
    para(doc, "Diarienummer: {{ arende.diarienummer }}", space_after=2)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part.handlaggare %}")
    para(doc, "Handläggare: {{ part.handlaggare }}"
              "{% if part.handlaggarens_titel %}, {{ part.handlaggarens_titel }}{% endif %}",
         space_after=2)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part.mottagare %}")
    para(doc, ("{{ part.mottagare }}", "b"))
    tag(doc, "{%p endif %}")


def footer(doc) -> None:
    foot = doc.sections[0].footer
    p = foot.paragraphs[0]
    p.add_run("{{ part.kontaktrader|join(' · ') }}")
    pages = foot.add_paragraph()
    pages.alignment = RIGHT
    pages.add_run("Sida ")
    field(pages, "PAGE")
    pages.add_run(" av ")
    field(pages, "NUMPAGES")


def field(paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def proposal(doc, points: list[str]) -> None:
    heading(doc, "Förslag till beslut", 2)
    para(doc, "{{ part.forslag_inledning }}")
    for point in points:
        if point.startswith("{%p"):
            tag(doc, point)
        else:
            numbered(doc, point)


def signatures(doc) -> None:
    tag(doc, "{%p for s in part.signatorer %}")
    name = para(doc, "{{ s.namn }}", space_after=0)
    name.paragraph_format.space_before = Pt(24)
    name.paragraph_format.keep_with_next = True
    para(doc, "{{ s.titel }}")
    tag(doc, "{%p endfor %}")


def copies(doc, extra: list[str] = ()) -> None:
    heading(doc, "Kopia till", 2)
    tag(doc, "{%p for mottagare in kopia_till %}")
    para(doc, "{{ mottagare }} – för kännedom", space_after=0)
    tag(doc, "{%p endfor %}")
    for line in extra:
        if line.startswith("{%p"):
            tag(doc, line)
        else:
            para(doc, line, space_after=0)


def table(doc, columns: list[tuple[str, bool]], loop: str, cells: list[str],
          total: list[str] | None, bold_if: str | None = None, widths: list[float] = ()):
    """A table with a repeating header row, a docxtpl row loop and a bold sum row.

    `columns` are (header, right-aligned); `loop` the for clause ("r in rows"); `cells` the
    expressions of one row; `bold_if` a condition under which the row is bold.
    """
    rows = [[h for h, _ in columns], [f"{{%tr for {loop} %}}"]]
    if bold_if:
        rows += [[f"{{%tr if {bold_if} %}}"], cells, ["{%tr else %}"], cells, ["{%tr endif %}"]]
    else:
        rows.append(cells)
    rows.append(["{%tr endfor %}"])
    if total:
        rows.append(total)
    t = doc.add_table(rows=len(rows), cols=len(columns))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    bold_rows = {0, len(rows) - 1} if total else {0}
    if bold_if:
        bold_rows.add(3)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = t.cell(r, c)
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(value)
            run.bold = r in bold_rows
            run.font.size = Pt(9.5)
            if columns[c][1]:
                p.alignment = RIGHT
    mark_header(t.rows[0])
    for cell in t.rows[0].cells:
        shade(cell, "DCE3EE")
    if widths:
        t.autofit = False
        for column, width in zip(t.columns, widths):
            column.width = Cm(width)
        for row in t.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)
    return t


def mark_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def shade(cell, color: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), color)
    tc_pr.append(fill)


def caption(doc, text: str):
    p = para(doc, (text, "b"), space_after=3)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(8)
    return p


def closing(doc, path: Path, documents: list[str], copy_to: list[str] = ()) -> None:
    """Beslutsunderlag, signatures and Kopia till, then save: the end of every paper."""
    heading(doc, "Beslutsunderlag", 2)
    for document in documents:
        bullet(doc, document)
    signatures(doc)
    copies(doc, copy_to)
    save(doc, path)
