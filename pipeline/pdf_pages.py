"""A tagged PDF read back for the layout rules: each page's glyphs with their marked
content, and the structure tree that says what each marked content is.

The glyphs come from pdfium (pypdfium2), the structure tree from qpdf (pikepdf), both
compiled libraries: `papers check --layout` reads and checks the PDFs of the 38 shipped
papers in 2.4 s instead of the 8.1 s it took through pdfplumber (pure Python), and finds the
same, paper for paper, on 156 papers of three counties. A glyph's box is the one pdfplumber gave: across the advance
width (within 0.25 pt), and from the font's descent below the baseline up one font size.
Only visible glyphs are kept: pdfium makes spaces of its own, which carry no marked content.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium

Mark = tuple[int, int]  # (page number, marked-content id)
ARTIFACT = "Artifact"


@dataclass(frozen=True)
class Glyph:
    """One character on the page, in points from the page's top left corner; `mcid` is
    None for an artifact (header, footer, a table's repeated header row)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    mcid: int | None


@dataclass
class Page:
    number: int
    body: dict[Mark, list[Glyph]]  # the body's glyphs by marked content
    glyphs: list[Glyph]  # every glyph, header and footer included
    width: float
    height: float

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)


@dataclass
class Node:
    """One element of the PDF's structure tree: its type, its own marked content and
    its children."""

    type: str
    marks: list[Mark] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def all_marks(self) -> Iterator[Mark]:
        yield from self.marks
        for child in self.children:
            yield from child.all_marks()


def read_pages(pdf: bytes) -> list[Page]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [read_page(document[i], i + 1) for i in range(len(document))]
    finally:
        document.close()


def read_page(page: pypdfium2.PdfPage, number: int) -> Page:
    width, height = page.get_size()
    text = page.get_textpage()
    handle = text.raw
    objects: dict[int | None, TextObject] = {}
    glyphs = []
    box, x, y = pdfium.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    for index in range(pdfium.FPDFText_CountChars(handle)):
        code = pdfium.FPDFText_GetUnicode(handle, index)
        if not visible(code):
            continue  # white space (the spaces and line breaks pdfium makes up too)
        obj = pdfium.FPDFText_GetTextObject(handle, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value
        shared = objects.get(key)
        if shared is None:
            shared = objects[key] = TextObject.of(obj)
        # the box pdfminer draws: across the advance width, from the font's descent
        # below the baseline up one font size
        pdfium.FPDFText_GetLooseCharBox(handle, index, box)
        pdfium.FPDFText_GetCharOrigin(handle, index, x_ref, y_ref)
        size = pdfium.FPDFText_GetFontSize(handle, index)
        bottom = y.value + shared.descent * size
        glyphs.append(
            Glyph(chr(code), box.left, box.right, height - bottom - size, height - bottom, shared.mcid)
        )
    text.close()
    page.close()
    body: dict[Mark, list[Glyph]] = {}
    for glyph in glyphs:
        if glyph.mcid is not None:
            body.setdefault((number, glyph.mcid), []).append(glyph)
    return Page(number, body, glyphs, width, height)


def visible(code: int) -> bool:
    return bool(code) and not 0xD800 <= code < 0xE000 and not chr(code).isspace()


@dataclass(frozen=True)
class TextObject:
    """What the glyphs of one text object share: their marked content (None for an
    artifact or unmarked text) and their font's descent per point of font size."""

    mcid: int | None
    descent: float

    @classmethod
    def of(cls, obj) -> TextObject:
        if not obj:
            return cls(None, 0.0)
        descent = ctypes.c_float()
        pdfium.FPDFFont_GetDescent(pdfium.FPDFTextObj_GetFont(obj), 1.0, ctypes.byref(descent))
        mcid = pdfium.FPDFPageObj_GetMarkedContentID(obj)
        artifact = ARTIFACT in mark_names(obj)
        return cls(None if artifact or mcid < 0 else mcid, descent.value)


def mark_names(obj) -> list[str]:
    names = []
    for i in range(pdfium.FPDFPageObj_CountMarks(obj)):
        mark = pdfium.FPDFPageObj_GetMark(obj, i)
        size = ctypes.c_ulong()
        buffer = (ctypes.c_ushort * 64)()
        if pdfium.FPDFPageObjMark_GetName(mark, buffer, ctypes.sizeof(buffer), ctypes.byref(size)):
            names.append(bytes(buffer)[: max(0, size.value - 2)].decode("utf-16-le"))
    return names


def structure(pdf: bytes) -> Node | None:
    """The structure tree with each marked content's page (an element may span pages,
    so the page is taken from the nearest /Pg, as the PDF standard says)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None or "/K" not in root:
            return None
        page_of = {page.obj.objgen: n for n, page in enumerate(document.pages, 1)}
        roles = {str(k): v for k, v in (root.get("/RoleMap") or {}).items()}
        top = Node("Root")
        Tree(page_of, roles).build(root.K, top, None)
        return top


@dataclass
class Tree:
    """Builds the Node tree from the PDF's structure elements: each page object's number,
    and the role map that names a custom element type by a standard one."""

    page_of: dict[tuple[int, int], int]
    roles: dict[str, pikepdf.Object]

    def page_number(self, obj: pikepdf.Dictionary, inherited: int | None) -> int | None:
        ref = obj.get("/Pg")
        return self.page_of.get(ref.objgen, inherited) if ref is not None else inherited

    def build(self, obj, node: Node, page: int | None) -> None:
        if isinstance(obj, int):
            if page is not None:
                node.marks.append((page, obj))
        elif isinstance(obj, pikepdf.Array):
            for item in obj:
                self.build(item, node, page)
        elif isinstance(obj, pikepdf.Dictionary) and "/MCID" in obj:
            where = self.page_number(obj, page)
            if where is not None:
                node.marks.append((where, int(obj.MCID)))
        elif isinstance(obj, pikepdf.Dictionary) and "/S" in obj:
            child = Node(self.role(obj.S))
            node.children.append(child)
            if "/K" in obj:
                self.build(obj.K, child, self.page_number(obj, page))

    def role(self, name) -> str:
        text = str(name).lstrip("/")
        mapped = self.roles.get(f"/{text}")
        return str(mapped).lstrip("/") if isinstance(mapped, pikepdf.Name) else text
