"""What can go wrong when composing or rendering a brief, in words a communicator can act on."""

from __future__ import annotations


class BriefError(Exception):
    """Base class: a brief could not be built or rendered. `str()` is the user's message."""


class UnknownId(BriefError):
    """An id (theme, audience, template, quote, frame field) that does not exist."""

    def __init__(self, kind: str, given: str, known: list[str]) -> None:
        self.kind = kind
        self.given = given
        self.known = sorted(known)
        super().__init__(f"unknown {kind} '{given}'; choose one of: {', '.join(self.known)}")


class ChoiceRefused(BriefError):
    """A pin or exclusion that cannot be honoured, e.g. a graphic quote for young people."""


class TemplateError(BriefError):
    """A template that cannot be read or rendered, located by file and line."""

    def __init__(self, file: str, line: int, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")
