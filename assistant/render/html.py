"""One standalone HTML file: the brief's Markdown, escaped, with footnote links and a print
stylesheet, inside `templates/_page.html.j2` (autoescaped)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from ..compose.brief import Brief
from .approval import Approval, status_line
from .citations import link_marks
from .markdown import default_library, render_markdown
from .templates import TemplateLibrary

PAGE = "_page.html.j2"
REFERENCES_HEADING = "Sources"


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


def markdown_body(markdown_text: str, references: set[int] | None = None) -> str:
    """Markdown to an HTML fragment. Raw HTML in the text is escaped, never passed through.

    Citation marks link to the reference-list entries; `references` limits which (by
    default, every entry under the Sources heading).
    """
    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(markdown_text)
    listed = _anchor_references(tokens)
    linked = listed if references is None else references & listed
    return link_marks(md.renderer.render(tokens, md.options, {}), linked)


def render_html(brief: Brief, library: TemplateLibrary | None = None,
                approval: Approval | None = None) -> str:
    """The brief as one self-contained HTML page. Raises TemplateError (file and line)."""
    library = library or default_library()
    return markdown_to_html(
        render_markdown(brief, library, approval),
        title=f"{brief.template.name}: {brief.theme.title}",
        status=status_line(approval),
        approved=approval is not None,
        fingerprint=brief.fingerprint,
        library=library,
    )


def markdown_to_html(markdown_text: str, *, title: str, status: str, approved: bool,
                     fingerprint: str, library: TemplateLibrary | None = None) -> str:
    """A rendered (or stored, reviewed) brief's Markdown as one standalone HTML page."""
    library = library or default_library()
    return library.render(PAGE, {
        "title": title,
        "status": status,
        "approved": approved,
        "fingerprint": fingerprint,
        "body": Markup(markdown_body(markdown_text)),  # escaped by markdown-it (html off)
    })
