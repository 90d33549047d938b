"""An approved deck: the approval mark on every slide instead of DRAFT, and a last slide
that names who approved it, their role, the date, the version and their comment."""

from __future__ import annotations

from ..render.approval import Approval
from .deck import Deck, Slide, SlideKind


def approved(deck: Deck, approval: Approval) -> Deck:
    """`deck` as its approved export shows it. The slides the reviewer saw are unchanged."""
    rows = [f"{label}: {value}" for label, value in approval.block()]
    # A section of its own, so its footer says "Approval", not the sources it follows.
    section = len(deck.sections)
    slide = Slide(kind=SlideKind.approval, title="Approval", section=section, lines=tuple(rows),
                  notes="This deck was approved through the review workflow in exactly this "
                        "form. " + approval.mark() + ".")
    return Deck(title=deck.title, subtitle=deck.subtitle, status=approval.mark(),
                sections=(*deck.sections, "Approval"), slides=(*deck.slides, slide),
                references=deck.references,
                keys=(*deck.keys, "") if len(deck.keys) == section else deck.keys)
