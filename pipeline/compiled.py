"""The render engine: a template prepared once, then rendered for many papers.

Plain docxtpl opens the .docx, preprocesses its XML and compiles Jinja again for every
paper. Here that happens once per template: docxtpl's own preprocessing (`patch_xml`),
then a compiled Jinja template for the body, each header and footer and the footnotes. A
paper is then the rendered XML parts, post-processed exactly as docxtpl does
(`resolve_listing`, `fix_tables`, `fix_docpr_ids`), spliced into the parts python-docx
wrote once for the template; every other part is copied as bytes. Relationships and parts
that rendering adds (pictures, their links) are written with the paper and taken away
from the template again afterwards, so every paper starts from the same template.

The result is docxtpl's document (tests/test_render_equivalence.py checks one small
template per docxtpl feature both ways). Unlike docxtpl, rendered XML that is not
well-formed is an error (never repaired by a recovering parser), and so is a reference to a
relationship that does not exist.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from lxml import etree

from . import docprops, guard
from .docprops import LANGUAGE
from .images import picture_maker
from .reproducible import deflate, reproducible_zip
from .sandbox import paper_environment
from .template_errors import TemplateFault, fault, short, text_of

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCUMENT = "word/document.xml"
MARK = "{urn:beslutspapper}body"
MARK_BYTES = b'<ns0:body xmlns:ns0="urn:beslutspapper"/>'
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
PRODUCER = "beslutspapper"
XML_TOKEN = re.compile(
    r"(?P<element><[^>]*>)|\{%[-+]?\s*(?P<keyword>\w*)(?P<rest>.*?)[-+]?%\}|\{\{.*?\}\}|\{#.*?#\}",
    re.DOTALL,
)
ELEMENT_NAME = re.compile(r"</?([^\s/>]+)")
PARAGRAPH_LINE = re.compile(r"\n(?=<w:p[ >])")  # as docxtpl's two replace() calls
REFERENCE = re.compile(r' r:(id|embed|link|pict|dm|lo|qs|cs)="([^"]*)"')
HYPERLINK = re.compile(r'<w:hyperlink [^>]*?r:id="([^"]*)"')
KIND = {"embed": "/image", "link": "/image"}  # what r:embed and r:link must point at
CELL_TOKEN = re.compile(r"<w:(tr|tc)[ >]|</w:(tr|tc)>|\{%.*?%\}", re.DOTALL)
BLOCK = re.compile(
    r"\{%[-+]?\s*(if|for|macro|call|filter|with|raw|endif|endfor|endmacro|endcall|"
    r"endfilter|endwith|endraw)\b"
)
# errors a template can raise by what it computes ({{ 1 / 0 }}, {{ 'a' + 1 }}, deep recursion)
TEMPLATE_ERRORS = (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, RecursionError)


class PreparedTemplate:
    """A template ready to render many papers; one per process (it is not thread-safe)."""

    def __init__(self, path: Path, data: bytes | None = None):
        self.path = Path(path)
        self.env = paper_environment()
        tpl = open_template(self.path, template_bytes(self.path) if data is None else data)
        tpl.render_init()
        self.tpl = tpl
        package = tpl.docx.part.package
        self.sources: dict[str, str] = {}
        body_xml = tpl.patch_xml(tpl.get_xml())
        self.body = self.compile(DOCUMENT, body_xml)
        self.tables = tables_can_change(tpl, tpl.get_xml(), body_xml)
        self.well_formed = always_well_formed(body_xml)
        self.listing = False  # resolve_listing ran on the part just rendered
        self.parts = {}  # zip name -> (part, compiled template, encoding)
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                name = part.partname.lstrip("/")
                self.parts[name] = (
                    part,
                    self.compile(name, tpl.patch_xml(xml)),
                    tpl.get_headers_footers_encoding(xml),
                )
        self.footnotes = {}  # zip name -> (part, compiled template); rendered as docxtpl does
        for part in package.parts:
            if part.content_type == FOOTNOTES:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                name = part.partname.lstrip("/")
                self.footnotes[name] = (part, self.compile(name, tpl.patch_xml(blob)))
        # the document element without its body; each paper gets a copy with its own body
        root = tpl.docx.element
        self.body_index = root.index(root.body)
        self.shell = copy.deepcopy(root)
        self.shell.remove(self.shell[self.body_index])
        # ... and the same as bytes around the body, for splicing a rendered body in
        marked = copy.deepcopy(self.shell)
        marked.insert(self.body_index, marked.makeelement(MARK))
        self.before, self.after = etree.tostring(marked, encoding="UTF-8", standalone=True).split(
            MARK_BYTES
        )
        self.core = tpl.docx.core_properties
        self.properties = {
            name: self.compile(f"docProps/core.xml:{name}", getattr(self.core, name))
            for name in PROPERTIES
        }
        set_language(tpl.docx)
        buffer = io.BytesIO()
        tpl.docx.save(buffer)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as base:
            self.base = {name: base.read(name) for name in base.namelist()}
        # compressed once: the parts that every paper copies unchanged
        self.compressed = {data: deflate(data) for data in self.base.values()}
        self.rendering = [
            tpl.docx.part,
            *(p for p, _, _ in self.parts.values()),
            *(p for p, _ in self.footnotes.values()),
        ]

    def compile(self, name: str, xml: str):
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        self.sources[name] = source
        try:
            return self.env.from_string(source)
        except TemplateError as exc:
            raise fault(self.path, name, source, exc) from None

    def rendered(self, name: str, template, context: dict, part) -> str:
        """docxtpl's render_xml_part, with the Jinja template compiled beforehand."""
        self.tpl.current_rendering_part = part
        self.env.markup_printed = False
        self.env.picture = picture_maker(self.tpl, self.printed_markup)
        try:
            xml = template.render(context)
        except TEMPLATE_ERRORS as exc:
            raise fault(self.path, name, self.sources[name], exc) from None
        finally:
            self.env.picture = None
        xml = PARAGRAPH_LINE.sub("", xml)  # the line breaks compile() put in
        if ("{" in xml or "}" in xml) and ("{_" in xml or "_}" in xml):  # a quick look first
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        self.listing = any(ch in xml for ch in "\t\a\n\f")
        if self.listing:  # resolve_listing changes nothing else
            xml = self.tpl.resolve_listing(xml)
        if self.env.markup_printed:  # the template's own references are the template's
            self.check_references(name, xml, part)
        return xml

    def printed_markup(self) -> None:
        self.env.markup_printed = True

    def check_references(self, name: str, xml: str, part) -> None:
        """Every relationship the rendered part points at exists (a picture or link made
        for another document would leave Word a dangling reference)."""
        for attribute, rid in REFERENCE.findall(xml):
            rel = part.rels.get(rid)
            if rel is None or not rel.reltype.endswith(KIND.get(attribute, "")):
                raise TemplateFault(
                    self.path,
                    f"en bild eller länk pekar på relationen {rid}, "
                    "som inte finns i dokumentet (den gjordes för ett annat "
                    "dokument)",
                    part=name,
                )
        for rid in HYPERLINK.findall(xml):
            if not part.rels[rid].reltype.endswith("/hyperlink"):
                raise TemplateFault(
                    self.path,
                    f"en länk pekar på relationen {rid}, som inte är "
                    "en länk (den gjordes för ett annat dokument)",
                    part=name,
                )

    def document(self, xml: str) -> bytes:
        """word/document.xml around a rendered body.

        The body is spliced in as rendered when it is well-formed and nothing is left for
        docxtpl's tree fixes (tables, drawings); otherwise it goes through them as in
        docxtpl. Both give the same XML; the splice only keeps the body's namespace
        declarations where python-docx would drop them as redundant."""
        data = xml.encode("utf-8")
        if self.env.markup_printed or self.listing or not self.well_formed:
            problem = xml_problem(data, namespaces=self.env.markup_printed)
            if problem is not None:
                raise self.broken(DOCUMENT, xml, len(data[:problem].decode("utf-8", "ignore")))
        if not self.tables and "docPr" not in xml:
            return self.before + data + self.after
        body = self.tpl.fix_tables(xml) if self.tables else etree.fromstring(data)
        if "docPr" in xml:
            self.tpl.fix_docpr_ids(body)
        root = copy.deepcopy(self.shell)
        root.insert(self.body_index, body)
        return etree.tostring(root, encoding="UTF-8", standalone=True)

    def broken(self, name: str, xml: str, position: int) -> TemplateFault:
        """The error for rendered XML that is not well-formed, with the text of the
        paragraph where it breaks."""
        start = xml.rfind("<w:p>", 0, position)
        start = max(start, xml.rfind("<w:p ", 0, position))
        end = xml.find("</w:p>", position)
        around = short(text_of(xml[max(start, 0) : end if end > 0 else position + 200]))
        return TemplateFault(
            self.path,
            "mallen ger ett dokument som inte är giltig XML (en "
            "tagg som {% if %} eller {% for %} som börjar och slutar i olika "
            "stycken eller tabellceller, eller ett värde som skriver XML)",
            None,
            around or None,
            name,
        )

    def render(self, context: dict, properties) -> bytes:
        """The .docx of one paper with `properties` (title, author, date); raises
        TemplateFault naming the template and the tag."""
        self.env.start()
        self.tpl.docx_ids_index = 1000
        rels = {part: list(part.rels) for part in self.rendering}
        package = self.tpl.docx.part.package
        images = list(package.image_parts)
        try:
            return self.paper(context, properties, rels)
        finally:  # the template as it was, for the next paper
            for part, keys in rels.items():
                for rid in [r for r in part.rels if r not in keys]:
                    del part.rels[rid]
            package.image_parts._image_parts[:] = images

    def paper(self, context: dict, properties, rels: dict) -> bytes:
        parts = dict(self.base)
        body = self.rendered(DOCUMENT, self.body, context, self.tpl.docx.part)
        parts[DOCUMENT] = self.document(body)
        for name, (part, template, encoding) in self.parts.items():
            xml = self.rendered(name, template, context, part)
            try:
                parts[name] = etree.tostring(
                    parse_xml(xml.encode(encoding)), encoding="UTF-8", standalone=True
                )
            except etree.XMLSyntaxError as exc:
                raise self.broken(name, xml, offset(xml, exc.position)) from None
        for name, (part, template) in self.footnotes.items():
            xml = self.rendered(name, template, context, part)
            data = xml.encode("utf-8")
            problem = xml_problem(data, namespaces=self.env.markup_printed)
            if problem is not None:
                raise self.broken(name, xml, len(data[:problem].decode("utf-8", "ignore")))
            parts[name] = xml.encode("utf-8")
        for name, template in self.properties.items():  # as docxtpl's render_properties
            try:
                setattr(self.core, name, template.render(context))
            except TEMPLATE_ERRORS as exc:
                raise fault(
                    self.path,
                    f"docProps/core.xml:{name}",
                    self.sources[f"docProps/core.xml:{name}"],
                    exc,
                ) from None
        set_properties(self.core, properties.title, properties.author, properties.date)
        parts["docProps/core.xml"] = etree.tostring(
            self.core._element, encoding="UTF-8", standalone=True
        )
        if any(list(part.rels) != keys for part, keys in rels.items()):
            parts.update(self.added_parts())
        guard.check(self, parts, context)
        if properties.registrar is not None:  # the registrar's properties (docprops.py)
            docprops.set_parts(parts, properties.registrar)
        return reproducible_zip(parts, properties.date, self.compressed)

    def added_parts(self) -> dict[str, bytes]:
        """The relationships, parts and content types after rendering added some, as
        python-docx would save them."""
        package = self.tpl.docx.part.package
        added = {}
        for part in package.iter_parts():
            name = part.partname.lstrip("/")
            if name not in self.base:
                added[name] = part.blob
            if len(part.rels):
                xml = part.rels.xml
                added[part.partname.rels_uri.lstrip("/")] = (
                    xml if isinstance(xml, bytes) else xml.encode("utf-8")
                )
        added["[Content_Types].xml"] = _ContentTypesItem.from_parts(package.iter_parts()).blob
        return added


