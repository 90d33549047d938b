"""A yes/no question that must be answered before something is lost."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from ..delivery import close
from ..screen_keys import leaving


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True (the risky action) or False (stay)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        leaving("escape", "stay", "Stay", "confirm.stay", "Close and go back"),
    ]

    def __init__(self, question: str, yes: str, no: str = "Stay") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Grid(id="confirm"):
            yield Label(self.question, id="confirm-question")
            yield Button(self.no, id="no", variant="primary")
            yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer is the default

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        close(self, event.button.id == "yes")

    def action_stay(self) -> None:
        close(self, False)
