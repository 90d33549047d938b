"""A Markdown brief read into blocks the checks can look at, each knowing its lines.

Deliberately small: headings, paragraphs, list items, table rows and block quotes.
Fenced code is skipped and inline `code` is blanked (same length, so offsets hold):
nothing inside code is a quotation, a figure or a claim. Front matter (`---` ... `---`)
and HTML comments are read as the header, not as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_REF_ENTRY = re.compile(r"^\s*(?:\[\^?(\d+)\]:?|(\d+)[.)])\s+(.*)$")
CITATION = re.compile(r"\[\^?(\d+(?:\s*[,;–-]\s*\d+)*)\](?!\()")
"""A citation marker: [1], [1, 3], [2-4] or a footnote [^1] (not a link's [text](...))."""

REFERENCE_HEADINGS = re.compile(r"^(references|sources|notes|citations|bibliography)\b", re.I)


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, table row or block-quote paragraph."""

    kind: str  # heading | paragraph | item | table | quote
    text: str  # lines joined by single spaces, markers stripped, inline code blanked
    line: int  # first line, from 1
    section: str  # the nearest heading above, "" before the first
    group: int  # blocks of one block quote share a group
    starts: tuple[tuple[int, int], ...]  # (offset in text, line) where each line begins
    number: int | None = None  # the number of a numbered list item

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, n in self.starts:
            if start > offset:
                break
            line = n
        return line

    @property
    def in_references(self) -> bool:
        return bool(REFERENCE_HEADINGS.match(self.section))

    def citations(self) -> list[int]:
        """Every number cited in the block, in order."""
        return [n for m in CITATION.finditer(self.text) for n in expand_citation(m.group(1))]


@dataclass
class Document:
    blocks: list[Block]
    header: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def body(self) -> list[Block]:
        """Blocks outside the reference list."""
        return [b for b in self.blocks if not b.in_references]

    def references(self) -> dict[int, Block]:
        """Reference-list entries by number: `1. ...`, `[1] ...`, `[1]: ...` or `[^1]: ...`."""
        found: dict[int, Block] = {}
        for b in self.blocks:
            if b.kind == "heading":
                continue
            number = b.number if b.in_references else None
            if number is None:
                m = _REF_ENTRY.match(b.text) if b.text.startswith("[") else None
                if m and m.group(1) and (b.in_references or b.text.startswith("[^")
                                         or re.match(r"^\[\^?\d+\]:", b.text)):
                    number = int(m.group(1))
            if number is not None and number not in found:
                found[number] = b
        return found


def expand_citation(inner: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", inner):
        if re.fullmatch(r"\d+\s*[–-]\s*\d+", part):
            a, b = (int(x) for x in re.split(r"\s*[–-]\s*", part))
            numbers.extend(range(a, b + 1) if 0 <= b - a <= 50 else [a, b])
        elif part.strip().isdigit():
            numbers.append(int(part))
    return numbers


def _header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Front matter `key: value` pairs, and the index of the first body line."""
    header: dict[str, str] = {}
    if not lines or lines[0].strip() != "---":
        return header, 0
    for i, raw in enumerate(lines[1:], start=1):
        if raw.strip() in ("---", "..."):
            return header, i + 1
        key, sep, value = raw.partition(":")
        if sep and key.strip():
            header[key.strip().lower()] = value.strip().strip("\"'")
    return {}, 0  # never closed: not front matter after all


_COMMENT_FIELD = re.compile(r"^\s*([A-Za-z][\w -]*?)\s*[:=]\s*(.+?)\s*$")


def parse(text: str) -> Document:
    """Read Markdown text into blocks. Never fails: odd Markdown is read as paragraphs."""
    lines = text.splitlines()
    header, first = _header(lines)
    blocks: list[Block] = []
    section = ""
    group = 0
    current: list[tuple[int, str]] = []  # (line number, text)
    kind = "paragraph"
    number: int | None = None
    in_fence = False
    in_comment = False

    def flush() -> None:
        nonlocal current, number
        if current:
            parts: list[str] = []
            starts: list[tuple[int, int]] = []
            offset = 0
            for n, piece in current:
                starts.append((offset, n))
                parts.append(piece)
                offset += len(piece) + 1
            joined = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), " ".join(parts))
            if joined.strip():
                blocks.append(Block(kind, joined, current[0][0], section, group,
                                    tuple(starts), number))
        current = []
        number = None

    for index in range(first, len(lines)):
        raw = lines[index]
        n = index + 1
        if in_comment:
            if "-->" in raw:
                in_comment = False
            m = _COMMENT_FIELD.match(raw.replace("-->", ""))
            if m:
                header.setdefault(m.group(1).strip().lower(), m.group(2))
            continue
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        stripped = raw.strip()
        if stripped.startswith("<!--"):
            flush()
            inner = stripped[4:]
            if "-->" not in inner:
                in_comment = True
            m = _COMMENT_FIELD.match(inner.replace("-->", ""))
            if m:
                header.setdefault(m.group(1).strip().lower(), m.group(2))
            continue
        if not stripped or _RULE.match(raw):
            flush()
            if not raw.lstrip().startswith(">"):
                kind = "paragraph"
            continue
        if stripped.startswith(">"):
            inner = re.sub(r"^(>\s?)+", "", stripped)
            if kind != "quote":
                flush()
                group += 1
                kind = "quote"
            if not inner.strip():
                flush()
                continue
            current.append((n, inner))
            continue
        if kind == "quote":
            flush()
            kind = "paragraph"
        heading = _HEADING.match(raw)
        if heading:
            flush()
            section = heading.group(2)
            current.append((n, section))
            kind = "heading"
            flush()
            kind = "paragraph"
            continue
        item = _ITEM.match(raw)
        if item:
            flush()
            kind = "item"
            number = int(item.group(2)) if item.group(2) else None
            current.append((n, item.group(3)))
            continue
        if stripped.startswith("|"):
            flush()
            if not re.fullmatch(r"\|?[\s:|-]+\|?", stripped):
                kind = "table"
                current.append((n, stripped))
                flush()
            kind = "paragraph"
            continue
        current.append((n, stripped))
    flush()
    return Document(blocks, header, lines)
