"""Trainer mode: the deck full screen, one slide at a time, with notes, blanking and skips."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from ...compose.errors import BriefError
from ...corpus.loader import CorpusError
from ...train.deck import Deck, Slide, SlideKind
from ...train.text import attribution, bullet_lines, progress, quotation
from ..screen_keys import leaving
from ..widgets.deck_chart import DeckChart


class TrainScreen(Screen[None]):
    """Walk a room through the narratives. Built in a worker; keys work once it is shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,pagedown,space", "move(1)", "Next", id="train.next",
                tooltip="The next slide"),
        Binding("left,pageup", "move(-1)", "Back", id="train.back",
                tooltip="The previous slide"),
        Binding("n", "toggle_notes", "Notes", id="train.notes",
                tooltip="Show or hide the presenter notes"),
        Binding("b", "blank", "Blank", id="train.blank",
                tooltip="Blank the screen (press again to come back)"),
        Binding("s", "skip", "Skip", id="train.skip",
                tooltip="On a content note: skip the graphic testimony it warns of"),
        leaving("escape", "leave", "Leave", "train.leave", "Leave trainer mode"),
        *(Binding(str(n), f"section({n})", show=False, id=f"train.section-{n}",
                  tooltip=f"Jump to Narrative {n} (0: the opening)") for n in range(10)),
        Binding("home", "go(0)", "First", show=False, id="train.first",
                tooltip="The first slide"),
        Binding("end", "go(-1)", "Last", show=False, id="train.last",
                tooltip="The last slide"),
    ]

    DEFAULT_CSS = """
    TrainScreen { layout: vertical; }
    TrainScreen #where { dock: top; height: 1; padding: 0 2; background: $panel; }
    TrainScreen #slide { padding: 1 4; }
    TrainScreen #title { text-style: bold; padding-bottom: 1; }
    TrainScreen #slide { height: 1fr; }
    TrainScreen #notes { display: none; height: auto; max-height: 8; padding: 0 2;
        border-left: thick $warning; background: $boost; }
    TrainScreen.notes #notes { display: block; }
    TrainScreen.blank #slide, TrainScreen.blank #where, TrainScreen.blank #notes,
    TrainScreen.blank Footer { display: none; }
    """

    def __init__(self, corpus_dir: Path, templates_dir: Path, *, themes: list[str] | None = None,
                 audience: str | None = None, deck: Deck | None = None) -> None:
        """Build the deck for `themes` and `audience` from the corpus, or show `deck` as given."""
        super().__init__()
        self.corpus_dir, self.templates_dir = corpus_dir, templates_dir
        self.themes, self.audience = themes, audience
        self.deck: Deck | None = deck
        self.index = 0
        # Skips that stand, as {first slide after: its content note}: Back from there goes
        # to the note, so testimony the room chose not to see is not shown by going back.
        self.skipped: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("Building the deck…", id="where")
        with VerticalScroll(id="slide"):
            yield Static("", id="title")
            yield Static("", id="body")
            yield DeckChart(id="chart")
        with VerticalScroll(id="notes"):  # the trainer's own: capped, so the slide stays in view
            yield Static("", id="notes-text")
        yield Footer()

    def on_mount(self) -> None:
        if self.deck is not None:
            self.show(0)
        else:
            self.run_worker(self._build, thread=True, exclusive=True, name="deck",
                            exit_on_error=False)

    def _build(self) -> Deck:
        from ...compose import TemplateCatalogue
        from ...corpus import load_corpus
        from ...train import build_deck

        corpus = load_corpus(self.corpus_dir)
        return build_deck(corpus, self.themes, self.audience, TemplateCatalogue(self.templates_dir))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "deck" or not self.is_mounted:
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Deck):
            self.deck = event.worker.result
            self.show(0)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if not isinstance(error, BriefError | CorpusError):
                raise error if error is not None else RuntimeError("the deck worker failed")
            self.query_one("#where", Static).update("The deck could not be built")
            self.query_one("#body", Static).update(
                Text(f"{error}\n\nPress Escape to go back.", style="bold"))

    @property
    def slide(self) -> Slide | None:
        return self.deck.slides[self.index] if self.deck else None

    def show(self, index: int) -> None:
        """Show slide `index` (clamped to the deck)."""
        if self.deck is None:
            return
        self.index = max(0, min(len(self.deck.slides) - 1, index))
        self.skipped = {after: note for after, note in self.skipped.items()
                        if not note < self.index < after}  # shown after all: no skip stands
        slide = self.deck.slides[self.index]
        deck = self.deck
        mark = deck.status.split(":", 1)[0]  # "DRAFT", or the approval line in full
        where = (f"{mark}  ·  {deck.sections[slide.section]}  ·  "
                 f"{progress(self.index, len(deck.slides))}")
        self.query_one("#where", Static).update(Text(where))
        self.query_one("#title", Static).update(Text(slide.title))
        body = _body(deck, slide)
        self.query_one("#body", Static).update(body)
        self.query_one("#body", Static).display = bool(body.plain.strip())
        self.query_one("#chart", DeckChart).show(slide.chart)
        self.query_one("#notes-text", Static).update(
            Text.assemble(("Trainer's notes (not shown to the room)\n", "bold"), slide.notes))

    def action_move(self, step: int) -> None:
        if step < 0 and self.index in self.skipped:
            self.show(self.skipped[self.index])
            return
        self.show(self.index + step)

    def action_go(self, index: int) -> None:
        if self.deck is not None:
            self.show(index % len(self.deck.slides))

    def action_section(self, number: int) -> None:
        section = self.deck.section_for_key(str(number)) if self.deck else None
        first = (self.deck.first_of_section(section)
                 if self.deck is not None and section is not None else None)
        if first is not None:
            self.show(first)

    def action_skip(self) -> None:
        slide = self.slide
        if slide is not None and slide.skip_to is not None:
            self.skipped[slide.skip_to] = self.index
            self.show(slide.skip_to)

    def action_toggle_notes(self) -> None:
        self.toggle_class("notes")

    def action_blank(self) -> None:
        self.toggle_class("blank")

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:  # opened from the compose screen
            self.app.pop_screen()
        else:
            self.app.exit()


def _body(deck: Deck, slide: Slide) -> Text:
    text = Text()
    if slide.kind == SlideKind.cover:
        text.append(deck.subtitle + "\n\n", style="bold")
    if slide.voice is not None:
        text.append(quotation(slide.voice) + "\n\n", style="italic")
        text.append(attribution(slide.voice) + "\n")
    for line in bullet_lines(slide):
        prefix = "" if slide.kind in (SlideKind.questions, SlideKind.sources,
                                      SlideKind.claim) else "• "
        text.append(f"{prefix}{line}\n\n")
    if slide.skip_to is not None:
        text.append("Press s to skip the graphic testimony.", style="bold")
    return text
