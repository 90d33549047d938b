"""Choose a format and a file name for the brief."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

FORMATS = {"docx": "Word (.docx)", "md": "Markdown (.md)", "html": "Web page (.html)"}


class FormatButton(RadioButton):
    """A radio button whose state is a character, not only a colour: ● chosen, ○ not."""

    @property
    def _button(self) -> Content:
        return Content.assemble(("(", ""), ("●" if self.value else " ", "bold"), (")", ""))


@dataclass(frozen=True)
class ExportRequest:
    """What to write and where."""

    format: str
    path: Path


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Format (Word, Markdown, HTML) and path; the path follows the format until edited."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel",
                tooltip="Close without writing anything"),
    ]

    def __init__(self, stem: str, errors: int = 0, directory: Path | None = None) -> None:
        super().__init__()
        self.stem = stem
        self.errors = errors
        self.directory = directory or Path(".")
        self.format = "docx"

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label("Export the brief", classes="dialog-title")
            with RadioSet(id="format"):
                for fmt, label in FORMATS.items():
                    yield FormatButton(label, value=fmt == self.format, name=fmt)
            yield Label("File")
            yield Input(self._default_path(), id="path")
            if self.errors:
                yield Label(f"Note: the checks found {self.errors} error"
                            f"{'s' * (self.errors != 1)}; a reviewer will refuse it as it is.",
                            id="export-warning")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="export-button", variant="primary")

    def on_mount(self) -> None:
        # Enter exports straight away with the suggested name; typing edits it.
        self.query_one("#path", Input).focus()

    def _default_path(self) -> str:
        return str(self.directory / f"{self.stem}.{self.format}")

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#path", Input)
        following = path.value == self._default_path()
        self.format = event.pressed.name or "docx"
        if following:  # only replace a name the user has not typed themselves
            path.value = self._default_path()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export-button")
    def _export(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.notify("Give a file name to write to.", severity="warning")
            return
        path = Path(value).expanduser()
        if not path.suffix:
            path = path.with_suffix(f".{self.format}")
        self.dismiss(ExportRequest(self.format, path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
