"""The review desk: the one API the CLI and the TUI call for drafts, versions and reviews.

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

from sqlalchemy import Engine, Table, exists, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..compose.brief import BriefInputs
from . import reading
from .database import WRITE, database_error, grant_access
from .errors import (
    ContentTampered,
    NotAllowed,
    UnknownDraft,
    VersionChanged,
)
from .models import ROLES, AuditEntry, Draft, Review, User, Version
from .rules import (
    may_manage_users,
    require_decidable,
    require_submittable,
)
from .views import (
    AuditEntryView,
    DraftSummary,
    DraftView,
    Export,
    ReviewView,
    UserView,
    content_hash,
)

Clock = Callable[[], datetime]
Checker = Callable[[str, BriefInputs], Sequence[str]]
"""Given a version's Markdown and inputs, the error findings (one line each) that block it."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class ReviewStore:
    """Drafts, versions, reviews and the audit log, acting as `user`."""

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

    # -- reading -----------------------------------------------------------------

    def list_queue(self, status: str | None = None, *, limit: int | None = None,
                   offset: int = 0) -> list[DraftSummary]:
        """The review queue, oldest draft first; `status` filters it, `limit` and `offset`
        page it."""
        with self._read() as session:
            return reading.queue(session, status, limit=limit, offset=offset)

    def queue_length(self, status: str | None = None) -> int:
        """How many drafts the whole queue (or those in `status`) holds."""
        with self._read() as session:
            return reading.queue_length(session, status)

    def get_draft(self, draft_id: int) -> DraftView:
        """A draft with all its versions and comments; UnknownDraft if none."""
        with self._read() as session:
            return reading.draft_view(session, draft_id)

    def diff(self, draft_id: int, old: int | None = None, new: int | None = None) -> str:
        """Unified diff of the Markdown of two versions (default: the newest two)."""
        view = self.get_draft(draft_id)
        for number in (old, new):
            if number is not None and not 1 <= number <= view.current_number:
                raise UnknownDraft(draft_id, number)
        return view.diff(old, new)

    def comments(self, draft_id: int) -> list[ReviewView]:
        with self._read() as session:
            reading.draft_view(session, draft_id)  # an unknown id is refused
            return reading.reviews(session, draft_id)

    def audit_log(self, draft_id: int | None = None) -> list[AuditEntryView]:
        with self._read() as session:
            if draft_id is not None and session.get(Draft, draft_id) is None:
                raise UnknownDraft(draft_id)
            return reading.audit_log(session, draft_id)

    def list_users(self) -> list[UserView]:
        with self._read() as session:
            return reading.users(session)

    # -- users -------------------------------------------------------------------

    def add_user(self, name: str, role: str) -> UserView:
        """Register `name` with `role` (or change its role). Admins only, once one exists."""
        name = name.strip()
        if role not in ROLES:
            raise NotAllowed(f"unknown role '{role}'; choose one of: {', '.join(ROLES)}")
        if not name or len(name) > 200:
            raise NotAllowed("a user name must have 1 to 200 characters")
        with self._write() as session:
            me = session.scalar(select(User).where(User.name == self.user))
            admins = bool(session.scalar(select(exists().where(User.role == "admin"))))
            if not may_manage_users(me.role if me else None, admins):
                raise NotAllowed(f"only admins may add users; {self.user} is "
                                 f"{'a ' + me.role if me else 'not registered'}")
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                user = User(name=name, role=role, created_at=self.clock())
                session.add(user)
                self._audit(session, "user-added", detail=f"{name} as {role}")
            elif user.role != role:
                self._audit(session, "role-changed", detail=f"{name}: {user.role} -> {role}")
                user.role = role
            session.flush()
            if self.on_postgresql:
                self._grant(session, name, role)
            return UserView(name=user.name, role=user.role, created_at=user.created_at)

    def _grant(self, session: Session, name: str, role: str) -> None:
        try:
            with session.begin_nested():
                grant_access(session.connection(), name, role)
        except DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0]
            raise NotAllowed(
                f"could not give the PostgreSQL login '{name}' access ({reason}); the login "
                f"must exist (CREATE ROLE \"{name}\" LOGIN) and you must own the review tables"
            ) from exc

    # -- drafts and versions -----------------------------------------------------

    def new_draft(self, inputs: BriefInputs, markdown: str, corpus_fingerprint: str,
                  title: str | None = None) -> DraftView:
        """Save a composed brief as version 1 of a new draft (state draft)."""
        now = self.clock()
        with self._write() as session:
            author = self._actor(session)
            draft = Draft(
                title=(title or f"{inputs.theme} for {inputs.audience}").strip()[:300],
                theme=inputs.theme, audience=inputs.audience, template=inputs.template,
                author_id=author.id, status="draft", current_number=1, revision=1,
                created_at=now, updated_at=now,
            )
            session.add(draft)
            session.flush()
            version = self._add_version(session, draft.id, 1, inputs, markdown,
                                        corpus_fingerprint, author, "")
            self._audit(session, "draft-created", draft.id, version.content_hash,
                        f"version 1: {draft.title}")
            return reading.draft_view(session, draft.id)

    def edit_draft(self, draft_id: int, inputs: BriefInputs, markdown: str,
                   corpus_fingerprint: str, *, expected_revision: int | None = None,
                   note: str = "") -> DraftView:
        """Save a new version (state draft). Approvals stay with the versions they name.

        `expected_revision` is the revision the edit was based on; if the draft moved on
        since, VersionChanged is raised instead of overwriting someone else's work.
        """
        with self._write() as session:
            draft, current = self._current(session, draft_id)
            self._expect(draft, expected_revision)
            if content_hash(markdown) == current.content_hash and inputs.model_dump(mode="json") == (
                current.inputs
            ):
                raise NotAllowed(
                    f"nothing changed: version {current.number} of draft {draft_id} already "
                    "has this content"
                )
            author = self._actor(session)
            number = draft.current_number + 1
            self._move(session, draft, "draft", current_number=number)
            version = self._add_version(session, draft_id, number, inputs, markdown,
                                        corpus_fingerprint, author, note)
            detail = f"version {number}" + (f": {note}" if note else "")
            self._audit(session, "version-added", draft_id, version.content_hash, detail)
            return reading.draft_view(session, draft_id)  # as committed

    def _add_version(self, session: Session, draft_id: int, number: int,
                     inputs: BriefInputs, markdown: str, fingerprint: str, author: User,
                     note: str) -> Version:
        version = Version(
            draft_id=draft_id, number=number, inputs=inputs.model_dump(mode="json"),
            markdown=markdown, content_hash=content_hash(markdown),
            corpus_fingerprint=fingerprint, author_id=author.id, note=note,
            created_at=self.clock(),
        )
        session.add(version)
        session.flush()
        return version

    # -- the workflow ------------------------------------------------------------

    def submit(self, draft_id: int, *, expected_revision: int | None = None) -> DraftView:
        """Send the newest version for review; refused while the checks report errors."""
        view = self.get_draft(draft_id)
        require_submittable(draft_id, view.status)
        if self.checker is not None:
            from .errors import ChecksFailed

            problems = list(self.checker(view.current.markdown, view.current.inputs))
            if problems:
                raise ChecksFailed(draft_id, problems)
        with self._write() as session:
            draft, current = self._current(session, draft_id)
            # The checks ran on the version read above; refuse if it moved on since.
            self._expect(draft, view.revision if expected_revision is None
                         else expected_revision)
            require_submittable(draft_id, draft.status)
            self._actor(session)
            self._move(session, draft, "in-review")
            self._audit(session, "submitted", draft_id, current.content_hash,
                        f"version {current.number}")
            return reading.draft_view(session, draft_id)  # as committed

    def approve(self, draft_id: int, comment: str = "", *,
                expected_revision: int | None = None,
                expected_hash: str | None = None) -> DraftView:
        """Approve the version in review. Reviewers and admins only, never their own."""
        return self._decide(draft_id, "approved", comment, expected_revision, expected_hash)

    def request_changes(self, draft_id: int, comment: str, *,
                        expected_revision: int | None = None,
                        expected_hash: str | None = None) -> DraftView:
        """Send the version in review back to its authors with a comment (required)."""
        if not comment.strip():
            raise NotAllowed("say what should change: a comment is required")
        return self._decide(draft_id, "changes-requested", comment, expected_revision,
                            expected_hash)

    def comment(self, draft_id: int, text_: str) -> DraftView:
        """Add a comment on the newest version to the draft's thread."""
        if not text_.strip():
            raise NotAllowed("the comment is empty")
        with self._write() as session:
            _, current = self._current(session, draft_id)
            actor = self._actor(session)
            session.add(Review(version_id=current.id, content_hash=current.content_hash,
                               reviewer_id=actor.id, decision="comment",
                               comment=text_.strip(), created_at=self.clock()))
            self._audit(session, "commented", draft_id, current.content_hash,
                        f"version {current.number}")
            return reading.draft_view(session, draft_id)  # as committed

    def _decide(self, draft_id: int, decision: str, comment: str,
                expected_revision: int | None, expected_hash: str | None) -> DraftView:
        with self._write() as session:
            draft, current = self._current(session, draft_id)
            self._expect(draft, expected_revision)
            if expected_hash and not current.content_hash.startswith(expected_hash.lower()):
                raise VersionChanged(
                    f"draft {draft_id} is now version {current.number} "
                    f"({current.content_hash[:12]}), not {expected_hash}; look at it again"
                )
            actor = self._actor(session)
            version_author = session.get(User, current.author_id)
            assert version_author is not None
            require_decidable(draft_id, draft.status, actor.name, actor.role,
                              version_author.name, decision)
            self._move(session, draft, decision)
            session.add(Review(version_id=current.id, content_hash=current.content_hash,
                               reviewer_id=actor.id, decision=decision,
                               comment=comment.strip(), created_at=self.clock()))
            try:
                session.flush()
            except IntegrityError as exc:  # the unique approval index caught a race
                raise VersionChanged(f"version {current.number} of draft {draft_id} "
                                     "was approved by someone else just now") from exc
            self._audit(session, decision, draft_id, current.content_hash,
                        f"version {current.number}" + (f": {comment.strip()}"
                                                       if comment.strip() else ""))
            return reading.draft_view(session, draft_id)  # as committed

    # -- export ------------------------------------------------------------------

    def export(self, draft_id: int, number: int | None = None,
               write: Callable[[Export], str] | None = None) -> Export:
        """Check a version's text against its hash, hand it to `write`, log the export.

        `write` puts the file in place and returns where it went (for the audit log).
        A version whose stored text no longer matches its hash raises ContentTampered
        (and the refusal is logged); nothing is written.
        """
        view = self.get_draft(draft_id)
        number = view.current_number if number is None else number
        if not 1 <= number <= view.current_number:
            raise UnknownDraft(draft_id, number)
        version = view.version(number)
        approval = view.approval_of(number)
        if not version.intact or (approval and approval.content_hash != version.content_hash):
            with self._write() as session:
                self._audit(session, "export-refused", draft_id, version.content_hash,
                            f"version {number}: stored text does not match its hash")
            approved = " It was approved, but not in this form." if approval else ""
            raise ContentTampered(
                f"version {number} of draft {draft_id} was changed outside counterbrief: its "
                f"text no longer matches the hash {version.short_hash} it was saved with."
                f"{approved} Refusing to export it; make a new version with "
                f"`assistant draft edit {draft_id}`."
            )
        result = Export(draft_id=draft_id, title=view.title, version=version, approval=approval)
        if write is not None:
            where = write(result)
            with self._write() as session:
                state = "approved" if approval else "draft"
                self._audit(session, "exported", draft_id, version.content_hash,
                            f"version {number} ({state}) to {where}")
        return result

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
        draft = session.get(Draft, draft_id)
        if draft is None:
            raise UnknownDraft(draft_id)
        current = session.scalar(select(Version).where(
            Version.draft_id == draft_id, Version.number == draft.current_number))
        assert current is not None  # drafts.current_number always names a saved version
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
        session.add(AuditEntry(at=self.clock(), actor=self.user, action=action,
                               draft_id=draft_id, version_hash=version_hash, detail=detail))
