"""Which bindings exist (for checking a keymap) and what F1 shows for the focused panel.

The bindings are found, not listed by hand: every class in `assistant.tui` that
declares BINDINGS, so a new screen's keys can be remapped (and checked) at once.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from .dialogs.help import HelpDialog
from .screen_keys import LEAVING

BUILT_IN = {
    "ctrl+p": "the command palette (app.command_palette)",
    "ctrl+c": "copying text and the quit hint (screen.copy_text, app.help_quit)",
    "tab": "moving to the next field (app.focus_next)",
    "shift+tab": "moving to the previous field (app.focus_previous)",
}
"""Keys Textual itself binds, which a remapped binding would fight with (and lose to)."""

NOT_TYPED = {"escape", "tab", "enter", "backspace", "delete", "insert", "home", "end",
             "pageup", "pagedown", "up", "down", "left", "right",
             *(f"f{n}" for n in range(1, 25))}
"""Keys without a modifier that still type nothing."""


@cache
def binding_owners() -> tuple[type[DOMNode], ...]:
    """Every class in assistant.tui that declares its own BINDINGS."""
    package = importlib.import_module(__package__ or "assistant.tui")
    owners: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if info.name.endswith("__main__"):
            continue  # running it would open the app
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, DOMNode) and cls.__module__ == module.__name__
                    and "BINDINGS" in vars(cls) and cls not in owners):
                owners.append(cls)
    return tuple(owners)


def all_bindings() -> list[Binding]:
    """Every binding the app defines (each has an id and a tooltip)."""
    return [b for owner in binding_owners() for b in owner.BINDINGS if isinstance(b, Binding)]


def _is_global(binding: Binding) -> bool:
    """Whether `binding` acts over typing in a field (a priority binding, or the app's)."""
    owner = next((o for o in binding_owners() if binding in o.BINDINGS), None)
    return binding.priority or (owner is not None and issubclass(owner, App))


def _works_everywhere(binding: Binding) -> bool:
    """Whether `binding`'s keys are taken on every screen (a key that closes one screen
    is free on the others)."""
    return _is_global(binding) and binding.id not in LEAVING


def types_a_character(key: str) -> bool:
    """Whether pressing `key` in a text field would type something."""
    *modifiers, base = key.lower().split("+")
    return not (set(modifiers) - {"shift"}) and base not in NOT_TYPED


def check_keymap(keymap: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries (and keys) that can be used, and why each other one cannot, in words.

    Refused: an id no binding has; a key you type (like q) for a binding that works
    everywhere, since typing it in a field would trigger it; a key Textual itself binds
    (the palette, copy, moving between fields), which would win; a key another binding
    that works everywhere already has. One bad entry costs only itself."""
    bindings = {b.id: b for b in all_bindings() if b.id}
    usable: dict[str, str] = {}
    refused: list[str] = []
    taken: dict[str, str] = {}  # key -> id of the binding that works everywhere with it
    for binding_id, binding in bindings.items():
        if _works_everywhere(binding):
            keys = keymap.get(binding_id, binding.key)
            for key in keys.split(","):
                taken.setdefault(key.strip().lower(), binding_id)
    for binding_id, keys in keymap.items():
        wanted = bindings.get(binding_id)
        if wanted is None:
            refused.append(f"keymap: no binding called '{binding_id}' (press F1 to see the "
                           "binding ids)")
            continue
        binding, kept = wanted, []
        for key in (k.strip() for k in keys.split(",") if k.strip()):
            lower = key.lower()
            if _is_global(binding) and types_a_character(key):
                refused.append(f"keymap: {binding_id}: '{key}' types a character, so typing "
                               f"it in a field would {binding.description.lower() or 'act'}; "
                               "use ctrl, alt or a function key (like ctrl+q or f10)")
            elif lower in BUILT_IN:
                refused.append(f"keymap: {binding_id}: {key} is taken by {BUILT_IN[lower]}, "
                               "which would always win; choose another key")
            elif taken.get(lower, binding_id) != binding_id:
                refused.append(f"keymap: {binding_id}: {key} is already the key of "
                               f"{taken[lower]}, which works everywhere; choose another key")
            else:
                kept.append(key)
        if kept:
            usable[binding_id] = ",".join(kept)
    return usable, refused


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
        rows.append((binding.id or "", app.get_key_display(binding), binding.description,
                     active.tooltip or binding.tooltip))
    return HelpDialog(text, rows)
