"""The brief's selection as plain data: what was chosen, what was not, and why (for --json
and the TUI)."""

from __future__ import annotations

from typing import Any

from .brief import Brief


def selection_report(brief: Brief) -> dict[str, Any]:
    """Inputs, frame, chosen quotes and facts with their reasons, every candidate, references."""
    return {
        "theme": brief.theme.id,
        "audience": brief.audience.id,
        "template": brief.template.id,
        "inputs": brief.inputs.model_dump(),
        "fingerprint": brief.fingerprint,
        "content_note": brief.content_note,
        "frame": brief.frame.model_dump(),
        "quotes": [
            {
                "number": q.number,
                "id": q.quote.id,
                "speaker": q.speaker.id,
                "text": q.quote.text,
                "graphic": q.graphic,
                "pinned": q.pinned,
                "references": q.references,
                "reasons": [r.text for r in q.reasons],
            }
            for q in brief.quotes
        ],
        "facts": [
            {
                "id": f.fact.id,
                "statement": f.fact.statement,
                "as_of": f.fact.as_of,
                "corroborated": f.fact.corroborated,
                "disagreeing": f.fact.disagreeing,
                "references": f.references,
                "reasons": [r.text for r in f.reasons],
            }
            for f in brief.facts
        ],
        "candidates": [
            {
                "id": c.quote.id,
                "speaker": c.speaker.id,
                "score": c.score,
                "chosen": c.chosen,
                "allowed": c.allowed,
                "fits": c.fits,
                "pinned": c.pinned,
                "excluded": c.excluded,
                "reasons": [r.text for r in c.reasons],
            }
            for c in brief.candidates
        ],
        "references": [{"number": r.number, "source": r.source.id,
                        "via": r.via.id if r.via else None, "text": r.text}
                       for r in brief.references],
    }
