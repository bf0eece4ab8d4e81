"""Make an Office file's bytes depend only on its content: fixed zip timestamps and order."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

CORE = "docProps/core.xml"


def normalized_zip(data: bytes, date: dt.date) -> bytes:
    """The same zip with every entry dated `date`, in a fixed order, and the core
    properties' created/modified set to `date` (some writers stamp the current time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return reproducible_zip({name: source.read(name) for name in source.namelist()}, date)


def reproducible_zip(parts: dict[str, bytes], date: dt.date) -> bytes:
    """An Office file from its parts: fixed order, dates and core-property dates."""
    iso = f"{date.isoformat()}T00:00:00Z"
    members = [(name, fixed_core_dates(parts[name], iso) if name == CORE else parts[name])
               for name in sorted(parts, key=entry_order)]
    return zip_bytes(members, date)


def zip_bytes(members: list[tuple[str, bytes]], date: dt.date) -> bytes:
    """A zip of `members` in the order given, every entry dated `date`."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


def fixed_core_dates(xml: bytes, iso: str) -> bytes:
    pattern = rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
    return re.sub(pattern, lambda m: m.group(1) + iso.encode() + m.group(2), xml)


def entry_order(name: str) -> tuple[int, str]:
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name
