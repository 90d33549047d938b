"""One draft: the brief as saved, what changed, its findings, comments and audit log,
and the reviewer's decision."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from ..review_desk import DeskError, DraftPage, ReviewDesk, status_label
from ..widgets.findings import FindingsList
from ..widgets.preview import BriefPreview
from ..widgets.version_diff import VersionDiff

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...checks.findings import Finding
    from ...review import AuditEntryView, DraftView, ReviewView
    from ..dialogs.decision import Decision

TABS = ("tab-brief", "tab-diff", "tab-findings", "tab-comments", "tab-log")
TAB_FOCUS = {"tab-brief": "SavedBrief", "tab-diff": "VersionDiff",
             "tab-findings": "FindingsList", "tab-comments": ".history", "tab-log": ".history"}
"""What takes the keyboard when a tab is shown."""
DECISION_WORDS = {"approved": "APPROVED", "changes-requested": "CHANGES REQUESTED",
                  "comment": "COMMENTED"}


class SavedBrief(BriefPreview):
    """The saved text of a version (F1 explains the whole draft view, not the compose
    screen's live preview)."""

    HELP = ""


class DraftViewScreen(Screen[None]):
    """The newest version of a draft and everything said and done about it."""

    CSS_PATH = "../styles/review.tcss"
    HELP = """\
## Draft

The newest version of a saved draft, exactly as a reviewer approves it. The tabs show
the **Brief** as it reads, the **Diff** from the version before, the **Findings** of
the checks, the **Comments** of reviewers and the **Audit log** of everything done to
the draft (keys 1 to 5).

Authors **submit** a draft for review (refused while the checks report errors) and
**edit** it in the compose screen, where saving makes a new version. Reviewers
**approve** it or **request changes** with a comment; nobody decides on their own work.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="draft.back", tooltip="Back to the review queue"),
        Binding("a", "decide('approved')", "Approve", id="draft.approve",
                tooltip="Approve this version as it reads (reviewers, never their own work)"),
        Binding("c", "decide('changes-requested')", "Send back", id="draft.request-changes",
                tooltip="Request changes: send this version back to its author with a comment"),
        Binding("s", "submit", "Submit", id="draft.submit",
                tooltip="Send the newest version for review (refused while the checks "
                        "report errors)"),
        Binding("e", "edit", "Edit", id="draft.edit",
                tooltip="Open this version in the compose screen; saving makes a new version"),
        Binding("ctrl+r", "reload", "Reload", id="draft.reload", show=False,
                tooltip="Read the draft again (others may have changed it)"),
        # Not in the footer (too narrow at 80 columns): each tab's label shows its number.
        *(Binding(str(n), f"tab('{tab}')", label, id=f"draft.{tab}", show=False,
                  tooltip=f"Show the {label.lower()} tab")
          for n, (tab, label) in enumerate(zip(TABS, ("Brief", "Diff", "Findings",
                                                      "Comments", "Audit log"),
                                               strict=True), start=1)),
    ]

    def __init__(self, desk: ReviewDesk, draft_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.draft_id = draft_id
        self.page: DraftPage | None = None
        """What is on screen (None until read)."""
        self.busy = False
        """True while a read or an action is under way."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Draft {self.draft_id}", id="draft-head", markup=False)
        yield Static("Reading the draft…", id="draft-notice", markup=False)
        with TabbedContent(id="draft-tabs"):
            with TabPane("1 Brief", id="tab-brief"):
                yield SavedBrief("*Reading the draft…*", id="draft-brief")
            with TabPane("2 Diff", id="tab-diff"):
                yield VersionDiff(id="draft-diff")
            with TabPane("3 Findings", id="tab-findings"):
                yield Static("", id="findings-note", markup=False)
                yield FindingsList(id="draft-findings")
            with TabPane("4 Comments", id="tab-comments"), VerticalScroll(classes="history"):
                yield Static("", id="draft-comments", markup=False)
            with TabPane("5 Audit log", id="tab-log"), VerticalScroll(classes="history"):
                yield Static("", id="draft-log", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"draft {self.draft_id}"
        self.query_one(SavedBrief).focus()
        self.action_reload()

    # --- reading --------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.busy = True
        self._read()

    @work(thread=True, exclusive=True, group="draft")
    def _read(self, done: str = "") -> None:
        try:
            page = self.desk.page(self.draft_id)
        except DeskError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._show, page, done)

    def _failed(self, exc: DeskError) -> None:
        self.busy = False
        self._notice(exc.full, problem=True)

    def _show(self, page: DraftPage, done: str) -> None:
        self.page = page
        draft = page.draft
        version = draft.current
        self.query_one("#draft-head", Static).update(_head(draft))
        self.call_later(self.query_one(SavedBrief).show_markdown, version.markdown)
        self.query_one(VersionDiff).show_diff(draft.diff(), version.number)
        self._show_findings(page)
        self.query_one("#draft-comments", Static).update(_comments(draft.reviews))
        self.query_one("#draft-log", Static).update(_log(page.log))
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-comments").label = f"4 Comments ({len(draft.reviews)})"
        tabs.get_tab("tab-log").label = f"5 Audit log ({len(page.log)})"
        self._notice(done or _next_step(page))
        self.busy = False
        self.refresh_bindings()

    def _show_findings(self, page: DraftPage) -> None:
        note = self.query_one("#findings-note", Static)
        findings = self.query_one(FindingsList)
        label = "3 Findings"
        if page.findings is None:  # not "every check passed": they did not run
            findings.clear_options()
        else:
            findings.show_findings(page.findings)
            label = f"3 Findings ({_count(page.findings)})"
        note.update(page.findings_note)
        note.display = bool(page.findings_note)
        self.query_one(TabbedContent).get_tab("tab-findings").label = label

    def _notice(self, text: str, problem: bool = False) -> None:
        notice = self.query_one("#draft-notice", Static)
        notice.update(text)
        notice.set_class(problem, "-problem")

    # --- acting ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer submitting only for a draft, deciding only for a draft in review (the
        notice line says what to do otherwise)."""
        status = self.page.draft.status if self.page is not None else None
        if action == "submit":
            return status in (None, "draft")
        if action == "decide":
            return status in (None, "in-review")
        return True

    def _ready(self) -> DraftPage | None:
        if self.page is None or self.busy:
            self.notify("The draft is still being read.", severity="warning")
            return None
        return self.page

    def action_decide(self, decision: str) -> None:
        """Open the decision dialog for the version on screen."""
        from ..dialogs.decision import DecisionDialog

        page = self._ready()
        if page is None:
            return
        draft = page.draft
        version = draft.current
        self.app.push_screen(
            DecisionDialog(decision, draft.id, draft.title, version.number, version.short_hash,
                           warning=_decision_warning(page)),
            lambda chosen: self._decided(chosen, draft.revision, version.content_hash),
        )

    def _decided(self, chosen: Decision | None, revision: int, content_hash: str) -> None:
        if chosen is not None:
            self.busy = True
            self._notice("Saving the decision…")
            self._act(lambda: self.desk.decide(self.draft_id, chosen.decision, chosen.comment,
                                               revision, content_hash))

    def action_submit(self) -> None:
        page = self._ready()
        if page is not None:
            self.busy = True
            self._notice("Running the checks and submitting…")
            revision = page.draft.revision
            self._act(lambda: self.desk.submit(self.draft_id, revision))

    @work(thread=True, exclusive=True, group="draft-action")
    def _act(self, action: Callable[[], DraftView]) -> None:
        try:
            draft = action()
        except DeskError as exc:
            self.app.call_from_thread(self._refused, exc)
            return
        self.app.call_from_thread(self._acted, draft)

    def _refused(self, exc: DeskError) -> None:
        self.busy = False
        lines = exc.full.splitlines()
        if len(lines) > 1 and "checks report" in lines[0]:
            # The problems are the error findings, listed with their fixes in that tab.
            self._notice(f"{lines[0].rstrip(':')}. The Findings tab lists them.",
                         problem=True)
            self.action_tab("tab-findings")
        else:
            self._notice(exc.full, problem=True)
        self.notify(exc.reason, title=exc.title, severity="error", timeout=10, markup=False)

    def _acted(self, draft: DraftView) -> None:
        version = draft.current
        done = (f"Draft {draft.id}, version {version.number} ({version.short_hash}) is now "
                f"{status_label(draft.status)}.")
        self.notify(done, title="Saved")
        self._read(done)

    def action_edit(self) -> None:
        """Go to the compose screen with this version's choices."""
        from ..drafting import open_in_compose

        page = self._ready()
        if page is not None:
            open_in_compose(self.app, page.draft)

    @on(FindingsList.Chosen)
    def _finding_chosen(self, event: FindingsList.Chosen) -> None:
        """Show where in the brief a finding is."""
        self.action_tab("tab-brief")
        finding = event.finding
        brief = self.query_one(SavedBrief)
        if not brief.scroll_to_line(finding.line, None, finding.section):
            self.notify("That finding is about the brief as a whole.", timeout=3)

    def action_tab(self, tab: str) -> None:
        """Show a tab and put the keyboard in it (so the arrows scroll what is shown)."""
        self.query_one(TabbedContent).active = tab
        target = self.query_one(f"#{tab} {TAB_FOCUS[tab]}")
        self.call_after_refresh(target.focus)

    def action_back(self) -> None:
        self.app.pop_screen()


