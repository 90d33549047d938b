"""The review tables: users, drafts, versions, reviews and the append-only audit log.

The migrations in `migrations/versions/` create exactly these tables; a test compares
the two so they cannot drift apart.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ROLES = ("author", "reviewer", "admin")
STATUSES = ("draft", "in-review", "approved", "changes-requested")
DECISIONS = ("approved", "changes-requested", "comment")
KINDS = ("brief", "deck")  # what a draft holds: a brief, or a trainer's deck

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC. SQLite keeps no zone, so it is put back on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a review time must carry its time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Draft(Base):
    __tablename__ = "drafts"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        CheckConstraint(_one_of("kind", KINDS), name="kind"),
        # The review queue: filtered by state, ordered or paged by last change.
        Index("ix_drafts_status", "status", "updated_at"),
        Index("ix_drafts_status_id", "status", "id"),  # a state's queue, a page at a time
        Index("ix_drafts_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20))
    # The number of the newest version; versions are never removed.
    current_number: Mapped[int] = mapped_column(Integer)
    # Bumped by every change: an UPDATE ... WHERE revision = the one read is how two
    # people acting at once are told apart (optimistic locking).
    revision: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # A brief (Markdown) or a trainer's deck (its slides as JSON); it never changes.
    kind: Mapped[str] = mapped_column(String(20), default="brief", server_default="brief")


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (
        UniqueConstraint("draft_id", "number"),
        Index("ix_versions_draft_id", "draft_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"))
    number: Mapped[int] = mapped_column(Integer)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    markdown: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    corpus_fingerprint: Mapped[str] = mapped_column(String(200))
    # Where the corpus the version was composed from lives ("" when not known).
    corpus_dir: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A hash of the corpus files then (the corpus's fingerprint), to tell if they changed.
    corpus_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(_one_of("decision", DECISIONS), name="decision"),
        # At most one approval per version, whatever races the application loses.
        Index(
            "uq_reviews_one_approval",
            "version_id",
            unique=True,
            sqlite_where=text("decision = 'approved'"),
            postgresql_where=text("decision = 'approved'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    # The content hash the reviewer saw: an approval belongs to exactly this text.
    content_hash: Mapped[str] = mapped_column(String(64))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The reviewer's role when they decided: what an exported approval says.
    role: Mapped[str] = mapped_column(String(20), default="", server_default="")
    decision: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """One line of the audit log. The database refuses UPDATE and DELETE on this table (and
    REPLACE on SQLite); each line carries the hash of the one before (see chain.py)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Names, not foreign keys: the log must read the same whatever happens to the users.
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    draft_id: Mapped[int | None] = mapped_column(Integer, index=True)
    version_hash: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    line_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AuditHead(Base):
    """The log's last line (id, hash) and its length, in one row the database moves on
    with every line it takes: a log cut short no longer ends where its head says."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int | None] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    lines: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
