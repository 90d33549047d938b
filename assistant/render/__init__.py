"""Rendering a Brief through sandboxed templates into Markdown, HTML, Word and PDF.

The exporters live in `assistant.render.export` (one entry point for every format and
part), `.html`, `.word` and `.pdf`, and are imported only when used.
"""

from .approval import Approval, status_line
from .files import write_atomically
from .markdown import default_library, render_markdown
from .templates import TemplateError, TemplateLibrary

__all__ = [
    "Approval",
    "TemplateError",
    "TemplateLibrary",
    "default_library",
    "render_markdown",
    "status_line",
    "write_atomically",
]
