"""Template errors as the officer reads them: which template, which tag, and the text of
the paragraph around it.

A template part is compiled with one line per Word paragraph (as docxtpl does), so the line
Jinja reports is the paragraph: its text, with Word's run boundaries removed, shows the tag
as the officer typed it, even when Word split it into several runs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from .problems import Problem

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
OPENERS = {"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "raw", "trans"}
PART_NAMES = {"word/document.xml": "brödtexten"}


class TemplateFault(TemplateError):
    """A template that cannot give a paper: a Swedish explanation, the template, and where
    in it (the tag and the paragraph's text) when that is known."""

    def __init__(
        self,
        template: Path,
        text: str,
        tag: str | None = None,
        paragraph: str | None = None,
        part: str | None = None,
    ):
        super().__init__(text)
        self.template, self.text, self.tag = Path(template), text, tag
        self.paragraph, self.part = paragraph, part

    def where(self) -> str:
        parts = []
        if self.tag:
            parts.append(f"i taggen {self.tag}")
        if self.paragraph:
            place = "" if self.part in (None, "word/document.xml") else f" ({part_name(self.part)})"
            parts.append(f"i stycket »{self.paragraph}«{place}")
        return ", ".join(parts)

    def sentence(self) -> str:
        where = self.where()
        return f"{self.text}{', ' + where if where else ''}."

    def __str__(self) -> str:
        return f"mallen {self.template.name}: {self.sentence()}"


def as_fault(template: Path, exc: TemplateError) -> TemplateFault:
    """Any template error as a TemplateFault naming `template` (the engine raises
    TemplateFaults; a bare TemplateError gets the same Swedish explanation)."""
    return exc if isinstance(exc, TemplateFault) else TemplateFault(template, error_text(exc))


def template_problem(
    template: Path, exc: TemplateError, name: str | None = None, paper: str | None = None
) -> Problem:
    """The problem for a template that fails: the template (`name`, as the workbook names
    it, else its file name), what went wrong and where in it, and the paper it failed for
    (None when the template itself cannot be used)."""
    message = as_fault(template, exc).sentence()
    if paper:
        message = f"{message[:-1]} (i handlingen {paper})."
    return Problem.note(f"mallen {name or template.name}", message)


def part_name(name: str) -> str:
    if "header" in name:
        return "sidhuvudet"
    if "footer" in name:
        return "sidfoten"
    if "footnote" in name:
        return "fotnoterna"
    return PART_NAMES.get(name, name)


def text_of(xml: str) -> str:
    """The visible text of a piece of WordprocessingML (tags removed, entities resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_text(exc: BaseException) -> str:
    """A short Swedish explanation of an error raised while a template ran."""
    if isinstance(exc, TemplateFault):
        return exc.text
    if hasattr(exc, "token"):  # a LimitError: its message is already Swedish
        return str(exc)
    message = str(getattr(exc, "message", None) or exc)
    found = re.search(r"'([^']+)' is undefined", message)
    if found:
        return f"variabeln »{found.group(1)}« finns inte"
    found = re.search(r"has no attribute '([^']+)'", message)
    if found:
        return f"fältet »{found.group(1)}« finns inte"
    found = re.search(r"No filter named '([^']+)'", message)
    if found:
        name = found.group(1)
        if name in ("safe", "urlize"):
            return f"filtret »{name}« är inte tillåtet i mallar (det skulle skriva rå XML i dokumentet)"
        return f"filtret »{name}« finns inte"
    if "no loader" in message.lower() or re.search(r"\b(include|import|extends)\b", message):
        return (
            "mallar kan inte hämta andra mallar ({% include %}, {% import %} och "
            "{% extends %} stöds inte)"
        )
    if "unsafe" in message or "modif" in message or "not safely callable" in message:
        return f"mallen får inte ändra eller anropa det här: {message}"
    if isinstance(exc, TemplateSyntaxError):
        return f"taggen kan inte tolkas ({message})"
    if isinstance(exc, ZeroDivisionError):
        return "division med noll"
    if isinstance(exc, RecursionError):
        return "mallen anropar sig själv utan slut"
    if isinstance(exc, TemplateError):
        return f"Jinja-fel: {message}"
    return f"fel i mallen: {type(exc).__name__}: {message}"


def error_line(exc: BaseException) -> int | None:
    """The template line (paragraph) an error came from."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def fault(template: Path, part: str, source: str, exc: BaseException) -> TemplateFault:
    """The TemplateFault for an error raised by the compiled form of `source` (one line per
    paragraph)."""
    lines = source.split("\n")
    text = error_text(exc)
    message = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, TemplateSyntaxError) and "end of template" in message.lower():
        opened = unclosed(lines)
        if opened:
            tag, number = opened
            return TemplateFault(
                template,
                f"taggen {tag} avslutas aldrig ({closing(tag)} saknas)",
                None,
                paragraph_text(lines, number),
                part,
            )
    line = error_line(exc)
    stray = re.search(r"unknown tag '(end\w+)'", message)
    if isinstance(exc, TemplateSyntaxError) and stray and line and line <= len(lines):
        end_tag = next(
            (t for t in TAG.findall(text_of(lines[line - 1])) if keyword(t) == stray.group(1)),
            "{% " + stray.group(1) + " %}",
        )
        opened = unclosed(lines[: line - 1] + [before(lines[line - 1], end_tag)])
        if opened:
            tag, at = opened
            return TemplateFault(
                template,
                f"taggen {tag} avslutas aldrig ({closing(tag)} saknas före {end_tag})",
                None,
                paragraph_text(lines, at),
                part,
            )
        return TemplateFault(
            template, f"taggen {end_tag} avslutar inget block", None, paragraph_text(lines, line), part
        )
    if line is None or not 1 <= line <= len(lines):
        return TemplateFault(template, text, None, None, part)
    tags = TAG.findall(text_of(lines[line - 1]))
    return TemplateFault(template, text, culprit(tags, message, exc), paragraph_text(lines, line), part)


