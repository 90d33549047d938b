"""What the compose screen does with its brief besides building it: save it as a draft,
export it, and move between (or maximise) the panels that show it."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from ..delivery import deliver
from ..widgets.findings import FindingsList
from ..widgets.preview import BriefPreview

if TYPE_CHECKING:
    from ..dialogs.export import ExportRequest
    from ..review_desk import ReviewDesk, Saved
    from ..session import ComposeSession, Draft


class BriefOutputScreen(Screen[None]):
    """A screen with a brief on it that can be saved for review and exported."""

    def __init__(self) -> None:
        super().__init__()
        self.session: ComposeSession | None = None
        self.draft: Draft | None = None
        """The brief on screen (None until the first one is built)."""
        self.dirty = False
        """True when there is work of the communicator's own (pins, exclusions, order,
        frame text) not yet exported or saved."""
        self.pending = False
        """True from a change until the brief it asked for is on screen."""

    def action_save_draft(self) -> None:
        """Save the brief on screen: a new draft, or a new version of the one it came from
        (nothing new when the same text is already saved)."""
        from ..review_desk import ReviewDesk

        draft, session = self.draft, self.session
        if draft is None or session is None or self.pending:
            self.notify("The brief is not ready yet; save it once it is on screen.",
                        severity="warning")
            return
        desk = getattr(self.app, "review_desk", None)
        assert isinstance(desk, ReviewDesk), "the app has no review desk"
        self._save(desk, draft, session)

    @work(thread=True, exclusive=True, group="save-draft")
    def _save(self, desk: ReviewDesk, draft: Draft, session: ComposeSession) -> None:
        from ..drafting import draft_title
        from ..review_desk import DeskError

        desk.use_corpus(session.corpus)
        brief = draft.brief
        try:
            saved = desk.save(brief.inputs, draft.markdown, brief.fingerprint,
                              title=draft_title(brief))
        except DeskError as exc:
            deliver(self, partial(self.notify, exc.message, title=exc.title,
                                  severity="error", timeout=10, markup=False))
            return
        deliver(self, self._saved, draft, saved)

    def _saved(self, draft: Draft, saved: Saved) -> None:
        from ..drafting import saved_message

        view = saved.draft
        if self.draft is draft:
            self.dirty = False  # it is safe in the review database now
        self.sub_title = f"draft {view.id}, version {view.current_number}"
        title, text = saved_message(saved, draft.error_count)
        self.notify(text, title=title, timeout=8, markup=False)

    def action_export(self) -> None:
        from ..dialogs.export import ExportDialog

        if self.draft is None or self.session is None:
            self.notify("The brief is not ready yet.", severity="warning")
            return
        inputs = self.draft.brief.inputs
        self.app.push_screen(
            ExportDialog(inputs.template, inputs.theme, inputs.audience,
                         formats=self.session.formats, errors=self.draft.error_count),
            self._export,
        )

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None and self.draft is not None:
            self._write(request, self.draft)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, request: ExportRequest, draft: Draft) -> None:
        from ..session import SessionError

        assert self.session is not None
        try:
            written = self.session.export(draft, request.format, request.path, request.part)
        except SessionError as exc:
            deliver(self, partial(self.notify, str(exc), title="Nothing was written",
                                  severity="error", markup=False))
            return
        deliver(self, self._written, written, draft)

    def _written(self, path: Path, draft: Draft) -> None:
        if self.draft is draft:
            self.dirty = False
        self.notify(f"Wrote {path}", title="Exported", markup=False)


class PanelsScreen(BriefOutputScreen):
    """The keys that move between the preview and the panels, and maximise one."""

    def __init__(self) -> None:
        super().__init__()
        self.laid_out = False
        """True once the selectors, preview and panels are mounted (after the themes)."""

    def action_toggle_panels(self) -> None:
        """Narrow: show the panels instead of the preview, or back. Wide: both are shown,
        so just move the focus between them."""
        if not self.laid_out:
            return
        panels = self.query_one(TabbedContent)
        to_panels = not (self.has_class("-panels") if self.has_class("-narrow")
                         else panels.has_focus_within)
        self.set_class(to_panels, "-panels")
        if to_panels:
            self._focus_pane()
        else:
            self.call_after_refresh(self.query_one(BriefPreview).focus)

    def action_next_panel(self) -> None:
        """Testimony, then Frame, then Findings, then Testimony again; the keyboard follows."""
        if not self.laid_out:
            return
        panels = self.query_one(TabbedContent)
        order = [pane.id for pane in panels.query(TabPane) if pane.id]
        at = order.index(panels.active) if panels.active in order else -1
        was_maximised = self.maximized is not None
        self.set_class(True, "-panels")
        panels.active = order[(at + 1) % len(order)]
        self._focus_pane()
        if was_maximised:
            self.call_after_refresh(self.maximize, panels, False)

    def _focus_pane(self) -> None:
        pane = self.query_one(TabbedContent).active_pane
        target = (pane.query("OptionList, Input, TextArea").first()
                  if pane is not None and pane.query("OptionList, Input, TextArea") else None)
        self.call_after_refresh(target.focus if target is not None
                                else self.query_one(TabbedContent).focus)

    def action_maximise(self) -> None:
        """Give the screen to the panel holding the keyboard (themes, preview or the
        panels), or give it back."""
        if self.maximized is not None:
            self.minimize()
            return
        if not self.laid_out:
            return
        areas = [found.first() for found in (self.query(s) for s in
                                             ("#panels", "#preview", "#themes")) if found]
        for area in areas:
            if self.focused is not None and (self.focused is area
                                             or area in self.focused.ancestors):
                self.maximize(area, container=False)
                return
        if areas:
            self.maximize(areas[0], container=False)

    def action_check(self) -> None:
        """Show the findings panel (the checks run on every rebuild)."""
        if not self.laid_out:
            return
        self.set_class(True, "-panels")
        self.query_one(TabbedContent).active = "tab-findings"
        self.query_one(FindingsList).focus()
