"""A deck as the text a review draft stores: every slide, word for word, as JSON.

What a reviewer approves is this text (its SHA-256), and what an export writes is read
back from it, never rebuilt from the corpus: a corpus that changes later cannot change an
approved deck. The themes and audience it was built for travel with it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from .deck import Chart, ChartBar, Deck, Slide, SlideKind, Voice

MARKER = "counterbrief trainer's deck"
FORMAT = 1


class DeckTextError(ValueError):
    """Stored text that is not a deck this counterbrief can read (says which part)."""


@dataclass(frozen=True)
class StoredDeck:
    deck: Deck
    themes: tuple[str, ...]  # the theme ids asked for ((): every theme)
    audience: str


def deck_text(deck: Deck, themes: tuple[str, ...] | list[str], audience: str) -> str:
    """The text to store: stable key order and layout, so equal decks hash alike."""
    document = {"kind": MARKER, "format": FORMAT, "themes": list(themes),
                "audience": audience, "deck": dataclasses.asdict(deck)}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def read_deck(text: str) -> StoredDeck:
    """The deck stored as `text`; DeckTextError naming what is wrong otherwise."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise DeckTextError(f"the stored text is not a deck (not JSON: {exc})") from None
    if not isinstance(document, dict) or document.get("kind") != MARKER:
        raise DeckTextError("the stored text is not a trainer's deck")
    if document.get("format") != FORMAT:
        raise DeckTextError(f"the deck is in format {document.get('format')!r}; this "
                            f"counterbrief reads format {FORMAT}")
    try:
        raw = document["deck"]
        deck = Deck(
            title=str(raw["title"]), subtitle=str(raw["subtitle"]), status=str(raw["status"]),
            sections=tuple(str(s) for s in raw["sections"]),
            slides=tuple(_slide(s) for s in raw["slides"]),
            references=tuple((int(n), str(t)) for n, t in raw["references"]),
            keys=tuple(str(k) for k in raw["keys"]))
        themes = tuple(str(t) for t in document["themes"])
        audience = str(document["audience"])
    except KeyError as exc:
        raise DeckTextError(f"the stored deck is damaged: it has no {exc}") from None
    except (TypeError, ValueError) as exc:
        raise DeckTextError(f"the stored deck is damaged: {exc}") from None
    return StoredDeck(deck, themes, audience)


def _slide(raw: dict[str, Any]) -> Slide:
    chart, voice = raw.get("chart"), raw.get("voice")
    return Slide(
        kind=SlideKind(raw["kind"]), title=str(raw["title"]), section=int(raw["section"]),
        lines=tuple(str(line) for line in raw["lines"]), notes=str(raw["notes"]),
        chart=_chart(chart) if chart is not None else None,
        voice=_voice(voice) if voice is not None else None,
        skip_to=int(raw["skip_to"]) if raw.get("skip_to") is not None else None)


def _chart(raw: dict[str, Any]) -> Chart:
    return Chart(
        title=str(raw["title"]), kind=str(raw["kind"]),
        bars=tuple(ChartBar(label=str(b["label"]), value=float(b["value"]),
                            fact=str(b["fact"]), given_by=str(b["given_by"]))
                   for b in raw["bars"]),
        unit=str(raw["unit"]), whole=float(raw["whole"]) if raw["whole"] is not None else None,
        source_line=str(raw["source_line"]), note=str(raw["note"]))


def _voice(raw: dict[str, Any]) -> Voice:
    return Voice(text=str(raw["text"]), attribution=str(raw["attribution"]),
                 references=tuple(int(n) for n in raw["references"]),
                 graphic=bool(raw["graphic"]), context=str(raw["context"]),
                 quote_id=str(raw["quote_id"]))


def outline(deck: Deck) -> str:
    """The deck as a reviewer reads it in a terminal: each slide's title and words."""
    from .text import attribution, bullet_lines, clean, quotation

    out = [clean(deck.title), clean(deck.subtitle), ""]
    for number, slide in enumerate(deck.slides, start=1):
        out.append(f"{number}. [{slide.kind.value}] {clean(slide.title)}")
        if slide.chart is not None:
            out.append(f"   {clean(slide.chart.alt_text())}")
            out.append(f"   {clean(slide.chart.source_line)}")
        if slide.voice is not None:
            out.append(f"   {quotation(slide.voice)}")
            out.append(f"   {attribution(slide.voice)}")
        out += [f"   {line}" for line in bullet_lines(slide)]
    return "\n".join(out) + "\n"
