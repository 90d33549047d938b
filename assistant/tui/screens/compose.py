"""The compose screen: theme, audience and template in; a checked brief out."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, Select, Static, TabbedContent, TabPane

from ..widgets.campaign_frame import CampaignFrameForm
from ..widgets.findings import FindingsList
from ..widgets.preview import BriefPreview
from ..widgets.testimony import TestimonyList
from ..widgets.theme_list import ThemeList

if TYPE_CHECKING:  # the domain modules load in a worker, after the first frame
    from ...checks.findings import Finding
    from ...compose.brief import BriefInputs
    from ..dialogs.export import ExportRequest
    from ..session import ComposeSession, Draft

class ThemesShown(Message):
    """The themes list is filled: the app is ready for the communicator (and the bench)."""


REBUILD_DELAY = 0.15
"""Seconds of quiet before the brief is rebuilt: typing in a frame field or holding an
arrow key on the themes list rebuilds once, not on every key."""



class ComposeScreen(Screen[None]):
    """Themes and choices on the left, the brief in the middle, panels on the right.

    Below 110 columns the preview and the panels share the space: F2 switches."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export", id="compose.export",
                tooltip="Export the brief as Markdown, HTML or Word"),
        Binding("ctrl+s", "save_draft", "Save draft", id="compose.save-draft",
                tooltip="Save the brief for review: a new draft, or a new version of the "
                        "draft it was opened from"),
        Binding("f2", "toggle_panels", "Preview/Panels", id="compose.toggle-panels",
                tooltip="Go to the testimony, frame and findings panels, or back to the "
                        "preview (on a narrow terminal they take turns)"),
        Binding("ctrl+r", "check", "Check", id="compose.check",
                tooltip="Show the findings of the checks on the brief as it reads now"),
    ]

    def __init__(self, corpus_dir: Path, templates_dir: Path,
                 stop_when_themes_shown: bool = False) -> None:
        super().__init__()
        self.stop_when_themes_shown = stop_when_themes_shown
        """Load nothing after the themes (the app is about to exit: bench/startup.py)."""
        self.corpus_dir = corpus_dir
        self.templates_dir = templates_dir
        self.session: ComposeSession | None = None
        self.inputs: BriefInputs | None = None
        self.draft: Draft | None = None
        self.dirty = False
        """True when there are choices the communicator has not exported yet."""
        self.pending = False
        """True from a change until the brief it asked for is on screen."""
        self._generation = 0
        self._timer: Timer | None = None
        self._filling = False
        self._laid_out = threading.Event()
        """Set once the selectors, preview and panels are mounted (after the themes)."""
        self._laying_out = False
        self._glanced: list[dict[str, Any]] | None = None

    def compose(self) -> ComposeResult:
        # The first frame shows the themes only; the selectors, the preview and the panels
        # are mounted right after it (`_lay_out_rest`), while the corpus is validated.
        from ...corpus.glance import glance_themes
        from ...paths import cache_dir

        # A plain read of the YAML (PyYAML only; from a cache file after the first start)
        # puts the themes in the first frame; the validating load runs once the screen is up.
        self._glanced = glance_themes(self.corpus_dir, cache_dir())
        yield Header()
        with Horizontal(id="workspace"), Vertical(id="choices"):
            yield Label("Theme", classes="heading")
            yield ThemeList(self._glanced, id="themes")
            yield Static("Loading the corpus…", id="status")
        yield Footer()

    async def _lay_out_rest(self) -> None:
        if self._laid_out.is_set() or self._laying_out:
            return
        self._laying_out = True
        await self.query_one("#choices").mount_all([
            Label("Audience", classes="heading"),
            Select[str]([], id="audience", prompt="Audience"),
            Label("Template", classes="heading"),
            Select[str]([], id="template", prompt="Template"),
        ], before="#status")
        panels = TabbedContent(id="panels")
        for pane in (TabPane("Testimony", TestimonyList(id="testimony"), id="tab-testimony"),
                     TabPane("Frame", CampaignFrameForm(id="frame"), id="tab-frame"),
                     TabPane("Findings", FindingsList(id="findings"), id="tab-findings")):
            panels.compose_add_child(pane)  # what `with TabbedContent():` does in compose
        await self.query_one("#workspace").mount_all(
            [BriefPreview("*Loading the corpus…*", id="preview"), panels])
        self._laid_out.set()

    def on_mount(self) -> None:
        self.query_one(ThemeList).focus()
        if self._glanced is not None:  # already in the list: announce it once it is drawn
            self._set_status("Loading the templates…")
            self.call_after_refresh(self._themes_drawn)
        self._load()

    # --- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        # In steps, so the themes appear first (from the glance in `compose`), and only
        # once they and the rest of the screen are up do validation (pydantic),
        # composition, rendering and the checks (Jinja2 and friends) load.
        glanced = self._glanced
        if glanced is not None:
            if self.stop_when_themes_shown:
                return
            self._laid_out.wait(timeout=10)  # leave the interpreter to the first frames

        from ...corpus import CorpusError, load_corpus
        from ...corpus.stats import corpus_stats

        try:
            corpus = load_corpus(self.corpus_dir)
        except CorpusError as exc:
            self.app.call_from_thread(
                self._failed, f"The corpus at {self.corpus_dir} has {len(exc.problems)} "
                "problem(s)", [str(p) for p in exc.problems])
            return
        claims = {tid: theme.claim for tid, theme in corpus.themes.items()}
        rows = corpus_stats(corpus)["themes"]
        if glanced is None or _differs(glanced, rows, claims):
            self.app.call_from_thread(self._themes_loaded, rows, claims)
        if self.stop_when_themes_shown:
            return
        from ..session import ComposeSession, SessionError

        try:
            session = ComposeSession.open(corpus, self.templates_dir)
        except SessionError as exc:
            self.app.call_from_thread(self._failed, exc.title, exc.problems)
            return
        self._laid_out.wait(timeout=10)
        self.app.call_from_thread(self._loaded, session)

    def _failed(self, title: str, problems: list[str]) -> None:
        from .problems import ProblemsScreen

        if self.stop_when_themes_shown:  # the bench must not mistake this for success
            self.app.exit(return_code=1, message=f"{title}\n" + "\n".join(problems[:20]))
            return
        self.app.push_screen(ProblemsScreen(title, problems))

    def _themes_loaded(self, rows: list[dict[str, Any]], claims: dict[str, str]) -> None:
        self.query_one(ThemeList).show_themes(rows, claims)
        self._set_status("Loading the templates…")
        self.call_after_refresh(self._themes_drawn)

    def _themes_drawn(self) -> None:
        self.app.post_message(ThemesShown())
        if not self.stop_when_themes_shown:
            self.call_later(self._lay_out_rest)

    def _loaded(self, session: ComposeSession) -> None:
        self.session = session
        self._filling = True
        self.query_one("#audience", Select).set_options(session.audience_options())
        self.query_one("#template", Select).set_options(session.template_options())
        self.inputs = session.first_inputs(self.query_one(ThemeList).theme_id)
        self.query_one("#audience", Select).value = self.inputs.audience
        self.query_one("#template", Select).value = self.inputs.template
        self.call_after_refresh(self._filled)
        self._rebuild()

    def _filled(self) -> None:
        self._filling = False

    # --- the communicator's choices --------------------------------------------------------

    @on(ThemeList.Chosen)
    def _theme(self, event: ThemeList.Chosen) -> None:
        self.choose(theme=event.theme_id)

    @on(Select.Changed, "#audience")
    def _audience(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.choose(audience=event.value)

    @on(Select.Changed, "#template")
    def _template(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.choose(template=event.value)

    def choose(self, **changes: Any) -> None:
        """Change some of the inputs (theme, audience, template...) and rebuild."""
        if self.inputs is None or self._filling:
            return
        updated = self.inputs.model_copy(update=changes)
        if updated == self.inputs:
            return
        if "theme" in changes or "audience" in changes:
            updated = updated.model_copy(update={"order": []})  # another set of candidates
        self.inputs = updated
        self.dirty = True
        self._schedule()

    def choose_theme(self, theme_id: str) -> None:
        """Highlight a theme (the command palette uses this)."""
        self.query_one(ThemeList).choose(theme_id)

    def select(self, which: str, value: str) -> None:
        """Set the audience or template selector (the command palette uses this)."""
        if not self._laid_out.is_set():
            return
        self.query_one(f"#{which}", Select).value = value

    @on(TestimonyList.Arranged)
    def _arranged(self, event: TestimonyList.Arranged) -> None:
        if self.inputs is None or self.session is None or self.draft is None:
            return
        from ..session import SessionError

        try:
            changes = self.session.arrange(self.inputs, self.draft.in_brief, event.how,
                                           event.quote_id)
        except SessionError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.choose(**changes)

    @on(CampaignFrameForm.Edited)
    def _frame_edited(self, event: CampaignFrameForm.Edited) -> None:
        if self.inputs is None or self.draft is None:
            return
        frame = dict(self.inputs.frame)
        proposed = getattr(self.draft.proposed_frame, event.field)
        if event.value.strip() and event.value != proposed:
            frame[event.field] = event.value
        else:
            frame.pop(event.field, None)
        self.choose(frame=frame)

    @on(FindingsList.Chosen)
    def _finding_chosen(self, event: FindingsList.Chosen) -> None:
        self.set_class(False, "-panels")  # on a narrow screen, bring the preview back
        self._scroll_to_finding(event.finding)

    def _scroll_to_finding(self, finding: Finding) -> None:
        quote = None
        if finding.quote_id and self.session is not None:
            quote = self.session.quote_text(finding.quote_id)
        if not self.query_one(BriefPreview).scroll_to_line(finding.line, quote, finding.section):
            self.notify("That finding is about the brief as a whole.", timeout=3)

    # --- rebuilding -----------------------------------------------------------------------

    def _schedule(self, delay: float = REBUILD_DELAY) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._set_status("Building the brief…")
        self.pending = True
        self._timer = self.set_timer(delay, self._rebuild)

    def _rebuild(self) -> None:
        self.pending = True
        self._generation += 1
        self._build(self._generation)

    @work(thread=True, exclusive=True, group="build")
    def _build(self, generation: int) -> None:
        from ..session import SessionError

        assert self.session is not None and self.inputs is not None
        try:
            draft = self.session.build(self.inputs)
        except SessionError as exc:
            self.app.call_from_thread(self._build_failed, exc)
            return
        if generation == self._generation:  # a newer build supersedes this one
            self.app.call_from_thread(self._show, draft, generation)

    def _build_failed(self, exc: Exception) -> None:
        self.pending = False
        # Go back to the last choices that worked, so one refused pin does not leave the
        # communicator without a brief.
        if self.draft is not None:
            self.inputs = self.draft.brief.inputs
            self._set_status(self.draft.status_line)
        else:
            self._set_status("The brief cannot be built.")
        self.notify(str(exc), title="That choice was not applied", severity="error")

    def _show(self, draft: Draft, generation: int) -> None:
        assert self.session is not None
        if generation != self._generation:
            return
        self.draft = draft
        self.pending = False
        self.call_later(self.query_one(BriefPreview).show_markdown, draft.markdown)
        self.query_one(TestimonyList).show_candidates(draft.testimony, self.session.source_name)
        self.query_one(CampaignFrameForm).show_frame(draft.proposed_frame, draft.brief.inputs.frame)
        self.query_one(FindingsList).show_findings(draft.findings)
        panels = self.query_one(TabbedContent)
        panels.get_tab("tab-findings").label = f"Findings ({draft.short_summary})"
        chosen = sum(c.chosen for c in draft.brief.candidates)
        panels.get_tab("tab-testimony").label = (
            f"Testimony ({chosen}/{len(draft.brief.candidates)})")
        self._set_status(draft.status_line)

    def _set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    # --- actions --------------------------------------------------------------------------

    def action_toggle_panels(self) -> None:
        """Narrow: show the panels instead of the preview, or back. Wide: both are shown,
        so just move the focus between them."""
        if not self._laid_out.is_set():
            return
        panels = self.query_one(TabbedContent)
        to_panels = not (self.has_class("-panels") if self.has_class("-narrow")
                         else panels.has_focus_within)
        self.set_class(to_panels, "-panels")
        if to_panels:
            pane = panels.active_pane
            target = pane.query("OptionList, Input").first() if pane is not None else None
            self.call_after_refresh(target.focus if target is not None else panels.focus)
        else:
            self.call_after_refresh(self.query_one(BriefPreview).focus)

    def action_check(self) -> None:
        """Show the findings panel (the checks run on every rebuild)."""
        if not self._laid_out.is_set():
            return
        self.set_class(True, "-panels")
        self.query_one(TabbedContent).active = "tab-findings"
        self.query_one(FindingsList).focus()

    def action_save_draft(self) -> None:
        from ..drafting import save_draft  # the review layer loads only when it is used

        save_draft(self)

    def action_export(self) -> None:
        from ..dialogs.export import ExportDialog

        if self.draft is None or self.session is None:
            self.notify("The brief is not ready yet.", severity="warning")
            return
        self.app.push_screen(
            ExportDialog(self.session.suggested_filename(self.draft.brief.inputs),
                         errors=self.draft.error_count),
            self._export,
        )

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self._write(request)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, request: ExportRequest) -> None:
        from ..session import SessionError

        assert self.session is not None and self.draft is not None
        draft = self.draft
        try:
            written = self.session.export(draft, request.format, request.path)
        except SessionError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), title="Nothing was written", severity="error")
            return
        self.app.call_from_thread(self._written, written, draft)

    def _written(self, path: Path, draft: Draft) -> None:
        if self.draft is draft:
            self.dirty = False
        self.notify(f"Wrote {path}", title="Exported")


def _differs(glanced: list[dict[str, Any]], rows: list[dict[str, Any]],
             claims: dict[str, str]) -> bool:
    """Whether the validated corpus tells a different story from the first glance."""
    keys = ("id", "title", "quotes", "speakers", "graphic_quotes")
    return [(*(r[k] for k in keys), r["claim"]) for r in glanced] != [
        (*(r[k] for k in keys), claims.get(r["id"], "")) for r in rows]
