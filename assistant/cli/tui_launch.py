"""Open the terminal UI (imported only when it is needed, to keep the CLI fast)."""

from __future__ import annotations

from .common import Settings


def open_tui(settings: Settings) -> None:
    from ..tui.app import run_app

    run_app(settings.corpus_dir, templates_dir=settings.templates_dir,
            db_url=settings.db_url, user=settings.user)
