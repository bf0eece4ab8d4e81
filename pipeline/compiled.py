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

import copy
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from .render import jinja_env, render_paper, set_language, set_properties
from .reproducible import deflate, reproducible_zip

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DOCUMENT = "word/document.xml"
MARK = "{urn:beslutspapper}body"
MARK_BYTES = b'<ns0:body xmlns:ns0="urn:beslutspapper"/>'
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
        body_xml = tpl.patch_xml(tpl.get_xml())
        self.body = self.compile(body_xml)
        self.column_loops = "{%tc" in body_xml  # only then can fix_tables change anything
        self.parts = {}  # zip name -> (compiled template, encoding)
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                self.parts[part.partname.lstrip("/")] = (self.compile(tpl.patch_xml(xml)),
                                                        encoding)
        # the document element without its body; each paper gets a copy with its own body
        root = tpl.docx.element
        self.body_index = root.index(root.body)
        self.shell = copy.deepcopy(root)
        self.shell.remove(self.shell[self.body_index])
        # ... and the same as bytes around the body, for splicing a rendered body in
        marked = copy.deepcopy(self.shell)
        marked.insert(self.body_index, marked.makeelement(MARK))
        self.before, self.after = etree.tostring(marked, encoding="UTF-8",
                                                 standalone=True).split(MARK_BYTES)
        self.core = tpl.docx.core_properties
        self.properties = {name: self.env.from_string(getattr(self.core, name))
                           for name in PROPERTIES}
        set_language(tpl.docx)
        buffer = io.BytesIO()
        tpl.docx.save(buffer)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as base:
            self.base = {name: base.read(name) for name in base.namelist()}
        # compressed once: the parts that every paper copies unchanged
        self.compressed = {data: deflate(data) for data in self.base.values()}

    def compile(self, xml: str):
        return self.env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))

    def rendered(self, template, context: dict) -> str:
        """docxtpl's render_xml_part, with the Jinja template compiled beforehand."""
        xml = template.render(context)
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
               .replace("{_%", "{%").replace("%_}", "%}"))
        if any(ch in xml for ch in "\t\a\n\f"):  # resolve_listing changes nothing else
            xml = self.tpl.resolve_listing(xml)
        return xml

    def document(self, xml: str) -> bytes:
        """word/document.xml around a rendered body.

        The body is spliced in as rendered when it is well-formed and nothing is left for
        docxtpl's tree fixes (column loops, drawings); otherwise it goes through them as in
        docxtpl. Both give the same XML; the splice only keeps the body's namespace
        declarations where python-docx would drop them as redundant."""
        data = xml.encode("utf-8")
        if not self.column_loops and "docPr" not in xml and well_formed(data):
            return self.before + data + self.after
        body = (self.tpl.fix_tables(xml) if self.column_loops
                else etree.fromstring(xml, parser=etree.XMLParser(recover=True)))
        if "docPr" in xml:
            self.tpl.fix_docpr_ids(body)
        root = copy.deepcopy(self.shell)
        root.insert(self.body_index, body)
        return etree.tostring(root, encoding="UTF-8", standalone=True)

    def render(self, context: dict, title: str, author: str, date: dt.date) -> bytes:
        if self.fallback:
            return render_paper(self.path, context, title, author, date)
        parts = dict(self.base)
        self.tpl.docx_ids_index = 1000
        parts[DOCUMENT] = self.document(self.rendered(self.body, context))
        for name, (template, encoding) in self.parts.items():
            xml = self.rendered(template, context).encode(encoding)
            parts[name] = etree.tostring(parse_xml(xml), encoding="UTF-8", standalone=True)
        for name, template in self.properties.items():  # as docxtpl's render_properties
            setattr(self.core, name, template.render(context))
        set_properties(self.core, title, author, date)
        parts["docProps/core.xml"] = etree.tostring(self.core._element, encoding="UTF-8",
                                                    standalone=True)
        return reproducible_zip(parts, date, self.compressed)


def well_formed(data: bytes) -> bool:
    """A namespace-aware check without building a tree."""
    parser = expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        return False
    return True
