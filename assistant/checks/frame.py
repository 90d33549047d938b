"""Campaign frame (GAMMMA+): Goal, Audience, Message, Messenger, Media, Action and
Monitoring are all filled in before a brief goes for review.

From a Brief the frame is read from the model. From a hand-edited Markdown file it is
read from labelled lines: `**Goal:** ...`, `- Goal: ...` or a table row `| Goal | ... |`.
"""

from __future__ import annotations

import re

from ..compose.brief import FRAME_FIELDS
from .context import CheckInput
from .document import Document
from .findings import Finding, Severity

CHECK = "campaign-frame"
LABELS: dict[str, tuple[str, ...]] = {
    "goal": ("goal", "goals", "aim"),
    "audience": ("audience", "target audience"),
    "message": ("message", "key message", "core message"),
    "messenger": ("messenger", "messengers"),
    "media": ("media", "channel", "channels", "media and channels"),
    "action": ("action", "call to action", "call-to-action"),
    "monitoring": ("monitoring", "monitor", "evaluation", "monitoring and evaluation",
                   "monitoring & evaluation", "measure", "measuring success"),
}
_LABEL_TO_FIELD = {label: name for name, labels in LABELS.items() for label in labels}
_ALTERNATION = "|".join(sorted((re.escape(k) for k in _LABEL_TO_FIELD), key=len, reverse=True))
_LINE = re.compile(
    rf"^[*_\s]*({_ALTERNATION})\b(?:\s*\([^)]*\))?[*_\s]*[:：—–-][*_\s]*(.*)$", re.I)
_ROW = re.compile(rf"^\|\s*[*_]*({_ALTERNATION})\b(?:\s*\([^)]*\))?[*_]*\s*\|\s*(.*?)\s*\|?\s*$",
                  re.I)


def frame_from_markdown(doc: Document) -> dict[str, tuple[str, int]]:
    """Frame fields found in the text: field -> (value, line)."""
    found: dict[str, tuple[str, int]] = {}
    for block in doc.body():
        if block.kind == "heading":
            continue
        m = (_ROW if block.kind == "table" else _LINE).match(block.text)
        if m:
            name = _LABEL_TO_FIELD[m.group(1).lower()]
            value = m.group(2).strip(" *_|")
            if name not in found or (not found[name][0] and value):
                found[name] = (value, block.line)
    return found


def check_frame(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    if ci.frame is not None:
        for name in ci.frame.missing():
            findings.append(Finding(CHECK, Severity.error,
                                    f"the campaign frame's '{name}' is empty",
                                    f"fill in {name} before submitting for review",
                                    section="campaign frame"))
        return findings
    found: dict[str, tuple[str, int | None]] = dict(frame_from_markdown(ci.doc))
    if not found:
        return [Finding(CHECK, Severity.warning, "no campaign frame found in the brief",
                        "add labelled lines: " + ", ".join(f.capitalize() for f in FRAME_FIELDS))]
    for name in FRAME_FIELDS:
        value, line = found.get(name, ("", None))
        if not value:
            findings.append(Finding(CHECK, Severity.error,
                                    f"the campaign frame's '{name}' is "
                                    + ("empty" if line else "missing"),
                                    f"fill in {name} before submitting for review",
                                    line=line, section="campaign frame"))
    return findings
