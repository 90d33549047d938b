"""Amplification: the brief must not spread the group's slogans, hashtags, media brands,
self-styled titles or links to its material (style guide: data/style-guide.yaml).

Slogans, hashtags and links are looked for everywhere, quotations included. Outlet names
and titles are looked for in the brief's own words; a title is fine when distanced: in
quotation marks, or after "so-called", "self-declared" and the like.
"""

from __future__ import annotations

import re

from .context import CheckInput
from .document import Block
from .findings import Finding, Severity
from .quotations import without_quotations
from .vocabulary import Rule, style_guide

CHECK = "amplification"
_HASHTAG = re.compile(r"(?<![\w&/#])#([A-Za-z_][\w]*)")
_URL = re.compile(r"(?:https?://|www\.)[^\s)>\]]+", re.I)
_QUOTE_MARKS = "'\"‘’“”"


def _finding(rule: Rule, block: Block, offset: int, what: str, suggestion: str) -> Finding:
    return Finding(CHECK, rule.severity, f"{rule.message}: {what}", suggestion,
                   line=block.line_at(offset), section=block.section or None)


def _distanced(text: str, start: int, end: int, distancing: list[str]) -> bool:
    before = text[max(0, start - 2) : start].strip()[-1:]
    after = text[end : end + 2].strip()[:1]
    if before and before in _QUOTE_MARKS and after and after in _QUOTE_MARKS:
        return True
    window = " ".join(text[:start].split()[-5:]).lower()
    return any(re.search(rf"\b{re.escape(d.lower())}\b", window) for d in distancing)


def check_amplification(ci: CheckInput) -> list[Finding]:
    rules = style_guide()
    findings: list[Finding] = []
    for block in ci.doc.blocks:
        text = block.text
        for m in _URL.finditer(text):
            address = m.group(0).lower()
            for term in rules["links"].terms:
                if term.phrase.lower() in address:
                    findings.append(_finding(rules["links"], block, m.start(), m.group(0),
                                             term.suggestion))
                    break
        if block.in_references:
            continue
        for term, m in rules["slogans"].find(text):
            findings.append(_finding(rules["slogans"], block, m.start(), f"'{m.group(0)}'",
                                     term.suggestion))
        listed = {t.phrase.lower().lstrip("#") for t in rules["hashtags"].terms}
        group_words = [str(w).lower() for w in rules["hashtags"].extra.get("group_words", [])]
        for m in _HASHTAG.finditer(text):
            tag = m.group(1).lower().replace("_", "")
            if tag in listed or any(w in tag for w in group_words):
                findings.append(_finding(rules["hashtags"], block, m.start(), m.group(0),
                                         rules["hashtags"].suggestion))
        own = _URL.sub(lambda u: " " * len(u.group(0)), without_quotations(block))
        for term, m in rules["media_outlets"].find(own):
            findings.append(_finding(rules["media_outlets"], block, m.start(),
                                     f"'{m.group(0)}'", term.suggestion))
        distancing = [str(d) for d in rules["titles"].extra.get("distancing", [])]
        for term, m in rules["titles"].find(own):
            if not _distanced(own, m.start(), m.end(), distancing):
                findings.append(_finding(rules["titles"], block, m.start(),
                                         f"'{m.group(0)}'", term.suggestion))
    return findings


__all__ = ["Severity", "check_amplification"]
