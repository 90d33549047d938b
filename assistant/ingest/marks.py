"""Find direct quotations in article text by their quotation marks, keeping exact characters.

Handles straight and curly double quotes, single quotes used as quotation marks (not
apostrophes), guillemets, nested quotations (kept inside the outer one) and a quotation
running over paragraphs with the opening mark repeated (one span per paragraph, linked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"

_OPENERS = {"“": DOUBLE, "„": DOUBLE, '"': DOUBLE, "«": GUILLEMET, "‹": GUILLEMET,
            "‘": SINGLE, "‚": SINGLE, "'": SINGLE}
_CLOSERS = {"“": "”\"", "„": "“”", '"': '"”', "«": "»", "‹": "›", "‘": "’'", "‚": "‘’", "'": "'’"}
_BEFORE_OPEN = set(" \t\n([{—–-/:;…") | {"\u00a0"}
_SPACE = " \t\u00a0\u202f"


@dataclass(frozen=True)
class Span:
    """One quotation (or one paragraph of a longer one) in the article."""

    open_at: int
    """Offset of the opening mark."""
    start: int
    """Offset of the first character inside the marks."""
    end: int
    """Offset just after the last character inside the marks."""
    close_at: int
    """Offset just after the closing mark (the paragraph's end when it runs on)."""
    paragraph: int
    kind: str
    runs_on: bool = False
    """The quotation continues in the next paragraph (no closing mark here)."""
    continued: bool = False
    """This paragraph continues a quotation from the previous one."""


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks separated by blank lines; if there are none, one paragraph per line."""
    separator = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    found: list[Paragraph] = []
    pos = 0
    for match in [*re.finditer(separator, text), None]:
        stop = match.start() if match else len(text)
        chunk = text[pos:stop]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            found.append(Paragraph(len(found), pos + lead, pos + len(chunk.rstrip())))
        pos = match.end() if match else len(text)
    return found


def _is_opener(text: str, i: int, lo: int) -> bool:
    c = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > lo else " "
    if c in "“„«‹":
        return bool(nxt) and (nxt not in _SPACE or c in "«‹")
    if c in "\"'‘‚":
        if prev not in _BEFORE_OPEN and prev not in "“\"«":
            return False  # don’t, ISIS' , 1990's
        if not nxt or nxt in _SPACE or nxt == "\n":
            return False
        return not (c in "'‘" and nxt.isdigit())  # '90s
    return False


def _single_closer(text: str, j: int, hi: int) -> tuple[bool, bool]:
    """(is a closer, looks like a plural possessive such as "the boys' ")."""
    prev = text[j - 1]
    nxt = text[j + 1] if j + 1 < hi else ""
    if prev in _SPACE or prev == "\n":
        return False, False
    if nxt and (nxt.isalnum()):
        return False, False  # it’s, don’t
    possessive = prev in "sS" and nxt in _SPACE and j + 2 < hi and text[j + 2].islower()
    return True, possessive


def _find_close(text: str, i: int, hi: int) -> int | None:
    opener = text[i]
    closers = _CLOSERS[opener]
    kind = _OPENERS[opener]
    if kind != SINGLE:
        for j in range(i + 1, hi):
            c = text[j]
            if c in closers:
                return j
            if c == opener and opener in "“«" and c not in closers:
                return None  # a second opening mark: this one never closed
        return None
    fallback: int | None = None
    j = i + 1
    while j < hi:
        c = text[j]
        if c in "“«":  # skip a quotation nested inside single quotes
            inner = _find_close(text, j, hi)
            j = (inner or j) + 1
            continue
        if c in closers:
            closes, possessive = _single_closer(text, j, hi)
            if closes and not possessive:
                return j
            if closes and fallback is None:
                fallback = j
        j += 1
    return fallback


def find_spans(text: str) -> list[Span]:
    """Every top-level quotation, in text order."""
    paras = paragraphs(text)
    spans: list[Span] = []
    carry_kind: str | None = None
    for para in paras:
        i = para.start
        continued = False
        if carry_kind is not None:
            if text[i] in _OPENERS and _OPENERS[text[i]] == carry_kind:
                continued = True
            carry_kind = None
        while i < para.end:
            if text[i] not in _OPENERS or not _is_opener(text, i, para.start):
                i += 1
                continue
            kind = _OPENERS[text[i]]
            close = _find_close(text, i, para.end)
            if close is not None:
                spans.append(Span(i, i + 1, close, close + 1, para.index, kind,
                                  continued=continued and i == para.start))
                i = close + 1
                continue
            nxt = paras[para.index + 1] if para.index + 1 < len(paras) else None
            if (kind != SINGLE or text[i] == "‘" or _opens_quotation(text, i, para.start)) \
                    and nxt is not None and text[nxt.start] in _OPENERS and \
                    _OPENERS[text[nxt.start]] == kind:
                spans.append(Span(i, i + 1, para.end, para.end, para.index, kind, runs_on=True,
                                  continued=continued and i == para.start))
                carry_kind = kind
                break
            i += 1
    return spans


def _opens_quotation(text: str, i: int, lo: int) -> bool:
    """A straight single quote that begins a sentence ("'He only asked"), not an
    apostrophe: at the paragraph's start or after a sentence's end, before a capital."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    before = text[lo:i].rstrip(_SPACE)
    return nxt.isupper() and (not before or before[-1] in ".!?:")


def unclosed(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """(opening mark, paragraph end) of each quotation that opens and never closes, outside
    every span found: shown as left out so that no quoted text is dropped unseen."""
    found = []
    k = 0
    for para in paragraphs(text):
        for i in range(para.start, para.end):
            while k < len(spans) and spans[k].close_at <= i:
                k += 1
            if k < len(spans) and spans[k].open_at <= i:
                continue
            if text[i] in _OPENERS and _is_opener(text, i, para.start) and \
                    text[i + 1:i + 2].isupper() and _find_close(text, i, para.end) is None and \
                    (text[i] not in "'‘" or _opens_quotation(text, i, para.start)):
                found.append((i, para.end))
                break
    return found


def inner_text(text: str, span: Span) -> str:
    """The quotation's characters, without the marks, guillemet spacing or a trailing comma."""
    inner = text[span.start:span.end]
    if span.kind == GUILLEMET:
        inner = inner.strip(_SPACE)
    inner = inner.rstrip()
    if inner.endswith(","):
        inner = inner[:-1]
    return inner


def mask(text: str, spans: list[Span]) -> str:
    """The text with every quotation (marks included) replaced by '§', offsets unchanged."""
    chars = list(text)
    for span in spans:
        for k in range(span.open_at, span.close_at):
            if chars[k] != "\n":
                chars[k] = "§"
    return "".join(chars)
