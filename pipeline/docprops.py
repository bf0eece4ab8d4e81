"""Document properties a registrar can use, written into a finished .docx (bytes → bytes).

python-docx writes the core properties but not custom ones; docxcompose's CustomProperties
does, but only on a python-docx Document and with babel as a dependency. This writes the
two small parts itself: docProps/core.xml from the values, and docProps/custom.xml with its
[Content_Types].xml override and its package relationship in _rels/.rels. It works on the
bytes of any finished paper, whichever render path made it, and keeps them reproducible
(no timestamp but the step's date).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from .reproducible import reproducible_zip

CORE = "docProps/core.xml"
CUSTOM = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one every custom property has
LANGUAGE = "sv-SE"  # the papers' language, the one place it is written
PRODUCER = "beslutspapper"


@dataclass(frozen=True)
class DocValues:
    """What a registrar registers a paper by (also the PDF's XMP metadata)."""

    title: str
    subject: str
    author: str
    keywords: list[str]
    date: dt.date
    custom: dict[str, str | int] = field(default_factory=dict)  # name → text or whole number
    language: str = LANGUAGE


def with_properties(docx: bytes, values: DocValues) -> bytes:
    """The same .docx with these core and custom properties (replacing any it had)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    set_parts(parts, values)
    return reproducible_zip(parts, values.date)


def set_parts(parts: dict[str, bytes], values: DocValues) -> None:
    """The parts of a .docx (zip name → bytes) given these core and custom properties: the
    renderer calls this before it zips a paper, `with_properties` on a finished one."""
    parts["docProps/core.xml"] = core_xml(values)
    parts[CUSTOM] = custom_xml(values.custom)
    types = parts["[Content_Types].xml"].decode("utf-8")
    if f'PartName="/{CUSTOM}"' not in types:
        override = f'<Override PartName="/{CUSTOM}" ContentType="{CUSTOM_TYPE}"/>'
        parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels = parts["_rels/.rels"].decode("utf-8")
    if CUSTOM_REL + '"' not in rels:
        ids = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
        rel = f'<Relationship Id="rId{max(ids, default=0) + 1}" Type="{CUSTOM_REL}" Target="{CUSTOM}"/>'
        parts["_rels/.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode()


def paper_values(lookup, steg: dict, part: str, version: int) -> DocValues:
    """The values of one party's paper for one step (`lookup`: context.Lookup)."""
    row = lookup.parter[part]
    case = lookup.cases.get((part, steg["nummer"])) or {}
    custom: dict[str, str | int] = {}
    if case.get("diarienummer"):
        custom["Diarienummer"] = str(case["diarienummer"])
    custom.update(
        {
            "Part": part,
            "Beslutssteg": steg["nummer"],
            "Sista svarsdag": iso(steg["sista_svarsdag"]),
            "Utfärdad": version,
        }
    )
    shared = lookup.shared
    return DocValues(
        title=f"{steg['rubrik']} – {part}",  # as render.py titles it (the window title)
        subject=f"Förslag till beslut för {part}, steg {steg['nummer']}",
        author=row.get("handlaggare") or part,
        keywords=[shared["nytt_forbund"], "samordningsförbund", "finsam", part],
        date=steg["datum"],
        custom=custom,
    )


def iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def core_xml(v: DocValues) -> bytes:
    when = f"{v.date.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://'
        'www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(v.title)}</dc:title><dc:subject>{escape(v.subject)}</dc:subject>"
        f"<dc:creator>{escape(v.author)}</dc:creator>"
        f"<cp:keywords>{escape('; '.join(v.keywords))}</cp:keywords>"
        f"<dc:language>{escape(v.language)}</dc:language>"
        f"<cp:lastModifiedBy>{PRODUCER}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def custom_xml(custom: dict[str, str | int]) -> bytes:
    """docProps/custom.xml: whole numbers as vt:i4, everything else as text (vt:lpwstr)."""
    props = []
    for pid, (name, value) in enumerate(custom.items(), start=2):  # pid 2 is the first allowed
        kind = "i4" if isinstance(value, int) and not isinstance(value, bool) else "lpwstr"
        props.append(
            f'<property fmtid="{FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
            f"<vt:{kind}>{escape(str(value))}</vt:{kind}></property>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes">{"".join(props)}</Properties>'
    ).encode()


# the prefixes core.xml's elements are read by, whatever prefixes the file itself uses
CORE_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
}


def core_texts(package: zipfile.ZipFile) -> dict[str, str]:
    """The text of each core property by its prefixed name (»dc:title«); empty when the
    .docx has no core properties."""
    if CORE not in package.namelist():
        return {}
    texts = {}
    for element in etree.fromstring(package.read(CORE)):
        if not isinstance(element.tag, str):  # a comment or processing instruction
            continue
        namespace, _, name = element.tag[1:].partition("}")
        texts[f"{CORE_PREFIXES.get(namespace, namespace)}:{name}"] = element.text or ""
    return texts


def custom_texts(package: zipfile.ZipFile) -> dict[str, str]:
    """The custom properties as text (empty when there are none)."""
    if CUSTOM not in package.namelist():
        return {}
    return {p.get("name"): "".join(p.itertext()) for p in etree.fromstring(package.read(CUSTOM))}


def read_custom(docx: bytes) -> dict[str, str]:
    """The custom properties of a .docx as text (empty when it has none)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return custom_texts(package)


def read_title(docx: Path) -> str:
    """The title in a .docx's core properties ("" when it has none), read from the zip
    (python-docx would open the whole document for it)."""
    with zipfile.ZipFile(docx) as package:
        return core_texts(package).get("dc:title", "")


def read_values(docx: bytes) -> DocValues:
    """The values a .docx carries (read back from its core and custom properties)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        core, custom = core_texts(package), custom_texts(package)
    created = core.get("dcterms:created", "")[:10]
    return DocValues(
        title=core.get("dc:title", ""),
        subject=core.get("dc:subject", ""),
        author=core.get("dc:creator", ""),
        keywords=[k for k in core.get("cp:keywords", "").split("; ") if k],
        date=dt.date.fromisoformat(created) if created else dt.date(1980, 1, 1),
        custom=dict[str, str | int](custom),
        language=core.get("dc:language") or LANGUAGE,
    )
