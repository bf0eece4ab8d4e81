"""writing.md's language rules as checks over one line of running text, each with a sentence
that breaks it (the rule's own test): shared by the shipped papers' tests and the second
county's."""

from __future__ import annotations

import re

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
LABELS = ("bilaga", "bilagorna", "steg", "§")  # "bilaga 2", "steg 3": labels, not counts


def small_number_before_noun(line: str) -> list[str]:
    """Digits one to twelve before a word, not a unit, month or label: "3 samordningsförbund"."""
    pattern = (
        rf"(?<![\d§,.:/–\-])\b([1-9]|1[0-2]) (?!kr\b|kronor|%|procent|§|"
        rf"(?:{MONTHS})\b)([a-zåäö]+)"
    )
    return [
        m.group(0)
        for m in re.finditer(pattern, line)
        if not line[: m.start()].rstrip().lower().endswith(LABELS)
    ]


def signed_change(line: str) -> list[str]:
    return re.findall(r"(?<!\w)[+\u2212]\s?\d[\d\u00a0 ]*", line)


def iso_date_in_text(line: str) -> list[str]:
    if line.startswith("Datum: ") or re.fullmatch(r"\d{4}-\d{2}-\d{2}", line):  # letterheads
        return []
    return re.findall(r"\d{4}-\d{2}-\d{2}", line)


def unquoted_title(line: str) -> list[str]:
    """ "i ärendet Beslut om …" without Swedish quotation marks."""
    return re.findall(r"ärendet (?!\u201d)[A-ZÅÄÖ]\w+", line)


def doubled_word(line: str) -> list[str]:
    """A word written twice ("ärendet ärendet"); digits ("021-00 00 00") are no words."""
    return [m.group(0) for m in re.finditer(r"\b([^\W\d_]+)\s+\1\b", line, re.IGNORECASE)]


def percent_sign(line: str) -> list[str]:
    return re.findall(r"\d\s?%", line)


def empty_values(line: str) -> list[str]:
    return re.findall(r"\b(?:None|nan|NaN|NaT)\b|\{\{|\{%", line)


def wrong_agreement(line: str) -> list[str]:
    return re.findall(r"sitt egna kapital|regionernas", line)


RULES = {
    small_number_before_noun: "finns i dag 3 samordningsförbund",
    signed_change: "en förändring med +80 425 kronor",
    iso_date_in_text: "Kapitalöverföring den 2024-01-01",
    unquoted_title: "att bifalla förslaget i ärendet Beslut om att delta i länsprocess",
    doubled_word: "att återremittera ärendet ärendet",
    percent_sign: "(21,4 %)",
    empty_values: "Handläggare: None",
    wrong_agreement: "behåller sitt egna kapital",
}
