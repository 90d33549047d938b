"""Fidelity: every quotation in the brief is verbatim in the corpus."""

from __future__ import annotations

from .context import CheckInput
from .findings import Finding, Severity
from .matching import Status
from .quotations import collapse, typographic

CHECK = "fidelity"


def _typography_kind(mine: str, theirs: str) -> str:
    kinds = []
    if any(c in mine + theirs for c in "“”\"‘’'"):
        kinds.append("quote marks or apostrophes")
    if any(c in mine + theirs for c in "–—―-"):
        kinds.append("dashes")
    if "…" in mine + theirs or "..." in mine + theirs:
        kinds.append("ellipses")
    return " or ".join(kinds) or "spacing"


def check_fidelity(ci: CheckInput) -> list[Finding]:
    """Altered or unknown quotations are errors; typographic differences are info."""
    findings: list[Finding] = []
    for m in ci.matches:
        q = m.quotation
        line, section = q.line, q.block.section or None
        if m.status is Status.typographic and m.quotes:
            quote = m.quotes[0]
            findings.append(Finding(
                CHECK, Severity.info,
                f"{quote.id}: differs from the corpus only in typography "
                f"({_typography_kind(q.text, quote.text)})",
                f"copy it exactly: “{collapse(quote.text)}”",
                quote_id=quote.id, line=line, section=section))
        elif m.status is Status.altered and m.quotes:
            quote = m.quotes[0]
            shown = m.changes[:3] + ([f"and {len(m.changes) - 3} more"]
                                     if len(m.changes) > 3 else [])
            findings.append(Finding(
                CHECK, Severity.error, f"{quote.id}: " + "; ".join(shown),
                f"quote it word for word, marking omissions with … and insertions with "
                f"[brackets]: “{collapse(quote.text)}”",
                quote_id=quote.id, line=line, section=section))
        elif m.status is Status.unmatched:
            near = f"; the nearest is {m.nearest.id}" if m.nearest else ""
            findings.append(Finding(
                CHECK, Severity.error,
                f"quotation “{q.preview()}” matches nothing in the corpus{near}",
                "quote only what the corpus holds, or drop the quotation marks if these "
                "are your own words",
                quote_id=m.nearest.id if m.nearest else None, line=line,
                section=section))
    return findings


__all__ = ["check_fidelity", "typographic"]
