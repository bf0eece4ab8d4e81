"""Make an Office file's bytes depend only on its content: fixed zip timestamps and order."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib

CORE = "docProps/core.xml"


def normalized_zip(data: bytes, date: dt.date) -> bytes:
    """The same zip with every entry dated `date`, in a fixed order, and the core
    properties' created/modified set to `date` (some writers stamp the current time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return reproducible_zip({name: source.read(name) for name in source.namelist()}, date)


def reproducible_zip(
    parts: dict[str, bytes], date: dt.date, cache: dict[bytes, tuple[int, bytes]] | None = None
) -> bytes:
    """An Office file from its parts: fixed order, dates and core-property dates.

    `cache` keeps the compressed form of parts that recur (a template's unchanged parts),
    so that they are compressed once, not once per paper."""
    iso = f"{date.isoformat()}T00:00:00Z"
    members = [
        (name, fixed_core_dates(parts[name], iso) if name == CORE else parts[name])
        for name in sorted(parts, key=entry_order)
    ]
    return zip_bytes(members, date, cache)


def deflate(content: bytes) -> tuple[int, bytes]:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(content), packer.compress(content) + packer.flush()


def zip_bytes(
    members: list[tuple[str, bytes]], date: dt.date, cache: dict[bytes, tuple[int, bytes]] | None = None
) -> bytes:
    """A zip of `members` in the order given, every entry dated `date`.

    Entries are compressed here and written as they are (through zipfile's own header
    and directory code), so that a part compressed once can be reused byte for byte."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members:
            crc, packed = cache[content] if cache and content in cache else deflate(content)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.CRC, info.file_size, info.compress_size = crc, len(content), len(packed)
            # zipfile has no public call to add data that is already compressed
            info.header_offset = archive.fp.tell()
            archive.fp.write(info.FileHeader(False))
            archive.fp.write(packed)
            archive.filelist.append(info)
            archive.NameToInfo[name] = info
            archive.start_dir = archive.fp.tell()
            archive._didModify = True
    return out.getvalue()


def fixed_core_dates(xml: bytes, iso: str) -> bytes:
    pattern = rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
    return re.sub(pattern, lambda m: m.group(1) + iso.encode() + m.group(2), xml)


def entry_order(name: str) -> tuple[int, str]:
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name
