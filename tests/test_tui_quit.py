"""Ctrl+Q quits from every screen and every dialog, at any moment, even while the app is
still reading or building something; with work of the communicator's own not yet
exported it asks once, and Ctrl+Q again quits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant.tui.app import CounterbriefApp
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.decision import DecisionDialog
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.dialogs.help import HelpDialog
from assistant.tui.screens.curate import CurateScreen
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.screens.problems import ProblemsScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen
from assistant.tui.screens.train import TrainScreen
from assistant.tui.widgets.guarded import SafeCommandPalette

from .test_tui_flow import EXCLUDED, highlight_quote
from .tui_helpers import BAD_CORPUS, make_app, settled
from .tui_keys import type_at_full_speed
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team

GAP_1 = ["down", "down", "f7", "right", "right", "n", "escape", "ctrl+q"]
"""What a user typed: two themes down, trainer mode, two slides on, the notes, back, quit."""


async def quits(pilot: Pilot[None]) -> bool:
    """Whether the app has stopped (or is stopping) within a generous second."""
    for _ in range(50):
        if not pilot.app.is_running:
            break
        await pilot.pause(0.02)
    return not pilot.app.is_running


def reviewing(tmp_path: Path) -> CounterbriefApp:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    return review_app(url, "bob")


async def test_ctrl_q_quits_after_trainer_mode_at_a_users_pace(tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        for key in GAP_1:
            await pilot.press(key)
            await pilot.pause(0.15)
        assert await quits(pilot)
    assert app.return_code == 0


async def test_ctrl_q_quits_after_trainer_mode_typed_at_full_speed(tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        type_at_full_speed(app, GAP_1)
        assert await quits(pilot)
    assert app.return_code == 0


async def test_moving_through_the_themes_is_not_work_to_lose(tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("down", "down")
        await settled(pilot)
        await pilot.press("ctrl+q")
        assert await quits(pilot)


async def test_ctrl_q_again_on_the_quit_question_quits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await highlight_quote(pilot, EXCLUDED)
        await pilot.press("x")  # work of the communicator's own
        await settled(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("ctrl+q")
        assert await quits(pilot)


Opener = Callable[[Pilot[None]], Awaitable[None]]


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await review_settled(pilot)


async def _draft_open(pilot: Pilot[None]) -> None:
    await _keys(pilot, "f3", "enter")


OPENERS: dict[str, tuple[Opener, type]] = {
    "help": (lambda p: _keys(p, "f1"), HelpDialog),
    "export dialog": (lambda p: _keys(p, "ctrl+e"), ExportDialog),
    "command palette": (lambda p: _keys(p, "ctrl+p"), SafeCommandPalette),
    "review queue": (lambda p: _keys(p, "f3"), ReviewQueueScreen),
    "draft": (_draft_open, DraftViewScreen),
    "decision dialog": (lambda p: _keys(p, "f3", "enter", "a"), DecisionDialog),
    "help over a draft": (lambda p: _keys(p, "f3", "enter", "f1"), HelpDialog),
    "curate": (lambda p: _keys(p, "f6"), CurateScreen),
    "trainer mode": (lambda p: _keys(p, "f7"), TrainScreen),
}


@pytest.mark.parametrize("where", list(OPENERS))
async def test_ctrl_q_quits_from_every_screen_and_dialog(tmp_path: Path, where: str) -> None:
    opener, shown = OPENERS[where]
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await opener(pilot)
        assert isinstance(app.screen, shown)
        await pilot.press("ctrl+q")
        assert await quits(pilot), f"still open on {app.screen!r}"


async def test_ctrl_q_quits_from_the_corpus_problems_screen() -> None:
    app = make_app(corpus=BAD_CORPUS)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("ctrl+q")
        assert await quits(pilot)


@pytest.mark.parametrize("keys", [["f7", "ctrl+q"], ["f3", "ctrl+q"], ["f3", "enter", "ctrl+q"],
                                  ["f3", "escape", "f3", "ctrl+q"], ["ctrl+e", "ctrl+q"]],
                         ids=" ".join)
async def test_ctrl_q_quits_while_a_screen_is_still_opening(tmp_path: Path,
                                                           keys: list[str]) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        type_at_full_speed(app, keys)
        assert await quits(pilot)
    assert app.return_code == 0


async def test_ctrl_q_while_asked_about_opening_a_draft_asks_about_quitting_then_quits(
        tmp_path: Path) -> None:
    app = reviewing(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await highlight_quote(pilot, EXCLUDED)
        await pilot.press("x")
        await settled(pilot)
        await _keys(pilot, "f3", "enter", "e")
        assert isinstance(app.screen, ConfirmDialog)  # open the draft and lose your work?
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "Quit" in app.screen.question
        await pilot.press("ctrl+q")
        assert await quits(pilot)
