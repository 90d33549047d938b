"""The app says which formats it exports to in the same words the export dialog offers
them: the command palette's line and the ctrl+e tooltip name every one, PDF included."""

from __future__ import annotations

from assistant.render.formats import FORMATS
from assistant.tui.commands import BriefCommands
from assistant.tui.screens.compose import ComposeScreen

from .tui_helpers import compose_screen, make_app, settled


def named(text: str) -> set[str]:
    return {f.name for f in FORMATS.values() if f.name.lower() in text.lower()}


def test_the_export_key_tooltip_names_every_format_the_dialog_writes() -> None:
    tooltip = next(b.tooltip for b in ComposeScreen.BINDINGS
                   if not isinstance(b, tuple) and b.action == "export")
    assert named(tooltip) == {f.name for f in FORMATS.values()}, tooltip


async def test_the_palettes_export_command_names_every_format_the_dialog_writes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        provider = BriefCommands(screen)
        line = next(help_text for title, help_text, _ in provider._commands()
                    if title.startswith("Export"))
        assert named(line) == {f.name for f in FORMATS.values()}, line
