"""The GAMMMA+ campaign frame: seven fields, prefilled from the brief, editable."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import events, on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import TabbedContent, TabPane, TextArea

if TYPE_CHECKING:
    from ...compose.brief import CampaignFrame

LABELS = {
    "goal": "Goal",
    "audience": "Audience",
    "message": "Message",
    "messenger": "Messenger",
    "media": "Media",
    "action": "Action (call to action)",
    "monitoring": "Monitoring and evaluation",
}


class FrameField(TextArea):
    """One field of the frame: several lines, wrapped, so the proposal can be read whole.
    Tab leaves the field (it never types a tab character). Its name is its border's
    title rather than a label of its own: every widget is restyled on each change of
    colours, and seven labels in a hidden tab were a part of that worth saving."""

    def __init__(self, name: str) -> None:
        super().__init__("", id=f"frame-{name}", soft_wrap=True, tab_behavior="focus",
                         show_line_numbers=False)
        self.field = name
        self.border_title = LABELS.get(name, name.title())


class CampaignFrameForm(VerticalScroll, can_focus=False):
    """One text area per GAMMMA+ field. Typing in a field overrides the brief's proposal.

    What the user typed is never replaced by a brief that was built before they typed it:
    a field is refilled only while it still shows what the form last put there.

    The fields are made the first time the form is opened (`open`), not before: until
    then nobody can see or type in them, and seven text areas in a hidden tab were a
    sixth of the work of every change of colours (bench/tui.py), and were refilled with
    every new brief."""

    HELP = """\
## Campaign frame (GAMMMA+)

RAN's GAMMMA+ model: every brief states its **Goal**, **Audience**, **Message**,
**Messenger**, **Media**, **Action** (call to action) and how it will be
**Monitored** and evaluated. Fields start with what the brief proposes for this theme
and audience; what you type replaces it. Empty a field to go back to the proposal.
Tab moves to the next field.
"""

    class Edited(Message):
        """A frame field now reads `value` (empty: use the brief's proposal)."""

        def __init__(self, field: str, value: str) -> None:
            self.field = field
            self.value = value
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, str] = {}
        """What the form itself last put in each field."""
        self._frame: tuple[CampaignFrame, dict[str, str]] | None = None
        """The last frame shown and the communicator's own texts, for fields made later."""
        self.opened = False
        """True once the fields are made (the form was opened)."""

    def on_mount(self) -> None:
        # Opened with its tab, however the tab is chosen (F4, a click, the tab bar's keys,
        # the code), before the tab is drawn: the watch runs as the tab changes.
        pane = next((a for a in self.ancestors if isinstance(a, TabPane)), None)
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        if pane is None or tabs is None:
            self.open()
            return
        self.watch(tabs, "active", partial(self._tab_shown, pane.id))

    def _tab_shown(self, pane_id: str | None, active: str) -> None:
        if active == pane_id:
            self.open()

    def open(self) -> None:
        """Make the fields, filled with the frame shown last (the form is coming into view).
        They are in the form as soon as this returns, so the caller can focus one."""
        if self.opened:
            return
        from ...compose.brief import FRAME_FIELDS

        self.opened = True
        self.mount_all([FrameField(name) for name in FRAME_FIELDS])
        if self._frame is not None:
            self.show_frame(*self._frame)

    def show_frame(self, frame: CampaignFrame, overrides: dict[str, str]) -> None:
        """Show the brief's frame; a field the user has typed in keeps what they typed."""
        from ...compose.brief import FRAME_FIELDS

        self._frame = (frame, overrides)
        if not self.opened:
            return
        for name in FRAME_FIELDS:
            field = self.query_one(f"#frame-{name}", FrameField)
            wanted = overrides.get(name, getattr(frame, name))
            untouched = field.text == self._shown.get(name, "")
            emptied = not field.text.strip() and not field.has_focus
            if field.text != wanted and (untouched or emptied):
                with field.prevent(TextArea.Changed):
                    field.load_text(wanted)
            if untouched or emptied or field.text == wanted:
                self._shown[name] = field.text

    def forget_typing(self) -> None:
        """The next frame shown replaces every field (a saved draft was opened)."""
        for field in self.query(FrameField):
            self._shown[field.field] = field.text

    def values(self) -> dict[str, str]:
        """Each field's text now, by field name."""
        return {field.field: field.text for field in self.query(FrameField)}

    @on(events.DescendantBlur)
    def _left(self, event: events.DescendantBlur) -> None:
        """A field left empty shows the proposal again: emptied, it went back to it."""
        field = event.widget
        if isinstance(field, FrameField) and not field.text.strip() and self._frame:
            frame, overrides = self._frame
            wanted = overrides.get(field.field, getattr(frame, field.field))
            with field.prevent(TextArea.Changed):
                field.load_text(wanted)
            self._shown[field.field] = wanted

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        field = event.text_area
        if isinstance(field, FrameField):
            self.post_message(self.Edited(field.field, field.text))
