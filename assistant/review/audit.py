"""Writing and verifying the audit log.

On PostgreSQL the database writes the workflow's lines itself (the triggers of migration
0002, as the login that acted) and chains every line; the application adds only what the
database cannot see: exports and refusals. On SQLite the store writes every line and
chains it while it holds the write lock (BEGIN IMMEDIATE), so lines join one at a time.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .chain import GENESIS, Break, Line, first_break, line_hash
from .models import AuditEntry

DATABASE_LOGGED = frozenset({
    "draft-created", "version-added", "submitted", "approved", "changes-requested",
    "commented", "user-added", "role-changed",
})
"""Actions whose lines PostgreSQL writes itself; a login cannot write them."""


def append(session: Session, *, postgresql: bool, at: datetime, actor: str, action: str,
           draft_id: int | None = None, version_hash: str | None = None,
           detail: str = "") -> None:
    """Add one line to the log in this transaction."""
    if postgresql:
        if action not in DATABASE_LOGGED:
            session.add(AuditEntry(at=at, actor=actor, action=action, draft_id=draft_id,
                                   version_hash=version_hash, detail=detail))
        return
    last = session.execute(
        select(AuditEntry.id, AuditEntry.line_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    line_id = last.id + 1 if last else 1
    previous = last.line_hash if last else GENESIS
    session.add(AuditEntry(
        id=line_id, at=at, actor=actor, action=action, draft_id=draft_id,
        version_hash=version_hash, detail=detail, prev_hash=previous,
        line_hash=line_hash(line_id, at, actor, action, draft_id, version_hash, detail,
                            previous)))
    session.flush()


def verify(session: Session) -> tuple[int, Break | None]:
    """How many lines the log has, and the first that breaks the chain (None: intact)."""
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
               AuditEntry.draft_id, AuditEntry.version_hash, AuditEntry.detail,
               AuditEntry.prev_hash, AuditEntry.line_hash).order_by(AuditEntry.id)
        .execution_options(yield_per=1000))
    return count, first_break(cast(Line, tuple(row)) for row in rows)


def head(session: Session) -> tuple[int, str] | None:
    """The id and hash of the log's last line (None when it is empty)."""
    last = session.execute(select(AuditEntry.id, AuditEntry.line_hash)
                           .order_by(AuditEntry.id.desc()).limit(1)).first()
    return (int(last.id), str(last.line_hash)) if last else None
