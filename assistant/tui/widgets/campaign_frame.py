"""The GAMMMA+ campaign frame: seven fields, prefilled from the brief, editable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label

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


class CampaignFrameForm(VerticalScroll):
    """One input per GAMMMA+ field. Typing in a field overrides the brief's proposal.

    The inputs are made when the first brief arrives, so the frame's definition (a
    domain module) is not needed to draw the first screen."""

    HELP = """\
## Campaign frame (GAMMMA+)

RAN's GAMMMA+ model: every brief states its **Goal**, **Audience**, **Message**,
**Messenger**, **Media**, **Action** (call to action) and how it will be
**Monitored** and evaluated. Fields start with what the brief proposes for this theme
and audience; what you type replaces it. Empty a field to go back to the proposal.
"""

    class Edited(Message):
        """A frame field now reads `value` (empty: use the brief's proposal)."""

        def __init__(self, field: str, value: str) -> None:
            self.field = field
            self.value = value
            super().__init__()

    def show_frame(self, frame: CampaignFrame, overrides: dict[str, str]) -> None:
        """Show the brief's frame; a field being typed in keeps what the user typed."""
        from ...compose.brief import FRAME_FIELDS

        if not self.children:
            for name in FRAME_FIELDS:
                self.mount(Label(LABELS.get(name, name.title()), classes="frame-label"),
                           Input(id=f"frame-{name}", placeholder=LABELS.get(name, name)))
        for name in FRAME_FIELDS:
            field = self.query_one(f"#frame-{name}", Input)
            wanted = overrides.get(name, getattr(frame, name))
            if field.value != wanted and not field.has_focus:
                with field.prevent(Input.Changed):
                    field.value = wanted
                    field.cursor_position = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id and event.input.id.startswith("frame-"):
            self.post_message(self.Edited(event.input.id.removeprefix("frame-"), event.value))
