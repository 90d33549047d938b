"""The counterbrief terminal app: one factory builds it for the CLI, tests and the bench.

Start-up is kept light on purpose: this module imports only Textual and the compose
screen; the corpus, composition, rendering, checks and exporters load in a worker
after the first frame (see bench/startup.py for the measurement).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from .commands import BriefCommands
from .review_commands import ReviewCommands
from .review_desk import ReviewDesk
from .screens.compose import ComposeScreen, ThemesShown
from .screens.curate import CurateCommands

if TYPE_CHECKING:
    from textual.screen import Screen

EXIT_WHEN_READY_ENV = "COUNTERBRIEF_EXIT_WHEN_READY"
"""Set to 1 and the app exits as soon as the themes are on screen (bench/startup.py)."""

DARK, LIGHT = "textual-dark", "textual-light"


@dataclass(frozen=True)
class AppOptions:
    """Everything the app is built from."""

    corpus_dir: Path
    templates_dir: Path
    db_url: str | None = None
    user: str | None = None
    config_dir: Path | None = None
    """Where config.yaml is read from; None: COUNTERBRIEF_CONFIG_DIR or the platform's."""
    exit_when_ready: bool = False


class CounterbriefApp(App[None]):
    """Compose, check and export a brief."""

    TITLE = "counterbrief"
    SUB_TITLE = "compose a brief"
    CSS_PATH = "styles/app.tcss"
    COMMANDS = App.COMMANDS | {BriefCommands, ReviewCommands, CurateCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help",
                tooltip="What the focused panel is for, and its keys"),
        Binding("f3", "review_queue", "Reviews", id="app.review-queue",
                tooltip="The review queue: saved drafts, their state, approve or send back"),
        Binding("f4", "curate", "Curate", id="app.curate", show=False,
                tooltip="Find the quotes in a news article and add them to the corpus"),
        Binding("f5", "train", "Train", id="app.train",
                tooltip="Trainer mode: walk a room through the narratives, full screen"),
        Binding("ctrl+t", "toggle_light", "Light/Dark", id="app.light-dark",
                tooltip="Switch between the light and the dark theme"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True,
                tooltip="Quit (asks first if the brief has changes you have not exported)"),
    ]

    def __init__(self, options: AppOptions) -> None:
        super().__init__()
        self.options = options
        self.theme = DARK
        self.review_desk = ReviewDesk(options.db_url, options.user, options.corpus_dir,
                                      options.templates_dir)
        """The review database, opened in a worker the first time a review screen needs it."""

    def get_default_screen(self) -> Screen[None]:
        return ComposeScreen(self.options.corpus_dir, self.options.templates_dir,
                             stop_when_themes_shown=self.options.exit_when_ready)

    def on_mount(self) -> None:
        from .config import load_settings

        loaded = load_settings(self.options.config_dir)
        self.theme = LIGHT if loaded.settings.theme == "light" else DARK
        for problem in loaded.problems:
            self.notify(f"{problem}\nUsing the default keys.", title="Settings not applied",
                        severity="warning", timeout=10)
        if loaded.settings.keymap:
            from .keys import unknown_binding_ids

            self.set_keymap(loaded.settings.keymap)
            unknown = unknown_binding_ids(loaded.settings.keymap)
            if unknown:
                self.notify(f"{loaded.path}: no binding called {', '.join(unknown)} "
                            "(press F1 to see the binding ids)", title="Unknown keys in settings",
                            severity="warning", timeout=10)

    @on(ThemesShown)
    def _themes_shown(self) -> None:
        if self.options.exit_when_ready:
            self.exit()

    def action_review_queue(self) -> None:
        from .screens.review_queue import ReviewQueueScreen

        queue = next((s for s in self.screen_stack if isinstance(s, ReviewQueueScreen)), None)
        if queue is None:
            self.push_screen(ReviewQueueScreen(self.review_desk))
            return
        while self.screen is not queue:  # back from a draft to the queue it was opened from
            self.pop_screen()

    def action_curate(self) -> None:
        from .screens.curate import CurateScreen

        self.push_screen(CurateScreen(self.options.corpus_dir))
    def action_train(self) -> None:
        from .screens.train import TrainScreen

        if not isinstance(self.screen, TrainScreen):
            self.push_screen(TrainScreen(self.options.corpus_dir, self.options.templates_dir))

    def action_toggle_light(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_help(self) -> None:
        from .keys import help_for

        self.push_screen(help_for(self.screen, self.focused))

    async def action_quit(self) -> None:
        compose = next((s for s in self.screen_stack if isinstance(s, ComposeScreen)), None)
        if compose is None or not compose.dirty:
            self.exit()
            return
        from .dialogs.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(ConfirmDialog("The brief has changes you have not exported.\n"
                                       "Quit and lose them?", yes="Quit without exporting"),
                         answered)


def build_app(corpus_dir: Path, templates_dir: Path, *, db_url: str | None = None,
              user: str | None = None, config_dir: Path | None = None,
              exit_when_ready: bool | None = None) -> CounterbriefApp:
    """The app for these settings (the only way the CLI, the tests and the bench make one)."""
    if exit_when_ready is None:
        exit_when_ready = os.environ.get(EXIT_WHEN_READY_ENV) == "1"
    return CounterbriefApp(AppOptions(corpus_dir, templates_dir, db_url, user, config_dir,
                                      exit_when_ready))


def run_app(corpus_dir: Path, *, templates_dir: Path, db_url: str | None = None,
            user: str | None = None) -> None:
    """Open the terminal UI (called by `assistant` with no arguments)."""
    build_app(corpus_dir, templates_dir, db_url=db_url, user=user).run()
