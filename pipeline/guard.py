"""The last check before a paper leaves the renderer: its text (body, headers, footers,
footnotes) must not contain what only a missing value or a broken tag can print:
the words None, nan, NaN, NaT, or the characters {{ and {%.

The error names the paragraph and, where it can be found, the template's tag whose value
was empty: every printed tag is evaluated against the paper's context (a tag inside a
`{% for %}` once for each item of the loop) and the first whose value is None, NaN or NaT,
or prints one of the words, is named.
"""

from __future__ import annotations

import html
import math
import re

from .template_errors import TAG, TemplateFault, short, text_of

WORDS = re.compile(r"(?<!\w)(None|nan|NaN|NaT)(?!\w)|\{\{|\{%")
NAMES = re.compile(rb"N(?:one|aN|aT)")  # "nan" is in "finansiering": see suspicious()
WORD_BYTE = re.compile(rb"\w")
PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
RUN_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
LOOP = re.compile(r"\{%-?\s*for\s+(\w+)\s+in\s+(.+?)\s*(?:recursive\s*)?-?%\}", re.DOTALL)


def check(prepared, parts: dict[str, bytes], context: dict) -> None:
    """Raise TemplateFault when the text of a rendered paper shows a missing value."""
    for name in ["word/document.xml", *prepared.parts, *prepared.footnotes]:
        data = parts[name]
        if not suspicious(data):
            continue
        for paragraph in PARAGRAPH.findall(data.decode("utf-8")):
            text = html.unescape("".join(RUN_TEXT.findall(paragraph)))
            found = WORDS.search(text)
            if found:
                raise refusal(prepared, context, found.group(0), text, name)


def suspicious(data: bytes) -> bool:
    """Whether a part may show one of the words (a quick look at the bytes)."""
    if (b"{" in data and (b"{{" in data or b"{%" in data)) or NAMES.search(data):
        return True
    start = data.find(b"nan")
    while start != -1:
        if not (WORD_BYTE.match(data, start - 1) if start else False) and not WORD_BYTE.match(
            data, start + 3
        ):
            return True
        start = data.find(b"nan", start + 1)
    return False


def refusal(prepared, context: dict, word: str, text: str, part: str) -> TemplateFault:
    tag = empty_tag(prepared, context)
    if word in ("{{", "{%"):
        what = (
            f"handlingen innehåller »{word}«: en tagg som Jinja inte såg som tagg (skriv "
            "om den i ett svep i Word) eller ett värde med klammerparenteser"
        )
    elif tag:
        what = f"handlingen skulle innehålla »{word}«, för värdet i taggen {tag} saknas"
    else:
        what = f"handlingen skulle innehålla »{word}«, som bara ett saknat värde ger"
    what += "; fyll i värdet i arbetsboken eller låt mallen utelämna stycket när det är tomt"
    return TemplateFault(prepared.path, what, None, short(text), part)


def empty_tag(prepared, context: dict) -> str | None:
    """The first printed tag whose value is missing (None, NaN, NaT) for this context."""
    loops: dict[str, str] = {}
    printed: list[str] = []
    for source in prepared.sources.values():
        for tag in TAG.findall(text_of(source)):
            loop = LOOP.match(tag)
            if loop:
                loops.setdefault(loop.group(1), loop.group(2))
            elif tag.startswith("{{"):
                printed.append(tag)
    for tag in printed:
        expression = tag[2:-2].strip().lstrip("-+").rstrip("-+").strip()
        root = re.match(r"\w+", expression)
        scopes = [context]
        if root and root.group(0) in loops and root.group(0) not in context:
            items = value_of(prepared, loops[root.group(0)], context)
            scopes = [{**context, root.group(0): item} for item in (items or ())]
        for scope in scopes:
            for part in (expression.split("|")[0], expression):
                if missing(value_of(prepared, part, scope, default=0)):
                    return tag
    return None


def value_of(prepared, expression: str, scope: dict, default=None):
    prepared.env.start()
    try:
        return prepared.env.compile_expression(expression, undefined_to_none=False)(**scope)
    except Exception:  # a tag that needs what only the template's run has (a macro, a set)
        return default


def missing(value) -> bool:
    if value is None or type(value).__name__ in ("NaTType", "NAType"):
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and WORDS.search(value) is not None
