"""Sending keys to an app as fast as a terminal can deliver them (no waiting between)."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable

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
    for key in keys:
        _send(app, key)


def _send(app: App[None], key: str) -> None:
    """Hand one key to the app as its terminal driver does."""
    driver = app._driver
    assert driver is not None
    event = key_event(key)
    event.set_sender(app)
    driver.send_message(event)


def spell(text: str) -> list[str]:
    return list(text)


async def type_in_bursts(app: App[None], keys: list[str], gaps: Callable[[], float]) -> None:
    """Send `keys` as a terminal does when they come fast: each as soon as the last one
    left, a few milliseconds apart or none (`gaps` says how long), without waiting for
    the app to have handled the one before."""
    for key in keys:
        _send(app, key)
        await asyncio.sleep(gaps())


__all__ = ["spell", "type_at_full_speed", "type_in_bursts", "unicodedata"]
