"""Counts a curator looks at: what each theme has to work with, and which figures conflict."""

from __future__ import annotations

from typing import Any

from .loader import Corpus


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
