"""Helpers for the review screens' tests: a review database in tmp_path with fixed
clocks, apps acting as a given user, and waiting until a review screen has read it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from assistant.compose.brief import BriefInputs
from assistant.corpus import load_corpus
from assistant.review import DraftView, ReviewStore, open_store, set_up_database
from assistant.review.composing import compose_version
from assistant.tui.app import CounterbriefApp, build_app
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen

from .tui_helpers import CORPUS, TEMPLATES, settled

SAVED_AT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
"""When the drafts made outside the app were saved."""
NOW = datetime(2026, 3, 3, 11, 30, tzinfo=UTC)
"""What time it is in the apps (so the queue's ages are always the same)."""


def fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'review.sqlite3'}"


def team(url: str) -> ReviewStore:
    """A database where alice and bob are reviewers and carol an author (set up by an
    admin called admin), acting as admin."""
    set_up_database(url, "admin", "admin", clock=fixed(SAVED_AT))  # `assistant db init`
    store = open_store(url, "admin", clock=fixed(SAVED_AT))
    store.add_user("alice", "reviewer")
    store.add_user("bob", "reviewer")
    store.add_user("carol", "author")
    return store


def saved_draft(url: str, author: str, theme: str = "harsh-life",
                audience: str = "policymakers", *, submit: bool = False,
                at: datetime = SAVED_AT) -> DraftView:
    """A brief composed from the test corpus and saved as version 1 by `author`."""
    composed = compose_version(load_corpus(CORPUS),
                               BriefInputs(theme=theme, audience=audience), TEMPLATES)
    store = open_store(url, author, clock=fixed(at))
    try:
        draft = store.new_draft(composed.inputs, composed.markdown, composed.fingerprint,
                                title=composed.title)
        return store.submit(draft.id) if submit else draft
    finally:
        store.close()


def review_app(url: str, user: str, now: datetime = NOW) -> CounterbriefApp:
    """The app as the CLI builds it for `user` on the test corpus, its clock fixed."""
    app = build_app(CORPUS, TEMPLATES, db_url=url, user=user, exit_when_ready=False)
    app.review_desk.clock = fixed(now)
    return app


async def review_settled(pilot: Pilot[None], rounds: int = 200) -> None:
    """Wait for the compose screen, then until the review screen on top has read the
    database and every worker is done; stop cursors blinking."""
    await settled(pilot)
    app = pilot.app
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        screen = app.screen
        if isinstance(screen, ReviewQueueScreen) and not screen.loaded:
            continue
        if isinstance(screen, DraftViewScreen) and (screen.page is None or screen.busy):
            if "-problem" in screen.query_one("#draft-notice").classes:
                break
            continue
        if not len(app.workers):
            break
    await pilot.pause()
    for field in app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()
