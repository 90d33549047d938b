"""The brief's selection as plain data: what was chosen, what was not, and why (for --json
and the TUI)."""

from __future__ import annotations

from typing import Any

from .brief import Brief


def selection_report(brief: Brief) -> dict[str, Any]:
    """Inputs, notices, frame, chosen quotes (with each speaker's role) and facts with their
    reasons, every candidate, posts, references."""
    return {
        "theme": brief.theme.id,
        "audience": brief.audience.id,
        "template": brief.template.id,
        "inputs": brief.inputs.model_dump(),
        "fingerprint": brief.fingerprint,
        "content_note": brief.content_note,
        "about": brief.about,
        "notices": [n.model_dump() for n in brief.notices],
        "frame": brief.frame.model_dump(),
        "quotes": [
            {
                "number": q.number,
                "id": q.quote.id,
                "speaker": q.speaker.id,
                "role": q.speaker.role.value,
                "part_of": q.part_of,
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
                "pinned": f.pinned,
                "text": f.text,
                "references": f.references,
                "reasons": [r.text for r in f.reasons],
            }
            for f in brief.facts
        ],
        "considered": brief.considered,
        "candidates": [
            {
                "id": c.quote.id,
                "speaker": c.speaker.id,
                "role": c.speaker.role.value,
                "remark": c.remark,
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
        "posts": [{"number": p.number, "text": p.text, "characters": len(p.text),
                   "quotes": p.quotes} for p in brief.posts],
        "references": [{"number": r.number, "source": r.source.id,
                        "via": r.via.id if r.via else None, "text": r.text}
                       for r in brief.references],
    }
