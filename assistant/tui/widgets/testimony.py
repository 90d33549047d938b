"""The ranked candidate quotes: pin, exclude, and move them up or down."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets.option_list import Option

from .guarded import PagedOptionList

if TYPE_CHECKING:
    from ...compose.brief import Candidate

Arrangement = Literal["pin", "exclude", "up", "down"]


class TestimonyList(PagedOptionList):
    """Every quote considered for the brief, best first, with the reasons for its rank.

    State is written out in words ([IN BRIEF], [PINNED], [EXCLUDED], [GRAPHIC]) so that
    nothing depends on colour alone.
    """

    __test__ = False  # not a pytest test class, despite the name

    HELP = """\
## Testimony

The quotes considered for this theme and audience, ranked best first, with the
reasons for each rank. Badges say what happens to each quote:

- **[IN BRIEF]** it appears in the brief; **[PINNED]** you insisted on it;
- **[EXCLUDED]** you left it out; **[GRAPHIC]** it describes violence and needs a
  content note; **[NOT FOR THIS AUDIENCE]** the audience may not see graphic material;
  **[TOO LONG FOR THIS FORMAT]** the template cannot carry a quotation this long.

Pin or exclude the highlighted quote, or move it up or down to change the order.
The filter above the list shows only quotes whose words, speaker, source or badges
contain what you type.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "arrange('pin')", "Pin", id="testimony.pin",
                tooltip="Pin the highlighted quote so it always appears (press again to unpin)"),
        Binding("x", "arrange('exclude')", "Exclude", id="testimony.exclude",
                tooltip="Keep the highlighted quote out of the brief (press again to allow it)"),
        Binding("shift+up,K", "arrange('up')", "Move up", id="testimony.up",
                tooltip="Move the highlighted quote one place up"),
        Binding("shift+down,J", "arrange('down')", "Move down", id="testimony.down",
                tooltip="Move the highlighted quote one place down"),
    ]

    class Arranged(Message):
        """The communicator pinned, excluded or moved a quote."""

        def __init__(self, how: Arrangement, quote_id: str) -> None:
            self.how: Arrangement = how
            self.quote_id = quote_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[int, Candidate, Text]] = []
        self.filter_text = ""
        """Only quotes whose entry contains this (any case) are listed."""

    def show_candidates(self, candidates: list[Candidate],
                        source_name: Callable[[str], str]) -> None:
        """Replace the list, keeping the highlighted quote highlighted."""
        self._shown = [(rank, c, _entry(rank, c, source_name))
                       for rank, c in enumerate(candidates, start=1)]
        self._fill()

    def filter(self, text: str) -> None:
        """List only the quotes whose words, speaker, source or badges contain `text`."""
        self.filter_text = text.strip()
        self._fill()

    def _fill(self) -> None:
        keep = self.quote_id
        needle = self.filter_text.casefold()
        shown = [(c, entry) for _, c, entry in self._shown
                 if not needle or needle in entry.plain.casefold()]
        self.clear_options()
        entries: list[Option | None] = []
        for candidate, entry in shown:
            if entries:
                entries.append(None)  # a rule between multi-line entries
            entries.append(Option(entry, id=candidate.quote.id))
        if not shown and self._shown:
            entries.append(Option(f"No quote matches '{self.filter_text}'.", id="none",
                                  disabled=True))
        self.add_options(entries)
        ids = [c.quote.id for c, _ in shown]
        if ids:
            self.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def quote_id(self) -> str | None:
        """The highlighted quote's id, if any."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_arrange(self, how: Arrangement) -> None:
        if self.quote_id not in (None, "none"):
            self.post_message(self.Arranged(how, self.quote_id))


def badges(candidate: Candidate) -> list[str]:
    """The state of a candidate in words, most important first."""
    found = []
    if candidate.chosen:
        found.append("IN BRIEF")
    if candidate.pinned:
        found.append("PINNED")
    if candidate.excluded:
        found.append("EXCLUDED")
    if candidate.quote.graphic:
        found.append("GRAPHIC")
    if not candidate.allowed:
        found.append("NOT FOR THIS AUDIENCE")
    if not candidate.fits:
        found.append("TOO LONG FOR THIS FORMAT")
    return found


def _entry(rank: int, candidate: Candidate, source_name: Callable[[str], str]) -> Text:
    quote = candidate.quote
    text = Text()
    text.append(f"{rank}. ", style="bold")
    for badge in badges(candidate):
        style = "bold reverse" if badge in ("GRAPHIC", "NOT FOR THIS AUDIENCE") else "bold"
        text.append(f"[{badge}]", style=style)
        text.append(" ")
    text.append(f"\n“{quote.text}”", style="dim" if candidate.excluded else "")
    cited = "; ".join(source_name(c.source) + (f" (via {source_name(c.via)})" if c.via else "")
                      for c in quote.sources)
    text.append(f"\n— {candidate.speaker.label} · {cited}", style="italic")
    if candidate.reasons:
        text.append("\nWhy: " + "; ".join(r.text for r in candidate.reasons), style="dim")
    return text
