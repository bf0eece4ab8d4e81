"""Building blocks for the Word templates: styles, letterhead, footer, tables, tags.

Used by `make_templates.py` to write the first version of each template. The .docx
files it produces are the sources officers edit afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pipeline.reproducible import normalized_zip

FONT = "Arial"
FIXED = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
# The context's `logotyp` renders to an inline image or to nothing; until every context
# offers it, a template without it still renders.
LOGO = "{{ logotyp }}"
MARK_RED = RGBColor(0xC0, 0x00, 0x00)
# The widths in cm of the footer's four contact columns (Postadress; Besöksadress;
# Telefon and E-post; Webbplats, Org.nr and Bankgiro: wording.FOOTER_COLUMNS). At most
# three lines of 8 pt.
CONTACT_WIDTHS = (3.6, 3.4, 5.0, 4.0)


def save(doc, path: Path) -> None:
    """Save with fixed zip timestamps and dates, so that running the script again changes
    nothing unless the content changed."""
    doc.core_properties.created = doc.core_properties.modified = FIXED
    doc.core_properties.revision = 1
    keep_runs_together(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(normalized_zip(buffer.getvalue(), FIXED.date()))


def keep_runs_together(doc) -> None:
    """Keep each run of list items, and of "– för kännedom" lines, on one page: every such
    paragraph keeps with the next when the next paragraph that will be rendered (tag
    paragraphs disappear) is of the same kind."""
    paragraphs = [p for p in doc.paragraphs if not is_tag(p)]
    for current, following in zip(paragraphs, paragraphs[1:]):
        kind = run_kind(current)
        if kind and kind == run_kind(following):
            current.paragraph_format.keep_with_next = True


def new_document(title: str):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    # LibreOffice does not move the body for a taller header or footer: it overlaps. The
    # header (a logo up to 1.3 cm high, the name, the UTKAST mark and the page number on
    # one line; förvaltning below) and the footer's contact block (up to five lines of
    # 8 pt) fit inside these margins.
    section.top_margin, section.bottom_margin = Cm(2.7), Cm(2.7)
    section.header_distance, section.footer_distance = Cm(0.8), Cm(0.7)
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
    normal.paragraph_format.widow_control = True
    for name, size, before in (("Heading 1", 14, 12), ("Heading 2", 12, 14), ("Heading 3", 11, 10)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True  # a heading never ends a page
        style.paragraph_format.keep_together = True
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    for name in ("List Number", "List Bullet", "Header", "Footer"):
        styles[name].font.name = FONT
        styles[name].paragraph_format.keep_together = True
    styles["Footer"].font.size = Pt(8)
    styles["Footer"].paragraph_format.space_after = Pt(0)
    styles["Footer"].paragraph_format.line_spacing = 1.0
    styles["Header"].paragraph_format.space_after = Pt(0)
    for name in ("Header", "Footer"):  # Word's centre and right tabs; letterhead sets its own
        styles[name].paragraph_format.tab_stops.clear_all()
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


def is_tag(paragraph) -> bool:
    return paragraph.text.strip().startswith("{%p")


def run_kind(paragraph) -> str | None:
    """ "list" for list items, "copy" for the lines of Kopia till, else None."""
    if paragraph.style.name in ("List Number", "List Bullet"):
        return "list"
    if paragraph.text.rstrip().endswith(("för kännedom", "för åtgärd")):
        return "copy"
    return None


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
    """Header on every page: the logo (where the workbook gives one) and the party's name,
    the page number "1 (3)" at the right margin, förvaltning and avdelning, and the mark
    "UTKAST – exempeldata" when the workbook is an example. Body top (seed 003):
    Tjänsteskrivelse, date, diarienummer, handläggare with title, the addressee."""
    section = doc.sections[0]
    header = section.header
    first = header.paragraphs[0]
    right_tab(first, section)
    first.add_run(LOGO)
    name = first.add_run("{{ part.namn }}")
    name.bold, name.font.size = True, Pt(14)
    first.add_run("\t")
    example_mark(first)
    page_number(first)
    second = header.add_paragraph("{{ part.forvaltning_avdelning }}")
    second.runs[0].font.size = Pt(9)
    opening = para(doc, ("{{ part.handlingstyp }}", "b"), space_after=2)
    lines = [opening, para(doc, "Datum: {{ steg.datum|iso }}", space_after=2)]
    tag(doc, "{%p if arende.diarienummer %}")
    lines.append(para(doc, "Diarienummer: {{ arende.diarienummer }}", space_after=2))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part.handlaggare %}")
    lines.append(
        para(
            doc,
            "Handläggare: {{ part.handlaggare }}"
            "{% if part.handlaggarens_titel %}, {{ part.handlaggarens_titel }}{% endif %}",
            space_after=2,
        )
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part.mottagare %}")
    lines.append(para(doc, ("{{ part.mottagare }}", "b")))
    tag(doc, "{%p endif %}")
    for line in lines:
        line.paragraph_format.keep_with_next = True


def footer(doc) -> None:
    """The contact block, 8 pt, as one borderless table of four columns (seed 003):
    Postadress, Besöksadress, Telefon and E-post, Webbplats, Org.nr and Bankgiro. The
    context computes each column's lines (`part.sidfot`, wording.footer_columns): a
    bold label and its text, an empty value left out with its label."""
    foot = doc.sections[0].footer
    table = foot.add_table(rows=1, cols=len(CONTACT_WIDTHS), width=Cm(16))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    no_borders(table)
    for i, (column, cell, width) in enumerate(zip(table.columns, table.rows[0].cells, CONTACT_WIDTHS)):
        column.width = cell.width = Cm(width)
        p = cell.paragraphs[0]
        p.style = doc.styles["Footer"]
        p.add_run(f"{{% for rad in part.sidfot[{i}] %}}{{{{ rad.fore }}}}")
        p.add_run("{{ rad.etikett }}").bold = True
        p.add_run("{{ rad.text }}{% endfor %}")
    first = foot.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)
    table._tbl.addnext(first._p)  # the paragraph Word requires ends the footer
    header = doc.sections[0].header._element
    if not any("PAGE" in f.get(qn("w:instr"), "") for f in header.iter(qn("w:fldSimple"))):
        first.alignment = RIGHT  # a document without the letterhead: the page number here
        page_number(first)


def field(paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def page_number(paragraph) -> None:
    """ "1 (3)": this page and, in brackets, the number of pages (the Swedish form)."""
    field(paragraph, "PAGE")
    paragraph.add_run(" (")
    field(paragraph, "NUMPAGES")
    paragraph.add_run(")")


def right_tab(paragraph, section) -> None:
    width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def example_mark(paragraph) -> None:
    """ "UTKAST – exempeldata" in red bold before the page number, so on every page, when
    the workbook says Exempeldata = ja."""
    run = paragraph.add_run("{{ utkast_markering }}   ")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(10), MARK_RED


def no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def proposal(doc, points: list[str]) -> None:
    heading(doc, "Förslag till beslut", 2)
    para(doc, "{{ part.forslag_inledning }}")
    for point in points:
        if point.startswith("{%p"):
            tag(doc, point)
        else:
            numbered(doc, point)


def signatures(doc) -> None:
    """Who signs, each name with its title; the block stays together."""
    tag(doc, "{%p for s in part.signatorer %}")
    name = para(doc, "{{ s.namn }}", space_after=0)
    name.paragraph_format.space_before = Pt(24)
    title = para(doc, "{{ s.titel }}")
    tag(doc, "{%p endfor %}")
    for p in (name, title):
        p.paragraph_format.keep_with_next = True


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


def table(
    doc,
    columns: list[tuple[str, bool]],
    loop: str,
    cells: list[str],
    total: list[str] | None,
    bold_if: str | None = None,
    widths: list[float] = (),
):
    """A table with a repeating header row, a docxtpl row loop and a bold sum row.

    `columns` are (header, right-aligned); `loop` the for clause ("r in rows"); `cells` the
    expressions of one row; `bold_if` a condition under which the row is bold. No row
    breaks across pages, and every row but the last keeps with the next, so that a table
    that fits on a page stays on one (with its caption, which keeps with the table). A
    header's unit stays with its word (", kr" with a no-break space), and a column is
    widened, at the first column's expense, until its header's longest word fits.
    """
    headers = [glue_unit(h) for h, _ in columns]
    rows = [headers, [f"{{%tr for {loop} %}}"]]
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
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = r < len(rows) - 1
            run = p.add_run(value)
            run.bold = r in bold_rows
            run.font.size = Pt(TABLE_PT)
            if columns[c][1]:
                p.alignment = RIGHT
    for row in t.rows:
        cant_split(row)
    mark_header(t.rows[0])
    for cell in t.rows[0].cells:
        shade(cell, "DCE3EE")
    if widths:
        widths = fit_widths(headers, list(widths))
        t.autofit = False
        for column, width in zip(t.columns, widths):
            column.width = Cm(width)
        for row in t.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)
    return t


TABLE_PT = 9.5
BOLD_EM = 0.58  # a generous average width of an Arial Bold glyph, in em
CELL_PADDING_CM = 0.45  # Word's default cell margins (2 × 0.19 cm) and a little air
UNIT = re.compile(r",\s+(kr|%|st|tkr|mnkr)\b")


def glue_unit(header: str) -> str:
    """ "Förs över, kr" with a no-break space before "kr": the unit never starts a line."""
    return UNIT.sub(lambda m: ",\u00a0" + m.group(1), header)


def text_width_cm(text: str, size: float = TABLE_PT) -> float:
    """An estimate on the wide side of the width of bold text; a Jinja expression
    counts as four characters (a year, a short word)."""
    text = re.sub(r"\{\{.*?\}\}", "0000", text)
    return len(text) * size * BOLD_EM / 72 * 2.54


def fit_widths(headers: list[str], widths: list[float]) -> list[float]:
    """Widen each column to hold its header's longest unbreakable word, taking the room
    from the first column (the names, which may wrap); the table's width is kept."""
    need = [max(text_width_cm(word) for word in re.split(r"[ ]+", h)) + CELL_PADDING_CM for h in headers]
    fitted = list(widths)
    for i in range(1, len(fitted)):
        extra = max(0.0, need[i] - fitted[i])
        fitted[i] += extra
        fitted[0] -= extra
    return [round(w, 2) for w in fitted]


def mark_header(row) -> None:
    """The header row repeats on every page the table runs over."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def cant_split(row) -> None:
    """The row is never broken across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def shade(cell, color: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), color)
    tc_pr.append(fill)


def caption(doc, text: str):
    """A table's caption: bold, kept on the page of its table."""
    p = para(doc, (text, "b"), space_after=3)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.keep_together = True
    p.paragraph_format.space_before = Pt(8)
    return p


def closing(doc, path: Path, documents: list[str], copy_to: list[str] = ()) -> None:
    """Signatures, Beslutsunderlag and Kopia till (the order of seed 003 and writing.md),
    then save: the end of every paper."""
    signatures(doc)
    heading(doc, "Beslutsunderlag", 2)
    for document in documents:
        bullet(doc, document)
    copies(doc, copy_to)
    save(doc, path)
