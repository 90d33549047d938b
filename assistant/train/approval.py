"""An approved deck: the approval mark on every slide instead of DRAFT, and a last slide
that names who approved it, their role, the date, the version and their comment."""

from __future__ import annotations

from ..render.approval import Approval
from .deck import Deck, Slide, SlideKind


def approved(deck: Deck, approval: Approval) -> Deck:
    """`deck` as its approved export shows it. The slides the reviewer saw are unchanged."""
    last = deck.slides[-1].section if deck.slides else 0
    rows = [f"{label}: {value}" for label, value in approval.block()]
    slide = Slide(kind=SlideKind.approval, title="Approval", section=last, lines=tuple(rows),
                  notes="This deck was approved through the review workflow in exactly this "
                        "form. " + approval.mark() + ".")
    return Deck(title=deck.title, subtitle=deck.subtitle, status=approval.mark(),
                sections=deck.sections, slides=(*deck.slides, slide),
                references=deck.references, keys=deck.keys)
