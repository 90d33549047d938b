"""The review screens, driven with the keyboard: saving a brief as a draft, the review
queue, a draft's view, and deciding on it (issue 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input, Static

from assistant.review import open_store
from assistant.tui.dialogs.decision import DecisionDialog
from assistant.tui.dialogs.help import HelpDialog
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.screens.review_queue import ReviewQueueScreen
from assistant.tui.widgets.draft_table import DraftTable
from assistant.tui.widgets.testimony import TestimonyList

from .tui_helpers import CORPUS, TEMPLATES, compose_screen
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team


def shown(screen: object, selector: str) -> str:
    """The text a Static shows now."""
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.render())


def table_rows(screen: ReviewQueueScreen) -> list[list[str]]:
    table = screen.query_one(DraftTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def open_queue_and_draft(pilot, draft_id: int) -> DraftViewScreen:  # type: ignore[no-untyped-def]
    """F3, then Enter on the row of `draft_id`."""
    await review_settled(pilot)
    await pilot.press("f3")
    await review_settled(pilot)
    queue = pilot.app.screen
    assert isinstance(queue, ReviewQueueScreen)
    table = queue.query_one(DraftTable)
    table.focus()
    while table.draft_id != draft_id:
        await pilot.press("down")
    await pilot.press("enter")
    await review_settled(pilot)
    assert isinstance(pilot.app.screen, DraftViewScreen)
    return pilot.app.screen


async def decide(pilot, key: str, comment: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, DecisionDialog)
    pilot.app.screen.query_one("#decision-comment", Input).value = comment
    await pilot.press("enter")
    await review_settled(pilot)


async def test_ctrl_s_saves_the_composed_brief_as_a_draft_with_its_choices(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    app = review_app(url, "alice")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        composed = compose_screen(app).draft
        assert composed is not None
        await pilot.press("ctrl+s")
        await review_settled(pilot)
        assert compose_screen(app).sub_title == "draft 1, version 1"

    store = open_store(url, "alice")
    draft = store.get_draft(1)
    assert (draft.author, draft.status, draft.current_number) == ("alice", "draft", 1)
    assert draft.current.markdown == composed.markdown
    assert draft.current.inputs == composed.brief.inputs


async def test_saving_again_after_a_change_makes_version_2_of_the_same_draft(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    app = review_app(url, "alice")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("ctrl+s")
        await review_settled(pilot)
        app.screen.query_one(TestimonyList).focus()
        await pilot.press("x")  # leave the first quote out: the brief changes
        await review_settled(pilot)
        await pilot.press("ctrl+s")
        await review_settled(pilot)
        assert compose_screen(app).sub_title == "draft 1, version 2"

    drafts = open_store(url, "alice").list_queue()
    assert [(d.id, d.current_number) for d in drafts] == [(1, 2)]


async def test_a_reviewer_approves_a_submitted_draft_and_sees_it_approved_and_logged(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    author = review_app(url, "carol")
    async with author.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("ctrl+s")
        await review_settled(pilot)
        view = await open_queue_and_draft(pilot, 1)
        await pilot.press("s")
        await review_settled(pilot)
        assert "[IN REVIEW]" in shown(view, "#draft-head")

    reviewer = review_app(url, "bob")
    async with reviewer.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        assert "[IN REVIEW]" in shown(view, "#draft-head")
        await decide(pilot, "a", "Every quote checked against its source.")
        assert "[APPROVED]" in shown(view, "#draft-head")
        assert "Approved by bob" in shown(view, "#draft-head")
        assert "Every quote checked against its source." in shown(view, "#draft-comments")
        log = shown(view, "#draft-log")
        assert [line.split()[3] for line in log.splitlines()] == [
            "draft-created", "submitted", "approved"]
        assert [line.split()[2] for line in log.splitlines()] == ["carol", "carol", "bob"]

        await pilot.press("escape")  # back in the queue, which reads the new state
        await review_settled(pilot)
        assert isinstance(reviewer.screen, ReviewQueueScreen)
        assert table_rows(reviewer.screen)[0][5] == "APPROVED"


async def test_approving_your_own_draft_is_greyed_out_with_the_reason(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "alice")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        assert view.check_action("decide", ("approved",)) is None  # greyed in the footer
        assert "Approve and Send back are greyed out: You wrote this version" in shown(
            view, "#draft-notice")
        await pilot.press("a")
        await review_settled(pilot)
        assert app.screen is view  # no dialog for a decision that would be refused
        assert "[IN REVIEW]" in shown(view, "#draft-head")


async def test_an_author_who_is_not_a_reviewer_is_told_so(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "carol")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        assert view.check_action("decide", ("approved",)) is None
        assert "only reviewers and admins may decide" in shown(view, "#draft-notice")


async def test_a_decision_on_a_version_that_changed_meanwhile_is_refused(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    draft = saved_draft(url, "alice", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        # While bob reads, alice saves a new version.
        other = open_store(url, "alice")
        current = draft.current
        other.edit_draft(1, current.inputs, current.markdown + "\nOne more line.\n",
                         current.corpus_fingerprint, expected_revision=draft.revision)
        await decide(pilot, "a", "Approved as read.")
        assert "changed since you looked at it" in shown(view, "#draft-notice")
    assert open_store(url, "bob").get_draft(1).status == "draft"


async def test_requesting_changes_asks_for_a_comment_first(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # no comment yet
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
        assert "a comment is required" in shown(app.screen, "#decision-problem")
        await pilot.press(*"Cite the CBS interview.", "enter")
        await review_settled(pilot)
        assert "[CHANGES REQUESTED]" in shown(view, "#draft-head")
        assert "CHANGES REQUESTED version 1" in shown(view, "#draft-comments")


async def test_the_number_keys_filter_the_queue_by_state(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", "harsh-life")
    saved_draft(url, "alice", "brutality-against-sunnis", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        queue = app.screen
        assert isinstance(queue, ReviewQueueScreen)
        assert [row[5] for row in table_rows(queue)] == ["DRAFT", "IN REVIEW"]
        await pilot.press("2")
        await review_settled(pilot)
        assert [(row[0], row[5]) for row in table_rows(queue)] == [("2", "IN REVIEW")]
        await pilot.press("4")
        await review_settled(pilot)
        assert table_rows(queue) == []
        assert "No drafts approved" in shown(queue, "#queue-notice")


async def test_the_queue_shows_title_theme_audience_author_status_and_age(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        row = table_rows(app.screen)[0]  # type: ignore[arg-type]
        assert row[1].startswith("Harsh life: Policy brief for")
        assert row[2:] == ["harsh-life", "policymakers", "alice", "IN REVIEW", "2d"]


async def test_an_unreachable_database_is_explained_in_the_queue(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'no such folder' / 'review.sqlite3'}"
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        notice = shown(app.screen, "#queue-notice")
        assert "The review database cannot be opened" in notice
        assert "cannot use the database" in notice
        assert table_rows(app.screen) == []  # type: ignore[arg-type]


async def test_the_review_queue_is_offered_in_the_command_palette(tmp_path: Path) -> None:
    app = review_app(db_url(tmp_path), "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Review queue")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await review_settled(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)


def test_every_review_binding_has_an_id_and_a_tooltip() -> None:
    owners = [ReviewQueueScreen, DraftViewScreen, DecisionDialog]
    bindings = [b for owner in owners for b in owner.BINDINGS if isinstance(b, Binding)]
    assert bindings
    assert [b.key for b in bindings if not (b.id and b.tooltip)] == []


def test_the_app_starts_without_loading_sqlalchemy() -> None:
    code = f"""
