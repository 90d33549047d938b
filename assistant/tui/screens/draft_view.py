"""One draft: the brief as saved, what changed, its findings, comments and audit log,
and the reviewer's decision."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from ..delivery import close, deliver, put_together
from ..review_desk import (
    ChecksRefused,
    DeskError,
    DraftPage,
    ReviewDesk,
    readable_text,
    status_label,
)
from ..screen_keys import leaving
from ..widgets.app_footer import AppFooter
from ..widgets.findings import FindingsList
from ..widgets.guarded import AppHeader
from ..widgets.preview import BriefPreview, Page
from ..widgets.version_diff import VersionDiff

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...checks.findings import Finding
    from ...review import AuditEntryView, DraftView, ReviewView
    from ..dialogs.decision import Decision
    from ..dialogs.export import ExportRequest

TABS = ("tab-brief", "tab-diff", "tab-findings", "tab-comments", "tab-log")
TAB_FOCUS = {"tab-brief": "SavedBrief", "tab-diff": "#diff-scroll",
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
the draft (keys 1 to 5). The Diff tab compares any two versions.

Authors **submit** a draft for review (refused while the checks report errors) and
**edit** it in the compose screen, where saving makes a new version. Reviewers
**approve** it or **request changes** with a comment, or just **comment**; nobody
decides on their own work. Keys for what would be refused are shown greyed out, and
the line under the title says why. **Export** writes the newest version with its
approval line (or DRAFT).
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        leaving("escape", "back", "Back", "draft.back", "Back to the review queue"),
        Binding("a", "decide('approved')", "Approve", id="draft.approve",
                tooltip="Approve this version as it reads (reviewers, never their own work)"),
        Binding("c", "decide('changes-requested')", "Send back", id="draft.request-changes",
                tooltip="Request changes: send this version back to its author with a comment"),
        Binding("s", "submit", "Submit", id="draft.submit",
                tooltip="Send the newest version for review (refused while the checks "
                        "report errors)"),
        Binding("e", "edit", "Edit", id="draft.edit",
                tooltip="Open this version in the compose screen; saving makes a new version"),
        Binding("m", "decide('comment')", "Comment", id="draft.comment",
                tooltip="Comment on this version without approving or sending it back"),
        Binding("x", "export", "Export", id="draft.export",
                tooltip="Write the newest version to a file, with its approval line or DRAFT"),
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
        self._keys_state: tuple[str, ...] | None = None
        self._brief = SavedBrief("*Reading the draft…*", id="draft-brief")

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(f"Draft {self.draft_id}", id="draft-head", markup=False)
        yield Static("Reading the draft…", id="draft-notice", markup=False)
        with TabbedContent(id="draft-tabs"):
            with TabPane("1 Brief", id="tab-brief"):
                yield self._brief
            with TabPane("2 Diff", id="tab-diff"):
                yield VersionDiff(id="draft-diff")
            with TabPane("3 Findings", id="tab-findings"):
                yield Static("", id="findings-note", markup=False)
                yield FindingsList(id="draft-findings")
            with TabPane("4 Comments", id="tab-comments"), VerticalScroll(classes="history"):
                yield Static("", id="draft-comments", markup=False)
            with TabPane("5 Audit log", id="tab-log"), VerticalScroll(classes="history"):
                yield Static("", id="draft-log", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = f"draft {self.draft_id}"
        self._focus_brief()
        self.action_reload()

    def _focus_brief(self) -> None:
        if not self.is_active:
            return  # closed as it opened
        if not put_together(self):  # the tabs' contents are still being composed
            self.call_after_refresh(self._focus_brief)
            return
        self.query_one(SavedBrief).focus()

    # --- reading --------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.busy = True
        self._read()

    @work(thread=True, exclusive=True, group="draft")
    def _read(self, done: str = "") -> None:
        # The draft first, then the checks (the slow part) fill in the Findings tab.
        try:
            page = self.desk.page(self.draft_id, checked=False)
        except DeskError as exc:
            deliver(self, self._failed, exc)
            return
        # The brief's lines are laid out here too, so the draft arrives in one redraw.
        deliver(self, self._show, page, done,
                self._brief.lay_out_for(readable_text(page.draft)))
        findings, note = self.desk.findings(page.draft)
        checked = DraftPage(page.draft, page.log, findings, note, page.user, page.role)
        deliver(self, self._checked, checked, done)

    def _checked(self, page: DraftPage, done: str) -> None:
        if self.page is None or self.page.draft != page.draft:
            return  # a newer read is on its way
        self.page = page
        self._show_findings(page)
        self._notice("\n".join(line for line in (done or _next_step(page), _greyed(page))
                                if line))
        self._refresh_keys(page)

    def _refresh_keys(self, page: DraftPage) -> None:
        """Grey out or bring back keys, only when that changes (the footer is redrawn
        whole each time, which is slow)."""
        state = tuple(blocked(page, action, decision) for action, decision in (
            ("submit", ""), ("decide", "approved"), ("export", "")))
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _failed(self, exc: DeskError) -> None:
        self.busy = False
        self._notice(exc.full, problem=True)

    def _show(self, page: DraftPage, done: str, lines: Page | None = None) -> None:
        with self.app.batch_update():
            self._show_now(page, done, lines)

    def _show_now(self, page: DraftPage, done: str, lines: Page | None) -> None:
        self.page = page
        draft = page.draft
        self.query_one("#draft-head", Static).update(_head(draft))
        self.query_one(SavedBrief).show_page(lines, readable_text(draft))
        self.query_one(VersionDiff).show_draft(draft)
        self._show_findings(page)
        self.query_one("#draft-comments", Static).update(_comments(draft.reviews))
        self.query_one("#draft-log", Static).update(_log(page.log))
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-comments").label = f"4 Comments ({len(draft.reviews)})"
        tabs.get_tab("tab-log").label = f"5 Audit log ({len(page.log)})"
        self._notice("\n".join(line for line in (done or _next_step(page), _greyed(page))
                                if line))
        self.busy = False
        self._refresh_keys(page)

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
        """An action that would be refused is shown greyed out (the notice says why)."""
        if self.page is None or action not in ("submit", "decide", "export"):
            return True
        decision = str(parameters[0]) if parameters else ""
        return None if blocked(self.page, action, decision) else True

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
        why = blocked(page, "decide", decision)
        if why:
            self.notify(why, title="Not possible now", severity="warning", markup=False)
            return
        self.app.push_screen(
            DecisionDialog(decision, draft.id, draft.title, version.number, version.short_hash),
            lambda chosen: self._decided(chosen, draft.revision, version.content_hash),
        )

    def _decided(self, chosen: Decision | None, revision: int, content_hash: str) -> None:
        if chosen is not None:
            self.busy = True
            self._notice("Saving the decision…")
            if chosen.decision == "comment":
                self._act(lambda: self.desk.comment(self.draft_id, chosen.comment))
                return
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
            deliver(self, self._refused, exc)
            return
        deliver(self, self._acted, draft)

    def _refused(self, exc: DeskError) -> None:
        self.busy = False
        lines = exc.full.splitlines()
        if isinstance(exc, ChecksRefused):
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
        """Go to the compose screen with this version's choices (asking first if that
        would replace unsaved work there)."""
        page = self._ready()
        if page is not None and page.draft.is_deck:
            self.notify(f"A trainer's deck is built again from the corpus, not edited here: "
                        f"`assistant train edit {page.draft.id}`.", title="Not opened",
                        severity="warning", markup=False)
            return
        edit = getattr(self.app, "edit_draft", None)
        if page is not None and callable(edit):
            edit(page.draft)

    def action_export(self) -> None:
        """Write the newest version, with its approval line or DRAFT, to a file."""
        from ..dialogs.export import ExportDialog

        page = self._ready()
        if page is None:
            return
        why = blocked(page, "export")
        if why:
            self.notify(why, title="Not exported", severity="error", markup=False)
            return
        draft = page.draft
        approval = draft.approval_of(draft.current_number)
        status = approval.line() if approval is not None else (
            "Not approved: the file will say DRAFT at the top.")
        if draft.is_deck:
            from ...render.formats import DECK_FORMATS

            dialog = ExportDialog("trainer-deck", f"draft-{draft.id}", draft.audience,
                                  status=status.replace("at the top", "on every slide"),
                                  catalogue=DECK_FORMATS, what="deck")
        else:
            dialog = ExportDialog(draft.template, draft.theme, draft.audience, status=status,
                                  formats=["md", "html", "docx"])
        self.app.push_screen(dialog, lambda request: self._export(request, draft.current_number))

    def _export(self, request: ExportRequest | None, number: int) -> None:
        if request is not None:
            self._write(request, number)

    @work(thread=True, exclusive=True, group="draft-export")
    def _write(self, request: ExportRequest, number: int) -> None:
        try:
            path, status = self.desk.export(self.draft_id, number, request.format,
                                            request.path, request.part)
        except DeskError as exc:
            deliver(self, self._refused, exc)
            return
        deliver(self, self._exported, path, status)

    def _exported(self, path: object, status: str) -> None:
        self.notify(f"Wrote {path}\n{status}", title="Exported", markup=False)
        self._read(f"Exported to {path}.")

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
        if not self.is_active:
            return  # a key still queued for a screen being closed
        tabs = self.query_one(TabbedContent)
        try:
            tab_mounted = tabs.get_tab(tab).is_mounted
        except (NoMatches, ValueError):
            tab_mounted = False
        if not tab_mounted:
            # A number key pressed as the screen opens: its tabs are still being put
            # together. The key still counts, a moment later.
            self.call_after_refresh(self.action_tab, tab)
            return
        tabs.active = tab
        target = self.query_one(f"#{tab} {TAB_FOCUS[tab]}")
        self.call_after_refresh(target.focus)

    def action_back(self) -> None:
        close(self)


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
        return "Approved: press x to export it with its approval line."
    if draft.status == "changes-requested":
        return "Changes requested: press e to edit it; saving makes a new version."
    return "A draft: press s to submit it for review, or e to edit it."


def _greyed(page: DraftPage) -> str:
    """Which keys are greyed out and why (only for the decisions a reviewer looks for)."""
    why = blocked(page, "decide", "approved")
    if why and page.draft.status == "in-review":
        return f"Approve and Send back are greyed out: {why}"
    why = blocked(page, "submit")
    if why and page.draft.status == "draft":
        return f"Submit is greyed out: {why}"
    return ""


def blocked(page: DraftPage, action: str, decision: str = "") -> str:
    """Why `action` would be refused for the person looking ("" when it would not)."""
    draft = page.draft
    if action == "export":
        if not draft.current.intact:
            return ("The stored text no longer matches its hash: it cannot be exported. "
                    "Edit it to make a new version.")
        return ""
    if action == "submit":
        if draft.status != "draft":
            return f"Only a draft can be submitted; this one is {status_label(draft.status)}."
        if page.findings and any(f.is_error for f in page.findings):
            return "The checks report errors (Findings tab): fix them before submitting."
        return ""
    if action == "decide" and decision != "comment":
        return _decision_warning(page)
    return ""


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
