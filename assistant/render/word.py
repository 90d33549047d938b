"""A Word document with real styles (Title, Heading 1/2, Quote, List Number...), made from
the brief's Markdown so that all formats say the same thing. python-docx is imported
here only, so the TUI starts without it."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..compose.brief import Brief
from .approval import Approval, status_line
from .markdown import render_markdown
from .templates import TemplateLibrary

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # zip entries carry no clock: equal briefs, equal bytes


class _Writer:
    """Walks markdown-it block tokens and adds paragraphs in the matching Word style."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.lists: list[str] = []  # "bullet" / "ordered", innermost last
        self.quote_depth = 0
        self.quote_style = "Quote"
        self.numbers: list[int | None] = []  # Word numbering id per open ordered list

    def write(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                self._paragraph(tokens[index + 1], HEADING_STYLES.get(token.tag, "Heading 3"))
            elif kind == "blockquote_open":
                self.quote_depth += 1
                emphasis = [t.type for t in (tokens[index + 2].children or [])][:1]
                self.quote_style = "Intense Quote" if emphasis == ["strong_open"] else "Quote"
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("bullet" if kind == "bullet_list_open" else "ordered")
                self.numbers.append(None)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
                self.numbers.pop()
            elif kind == "paragraph_open":
                self._paragraph(tokens[index + 1], self._paragraph_style())
            elif kind == "hr":
                self.document.add_paragraph("")

    def _paragraph_style(self) -> str:
        if self.quote_depth:
            return self.quote_style
        if self.lists:
            return "List Bullet" if self.lists[-1] == "bullet" else "List Number"
        return "Normal"

    def _paragraph(self, inline: Token, style: str) -> None:
        paragraph = self.document.add_paragraph(style=style)
        if style == "List Number":
            num_id = self.numbers[-1]
            if num_id is None:
                num_id = self.numbers[-1] = _new_numbering(self.document)
            _number(paragraph, num_id)
        bold = italic = False
        for child in inline.children or []:
            if child.type == "text" or child.type == "code_inline":
                run = paragraph.add_run(child.content)
                run.bold, run.italic = bold or None, italic or None
            elif child.type in ("softbreak", "hardbreak"):
                paragraph.add_run().add_break()
            elif child.type == "strong_open":
                bold = True
            elif child.type == "strong_close":
                bold = False
            elif child.type == "em_open":
                italic = True
            elif child.type == "em_close":
                italic = False


def _new_numbering(document: Any) -> int:
    """A fresh numbering that starts at 1: Word would otherwise continue the previous list."""
    numbering = document.part.numbering_part.numbering_definitions._numbering
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _number(paragraph: Any, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times, so the same brief gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(brief: Brief, library: TemplateLibrary | None = None,
                approval: Approval | None = None) -> bytes:
    """The brief as a .docx file's bytes: DRAFT or the approval in every page header."""
    return markdown_to_docx(
        render_markdown(brief, library, approval),
        title=f"{brief.template.name}: {brief.theme.title}",
        subject=f"For {brief.audience.name}",
        status=status_line(approval),
        fingerprint=brief.fingerprint,
    )


def markdown_to_docx(markdown_text: str, *, title: str, status: str, fingerprint: str,
                     subject: str = "") -> bytes:
    """A rendered (or stored, reviewed) brief's Markdown as .docx bytes.

    `status` (DRAFT, or who approved which version) goes in every page header.
    """
    import docx  # deferred: python-docx costs start-up time and only exports need it
    from docx.shared import Pt

    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = status
    header.runs[0].bold = True
    header.runs[0].font.size = Pt(9)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"Corpus and template version {fingerprint}"
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = "counterbrief"
    properties.comments = status
    _Writer(document).write(MarkdownIt("commonmark", {"html": False}).parse(markdown_text))
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())
