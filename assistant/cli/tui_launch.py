"""Open the terminal UI (imported only when it is needed, to keep the CLI fast)."""

from __future__ import annotations

import os
import sys

from .settings import Settings

# The same environment variables the global options read (see root.py).
ENVIRONMENT = {"corpus_dir": "ASSISTANT_CORPUS", "db_url": "ASSISTANT_DB",
               "user": "ASSISTANT_USER"}


def open_tui(settings: Settings) -> None:
    from ..tui.app import run_app

    run_app(settings.corpus_dir, templates_dir=settings.templates_dir,
            db_url=settings.db_url, user=settings.user)


def open_tui_from_environment(debug: bool = False) -> None:
    """`assistant` with no arguments: the app, configured from the environment only."""
    settings = Settings.build(**{key: os.environ.get(var) or None
                                 for key, var in ENVIRONMENT.items()})
    try:
        open_tui(settings)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc}\n"
              "(set ASSISTANT_DEBUG=1 to see the full traceback)", file=sys.stderr)
        sys.exit(1)
