"""A template is prepared once per process and kept for the next build (`render.kept_template`),
keyed by its bytes: a template changed in between is prepared anew, and a template that has
become a link out of its folder is refused even though it was kept."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from pipeline.render import Properties, Renderer, TemplateFault

from small_templates import document

PROPERTIES = Properties("Titel", "Köpings kommun", dt.date(2024, 3, 1))


def saying(text: str):
    return lambda doc: doc.add_paragraph(text + " {{ part }}")


def rendered_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_same_bytes_are_prepared_once_for_every_renderer(tmp_path):
    template = document(tmp_path / "mall.docx", saying("Hej"))
    assert Renderer().prepare(template) is Renderer().prepare(template)


def test_a_template_changed_in_place_is_prepared_anew(tmp_path):
    template = document(tmp_path / "mall.docx", saying("Första lydelsen"))
    first = Renderer().render(template, {"part": "Köping"}, PROPERTIES)
    document(template, saying("Andra lydelsen"))  # same path, new bytes
    second = Renderer().render(template, {"part": "Köping"}, PROPERTIES)
    assert "Första lydelsen Köping" in rendered_text(first)
    assert "Andra lydelsen Köping" in rendered_text(second)
    assert "Första" not in rendered_text(second)


def test_a_kept_template_that_became_a_link_out_of_its_folder_is_refused(tmp_path):
    folder, elsewhere = tmp_path / "mallar", tmp_path / "annat"
    folder.mkdir()
    elsewhere.mkdir()
    template = document(folder / "mall.docx", saying("Hej"))
    Renderer().prepare(template)
    outside = elsewhere / "mall.docx"
    outside.write_bytes(template.read_bytes())  # the very bytes that were kept
    template.unlink()
    try:
        template.symlink_to(outside)
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    with pytest.raises(TemplateFault, match="är en länk till .*utanför mallmappen"):
        Renderer().prepare(template)
