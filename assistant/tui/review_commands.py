"""Command-palette entries for reviewing: the queue, saving a draft, deciding."""

from __future__ import annotations

from functools import partial

from .commands import Command, CommandList


class ReviewCommands(CommandList):
    """Open the review queue from anywhere; plus what the screen on top can do."""

    def _commands(self) -> list[Command]:
        from .screens.compose import ComposeScreen

        app = self.app
        screen = self.screen
        commands: list[Command] = []
        open_queue = getattr(app, "action_review_queue", None)
        if callable(open_queue):
            commands.append(("Review queue", "Saved drafts, their state; approve or send "
                             "back", open_queue))
        if isinstance(screen, ComposeScreen):
            commands.append(("Save the brief as a draft", "Store it for review (a new "
                             "version if it was opened from a draft)",
                             screen.action_save_draft))
        commands.extend(self._screen_commands())
        return commands

    def _screen_commands(self) -> list[Command]:
        from .screens.draft_view import DraftViewScreen
        from .screens.review_queue import FILTERS, ReviewQueueScreen

        screen = self.screen
        if isinstance(screen, ReviewQueueScreen):
            return [(f"Show: {label.split(' ', 1)[1]}", "Filter the review queue by state",
                     partial(screen.action_show, value)) for label, value in FILTERS]
        if isinstance(screen, DraftViewScreen):
            return [
                ("Approve this version", "Reviewers only, never their own work",
                 partial(screen.action_decide, "approved")),
                ("Request changes", "Send it back to its author with a comment",
                 partial(screen.action_decide, "changes-requested")),
                ("Submit for review", "Refused while the checks report errors",
                 screen.action_submit),
                ("Edit in the compose screen", "Saving makes a new version",
                 screen.action_edit),
            ]
        return []
