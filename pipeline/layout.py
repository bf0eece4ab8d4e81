"""`papers check --layout`: the papers' page breaks, checked on the rendered PDF.

Every paper is rendered, converted to PDF through LibreOffice in one run and read
back (pdf_pages: glyphs and structure tree). The PDFs are tagged, so the structure tree says what each line
is (heading, paragraph, list item, table row) and which page it landed on; headers
and footers are artifacts. The rules are those of the typesetting section of
writing.md: no heading or caption ends a page, no table row is split, a table of up
to 20 rows stays on one page, no page holds a stray line, no list leaves a single
item alone on a page, no text outside the margins, and the mark "UTKAST" on every
page of a paper made from an example workbook.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx import Document
from docx.shared import Length

from .pdf_pages import Glyph, Mark, Node, Page, read_pages, structure
from .problems import Problem, UserError

MAX_KEPT_ROWS = 20  # a table of up to this many rows stays on one page
TOLERANCE = 1.5  # points a glyph may stray over a margin (rounding, italic overhang)
CLEARANCE = 6.0  # points between the body's text and the header's or footer's
LINE_GAP = 2.0  # glyphs whose tops differ by less than this are on one line
MARK = "UTKAST"
PRIVATE = re.compile("[\ue000-\uf8ff]")  # a bullet from a symbol font
HEADINGS = {"H", "H1", "H2", "H3", "H4", "H5", "H6"}
CONTAINERS = {"Document", "Part", "Sect", "Div", "Art", "NonStruct", "Private"}

NO_OFFICE = (
    "LibreOffice behövs för att kontrollera sidbrytningarna men finns inte. Installera "
    "det (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui "
    "fonts-liberation2; Windows och macOS: libreoffice.org) och kör igen."
)


@dataclass(frozen=True)
class Margins:
    """The body area of a page, in points from the top left corner."""

    left: float
    right: float
    top: float
    bottom: float


def check_layout(prepared, papers=None, files=None) -> list[Problem]:
    """Render the papers (all of a build, or `papers`; or take them rendered, `files`),
    convert them to PDF in one LibreOffice run and return a Problem per finding, naming
    paper and page."""
    from .build import render_all
    from .pdf import find_office
    from .pdf_batches import convert

    if find_office() is None:
        raise UserError([Problem.note("--layout", NO_OFFICE)])
    if files is None:
        files = render_all(prepared, prepared.papers if papers is None else papers)
    by_name = {f.path.replace("/", "__"): f for f in files}
    converted = convert({name: f.data for name, f in by_name.items()})
    if converted.failed:
        raise UserError(converted.problems())
    pdfs = converted.pdfs
    marked = (prepared.bok.parametrar.exempeldata or "").strip().lower() == "ja"
    return [
        Problem.note(f.path, finding + ".")
        for name, f in by_name.items()
        for finding in inspect(f.data, pdfs[name], marked)
    ]


def inspect(docx: bytes, pdf: bytes, marked: bool = False) -> list[str]:
    """The layout rules a paper breaks, in Swedish, each naming its page."""
    margins = page_margins(docx)
    pages = read_pages(pdf)
    tree = structure(pdf)
    if tree is None:
        return ["PDF:en saknar struktur (taggar), så sidbrytningarna kan inte kontrolleras"]
    blocks = list(body_blocks(tree))
    owner = {mark: block for block in blocks for mark in block.all_marks()}
    return [
        *heading_rule(blocks, pages),
        *row_rule(blocks, pages),
        *table_rule(blocks, pages),
        *stray_rule(pages, owner),
        *list_rule(blocks, pages),
        *margin_rule(pages, margins),
        *(mark_rule(pages) if marked else []),
    ]


# Reading the PDF


def page_margins(docx: bytes) -> Margins:
    section = Document(io.BytesIO(docx)).sections[0]
    return Margins(
        points(section.left_margin),
        points(section.page_width) - points(section.right_margin),
        points(section.top_margin),
        points(section.page_height) - points(section.bottom_margin),
    )


def points(length: Length | None) -> float:
    """A section's length in points; one the section leaves out counts as 0."""
    return 0.0 if length is None else length.pt


