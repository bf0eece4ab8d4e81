"""Make an Office file's bytes depend only on its content: fixed zip timestamps and order."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
import zlib

CORE = "docProps/core.xml"
ZIP_DEFLATED_VERSION = 20  # "version needed to extract" a deflated entry (APPNOTE 4.4.3)
UNIX = 3  # the system that made the entries: its mode bits are in the external attributes
ZIP64_LIMIT = 0x7FFFFFFF  # past this zipfile writes ZIP64 records, which this writer does not


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
    """A zip of `members` in the order given, every entry deflated and dated `date`.

    The zip is written from the format's specification (PKWARE's APPNOTE), because zipfile
    has no public call to add data that is already compressed, and a part compressed once
    (`cache`) is reused byte for byte. The bytes are those zipfile's `writestr` writes for
    a ZipInfo with this date, mode 0644 from a Unix system and ZIP_DEFLATED
    (tests/test_reproducible.py compares them), on every operating system."""
    dos_date = (max(date.year, 1980) - 1980) << 9 | date.month << 5 | date.day
    entries, directory, offset = [], [], 0
    for name, content in members:
        crc, packed = cache[content] if cache and content in cache else deflate(content)
        encoded, flags = entry_name(name)
        if len(content) * 1.05 > ZIP64_LIMIT or offset > ZIP64_LIMIT or len(members) >= 0xFFFF:
            raise ValueError(f"{name}: too large for a zip without ZIP64")
        fields = (ZIP_DEFLATED_VERSION, 0, flags, zipfile.ZIP_DEFLATED, 0, dos_date, crc)
        sizes = (len(packed), len(content), len(encoded))
        entries += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", *fields, *sizes, 0), encoded, packed]
        directory += [
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                ZIP_DEFLATED_VERSION,
                UNIX,
                *fields,
                *sizes,
                0,  # extra field
                0,  # comment
                0,  # disk
                0,  # internal attributes
                0o644 << 16,  # external attributes: a regular file, rw-r--r--
                offset,
            ),
            encoded,
        ]
        offset += 30 + len(encoded) + len(packed)
    central = b"".join(directory)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), offset, 0
    )
    return b"".join(entries) + central + end


def entry_name(name: str) -> tuple[bytes, int]:
    """The entry's name as stored, and the flag that marks a UTF-8 name (as zipfile does)."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800


def fixed_core_dates(xml: bytes, iso: str) -> bytes:
    pattern = rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
    return re.sub(pattern, lambda m: m.group(1) + iso.encode() + m.group(2), xml)


def entry_order(name: str) -> tuple[int, str]:
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name
