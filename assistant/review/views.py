"""What screens and commands read: plain, frozen snapshots, detached from the database.

Each is a pydantic model, so `model_dump(mode="json")` is the `--json` answer and a
TUI worker thread can hand one to the UI thread safely.
"""

from __future__ import annotations

import difflib
import hashlib
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from ..compose.brief import BriefInputs

if TYPE_CHECKING:
    from ..render.approval import Approval as Stamp

SHORT_HASH = 12  # characters of the SHA-256 shown to people


def content_hash(markdown: str) -> str:
    """The SHA-256 of a version's Markdown: what an approval is bound to."""
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class UserView(View):
    name: str
    role: str
    created_at: datetime


class VersionView(View):
    number: int
    content_hash: str
    inputs: BriefInputs
    markdown: str
    corpus_fingerprint: str
    author: str
    note: str
    created_at: datetime
    corpus_dir: str = ""
    """Where the corpus the version was composed from lives ("" when not recorded)."""
    corpus_hash: str = ""
    """The hash of that corpus's files when the version was composed."""

    @property
    def short_hash(self) -> str:
        return self.content_hash[:SHORT_HASH]

    @property
    def intact(self) -> bool:
        """False when the stored text was changed behind the tool's back."""
        return content_hash(self.markdown) == self.content_hash


class ReviewView(View):
    """A reviewer's decision or comment on one version: the draft's comment thread."""

    version_number: int
    content_hash: str
    reviewer: str
    decision: str  # approved | changes-requested | comment
    comment: str
    created_at: datetime
    role: str = ""
    """The reviewer's role when they gave it."""


class Approval(View):
    """Who approved which text, and when; exports print it instead of DRAFT."""

    reviewer: str
    approved_at: datetime
    content_hash: str
    role: str = ""
    comment: str = ""

    def stamp(self) -> Stamp:
        """The render layer's approval (what every export format prints)."""
        from ..render.approval import Approval as Stamp

        return Stamp(approver=self.reviewer, date=self.approved_at.date(),
                     version=self.content_hash[:SHORT_HASH], role=self.role,
                     comment=self.comment)

    def line(self) -> str:
        """'Approved by Sam Lee on 3 March 2026, version 1a2b3c4d5e6f' (the render layer's
        wording, so every export says it the same way)."""
        return self.stamp().text()


class AuditEntryView(View):
    id: int
    at: datetime
    actor: str
    action: str
    draft_id: int | None
    version_hash: str | None
    detail: str
    prev_hash: str = ""
    line_hash: str = ""

    def line(self) -> str:
        """One line of `review log`; control characters in the text are shown escaped, so
        a comment can never print a line that looks like another entry."""
        version = f" {self.version_hash[:SHORT_HASH]}" if self.version_hash else ""
        draft = f" draft {self.draft_id}" if self.draft_id is not None else ""
        detail = f": {_visible(self.detail)}" if self.detail else ""
        return (f"{self.at.isoformat(timespec='seconds')} {_visible(self.actor)} "
                f"{self.action}{draft}{version}{detail}")


def _visible(text: str) -> str:
    import unicodedata

    return "".join(
        char if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")
        else char.encode("unicode_escape").decode("ascii") for char in text)


class DraftSummary(View):
    """One row of the review queue."""

    id: int
    title: str
    theme: str
    audience: str
    template: str
    author: str
    status: str
    current_number: int
    current_hash: str
    revision: int
    created_at: datetime
    updated_at: datetime
    kind: str = "brief"
    """"brief", or "deck" for a trainer's deck (its text is the deck's slides as JSON)."""

    @property
    def is_deck(self) -> bool:
        return self.kind == "deck"

    def age(self, now: datetime) -> timedelta:
        """How long since the draft last changed (the queue's "age" column)."""
        return now - self.updated_at


class DraftView(DraftSummary):
    """A draft with every version and its comment thread, oldest first."""

    versions: list[VersionView]
    reviews: list[ReviewView]

    @property
    def current(self) -> VersionView:
        return self.version(self.current_number)

    def version(self, number: int) -> VersionView:
        for version in self.versions:
            if version.number == number:
                return version
        raise KeyError(number)

    def approval_of(self, number: int) -> Approval | None:
        """The approval of version `number`, if it has one."""
        for review in self.reviews:
            if review.version_number == number and review.decision == "approved":
                return Approval(reviewer=review.reviewer, approved_at=review.created_at,
                                content_hash=review.content_hash, role=review.role,
                                comment=review.comment)
        return None

    def diff(self, old: int | None = None, new: int | None = None) -> str:
        """A unified diff of the Markdown between two versions (default: the last two)."""
        new = self.current_number if new is None else new
        old = new - 1 if old is None else old
        before = self.version(old).markdown if old >= 1 else ""
        after = self.version(new).markdown
        return "".join(difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True),
            fromfile=f"version {old}", tofile=f"version {new}",
        ))


class Export(View):
    """A version ready to leave the tool: its checked Markdown and its approval, if any."""

    draft_id: int
    title: str
    version: VersionView
    approval: Approval | None

    @property
    def status_line(self) -> str:
        """The approval line, or the render layer's DRAFT line."""
        from ..render.approval import DRAFT

        return self.approval.line() if self.approval is not None else DRAFT

    @property
    def status_mark(self) -> str:
        """What every page or slide says: the approval with the approver's role, or DRAFT."""
        from ..render.approval import DRAFT

        return self.approval.stamp().mark() if self.approval is not None else DRAFT
