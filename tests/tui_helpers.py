"""Helpers for the terminal-UI tests: a fixed corpus and templates, and waiting until
the app has finished the work a keypress started."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from assistant.tui.app import CounterbriefApp, build_app
from assistant.tui.screens.compose import ComposeScreen
from assistant.tui.widgets.preview import BriefPreview

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "tui_corpus"
TEMPLATES = FIXTURES / "tui_templates"
BAD_CORPUS = FIXTURES / "tui_bad_corpus"


def make_app(corpus: Path = CORPUS, templates: Path = TEMPLATES,
             config_dir: Path | None = None) -> CounterbriefApp:
    """The app as the CLI builds it, on the fixed test corpus and templates."""
    return build_app(corpus, templates, config_dir=config_dir, exit_when_ready=False)


def compose_screen(app: CounterbriefApp) -> ComposeScreen:
    return next(s for s in app.screen_stack if isinstance(s, ComposeScreen))


async def settled(pilot: Pilot[None], rounds: int = 200) -> None:
    """Wait until loading, rebuilding and exporting are done and the preview shows the
    latest brief; then stop cursors blinking so that screenshots are repeatable."""
    app = pilot.app
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        screen = next((s for s in app.screen_stack if isinstance(s, ComposeScreen)), None)
        if screen is None or (app.screen_stack[-1] is not screen and screen.draft is None):
            break  # another screen (problems) took over
        if (not screen.pending and screen.draft is not None and not len(app.workers)
                and screen.query_one(BriefPreview).source == screen.draft.markdown):
            break
    await pilot.pause()
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def open_frame(pilot: Pilot[None]) -> TextArea:
    """Open the Frame tab with F4, as a user would, and give its Goal field (the cursor is
    in it)."""
    await pilot.press("f4")
    await settled(pilot)
    return compose_screen(pilot.app).query_one("#frame-goal", TextArea)  # type: ignore[arg-type]
