"""Pictures and links in papers: a context value `Image(path, alt_text, width_mm)` printed by a
template (`{{ logotyp }}`) becomes a picture in the part being rendered (body, header or
footer), with its alt text as the picture's description (what a screen reader says).

A context value `Link(url, text)` printed with docxtpl's run tag (`{{r webbplats }}`)
becomes a hyperlink, its relationship in the part being rendered.

The context only says which file or address; the picture is made by the renderer for the template it
renders (docxtpl's InlineImage needs the DocxTemplate and the part), so one context can be
used with any template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from docxtpl import InlineImage, RichText
from jinja2 import TemplateRuntimeError
from markupsafe import Markup


@dataclass(frozen=True)
class Image:
    """A picture for a template to print: the file, its alt text, and its width in
    millimetres (None: the picture's own size)."""

    path: Path
    alt_text: str
    width_mm: float | None = None
    height_mm: float | None = None  # instead of the width: a logo in a letterhead of set height


@dataclass(frozen=True)
class Link:
    """A hyperlink for a template to print with `{{r ... }}`: the address and its text."""

    url: str
    text: str


def hyperlink(tpl, link: Link) -> RichText:
    """The link as docxtpl's RichText, its relationship in the part being rendered."""
    rid = tpl.current_rendering_part.relate_to(link.url, RT.HYPERLINK, is_external=True)
    return RichText(link.text, url_id=rid, color="0563C1", underline=True)


class DescribedImage(InlineImage):
    """docxtpl's InlineImage with an alt text (`descr` of wp:docPr)."""

    def __init__(self, tpl, image: Image):
        width = Mm(image.width_mm) if image.width_mm else None
        height = Mm(image.height_mm) if image.height_mm and not width else None
        super().__init__(tpl, str(image.path), width=width, height=height)
        self.alt_text = image.alt_text

    def _insert_image(self):
        xml = super()._insert_image()
        return re.sub(
            r"(<wp:docPr\b[^>]*?)(\s*/?>)",
            lambda m: f"{m.group(1)} descr={quoteattr(self.alt_text)}{m.group(2)}",
            xml,
            count=1,
        )


def picture_maker(tpl, printed_markup=lambda: None):
    """The function that turns a printed value into a picture for `tpl` (the template being
    rendered, whose current_rendering_part says where the picture goes). `printed_markup`
    is called when a value that writes its own XML (RichText, an InlineImage...) is printed
    as it is."""

    def picture(value):
        if not hasattr(value, "__html__") and not isinstance(value, Image | Link):
            return value
        if isinstance(value, Image):
            return insert(DescribedImage(tpl, value), value.path)
        if isinstance(value, Link):
            return hyperlink(tpl, value)
        if isinstance(value, InlineImage) and value.tpl is not tpl:  # made for another template
            again = InlineImage(tpl, value.image_descriptor, value.width, value.height, value.anchor)
            return insert(again, value.image_descriptor)
        if type(value).__name__ == "Subdoc":  # docxtpl's (imports docxcompose, not installed)
            raise TemplateRuntimeError("underdokument (docxtpl Subdoc) stöds inte i handlingarna")
        printed_markup()
        return value

    return picture


def insert(image: InlineImage, source) -> str:
    """The picture's XML (as docxtpl prints an InlineImage), or a template error that names
    the file when it is not a picture."""
    try:
        return Markup(image._insert_image())
    except FileNotFoundError:
        raise TemplateRuntimeError(f"bilden {source} finns inte") from None
    except AttributeError as exc:
        if "new_pic_inline" in str(exc):
            raise TemplateRuntimeError(
                "bilder kan bara stå i brödtexten, sidhuvudet och sidfoten"
            ) from None
        raise
    except Exception as exc:  # python-docx: not an image it can read
        raise TemplateRuntimeError(
            f"filen {source} är ingen bild som Word kan visa (png, jpeg, "
            f"gif, bmp eller tiff): {type(exc).__name__}"
        ) from None
