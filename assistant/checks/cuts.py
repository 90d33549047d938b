"""Cuts: a shortened quotation marks every cut, and no cut changes what the speaker said.

A quotation that is part of a corpus quote may leave words out only where it says so
(… or [brackets]). Quoting a phrase inside a sentence is fine when the brief's own words
around it keep what the cut left out; what is not:
- starting where the corpus sentence does not, with a capital letter that passes the
  fragment off as the whole sentence, or leaving out a qualifier or negation that led the
  sentence ("A small but significant number of the defectors…" → "The defectors…");
- a cut, marked or not, that removes a negation or a qualifier ("not", "never", "only",
  "some"...), between two parts, at the start or right after the end ("who says no" →
  "who says …").
Each is an error: the quotation says something the speaker did not.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .context import CheckInput
from .findings import Finding, Severity
from .matching import Status, parts
from .quotations import collapse, words

CHECK = "cuts"
NEGATIONS = frozenset({"not", "never", "no", "nothing", "none", "nobody", "neither", "nor",
                       "without", "cannot", "hardly", "barely", "rarely", "seldom"})
QUALIFIERS = frozenset({"only", "some", "few", "small", "minority", "several", "almost",
                        "nearly", "perhaps", "maybe", "may", "might", "possibly", "partly",
                        "sometimes", "occasionally", "but", "although", "though", "except",
                        "unless", "if", "allegedly", "reportedly", "claimed", "number"})
_LEADING_GAP = re.compile(r"^\s*(?:…|\.\s?\.\s?\.|\[)")
_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)")


def _locate(pieces: list[str], text: str) -> list[tuple[int, int]] | None:
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        hits = [i for i in (text.find(v, pos) for v in
                            {piece, piece[:1].swapcase() + piece[1:]}) if i >= 0]
        if not hits:
            return None
        start = min(hits)
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


def _turning(removed: str) -> list[str]:
    """The negations and qualifiers among removed words."""
    found = []
    for w in words(removed.lower()):
        w = w.replace("’", "'")
        if w in NEGATIONS or w in QUALIFIERS or w.endswith("n't"):
            found.append(w)
    return found


def check_cuts(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    for match in ci.matches:
        q = match.quotation
        if match.status not in (Status.exact, Status.typographic) or not q.checked:
            continue
        pieces = parts(q.text)
        for quote in match.quotes[:1]:
            text = collapse(quote.text)
            spans = _locate(pieces, text)
            if not spans:
                continue
            problems: list[str] = []
            start = spans[0][0]
            sentence_start = max([m.end() for m in _SENTENCE_START.finditer(text, 0, start + 1)
                                  if m.end() <= start], default=0)
            lead = text[sentence_start:start]
            if lead.strip():
                first = pieces[0][:1]
                # the brief's own words before the quotation may carry the qualifier:
                # a "small but significant number" of defectors "expressed disappointment"
                before = set(words(q.block.text[max(0, q.start - 120) : q.start].lower()))
                turned = [w for w in _turning(lead) if w not in before]
                if _LEADING_GAP.match(q.text):
                    if turned:
                        problems.append(f"the cut at the start removes '{lead.strip()}'")
                elif turned or (first.isupper() and text[start : start + 1].islower()):
                    problems.append(f"'{lead.strip()}' was cut from the start without an "
                                    "ellipsis (…)")
            for (_, a), (b, _) in pairwise(spans):
                turned = _turning(text[a:b])
                if turned:
                    problems.append(f"the cut removes '{' '.join(dict.fromkeys(turned))}'")
            end = spans[-1][1]
            tail = text[end:]
            cut_at = re.search(r"[.!?]", tail)
            rest = tail[: cut_at.start()] if cut_at else tail
            if rest.strip():  # marked or not, a cut end must not drop a "not"
                turned = _turning(" ".join(words(rest)[:3]))
                if turned:
                    problems.append(f"it stops before '{' '.join(words(rest)[:3])}', which "
                                    "changes the meaning")
            for problem in problems:
                findings.append(Finding(
                    CHECK, Severity.error, f"{quote.id}: {problem}",
                    f"mark every cut with … and keep what qualifies the claim: "
                    f"“{text}”", line=q.line, section=q.block.section or None,
                    quote_id=quote.id, ids=(quote.speaker,)))
    return findings
