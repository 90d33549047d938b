"""Tone: lecturing, mocking or sarcastic phrasing in the brief's own words (warnings).

The rules live in data/style-guide.yaml (lists `lecturing` and `mocking`): phrases, and
patterns for what a phrase list cannot hold (telling the audience what it must do,
scornful questions, insults for the people drawn in, shouting). Quotations are not
searched: they are the speakers' words.
"""

from __future__ import annotations

from .context import CheckInput
from .findings import Finding
from .quotations import without_quotations
from .vocabulary import style_guide

CHECK = "tone"


def check_tone(ci: CheckInput) -> list[Finding]:
    rules = style_guide()
    findings: list[Finding] = []
    for block in ci.doc.body():
        own = without_quotations(block)
        for name in ("lecturing", "mocking"):
            rule = rules[name]
            for term, m in rule.find(own):
                findings.append(Finding(
                    CHECK, rule.severity, f"{rule.message}: '{m.group(0)}'", term.suggestion,
                    line=block.line_at(m.start()), section=block.section or None))
            for pattern, m in rule.find_patterns(own):
                findings.append(Finding(
                    CHECK, rule.severity, f"{rule.message} ({pattern.message}): "
                    f"'{m.group(0)}'", pattern.suggestion,
                    line=block.line_at(m.start()), section=block.section or None))
    return findings
