"""One standalone HTML file: the brief's Markdown, escaped, with footnote links and a print
stylesheet, inside `templates/_page.html.j2` (autoescaped).

Nothing in it loads anything: raw HTML, links, images and autolinks in the Markdown are
left as text, and a Content-Security-Policy forbids every fetch. Quotations are
`<figure><blockquote>…</blockquote><figcaption>…</figcaption></figure>`. Printed (or
made into a PDF), every page carries the status mark, the protective marking, page x of
y and the export date in its margins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from ..compose.parts import TEAM_HEADING
from .citations import link_marks
from .export import (
    APPROVAL_HEADING,
    Document,
    ExportOptions,
    brief_document,
    brief_subject,
    export_bytes,
    footer_text,
)
from .markdown import default_library, render_markdown
from .templates import TemplateLibrary

if TYPE_CHECKING:
    from ..compose.brief import Brief
    from .approval import Approval

PAGE = "_page.html.j2"
REFERENCES_HEADING = "Sources"
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
                           "base-uri 'none'; form-action 'none'")
"""Nothing may be fetched: the page's own inline styles are all it has."""


def _inline_text(tokens: list[Token], index: int) -> str:
    return tokens[index + 1].content if index + 1 < len(tokens) else ""


def _anchor_references(tokens: list[Token]) -> set[int]:
    """Give each entry of the list under the 'Sources' heading the id `ref-N`; their numbers."""
    numbers: set[int] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and _inline_text(tokens, index) == REFERENCES_HEADING:
            number, depth = 0, 0
            for item in tokens[index + 3 :]:
                if item.type == "ordered_list_open":
                    depth += 1
                    number = int(item.attrGet("start") or 1) - 1 if depth == 1 else number
                elif item.type == "ordered_list_close":
                    depth -= 1
                    if depth == 0:
                        return numbers
                elif item.type == "list_item_open" and depth == 1:
                    number += 1
                    item.attrSet("id", f"ref-{number}")
                    numbers.add(number)
                elif item.type == "heading_open" and depth == 0:
                    return numbers
    return numbers


BACK_MATTER = (REFERENCES_HEADING, APPROVAL_HEADING)
"""Sections whose lists are set small in print, as in Word: looked up, not read aloud."""


def _mark_back_matter(tokens: list[Token]) -> None:
    """The class `back-matter` on the list under each `BACK_MATTER` heading (and
    `approval` on the approval block's, which prints as one run of text)."""
    under = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = _inline_text(tokens, index)
            under = heading if heading in BACK_MATTER else ""
        elif under and token.type in ("bullet_list_open", "ordered_list_open"):
            approval = " approval" if under == APPROVAL_HEADING else ""
            token.attrSet("class", f"back-matter{approval}")
            under = ""


def _close_of(tokens: list[Token], index: int) -> int:
    depth = 0
    for at in range(index, len(tokens)):
        depth += tokens[at].nesting if tokens[at].type.startswith("blockquote") else 0
        if depth == 0:
            return at
    return len(tokens) - 1


def _figures(tokens: list[Token]) -> list[Token]:
    """Each block quote that ends in an attribution ("— ...") as a figure: the quotation
    in a blockquote, the attribution in a figcaption."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "blockquote_open":
            out.append(token)
            index += 1
            continue
        close = _close_of(tokens, index)
        inner = tokens[index + 1 : close]
        last = max((i for i, t in enumerate(inner) if t.type == "paragraph_open"
                    and t.level == token.level + 1), default=None)
        caption = inner[last + 1].content if last is not None else ""
        if last is None or not caption.startswith(("— ", "– ")) or last == 0:
            out.append(token)
            index += 1
            continue
        figure = Token("figure_open", "figure", 1, attrs={"class": "quote"})
        out += [figure, token, *inner[:last], tokens[close]]
        out += [Token("figcaption_open", "figcaption", 1), inner[last + 1],
                Token("figcaption_close", "figcaption", -1), Token("figure_close", "figure", -1)]
        index = close + 1
    return out


def _without_status(tokens: list[Token], status: str) -> list[Token]:
    """The status paragraph under the title dropped: the page header carries it."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            break
        if (token.type == "paragraph_open" and token.level == 0
                and "".join(c.content for c in tokens[index + 1].children or []
                            if c.type == "text") == status):
            return tokens[:index] + tokens[index + 3 :]
    return tokens


def _mark_team(tokens: list[Token]) -> None:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" \
                and _inline_text(tokens, index) == TEAM_HEADING:
            token.attrSet("class", "team")


def markdown_body(markdown_text: str, references: set[int] | None = None,
                  status: str | None = None) -> str:
    """Markdown to an HTML fragment. Raw HTML in the text is escaped, never passed through;
    links, images and autolinks stay text, so the page refers to nothing outside itself.

    Citation marks link to the reference-list entries; `references` limits which (by
    default, every entry under the Sources heading). `status`: a paragraph under the title
    saying exactly this is left out (the page header carries it).
    """
    md = MarkdownIt("commonmark", {"html": False}).disable(["image", "link", "autolink"])
    tokens = md.parse(markdown_text)
    listed = _anchor_references(tokens)
    _mark_back_matter(tokens)
    if status is not None:
        tokens = _without_status(tokens, status)
    _mark_team(tokens)
    tokens = _figures(tokens)
    linked = listed if references is None else references & listed
    return link_marks(md.renderer.render(tokens, md.options, {}), linked)


def css_string(text: str) -> str:
    """`text` as a CSS string literal, safe inside a <style> element."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-–—()'’/" else f"\\{ord(ch):x} "
                      for ch in text)
    return f'"{escaped}"'


def markdown_to_html(markdown_text: str, doc: Document, options: ExportOptions, *,
                     library: TemplateLibrary | None = None, print_only: bool = False) -> str:
    """A brief's Markdown (already cut to the part asked for) as one standalone HTML page.
    `print_only`: for the PDF engine (no screen header, the marks in the page margins)."""
    if library is None or not (library.directory / PAGE).is_file():
        library = default_library()  # a folder of brief formats need not carry its own page
    return library.render(PAGE, {
        "title": doc.heading(),
        "status": doc.status,
        "approved": doc.approved,
        "fingerprint": doc.fingerprint,
        "language": options.language,
        "paper": options.paper,
        "marking": options.marking,
        "exported": footer_text(options),
        "author": options.author,
        "subject": doc.subject,
        "created": options.at().isoformat(timespec="seconds"),
        "csp": CONTENT_SECURITY_POLICY,
        "print_only": print_only,
        # CSS strings for the page margins, escaped here: the template puts them in <style>
        "css_status": Markup(css_string(doc.status)),
        "css_marking": Markup(css_string(options.marking)),
        "css_exported": Markup(css_string(footer_text(options))),
        # escaped by markdown-it (html off, links and images off)
        "body": Markup(markdown_body(markdown_text, status=doc.status)),
    })


def render_html(brief: Brief, library: TemplateLibrary | None = None,
                approval: Approval | None = None, options: ExportOptions | None = None) -> str:
    """The brief as one self-contained HTML page. Raises TemplateError (file and line)."""
    markdown = render_markdown(brief, library, approval)
    subject = brief_subject(brief.theme.title, brief.audience.name)
    return export_bytes(brief_document(markdown, fingerprint=brief.fingerprint,
                                       approval=approval, subject=subject),
                        "html", options, library).decode("utf-8")
