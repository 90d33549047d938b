"""The Curate screen: open an article, decide on each candidate, see the corpus problems of
what was accepted at once, and add it to the corpus."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from assistant.ingest.starter import start_corpus
from assistant.tui.app import CounterbriefApp, build_app
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



def _curating(tmp_path: Path) -> tuple[Path, Path, CounterbriefApp]:
    """A new corpus, an article to curate beside it, and the app on that corpus."""
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    article = tmp_path / "guard.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return corpus, article, build_app(corpus, TEMPLATES, config_dir=tmp_path / "config",
                                      exit_when_ready=False)

async def test_accepting_a_candidate_shows_its_problems_and_adds_it_to_the_corpus(
        tmp_path: Path) -> None:
    corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        await pilot.press("f6")
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
        speaker = screen.query_one("#candidate-speaker", Input)
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
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, CurateScreen)
        area = screen.query_one("#article-text", TextArea)
        area.text = article
        area.focus()
        await pilot.press("ctrl+r")
        await _idle(pilot)
        options = screen.query_one("#candidates", OptionList)
        assert options.option_count == 1
        assert "already in the corpus as" in _shown(screen, "#candidate-notes")
        assert "reverse" in str(screen.query_one("#article-view", Static).render().spans)


# the same remark as ARTICLE's first quote, printed by another outlet a week later
OTHER_OUTLET = """Hunger and fear: a guard's account

By Jonas Beck
May 11, 2016

