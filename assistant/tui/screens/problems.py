"""Shown instead of the compose screen when the corpus or templates cannot be loaded."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..screen_keys import leaving
from ..widgets.app_footer import AppFooter
from ..widgets.guarded import AppHeader

SHOWN = 200
"""Problems listed on screen; `assistant corpus validate` prints them all."""


class ProblemsScreen(Screen[None]):
    """Every problem, one per line as `file:line: message`, and what to do next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        leaving("q,escape", "app.quit", "Quit", "problems.quit",
                "Leave the app to fix the files"),
    ]

    def __init__(self, title: str, problems: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(f"[b]{self.title_text}[/b]\n\nNothing can be composed until these are "
                     "fixed. Run [b]assistant corpus validate[/b] to see them again.",
                     id="problems-title")
        with VerticalScroll(id="problems-list"):
            shown = self.problems[:SHOWN]
            more = len(self.problems) - len(shown)
            text = "\n".join(shown) + (f"\n… and {more} more" if more else "")
            yield Static(text, markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#problems-list").focus()
