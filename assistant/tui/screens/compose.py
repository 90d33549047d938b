"""The compose screen: theme, audience and template in; a checked brief out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Select, Static, TabbedContent, TabPane

from ..delivery import deliver
from ..focus import FOCUS_BINDINGS
from ..widgets.app_footer import AppFooter
from ..widgets.campaign_frame import CampaignFrameForm
from ..widgets.findings import FindingsList
from ..widgets.guarded import AppHeader, GuardedSelect
from ..widgets.preview import BriefPreview, Page
from ..widgets.testimony import TestimonyList
from ..widgets.theme_list import ThemeList
from .compose_output import PanelsScreen

if TYPE_CHECKING:  # the domain modules load in a worker, after the first frame
    from ...checks.findings import Finding
    from ...compose.brief import BriefInputs
    from ...review import DraftView
    from ..session import ComposeSession, Draft

class ThemesShown(Message):
    """The themes list is filled: the app is ready for the communicator (and the bench)."""


HAND_MADE = frozenset({"pins", "fact_pins", "exclusions", "order", "frame", "quotes"})
"""The choices that are the communicator's own work: quitting or opening a draft asks
before losing them. A theme, audience or template is one key to pick again, so moving
through the themes (or trying another audience) is not unsaved work."""

REBUILD_DELAY = 0.15
"""Seconds of quiet before the brief is rebuilt: typing in a frame field or holding an
arrow key on the themes list rebuilds once, not on every key."""



class ComposeScreen(PanelsScreen):
    """Themes and choices on the left, the brief in the middle, panels on the right.

    Below 110 columns the preview and the panels share the space: F2 switches."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: they work from a frame field too, whose own ctrl+e moves the cursor.
        Binding("ctrl+e", "export", "Export", id="compose.export", priority=True,
                tooltip="Export the brief as Markdown, Web page, Word or PDF"),  # a test holds it
        # to render/formats.py, not imported here: it would load the render layer at start
        Binding("ctrl+s", "save_draft", "Save draft", id="compose.save-draft", priority=True,
                tooltip="Save the brief for review: a new draft, or a new version of the "
                        "draft it was opened from"),
        *FOCUS_BINDINGS,
        Binding("f4", "next_panel", "Next panel", id="compose.next-panel",
                tooltip="Show the next of the Testimony, Frame and Findings panels"),
        Binding("f5", "maximise", "Maximise", id="compose.maximise",
                tooltip="Give the whole screen to the panel you are in (again: back)"),
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
        self.inputs: BriefInputs | None = None
        self._generation = 0
        self._scheduled = False  # a rebuild waits on the timer
        self._timer: Timer | None = None
        self._filling = False
        self._laying_out = False
        self._glanced: list[dict[str, Any]] | None = None
        self._loaded_early: ComposeSession | None = None
        """A session that arrived before the rest of the screen was mounted."""
        self.load_problem: str | None = None
        """Why the corpus or templates could not be loaded (None: they were, or are loading)."""
        self._kept: dict[str, tuple[list[str], list[str], list[str]]] = {}
        """Pins, exclusions and order of the themes the communicator has left, by theme."""
        self._kept_frames: dict[tuple[str, str], dict[str, str]] = {}
        """The frame text written for the themes and audiences left, by (theme, audience)."""

    def compose(self) -> ComposeResult:
        # The first frame shows the themes only; the selectors, the preview and the panels
        # are mounted right after it (`_lay_out_rest`), while the corpus is validated.
        from ...corpus.glance import glance_themes
        from ...paths import cache_dir

        # A plain read of the YAML (PyYAML only; from a cache file after the first start)
        # puts the themes in the first frame; the validating load runs once the screen is up.
        self._glanced = glance_themes(self.corpus_dir, cache_dir())
        yield AppHeader()
        with Vertical(id="choices"):
            yield Label("Theme", classes="heading")
            yield ThemeList(self._glanced, id="themes")
            yield Static("Loading the corpus…", id="status")
        yield AppFooter()

    async def _lay_out_rest(self) -> None:
        if self.laid_out or self._laying_out:
            return
        self._laying_out = True
        await self.query_one("#choices").mount_all([
            Label("Audience", classes="heading"),
            GuardedSelect([], id="audience", prompt="Audience", compact=True),
            Label("Template", classes="heading"),
            GuardedSelect([], id="template", prompt="Template", compact=True),
        ], before="#status")
        panels = TabbedContent(id="panels")
        testimony = (Input(placeholder="Filter: words, speaker, source, badge",
                           id="testimony-filter", compact=True), TestimonyList(id="testimony"))
        for pane in (TabPane("Testimony", *testimony, id="tab-testimony"),
                     TabPane("Frame", CampaignFrameForm(id="frame"), id="tab-frame"),
                     TabPane("Findings", FindingsList(id="findings"), id="tab-findings")):
            panels.compose_add_child(pane)  # what `with TabbedContent():` does in compose
        await self.mount_all([BriefPreview("*Loading the corpus…*", id="preview"), panels],
                             after="#choices")
        self.laid_out = True
        if self._glanced is not None:
            self._load()  # the first frames are drawn: now the validating load
        if self._loaded_early is not None:
            self._loaded(self._loaded_early)

    def on_mount(self) -> None:
        self.query_one(ThemeList).focus()
        if self._glanced is not None:  # already in the list: announce it once it is drawn
            self._set_status("Loading the templates…")
            self.call_after_refresh(self._themes_drawn)
        else:
            self._load()

    # --- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        # In steps, so the themes appear first (from the glance in `compose`), and only
        # once they and the rest of the screen are up do validation (pydantic),
        # composition, rendering and the checks (Jinja2 and friends) load.
        # With a glance this runs once the rest of the screen is mounted (_lay_out_rest).
        glanced = self._glanced
        from ...corpus import CorpusError, load_corpus
        from ...corpus.stats import corpus_stats

        try:
            corpus = load_corpus(self.corpus_dir)
        except CorpusError as exc:
            deliver(self, self._failed, f"The corpus at {self.corpus_dir} has "
                    f"{len(exc.problems)} problem(s)", [str(p) for p in exc.problems])
            return
        claims = {tid: theme.claim for tid, theme in corpus.themes.items()}
        rows = corpus_stats(corpus)["themes"]
        if glanced is None or _differs(glanced, rows, claims):
            deliver(self, self._themes_loaded, rows, claims)
        if self.stop_when_themes_shown:
            return
        from ..session import ComposeSession, SessionError

        try:
            session = ComposeSession.open(corpus, self.templates_dir)
        except SessionError as exc:
            deliver(self, self._failed, exc.title, exc.problems)
            return
        deliver(self, self._loaded, session)

    def _failed(self, title: str, problems: list[str]) -> None:
        from .problems import ProblemsScreen

        self.load_problem = title
        self._set_status(f"{title}.")
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
        if not self.laid_out:  # shown once the selectors exist (_lay_out_rest)
            self._loaded_early = session
            return
        self._loaded_early = None
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
        if "audience" in changes and self.session is not None:
            updated = self._format_for(updated)
        if updated.theme != self.inputs.theme:
            updated = self._arrangement_for(self.inputs, updated)
        elif "audience" in changes:
            updated = updated.model_copy(update={"order": []})  # another set of candidates
        if (updated.theme, updated.audience) != (self.inputs.theme, self.inputs.audience):
            updated = self._frame_for(self.inputs, updated)
        self.inputs = updated
        if HAND_MADE & changes.keys():
            self.dirty = True
        self._schedule()

    def _arrangement_for(self, old: BriefInputs, new: BriefInputs) -> BriefInputs:
        """Pins, exclusions and order belong to a theme: keep the old theme's for when the
        communicator comes back, and bring back the new theme's (say so when it matters)."""
        if old.pins or old.exclusions or old.order:
            self._kept[old.theme] = (old.pins, old.exclusions, old.order)
        pins, exclusions, order = self._kept.pop(new.theme, ([], [], []))
        if old.pins or old.exclusions:
            self.notify(f"Your pins and exclusions for '{old.theme}' are kept with that "
                        "theme and come back when you return to it.", timeout=5)
        if pins or exclusions:
            self.notify(f"Your pins and exclusions for '{new.theme}' are back.", timeout=5)
        return new.model_copy(update={"pins": pins, "exclusions": exclusions,
                                      "order": order})

    def _format_for(self, new: BriefInputs) -> BriefInputs:
        """A format written for the new audience: the chosen one if it is, else the first
        that is, and the communicator is told which and why."""
        assert self.session is not None
        template = self.session.template_for(new.audience, new.template)
        if template == new.template:
            return new
        name, was = self.session.template_name(template), self.session.template_name(
            new.template)
        self.notify(f"The format is now '{name}': '{was}' is not written for this audience.",
                    timeout=6)
        self._show_choices(new.audience, template)
        return new.model_copy(update={"template": template})

    def _frame_for(self, old: BriefInputs, new: BriefInputs) -> BriefInputs:
        """Frame text belongs to the theme and audience it was written for: keep the old
        text for when the communicator comes back, and bring back the new pair's."""
        if old.frame:
            self._kept_frames[(old.theme, old.audience)] = dict(old.frame)
            self.notify("Your campaign frame text is kept with its theme and audience and "
                        "comes back when you return to them; this brief starts from the "
                        "proposed frame.", timeout=6)
        frame = self._kept_frames.pop((new.theme, new.audience), {})
        if frame:
            self.notify("Your campaign frame text for this theme and audience is back.",
                        timeout=5)
        if old.frame or frame:
            self.query_one(CampaignFrameForm).forget_typing()
        return new.model_copy(update={"frame": frame})

    def _show_choices(self, audience: str, template: str) -> None:
        """Put the audience and template pickers on these choices (their change events
        then find nothing new to apply)."""
        for which, value in (("audience", audience), ("template", template)):
            picker = self.query_one(f"#{which}", Select)
            if picker.value != value:
                picker.value = value

    def choose_theme(self, theme_id: str) -> None:
        """Highlight a theme (the command palette uses this)."""
        self.query_one(ThemeList).choose(theme_id)

    def select(self, which: str, value: str) -> None:
        """Set the audience or template selector (the command palette uses this)."""
        if not self.laid_out:
            return
        self.query_one(f"#{which}", Select).value = value

    def open_draft(self, draft: DraftView) -> str:
        """Show a saved draft's newest choices (the caller has asked about unsaved work).
        Returns the reason it cannot be rebuilt here, or "" once it is being rebuilt."""
        from ..drafting import missing_choices

        if self.load_problem:
            return (f"{self.load_problem}: the compose screen cannot rebuild drafts until "
                    "that is fixed (`assistant corpus validate`).")
        if self.session is None or self.inputs is None:
            return "The compose screen is still loading the corpus; try again in a moment."
        inputs = draft.current.inputs
        missing = missing_choices(self.session, inputs)
        if missing:
            return missing
        # The choices first, then the selectors: their change events then find nothing new.
        self.inputs = inputs
        self.dirty = False
        self._kept, self._kept_frames = {}, {}
        self.query_one(CampaignFrameForm).forget_typing()
        self.choose_theme(inputs.theme)
        self.select("audience", inputs.audience)
        self.select("template", inputs.template)
        self.rebuild()
        self.sub_title = f"draft {draft.id}, version {draft.current_number}"
        return ""

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

    @on(Input.Changed, "#testimony-filter")
    def _filter_testimony(self, event: Input.Changed) -> None:
        self.query_one(TestimonyList).filter(event.value)

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

    def rebuild(self) -> None:
        """Rebuild the brief from the current choices now."""
        if self._timer is not None:
            self._timer.stop()
        self._rebuild()

    def _schedule(self, delay: float = REBUILD_DELAY) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._set_status("Building the brief…")
        self.pending = self._scheduled = True
        self._timer = self.set_timer(delay, self._rebuild)

    def _rebuild(self) -> None:
        self.pending, self._scheduled = True, False
        self._generation += 1
        self._build(self._generation, self.query_one(BriefPreview))

    @work(thread=True, exclusive=True, group="build")
    def _build(self, generation: int, preview: BriefPreview) -> None:
        from ..session import SessionError

        assert self.session is not None and self.inputs is not None
        try:
            draft = self.session.build(self.inputs)
        except SessionError as exc:
            deliver(self, self._build_failed, exc)
            return
        if generation != self._generation:  # a newer build supersedes this one
            return
        # The preview's lines are laid out here too, so that the brief, its lines and
        # the panels reach the screen together, in one redraw.
        deliver(self, self._show, draft, generation, preview.lay_out_for(draft.markdown))

    def _build_failed(self, exc: Exception) -> None:
        self.pending = self._scheduled  # a rebuild still to come keeps it pending
        # Go back to the last choices that worked, so one refused pin does not leave the
        # communicator without a brief.
        if self.draft is not None:
            self.inputs = self.draft.brief.inputs
            self._show_choices(self.inputs.audience, self.inputs.template)
            self._set_status(self.draft.status_line)
        else:
            self._set_status("The brief cannot be built.")
        self.notify(str(exc), title="That choice was not applied", severity="error")

    def _show(self, draft: Draft, generation: int, page: Page | None) -> None:
        assert self.session is not None
        if generation != self._generation:
            return
        with self.app.batch_update():
            self._show_now(draft, page)

    def _show_now(self, draft: Draft, page: Page | None) -> None:
        assert self.session is not None
        self.draft = draft
        # a build finished while a newer change waits for its rebuild: still pending
        self.pending = self._scheduled
        self.query_one(BriefPreview).show_page(page, draft.markdown)
        self.query_one(TestimonyList).show_candidates(draft.testimony, self.session.source_name)
        self.query_one(CampaignFrameForm).show_frame(draft.proposed_frame, draft.brief.inputs.frame)
        self.query_one(FindingsList).show_findings(draft.findings)
        chosen = sum(c.chosen for c in draft.brief.candidates)
        self._relabel("tab-findings", f"Findings ({draft.short_summary})")
        self._relabel("tab-testimony", f"Testimony ({chosen}/{len(draft.brief.candidates)})")
        self._set_status(draft.status_line)

    def _relabel(self, tab_id: str, label: str) -> None:
        # Only when it changes: a new label lays the tab bar out again.
        tab = self.query_one(TabbedContent).get_tab(tab_id)
        if tab.label.plain != label:
            tab.label = label

    def _set_status(self, text: str) -> None:
        status = self.query_one("#status", Static)
        if str(status.content) != text:  # an unchanged line costs no layout
            status.update(text)

    # --- actions --------------------------------------------------------------------------


def _differs(glanced: list[dict[str, Any]], rows: list[dict[str, Any]],
             claims: dict[str, str]) -> bool:
    """Whether the validated corpus tells a different story from the first glance."""
    keys = ("id", "title", "quotes", "speakers", "graphic_quotes")
    return [(*(r[k] for k in keys), r["claim"]) for r in glanced] != [
        (*(r[k] for k in keys), claims.get(r["id"], "")) for r in rows]