Tariq Haddad, a former prison guard, spoke to this newspaper by telephone. "We were miserable, and nobody cared," he said. "I only wanted bread for my sister."
"""


async def _open(pilot: Pilot[None], article: Path) -> CurateScreen:
    await pilot.press("f6")
    screen = pilot.app.screen
    assert isinstance(screen, CurateScreen)
    screen.query_one("#article-path", Input).value = str(article)
    screen.query_one("#article-path", Input).focus()
    await pilot.press("enter")
    await _idle(pilot)
    return screen


async def test_k_keeps_a_candidate_already_in_the_corpus_when_the_curator_wants_it(
        tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(OTHER_OUTLET, encoding="utf-8")
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, first)
        await pilot.press("a", "ctrl+s")
        await _idle(pilot)
        await pilot.press("escape")
        screen = await _open(pilot, second)
        notes = _shown(screen, "#candidate-notes")
        assert "already in the corpus as q-001 (k keeps it anyway)" in notes

        await pilot.press("a")  # accepted as it is, the duplicate is refused
        await _idle(pilot)
        assert "already in the corpus as q-001" in _shown(screen, "#corpus-problems")

        await pilot.press("k")
        await _idle(pilot)
        problems = _shown(screen, "#corpus-problems")
        assert "1 accepted: the corpus would be valid." in problems
        assert "repeats q-001 (kept on purpose)" in problems
        await pilot.press("ctrl+s")
        await _idle(pilot)
    texts = "".join(p.read_text(encoding="utf-8") for p in (corpus / "quotes").glob("*.yaml"))
    assert texts.count("We were miserable, and nobody cared") == 2


async def test_shift_a_accepts_what_was_reviewed_and_adding_shows_verify_passing(
        tmp_path: Path) -> None:
    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        notes = _shown(screen, "#candidate-notes")
        assert "Tariq Haddad, a former prison guard" in notes  # who, as the article says
        assert "themes:" in notes
        await pilot.press("down", "A")  # two looked at, the third never shown
        await _idle(pilot)
        assert "2 accepted: the corpus would be valid." in _shown(screen, "#corpus-problems")
        assert list(screen.decisions.values()).count("undecided") == 1

        await pilot.press("ctrl+s")
        await _idle(pilot)
        assert "verify: all 2 quote(s) stand verbatim in archive/" in \
            _shown(screen, "#corpus-problems")


async def test_what_was_left_out_is_listed_after_the_candidates_with_its_reason(
        tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    article = tmp_path / "guard.txt"
    article.write_text(ARTICLE.replace("ate well.", "ate well, in what he calls "
                                       "\"the fat years\"."), encoding="utf-8")
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        options = screen.query_one("#candidates", OptionList)
        assert options.option_count == 4
        last = options.get_option_at_index(3)
        assert last.disabled
        assert "left out: the fat years (a single word or short term" in str(last.prompt)
        await pilot.press("down", "down")
        assert options.highlighted == 2
        await pilot.press("down")
        assert options.highlighted != 3  # a left-out line is never a candidate to decide


async def test_an_article_file_with_a_control_character_is_refused_naming_its_line(
        tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    article = tmp_path / "escape.txt"
    article.write_text(ARTICLE.replace("went hungry", "went \x1b[2Jhungry"), encoding="utf-8")
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _idle(pilot)
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, CurateScreen)
        screen.query_one("#article-path", Input).value = str(article)
        screen.query_one("#article-path", Input).focus()
        await pilot.press("enter")
        await _idle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any(f"{article}:6:" in m and "U+001B" in m for m in said), said
        assert screen.query_one("#candidates", OptionList).option_count == 0


async def test_at_80x24_the_list_stays_in_view_and_the_themes_field_is_a_full_field(
        tmp_path: Path) -> None:
    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _idle(pilot)
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, CurateScreen)
        screen.query_one("#article-path", Input).value = str(article)
        screen.query_one("#article-path", Input).focus()
        await pilot.press("enter")
        await _idle(pilot)
        for _ in range(3):  # every candidate accepted with a speaker the corpus lacks
            await pilot.press("s")
            screen.query_one("#candidate-speaker", Input).value = "nobody-known"
            await pilot.press("enter", "a", "down")
            await _idle(pilot)
        assert "problem(s) to fix" in _shown(screen, "#corpus-problems")
        assert screen.query_one("#candidates", OptionList).size.height >= 3
        themes = screen.query_one("#candidate-themes", Input)
        assert themes.outer_size.height == 3 and themes.region.bottom <= 23


def _said(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_the_curator_sets_the_source_id_and_date_and_the_added_quotes_cite_them(
        tmp_path: Path) -> None:
    corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        source_id = screen.query_one("#source-id", Input)
        assert source_id.value == screen.result.source.id  # what ingest proposed
        await pilot.press("a", "i")
        assert screen.focused is source_id
        source_id.value = "lind-guard-hunger"
        await pilot.press("enter")
        date = screen.query_one("#source-date", Input)
        assert screen.focused is date
        date.value = "2016-05"
        await pilot.press("enter")
        await _idle(pilot)
        assert "1 accepted: the corpus would be valid." in _shown(screen, "#corpus-problems")
        await pilot.press("ctrl+s")
        await _idle(pilot)
    sources = (corpus / "sources.yaml").read_text(encoding="utf-8")
    assert "id: lind-guard-hunger" in sources and 'published: "2016-05"' in sources
    assert "lind-guard-hunger" in (corpus / "quotes" / "lind-guard-hunger.yaml"
                                   ).read_text(encoding="utf-8")
    assert (corpus / "archive" / "lind-guard-hunger.txt").is_file()


async def test_a_source_id_or_date_that_cannot_be_used_is_refused_and_nothing_changes(
        tmp_path: Path) -> None:
    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        proposed = screen.result.source if screen.result else None
        await pilot.press("i")
        screen.query_one("#source-id", Input).value = "Lind Guard!"
        await pilot.press("enter")
        await _idle(pilot)
        assert any("'Lind Guard!' cannot be a source id" in m for m in _said(app))
        screen.query_one("#source-id", Input).value = "lind-guard"
        screen.query_one("#source-date", Input).value = "2016-02-30"
        screen.query_one("#source-date", Input).focus()
        await pilot.press("enter")
        await _idle(pilot)
        assert any("published '2016-02-30': '2016-02-30' is not a real date" in m
                   for m in _said(app))
        assert screen.result is not None and screen.result.source == proposed


async def test_escape_with_decisions_not_added_asks_and_stays_unless_the_curator_confirms(
        tmp_path: Path) -> None:
    from assistant.tui.dialogs.confirm import ConfirmDialog

    corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        await pilot.press("a", "down", "x")
        await _idle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "2 decision(s)" in app.screen.question
        await pilot.press("escape")  # the safe answer: stay, the decisions kept
        await pilot.pause()
        assert app.screen is screen
        assert list(screen.decisions.values())[:2] == ["accepted", "rejected"]

        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not isinstance(app.screen, (CurateScreen, ConfirmDialog))
    assert not (corpus / "archive").exists() or not any((corpus / "archive").glob("*.txt"))


async def test_escape_goes_straight_back_when_everything_decided_was_added(
        tmp_path: Path) -> None:
    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        await _open(pilot, article)
        await pilot.press("a", "ctrl+s")
        await _idle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CurateScreen)


async def test_s_adds_a_new_speaker_from_an_id_and_a_name_and_refuses_a_bad_id(
        tmp_path: Path) -> None:
    corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        speaker = screen.query_one("#candidate-speaker", Input)
        await pilot.press("s")
        speaker.value = "T Haddad = Tariq H."
        await pilot.press("enter")
        await _idle(pilot)
        assert any("'T Haddad' cannot be a speaker id" in m for m in _said(app))
        assert screen.result is not None and screen.result.candidates[0].speaker != "T Haddad"

        speaker.value = "tariq-h = Tariq H."
        await pilot.press("enter")
        await _idle(pilot)
        assert any("New speaker tariq-h (Tariq H., a former prison guard)" in m
                   for m in _said(app))
        await pilot.press("a")
        await _idle(pilot)
        assert "1 accepted: the corpus would be valid." in _shown(screen, "#corpus-problems")
        await pilot.press("ctrl+s")
        await _idle(pilot)
    speakers = (corpus / "speakers.yaml").read_text(encoding="utf-8")
    assert "id: tariq-h" in speakers and 'name: "Tariq H."' in speakers


async def test_reading_the_article_again_with_decisions_not_added_asks_first(
        tmp_path: Path) -> None:
    from assistant.tui.dialogs.confirm import ConfirmDialog

    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        await pilot.press("a", "down", "x")
        await _idle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "2 decision(s)" in app.screen.question
        await pilot.press("escape")  # the safe answer: the decisions stay
        await _idle(pilot)
        assert app.screen is screen
        assert list(screen.decisions.values())[:2] == ["accepted", "rejected"]

        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#yes")
        await _idle(pilot)
        assert app.screen is screen
        assert set(screen.decisions.values()) == {"undecided"}


async def test_opening_another_article_with_decisions_not_added_asks_first(
        tmp_path: Path) -> None:
    from assistant.tui.dialogs.confirm import ConfirmDialog

    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text('"We left at night with nothing," Amal Idris said.\n', encoding="utf-8")
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, first)
        await pilot.press("a")
        await _idle(pilot)
        path = screen.query_one("#article-path", Input)
        path.value = str(second)
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 decision(s)" in app.screen.question
        await pilot.press("escape")
        await _idle(pilot)
        assert app.screen is screen
        assert screen.result is not None and "We left at night" not in screen.result.article
        assert next(iter(screen.decisions.values())) == "accepted"

        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#yes")
        await _idle(pilot)
        assert screen.result is not None and "We left at night" in screen.result.article
        assert set(screen.decisions.values()) == {"undecided"}


async def test_quitting_with_curate_decisions_not_added_asks_first(tmp_path: Path) -> None:
    from assistant.tui.dialogs.confirm import ConfirmDialog

    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        await pilot.press("a")
        await _idle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 decision(s)" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert next(iter(screen.decisions.values())) == "accepted"


async def test_f6_on_the_curate_screen_keeps_the_article_being_curated(tmp_path: Path) -> None:
    _corpus, article, app = _curating(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        screen = await _open(pilot, article)
        await pilot.press("a", "f6")
        await _idle(pilot)
        assert app.screen is screen
        assert sum(isinstance(s, CurateScreen) for s in app.screen_stack) == 1


async def test_enter_on_an_empty_path_says_what_to_type(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    start_corpus(corpus)
    app = build_app(corpus, TEMPLATES, config_dir=tmp_path / "config", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await _idle(pilot)
        await pilot.press("f6", "enter")
        await _idle(pilot)
        assert _said(app)[-1] == ("Type the article's file path, or paste the article below "
                                  "and press ctrl+r.")
