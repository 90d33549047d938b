"""The counterbrief terminal app: one factory builds it for the CLI, tests and the bench.

Start-up is kept light on purpose: this module imports only Textual and the compose
screen; the corpus, composition, rendering, checks and exporters load in a worker
after the first frame (see bench/startup.py for the measurement).
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType

from .commands import BriefCommands
from .delivery import put_together
from .review_commands import ReviewCommands
from .review_desk import ReviewDesk
from .screens.compose import ComposeScreen, ThemesShown
from .screens.curate import CurateCommands
from .terminal import TerminalApp

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from textual.command import CommandListItem
    from textual.screen import Screen
    from textual.widget import AwaitMount

    from ..review import DraftView

EXIT_WHEN_READY_ENV = "COUNTERBRIEF_EXIT_WHEN_READY"
"""Set to 1 and the app exits as soon as the themes are on screen (bench/startup.py)."""

DARK, LIGHT = "textual-dark", "textual-light"
HOLD_CHECK = 0.01
"""Seconds between looks at whether a screen being put together is ready for keys."""
HOLD_LIMIT = 0.25
"""Seconds after which held keys go to the screen on top, ready or not."""
GC_THRESHOLD = 20_000
"""Allocations between the collector's youngest-generation passes (Python's default is
700). A redraw makes tens of thousands of short-lived objects (strips, segments, styles);
at the default, a change of colours set off several collections that each walked the
loaded corpus, a third of the UI thread's work (bench/tui.py). Reference counting still
frees nearly everything at once; only cycles wait a little longer."""


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


class CounterbriefApp(TerminalApp[None]):
    """Compose, check and export a brief."""

    TITLE = "counterbrief"
    SUB_TITLE = "compose a brief"
    CSS_PATH = "styles/app.tcss"
    COMMANDS = App.COMMANDS | {BriefCommands, ReviewCommands, CurateCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "key('help')", "Help", id="app.help", priority=True,
                tooltip="What the focused panel is for, and its keys"),
        Binding("f3", "key('review_queue')", "Reviews", id="app.review-queue", priority=True,
                tooltip="The review queue: saved drafts, their state, approve or send back"),
        Binding("f6", "key('curate')", "Curate", id="app.curate", show=False, priority=True,
                tooltip="Find the quotes in a news article and add them to the corpus"),
        Binding("f7", "key('train')", "Train", id="app.train", priority=True,
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
        self._quit_question: Screen[bool] | None = None
        """The "quit and lose them?" question while it is open."""
        self._held_keys: list[events.Key] = []
        self._held_since = 0.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            keys = self._escape_then_key(event)
            if keys:
                for key in keys:
                    await self.on_event(key)
                return
        if isinstance(event, events.Key):
            # Keys still queued when the app closes find no screen to go to: drop them
            # rather than fail on the way out (the exit status would say the app crashed).
            if not self.screen_stack:
                return
            # Keys typed while the screen on top is still being put together (Enter on a
            # draft, then 5 for its audit log) wait for it, in order, instead of going to
            # the screen underneath or to widgets not there yet.
            if self._held_keys or not put_together(self.screen):
                self._held_keys.append(event)
                if len(self._held_keys) == 1:
                    self._held_since = time.monotonic()
                    self.set_timer(HOLD_CHECK, self._release_keys)
                return
        await super().on_event(event)

    def _escape_then_key(self, key: events.Key) -> list[events.Key]:
        """Escape and the key typed right after it, if `key` is what a terminal makes of
        the two: a key typed within Textual's escape delay (100 ms) after Escape arrives
        as Alt and that key, so Escape, then a letter, while the app is busy closing the
        review queue, left the queue open and the letter lost. No binding here uses Alt
        with a character, so such a key is taken as the two keys typed."""
        character = key.character
        if (not key.key.startswith("alt+") or character is None or len(character) != 1
                or not character.isprintable()
                or (self.screen_stack and key.key in self.screen.active_bindings)):
            return []
        name = character if character.isalnum() else key.key.removeprefix("alt+")
        return [events.Key("escape", "\x1b"), events.Key(name, character)]

    async def _release_keys(self) -> None:
        # Never held for long: a screen that is slow to put itself together gets the keys
        # anyway, in order, rather than lose them.
        overdue = time.monotonic() - self._held_since > HOLD_LIMIT
        while self._held_keys and self.screen_stack and (overdue or put_together(self.screen)):
            await super().on_event(self._held_keys.pop(0))
        if self._held_keys:
            if not self.screen_stack:
                self._held_keys.clear()
                return
            self.set_timer(HOLD_CHECK, self._release_keys)

    def get_default_screen(self) -> Screen[None]:
        return ComposeScreen(self.options.corpus_dir, self.options.templates_dir,
                             stop_when_themes_shown=self.options.exit_when_ready)

    def on_mount(self) -> None:
        from .config import load_settings, remembered_theme

        if gc.get_threshold()[0] < GC_THRESHOLD:
            gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
        loaded = load_settings(self.options.config_dir)
        chosen = remembered_theme(self.options.config_dir)
        if chosen in self.available_themes:
            self.theme = chosen
        else:
            self.theme = LIGHT if loaded.settings.theme == "light" else DARK
        problems = list(loaded.problems)
        if loaded.settings.keymap:
            from .keys import check_keymap

            usable, refused = check_keymap(loaded.settings.keymap)
            problems += [f"{loaded.path}: {why}" for why in refused]
            if usable:
                self.set_keymap(usable)
        if problems:
            self.notify("\n".join(problems[:8]) + "\nEverything else in it was applied.",
                        title="Some settings were not applied", severity="warning",
                        timeout=15, markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        from .config import remember_theme

        remember_theme(self.theme, self.options.config_dir)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands; its colour "Theme" named so that it is not mistaken for
        a brief's narrative theme."""
        for command in super().get_system_commands(screen):
            if command.title == "Theme":
                command = command._replace(title="Colours (light, dark…)",
                                           help="Change the colours of the app")
            yield command

    @on(ThemesShown)
    def _themes_shown(self) -> None:
        if self.options.exit_when_ready:
            self.exit()

    async def action_key(self, action: str) -> None:
        """A key that opens a screen: at once (it is a priority key, see screen_keys.py),
        but not over a dialog or the palette, which are answered first; there the key
        goes on to the dialog, as it did before it was a priority key."""
        if self.screen.is_modal:
            raise SkipAction
        await self.run_action(action)

    def action_review_queue(self) -> None:
        from .screens.review_queue import ReviewQueueScreen

        queue = next((s for s in self.screen_stack if isinstance(s, ReviewQueueScreen)), None)
        if queue is None:
            self.push_screen(ReviewQueueScreen(self.review_desk))
            return
        # Back from a draft (or a dialog over it) to the queue it was opened from.
        if not self._pop_to(queue):
            self.screen.call_after_refresh(self.action_review_queue)

    def _ready_above(self, screen: Screen[Any]) -> bool:
        """Whether every screen above `screen` has finished being put together (closing one
        before that left its own start-up code looking for widgets already gone)."""
        return all(above.is_mounted
                   for above in self.screen_stack[self.screen_stack.index(screen) + 1:])

    def _pop_to(self, screen: Screen[Any]) -> bool:
        """Close the screens above `screen`; False, closing nothing, while one of them is
        still being put together (the caller tries again after the next refresh)."""
        if not self._ready_above(screen):
            return False
        while self.screen is not screen:
            self.pop_screen()
        return True

    def action_curate(self) -> None:
        from .screens.curate import CurateScreen

        if not isinstance(self.screen, CurateScreen):  # F6 there would hide its article
            self.push_screen(CurateScreen(self.options.corpus_dir))

    def action_train(self) -> None:
        from .screens.train import TrainScreen

        if not isinstance(self.screen, TrainScreen):
            self.push_screen(TrainScreen(self.options.corpus_dir, self.options.templates_dir))

    def edit_draft(self, draft: DraftView) -> None:
        """Open a saved draft's newest choices in the compose screen, after asking when
        that would replace changes the communicator has not saved or exported."""
        compose = next((s for s in self.screen_stack if isinstance(s, ComposeScreen)), None)
        if compose is None:
            return

        def go(replace: bool | None = True) -> None:
            if not replace:
                return
            if not self._ready_above(compose):
                self.screen.call_after_refresh(go, replace)
                return
            refused = compose.open_draft(draft)
            if refused:
                self.notify(refused, title="Not opened", severity="error", markup=False)
                return
            self._pop_to(compose)
            from .review_desk import origin_of

            self.review_desk.origin = origin_of(draft)
            self.notify(f"Editing draft {draft.id} from version {draft.current_number}. Press "
                        f"ctrl+s to save your changes as version {draft.current_number + 1}.",
                        title=f"Draft {draft.id}")

        if not compose.dirty:
            go()
            return
        from .dialogs.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(
            "The brief on the compose screen has changes you have not saved or exported.\n"
            f"Open draft {draft.id} in its place and lose them?",
            yes=f"Open draft {draft.id}", no="Keep my brief"), go)

    def action_command_palette(self) -> None:
        """The command palette (guarded against paging before its list is laid out)."""
        from .widgets.guarded import SafeCommandPalette

        top = self.screen
        if isinstance(top, SafeCommandPalette) and top.closing:
            # ctrl+p just after Escape: open the new palette once the old one is gone.
            self.call_after_refresh(self.action_command_palette)
            return
        if self.use_command_palette and not SafeCommandPalette.is_open(self):  # type: ignore[arg-type]
            # No fixed id (Textual 8.2.8 gives its own "--command-palette"): the palette
            # just closed is still registered while it is taken down, and ctrl+p at that
            # moment failed on the duplicate id.
            self.push_screen(SafeCommandPalette())

    def search_commands(self, commands: Sequence[CommandListItem],
                        placeholder: str = "Search for commands…") -> AwaitMount:
        """Textual's list-of-commands palette, as the guarded palette."""
        from textual.command import SimpleProvider

        from .widgets.guarded import SafeCommandPalette

        return self.push_screen(SafeCommandPalette(  # an instance, as Textual's own passes
            providers=[SimpleProvider(self.screen, list(commands))],  # type: ignore[list-item]
            placeholder=placeholder))

    def search_themes(self) -> None:
        """Textual's colour-theme palette ("Colours" in the palette), as the guarded one."""
        from textual.theme import ThemeProvider

        from .widgets.guarded import SafeCommandPalette

        self.push_screen(SafeCommandPalette(providers=[ThemeProvider],
                                            placeholder="Search for colour themes…"))

    def action_toggle_light(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_help(self) -> None:
        from .keys import help_for

        self.push_screen(help_for(self.screen, self.focused))

    async def action_quit(self) -> None:
        """Quit; with unsaved work (a brief not exported, Curate decisions not added),
        ask first. Pressed again while asking (or while anything else is on top of the
        question), it quits."""
        from .screens.curate import CurateScreen

        compose = next((s for s in self.screen_stack if isinstance(s, ComposeScreen)), None)
        brief = ["The brief has changes you have not exported."] if compose and compose.dirty \
            else []
        curated = [n for s in self.screen_stack if isinstance(s, CurateScreen)
                   if (n := s.not_added())]
        asking = self._quit_question is not None and self._quit_question in self.screen_stack
        if (not brief and not curated) or asking:
            self.exit()
            return
        from .dialogs.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            self._quit_question = None
            if leave:
                self.exit()

        yes = ("Quit and lose both" if brief and curated else
               "Quit without exporting" if brief else "Quit without adding")
        self._quit_question = ConfirmDialog("\n".join([*brief, *curated, "Quit and lose them?"]),
                                            yes=yes)
        self.push_screen(self._quit_question, answered)


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
    """Open the terminal UI (called by `assistant` with no arguments). Exits with the
    app's status: non-zero when it stopped on an error, so nothing mistakes that for success."""
    app = build_app(corpus_dir, templates_dir, db_url=db_url, user=user)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