def _head(draft: DraftView) -> Text:
    version = draft.current
    text = Text()
    text.append(f"Draft {draft.id}: {draft.title}\n", style="bold")
    text.append(f"[{status_label(draft.status)}]", style="bold reverse")
    text.append(f" version {version.number} of {len(draft.versions)} · {version.short_hash}"
                f" · by {version.author}\n")
    text.append(f"theme {draft.theme} · audience {draft.audience} · template {draft.template}",
                style="dim")
    approval = draft.approval_of(version.number)
    if approval is not None:
        text.append(f"\n{approval.line()}", style="bold")
    if not version.intact:
        text.append("\nTEXT CHANGED OUTSIDE THE TOOL: it no longer matches its hash and "
                    "cannot be exported.", style="bold reverse")
    return text


def _comments(reviews: list[ReviewView]) -> str:
    if not reviews:
        return "No comments yet. A reviewer's decision and comment will appear here."
    lines = []
    for review in reviews:
        said = f"\n    {review.comment}" if review.comment else ""
        lines.append(f"{review.created_at:%Y-%m-%d %H:%M} {review.reviewer} "
                     f"{DECISION_WORDS.get(review.decision, review.decision.upper())} "
                     f"version {review.version_number} ({review.content_hash[:12]}){said}")
    return "\n\n".join(lines)


