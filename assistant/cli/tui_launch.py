"""Open the terminal UI (imported only when it is needed, to keep the CLI fast)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from .settings import Settings

# The same environment variables the global options read (see root.py).
ENVIRONMENT = {"corpus_dir": "ASSISTANT_CORPUS", "db_url": "ASSISTANT_DB",
               "user": "ASSISTANT_USER"}


def open_tui(settings: Settings) -> None:
    from ..tui.app import run_app

    run_app(settings.corpus_dir, templates_dir=settings.templates_dir,
            db_url=settings.db_url, user=settings.user)


@contextlib.contextmanager
def keys_reach_the_app() -> Iterator[None]:
    """Ctrl+Q (and Ctrl+S) typed while the app is still starting reach it. Until Textual
    sets the terminal up, the terminal's flow control takes those two keys for itself
    and they are lost: here it is off from the first moment instead (as Textual turns
    it off too), and the terminal is left as it was found."""
    try:
        import termios
    except ImportError:  # not POSIX
        yield
        return
    try:
        terminal = sys.stdin.fileno()
        found = termios.tcgetattr(terminal)
    except (OSError, ValueError, termios.error):  # not a terminal
        yield
        return
    without = list(found)
    without[0] &= ~(termios.IXON | termios.IXOFF)  # the input flags
    with contextlib.suppress(termios.error):
        termios.tcsetattr(terminal, termios.TCSANOW, without)
    try:
        yield
    finally:
        with contextlib.suppress(termios.error, OSError):  # gone with a hung-up terminal
            termios.tcsetattr(terminal, termios.TCSANOW, found)


def open_tui_from_environment(debug: bool = False) -> None:
    """`assistant` with no arguments: the app, configured from the environment only."""
    settings = Settings.build(**{key: os.environ.get(var) or None
                                 for key, var in ENVIRONMENT.items()})
    try:
        with keys_reach_the_app():
            open_tui(settings)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc}\n"
              "(set ASSISTANT_DEBUG=1 to see the full traceback)", file=sys.stderr)
        sys.exit(1)
