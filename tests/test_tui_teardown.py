"""Keys that arrive as a screen opens or closes: the palette's, Page Up/Down in a
drop-down, F3 over a dialog still opening, a tab's number as a draft opens. Each lands
where it would a moment later, and the app never dies of it (issue 12)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select, TabbedContent

from assistant.tui.dialogs.help import HelpDialog
from assistant.tui.screens.compose import ComposeScreen
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen
from assistant.tui.widgets.guarded import SafeCommandPalette

from .test_tui_soak import alive
from .tui_helpers import make_app, settled
from .tui_keys import type_at_full_speed
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team


async def test_the_palette_opened_again_as_it_closes_is_open() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        for _ in range(5):
            type_at_full_speed(app, ["ctrl+p", "t", "h", "pagedown", "escape", "ctrl+p",
                                     "pageup", "escape", "ctrl+p"])
            await pilot.pause(0.2)
            alive(app)
            if not isinstance(app.screen, SafeCommandPalette):
                await pilot.press("ctrl+p")
                await pilot.pause(0.1)
            assert isinstance(app.screen, SafeCommandPalette)
            type_at_full_speed(app, ["pageup", "pagedown", "escape"])
            await pilot.pause(0.2)
            alive(app)
        assert not isinstance(app.screen, SafeCommandPalette)


async def test_the_colour_palette_is_guarded_like_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        app.search_themes()
        await pilot.pause()
        assert isinstance(app.screen, SafeCommandPalette)
        type_at_full_speed(app, ["pagedown", "pageup", "escape", "ctrl+p", "escape"])
        await pilot.pause(0.2)
        alive(app)


async def test_page_keys_in_a_drop_down_before_it_has_been_laid_out_do_nothing(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    app = review_app(url, "bob")
    async with app.run_test(size=(80, 24)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        chooser = app.screen.query_one(Select)
        chooser.focus()
        await pilot.pause()
        # Where keys typed before the drop-down has taken the keyboard go is Textual's
        # Select's business; that the app survives them is ours.
        type_at_full_speed(app, ["enter", "pagedown", "pageup", "pagedown"])
        await pilot.pause(0.2)
        alive(app)
        type_at_full_speed(app, ["pagedown", "pageup", "escape"])
        await pilot.pause(0.2)
        alive(app)
        assert isinstance(app.screen, ReviewQueueScreen)


async def test_the_help_opened_and_closed_at_full_speed_never_crashes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        for _ in range(5):
            type_at_full_speed(app, ["f1", "escape", "f1", "pagedown", "escape", "f1"])
            await pilot.pause(0.3)
            alive(app)
            while isinstance(app.screen, HelpDialog):
                await pilot.press("escape")
                await pilot.pause(0.1)
            assert isinstance(app.screen, ComposeScreen)
        alive(app)


async def test_leaving_the_queue_for_a_draft_while_the_help_opens_never_crashes(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(80, 24)) as pilot:
        await review_settled(pilot)
        for _ in range(6):
            type_at_full_speed(app, ["f3", "f1", "escape", "enter", "1", "5", "escape",
                                     "escape"])
            await pilot.pause(0.25)
            alive(app)
        await review_settled(pilot)
        alive(app)


async def test_a_tab_number_pressed_as_a_draft_opens_never_crashes(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        type_at_full_speed(app, ["enter", "5", "4", "3"])
        await review_settled(pilot)
        alive(app)
        assert isinstance(app.screen, DraftViewScreen)
        await pilot.press("5")  # and once it is open, the number shows its tab
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-log"