@dataclass
class Block:
    """A thing on the page the rules talk about: heading, caption, paragraph, list or
    table (a list's parts are its items, a table's its rows)."""

    kind: str
    node: Node
    parts: list[Node] = field(default_factory=list)

    def all_marks(self) -> Iterator[Mark]:
        return self.node.all_marks()


def body_blocks(node: Node) -> Iterator[Block]:
    children = node.children
    for i, child in enumerate(children):
        after = children[i + 1].type if i + 1 < len(children) else None
        if child.type in CONTAINERS or child.type == "Root":
            yield from body_blocks(child)
        elif child.type in HEADINGS:
            yield Block("heading", child)
        elif child.type == "Caption" or (child.type == "P" and after == "Table"):
            yield Block("caption", child)
        elif child.type == "L":
            yield Block("list", child, [n for n in child.children if n.type == "LI"])
        elif child.type == "Table":
            yield Block("table", child, list(rows(child)))
        else:
            yield Block("paragraph", child)


def rows(table: Node) -> Iterator[Node]:
    for child in table.children:
        if child.type == "TR":
            yield child
        elif child.type in {"THead", "TBody", "TFoot"}:
            yield from rows(child)


def pages_of(node: Node | Block) -> list[int]:
    return sorted({page for page, _ in node.all_marks()})


