"""Choose a format, the part and a file name for the brief: the extension and the format
always agree (render/formats.py decides), the part is one of those `--part` offers, and an
existing file is replaced only when asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ...compose.parts import PART_NAMES, PARTS, Part
from ...render.formats import (
    FORMATS,
    Format,
    FormatMismatch,
    default_file_name,
    format_for_path,
)
from ..delivery import close
from ..focus import FOCUS_BINDINGS
from ..screen_keys import leaving


class FormatButton(RadioButton):
    """A radio button whose state is a character, not only a colour: ● chosen, ○ not."""

    @property
    def _button(self) -> Content:
        return Content.assemble(("(", ""), ("●" if self.value else " ", "bold"), (")", ""))


@dataclass(frozen=True)
class ExportRequest:
    """What to write and where (an absolute path; replacing it was agreed to)."""

    format: str
    path: Path
    part: Part = "all"  # what the audience reads, the team's notes, or both


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Format, part and file; the name follows the format until edited, the format
    follows the extension typed. A file that exists is replaced only after asking."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        leaving("escape", "cancel", "Cancel", "export.cancel",
                "Close without writing anything"),
    ]

    def __init__(self, template: str, theme: str, audience: str, *,
                 formats: list[str] | None = None, errors: int = 0,
                 directory: Path | None = None, status: str = "",
                 catalogue: dict[str, Format] | None = None, what: str = "brief") -> None:
        super().__init__()
        self.names = (template, theme, audience)
        self.catalogue = catalogue or FORMATS
        """The formats there are (render/formats.py): a brief's, or a deck's."""
        self.what = what
        self.has_parts = what == "brief"
        self.formats = [f for f in (formats or list(self.catalogue)) if f in self.catalogue]
        self.errors = errors
        self.directory = directory or Path(".")
        self.status = status
        """The line the file will carry (DRAFT or who approved it), when known."""
        self.format = "docx" if "docx" in self.formats else self.formats[0]
        self.part: Part = "all"
        self.formats.sort(key=lambda f: f != self.format)  # the suggested one first

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label(f"Export the {self.what}", classes="dialog-title")
            if self.status:
                yield Static(self.status, id="export-status", markup=False)
            with Horizontal(id="export-choices"):
                with RadioSet(id="format"):
                    for fmt in self.formats:
                        spec = self.catalogue[fmt]
                        yield FormatButton(f"{spec.name} ({spec.suffixes[0]})",
                                           value=fmt == self.format, name=fmt)
                if self.has_parts:  # a deck is one part: what the room sees
                    with RadioSet(id="part"):
                        for part in sorted(PARTS, key=lambda p: p != self.part):  # as formats
                            yield FormatButton(PART_NAMES[part], value=part == self.part,
                                               name=part)
            yield Label("File")
            yield Input(self._default_path(self.format), id="path")
            yield Static("", id="export-problem", markup=False)
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
        self.query_one("#export-problem").display = False

    def _default_path(self, fmt: str) -> str:
        name = default_file_name(*self.names, "md")
        return str(self.directory / Path(name).with_suffix(self.catalogue[fmt].suffixes[0]))

    def _format_of(self, path: Path) -> str | None:
        """The format an extension names, or None."""
        try:
            return format_for_path(path, None, self.catalogue)
        except FormatMismatch:
            return None

    def _problem(self, text: str) -> None:
        problem = self.query_one("#export-problem", Static)
        problem.update(text)
        problem.display = bool(text)

    @on(RadioSet.Changed, "#part")
    def _part_chosen(self, event: RadioSet.Changed) -> None:
        self.part = next((p for p in PARTS if p == event.pressed.name), self.part)

    @on(RadioSet.Changed, "#format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        old, self.format = self.format, event.pressed.name or self.format
        path = self.query_one("#path", Input)
        if path.value == self._default_path(old):
            path.value = self._default_path(self.format)
            return
        typed = Path(path.value)
        if typed.suffix and self._format_of(typed) not in (None, self.format):
            path.value = str(typed.with_suffix(self.catalogue[self.format].suffixes[0]))

    @on(Input.Changed, "#path")
    def _path_typed(self, event: Input.Changed) -> None:
        self._problem("")
        fmt = self._format_of(Path(event.value))
        if fmt in self.formats and fmt != self.format:  # the extension decides the format
            self.format = fmt
            for button in self.query_one("#format", RadioSet).query(FormatButton):
                if button.name == fmt:
                    button.value = True

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export-button")
    def _export(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self._problem("Give a file name to write to.")
            return
        path = Path(value).expanduser()
        if not path.suffix:
            path = path.with_name(path.name + self.catalogue[self.format].suffixes[0])
        try:
            fmt = format_for_path(path, None, self.catalogue)  # the extension decides
        except FormatMismatch as exc:
            self._problem(f"Not written: {exc}.")
            return
        if fmt not in self.formats:
            offered = ", ".join(self.catalogue[f].suffixes[0] for f in self.formats)
            self._problem(f"Not written: {self.catalogue[fmt].name} cannot be written from here; "
                          f"name the file {offered}.")
            return
        path = path.resolve()
        if path.is_dir():
            self._problem(f"Not written: {path} is a folder; give a file name.")
            return
        request = ExportRequest(fmt, path, self.part)
        if not path.exists():
            close(self, request)
            return
        from .confirm import ConfirmDialog

        def answered(replace: bool | None) -> None:
            if replace:
                close(self, request)

        self.app.push_screen(ConfirmDialog(f"{path} already exists.\nReplace it?",
                                           yes="Replace it", no="Keep it"), answered)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        close(self, None)
