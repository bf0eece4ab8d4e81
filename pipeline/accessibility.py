"""Accessibility rules for a generated paper (DOS-lagen, EN 301 549 / WCAG 2.1 AA).

Checked on the .docx itself, so a rule broken by a template is found before anyone
publishes the PDF: a title, the language sv-SE, headings in order with no level
skipped, a marked header row in every table, no empty paragraphs used for spacing,
and alt text on every image. Each finding names the rule.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from .docprops import LANGUAGE

HEADING = re.compile(r"^(?:Heading|Rubrik)\s*(\d)$", re.IGNORECASE)


def check_paper(data: bytes) -> list[str]:
    """The rules a .docx breaks, in Swedish; empty when it passes."""
    document = Document(io.BytesIO(data))
    return [
        *title_rule(document),
        *language_rule(document),
        *heading_rule(document),
        *table_rule(document),
        *spacing_rule(document),
        *image_rule(document),
    ]


def title_rule(document) -> list[str]:
    if not (document.core_properties.title or "").strip():
        return ["dokumentet saknar titel i dokumentegenskaperna"]
    return []


def language_rule(document) -> list[str]:
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    default = lang.get(qn("w:val")) if lang is not None else None
    if default != LANGUAGE or document.core_properties.language != LANGUAGE:
        return [
            f"dokumentets språk är inte {LANGUAGE} (standardspråk {default!r}, "
            f"egenskap {document.core_properties.language!r})"
        ]
    return []


def style_names(document) -> dict[str | None, str]:
    """Paragraph style id → style name, None → the default style's name (one pass over
    the styles; python-docx searches them again for every paragraph)."""
    names = {style.style_id: style.name or "" for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    names[None] = (default.name or "") if default is not None else ""
    return names


def heading_level(name: str) -> int | None:
    if name == "Title":
        return 1
    match = HEADING.match(name)
    return int(match.group(1)) if match else None


def heading_rule(document) -> list[str]:
    problems, previous = [], 0
    names = style_names(document)
    for paragraph in document.paragraphs:
        level = heading_level(names.get(paragraph._p.style, ""))
        if level is None:
            continue
        if level > previous + 1:
            problems.append(
                f"rubriknivå hoppas över: »{paragraph.text.strip()}« har nivå "
                f"{level} efter nivå {previous}"
            )
        previous = level
    if previous == 0:
        problems.append("dokumentet har inga rubriker med rubrikformat")
    return problems


def table_rule(document) -> list[str]:
    problems = []
    for number, table in enumerate(document.tables, start=1):
        first = table.rows[0]._tr if table.rows else None
        marked = first is not None and first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        if not marked:
            problems.append(f"tabell {number} saknar markerad rubrikrad")
    return problems


def spacing_rule(document) -> list[str]:
    body = document.element.body
    children = list(body)
    problems = []
    for index, child in enumerate(children):
        if child.tag != qn("w:p") or "".join(child.itertext()).strip():
            continue
        if (
            child.find(f".//{qn('w:drawing')}") is not None
            or child.find(f".//{qn('w:br')}") is not None
            or child.find(f".//{qn('w:sectPr')}") is not None
        ):
            continue
        after_table = index > 0 and children[index - 1].tag == qn("w:tbl")
        last = all(c.tag == qn("w:sectPr") for c in children[index + 1 :])
        if after_table and last:
            continue  # Word needs a paragraph after a table at the end of the document
        problems.append(f"tomt stycke används som mellanrum (stycke {index + 1} i brödtexten)")
    return problems


def image_rule(document) -> list[str]:
    problems = []
    for doc_pr in document.element.body.iter(qn("wp:docPr")):
        if not (doc_pr.get("descr") or doc_pr.get("title") or "").strip():
            problems.append(f"bilden »{doc_pr.get('name', '?')}« saknar alternativtext")
    return problems
