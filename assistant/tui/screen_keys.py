"""Keys that open or close a screen act before the next key is handed on.

Textual hands a key to the focused widget first and runs a screen's (or the app's)
binding for it only once the key has bubbled back up to the app. Keys typed meanwhile
are handed out first, to the screen still on top: letters typed right after Escape went
to the review queue about to close instead of the Goal field under it, and F3 then
Escape in a burst left the queue open. As priority bindings, the keys that open and
close screens change the screen at once, so the keys after them reach the screen they
lead to (focus.py does the same for Tab).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Select

LEAVING: set[str] = set()
"""The ids of the bindings made by `leaving`: priority bindings, but each only on its own
screen, so their keys are free for other screens (keys.check_keymap)."""


def leaving(keys: str, action: str, description: str, binding_id: str, tooltip: str) -> Binding:
    """The binding that closes a screen or dialog (Escape, usually)."""
    LEAVING.add(binding_id)
    return Binding(keys, action, description, id=binding_id, tooltip=tooltip, priority=True)


def drop_down_open(screen: Screen[Any]) -> bool:
    """Whether a drop-down list is open on `screen`: Escape then closes the list only."""
    return any(select.expanded for select in screen.query(Select))
