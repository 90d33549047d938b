"""Approve a version, or request changes to it, with a comment for its author."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..delivery import close
from ..focus import FOCUS_BINDINGS
from ..screen_keys import leaving

APPROVE, CHANGES, COMMENT = "approved", "changes-requested", "comment"
VERBS = {APPROVE: ("Approve", "Approve"), CHANGES: ("Request changes to", "Request changes"),
         COMMENT: ("Comment on", "Add the comment")}
"""Each decision's title verb and button."""


@dataclass(frozen=True)
class Decision:
    """What the reviewer decided about which version, and what they said."""

    decision: str
    comment: str


class DecisionDialog(ModalScreen[Decision | None]):
    """Names the draft, version and hash being decided on; a comment is required to
    request changes. Escape cancels without deciding anything."""

    CSS_PATH = "../styles/review.tcss"
    HELP = """\
## Decision

You are deciding about exactly the version named here, identified by its hash. If
someone changes the draft before you confirm, the decision is refused and you are asked
to look again. An approval says the text may be published as it is; requesting
changes sends it back to its author, and your comment says what should change.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        leaving("escape", "cancel", "Cancel", "decision.cancel",
                "Close without deciding anything"),
    ]

    def __init__(self, decision: str, draft_id: int, title: str, number: int,
                 short_hash: str, warning: str = "") -> None:
        super().__init__()
        self.decision = decision
        self.draft_id = draft_id
        self.draft_title = title
        self.number = number
        self.short_hash = short_hash
        self.warning = warning
        """Said before the reviewer types (for example: you wrote this version)."""

    @property
    def approving(self) -> bool:
        return self.decision == APPROVE

    @property
    def needs_comment(self) -> bool:
        return self.decision != APPROVE

    def compose(self) -> ComposeResult:
        verb, button = VERBS[self.decision]
        with Vertical(id="decision", classes="-approve" if self.approving else "-changes"):
            yield Label(f"{verb} draft {self.draft_id}, version {self.number}",
                        classes="dialog-title")
            yield Static(f"{self.draft_title}\nVersion hash {self.short_hash}",
                         id="decision-what", markup=False)
            if self.warning:
                yield Static(self.warning, id="decision-warning", markup=False)
            yield Label("Comment for the author" + ("" if self.approving else " (required)"))
            yield Input(placeholder="What you checked, or what should change",
                        id="decision-comment")
            yield Static("", id="decision-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="decision-cancel")
                yield Button(button, id="decision-confirm",
                             variant="success" if self.approving else "warning")

    def on_mount(self) -> None:
        self.query_one("#decision-comment", Input).focus()

    @on(Input.Submitted, "#decision-comment")
    @on(Button.Pressed, "#decision-confirm")
    def _confirm(self) -> None:
        comment = self.query_one("#decision-comment", Input).value.strip()
        if self.needs_comment and not comment:
            problem = self.query_one("#decision-problem", Static)
            problem.update("Write the comment first." if self.decision == COMMENT else
                           "Say what should change: a comment is required to request changes.")
            problem.display = True
            self.query_one("#decision-comment", Input).focus()
            return
        close(self, Decision(self.decision, comment))

    @on(Button.Pressed, "#decision-cancel")
    def action_cancel(self) -> None:
        close(self, None)
