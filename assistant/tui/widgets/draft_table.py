"""The review queue as a table: one draft per row, its state written in words."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ..review_desk import age_text, status_label

if TYPE_CHECKING:
    from ...review import DraftSummary

STATUS_STYLES = {"approved": "bold green", "changes-requested": "bold yellow",
                 "in-review": "bold"}

# Widths of the other columns (theme, audience, author, status) by terminal width; the
# title takes what is left, at least TITLE_MIN. Ids and age are short.
COLUMN_WIDTHS = ((150, (24, 18, 12, 17)), (110, (20, 14, 10, 17)), (0, (11, 12, 6, 12)))
ID_WIDTH, AGE_WIDTH, TITLE_MIN = 3, 4, 16
SHORT_STATUS = {"changes-requested": "CHANGES REQ."}
"""On a narrow terminal, the one state too long for its column."""


class DraftTable(DataTable[Text]):
    """Title, theme, audience, author, status and age of each draft; Enter opens one."""

    HELP = """\
## Review queue

Every saved draft, oldest first: its title, narrative theme, audience, who wrote it,
its state and how long since it last changed. States are written out: **DRAFT** (being
written), **IN REVIEW** (waiting for a reviewer), **APPROVED**, **CHANGES REQUESTED**
(sent back to its author).

Press **Enter** on a draft to read it, see what changed, its findings, comments and
audit log, and to approve it or request changes. The number keys filter by state.
"""

    class NearEnd(Message):
        """The cursor reached the last row: time to load the next page, if any."""

    class Opened(Message):
        """The reader wants to see a draft."""

        def __init__(self, draft_id: int) -> None:
            self.draft_id = draft_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._drafts: list[DraftSummary] = []
        self._now: datetime | None = None
        self._width = 0
        self._widths = (TITLE_MIN, 0, 0, 0, 0)  # title, theme, audience, author, status

    def add_drafts(self, drafts: list[DraftSummary]) -> None:
        """Add the next page's rows below the others; the cursor stays where it is."""
        known = {d.id for d in self._drafts}
        fresh = [d for d in drafts if d.id not in known]
        self._drafts.extend(fresh)
        for draft in fresh:
            self._add(draft)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self._drafts and event.cursor_row >= len(self._drafts) - 1:
            self.post_message(self.NearEnd())

    def show_drafts(self, drafts: list[DraftSummary], now: datetime) -> None:
        """Replace the rows, keeping the cursor on the same draft when it is still there."""
        chosen = self.draft_id
        self._drafts = list(drafts)
        self._now = now
        self._fill(chosen)

    @property
    def draft_id(self) -> int | None:
        """The id of the draft under the cursor."""
        if not self._drafts or not self.row_count:
            return None
        row = min(max(self.cursor_row, 0), len(self._drafts) - 1)
        return self._drafts[row].id

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._fill(self.draft_id)

    def _fill(self, chosen: int | None) -> None:
        self._width = self.size.width
        self.clear(columns=True)
        theme_w, audience_w, author_w, status_w = next(
            widths for least, widths in COLUMN_WIDTHS if self._width >= least)
        # Each column has one cell of padding either side; the scrollbar takes 2.
        fixed = ID_WIDTH + theme_w + audience_w + author_w + status_w + AGE_WIDTH
        title_w = max(TITLE_MIN, self._width - fixed - 7 * 2 - 2)
        for label, width in (("#", ID_WIDTH), ("Title", title_w), ("Theme", theme_w),
                             ("Audience", audience_w), ("Author", author_w),
                             ("Status", status_w), ("Age", AGE_WIDTH)):
            self.add_column(label, width=width, key=label.lower())
        self._widths = (title_w, theme_w, audience_w, author_w, status_w)
        for draft in self._drafts:
            self._add(draft)
        if chosen is not None:
            for row, draft in enumerate(self._drafts):
                if draft.id == chosen:
                    self.move_cursor(row=row, animate=False)
                    break

    def _add(self, draft: DraftSummary) -> None:
        title_w, theme_w, audience_w, author_w, status_w = self._widths
        now = self._now
        age = age_text(draft.age(now).total_seconds()) if now else ""
        self.add_row(
            Text(str(draft.id), justify="right"),
            _cut(draft.title, title_w), _cut(draft.theme, theme_w),
            _cut(draft.audience, audience_w), _cut(draft.author, author_w),
            Text(status_label(draft.status) if status_w >= 17 else SHORT_STATUS.get(
                draft.status, status_label(draft.status)),
                 style=STATUS_STYLES.get(draft.status, "")),
            Text(age, justify="right"),
            key=str(draft.id),
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Opened(int(event.row_key.value)))


def _cut(text: str, width: int) -> Text:
    """`text` shortened with an ellipsis to fit `width` cells."""
    return Text(text if len(text) <= width else text[: width - 1] + "…")