def tables_can_change(tpl: DocxTemplate, raw: str, patched: str) -> bool:
    """Whether docxtpl's fix_tables can change a table of this template's papers: when
    the template loops over cells ({%tc %}), merges or spans them (hm, colspan), has a
    block tag in a row outside a cell or one not closed in its own cell, or has a table
    whose grid does not match its cells already (fix_tables corrects that too)."""
    if "<w:tbl" not in patched:
        return False
    if re.search(r"\{[{%#]\s*tc\s|\{%\s*(hm|colspan)\b", text_of(raw)):
        return True
    stack: list[list] = []  # [tr or tc, block tags open in it]
    for token in CELL_TOKEN.finditer(patched):
        opened, closed = token.group(1), token.group(2)
        if opened:
            stack.append([opened, 0])
        elif closed:
            if not stack or stack.pop()[1] != 0:
                return True
        elif stack and (block := BLOCK.match(token.group(0))):
            if stack[-1][0] == "tr":
                return True
            stack[-1][1] += -1 if block.group(1).startswith("end") else 1
            if stack[-1][1] < 0:
                return True
    try:
        static = etree.tostring(etree.fromstring(patched.encode("utf-8")))
    except etree.XMLSyntaxError:
        return True
    return etree.tostring(tpl.fix_tables(patched)) != static


