"""The command palette (ctrl+p): jump to a theme, audience or template; export; check."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, str, Callable[[], object]]
"""Title, help line, and what choosing it does."""


class CommandList(Provider):
    """A provider whose commands are a plain list, recomputed for the screen on top."""

    def _commands(self) -> list[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


class BriefCommands(CommandList):
    """Commands for the compose screen, built from the loaded corpus and templates."""

    def _commands(self) -> list[Command]:
        from ..render.formats import format_names
        from .screens.compose import ComposeScreen

        screen = self.screen
        if not isinstance(screen, ComposeScreen) or screen.session is None:
            return []
        session = screen.session
        commands: list[Command] = [
            ("Export the brief…", f"Write it as {format_names()}", screen.action_export),
            ("Check the brief", "Show the findings of the do-no-harm and credibility checks",
             screen.action_check),
        ]
        for row in session.theme_rows():
            commands.append((f"Theme: {row['title']}", session.claims()[row["id"]],
                             partial(screen.choose_theme, row["id"])))
        for name, audience_id in session.audience_options():
            commands.append((f"Audience: {name}", f"Rebuild the brief for {name.lower()}",
                             partial(screen.select, "audience", audience_id)))
        for name, template_id in session.template_options():
            commands.append((f"Template: {name}", f"Use the {template_id} template",
                             partial(screen.select, "template", template_id)))
        return commands
