"""Finding the quotations in a brief.

What counts as a quotation (the rule the fidelity and citation checks share):
- text between double quotation marks, curly “…” (nesting allowed) or straight "…",
  anywhere outside code and the reference list;
- in a block quote, a paragraph with no quotation marks at all is itself the quotation,
  unless it starts with emphasis (a label or note: `**Content note: ...**`) or is an
  attribution (`— a defector`).
Single quotation marks ‘…’ are not read as quotations: they cannot be told apart from
apostrophes, and they nest inside double quotation marks in the corpus itself.

A quotation is *checked* (must be verbatim in the corpus and cited) when it stands in a
block quote or runs to four words or more. Shorter quoted spans are usually scare
quotes or single terms ("dull", the self-declared “caliphate”, "as of"): they are not
reported, whether or not a corpus quote holds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .document import CITATION, Block, Document

SHORT_WORDS = 3
"""Quoted spans of this many words or fewer are treated as scare quotes or terms."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LABEL = re.compile(r"^\s*[*_]")
_ATTRIBUTION = re.compile(r"^\s*(—|–|--|―|-\s)")

TYPOGRAPHY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "‚": "'", "′": "'",
    "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


_MARKS = tuple((chr(k), str(v)) for k, v in TYPOGRAPHY.items())


def flatten(text: str) -> str:
    """`text.translate(TYPOGRAPHY)`, several times faster: a brief holds few of the marks,
    and looking for each costs less than mapping every character (same length)."""
    for mark, plain in _MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


_DOUBLE_DASH = re.compile(r"-{2,3}")


def typographic(text: str) -> str:
    """Curly and straight marks, dashes (a typed "--" too), ellipses and spaces made
    equal."""
    plain = flatten(text).replace("…", "...")
    return collapse(_DOUBLE_DASH.sub("-", plain) if "--" in plain else plain)


def collapse(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Quotation:
    """A quoted passage of the brief and where it stands."""

    text: str  # without its quotation marks
    block: Block
    start: int  # offset of the opening mark (or of the text) in block.text
    end: int
    in_block_quote: bool

    @property
    def line(self) -> int:
        return self.block.line_at(self.start)

    @cached_property  # asked by each quotation of the same sentence
    def checked(self) -> bool:
        return self.in_block_quote or len(words(self.text)) > SHORT_WORDS

    def preview(self, width: int = 60) -> str:
        text = collapse(self.text)
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_CURLY = re.compile("[“”]")
_STRAIGHT = re.compile('"')


def _curly_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth = 0
    opened = 0
    for m in _CURLY.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "“":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
    return spans


def _straight_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    marks: list[int] = []
    k = 0  # taken is sorted: walk it once alongside the marks
    for m in _STRAIGHT.finditer(text):
        i = m.start()
        while k < len(taken) and taken[k][1] <= i:
            k += 1
        if k < len(taken) and taken[k][0] <= i:
            continue
        marks.append(i)
    return [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]


# Kept with each block (`Block.kept`): every check asks, each block is read once.


def quotations_in(block: Block) -> tuple[Quotation, ...]:
    """The block's quotations in order (found once per block)."""
    found: tuple[Quotation, ...] | None = block.kept.get("quotations")
    if found is None:
        found = block.kept["quotations"] = _quotations_in(block)
    return found


def _quotations_in(block: Block) -> tuple[Quotation, ...]:
    text = block.text
    spans = _curly_spans(text)
    spans += _straight_spans(text, spans)
    spans.sort()
    in_quote = block.kind == "quote"
    found = [Quotation(text[a + 1 : b - 1], block, a, b, in_quote) for a, b in spans
             if words(text[a + 1 : b - 1])]
    # a label is emphasis in the Markdown (`**Note:**`), not asterisks a reader sees (`\\*`)
    label = _LABEL.match(block.source if block.source else text)
    if in_quote and not spans and not label and not _ATTRIBUTION.match(text) and (
            not block.hyphen_attribution):
        body = CITATION.sub("", text)
        body = re.split(r"\s(?:—|–|--|―)\s", body, maxsplit=1)[0]  # drop a trailing attribution
        if words(body):
            found.append(Quotation(body.strip(), block, 0, len(text), True))
    return tuple(found)


def find_quotations(doc: Document) -> list[Quotation]:
    """Every quotation outside the reference list, in reading order."""
    return [q for b in doc.body() for q in quotations_in(b)]


def without_quotations(block: Block) -> str:
    """The block's own words: quotations blanked out (same length, so offsets hold)."""
    own: str | None = block.kept.get("own")
    if own is None:
        own = block.kept["own"] = _without(block)
    return own


def _without(block: Block) -> str:
    text = block.text
    pieces: list[str] = []
    pos = 0
    for q in quotations_in(block):
        if q.start < pos:
            continue
        pieces += [text[pos : q.start], " " * (q.end - q.start)]
        pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)
