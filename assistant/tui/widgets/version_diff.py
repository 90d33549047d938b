"""What changed between any two versions of a draft, in the words a reader sees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Select, Static

from ..reader_diff import Piece, word_diff
from .guarded import GuardedSelect

if TYPE_CHECKING:
    from ...review import DraftView

STYLES = {"removed": "red strike", "added": "green bold", "gap": "dim"}
MARKS = {"removed": ("[-", "-]"), "added": ("{+", "+}")}
"""Removed and added words are marked in characters too: colour is never the only sign."""


def diff_text(pieces: list[Piece], old: int, new: int) -> Text:
    """The diff with its marks, or a sentence in words when there is nothing to show."""
    if old == new:
        return Text(f"Both sides are version {new}: choose two different versions.")
    if not pieces:
        return Text(f"A reader sees the same text in version {old} and version {new} "
                    "(citation numbers aside; only the choices behind it may differ).")
    text = Text()
    text.append(f"From version {old} to version {new}, as a reader sees it: [-struck-] "
                "words were removed, {+bold+} words added; citation numbers are left out, "
                "so renumbering shows nothing.\n\n", style="italic")
    for piece in pieces:
        start, end = MARKS.get(piece.kind, ("", ""))
        gap = " " if text.plain and not text.plain.endswith(("\n", " ")) and not (
            piece.text.startswith("\n")) else ""
        text.append(gap)
        text.append(f"{start}{piece.text}{end}", style=STYLES.get(piece.kind, ""))
    return text


class VersionDiff(Vertical, can_focus=False):
    """Two version pickers (every version, with who saved it and when) and the diff."""

    HELP = """\
## Diff

Pick any two versions of the draft (by default the newest and the one before) to see
what a reader would see change: **[-removed-]** and **{+added+}** words. Citation
numbers are folded away, so adding a source does not bury the real changes.
"""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._draft: DraftView | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="diff-pick"):
            yield Label("Compare version", classes="diff-label")
            yield GuardedSelect([], id="diff-old", allow_blank=True, prompt="none", compact=True)
            yield Label("with", classes="diff-label")
            yield GuardedSelect([], id="diff-new", allow_blank=True, prompt="none", compact=True)
        with VerticalScroll(id="diff-scroll", can_focus=True):
            yield Static("", id="diff-text", markup=False)

    def show_draft(self, draft: DraftView) -> None:
        """Offer every version of `draft`; compare the newest with the one before."""
        self._draft = draft
        options = [(f"{v.number} · {v.author} · {v.created_at:%Y-%m-%d %H:%M} · "
                    f"{v.short_hash}", v.number) for v in draft.versions]
        old, new = self.query_one("#diff-old", Select), self.query_one("#diff-new", Select)
        with old.prevent(Select.Changed), new.prevent(Select.Changed):
            old.set_options(options)
            new.set_options(options)
            new.value = draft.current_number
            if draft.current_number > 1:
                old.value = draft.current_number - 1
            else:
                old.clear()
        self._compare()

    def compare(self, old: int, new: int) -> None:
        """Show the change from version `old` to version `new`."""
        self.query_one("#diff-old", Select).value = old
        self.query_one("#diff-new", Select).value = new

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        self._compare()

    def _compare(self) -> None:
        draft = self._draft
        shown = self.query_one("#diff-text", Static)
        if draft is None:
            return
        old = self.query_one("#diff-old", Select).value
        new = self.query_one("#diff-new", Select).value
        if not isinstance(new, int):
            return
        if not isinstance(old, int):
            shown.update(Text(f"Version {new} has nothing before it to compare with: the "
                              "Brief tab shows all of it." if new == 1 else
                              "Choose a version to compare with."))
            return
        pieces = word_diff(draft.version(old).markdown, draft.version(new).markdown)
        shown.update(diff_text(pieces, old, new))
