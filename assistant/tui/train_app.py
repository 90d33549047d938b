"""`assistant train`: the app opened straight into trainer mode."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..train.deck import Deck
from .screens.train import TrainScreen
from .terminal import TerminalApp


class TrainApp(TerminalApp[None]):
    TITLE = "counterbrief: trainer mode"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="train-app.quit", priority=True, tooltip="Quit"),
    ]

    def __init__(self, corpus_dir: Path, templates_dir: Path, themes: list[str] | None,
                 audience: str | None, deck: Deck | None = None) -> None:
        super().__init__()
        self.corpus_dir, self.templates_dir = corpus_dir, templates_dir
        self.themes, self.audience, self.deck = themes, audience, deck

    def get_default_screen(self) -> Screen[None]:
        return TrainScreen(self.corpus_dir, self.templates_dir, themes=self.themes,
                           audience=self.audience, deck=self.deck)
