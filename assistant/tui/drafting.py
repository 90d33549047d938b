"""Words and checks for saving a brief as a draft and opening one again, free of
Textual: the compose screen asks these, it never hands its widgets to anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..compose.brief import Brief, BriefInputs
    from .review_desk import Saved
    from .session import ComposeSession


def draft_title(brief: Brief) -> str:
    """'Life under IS: Policy brief for Policymakers' (the queue's title column)."""
    return f"{brief.theme.title}: {brief.template.name} for {brief.audience.name}"


def saved_message(saved: Saved, errors: int) -> tuple[str, str]:
    """The title and text of the note shown after Ctrl+S."""
    view = saved.draft
    if saved.unchanged:
        return (f"Already saved as draft {view.id}, version {view.current_number}",
                f"Draft {view.id}, version {view.current_number} ({view.current.short_hash}) "
                "already has exactly this text and these choices: nothing new was saved.")
    lines = [f"Draft {view.id}, version {view.current_number} ({view.current.short_hash}): "
             f"{view.title}"]
    if saved.note:
        lines.append(saved.note)
    lines.append(f"Saving again makes version {view.current_number + 1}. "
                 "Submit it for review from the review queue.")
    if errors:
        lines.append(f"The checks report {errors} error{'s' * (errors != 1)}: it cannot be "
                     "submitted until they are fixed.")
    return f"Saved draft {view.id}, version {view.current_number}", "\n".join(lines)


def missing_choices(session: ComposeSession, inputs: BriefInputs) -> str:
    """Why a saved draft cannot be rebuilt from this corpus and these templates ("" if
    it can)."""
    missing = [f"{kind} '{value}'" for kind, value, known in (
        ("theme", inputs.theme, session.corpus.themes),
        ("audience", inputs.audience, session.corpus.audiences),
        ("template", inputs.template, session.library.ids())) if value not in known]
    if not missing:
        return ""
    return (f"The {' and '.join(missing)} of this draft no longer exist, so it cannot be "
            "rebuilt here.")
