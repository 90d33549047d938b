"""Sending keys to an app as fast as a terminal can deliver them (no waiting between)."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.app import App
from textual.keys import _character_to_key


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` ("a", "tab", "ctrl+e", " ")."""
    if len(key) == 1:
        return events.Key(_character_to_key(key) if not key.isalnum() else key, key)
    return events.Key(key, None)


def type_at_full_speed(app: App[None], keys: list[str]) -> None:
    """Queue every key at once, as a fast typist or a paste would."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        driver.send_message(event)


def spell(text: str) -> list[str]:
    return list(text)


__all__ = ["spell", "type_at_full_speed", "unicodedata"]
