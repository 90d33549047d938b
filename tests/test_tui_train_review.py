"""A trainer's deck in the app's review screens: the draft view shows its slides, submits it
through the deck's checks, and exports it as PowerPoint or a web page with DRAFT or the
approval on every slide."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from textual.widgets import Input

from assistant.corpus import load_corpus
from assistant.render.approval import DRAFT
from assistant.review import open_store
from assistant.review.decks import deck_inputs
from assistant.train import build_deck
from assistant.train.document import deck_text
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.screens.draft_view import DraftViewScreen

from .test_tui_review import open_queue_and_draft, shown
from .tui_helpers import CORPUS
from .tui_review_helpers import SAVED_AT, db_url, fixed, review_app, review_settled, team


def _deck_draft(url: str) -> int:
    team(url).close()
    corpus = load_corpus(CORPUS)
    store = open_store(url, "carol", clock=fixed(SAVED_AT))
    try:
        draft = store.new_draft(deck_inputs(["harsh-life"], "policymakers"),
                                deck_text(build_deck(corpus, ["harsh-life"], "policymakers"),
                                          ["harsh-life"], "policymakers"),
                                corpus.fingerprint, title="Workshop deck", kind="deck")
        return draft.id
    finally:
        store.close()


async def _export(pilot, view: DraftViewScreen, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("x")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    assert [str(b.label) for b in dialog.query("FormatButton")] == [
        "PowerPoint (.pptx)", "Web page (.html)"]
    dialog.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await review_settled(pilot)
    assert pilot.app.screen is view


def _slides(path: Path) -> list[str]:
    return ["\n".join(s.text_frame.text for s in page.shapes if s.has_text_frame)
            for page in Presentation(str(path)).slides]


async def test_a_deck_is_submitted_approved_and_exported_from_the_draft_view(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    draft_id = _deck_draft(url)
    author = review_app(url, "carol")
    async with author.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, draft_id)
        assert "[title] The narratives of people who left Islamic State" in view.query_one(
            "#draft-brief").source  # type: ignore[attr-defined]
        await _export(pilot, view, tmp_path / "draft.pptx")
        await pilot.press("s")
        await review_settled(pilot)
        assert "[IN REVIEW]" in shown(view, "#draft-head")
    assert all(DRAFT in slide for slide in _slides(tmp_path / "draft.pptx"))

    reviewer = review_app(url, "bob")
    async with reviewer.run_test(size=(120, 36)) as pilot:
        view = await open_queue_and_draft(pilot, draft_id)
        from .test_tui_review import decide

        await decide(pilot, "a", "Every voice checked.")
        assert "[APPROVED]" in shown(view, "#draft-head")
        await _export(pilot, view, tmp_path / "approved.pptx")
    slides = _slides(tmp_path / "approved.pptx")
    mark = "Approved by bob (reviewer) on 3 March 2026, version "
    assert all(mark in slide for slide in slides)
    assert not any("DRAFT" in slide for slide in slides)
    assert "Comment: Every voice checked." in slides[-1]
