"""Thousands of random keys on every screen, and screens opened and left at random
moments: the app never dies of an exception (issue 12, crashes 1 and 2 and their class).

Seeded, so a failure can be replayed; bounded, so the suite stays quick."""

from __future__ import annotations

import random
import time
from contextlib import suppress
from pathlib import Path

import pytest
from textual.app import App
from textual.worker import WorkerCancelled

from .tui_keys import type_at_full_speed
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team

KEYS = [*"abcdefghijklmnopqrstuvwxyz0123456789 .,-", "tab", "shift+tab", "enter", "escape",
        "up", "down", "left", "right", "home", "end", "backspace",
        "delete", "f1", "f2", "f3", "f4", "f5", "ctrl+e", "ctrl+s", "ctrl+r", "ctrl+t",
        "shift+up", "shift+down", "pageup", "pagedown", "ctrl+p"]
"""Everything but the keys that quit (ctrl+q, ctrl+c), which end the run early. Page
Up/Down and the command palette (ctrl+p) are in: Textual 8.2.8 raised on them when they
came a moment too early or too late (a list not laid out, a palette closing), and the
app's widgets now guard those moments (widgets/guarded.py, tests/test_tui_teardown.py)."""
ROUNDS, BATCH = 50, 40
"""50 bursts of 40 keys: 2,000 keys a run."""
SECONDS = 18
"""Stop early, with what was sent so far, if a slow machine takes longer than this (the
three soak tests together stay under a minute)."""


def alive(app: App[None]) -> None:
    assert app._exception is None, app._exception
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("seed", [12, 2026])
async def test_thousands_of_random_keys_on_every_screen_never_crash(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # exports land here
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    saved_draft(url, "alice", theme="brutality-against-sunnis")
    app = review_app(url, "bob")
    # Keys that end the run (the palette's Quit, the quit dialog's button) only do that;
    # quitting is tested on its own.
    real_exit = app.exit
    app.exit = lambda *args, **kwargs: None  # type: ignore[method-assign]
    rng = random.Random(seed)
    started = time.monotonic()
    async with app.run_test(size=(rng.choice([120, 80, 60]), rng.choice([36, 24, 20]))) as pilot:
        await review_settled(pilot)
        for _ in range(ROUNDS):
            burst = [rng.choice(KEYS) for _ in range(BATCH)]
            if rng.random() < 0.3:  # go somewhere else now and then: the queue, a draft
                burst[rng.randrange(BATCH)] = rng.choice(["f3", "enter", "escape"])
            type_at_full_speed(app, burst)
            await pilot.pause(rng.uniform(0.0, 0.12))
            alive(app)
            if time.monotonic() - started > SECONDS:
                break
        with suppress(WorkerCancelled):  # left screens cancel their work: as they should
            await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        alive(app)
        app.exit = real_exit  # type: ignore[method-assign]
    alive(app)


async def test_screens_opened_and_left_at_random_moments_never_crash(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "bob")
    rng = random.Random(7)
    started = time.monotonic()
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        for _ in range(60):
            # F3 then Escape; F3, Enter on a draft, then Escape twice: each after a
            # random moment, so the answers arrive before, during and after leaving.
            sequence = rng.choice([["f3", "escape"], ["f3", "enter", "escape", "escape"],
                                   ["f3", "enter", "e", "escape"], ["f1", "escape"],
                                   ["ctrl+p", "pagedown", "escape"], ["f3", "enter", "5"],
                                   ["ctrl+p", "escape", "ctrl+p", "escape"]])
            for key in sequence:
                type_at_full_speed(app, [key])
                await pilot.pause(rng.uniform(0.0, 0.15))
            alive(app)
            if time.monotonic() - started > SECONDS:
                break
        with suppress(WorkerCancelled):  # left screens cancel their work: as they should
            await app.workers.wait_for_complete()
        await pilot.pause(0.2)
    alive(app)
