"""F1: what the focused panel is for, and every key that works there now."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Markdown

from ..delivery import close
from ..screen_keys import leaving

GENERAL = """\
## counterbrief

Pick a **theme** and an **audience**; the brief is rebuilt and checked as you go.
Tab moves between fields and panels, F4 to the next of Testimony, Frame and Findings,
F5 gives the whole screen to the panel you are in; the footer shows the keys that
matter where you are, after Quit, Help and Reviews (click one to press it).
Keys can be changed in `config.yaml` (see the README); the first column below is the
name to use there.
"""


class HelpDialog(ModalScreen[None]):
    """Help text for a panel and a table of key, action, explanation and binding id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        leaving("escape,f1,q", "close", "Close", "help.close", "Close the help"),
    ]

    def __init__(self, text: str, keys: list[tuple[str, str, str, str]]) -> None:
        super().__init__()
        self.text = text
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Markdown(self.text or GENERAL)
            yield Label("Keys", classes="dialog-title")
            table: DataTable[str] = DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            table.add_columns("Binding id", "Key", "Does", "Why")
            table.add_rows(self.keys)
            yield table
            yield Label("Escape closes this help.", classes="hint")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        close(self, None)
