"""Counts a curator looks at: what each theme has to work with, and which figures conflict."""

from __future__ import annotations

from typing import Any

from .loader import Corpus
from .models import Quote


def _defector_voices(corpus: Corpus, quotes: list[Quote]) -> list[dict[str, Any]]:
    """People who left, quoted on a theme: who (as the sources describe them) and how often."""
    counts: dict[str, int] = {}
    for q in quotes:
        speaker = corpus.speakers.get(q.speaker)
        if speaker is not None and speaker.role.value == "defector":
            counts[speaker.id] = counts.get(speaker.id, 0) + 1
    return [{"speaker": sid, "label": corpus.speakers[sid].label, "quotes": n}
            for sid, n in counts.items()]


def corpus_stats(corpus: Corpus) -> dict[str, Any]:
    themes = []
    for theme in corpus.themes.values():
        quotes = corpus.quotes_for(theme.id)
        themes.append(
            {
                "id": theme.id,
                "title": theme.title,
                "quotes": len(quotes),
                "speakers": len({q.speaker for q in quotes}),
                "sources": len({c.source for q in quotes for c in q.sources}),
                "graphic_quotes": sum(q.graphic for q in quotes),
                "facts": len(theme.related_facts),
                "defector_quotes": sum(corpus.speakers[q.speaker].role.value == "defector"
                                       for q in quotes if q.speaker in corpus.speakers),
                "defector_voices": _defector_voices(corpus, quotes),
            }
        )
    conflicts = [
        {
            "id": fact.id,
            "statement": fact.statement,
            "figures": {fs.source: fs.figure for fs in fact.sources},
            "note": fact.conflict_note,
        }
        for fact in corpus.facts.values()
        if fact.disagreeing
    ]
    return {
        "fingerprint": corpus.fingerprint,
        "totals": {kind: len(corpus.table(kind)) for kind in
                   ("quotes", "speakers", "sources", "facts", "themes", "audiences")},
        "themes": themes,
        "conflicts": conflicts,
    }
