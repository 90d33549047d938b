"""Textual widgets guarded against keys that arrive at the wrong moment.

Page Up and Page Down on a list that has not been laid out yet do nothing: Textual's
OptionList (and the command palette's list, built on it) looks up the lines
of its options to page, and raises KeyError when a key arrives before those lines
exist: just after the list was filled, or while it is hidden. A key pressed a moment
too early must not end the app."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.widgets import OptionList, Select


class PagedOptionList(OptionList):
    """An OptionList whose paging keys wait for its lines (see the module's note)."""

    def action_page_up(self) -> None:
        with suppress(KeyError):  # not laid out yet: nothing to page through
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        with suppress(KeyError):
            super().action_page_down()  # type: ignore[no-untyped-call]


class SafeCommandPalette(CommandPalette):
    """The command palette, with the same guard on its list's paging keys, its search
    stopped before it closes (a search still running when Enter closed it would look for
    its list after the list was gone), and closing only itself (two quick Enters choose
    twice, and the second closed whatever screen was under it)."""

    def dismiss(self, result: None = None) -> AwaitComplete:
        self.workers.cancel_node(self)
        if not self.is_active:  # closed already: a second Enter would close the screen below
            return AwaitComplete()
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        # The palette's own paging keys name this action (Textual's, overridden only to
        # add the guard: there is no public hook for it).
        with suppress(KeyError):
            super()._action_command_list(action)


class GuardedSelect(Select[Any]):
    """A Select that ignores Enter while its screen is being taken down (Textual's own
    looks for its parts, already removed, and raises)."""

    def action_show_overlay(self) -> None:
        with suppress(NoMatches):
            super().action_show_overlay()
