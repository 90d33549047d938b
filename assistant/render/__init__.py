"""Rendering a Brief through sandboxed templates into Markdown, HTML and Word.

The HTML and Word exporters live in `assistant.render.html` and `assistant.render.word`
and are imported only when used.
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
