"""The review queue at scale: a page of drafts at a time, the next read as the cursor
reaches the last row, and the count of all of them."""

from __future__ import annotations

from pathlib import Path

from assistant.review.models import STATUSES
from assistant.tui.screens.review_queue import PAGE, ReviewQueueScreen
from assistant.tui.widgets.draft_table import DraftTable
from bench.review import build

from .test_tui_review import shown
from .tui_review_helpers import review_app, review_settled

DRAFTS = 2 * PAGE + 37


async def test_a_long_queue_shows_a_page_and_its_count_and_reads_on_at_the_last_row(
        tmp_path: Path) -> None:
    url, _ = build(tmp_path, "# A brief\n\nSome text.\n", drafts=DRAFTS, versions=2)
    app = review_app(url, "reviewer")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        queue = app.screen
        assert isinstance(queue, ReviewQueueScreen)
        table = queue.query_one(DraftTable)
        assert table.row_count == PAGE
        assert f"{PAGE} of {DRAFTS} drafts, oldest first" in shown(queue, "#queue-notice")
        table.move_cursor(row=PAGE - 2)
        await review_settled(pilot)
        assert table.row_count == PAGE  # not yet at the last row
        await pilot.press("down")
        await review_settled(pilot)
        assert table.row_count == 2 * PAGE
        assert table.cursor_row == PAGE - 1  # the cursor stays on its draft
        assert f"{2 * PAGE} of {DRAFTS} drafts" in shown(queue, "#queue-notice")
        table.move_cursor(row=2 * PAGE - 1)
        await review_settled(pilot)
        assert table.row_count == DRAFTS
        assert [d.id for d in queue.drafts] == list(range(1, DRAFTS + 1))
        assert f"{DRAFTS} drafts, oldest first." in shown(queue, "#queue-notice")


async def test_a_filtered_queue_counts_the_drafts_in_that_state(tmp_path: Path) -> None:
    drafts = PAGE * (len(STATUSES) + 1)
    url, _ = build(tmp_path, "# A brief\n\nSome text.\n", drafts=drafts, versions=2)
    in_review = sum(1 for n in range(1, drafts + 1)
                    if STATUSES[n % len(STATUSES)] == "in-review")
    assert in_review > PAGE
    app = review_app(url, "reviewer")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("2")
        await review_settled(pilot)
        queue = app.screen
        assert isinstance(queue, ReviewQueueScreen)
        assert len(queue.drafts) == PAGE
        assert {d.status for d in queue.drafts} == {"in-review"}
        assert f"{PAGE} of {in_review} drafts, oldest first" in shown(queue, "#queue-notice")
