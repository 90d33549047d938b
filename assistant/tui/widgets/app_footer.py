"""The footer: the keys that work here, drawn as one line of text by one widget.

Quit, Help and Reviews come first, so a narrow terminal or a panel with many keys never
pushes them out of sight; then the keys of the screen and the focused panel; then the
app's other keys (Train, Light/Dark), which F1 and the palette list as well. A key that
does not fit whole is left out rather than cut.

One widget rather than Textual's widget per key: every change of colours restyles each
widget in the app, and a dozen key widgets were the largest single part of a light/dark
switch (bench/tui.py)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style


ALWAYS_SHOWN = frozenset({"app.quit", "app.help", "app.review-queue"})
"""Ids of the bindings that lead the footer on every screen, at any width."""


@dataclass(frozen=True)
class FooterKey:
    """One key as shown: what to press, whether it works now, and what it does."""

    key: str
    display: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class Shortcut:
    """A description and its keys (several when bindings share a group, "1 2 3 Filter")."""

    keys: tuple[FooterKey, ...]
    description: str
    rank: int = 1
    """Where it goes: 0 always shown (first), 1 the screen's and the panel's, 2 the
    app's others (last)."""


@dataclass(frozen=True)
class Placed:
    """Where a key was drawn, so that a click on it can press it."""

    start: int
    end: int
    key: FooterKey


class AppFooter(Widget, can_focus=False):
    """The keys of the screen and the focused panel; click one to press it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "app-footer--key", "app-footer--description", "app-footer--hover",
        "app-footer--disabled",
    }
    DEFAULT_CSS = """
    AppFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        .app-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .app-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        /* Textual's footer blue on grey is 2.9:1 in the light theme, too faint. */
        &:light .app-footer--key { color: $text-primary; }
        .app-footer--hover { background: $block-hover-background; }
        .app-footer--disabled { text-style: dim; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shortcuts: list[Shortcut] = []
        """What the footer shows, in order, before it is fitted to the width."""
        self.palette: Shortcut | None = None
        """The command palette's key, drawn at the right-hand end."""
        self._placed: list[Placed] = []
        self._hover: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        shortcuts, palette = self._shortcuts()
        if (shortcuts, palette) != (self.shortcuts, self.palette):
            self.shortcuts, self.palette = shortcuts, palette
            self.refresh()

    def _shortcuts(self) -> tuple[list[Shortcut], Shortcut | None]:
        """The screen's active keys: one per action, grouped bindings together, in the
        order of their rank (Textual's order within each rank)."""
        app = self.app
        own = {b.action for b in type(app).BINDINGS if isinstance(b, Binding) and b.show}

        def rank(binding: Binding) -> int:
            return 0 if binding.id in ALWAYS_SHOWN else 2 if binding.action in own else 1

        active = self.screen.active_bindings
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        shortcuts: list[Shortcut] = []
        for group, members in groupby(by_action.values(), lambda found: found[0][0].group):
            listed = list(members)
            if group is not None and len(listed) > 1:
                shortcuts.append(Shortcut(tuple(
                    FooterKey(b.key, app.get_key_display(b), enabled, tooltip or b.description)
                    for b, enabled, tooltip in (found[0] for found in listed)),
                    group.description, rank(listed[0][0][0])))
                continue
            for b, enabled, tooltip in (found[0] for found in listed):
                shortcuts.append(Shortcut(
                    (FooterKey(b.key, app.get_key_display(b), enabled, tooltip),),
                    b.description, rank(b)))
        shortcuts.sort(key=lambda shortcut: shortcut.rank)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = Shortcut((FooterKey(binding.key, app.get_key_display(binding), enabled,
                                          binding.tooltip or binding.description),),
                               binding.description)
        return shortcuts, palette

    def render(self) -> Content:
        """The keys that fit in the width, the palette's at the right-hand end."""
        width = self.size.width
        shortcuts = list(self.shortcuts)
        palette = self.palette
        drawn = [_drawn(shortcut) for shortcut in shortcuts]
        if palette is not None:
            # The palette's key only when it leaves room for the keys always shown.
            first = sum(size for shortcut, size in zip(shortcuts, drawn, strict=True)
                        if shortcut.rank == 0)
            needed = first + _drawn(palette) + 1
            if needed > width:
                palette = None
        room = width - (_drawn(palette) + 1 if palette is not None else 0)
        parts: list[tuple[str, Style | str]] = []
        placed: list[Placed] = []
        used = 0
        for shortcut, size in zip(shortcuts, drawn, strict=True):
            if used + size > room:
                break
            used = self._draw(shortcut, used, parts, placed)
        if palette is not None:
            parts.append((" " * (width - used - _drawn(palette)), ""))
            used = width - _drawn(palette)
            self._draw(palette, used, parts, placed)
        self._placed = placed
        return Content.assemble(*parts)

    def _draw(self, shortcut: Shortcut, at: int, parts: list[tuple[str, Style | str]],
              placed: list[Placed]) -> int:
        """Append `shortcut` drawn from column `at`; the column after it. A lone key is
        pressed by a click anywhere on it or its description; a group's, on the key."""
        start = at
        lone = shortcut.keys[0] if len(shortcut.keys) == 1 else None
        for key in shortcut.keys:
            text = f" {key.display} " if lone else f" {key.display}"
            parts.append((text, self._style(key, "app-footer--key")))
            placed.append(Placed(at, at + cell_len(text), key))
            at += cell_len(text)
        text = f"{shortcut.description} " if lone else f" {shortcut.description} "
        parts.append((text, self._style(lone, "app-footer--description")))
        at += cell_len(text)
        if lone is not None:
            placed[-1] = Placed(start, at, lone)
        return at

    def _style(self, key: FooterKey | None, part: str) -> Style:
        names = [part]
        if key is not None and not key.enabled:
            names.append("app-footer--disabled")
        if key is not None and key == self._hover:
            names.append("app-footer--hover")
        return self.get_visual_style(*names)

    def key_at(self, x: int) -> FooterKey | None:
        """The key drawn at column `x`, if any."""
        return next((p.key for p in self._placed if p.start <= x < p.end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()


def _drawn(shortcut: Shortcut | None) -> int:
    """Columns `shortcut` takes: " key" per key, then " description "."""
    if shortcut is None:
        return 0
    keys = sum(1 + cell_len(key.display) for key in shortcut.keys)
    return keys + (cell_len(shortcut.description) + 2 if shortcut.description else 1)

