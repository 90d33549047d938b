"""Between the compose screen and the review desk: save the brief as a draft, and open a
saved draft's choices for editing. Imported only when one of the two is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from .review_desk import DeskError, ReviewDesk, Saved, origin_of
from .screens.compose import ComposeScreen

if TYPE_CHECKING:
    from ..review import DraftView
    from .session import Draft


def desk_of(app: App[Any]) -> ReviewDesk:
    """The app's review desk (made when the app is, opened on first use)."""
    desk = getattr(app, "review_desk", None)
    assert isinstance(desk, ReviewDesk), "the app has no review desk"
    return desk


def save_draft(screen: ComposeScreen) -> None:
    """Save the brief on screen: a new draft, or a new version of the one it came from."""
    draft = screen.draft
    if draft is None or screen.session is None or screen.pending:
        screen.notify("The brief is not ready yet; save it once it is on screen.",
                      severity="warning")
        return
    desk = desk_of(screen.app)
    corpus = screen.session.corpus

    def work() -> None:
        brief = draft.brief
        desk.use_corpus(corpus)
        try:
            saved = desk.save(brief.inputs, draft.markdown, brief.fingerprint,
                              title=f"{brief.theme.title}: {brief.template.name} for "
                                    f"{brief.audience.name}")
        except DeskError as exc:
            screen.app.call_from_thread(screen.notify, exc.message, title=exc.title,
                                        severity="error", timeout=10, markup=False)
            return
        screen.app.call_from_thread(_saved, screen, draft, saved)

    screen.run_worker(work, thread=True, exclusive=True, group="save-draft")


def _saved(screen: ComposeScreen, draft: Draft, saved: Saved) -> None:
    view = saved.draft
    if screen.draft is draft:
        screen.dirty = False  # it is safe in the review database now
    screen.sub_title = f"draft {view.id}, version {view.current_number}"
    errors = draft.error_count
    lines = [f"Draft {view.id}, version {view.current_number} ({view.current.short_hash}): "
             f"{view.title}"]
    if saved.note:
        lines.append(saved.note)
    lines.append(f"Saving again makes version {view.current_number + 1}. "
                 "Submit it for review from the review queue.")
    if errors:
        lines.append(f"The checks report {errors} error{'s' * (errors != 1)}: it cannot be "
                     "submitted until they are fixed.")
    screen.notify("\n".join(lines), title=f"Saved draft {view.id}, version "
                  f"{view.current_number}", timeout=8, markup=False)


def open_in_compose(app: App[Any], draft: DraftView) -> None:
    """Show the compose screen built from the newest version's choices; the next save
    makes a new version of `draft` (refused if someone else changed it meanwhile)."""
    compose = next((s for s in app.screen_stack if isinstance(s, ComposeScreen)), None)
    if compose is None or compose.session is None:
        app.notify("The compose screen is still loading the corpus; try again in a moment.",
                   severity="warning")
        return
    inputs = draft.current.inputs
    missing = [f"{kind} '{value}'" for kind, value, known in (
        ("theme", inputs.theme, compose.session.corpus.themes),
        ("audience", inputs.audience, compose.session.corpus.audiences),
        ("template", inputs.template, compose.session.library.ids())) if value not in known]
    if missing:
        app.notify(f"The {' and '.join(missing)} of this draft no longer exist, so it "
                   "cannot be rebuilt here.", title="Not opened", severity="error")
        return
    while app.screen is not compose:
        app.pop_screen()
    desk_of(app).origin = origin_of(draft)
    # The choices first, then the selectors: their change events then find nothing new.
    compose.inputs = inputs
    compose.dirty = False
    compose.choose_theme(inputs.theme)
    compose.select("audience", inputs.audience)
    compose.select("template", inputs.template)
    compose._schedule()  # rebuild now, exactly as a change of choice would
    compose.sub_title = f"draft {draft.id}, version {draft.current_number}"
    app.notify(f"Editing draft {draft.id} from version {draft.current_number}. Press ctrl+s "
               f"to save your changes as version {draft.current_number + 1}.",
               title=f"Draft {draft.id}")
