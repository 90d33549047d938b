"""The trainer's deck exported in process: PowerPoint and one web page, budget 1 s each.

Each figure is `build_deck` (every theme, the workshop audience) and the writer, as
`assistant train export` runs them once the corpus is loaded. Yardsticks: python-pptx
writing as many slides of plain text, and escaping the deck's text into a page.
"""

from __future__ import annotations

import io
import statistics
from datetime import UTC, datetime
from html import escape

from .timing import Metric, cpu, interleaved, ms

BUDGET_MS = 1000.0
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # the file's own date: fixed, so runs match


def metrics(runs: int) -> list[Metric]:
    from pptx import Presentation

    from assistant.corpus.loader import load_corpus
    from assistant.train import build_deck
    from assistant.train.html_export import deck_to_html
    from assistant.train.pptx_export import deck_to_pptx

    corpus = load_corpus()
    deck = build_deck(corpus)
    texts = [(s.title, " ".join(s.lines), s.notes) for s in deck.slides]

    def bare_pptx() -> None:
        shown = Presentation()
        for title, body, notes in texts:
            page = shown.slides.add_slide(shown.slide_layouts[1])
            page.shapes.title.text, page.placeholders[1].text = title, body
            page.notes_slide.notes_text_frame.text = notes
        shown.save(io.BytesIO())

    def bare_html() -> None:
        "".join(f"<section><h2>{escape(t)}</h2><p>{escape(b)}</p><aside>{escape(n)}</aside>"
                "</section>" for t, b, n in texts)

    deck_to_pptx(build_deck(corpus), now=NOW)  # imports and templates loaded: not counted
    taken = interleaved({
        "bare_pptx": lambda: cpu(bare_pptx),
        "pptx": lambda: cpu(lambda: deck_to_pptx(build_deck(corpus), now=NOW)),
        "bare_html": lambda: cpu(bare_html),
        "html": lambda: cpu(lambda: deck_to_html(build_deck(corpus))),
    }, runs)
    slides = len(deck.slides)
    return [
        Metric("deck_pptx", f"the full deck ({slides} slides) built and written as PPTX",
               ms(statistics.median(taken["pptx"])), ms(statistics.median(taken["bare_pptx"])),
               f"python-pptx, {slides} plain text slides with notes", BUDGET_MS, "ms",
               runs={k: taken[k] for k in ("pptx", "bare_pptx")}),
        Metric("deck_html", f"the full deck ({slides} slides) built and written as HTML",
               ms(statistics.median(taken["html"])), ms(statistics.median(taken["bare_html"])),
               f"escaping {slides} slides' text into a page", BUDGET_MS, "ms",
               runs={k: taken[k] for k in ("html", "bare_html")}),
    ]
