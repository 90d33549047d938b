"""The footer, with the keys that work everywhere (Help, Reviews, Quit) first, so a
narrow terminal or a panel with many keys never pushes them out of sight."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer


class AppFooter(Footer):
    """Footer keys: the app's own first, then the screen's and the focused panel's."""

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        app_actions = {b.action for b in type(self.app).BINDINGS
                       if isinstance(b, Binding) and b.show}
        # Stable: within each half the keys keep Textual's order.
        keys.sort(key=lambda widget: getattr(widget, "action", None) not in app_actions)
        yield from keys
