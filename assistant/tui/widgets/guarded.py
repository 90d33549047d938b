"""Textual widgets guarded against keys that arrive at the wrong moment.

Page Up and Page Down on a list that has not been laid out yet do nothing: Textual's
OptionList (and the command palette's list, built on it) looks up the lines
of its options to page, and raises KeyError when a key arrives before those lines
exist: just after the list was filled, or while it is hidden. A key pressed a moment
too early must not end the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from textual import work
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.widgets import OptionList, Select

# The header is one widget now, with no title child to miss; importable from here still.
from .app_header import AppHeader as AppHeader


def _ignoring_key_error(action: Callable[[], object]) -> Callable[[], None]:
    def guarded() -> None:
        with suppress(KeyError):  # not laid out yet: nothing to page through
            action()
    return guarded


class PagedOptionList(OptionList):
    """An OptionList whose paging keys wait for its lines (see the module's note)."""

    def action_page_up(self) -> None:
        with suppress(KeyError):  # not laid out yet: nothing to page through
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        with suppress(KeyError):
            super().action_page_down()  # type: ignore[no-untyped-call]


class SafeCommandPalette(CommandPalette):
    """The command palette (every one the app opens: commands, colours), with the same
    guard on its list's paging keys, its search stopped before it closes, and closing
    only itself (two quick Enters choose twice, and the second closed whatever screen
    was under it).

    Textual 8.2.8's palette finds its list by query, in its search worker and in its key
    actions. A search still running, or a key still queued, when the palette was taken
    down (Escape, Enter, or F3 leaving for the review queue) looked for the list after it
    was gone, and the NoMatches ended the app. Here that only happens while the palette
    is still the screen on top, where a missing list would be a real fault."""

    closing = False
    """True once asked to close (it stays on top until Textual has taken it down)."""

    def dismiss(self, result: None = None) -> AwaitComplete:
        self.workers.cancel_node(self)
        self.closing = True
        if not self.is_active:  # closed already: a second Enter would close the screen below
            return AwaitComplete()
        return super().dismiss(result)

    @contextmanager
    def _unless_closing(self) -> Iterator[None]:
        try:
            yield
        except NoMatches:
            if self.is_active and self.is_attached:
                raise

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        with self._unless_closing():
            await CommandPalette._gather_commands.__wrapped__(  # type: ignore[attr-defined]
                self, search_value)

    def _action_command_list(self, action: str) -> None:
        # The palette's own paging keys name this action (Textual's, overridden only to
        # add the guards: there is no public hook for it).
        with suppress(KeyError), self._unless_closing():
            super()._action_command_list(action)

    def _action_cursor_down(self) -> None:
        with self._unless_closing():
            super()._action_cursor_down()

    def _action_escape(self) -> None:
        with self._unless_closing():
            super()._action_escape()


class GuardedSelect(Select[Any]):
    """A Select that ignores Enter while its screen is being taken down (Textual's own
    looks for its parts, already removed, and raises), and whose drop-down pages safely."""

    def on_mount(self) -> None:
        self._guard_paging()

    def _guard_paging(self, tries: int = 20) -> None:
        # Textual 8.2.8's drop-down pages through lines it only has once it has been
        # opened and laid out: its paging keys get the guard (on the instance, as the
        # drop-down's class is private to Textual).
        try:
            overlay = self.query_one("SelectOverlay", OptionList)
        except NoMatches:
            # Not there at this moment (seen with keys switching tabs as a draft
            # opened, on a busy machine): look again after the next refresh.
            if tries and self.is_attached:
                self.call_after_refresh(self._guard_paging, tries - 1)
            return
        for name in ("action_page_up", "action_page_down"):
            setattr(overlay, name, _ignoring_key_error(getattr(overlay, name)))

    def action_show_overlay(self) -> None:
        with suppress(NoMatches):
            super().action_show_overlay()
