"""Handing a worker thread's result to the screen that asked for it, if it is still there.

A screen can be left at any moment (Escape 50 ms after F3): a read that finishes after
that must not reach for widgets that are gone. Every thread worker in the app reports
back through `deliver`, never through `App.call_from_thread` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


def deliver(node: DOMNode, callback: Callable[..., Any], *args: Any) -> None:
    """From a worker thread: run `callback(*args)` on the UI thread, unless `node` (the
    screen or widget that started the work) has left the screen by then, or the app has
    closed."""

    def run() -> None:
        if not on_screen(node):
            return
        if not put_together(node):  # an answer faster than the screen's own start-up
            node.call_after_refresh(run)
            return
        callback(*args)

    try:
        app = node.app
    except Exception:  # detached from any app: nobody is waiting for the answer
        return
    try:
        app.call_from_thread(run)
    except RuntimeError:  # the app closed meanwhile
        return


def put_together(node: DOMNode) -> bool:
    """Whether `node`'s screen and everything in it are mounted. A screen is mounted
    before the widgets inside its tabs have finished composing their own parts (Textual
    8.2.8), so an answer, or a key, arriving just then would not find them yet."""
    try:
        screen = node if isinstance(node, Screen) else node.screen
    except Exception:  # no screen any more
        return False
    return screen.is_mounted and all(child.is_mounted for child in screen.walk_children()
                                     if isinstance(child, Widget))


def on_screen(node: DOMNode) -> bool:
    """Whether `node` is still on a screen the app shows or will show again. A screen
    being left is off the stack at once but loses its widgets one by one after."""
    if not node.is_attached:
        return False
    try:
        screen = node if isinstance(node, Screen) else node.screen
        # A closing app takes its screens down while they are still on the stack.
        return node.app.is_running and screen in node.app.screen_stack
    except Exception:  # no screen or no app any more
        return False


def close(screen: Screen[Any], result: Any = None) -> None:
    """Dismiss `screen` with `result`, if it is still the screen on top.

    A key queued for a screen can arrive after it was closed (Escape pressed twice
    quickly); dismissing then would close whatever screen is under it instead. A screen
    still being put together (Escape 20 ms after F3) closes once it is, so that none of
    its widgets is taken down half-way through setting itself up."""
    if not screen.is_active:
        return
    if not screen.is_mounted:
        screen.call_after_refresh(close, screen, result)
        return
    screen.dismiss(result)
