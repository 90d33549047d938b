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


# The approval block an export ends its audience part with (render.export), row by row.
BLOCK_HEADING = re.compile(r"^#{1,6}[ \t]+approval[ \t#]*$", re.IGNORECASE)
BLOCK_ROW = re.compile(r"^[ \t]*[-*+][ \t]+[*_]*(?P<label>approved by|role|date|version|"
                       r"comment)[ \t]*:", re.IGNORECASE)


def without_approval_block(markdown: str) -> tuple[str, int]:
    """`markdown` without any "Approval" section made of the export's rows (Approved by,
    Role, Date, Version, Comment), and how many such sections there were."""
    lines = markdown.splitlines(keepends=True)
    kept: list[str] = []
    found = 0
    index = 0
    while index < len(lines):
        end = _block_end(lines, index)
        if end is None:
            kept.append(lines[index])
            index += 1
            continue
        found += 1
        while end < len(lines) and not lines[end].strip():
            end += 1  # the blank lines that set the block apart
        if end == len(lines):  # at the end of the text: drop the gap before it too
            while kept and not kept[-1].strip():
                kept.pop()
        index = end
    return "".join(kept), found


def _block_end(lines: list[str], start: int) -> int | None:
    """Where the approval block starting at `start` ends, or None when none starts."""
    if not BLOCK_HEADING.match(lines[start].rstrip("\r\n")):
        return None
    index = start + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    first = BLOCK_ROW.match(lines[index]) if index < len(lines) else None
    if first is None or first["label"].lower() != "approved by":
        return None  # a section of the writer's own called "Approval"
    while index < len(lines) and BLOCK_ROW.match(lines[index]):
        index += 1
    return index


def without_approval(markdown: str) -> tuple[str, int]:
    """`markdown` with its approval lines replaced or removed and any approval block taken
    out, and how many there were."""
    markdown, found = without_approval_block(markdown)
    kept: list[str] = []
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
