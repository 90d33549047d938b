"""The header: the screen's title and sub-title, and the icon that opens the palette."""

from __future__ import annotations

from assistant.tui.widgets.app_header import AppHeader
from assistant.tui.widgets.guarded import SafeCommandPalette

from .tui_helpers import compose_screen, make_app, settled


async def test_the_header_shows_the_title_and_follows_the_sub_title() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        header = app.screen.query_one(AppHeader)
        assert "counterbrief — compose a brief" in header.render_line(0).text
        compose_screen(app).sub_title = "draft 3, version 2"
        await pilot.pause()
        assert "counterbrief — draft 3, version 2" in header.render_line(0).text


async def test_clicking_the_header_icon_opens_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.click(AppHeader, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, SafeCommandPalette)
