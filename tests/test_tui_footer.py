"""The footer: the keys that work here, Quit, Help and Reviews always among them, each
one pressed by a click on it (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant.tui.app import DARK, LIGHT, CounterbriefApp
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.dialogs.help import HelpDialog
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.widgets.app_footer import AppFooter
from assistant.tui.widgets.testimony import TestimonyList

from .test_tui_review import open_queue_and_draft
from .tui_helpers import make_app, settled
from .tui_review_helpers import db_url, review_app, saved_draft, team

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36"),
         pytest.param((60, 20), id="60x20")]


def footer_line(app: CounterbriefApp) -> str:
    """The footer's row as it is drawn on screen."""
    return app.screen.query_one(AppFooter).render_line(0).text


async def click_on(pilot: Pilot[None], words: str) -> None:
    """Click the footer where `words` are drawn."""
    column = footer_line(pilot.app).index(words)  # type: ignore[arg-type]
    await pilot.click(AppFooter, offset=(column, 0))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_quit_help_and_reviews_stay_in_the_footer_with_the_testimony_focused(
        size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        app.screen.query_one(TestimonyList).focus()
        await pilot.pause()
        line = footer_line(app)
        assert ("^q Quit" in line and "f1 Help" in line and "f3 Reviews" in line), line


async def test_the_footer_shows_the_keys_of_the_focused_panel() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert "p Pin" not in footer_line(app)
        app.screen.query_one(TestimonyList).focus()
        await pilot.pause()
        assert "p Pin" in footer_line(app) and "x Exclude" in footer_line(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_key_that_does_not_fit_is_left_out_whole_not_cut(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        app.screen.query_one(TestimonyList).focus()
        await pilot.pause()
        footer = app.screen.query_one(AppFooter)
        every = [f"{key.display} {s.description}" for s in footer.shortcuts for key in s.keys]
        line = footer_line(app)
        assert len(line) <= size[0]
        shown = [part.strip() for part in line.split("  ") if part.strip()]
        assert all(part in every or part == "^p palette" for part in shown), (shown, every)


@pytest.mark.parametrize(("key", "size", "opens"), [
    ("Help", (80, 24), HelpDialog), ("Export", (120, 36), ExportDialog)])
async def test_clicking_a_key_in_the_footer_presses_it(key, size, opens) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        await click_on(pilot, key)
        assert isinstance(app.screen, opens)


async def test_the_screen_keys_come_before_train_and_light_dark() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        line = footer_line(app)
        assert line.index("Reviews") < line.index("Export")
        assert "Light/Dark" not in line or line.index("Export") < line.index("Light/Dark")


async def test_a_greyed_out_key_clicked_in_the_footer_rings_the_bell_and_does_nothing(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "alice")
    rings: list[None] = []
    app.bell = lambda: rings.append(None)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        await pilot.pause()
        await click_on(pilot, "Approve")  # greyed out: alice wrote this version
        assert app.screen is view and isinstance(view, DraftViewScreen)
        assert rings == [None]


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_the_footer_keys_stand_out_from_the_footer_in_light_and_dark(theme: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        app.theme = theme
        await pilot.pause()
        for segment in app.screen.query_one(AppFooter).render_line(0):
            style = segment.style
            if segment.text.strip() and style is not None:
                assert style.color is not None and style.bgcolor is not None
                assert contrast(style.color.get_truecolor(), style.bgcolor.get_truecolor()) >= 3.0, (
                    segment.text, theme)


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (3.0 is the least for large or bold text)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)
