"""The trainer's deck: the four narratives walked through slide by slide, built from the
corpus (charts from its facts, voices chosen under the workshop audience's rules), and
written to PowerPoint or a self-contained web page."""

from .build import build_deck
from .deck import Chart, ChartBar, Deck, Slide, SlideKind, Voice

__all__ = ["Chart", "ChartBar", "Deck", "Slide", "SlideKind", "Voice", "build_deck"]
