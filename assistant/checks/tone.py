"""Tone: insults (errors), lecturing and mocking (warnings) in the brief's own words.

The rules live in data/style-guide.yaml (lists `insults`, `lecturing`, `mocking`): a few
words, and patterns over word classes for what a phrase list cannot hold. The line
between error and warning: words that pass judgement on people (an insult, a derogatory
word for them, shaming them) drive the audience away and shame the defectors whose words
the brief relies on, so they block; manner alone (telling the audience what to do,
sarcasm, shouting) is a warning a reviewer may accept. Quotations are not searched: they
are the speakers' words.
"""

from __future__ import annotations

import re

from .context import CheckInput
from .findings import Finding
from .quotations import without_quotations
from .spans import Spans
from .vocabulary import any_of, style_guide

CHECK = "tone"
# A caution names the words it warns against ("Do not call them idiots"): it mentions
# them, it does not use them.
_CAUTION = re.compile(r"(?:^|(?<=[.!?;:]\s))\s*(?:-\s+)?(?:do not|don[’']t|never|avoid|no)\s+"
                      r"(?:call(?:ing)?|describ(?:e|ing)|label(?:l?ing)?|refer(?:ring)?\s+to|"
                      r"us(?:e|ing)|say(?:ing)?|writ(?:e|ing)|mock(?:ing)?)\b[^.!?;]*", re.I)


def check_tone(ci: CheckInput) -> list[Finding]:
    rules = style_guide()
    findings: list[Finding] = []
    screen = ci.own_screen
    # the lists that can match anywhere in the brief, in order: most briefs hold few
    live = [rules[n] for n in ("insults", "lecturing", "mocking")
            if screen.may_contain(rules[n].phrases) or any(screen.patterns(rules[n]))]
    # only the blocks where one of them may match: a look at the document, not each block
    held = any_of(*(screen.holding(r.phrases) if r.terms else frozenset() for r in live),
                  *(screen.pattern_holding(r) for r in live if r.patterns))
    for block in ci.doc.body_among(held) if live else ():
        own = without_quotations(block)
        kept: Spans | None = None  # places taken, found when first needed
        for rule in live:
            hits = [(m, f"{rule.message}: '{m.group(0)}'", term.suggestion)
                    for term, m in rule.find(own, screen)]
            hits += [(m, f"{rule.message} ({pattern.message}): '{m.group(0)}'",
                      pattern.suggestion) for pattern, m in rule.find_patterns(own, screen)]
            if not hits:
                continue
            if kept is None:  # one finding per place, the most serious first; cautions
                kept = Spans(m.span() for m in _CAUTION.finditer(own))  # are not uses
            for m, message, suggestion in sorted(hits, key=lambda h: (h[0].start(),
                                                                      -len(h[0].group(0)))):
                if kept.overlaps(m.start(), m.end()):
                    continue
                kept.add(m.start(), m.end())
                findings.append(Finding(CHECK, rule.severity, message, suggestion,
                                        line=block.line_at(m.start()),
                                        section=block.section or None))
    return findings
