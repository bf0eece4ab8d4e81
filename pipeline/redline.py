"""A paper with Word tracked changes (w:ins / w:del) against the version that was issued.

The comparison is python-redlines' Docxodus engine (Open-XML-PowerTools' WmlComparer,
continued): a self-contained binary shipped in the python-redlines-docxodus wheel and
unpacked once into the user's cache folder, so nothing is downloaded when it runs.
LibreOffice's own comparison (.uno:CompareDocuments through UNO) was measured on the
same pair and marked every empty paragraph and table header as changed (149 insertions
and deletions for one changed amount, against Docxodus's 5), and needs LibreOffice's
Python; see the README section "Till kansliet och arkivet".
"""

from __future__ import annotations

import datetime as dt

from .problems import Problem, UserError
from .reproducible import normalized_zip

AUTHOR = "beslutspapper"
INSTALL_HINT = (
    "jämförelsen med den utfärdade versionen kräver paketet python-redlines "
    "med motorn docxodus; installera om verktyget (pip install -e .) och kör igen."
)


def tracked_changes(issued: bytes, new: bytes, date: dt.date) -> bytes:
    """`new` with every difference from `issued` as a tracked insertion or deletion,
    dated `date` (the zip is made reproducible the same way as the papers)."""
    try:
        from python_redlines import DocxodusEngine, EngineNotInstalledError
    except ImportError:
        raise UserError([Problem.note("python-redlines", INSTALL_HINT)]) from None
    try:
        engine = DocxodusEngine()
    except EngineNotInstalledError:
        raise UserError([Problem.note("python-redlines", INSTALL_HINT)]) from None
    data, _log, _error = engine.run_redline(
        AUTHOR, issued, new, date_time=f"{date.isoformat()}T00:00:00Z"
    )
    return normalized_zip(data, date)