def text_of(node: Node | Block, pages: list[Page], limit: int = 60) -> str:
    parts = [spaced(pages[page - 1].body.get((page, mcid), [])) for page, mcid in node.all_marks()]
    text = " ".join(PRIVATE.sub("", " ".join(parts)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lines(glyphs: list[Glyph]) -> list[float]:
    """The tops of the lines these glyphs make."""
    tops: list[float] = []
    for top in sorted(g.top for g in glyphs):
        if not tops or top - tops[-1] > LINE_GAP:
            tops.append(top)
    return tops


def last_mark(page: Page) -> Mark | None:
    """The marked content of the page's lowest body line."""
    if not page.body:
        return None
    return max(page.body, key=lambda m: max(g.bottom for g in page.body[m]))


# The rules


def heading_rule(blocks: list[Block], pages: list[Page]) -> list[str]:
    """A heading or caption is never the last line of a page, nor split across pages."""
    found = []
    ends = {page.number: last_mark(page) for page in pages[:-1]}
    for block in blocks:
        if block.kind not in {"heading", "caption"}:
            continue
        word = "rubriken" if block.kind == "heading" else "tabellrubriken"
        on = pages_of(block)
        marks = set(block.all_marks())
        if len(on) > 1:
            found.append(
                f"sidan {on[0]}: {word} »{text_of(block, pages)}« delas mellan "
                f"sidorna {on[0]} och {on[-1]}"
            )
        elif on and ends.get(on[0]) in marks:
            found.append(f"sidan {on[0]}: {word} »{text_of(block, pages)}« står sist på sidan")
    return found


def row_rule(blocks: list[Block], pages: list[Page]) -> list[str]:
    """A table row never breaks across pages."""
    return [
        f"sidan {on[0]}: tabellraden »{text_of(row, pages)}« delas mellan sidorna {on[0]} och {on[-1]}"
        for block in blocks
        if block.kind == "table"
        for row in block.parts
        if len(on := pages_of(row)) > 1
    ]


def table_rule(blocks: list[Block], pages: list[Page]) -> list[str]:
    """A table of up to 20 rows is on one page, together with its caption."""
    found = []
    for i, block in enumerate(blocks):
        if block.kind != "table" or len(block.parts) > MAX_KEPT_ROWS:
            continue
        caption = blocks[i - 1] if i and blocks[i - 1].kind == "caption" else None
        if caption:
            name = f"»{text_of(caption, pages)}«"
        else:
            name = f"som börjar »{text_of(block.parts[0], pages)}«" if block.parts else ""
        on = pages_of(block)
        if len(on) > 1:
            found.append(
                f"sidan {on[0]}: tabellen {name} ({len(block.parts)} rader) delas "
                f"mellan sidorna {on[0]} och {on[-1]}"
            )
        elif caption and on and pages_of(caption) and pages_of(caption)[-1] != on[0]:
            found.append(
                f"sidan {pages_of(caption)[-1]}: tabellrubriken {name} står på en "
                f"annan sida än tabellen (sidan {on[0]})"
            )
    return found


def stray_rule(pages: list[Page], owner: dict[Mark, Block]) -> list[str]:
    """No page (after the first) holds a single stray line of the body."""
    found = []
    for page in pages[1:]:
        tops = lines([g for glyphs in page.body.values() for g in glyphs])
        if len(tops) == 1:
            block = owner.get(next(iter(page.body)))
            text = text_of(block, pages) if block else ""
            found.append(f"sidan {page.number}: sidan har bara en rad text (»{text}«)")
    return found


def list_rule(blocks: list[Block], pages: list[Page]) -> list[str]:
    """A list split across pages never leaves a single item alone on a page."""
    found = []
    for block in blocks:
        if block.kind != "list" or len(block.parts) < 2 or len(pages_of(block)) < 2:
            continue
        for number in pages_of(block):
            items = [item for item in block.parts if number in pages_of(item)]
            if len(items) == 1:
                found.append(
                    f"sidan {number}: listan delas så att punkten "
                    f"»{text_of(items[0], pages)}« står ensam på sidan"
                )
    return found


def margin_rule(pages: list[Page], margins: Margins) -> list[str]:
    """No text outside the margins: none beside the body area, and the body's text not
    above or below it (the header and footer live there)."""
    found = []
    for page in pages:
        outside = [
            g
            for g in page.glyphs
            if g.x0 < margins.left - TOLERANCE
            or g.x1 > margins.right + TOLERANCE
            or (
                g.mcid is not None
                and (g.top < margins.top - TOLERANCE or g.bottom > margins.bottom + TOLERANCE)
            )
        ]
        outside += into_header_or_footer(page, margins)
        if outside:
            text = spaced(sorted(outside, key=lambda g: (round(g.top), g.x0)))[:40]
            found.append(f"sidan {page.number}: text utanför marginalerna (»{text}«)")
    return found


def spaced(glyphs: list[Glyph]) -> str:
    """Glyphs as text, with a space where they are apart (the PDF has no space glyph)."""
    text = ""
    for before, glyph in zip([None, *glyphs], glyphs):
        if before is not None and (glyph.x0 - before.x1 > 1 or glyph.top != before.top):
            text += " "
        text += glyph.text
    return text


def into_header_or_footer(page: Page, margins: Margins) -> list[Glyph]:
    """The body's glyphs that come closer than CLEARANCE to the header's or the footer's
    text. The header is the artifacts above the top margin (a table's repeated header
    row is an artifact too, below it), the footer those in the bottom fifth."""
    artifacts = [g for g in page.glyphs if g.mcid is None]
    head = max((g.bottom for g in artifacts if g.bottom < margins.top + TOLERANCE), default=None)
    foot = min((g.top for g in artifacts if g.top > page.height * 4 / 5), default=None)
    return [
        g
        for glyphs in page.body.values()
        for g in glyphs
        if (foot is not None and g.bottom > foot - CLEARANCE)
        or (head is not None and g.top < head + CLEARANCE)
    ]


def mark_rule(pages: list[Page]) -> list[str]:
    """An example workbook's paper says UTKAST on every page."""
    return [
        f"sidan {page.number}: märkningen »UTKAST – exempeldata« saknas"
        for page in pages
        if MARK not in page.text.upper()
    ]