def before(line: str, tag: str) -> str:
    """The part of a line before `tag` (as text)."""
    text = text_of(line)
    return text[: text.find(tag)] if tag in text else text


def paragraph_text(lines: list[str], number: int) -> str:
    return short(text_of(lines[number - 1]))


def culprit(tags: list[str], message: str, exc: BaseException) -> str | None:
    """The tag of a paragraph that the error is about: the one naming what the message
    quotes, the first that does not parse, or the only one."""
    token = getattr(exc, "token", "")
    if token:
        for tag in tags:
            if token in tag:
                return tag
    for quoted in message.split("'")[1::2]:
        for tag in tags:
            if re.search(rf"(?<!\w){re.escape(quoted)}(?!\w)", tag):
                return tag
    if isinstance(exc, TemplateSyntaxError):
        from jinja2 import Environment

        env = Environment()
        for tag in tags:
            try:
                env.parse(tag if not tag.startswith("{%") else tag + block_end(tag))
            except TemplateSyntaxError:
                return tag
    printed = [t for t in tags if t.startswith("{{")]
    if len(tags) == 1:
        return tags[0]
    return printed[0] if len(printed) == 1 else None


def keyword(tag: str) -> str:
    found = re.match(r"\{%[-+]?\s*(\w+)", tag)
    return found.group(1) if found else ""


def block_end(tag: str) -> str:
    word = keyword(tag)
    return "{% end" + word + " %}" if word in OPENERS else ""


def closing(tag: str) -> str:
    return "{% end" + keyword(tag) + " %}"


def unclosed(lines: list[str]) -> tuple[str, int] | None:
    """The innermost block tag that is never closed, with its line."""
    stack: list[tuple[str, str, int]] = []
    for number, line in enumerate(lines, 1):
        for tag in TAG.findall(text_of(line)):
            word = keyword(tag)
            if word in OPENERS or (word == "set" and "=" not in tag):
                stack.append((word, tag, number))
            elif word.startswith("end") and stack and stack[-1][0] == word[3:]:
                stack.pop()
    return (stack[-1][1], stack[-1][2]) if stack else None
