"""Render one paper: a Word template and a context in, the bytes of a .docx out.

Jinja runs sandboxed, autoescaped (a name with & or < comes out as written) and
with undefined names as errors. The result is made a proper, reproducible Word
document: title, author and language sv-SE in its properties, the step's date as
created/modified, and a zip whose entries have fixed timestamps and order, so the
same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from pathlib import Path

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateRuntimeError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from .formatting import FILTERS
from .reproducible import normalized_zip

LANGUAGE = "sv-SE"
PRODUCER = "beslutspapper"


def jinja_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True,
                               keep_trailing_newline=True)
    env.filters.update({name: checked(name, f) for name, f in FILTERS.items()})
    return env


def checked(name: str, function):
    """A filter that reports an undefined variable as such, and a wrong kind of value as a
    template error naming the filter (not as a crash)."""

    @functools.wraps(function)
    def wrapper(value, *args):
        if isinstance(value, Undefined):
            value._fail_with_undefined_error()
        try:
            return function(value, *args)
        except (TypeError, ValueError, AttributeError) as exc:
            raise TemplateRuntimeError(
                f"filtret {name} kan inte användas på värdet {value!r}: {exc}") from None

    return wrapper


def render_paper(template: Path, context: dict, title: str, author: str,
                 date: dt.date) -> bytes:
    """The finished .docx for one party and step. Raises jinja2.TemplateError."""
    doc = DocxTemplate(template)
    doc.render(context, jinja_env(), autoescape=True)
    document = doc.docx
    set_properties(document.core_properties, title, author, date)
    set_language(document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalized_zip(buffer.getvalue(), date)


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


TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def template_tags(template: Path) -> list[str]:
    """The Jinja tags of a template as docxtpl sees them (for messages about errors)."""
    doc = DocxTemplate(template)
    doc.init_docx()
    xml = doc.patch_xml(doc.get_xml())
    for uri in (doc.HEADER_URI, doc.FOOTER_URI):
        for _, part in doc.get_headers_footers(uri):
            xml += doc.patch_xml(doc.get_part_xml(part))
    text = re.sub(r"<[^>]+>", "", xml)
    return TAG.findall(text)


def error_text(exc: TemplateError) -> str:
    """A short Swedish explanation of a Jinja error."""
    message = str(getattr(exc, "message", None) or exc)
    found = re.search(r"'([^']+)' is undefined", message)
    if found:
        return f"variabeln »{found.group(1)}« finns inte"
    found = re.search(r"has no attribute '([^']+)'", message)
    if found:
        return f"fältet »{found.group(1)}« finns inte"
    return f"Jinja-fel: {message}"