import asyncio, sys
from pathlib import Path
from assistant.tui.app import build_app

async def main():
    app = build_app(Path({str(CORPUS)!r}), Path({str(TEMPLATES)!r}), exit_when_ready=False)
    async with app.run_test() as pilot:
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if app.screen.draft is not None:
                break
        assert app.screen.draft is not None
    print("sqlalchemy" in sys.modules)

asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


async def test_editing_a_draft_opens_its_choices_and_saving_makes_a_new_version(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", "harsh-life", "young-people")
    app = review_app(url, "carol")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_queue_and_draft(pilot, 1)
        await pilot.press("e")
        await review_settled(pilot)
        compose = compose_screen(app)
        assert app.screen is compose
        assert compose.inputs is not None
        assert (compose.inputs.theme, compose.inputs.audience) == ("harsh-life", "young-people")
        app.screen.query_one(TestimonyList).focus()
        await pilot.press("x")
        await review_settled(pilot)
        await pilot.press("ctrl+s")
        await review_settled(pilot)

    draft = open_store(url, "carol").get_draft(1)
    assert (draft.current_number, draft.status) == (2, "draft")
    assert draft.current.inputs.exclusions != []
    assert len(open_store(url, "carol").list_queue()) == 1  # no second draft


async def test_f1_explains_the_draft_view_and_lists_its_keys(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    saved_draft(url, "alice", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_queue_and_draft(pilot, 1)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert "## Draft" in app.screen.text
        ids = [row[0] for row in app.screen.keys]
        assert {"draft.approve", "draft.request-changes", "draft.edit"} <= set(ids)


async def test_submitting_a_draft_the_checks_fail_is_greyed_out_with_the_reason(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    draft = saved_draft(url, "carol")
    invented = "“We were told lies about everything we would find,” said one fighter.\n\n## "
    edited = draft.current.markdown.replace("## ", invented, 1)  # a quote nobody said
    store = open_store(url, "carol")
    store.edit_draft(1, draft.current.inputs, edited, draft.current.corpus_fingerprint,
                     expected_revision=draft.revision)
    store.close()
    app = review_app(url, "carol")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, 1)
        assert view.check_action("submit", ()) is None
        await pilot.press("s")
        await review_settled(pilot)
        assert "Submit is greyed out: The checks report errors" in shown(view, "#draft-notice")
        assert "[DRAFT]" in shown(view, "#draft-head")
    assert open_store(url, "carol").get_draft(1).status == "draft"
