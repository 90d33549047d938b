"""Citation marks in the text ("[1, 3]") and their footnote links in HTML.

The reference entries themselves are built with the brief (assistant.compose.citations),
because a quote's numbers belong to the brief; this module only lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..compose.citations import format_citation, long_date, short_source

__all__ = ["MARKS", "cite", "format_citation", "link_marks", "long_date", "short_source"]

MARKS = re.compile(r"\[(\d{1,3}(?:, \d{1,3})*)\]")
"""A citation mark as the templates write it: [1] or [1, 3]."""


def cite(numbers: Iterable[int]) -> str:
    """[1] or [1, 3]: the reference numbers of a quote or fact."""
    listed = ", ".join(str(n) for n in sorted(set(numbers)))
    return f"[{listed}]" if listed else ""


def link_marks(html_text: str, known: set[int]) -> str:
    """Turn each [n] in already-escaped HTML text into a link to reference n."""

    def link(match: re.Match[str]) -> str:
        numbers = [int(n) for n in match.group(1).split(", ")]
        if not all(n in known for n in numbers):
            return match.group(0)
        links = ", ".join(f'<a href="#ref-{n}">{n}</a>' for n in numbers)
        return f'<sup class="cite">[{links}]</sup>'

    return MARKS.sub(link, html_text)
