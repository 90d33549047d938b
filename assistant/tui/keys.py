"""Which bindings exist (for checking a keymap) and what F1 shows for the focused panel."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from .dialogs.help import HelpDialog


def _binding_owners() -> list[type[DOMNode]]:
    from .app import CounterbriefApp
    from .dialogs.confirm import ConfirmDialog
    from .dialogs.decision import DecisionDialog
    from .dialogs.export import ExportDialog
    from .screens.compose import ComposeScreen
    from .screens.draft_view import DraftViewScreen
    from .screens.problems import ProblemsScreen
    from .screens.review_queue import ReviewQueueScreen
    from .screens.train import TrainScreen
    from .widgets.testimony import TestimonyList
    from .widgets.theme_list import ThemeList

    return [CounterbriefApp, ComposeScreen, ThemeList, TestimonyList, ExportDialog,
            ConfirmDialog, HelpDialog, ProblemsScreen, ReviewQueueScreen, DraftViewScreen,
            DecisionDialog, TrainScreen]


def all_bindings() -> list[Binding]:
    """Every binding the app defines (each has an id and a tooltip)."""
    return [b for owner in _binding_owners() for b in owner.BINDINGS if isinstance(b, Binding)]


def unknown_binding_ids(keymap: dict[str, str]) -> list[str]:
    """Keymap entries that name no binding (usually a typo), sorted."""
    known = {b.id for b in all_bindings() if b.id}
    return sorted(set(keymap) - known)


def help_for(screen: Screen[object], focused: Widget | None) -> HelpDialog:
    """The help of the nearest focused ancestor that has some, with the keys active now."""
    text = ""
    node: DOMNode | None = focused
    while node is not None and not text:
        text = type(node).HELP or ""
        node = node.parent
    app = screen.app
    rows = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        rows.append((app.get_key_display(binding), binding.description,
                     active.tooltip or binding.tooltip, binding.id or ""))
    return HelpDialog(text, rows)
