"""HTML and Word exports say what the Markdown says, in a form people can open and edit;
files are replaced atomically."""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest

from assistant.compose import Brief
from assistant.render import Approval, write_atomically
from assistant.render.export import ExportOptions
from assistant.render.html import render_html
from assistant.render.word import render_docx

from .compose_helpers import brief, library


def graphic_brief() -> Brief:
    return brief("leaving-and-speaking-out", "policymakers", pins=["q-behead"])


def test_html_is_one_standalone_page_with_footnote_links_and_print_styles() -> None:
    html = render_html(graphic_brief(), library())
    assert html.startswith("<!DOCTYPE html>")
    assert "@media print" in html
    assert '<a href="#ref-1">1</a>' in html and '<li id="ref-1">' in html
    assert "<link" not in html and "<script" not in html  # nothing fetched from elsewhere
    assert "DRAFT" in html.split("<main>")[0]


def test_html_escapes_markup_that_a_template_or_corpus_might_carry() -> None:
    b = brief(frame={"goal": "<script>alert(1)</script>"})
    html = render_html(b, library())
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_word_document_reopens_with_styles_quotes_references_and_draft_header() -> None:
    b = graphic_brief()
    document = docx.Document(io.BytesIO(render_docx(b, library())))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    names = {name for name, _ in styles}
    assert {"Title", "Heading 1", "Quote", "List Number"} <= names
    assert styles[0] == ("Title", "Leaving and speaking out")
    quotes = [text for name, text in styles if name == "Quote"]
    for chosen in b.quotes:
        assert any(text.startswith(f"“{chosen.quote.text}”") for text in quotes)
    heading = styles.index(("Heading 1", "Sources"))
    references = [text for name, text in styles[heading + 1:] if name == "List Number"]
    assert references == [r.text for r in b.references]
    assert document.sections[0].header.paragraphs[0].text.startswith("DRAFT")


def test_approved_word_document_carries_the_approval_in_its_header() -> None:
    approval = Approval(approver="Sam Lee", date=date(2026, 3, 3), version="1a2b3c4d")
    document = docx.Document(io.BytesIO(render_docx(brief(), library(), approval)))
    assert document.sections[0].header.paragraphs[0].text == (
        "Approved by Sam Lee on 3 March 2026, version 1a2b3c4d")


def test_same_brief_exported_at_the_same_time_gives_byte_identical_exports() -> None:
    at = ExportOptions(now=datetime(2026, 3, 3, 9, 30, tzinfo=UTC))
    assert render_docx(brief(), library(), options=at) == render_docx(brief(), library(),
                                                                       options=at)
    assert render_html(brief(), library(), options=at) == render_html(brief(), library(),
                                                                       options=at)


def test_atomic_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_interrupted_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    target.write_bytes(b"good")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"half")
    assert target.read_bytes() == b"good"
    assert os.listdir(tmp_path) == ["brief.md"]
