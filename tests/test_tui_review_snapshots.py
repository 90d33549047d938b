"""Screenshots of the review queue, a draft and the decision dialog at 80x24 and 120x36.

Deterministic: the test corpus and templates, a database made in tmp_path with a fixed
clock, the app's clock fixed too (so ages and dates never move), no user settings
(conftest). After a deliberate change to the look: `pytest --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant.corpus import load_corpus
from assistant.review import open_store
from assistant.review.composing import changed_inputs, compose_version
from assistant.tui.widgets.draft_table import DraftTable

from .tui_helpers import CORPUS, TEMPLATES
from .tui_review_helpers import (
    SAVED_AT,
    db_url,
    fixed,
    review_app,
    review_settled,
    saved_draft,
    team,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def three_drafts(tmp_path: Path) -> str:
    """Draft 1 approved, draft 2 in review at version 2, draft 3 sent back."""
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", "harsh-life", submit=True)
    second = saved_draft(url, "carol", "brutality-against-sunnis", "young-people")
    saved_draft(url, "carol", "harsh-life", "young-people", submit=True)

    carol = open_store(url, "carol", clock=fixed(SAVED_AT))
    inputs = changed_inputs(second.current.inputs,
                            frame=["goal=Show young people what defectors found."])
    composed = compose_version(load_corpus(CORPUS), inputs, TEMPLATES)
    carol.edit_draft(2, composed.inputs, composed.markdown, composed.fingerprint,
                     expected_revision=second.revision, note="a goal for the campaign")
    carol.submit(2)
    bob = open_store(url, "bob", clock=fixed(SAVED_AT))
    bob.approve(1, "Every quote checked against its source.")
    bob.request_changes(3, "Add a content note before the second quote.")
    return url


def then(*keys: str, row: int | None = None):  # type: ignore[no-untyped-def]
    """Open the queue, optionally open the draft in `row`, then press `keys`."""

    async def run_before(pilot: Pilot[None]) -> None:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        if row is not None:
            table = pilot.app.screen.query_one(DraftTable)
            table.move_cursor(row=row, animate=False)
            await pilot.press("enter")
            await review_settled(pilot)
        for key in keys:
            await pilot.press(key)
            await review_settled(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_review_queue(snap_compare, size, tmp_path):  # type: ignore[no-untyped-def]
    app = review_app(three_drafts(tmp_path), "bob")
    assert snap_compare(app, terminal_size=size, run_before=then())


@pytest.mark.parametrize("size", SIZES)
def test_draft_view(snap_compare, size, tmp_path):  # type: ignore[no-untyped-def]
    app = review_app(three_drafts(tmp_path), "bob")
    assert snap_compare(app, terminal_size=size, run_before=then(row=1))


@pytest.mark.parametrize("size", SIZES)
def test_draft_diff(snap_compare, size, tmp_path):  # type: ignore[no-untyped-def]
    app = review_app(three_drafts(tmp_path), "bob")
    assert snap_compare(app, terminal_size=size, run_before=then("2", row=1))


@pytest.mark.parametrize("size", SIZES)
def test_draft_audit_log(snap_compare, size, tmp_path):  # type: ignore[no-untyped-def]
    app = review_app(three_drafts(tmp_path), "bob")
    assert snap_compare(app, terminal_size=size, run_before=then("5", row=1))


@pytest.mark.parametrize("size", SIZES)
def test_request_changes_dialog(snap_compare, size, tmp_path):  # type: ignore[no-untyped-def]
    app = review_app(three_drafts(tmp_path), "bob")
    assert snap_compare(app, terminal_size=size, run_before=then("c", row=1))


@pytest.mark.parametrize("size", SIZES)
def test_unreachable_database(snap_compare, size, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # the path in the message is relative, the same every run
    app = review_app("sqlite:///no-such-folder/review.sqlite3", "bob")
    assert snap_compare(app, terminal_size=size, run_before=then())

