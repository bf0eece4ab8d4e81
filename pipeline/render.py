"""Render one document: a Word template and a context in, the bytes of a .docx out.

`Renderer` is the one way the pipeline renders a template (papers, bilagor, the covering
letters, `papers check`), each template prepared once (`compiled.py`); `render_document`
renders one document with it, and `render_many` renders many papers with one Renderer per
process.

Jinja runs in an immutable, bounded sandbox (`sandbox.py`), autoescaped (a name with & or <
comes out as written) and with undefined names as errors. The result is a proper,
reproducible Word document: title, author and language sv-SE in its properties, the
step's date as created/modified, and a zip whose entries have fixed timestamps and order,
so the same inputs give the same bytes. Before it is returned, the paper's text is checked
for values that must never reach a paper (`guard.py`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError

from .compiled import PreparedTemplate, set_language, set_properties, template_bytes
from .docprops import DocValues
from .images import Image, Link
from .sandbox import paper_environment
from .template_errors import TemplateFault, as_fault, error_text

__all__ = [
    "Image",
    "Link",
    "Properties",
    "Renderer",
    "TemplateFault",
    "error_text",
    "jinja_env",
    "render_document",
    "set_language",
    "set_properties",
]


@dataclass(frozen=True)
class Properties:
    """What a document says about itself: its title, its author, its date; and, for a
    paper the build writes, its registrar properties (which then replace the others)."""

    title: str
    author: str
    date: dt.date
    registrar: DocValues | None = None


KEPT = 16  # prepared templates a process keeps for its next builds (a county has six)


@functools.lru_cache(maxsize=KEPT)
def kept_template(path: Path, data: bytes) -> PreparedTemplate:
    """The template `path` holding `data`, prepared once in this process: a second build
    in the same process (the tests, `make bench`, a program that calls `build`) renders
    with it again. Keyed by the bytes, so a template changed in between is prepared anew;
    rendering leaves it as it was (`PreparedTemplate.render`)."""
    return PreparedTemplate(path, data)


class Renderer:
    """The one way the pipeline renders a template: papers (`render_many.py`), bilagor,
    covering letters and `papers check`. Each template is prepared once (`compiled.py`)
    and then renders every document it is asked for; a template that cannot be prepared
    raises the same TemplateFault each time it is asked for again."""

    def __init__(self) -> None:
        self.prepared: dict[Path, PreparedTemplate | TemplateFault] = {}

    def prepare(self, template: Path) -> PreparedTemplate:
        """The template ready to render; TemplateFault when it cannot be used at all."""
        if template not in self.prepared:
            try:
                self.prepared[template] = kept_template(template, template_bytes(template))
            except TemplateError as exc:
                self.prepared[template] = as_fault(template, exc)
        found = self.prepared[template]
        if isinstance(found, TemplateFault):
            raise found
        return found

    def render(self, template: Path, context: dict, properties: Properties) -> bytes:
        """As `render_document`."""
        prepared = self.prepare(template)
        try:
            return prepared.render(context, properties)
        except TemplateError as exc:
            raise as_fault(template, exc) from None


def render_document(template: Path, context: dict, properties: Properties) -> bytes:
    """The finished .docx of `template` rendered with `context`.

    Raises TemplateFault (a jinja2.TemplateError) naming the template, the tag and the
    paragraph, for any template error, limit, or value the guard refuses."""
    return Renderer().render(template, context, properties)


def jinja_env():
    """The sandboxed environment templates run in (for tools that drive docxtpl directly)."""
    return paper_environment()