def always_well_formed(source: str) -> bool:
    """Whether every rendering of a part's source is well-formed XML, so that the check
    after rendering can be left out (when no value printed XML of its own).

    True only when it can be shown: the source's elements balance, and every `{% if %}`,
    `{% elif %}`, `{% else %}` and `{% for %}` starts, divides and ends at the same depth
    of the same open elements, so that whatever branch or number of turns is taken the
    elements still balance; printed values are escaped. Any other block tag (a filter,
    a macro, a call, a captured set, raw) or a tag inside an element's start tag makes it
    unknown (False), and the rendered part is checked as before."""
    stack: list[tuple[str, int]] = []  # the open elements: name, and which one it is
    opened: list[tuple[tuple[str, int], ...]] = []  # the open elements at each open if/for
    for number, token in enumerate(XML_TOKEN.finditer(source)):
        element, keyword = token.group("element"), token.group("keyword")
        if element is not None:
            if not balanced_so_far(element, number, stack):
                return False
        elif keyword in ("if", "for"):
            opened.append(tuple(stack))
        elif keyword in ("elif", "else", "endif", "endfor"):
            if not opened or opened[-1] != tuple(stack):  # the same elements, not only names
                return False
            if keyword.startswith("end"):
                opened.pop()
        elif keyword is not None and not (keyword == "set" and "=" in token.group("rest")):
            return False
        if element is None and not whole_tag(token.group(0)):
            return False
    return not stack and not opened


