"""A Word document with real styles (Title, Heading 1/2, Quote, List Number...), made from
the brief's Markdown so that all formats say the same thing. python-docx is imported
here only, so the TUI starts without it.

Every page: the protective marking (when set) and the status mark in the header, page x
of y, the export date and the marking in the footer. Quotations are indented with a rule
on the left, the attribution in its own paragraph, and never split from it across pages.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..compose.parts import TEAM_HEADING
from .export import (
    APPROVAL_HEADING,
    Document,
    ExportOptions,
    brief_document,
    brief_subject,
    export_bytes,
    footer_text,
)
from .html import REFERENCES_HEADING
from .inline import plain, without_controls
from .markdown import render_markdown
from .templates import TemplateLibrary

if TYPE_CHECKING:
    from ..compose.brief import Brief
    from .approval import Approval

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
ATTRIBUTION_STYLE = "Quote Attribution"
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # zip entries carry no clock: equal briefs, equal bytes
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>counterbrief</Application><DocSecurity>0</DocSecurity></Properties>"
)
"""docProps/app.xml without the template's stale application, word counts and dates."""
ATTRIBUTION_MARKS = ("— ", "– ")


def _text(inline: Token) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


class _Writer:
    """Walks markdown-it block tokens and adds paragraphs in the matching Word style."""

    def __init__(self, document: Any, status: str) -> None:
        self.document = document
        self.status = status
        self.lists: list[str] = []  # "bullet" / "ordered", innermost last
        self.quote_depth = 0
        self.quote_style = "Quote"
        self.numbers: list[int | None] = []  # Word numbering id per open ordered list
        self.sections = 0  # level-2 headings seen: the status paragraph comes before any
        self.back_matter = False  # under Sources or Approval: set small, as references are

    def write(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                inline = tokens[index + 1]
                self.sections += token.tag != "h1"
                self.back_matter = _text(inline).strip() in BACK_MATTER
                paragraph = self._paragraph(inline, HEADING_STYLES.get(token.tag, "Heading 3"))
                if token.tag == "h1" and _text(inline).strip() == TEAM_HEADING:
                    paragraph.paragraph_format.page_break_before = True
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
                inline = tokens[index + 1]
                if self._is_status(inline):
                    continue  # the status mark is in every page's header instead
                self._paragraph(inline, self._paragraph_style(inline))
            elif kind == "hr":
                self.document.add_paragraph("")

    def _is_status(self, inline: Token) -> bool:
        return (not self.quote_depth and not self.lists and not self.sections
                and _text(inline).strip() == self.status)

    def _paragraph_style(self, inline: Token) -> str:
        if self.quote_depth:
            if self.quote_style == "Quote" and _text(inline).startswith(ATTRIBUTION_MARKS):
                return ATTRIBUTION_STYLE
            return self.quote_style
        if self.lists:
            return "List Bullet" if self.lists[-1] == "bullet" else "List Number"
        return "Normal"

    def _paragraph(self, inline: Token, style: str) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if style == "List Number":
            num_id = self.numbers[-1]
            if num_id is None:
                num_id = self.numbers[-1] = _new_numbering(self.document)
            _number(paragraph, num_id)
        bold = italic = False
        for child in inline.children or []:
            if child.type == "text" or child.type == "code_inline":
                run = paragraph.add_run(without_controls(child.content))
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
        if self.back_matter and self.lists:
            from docx.shared import Pt

            for run in paragraph.runs:
                run.font.size = Pt(BACK_MATTER_SIZE)
            paragraph.paragraph_format.space_after = Pt(0)
        return paragraph


BACK_MATTER = (REFERENCES_HEADING, APPROVAL_HEADING)
"""Sections whose lists are set in smaller type: they are looked up, not read aloud."""
BACK_MATTER_SIZE = 8.5  # points


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


def _left_rule(style: Any) -> None:
    """A rule down the left of a paragraph style (adjacent paragraphs share one rule)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "12"),
                        ("w:color", "777777")):
        left.set(qn(name), value)
    borders.append(left)
    p_pr.append(borders)


def _quotation_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    quote = document.styles["Quote"]
    fmt = quote.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(1), Cm(0.5)
    fmt.space_before, fmt.space_after = Pt(4), Pt(1)
    fmt.keep_together = fmt.keep_with_next = True  # never split from its attribution
    quote.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    _left_rule(quote)
    attribution = document.styles.add_style(ATTRIBUTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    attribution.base_style = document.styles["Normal"]
    attribution.next_paragraph_style = document.styles["Normal"]
    fmt = attribution.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(1), Cm(0.5)  # under the quotation's text
    fmt.space_before, fmt.space_after = Pt(2), Pt(8)
    fmt.keep_together = True
    attribution.font.size = Pt(9.5)  # no rule of its own: two quotations' rules never merge
    note = document.styles["Intense Quote"].paragraph_format
    note.keep_together = note.keep_with_next = True


def _compact(document: Any) -> None:
    """Type sizes and spacing for a page to speak from: the template's defaults (26-point
    titles, 24 points above each heading) would push a one-page brief onto two."""
    from docx.shared import Pt

    sizes = {"Normal": (10, 0, 3), "Title": (18, 0, 4), "Heading 1": (12.5, 8, 2),
             "Heading 2": (11, 6, 2), "Heading 3": (10, 6, 2),
             "List Bullet": (None, 0, 1), "List Number": (None, 0, 1)}
    for name, (size, before, after) in sizes.items():
        style = document.styles[name]
        if size is not None:
            style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    document.styles["Normal"].paragraph_format.line_spacing = 1.0


def _language(document: Any, language: str) -> None:
    """Every w:lang of the styles (the defaults and each style) set to `language`."""
    from docx.oxml.ns import qn

    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    paragraph.add_run()._r.append(char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(char("end"))


def _page_furniture(document: Any, doc: Document, options: ExportOptions) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt, RGBColor

    section = document.sections[0]
    if options.paper == "Letter":
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)

    header = section.header.paragraphs[0]
    if options.marking:
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(options.marking).bold = True
        header = section.header.add_paragraph()
    status = header.add_run(without_controls(doc.status))
    status.bold, status.font.size = True, Pt(9)
    status.font.color.rgb = RGBColor(0x2E, 0x7D, 0x32) if doc.approved else \
        RGBColor(0xB0, 0x00, 0x20)

    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    footer.add_run(f" · {footer_text(options)} · corpus and template version {doc.fingerprint}")
    for run in footer.runs:
        run.font.size = Pt(8)
    if options.marking:
        marking = section.footer.add_paragraph()
        marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
        marking.add_run(options.marking).bold = True


def _properties(document: Any, doc: Document, options: ExportOptions) -> None:
    at = options.at().astimezone(UTC).replace(microsecond=0, tzinfo=None)  # stored as UTC
    properties = document.core_properties
    properties.title = without_controls(doc.heading())
    properties.subject = without_controls(plain(doc.subject))
    properties.author = properties.last_modified_by = without_controls(options.author)
    properties.created = properties.modified = at
    properties.revision = 1
    properties.language = options.language
    properties.comments = properties.keywords = properties.category = ""
    properties.content_status = "Approved" if doc.approved else "Draft"


def _package(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times (the same brief gives the same bytes) and
    its own application properties instead of the template's."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            body = APP_XML.encode() if info.filename == "docProps/app.xml" \
                else source.read(info.filename)
            target.writestr(entry, body)
    return out.getvalue()


def markdown_to_docx(markdown_text: str, doc: Document, options: ExportOptions) -> bytes:
    """A brief's Markdown (already cut to the part asked for) as .docx bytes."""
    import docx  # deferred: python-docx costs start-up time and only exports need it

    document = docx.Document()
    _compact(document)
    _quotation_styles(document)
    _language(document, options.language)
    _page_furniture(document, doc, options)
    _properties(document, doc, options)
    tokens = MarkdownIt("commonmark", {"html": False}).parse(markdown_text)
    _Writer(document, doc.status).write(tokens)
    buffer = io.BytesIO()
    document.save(buffer)
    return _package(buffer.getvalue())


def render_docx(brief: Brief, library: TemplateLibrary | None = None,
                approval: Approval | None = None, options: ExportOptions | None = None) -> bytes:
    """The brief as a .docx file's bytes: the status mark in every page header."""
    markdown = render_markdown(brief, library, approval)
    subject = brief_subject(brief.theme.title, brief.audience.name)
    return export_bytes(brief_document(markdown, fingerprint=brief.fingerprint,
                                       approval=approval, subject=subject),
                        "docx", options, library)
