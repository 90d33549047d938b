"""Why a review action was refused, in words a communicator can act on.

Every error carries `exit_code`: 1 when the work was refused, 2 for a usage error (an id
that does not exist), following the command-line contract.
"""

from __future__ import annotations

from collections.abc import Sequence


class ReviewError(Exception):
    """A review action that was refused; the message says why and what to do."""

    exit_code = 1


class DatabaseUnavailable(ReviewError):
    """The database cannot be reached or opened (the URL is shown with its password masked)."""


class NotSetUp(DatabaseUnavailable):
    """A PostgreSQL database that `assistant db init` has not set up (or not upgraded)."""


class IdentityMismatch(ReviewError):
    """On PostgreSQL the login is the identity; a different --user is refused."""


class NotAllowed(ReviewError):
    """The user's role, authorship or the draft's state forbids the action."""


class InvalidInput(ReviewError):
    """A user name, draft id or option value that cannot be used: a usage error."""

    exit_code = 2


class WrongKind(InvalidInput):
    """A brief given where a trainer's deck is wanted, or the other way round."""


class NothingChanged(ReviewError):
    """An edit whose text is the same as the newest version's: no new version is made."""

    exit_code = 0

    def __init__(self, draft_id: int, number: int, digest: str) -> None:
        self.draft_id = draft_id
        self.number = number
        super().__init__(f"nothing changed: draft {draft_id} stays at version {number} "
                         f"({digest[:12]}); no new version was made")


class ChecksUnavailable(ReviewError):
    """The submission gate cannot run the checks, so nothing is submitted."""


class VersionChanged(ReviewError):
    """Someone else changed the draft between reading it and acting on it."""


class UnknownDraft(ReviewError):
    """No draft (or no such version of it) has this id."""

    exit_code = 2

    def __init__(self, draft_id: int, number: int | None = None) -> None:
        self.draft_id = draft_id
        self.number = number
        if number is None:
            message = f"unknown draft '{draft_id}'; `assistant review list` shows the drafts"
        else:
            message = (f"draft {draft_id} has no version {number}; "
                       f"`assistant draft show {draft_id}` lists its versions")
        super().__init__(message)


class ContentTampered(ReviewError):
    """A stored version's text no longer matches its content hash."""


class DraftIncomplete(ReviewError):
    """A draft row whose newest version is missing (written by hand, not by the app)."""

    def __init__(self, draft_id: int, number: int) -> None:
        self.draft_id = draft_id
        self.number = number
        super().__init__(
            f"draft {draft_id} is incomplete: its version {number} is not in the database "
            "(the row was not made by counterbrief); it cannot be shown, submitted or "
            "exported. Ask an admin to look at the database")


class ChecksFailed(ReviewError):
    """The checks report errors, so the version may not be submitted."""

    def __init__(self, draft_id: int, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"draft {draft_id} was not submitted: the checks report "
            f"{len(self.problems)} error(s); fix them and edit the draft:\n{lines}"
        )