def _count(findings: list[Finding]) -> str:
    """'none', or '1 error, 2 warnings' (info left out: it blocks nothing)."""
    errors = sum(f.is_error for f in findings)
    warnings = sum(f.severity.value == "warning" for f in findings)
    parts = [f"{n} {word}{'s' * (n != 1)}" for n, word in ((errors, "error"),
                                                          (warnings, "warning")) if n]
    return ", ".join(parts) or ("none" if not findings else "notes only")


def _log(entries: list[AuditEntryView]) -> str:
    """The audit log oldest first, one action a line: when, who, what, which version."""
    if not entries:
        return "Nothing logged yet."
    lines = []
    for entry in entries:
        version = entry.version_hash[:12] if entry.version_hash else "-"
        detail = f"  {entry.detail}" if entry.detail else ""
        lines.append(f"{entry.at:%Y-%m-%d %H:%M}  {entry.actor}  {entry.action}  "
                     f"{version}{detail}")
    return "\n".join(lines)


def _next_step(page: DraftPage) -> str:
    """One sentence on what the person looking can do next."""
    draft = page.draft
    mine = draft.current.author == page.user
    if draft.status == "in-review":
        if mine:
            return "In review: waiting for a reviewer (you wrote this version)."
        return "In review: press a to approve or c to request changes."
    if draft.status == "approved":
        return "Approved: export it from the command line with `assistant draft export`."
    if draft.status == "changes-requested":
        return "Changes requested: press e to edit it; saving makes a new version."
    return "A draft: press s to submit it for review, or e to edit it."


def _decision_warning(page: DraftPage) -> str:
    draft = page.draft
    if draft.status != "in-review":
        return (f"This draft is {status_label(draft.status)}, not in review: the decision "
                "will be refused.")
    if draft.current.author == page.user:
        return "You wrote this version: nobody may decide on their own work."
    if page.role not in ("reviewer", "admin"):
        who = {"author": "an author", None: "not registered"}.get(page.role, page.role)
        return f"You are {who}: only reviewers and admins may decide."
    return ""