def balanced_so_far(element: str, number: int, stack: list[tuple[str, int]]) -> bool:
    """Whether the open elements still balance after `element` (pushed or popped on
    `stack`); False for what cannot be followed (a tag in a start tag, <! or <?)."""
    name = ELEMENT_NAME.match(element)
    if "{" in element or element.startswith(("<!", "<?")) or name is None:
        return False
    if element.startswith("</"):
        return bool(stack) and stack.pop()[0] == name.group(1)
    if not element.endswith("/>"):
        stack.append((name.group(1), number))
    return True


def whole_tag(tag: str) -> bool:
    """Whether a Jinja tag as XML_TOKEN found it is the whole tag: a string in a tag that
    holds »%}« or »}}« (»{% set x = '%}' %}«) ends the match there, inside the string, while
    Jinja reads on; an odd number of one kind of quote shows it (an escaped quote: unknown)."""
    return "\\" not in tag and tag.count("'") % 2 == 0 and tag.count('"') % 2 == 0


def refusal(path: Path, what: str) -> TemplateFault:
    return TemplateFault(
        path, f"mallen »{path.name}« {what}; en mall ska vara ett Word-dokument (.docx) i mallmappen"
    )


def template_bytes(path: Path) -> bytes:
    """The template file's bytes, or a TemplateFault when it is a link out of its folder
    or no file at all."""
    if path.is_symlink() and path.resolve().parent != path.parent.resolve():
        raise refusal(path, f"är en länk till {path.resolve()}, utanför mallmappen")
    try:
        return path.read_bytes()
    except OSError:
        raise refusal(path, "finns inte") from None


def open_template(path: Path, data: bytes) -> DocxTemplate:
    """The template (`data`, read from `path`) as docxtpl opens it, or a TemplateFault when
    it is not a Word document (.docx): a text file, a macro-enabled document."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise refusal(path, "är inte ett Word-dokument (filen är ingen .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        raise refusal(path, "är inte ett Word-dokument (filen är ingen .docx)") from None
    if "macroEnabled" in types:
        raise refusal(path, "är ett dokument med makron (.docm)")
    if WORD_MAIN not in types:
        raise refusal(path, "är inte ett Word-dokument (det är en annan sorts Office-fil)")
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except Exception as exc:  # python-docx cannot read it
        raise refusal(path, f"kan inte läsas ({type(exc).__name__})") from None
    return tpl


def xml_problem(data: bytes, namespaces: bool = True) -> int | None:
    """None when `data` is well-formed XML, else the byte offset where it breaks (a check
    without building a tree). Namespace prefixes are checked too when `namespaces`: only a
    printed value with XML of its own (RichText, a picture) can use one it does not declare,
    as Jinja's tags stand in text and never split an element's start tag from its
    declarations (and the check takes twice as long)."""
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        return parser.CurrentByteIndex
    return None


def offset(xml: str, position: tuple[int, int] | None) -> int:
    if not position:
        return 0
    line, column = position
    lines = xml.split("\n")
    return sum(len(s) + 1 for s in lines[: line - 1]) + column


def set_properties(props, title: str, author: str, date: dt.date) -> None:
    """Title, author and language sv-SE; the step's date as created and modified."""
    when = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    props.title = title
    props.author = author
    props.last_modified_by = PRODUCER
    props.language = LANGUAGE
    props.created = when
    props.modified = when
    props.revision = 1


def set_language(document) -> None:
    """Swedish as the language of the document's default run properties."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
