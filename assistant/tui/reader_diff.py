"""What a reader would see change between two versions: a word-level diff of the text
as it reads (Markdown syntax gone), with citation numbers folded away, since adding one
source renumbers every mark after it without changing a word anyone reads."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from ..render.citations import MARKS

BREAK = "\n"
"""Stands between blocks (paragraphs, headings, list items, quotes)."""
CITED = "[…]"
"""What every citation mark reads as in the comparison."""
CONTEXT = 8
"""Unchanged words kept either side of a change; longer runs are cut to "…"."""

Kind = Literal["same", "removed", "added", "gap"]


@dataclass(frozen=True)
class Piece:
    kind: Kind
    text: str


def reader_words(markdown: str) -> list[str]:
    """The words of the brief as a reader sees them, blocks separated by BREAK."""
    from markdown_it import MarkdownIt

    words: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline":
            continue
        text = "".join(child.content if child.type in ("text", "code_inline") else " "
                       for child in token.children or [] if child.type != "image")
        words.extend(MARKS.sub(CITED, text).split())
        words.append(BREAK)
    return words


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces of the reader's text from `old` to `new` Markdown; empty when a
    reader would see no difference."""
    before, after = reader_words(old), reader_words(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces: list[Piece] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.extend(_context(before[a1:a2], first=not pieces, last=a2 == len(before)))
            continue
        if a2 > a1:
            pieces.append(Piece("removed", _join(before[a1:a2])))
        if b2 > b1:
            pieces.append(Piece("added", _join(after[b1:b2])))
    if all(p.kind in ("same", "gap") for p in pieces):
        return []
    return pieces


def _context(words: list[str], first: bool, last: bool) -> list[Piece]:
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(words) <= len(head) + len(tail) + 1:
        return [Piece("same", _join(words))]
    return [p for p in (Piece("same", _join(head)), Piece("gap", "…"),
                        Piece("same", _join(tail))) if p.text]


def _join(words: list[str]) -> str:
    return " ".join(words).replace(f" {BREAK} ", "\n").replace(BREAK, "\n").strip(" ")
