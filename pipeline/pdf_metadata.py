"""The registrar's values (docprops.DocValues) in a PDF's XMP metadata, after LibreOffice made it.

pikepdf edits the XMP packet in place and keeps what LibreOffice declared there (pdfaid,
pdfuaid), so the PDF/A and PDF/UA claims stay; `update_docinfo` mirrors title, author,
subject and keywords into the document information dictionary, as PDF/A requires.
The custom values have no predefined XMP property: they are written as "Name: value"
keywords (dc:subject and pdf:Keywords), which a PDF/A validator accepts without an
extension schema.
"""

from __future__ import annotations

import io

import pikepdf

from .docprops import DocValues


def keywords(values: DocValues) -> list[str]:
    return [*values.keywords, *(f"{name}: {value}" for name, value in values.custom.items())]


def pdf_with_metadata(pdf: bytes, values: DocValues) -> bytes:
    """The same PDF with title, description, creator, keywords, language and identifier set."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["dc:title"] = values.title
            meta["dc:description"] = values.subject
            meta["dc:creator"] = [values.author] if values.author else []
            meta["dc:subject"] = set(keywords(values))
            meta["pdf:Keywords"] = "; ".join(keywords(values))
            meta["dc:language"] = {values.language}
            meta["xmp:CreateDate"] = f"{values.date.isoformat()}T00:00:00Z"
            meta["xmp:ModifyDate"] = f"{values.date.isoformat()}T00:00:00Z"
            if values.custom.get("Diarienummer"):
                meta["dc:identifier"] = str(values.custom["Diarienummer"])
        document.Root.Lang = pikepdf.String(values.language)
        out = io.BytesIO()
        document.save(out, deterministic_id=True)
        return out.getvalue()
