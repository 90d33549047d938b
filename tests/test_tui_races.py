"""Leaving a screen at any moment is safe: work that outlives its screen never reaches
for widgets that are gone (issue 12, crashes 1 and 2)."""

from __future__ import annotations

import random
from pathlib import Path

from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen

from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team


async def test_opening_and_leaving_the_review_queue_quickly_never_crashes(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "alice")
    rng = random.Random(12)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        for _ in range(25):
            await pilot.press("f3")
            await pilot.pause(rng.uniform(0.0, 0.15))
            await pilot.press("escape")
            await pilot.pause(rng.uniform(0.0, 0.05))
        await review_settled(pilot)
    assert app.return_code in (0, None)


async def test_opening_and_leaving_a_draft_quickly_never_crashes(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "alice")
    rng = random.Random(7)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        for _ in range(25):
            assert isinstance(app.screen, ReviewQueueScreen)
            await pilot.press("enter")
            await pilot.pause(rng.uniform(0.0, 0.15))
            if isinstance(app.screen, DraftViewScreen):
                await pilot.press("escape")
            await pilot.pause(rng.uniform(0.0, 0.05))
        await review_settled(pilot)
    assert app.return_code in (0, None)


class SlowDesk:
    """Holds a desk's answers back until the test lets them through (a slow database)."""

    def __init__(self, app, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
        import threading

        self.gate = threading.Event()
        desk = app.review_desk
        for name in names:
            real = getattr(desk, name)

            def held(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
                self.gate.wait(10)
                return _real(*args, **kwargs)

            setattr(desk, name, held)


async def test_the_queue_answering_after_it_was_left_is_ignored(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "alice")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        slow = SlowDesk(app, ("queue",))
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        slow.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert not isinstance(app.screen, ReviewQueueScreen)


async def test_a_draft_answering_after_it_was_left_is_ignored(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "alice")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        slow = SlowDesk(app, ("page",))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        slow.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert isinstance(app.screen, ReviewQueueScreen)
