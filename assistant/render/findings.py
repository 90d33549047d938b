"""The summary of the check findings that closes the team notes of an export.

The checks run on the brief before it is exported (the CLI, the app and the review layer
each call the checks library); the export only lays out what they found: how many of
each severity, and each error and warning once. Never in the audience's part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..compose.parts import FINDINGS_HEADING
from .inline import inline, typeset

if TYPE_CHECKING:
    from ..checks.findings import Finding

LISTED = ("error", "warning")
"""Severities whose messages are listed; info findings are only counted."""
_WORDS = {"error": ("error", "errors"), "warning": ("warning", "warnings"),
          "info": ("note", "notes")}


def findings_markdown(findings: Sequence[Finding]) -> str:
    """The `FINDINGS_HEADING` section: counts by severity, then each error and warning
    message once, errors first."""
    counts = {s: sum(1 for f in findings if f.severity.value == s) for s in _WORDS}
    if not findings:
        return f"## {FINDINGS_HEADING}\n\nThe checks found nothing to correct in this brief.\n"
    told = [f"{n} {_WORDS[s][n != 1]}" for s, n in counts.items() if n]
    said = told[0] if len(told) == 1 else ", ".join(told[:-1]) + " and " + told[-1]
    lines = [f"## {FINDINGS_HEADING}", "", f"The checks found {said} in this brief.", ""]
    for severity in LISTED:
        messages = dict.fromkeys(f.message for f in findings if f.severity.value == severity)
        lines += [f"- **{severity.capitalize()}:** {typeset(inline(m))}" for m in messages]
    return "\n".join(lines).rstrip() + "\n"
