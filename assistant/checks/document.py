"""A Markdown brief read into blocks the checks can look at, each knowing its lines.

The brief is read once with markdown-it, the parser the exports use, so the checks see
exactly the blocks a reader sees: headings (ATX and setext), paragraphs, list items,
table rows and block quotes, nested as markdown-it nests them. Code (fenced or
indented) is not text: nothing inside it is a quotation, a figure or a claim, and inline
`code` is blanked (same length, so offsets hold). Front matter (`---` ... `---`) and
HTML comments are read as the header.

Two things are found by structure, never by a heading's wording alone:
- the reference list: the last numbered list under a sources heading ("Sources",
  "References", "Notes and sources"...) whose items read as references (a title, an
  outlet, a date); footnote-style entries `[1]: ...` / `[^1]: ...` anywhere;
- the team part: everything after the level-1 heading `TEAM_HEADING`.
Every block is still read by every check; these only change which rules apply.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from ..compose.parts import FINDINGS_HEADING, TEAM_HEADING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_INLINE_CODE = re.compile(r"(?<!\\)`[^`\n]{0,2000}`")  # an escaped \` opens no code
_REF_ENTRY = re.compile(r"^\s*\[\^?(\d{1,4})\]:\s+\S")
CITATION = re.compile(r"\[\^?(\d{1,4}(?:\s{0,3}[,;–-]\s{0,3}\d{1,4}){0,30})\](?!\()")
"""A citation marker: [1], [1, 3], [2-4] or a footnote [^1] (not a link's [text](...))."""

REFERENCE_HEADINGS = re.compile(
    r"^\s*(?:(?:notes|sources|references|citations|works cited|bibliography|endnotes)"
    r"(?:\s+(?:and|&)\s+(?:notes|sources|references|citations))?)(?:\s*:)?\s*$", re.I)
"""A heading that names a reference list: "Sources", "Notes and sources" - not "Notes for
the facilitator". (Spaces before a colon are read only with it: two runs of spaces with
only an optional colon between them would be tried at every split of a long run.)"""

# What a reference entry looks like: a year, a quoted title, or "quoted in".
_LOOKS_LIKE_REFERENCE = re.compile(r"\b(?:1[89]|20)\d\d\b|[“\"«].{3,}[”\"»]|\bquoted in\b|"
                                   r"\bundated\b|https?://", re.I)
# Sections the bundled templates wrote for the team before the team heading existed.
LEGACY_TEAM_SECTIONS = frozenset(
    {"campaign frame", "handle with care", "avoid", "posting notes", "facilitation cautions"})


@dataclass(frozen=True, eq=False)  # a block is itself: compared and hashed by identity
class Block:
    """A heading, paragraph, list item, table row or block-quote paragraph."""

    kind: str  # heading | paragraph | item | table | quote
    text: str  # what a reader sees: lines joined by single spaces, inline code blanked,
    # backslash escapes and character references undone (`\\<10%` reads `<10%`)
    line: int  # first line, from 1
    section: str  # the nearest heading above, "" before the first
    group: int  # blocks of one block quote share a group
    starts: tuple[tuple[int, int], ...]  # (offset in text, line) where each line begins
    number: int | None = None  # the number of a numbered list item
    level: int = 0  # a heading's level
    team: bool = False  # in the team part (after TEAM_HEADING, or a legacy team section)
    in_references: bool = False  # an entry of the reference list
    index: int = 0  # position in Document.blocks
    source: str = ""  # the Markdown as written (escapes kept), for rules about markup:
    # `**Approved by**` is a bold line, `\\*\\*Approved by` two asterisks a reader sees
    bullet: str = ""  # the marker of the bullet list item it stands in ("-", "*", "+")
    hyphen_attribution: bool = False  # `> - a defector [1]` closing a block quote: an
    # attribution typed with a hyphen for its dash, which Markdown reads as a list item

    @cached_property
    def kept(self) -> dict[str, Any]:
        """What the checks work out once about the block (its quotations, its own words),
        kept with it for as long as it lives: a look here costs less than a weak map's."""
        return {}

    def line_at(self, offset: int) -> int:
        if len(self.starts) <= 1:
            return self.line
        offsets: list[int] | None = self.kept.get("offsets")
        if offsets is None:  # once: a paragraph of many lines is asked for each finding
            offsets = self.kept["offsets"] = [s for s, _ in self.starts]
        return self.starts[max(0, bisect_right(offsets, offset) - 1)][1]

    def marks(self) -> tuple[list[int], list[tuple[int, ...]]]:
        """Where each citation marker of the block starts, and the numbers each cites (read
        once: a long paragraph is asked about for each of its figures)."""
        kept: tuple[list[int], list[tuple[int, ...]]] | None = self.kept.get("marks")
        if kept is None:
            found = [(m.start(), tuple(expand_citation(m.group(1))))
                     for m in CITATION.finditer(self.text)]
            kept = self.kept["marks"] = ([a for a, _ in found], [n for _, n in found])
        return kept

    def citations(self) -> tuple[int, ...]:
        """Every number cited in the block, in order."""
        kept: tuple[int, ...] | None = self.kept.get("cited")
        if kept is None:
            kept = self.kept["cited"] = tuple(n for ns in self.marks()[1] for n in ns)
        return kept


@dataclass
class Document:
    blocks: list[Block]
    header: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def body(self) -> list[Block]:
        """Blocks outside the reference list (text after the list is body too)."""
        return [b for b in self.blocks if not b.in_references]

    def body_among(self, positions: frozenset[int] | None) -> list[Block]:
        """The body blocks at these positions in `blocks`, in order; all of the body for
        None (a screen that could not tell)."""
        if positions is None:
            return self.body()
        blocks = self.blocks
        return [blocks[i] for i in sorted(positions) if not blocks[i].in_references]

    def audience_blocks(self) -> list[Block]:
        """Body blocks the audience reads (not the team's sections)."""
        return [b for b in self.blocks if not b.in_references and not b.team]

    def references(self) -> dict[int, Block]:
        """Reference-list entries by number: `1. ...`, `[1]: ...` or `[^1]: ...`."""
        found: dict[int, Block] = {}
        for b in self.blocks:
            if not b.in_references:
                continue
            number = b.number
            if number is None:
                m = _REF_ENTRY.match(b.text)
                number = int(m.group(1)) if m else None
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


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Blocks as the exports read them; the checks read each block's own text, so the
    # inline pass (links, emphasis: the costly part on long lines of brackets) is skipped.
    return MarkdownIt("commonmark", {"html": False}).enable("table").disable(
        ["inline", "text_join"])


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Front matter `key: value` pairs, and how many lines it takes."""
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


# `key: value`; the value is the rest of the line, stripped (a pattern for it, `\s*(.+?)\s*$`,
# would try every place in a long run of spaces, each with the rest of the run)
_COMMENT_FIELD = re.compile(r"^\s*([A-Za-z][\w -]{0,40}?)\s*[:=]")


def _comment_fields(text: str, header: dict[str, str]) -> None:
    for piece in text.replace("<!--", "\n").replace("-->", "\n").split("\n"):
        m = _COMMENT_FIELD.match(piece)
        rest = piece[m.end():] if m else ""
        if m and rest:  # a value of spaces only is kept as one space
            header.setdefault(m.group(1).strip().lower(), rest.strip() or rest[-1])


_Raw = tuple[str, str, int, str, int, tuple[tuple[int, int], ...], int | None, int, str, str]

# A backslash escape (CommonMark: before ASCII punctuation) or a character reference.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|"
                     r"[A-Za-z][A-Za-z0-9]{1,31});")


def as_read(markdown: str) -> str:
    """Inline Markdown with its escapes undone, as markdown-it shows it to a reader."""
    if "\\" not in markdown and "&" not in markdown:
        return markdown
    return _ESCAPE.sub(lambda m: m.group(1) or _reference(m.group(0)), markdown)


def _reference(entity: str) -> str:
    from markdown_it.common.utils import unescapeAll

    return unescapeAll(entity)


def _block(kind: str, content: str, first: int, section: str, group: int,
           number: int | None = None, level: int = 0, bullet: str = "") -> _Raw:
    code_blanked = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), content)
    read = as_read(code_blanked)
    starts: list[tuple[int, int]] = [(0, first)]
    pos = read.find("\n")
    n = first
    while pos >= 0:
        n += 1
        starts.append((pos + 1, n))
        pos = read.find("\n", pos + 1)
    return (kind, read.replace("\n", " "), first, section, group, tuple(starts), number, level,
            code_blanked.replace("\n", " "), bullet)


def _is_team_heading(text: str) -> bool:
    return " ".join(text.split()).strip(" *_").lower() == TEAM_HEADING.lower()


def parse(text: str) -> Document:
    """Read Markdown text into blocks. Never fails: odd Markdown is read as markdown-it
    reads it."""
    lines = text.splitlines()
    header, skip = _front_matter(lines)
    source = "\n" * skip + "\n".join(lines[skip:]) if skip else text
    tokens = _parser().parse(source)
    blocks: list[_Raw] = []
    section, group, quote_depth = "", 0, 0
    items: list[int | None] = []  # the number of each open list item, innermost last
    bullets: list[str] = []  # and its marker
    cell_texts: list[str] = []
    row_line = 0
    heading_level = 0
    in_team = in_findings = False
    team_from: list[int] = []
    for i, tok in enumerate(tokens):
        t = tok.type
        if t == "blockquote_open":
            if quote_depth == 0:
                group += 1
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "list_item_open":
            items.append(int(tok.info) if tok.info.isdigit() and len(tok.info) < 10 else None)
            bullets.append(tok.markup if tok.markup in ("-", "*", "+") else "")
        elif t == "list_item_close":
            items.pop()
            bullets.pop()
        elif t == "heading_open":
            heading_level = int(tok.tag[1:])
        elif t == "tr_open":
            cell_texts, row_line = [], (tok.map[0] + 1 if tok.map else 0)
        elif t == "tr_close":
            row = "| " + " | ".join(cell_texts) + " |"
            blocks.append(_block("table", row, row_line, section, group))
        elif t == "inline":
            first = tok.map[0] + 1 if tok.map else 0
            parent = tokens[i - 1].type if i else ""
            if parent == "heading_open":
                heading = " ".join(tok.content.split())
                if heading_level == 1 and _is_team_heading(heading):
                    in_team = True
                if heading_level <= 2:  # an export's summary of these very checks
                    in_findings = in_team and heading == FINDINGS_HEADING
            if in_findings:
                continue
            if parent == "heading_open":
                section = heading
                blocks.append(_block("heading", tok.content, first, section, group,
                                     level=heading_level))
            elif parent in ("th_open", "td_open"):
                cell_texts.append(" ".join(tok.content.split()))
            else:
                if tok.content.lstrip().startswith("<!--"):
                    _comment_fields(tok.content, header)
                    continue
                kind = "quote" if quote_depth else ("item" if items else "paragraph")
                blocks.append(_block(kind, tok.content, first, section, group,
                                     items[-1] if kind == "item" else None,
                                     bullet=bullets[-1] if bullets else ""))
        if in_team and len(team_from) == 0:
            team_from.append(len(blocks) - 1)
    return Document(_marked(blocks, team_from[0] if team_from else len(blocks)), header, lines)


def _marked(raws: list[_Raw], team_from: int) -> list[Block]:
    """Blocks with their position, the team part (from `team_from`, and the legacy team
    sections) and the reference list. Each block is made once: a 1 MB brief has ten
    thousand of them."""
    refs = set(_reference_list(raws))
    out = []
    last = len(raws) - 1
    for n, raw in enumerate(raws):
        kind, text, section, group, bullet = raw[0], raw[1], raw[3], raw[4], raw[9]
        hyphen = (kind == "quote" and bullet == "-" and n > 0
                  and raws[n - 1][0] == "quote" and raws[n - 1][4] == group
                  and not raws[n - 1][9]
                  and (n == last or raws[n + 1][0] != "quote" or raws[n + 1][4] != group))
        team = n >= team_from or section.lower() in LEGACY_TEAM_SECTIONS
        # footnote-style entries stand anywhere
        ref = n in refs or (kind == "paragraph" and bool(_REF_ENTRY.match(text)))
        out.append(Block(*raw[:8], team=team, in_references=ref, index=n, source=raw[8],
                         bullet=bullet, hyphen_attribution=hyphen))
    return out


def _reference_list(raws: list[_Raw]) -> list[int]:
    """Indexes of the entries of the last numbered list under a sources heading whose
    items read as references."""
    runs: list[list[int]] = []
    current: list[int] = []
    under_sources = False
    for n, raw in enumerate(raws):
        kind, number = raw[0], raw[6]
        if kind == "heading":
            under_sources = bool(REFERENCE_HEADINGS.match(raw[1]))
            if current:
                runs.append(current)
            current = []
            continue
        if under_sources and kind == "item" and number is not None:
            current.append(n)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in reversed(runs):
        looks = sum(1 for n in run if _LOOKS_LIKE_REFERENCE.search(raws[n][1]))
        if looks * 2 >= len(run):
            return run
    return []
