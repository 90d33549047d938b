"""The review queue: every saved draft with its state, filtered by state, read a page at
a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Label, Select, Static

from ..delivery import close, deliver, put_together
from ..review_desk import DeskError, ReviewDesk
from ..screen_keys import drop_down_open, leaving
from ..widgets.app_footer import AppFooter
from ..widgets.draft_table import DraftTable
from ..widgets.guarded import AppHeader, GuardedSelect

if TYPE_CHECKING:
    from datetime import datetime

    from ...review import DraftSummary

FILTERS: list[tuple[str, str]] = [
    ("1 All drafts", "all"),
    ("2 In review", "in-review"),
    ("3 Changes requested", "changes-requested"),
    ("4 Approved", "approved"),
    ("5 Draft", "draft"),
]
"""The state filters, in the order of their number keys."""

FILTER_KEYS = Binding.Group("Filter", compact=True)
PAGE = 100
"""Drafts read at a time: the next page is read when the cursor reaches the last row."""


def _filter_binding(number: int, value: str, label: str) -> Binding:
    return Binding(str(number), f"show('{value}')", label, id=f"review-queue.show-{value}",
                   tooltip=f"Show {label.lower()}", group=FILTER_KEYS)


class ReviewQueueScreen(Screen[None]):
    """Drafts oldest first; Enter opens one, 1-5 filter by state, Escape goes back."""

    CSS_PATH = "../styles/review.tcss"
    HELP = DraftTable.HELP
    BINDINGS: ClassVar[list[BindingType]] = [
        leaving("escape", "back", "Back", "review-queue.back", "Back to the brief"),
        Binding("ctrl+r", "reload", "Reload", id="review-queue.reload",
                tooltip="Read the queue again (others may have changed it)"),
        *(_filter_binding(n, value, label.split(" ", 1)[1])
          for n, (label, value) in enumerate(FILTERS, start=1)),
    ]

    def __init__(self, desk: ReviewDesk, status: str = "all") -> None:
        super().__init__()
        self.desk = desk
        self.status = status
        """The state shown ("all" for every draft)."""
        self.loaded = False
        """True once the queue (or the reason it cannot be read) is on screen."""
        self.drafts: list[DraftSummary] = []
        self.total = 0
        """How many drafts the filter has; `drafts` holds the pages read so far."""
        self._more = False  # a next page is being read

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="queue-bar"):
            yield Label("Show", id="queue-show")
            yield GuardedSelect([(label, value) for label, value in FILTERS], value=self.status,
                              allow_blank=False, id="queue-filter")
            yield Static("", id="queue-who")
        yield Static("Opening the review database…", id="queue-notice", markup=False)
        yield DraftTable(id="drafts")
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = "review queue"
        self.query_one(DraftTable).focus()
        self.action_reload()

    # --- reading --------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.loaded = False
        # as many rows as are on screen, so that the cursor keeps its draft
        self._read(self.status, max(PAGE, len(self.drafts)))

    @work(thread=True, exclusive=True, group="queue")
    def _read(self, status: str, rows: int) -> None:
        state = None if status == "all" else status
        try:
            drafts = self.desk.queue(state, limit=rows)
            total = self.desk.queue_length(state) if len(drafts) == rows else len(drafts)
            who, role = self.desk.who()
        except DeskError as exc:
            deliver(self, self._failed, exc)
            return
        deliver(self, self._show, status, drafts, total, who, role, self.desk.clock())

    @on(DraftTable.NearEnd)
    def _next_page(self) -> None:
        if self.loaded and not self._more and len(self.drafts) < self.total:
            self._more = True
            self._read_more(self.status, len(self.drafts))

    @work(thread=True, exclusive=True, group="queue-more")
    def _read_more(self, status: str, offset: int) -> None:
        try:
            drafts = self.desk.queue(None if status == "all" else status, limit=PAGE,
                                     offset=offset)
        except DeskError as exc:
            deliver(self, self._failed, exc)
            return
        deliver(self, self._add_page, status, offset, drafts)

    def _add_page(self, status: str, offset: int, drafts: list[DraftSummary]) -> None:
        self._more = False
        if status != self.status or offset != len(self.drafts):
            return  # the queue was read again meanwhile
        self.drafts = [*self.drafts, *drafts]
        self.total = max(self.total, len(self.drafts))
        self.query_one(DraftTable).add_drafts(drafts)
        self._count()

    def _count(self) -> None:
        shown, total = len(self.drafts), self.total
        notice = self.query_one("#queue-notice", Static)
        if shown < total:
            notice.update(f"{shown:,} of {total:,} drafts, oldest first (more as you move "
                          "down). Enter opens the highlighted one.")
        else:
            notice.update(f"{total:,} draft{'s' * (total != 1)}, oldest first. "
                          "Enter opens the highlighted one.")

    def _show(self, status: str, drafts: list[DraftSummary], total: int, who: str,
              role: str | None, now: datetime) -> None:
        if status != self.status:
            return  # the filter changed while reading; that read is on its way
        self.drafts = drafts
        self.total = total
        self._more = False
        self.loaded = True
        self.query_one(DraftTable).show_drafts(drafts, now)
        self.query_one("#queue-who", Static).update(
            f"You: {who} ({role or 'not registered yet'})")
        notice = self.query_one("#queue-notice", Static)
        if drafts:
            self._count()
        else:
            shown = "" if status == "all" else f" {_filter_name(status).lower()}"
            notice.update(f"No drafts{shown}. Save a brief as a draft from the compose "
                          "screen (ctrl+s), or press 1 to see all drafts.")
        notice.set_class(False, "-problem")

    def _failed(self, exc: DeskError) -> None:
        self.loaded = True
        self.drafts = []
        self.total = 0
        self._more = False
        self.query_one(DraftTable).show_drafts([], self.desk.clock())
        notice = self.query_one("#queue-notice", Static)
        notice.update(f"{exc.title}.\n{exc.message}\nCheck --db / ASSISTANT_DB, then press "
                      "ctrl+r to try again.")
        notice.set_class(True, "-problem")

    # --- choosing -------------------------------------------------------------------------

    def action_show(self, status: str) -> None:
        """Show only drafts in `status` ("all": every draft)."""
        if not put_together(self):  # a number typed as the queue opens, or closes
            if self.is_active:
                self.call_after_refresh(self.action_show, status)
            return
        self.query_one("#queue-filter", Select).value = status

    @on(Select.Changed, "#queue-filter")
    def _filter(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.status:
            self.status = event.value
            self.action_reload()

    @on(DraftTable.Opened)
    def _open(self, event: DraftTable.Opened) -> None:
        from .draft_view import DraftViewScreen

        self.app.push_screen(DraftViewScreen(self.desk, event.draft_id))

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from a draft, which may have changed state
            self.action_reload()

    def action_back(self) -> None:
        if drop_down_open(self):
            raise SkipAction  # Escape closes the filter's list first
        close(self)


def _filter_name(status: str) -> str:
    return next(label.split(" ", 1)[1] for label, value in FILTERS if value == status)
