"""The themes a brief can be about, with what each has to work with."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .guarded import PagedOptionList


class ThemeList(PagedOptionList):
    """One entry per theme: title, the claim in ICSR's words, quote and speaker counts.

    When the list is too short to show every claim, only the highlighted theme's claim is
    shown; shorter still (80x24), the other themes show their title only, so that every
    theme stays in view."""

    HELP = """\
## Themes

The four defector narratives (and any your corpus adds). Move with the arrow keys:
the brief is rebuilt for the highlighted theme. Each entry shows how many quotes and
different speakers the corpus has for it; fewer than three quotes makes a thin brief.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next", show=False, id="themes.next",
                tooltip="Highlight the next theme"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="themes.previous",
                tooltip="Highlight the previous theme"),
    ]

    def __init__(self, rows: list[dict[str, Any]] | None = None, *,
                 id: str | None = None) -> None:
        """`rows` (with a "claim" each) fill the list from the start, in the first frame."""
        self._rows: dict[str, tuple[dict[str, Any], str]] = {
            row["id"]: (row, row.get("claim", "")) for row in rows or []}
        self._marked: str | None = next(iter(self._rows), None)
        self._compact = 0
        """0: every claim shown; 1: the highlighted theme's only; 2: others by title only."""
        super().__init__(*self._theme_options(), id=id)
        if self._rows:
            self.highlighted = 0

    class Chosen(Message):
        """The communicator moved to another theme."""

        def __init__(self, theme_id: str) -> None:
            self.theme_id = theme_id
            super().__init__()

    def show_themes(self, rows: list[dict[str, Any]], claims: dict[str, str]) -> None:
        """Fill the list from `corpus_stats(...)["themes"]` rows (loses the highlight)."""
        self.clear_options()
        self._marked = None
        self._rows = {row["id"]: (row, claims.get(row["id"], "")) for row in rows}
        self._compact = self._fitting()
        self.add_options(self._theme_options())
        if rows:
            self.highlighted = 0

    def _theme_options(self) -> list[Option | None]:
        entries: list[Option | None] = []
        for theme_id in self._rows:
            if entries and self._compact < 2:
                entries.append(None)  # a rule between multi-line entries
            entries.append(Option(self._entry(theme_id), id=theme_id))
        return entries

    def _entry(self, theme_id: str, compact: int | None = None) -> Text:
        row, claim = self._rows[theme_id]
        chosen = theme_id == self._marked
        level = self._compact if compact is None else compact
        if chosen or level == 0:
            return _entry(row, claim, chosen)
        return _entry(row, "", chosen, counts=level < 2)

    def _fitting(self) -> int:
        """The least compact level at which every theme fits in the list's height."""
        width = self.scrollable_content_region.width
        if width <= 0 or self.size.height <= 0:
            return self._compact  # not laid out yet: decided again on the first resize
        for level in (0, 1):
            needed = len(self._rows) - 1  # the rules between entries
            for theme_id in self._rows:
                needed += len(self._entry(theme_id, level).wrap(self.app.console, width))
            if needed <= self.size.height:
                return level
        return 2

    def on_resize(self) -> None:
        compact = self._fitting()
        if compact != self._compact:
            rules_change = (compact == 2) != (self._compact == 2)
            self._compact = compact
            if rules_change:
                keep = self.theme_id
                self.clear_options()
                self.add_options(self._theme_options())
                if keep is not None:
                    self.highlighted = self.get_option_index(keep)
                return
            for theme_id in self._rows:
                self.replace_option_prompt(theme_id, self._entry(theme_id))

    @property
    def theme_id(self) -> str | None:
        """The highlighted theme's id, if any."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def choose(self, theme_id: str) -> None:
        """Highlight a theme by id (from the command palette)."""
        self.highlighted = self.get_option_index(theme_id)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        theme_id = event.option.id
        if theme_id is None:
            return
        # The chosen theme is marked in words too, not only by the highlight colour.
        previous, self._marked = self._marked, theme_id
        for other in {theme_id, previous} - {None}:
            if other in self._rows:
                self.replace_option_prompt(other, self._entry(other))
        self.post_message(self.Chosen(theme_id))


def _entry(row: dict[str, Any], claim: str, chosen: bool = False, counts: bool = True) -> Text:
    quotes, speakers = row["quotes"], row["speakers"]
    text = Text()
    text.append("▶ " if chosen else "", style="bold")
    text.append(row["title"], style="bold")
    if not counts:
        return text
    text.append(f"\n{quotes} quote{'s' * (quotes != 1)} · "
                f"{speakers} speaker{'s' * (speakers != 1)}")
    if row.get("graphic_quotes"):
        text.append(f" · {row['graphic_quotes']} graphic")
    if claim:
        text.append(f"\n{claim}", style="italic")
    return text
