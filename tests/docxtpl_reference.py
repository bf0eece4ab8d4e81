"""Plain docxtpl, as its documentation uses it: the reference the project's render path is
compared with; and a comparison of Office XML that ignores namespace prefixes."""

from __future__ import annotations

import io
import zipfile

from docxtpl import DocxTemplate
from lxml import etree

from pipeline.compiled import set_language, set_properties
from pipeline.render import jinja_env
from pipeline.reproducible import normalized_zip

IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"


def plain_docxtpl(template, context: dict, properties, make_context=None) -> bytes:
    """The paper as docxtpl renders it: a new DocxTemplate, render, save.
    `make_context(tpl)` builds the context for that template (for InlineImage)."""
    doc = DocxTemplate(template)
    if make_context:
        context = make_context(doc)
    doc.render(context, jinja_env(), autoescape=True)
    set_properties(doc.docx.core_properties, properties.title, properties.author, properties.date)
    set_language(doc.docx)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalized_zip(buffer.getvalue(), properties.date)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def canonical(xml: bytes):
    """The XML's meaning: names by namespace URI (prefixes ignored), attributes sorted,
    mc:Ignorable's prefixes as URIs."""
    root = etree.fromstring(xml)

    def walk(element):
        attributes = dict(element.attrib)
        if IGNORABLE in attributes:
            attributes[IGNORABLE] = " ".join(
                sorted(element.nsmap.get(p, p) for p in attributes[IGNORABLE].split())
            )
        return (
            element.tag,
            sorted(attributes.items()),
            element.text or "",
            element.tail or "",
            [walk(child) for child in element],
        )

    return walk(root)


def same_document(a: bytes, b: bytes) -> list[str]:
    """The parts in which two .docx differ: XML parts by meaning, others byte for byte."""
    first, second = parts(a), parts(b)
    differ = [] if list(first) == list(second) else [f"parts {list(first)} != {list(second)}"]
    for name in first.keys() & second.keys():
        if first[name] == second[name]:  # the same bytes: the same meaning
            continue
        if name.endswith((".xml", ".rels")):
            if canonical(first[name]) != canonical(second[name]):
                differ.append(name)
        elif first[name] != second[name]:
            differ.append(name)
    return sorted(differ)
