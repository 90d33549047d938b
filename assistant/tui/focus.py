"""Tab and Shift+Tab for screens with text fields.

Textual hands a key to the focused widget first and acts on Tab only once the key has
bubbled back up to the app; keys typed right after Tab are handed out meanwhile, to the
field Tab is about to leave. As priority bindings, Tab and Shift+Tab move the focus
before the next key is handed on, so every key lands where the cursor is.
"""

from __future__ import annotations

from textual.binding import Binding

FOCUS_BINDINGS = [
    Binding("tab", "app.focus_next", "Next field", id="focus.next", show=False,
            priority=True, tooltip="Move to the next field or panel"),
    Binding("shift+tab", "app.focus_previous", "Previous field", id="focus.previous",
            show=False, priority=True, tooltip="Move to the previous field or panel"),
]
