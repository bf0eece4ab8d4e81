"""The fast render path: a template prepared once, then rendered for many papers.

Plain docxtpl opens the .docx, preprocesses its XML and compiles Jinja again for every
paper. Here that happens once per template: docxtpl's own preprocessing (`patch_xml`),
then a compiled Jinja template for the body and for each header and footer. A paper is
then the rendered XML parts, post-processed exactly as docxtpl does (`resolve_listing`,
`fix_tables`, `fix_docpr_ids`), spliced into the parts python-docx wrote once for the
template; every other part is copied as bytes. The result is the same document XML as
`render.render_paper` (a test checks every shipped paper both ways).

Templates with footnotes fall back to `render_paper`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from .render import jinja_env, render_paper, set_language, set_properties
from .reproducible import reproducible_zip

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DOCUMENT = "word/document.xml"
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


class PreparedTemplate:
    """A template ready to render many papers; not shared between processes' threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.env = jinja_env()
        tpl = DocxTemplate(self.path)
        tpl.render_init()
        self.tpl = tpl
        self.fallback = any(p.content_type == FOOTNOTES for p in tpl.docx.part.package.parts)
        self.body = self.compile(tpl.patch_xml(tpl.get_xml()))
        self.parts = {}  # zip name -> (compiled template, encoding)
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                self.parts[part.partname.lstrip("/")] = (self.compile(tpl.patch_xml(xml)),
                                                        encoding)
        self.root = tpl.docx.element  # the document element; its body is replaced per paper
        self.core = tpl.docx.core_properties
        self.properties = {name: self.env.from_string(getattr(self.core, name))
                           for name in PROPERTIES}
        set_language(tpl.docx)
        buffer = io.BytesIO()
        tpl.docx.save(buffer)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as base:
            self.base = {name: base.read(name) for name in base.namelist()}

    def compile(self, xml: str):
        return self.env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))

    def rendered(self, template, context: dict) -> str:
        """docxtpl's render_xml_part, with the Jinja template compiled beforehand."""
        xml = template.render(context)
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
               .replace("{_%", "{%").replace("%_}", "%}"))
        return self.tpl.resolve_listing(xml)

    def render(self, context: dict, title: str, author: str, date: dt.date) -> bytes:
        if self.fallback:
            return render_paper(self.path, context, title, author, date)
        parts = dict(self.base)
        self.tpl.docx_ids_index = 1000
        body = self.tpl.fix_tables(self.rendered(self.body, context))
        self.tpl.fix_docpr_ids(body)
        self.root.replace(self.root.body, body)
        parts[DOCUMENT] = etree.tostring(self.root, encoding="UTF-8", standalone=True)
        for name, (template, encoding) in self.parts.items():
            xml = self.rendered(template, context).encode(encoding)
            parts[name] = etree.tostring(parse_xml(xml), encoding="UTF-8", standalone=True)
        for name, template in self.properties.items():  # as docxtpl's render_properties
            setattr(self.core, name, template.render(context))
        set_properties(self.core, title, author, date)
        parts["docProps/core.xml"] = etree.tostring(self.core._element, encoding="UTF-8",
                                                    standalone=True)
        return reproducible_zip(parts, date)
