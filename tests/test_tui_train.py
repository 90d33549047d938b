"""Trainer mode in the terminal, driven as a trainer would: next, notes, jump, skip, blank."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from assistant.paths import bundled_corpus_dir, bundled_templates_dir
from assistant.train import Chart, ChartBar, Deck, Slide, SlideKind, Voice
from assistant.tui.screens.train import TrainScreen
from assistant.tui.train_app import TrainApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def _app(deck: Deck | None = None) -> TrainApp:
    return TrainApp(bundled_corpus_dir(), bundled_templates_dir(), None, "workshop", deck)


async def _ready(pilot: Pilot[None]) -> TrainScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrainScreen) and screen.deck is not None
    return screen


async def test_a_trainer_walks_the_deck_opens_the_notes_and_skips_a_content_note() -> None:
    async with _app().run_test(size=(120, 36)) as pilot:
        screen = await _ready(pilot)
        deck = screen.deck
        assert deck is not None
        await pilot.press("right")
        assert screen.index == 1
        await pilot.press("left", "left")
        assert screen.index == 0
        await pilot.press("n")
        assert screen.has_class("notes")
        shown = str(screen.query_one("#notes-text").render())
        assert shown.startswith("Trainer's notes (not shown to the room)")
        assert deck.slides[0].notes in shown
        note = next(i for i, s in enumerate(deck.slides) if s.kind == SlideKind.content_note)
        await pilot.press(deck.keys[deck.slides[note].section])
        while screen.index < note:
            await pilot.press("pagedown")
        assert screen.slide is not None and screen.slide.kind == SlideKind.content_note
        await pilot.press("s")
        assert screen.index == deck.slides[note].skip_to
        assert screen.slide is not None
        assert screen.slide.voice is None or not screen.slide.voice.graphic
        await pilot.press("b")
        assert screen.has_class("blank")
        await pilot.press("b")
        assert not screen.has_class("blank")


async def test_the_last_slide_stays_the_last_and_s_elsewhere_does_nothing() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
        screen = await _ready(pilot)
        assert screen.deck is not None
        for _ in range(len(screen.deck.slides) + 3):
            await pilot.press("right")
        assert screen.index == len(screen.deck.slides) - 1
        await pilot.press("s", "9")
        assert screen.index == len(screen.deck.slides) - 1


async def test_home_and_end_reach_the_first_and_last_slides() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
        screen = await _ready(pilot)
        assert screen.deck is not None
        await pilot.press("end")
        assert screen.index == len(screen.deck.slides) - 1
        assert screen.slide is not None and screen.slide.kind == SlideKind.sources
        await pilot.press("home")
        assert screen.index == 0


async def test_number_keys_jump_to_the_narrative_of_that_number_when_themes_are_chosen() -> None:
    app = TrainApp(bundled_corpus_dir(), bundled_templates_dir(),
                   ["harsh-life", "leaving-and-speaking-out"], "workshop", None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _ready(pilot)
        deck = screen.deck
        assert deck is not None

        async def heading(key: str) -> str:
            await pilot.press(key)
            assert screen.slide is not None
            return deck.sections[screen.slide.section]

        assert (await heading("4")).startswith("Narrative 4:")
        assert "Narrative 4:" in str(screen.query_one("#where").render())
        assert await heading("5") == "Leaving and speaking out"
        assert await heading("6") == "Sources"
        assert screen.index == deck.first_of_section(deck.sections.index("Sources"))
        before = screen.index
        await pilot.press("1")  # narrative 1 was not chosen: nothing happens
        assert screen.index == before
        await pilot.press("0")
        assert screen.index == 0


async def test_long_notes_at_80x24_leave_the_slide_in_view_and_scroll() -> None:
    notes = " ".join(f"Caution {n}: say it plainly and let the room take its time." for n in range(60))
    voice = Voice(text="We were told one thing and found another.", attribution="a test speaker",
                  references=(1,), graphic=False)
    deck = Deck(title="A test deck", subtitle="for the notes", status="DRAFT: test",
                sections=("Narrative 1: A test theme",),
                slides=(Slide(SlideKind.voice, "In their words (1 of 1)", 0, voice=voice,
                              notes=notes),))
    async with _app(deck).run_test(size=(80, 24)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("n")
        await pilot.pause()
        panel, slide = screen.query_one("#notes"), screen.query_one("#slide")
        assert 0 < panel.region.height <= 8
        assert slide.region.height >= 8
        assert panel.max_scroll_y > 0  # the rest of the notes is a scroll away
        assert "We were told one thing" in str(screen.query_one("#body").render())


async def test_leaving_trainer_mode_opened_on_its_own_quits() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert pilot.app.return_code == 0


async def test_f7_from_the_compose_screen_opens_trainer_mode_and_escape_returns() -> None:
    from .tui_helpers import make_app, settled

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("f7")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TrainScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TrainScreen)


def _fixed_deck() -> Deck:
    """A small deck written for the pictures, so that they change only when the look does."""
    chart = Chart(title="Where the people in the study came from", kind="bar",
                  bars=(ChartBar("Country A", 12, "f-a"), ChartBar("Country B", 5, "f-b"),
                        ChartBar("Not known", 1, "f-c")),
                  unit="people", whole=18, source_line="Source: a test report [1]; as of May 2015")
    voice = Voice(text="We were told one thing and found another.", attribution="a test speaker",
                  references=(1,), graphic=False)
    slides = (Slide(SlideKind.chart, chart.title, 0, chart=chart, notes="Read the chart."),
              Slide(SlideKind.voice, "In their words (1 of 1)", 1, voice=voice,
                    notes="Read it exactly as written."))
    return Deck(title="A test deck", subtitle="for the pictures", status="DRAFT: test",
                sections=("Who they are", "Narrative 1: A test theme"), slides=slides,
                references=((1, "A test report, 2015."),))


@pytest.mark.parametrize("size", SIZES)
def test_chart_slide(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(_fixed_deck()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_quote_slide_with_notes(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(_fixed_deck()), terminal_size=size, press=["right", "n"])


async def test_back_after_skipping_graphic_testimony_returns_to_its_content_note() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
        screen = await _ready(pilot)
        deck = screen.deck
        assert deck is not None
        note = next(i for i, s in enumerate(deck.slides) if s.kind == SlideKind.content_note)
        after = deck.slides[note].skip_to
        assert after is not None and after > note + 1
        screen.show(note)
        await pilot.press("s")
        assert screen.index == after
        await pilot.press("left")  # the room said skip it: Back does not show it after all
        assert screen.index == note
        slide = screen.slide
        assert slide is not None and slide.kind == SlideKind.content_note
        await pilot.press("right")  # not skipped this time: the trainer chose to go on
        assert screen.index == note + 1
        voice = deck.slides[note + 1].voice
        assert voice is not None and voice.graphic
