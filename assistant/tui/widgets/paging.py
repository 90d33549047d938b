"""Page Up and Page Down on a list that has not been laid out yet do nothing.

Textual's OptionList (and the command palette's list, built on it) looks up the lines
of its options to page, and raises KeyError when a key arrives before those lines
exist: just after the list was filled, or while it is hidden. A key pressed a moment
too early must not end the app."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList


class PagedOptionList(OptionList):
    """An OptionList whose paging keys wait for its lines (see the module's note)."""

    def action_page_up(self) -> None:
        with suppress(KeyError):  # not laid out yet: nothing to page through
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        with suppress(KeyError):
            super().action_page_down()  # type: ignore[no-untyped-call]


class SafeCommandPalette(CommandPalette):
    """The command palette, with the same guard on its list's paging keys, and its
    search stopped before it closes (a search still running when Enter closed it would
    look for its list after the list was gone)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "page(-1)", "Previous page", show=False, id="palette.page-up",
                tooltip="Up a page through the commands"),
        Binding("pagedown", "page(1)", "Next page", show=False, id="palette.page-down",
                tooltip="Down a page through the commands"),
    ]

    def dismiss(self, result: None = None) -> AwaitComplete:
        self.workers.cancel_node(self)
        return super().dismiss(result)

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        with suppress(KeyError):
            if direction < 0:
                commands.action_page_up()  # type: ignore[no-untyped-call]
            else:
                commands.action_page_down()  # type: ignore[no-untyped-call]
