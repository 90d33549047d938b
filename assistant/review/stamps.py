"""Approval lines belong to exports, never to a saved version's text.

An approved export read back in (`draft edit --file`, or the app's save) still says
"Approved by ... version ..."; saved like that, the new, unapproved version would claim an
approval nobody gave. So every saved text has such lines taken out: the first becomes the
DRAFT line again in its place (when the text has none), any other is removed.
"""

from __future__ import annotations

import re

from ..render.approval import DRAFT

# A line whose text, after Markdown markers (quote, heading, emphasis), says "Approved by".
APPROVAL_LINE = re.compile(r"^(?P<lead>[ \t>#*_]*)approved by\b.*?(?P<tail>[*_ \t]*)$",
                           re.IGNORECASE)


def without_approval(markdown: str) -> tuple[str, int]:
    """`markdown` with its approval lines replaced or removed, and how many there were."""
    kept: list[str] = []
    found = 0
    needs_draft = DRAFT not in markdown
    for line in markdown.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        match = APPROVAL_LINE.match(body)
        if match is None:
            kept.append(line)
            continue
        found += 1
        if needs_draft:
            kept.append(f"{match['lead']}{DRAFT}{match['tail']}{line[len(body):]}")
            needs_draft = False
    return "".join(kept), found
