"""The header: the palette's icon and the screen's title, drawn by one widget.

Textual's Header is four widgets (icon, title, clock space and the header itself), and
every change of colours restyles each widget in the app. One widget also has no title
child to look for, so a screen closed just as its sub-title changes (F3 then Escape at
once) has nothing left to miss."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""Columns at the left that belong to the icon (a click there opens the palette)."""
RIGHT_WIDTH = 10
"""Columns kept free at the right, as Textual's header keeps them for its clock."""


class AppHeader(Widget, can_focus=False):
    """The title and sub-title of the screen (or the app's), centred; the icon at the
    left opens the command palette."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._title_changed, init=False)
            self.watch(owner, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    @property
    def title_shown(self) -> Content:
        """The title and sub-title as the app formats them."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)

    def render(self) -> Content:
        width = self.size.width
        icon = Content(f" {ICON}").pad_right(max(0, ICON_WIDTH - 2))
        middle = max(0, width - ICON_WIDTH - RIGHT_WIDTH)
        title = self.title_shown.truncate(middle, ellipsis=True).center(middle)
        return Content.assemble(icon, title, " " * RIGHT_WIDTH)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over_icon = event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE
        tooltip = "Open the command palette" if over_icon else None
        if tooltip != self.tooltip:
            self.tooltip = tooltip

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
