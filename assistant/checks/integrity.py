"""Review integrity: what the brief says about its own review is true.

- An "Approved by …" line in a version that is not the approved one is an error: it
  survives an export, edit and save round trip and would tell readers that a reviewer
  saw text no reviewer saw. The review layer says whether the version is the approved
  one (`approved`); without it, a brief is not approved.
- A brief without a single quotation is a warning (an error under --strict): the
  defectors' own words are the point of a brief.
"""

from __future__ import annotations

import re

from .context import CheckInput
from .findings import Finding, Severity
from .matching import Status

CHECK = "review-integrity"
APPROVED_LINE = re.compile(r"^[\s*_>#]*approved\s+by\b", re.I)


def check_integrity(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    if not ci.approved:
        for block in ci.doc.blocks:
            if APPROVED_LINE.match(block.text):
                findings.append(Finding(
                    CHECK, Severity.error,
                    "says it was approved, but this version is not the approved one: "
                    f"'{' '.join(block.text.split()[:12]).strip('*_ ')}'",
                    "remove the line; an export of the approved version prints it",
                    line=block.line, section=block.section or None))
    # a report's title or a figure's words in quotation marks quote no one
    if not any(m.quotation.checked and m.status is not Status.other_text
               for m in ci.matches):
        findings.append(Finding(
            CHECK, Severity.error if ci.strict else Severity.warning,
            "the brief quotes no one: it has no quotation",
            "add at least one defector's words, verbatim and cited"))
    return findings
