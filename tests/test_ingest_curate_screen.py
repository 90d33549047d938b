"""The Curate screen: open an article, decide on each candidate, see the corpus problems of
what was accepted at once, and add it to the corpus."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from assistant.ingest.starter import start_corpus
from assistant.tui.app import build_app
from assistant.tui.screens.curate import CurateScreen

from .test_ingest_cli import ARTICLE
from .tui_helpers import TEMPLATES


async def _idle(pilot: Pilot[None]) -> None:
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if not len(pilot.app.workers):
            break


def _shown(screen: CurateScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_accepting_a_candidate_shows_its_problems_and_adds_it_to_the_corpus(
        tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    article = tmp_path / "guard.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, CurateScreen)
        screen.query_one("#article-path", Input).value = str(article)
        screen.query_one("#article-path", Input).focus()
        await pilot.press("enter")
        await _idle(pilot)
        assert screen.query_one("#candidates", OptionList).option_count == 3
        assert "Nothing accepted yet" in _shown(screen, "#corpus-problems")

        await pilot.press("a")
        await _idle(pilot)
        assert "1 accepted: the corpus would be valid" in _shown(screen, "#corpus-problems")

        await pilot.press("s")
        speaker = screen.query_one("#speaker", Input)
        speaker.value = "nobody-known"
        await pilot.press("enter")
        await _idle(pilot)
        problems = _shown(screen, "#corpus-problems")
        assert "speaker 'nobody-known' is not defined" in problems

        await pilot.press("s")
        speaker.value = "tariq-haddad"
        await pilot.press("enter")
        await pilot.press("down", "x")
        await _idle(pilot)
        assert "1 accepted: the corpus would be valid" in _shown(screen, "#corpus-problems")

        await pilot.press("ctrl+s")
        await _idle(pilot)
    quotes = (corpus / "quotes" / "guard.yaml")
    assert not quotes.exists()  # the source id comes from the text, not the file name
    added = list((corpus / "quotes").glob("*.yaml"))
    assert len(added) == 1
    text = added[0].read_text(encoding="utf-8")
    assert "We were miserable, and nobody cared" in text
    assert "The emirs had meat every night." not in text  # rejected
    assert list((corpus / "archive").glob("*.txt"))


async def test_a_pasted_article_is_read_with_ctrl_r_and_duplicates_are_said(
        tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from .tui_helpers import CORPUS

    app = build_app(CORPUS, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    article = ("Headline\n\n\"ISIS wants to kill everyone who says no,\" a 26-year-old Syrian "
               "fighter told NPR last year.\n")
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, CurateScreen)
        area = screen.query_one("#article-text", TextArea)
        area.text = article
        area.focus()
        await pilot.press("ctrl+r")
        await _idle(pilot)
        assert screen.query_one("#candidates", OptionList).option_count == 1
        assert "already in the corpus as" in _shown(screen, "#candidate-notes")
        assert "reverse" in str(screen.query_one("#article-view", Static).render().spans)
