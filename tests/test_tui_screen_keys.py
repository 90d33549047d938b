"""Keys typed right after a key that opens or closes a screen reach the screen that key
leads to, however fast they come: letters typed after a burst of F3 and Escape land in
the Goal field, not in the review queue closing over it (issue 12)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from assistant.tui.app import CounterbriefApp
from assistant.tui.screens.compose import ComposeScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen

from .tui_helpers import compose_screen, settled
from .tui_keys import type_in_bursts
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team

TRIES = 8


async def calm(pilot: Pilot[None]) -> None:
    """Until no worker runs (the screens opened in a burst may have cancelled theirs)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause(0.1)


async def goal_field(pilot: Pilot[None]) -> TextArea:
    await pilot.press("f4")  # Testimony -> Frame: the cursor in the Goal field
    await settled(pilot)
    goal = compose_screen(pilot.app).query_one("#frame-goal", TextArea)  # type: ignore[arg-type]
    assert pilot.app.focused is goal
    goal.load_text("")
    await settled(pilot)
    return goal


def reviewing(tmp_path: Path) -> CounterbriefApp:
    url = db_url(tmp_path)
    team(url).close()
    return review_app(url, "bob")


@pytest.mark.parametrize("opens", ["f3", "f1", "f7", "ctrl+e"])
async def test_letters_typed_after_opening_and_closing_a_screen_in_a_burst_reach_the_goal(
        tmp_path: Path, opens: str) -> None:
    app = reviewing(tmp_path)
    rng = random.Random(3)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        goal = await goal_field(pilot)
        for _ in range(TRIES):
            await type_in_bursts(app, [opens, "escape"] * 3 + ["z"],
                                 lambda: rng.choice([0, 0, 0.001, 0.003, 0.01, 0.03]))
            await calm(pilot)
            assert isinstance(app.screen, ComposeScreen)  # the last Escape closed it
            assert app.focused is goal
        assert goal.text == "z" * TRIES


async def test_escape_on_an_open_drop_down_closes_the_list_not_the_queue(
        tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        chooser = app.screen.query_one(Select)
        chooser.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert chooser.expanded
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewQueueScreen) and not chooser.expanded
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)


async def test_f3_in_a_dialog_does_not_open_the_review_queue_over_it(tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("f3", "f1", "f7")
        await pilot.pause()
        assert app.screen is dialog


SCREENS = {"compose": [], "review queue": ["f3"], "draft": ["f3", "enter"],
           "trainer mode": ["f7"], "curate": ["f6"]}


@pytest.mark.parametrize("where", list(SCREENS))
async def test_every_screen_gets_its_focus_back_when_the_help_over_it_closes(
        tmp_path: Path, where: str) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "bob")
    rng = random.Random(5)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        for key in SCREENS[where]:
            await pilot.press(key)
            await review_settled(pilot)
        screen = app.screen
        chosen = screen.focus_chain[-1]  # not the one a screen focuses by itself
        chosen.focus()
        await pilot.pause()
        for _ in range(3):
            await type_in_bursts(app, ["f1", "escape"] * 3,
                                 lambda: rng.choice([0, 0.002, 0.01, 0.05]))
            await calm(pilot)
            assert app.screen is screen
            assert app.focused is chosen


async def test_escape_and_a_letter_read_as_one_alt_key_close_the_queue_and_type_the_letter(
        tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        goal = await goal_field(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        # What a terminal makes of Escape and Z typed within 100 ms of each other.
        escape_then_z = events.Key("alt+shift+z", "Z")
        escape_then_z.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(escape_then_z)
        await calm(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert goal.text == "Z"
