"""The store's plumbing: transactions, the draft lock, the acting user, the audit log.

Every change runs in one transaction together with its audit-log line, so a change is
either saved with its log line or not at all. Changes to a draft are optimistic: the
UPDATE only applies if the draft's revision is still the one read, so of two people
acting at once one succeeds and the other is told the draft changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, Table, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..compose.brief import BriefInputs
from . import audit
from .database import WRITE, database_error
from .errors import DraftIncomplete, NotAllowed, ReviewError, UnknownDraft, VersionChanged
from .models import Draft, User, Version

Clock = Callable[[], datetime]
Checker = Callable[[str, BriefInputs], Sequence[str]]
"""Given a version's Markdown and inputs, the error findings (one line each) that block it."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreCore:
    """The review database, acting as `user`: what every part of the store builds on."""

    def __init__(self, engine: Engine, user: str, *, clock: Clock = utc_now,
                 checker: Checker | None = None) -> None:
        self.engine = engine
        self.user = user
        self.clock = clock
        self.checker = checker
        self._writer = engine.execution_options(**{WRITE: True})

    def close(self) -> None:
        self.engine.dispose()

    @property
    def on_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    # -- plumbing ----------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise database_error(exc, self.engine.url) from exc

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise database_error(exc, self.engine.url) from exc

    def _current(self, session: Session, draft_id: int) -> tuple[Draft, Version]:
        """The draft, locked for this transaction (PostgreSQL: FOR UPDATE; SQLite holds
        the write lock already), and its newest version. Writers to one draft queue here,
        so the second sees the first's change and is told the draft moved on."""
        draft = session.get(Draft, draft_id, with_for_update=True)
        if draft is None:
            raise UnknownDraft(draft_id)
        current = session.scalar(select(Version).where(
            Version.draft_id == draft_id, Version.number == draft.current_number))
        if current is None:  # a row made by hand; the database refuses it from 0003 on
            raise DraftIncomplete(draft_id, draft.current_number)
        return draft, current

    @staticmethod
    def _expect(draft: Draft, expected_revision: int | None) -> None:
        if expected_revision is not None and draft.revision != expected_revision:
            raise VersionChanged(
                f"draft {draft.id} changed since you looked at it (it is now version "
                f"{draft.current_number}, {draft.status}); look at it again"
            )

    def _move(self, session: Session, draft: Draft, status: str, **changes: Any) -> None:
        """Change the draft only if nobody else did since it was read (optimistic lock)."""
        table = cast(Table, Draft.__table__)
        result = session.connection().execute(
            update(table)
            .where(table.c.id == draft.id, table.c.revision == draft.revision)
            .values(status=status, revision=draft.revision + 1, updated_at=self.clock(),
                    **changes)
        )
        if result.rowcount != 1:
            raise VersionChanged(f"draft {draft.id} was changed by someone else at the same "
                                 "moment; look at it again")

    def _actor(self, session: Session) -> User:
        """The acting user's row; on SQLite a newcomer is registered as an author."""
        user = session.scalar(select(User).where(User.name == self.user))
        if user is not None:
            return user
        if self.on_postgresql:
            raise NotAllowed(f"{self.user} is not a user of this review database; an admin "
                             f"must run `assistant users add {self.user} --role author`")
        user = User(name=self.user, role="author", created_at=self.clock())
        session.add(user)
        session.flush()
        self._audit(session, "user-added", detail=f"{self.user} as author (first use)")
        return user

    def _audit(self, session: Session, action: str, draft_id: int | None = None,
               version_hash: str | None = None, detail: str = "") -> None:
        audit.append(session, postgresql=self.on_postgresql, at=self.clock(),
                     actor=self.user, action=action, draft_id=draft_id,
                     version_hash=version_hash, detail=detail)

    def _log_refusal(self, draft_id: int | None, what: str, exc: ReviewError,
                     version_hash: str | None = None) -> None:
        """Write a refused action to the log. A log that cannot take it (an unregistered
        PostgreSQL login may write nothing) does not hide the refusal itself."""
        reason = str(exc).splitlines()[0]
        try:
            with self._write() as session:
                if draft_id is not None and session.get(Draft, draft_id) is None:
                    draft_id = None
                self._audit(session, "refused", draft_id, version_hash, f"{what}: {reason}")
        except ReviewError:
            pass
