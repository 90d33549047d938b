"""Writing and verifying the audit log.

On PostgreSQL the database writes the workflow's lines itself (the triggers of migration
0002, as the login that acted) and chains every line; the application adds only what the
database cannot see: exports and refusals. On SQLite the store writes every line and
chains it while it holds the write lock (BEGIN IMMEDIATE), so lines join one at a time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from .chain import GENESIS, Break, Line, first_break, line_hash
from .models import AuditEntry, AuditHead

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


# The times Python can read. A line outside them was typed in by hand (before migration
# 0003 made the database stamp every time itself): it is reported, never read.
FIRST_MOMENT = datetime(1, 1, 1, tzinfo=UTC)
LAST_MOMENT = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
UNREADABLE_TIME = ("its time is outside the years 1 to 9999, so it was typed in by hand, "
                   "not stamped by the database")


def readable_time() -> ColumnElement[bool]:
    return AuditEntry.at.between(FIRST_MOMENT, LAST_MOMENT)


def first_unreadable(session: Session) -> int | None:
    """The first line whose time cannot be read (PostgreSQL can hold years Python can't)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    found = session.scalar(select(func.min(AuditEntry.id)).where(~readable_time()))
    return int(found) if found is not None else None


def verify(session: Session) -> tuple[int, Break | None]:
    """How many lines the log has, and the first that breaks the chain (None: intact)."""
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    unreadable = first_unreadable(session)
    query = select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                   AuditEntry.draft_id, AuditEntry.version_hash, AuditEntry.detail,
                   AuditEntry.prev_hash, AuditEntry.line_hash).order_by(AuditEntry.id)
    if unreadable is not None:
        query = query.where(AuditEntry.id < unreadable)
    rows = session.execute(query.execution_options(yield_per=1000))
    broken = first_break(cast(Line, tuple(row)) for row in rows)
    if broken is None and unreadable is not None:
        broken = Break(unreadable, UNREADABLE_TIME)
    if broken is None:
        broken = cut_short(session, count)
    return count, broken


def cut_short(session: Session, count: int) -> Break | None:
    """Whether the log still ends where the database's own record of its head says.

    The chain cannot show lines cut from the end (what is left still links up); the head
    row, moved on by a trigger with every line, can: a log that ends earlier, is shorter,
    or whose last line differs was cut (or its head rewritten) behind the tool's back.
    """
    last = head(session)
    recorded = session.get(AuditHead, 1)
    end = last[0] if last else 0
    if recorded is None:
        return Break(end + 1, "the database's record of where the log ends is gone "
                              "(deleted outside counterbrief); lines may have been cut "
                              "from the end")
    last_id, last_hash = (last if last else (None, ""))
    if (recorded.last_id, recorded.last_hash, recorded.lines) == (last_id, last_hash, count):
        return None
    if recorded.lines > count or (recorded.last_id or 0) > end:
        return Break(end + 1, f"the log ends at line {end} ({count} lines), but the database "
                              f"recorded line {recorded.last_id} (hash "
                              f"{recorded.last_hash[:12]}, {recorded.lines} lines) as its last: "
                              "lines were cut from the end")
    return Break(end, f"the log ends at line {end} ({count} lines), but the database "
                      f"recorded line {recorded.last_id} ({recorded.lines} lines) as its "
                      "last: lines were added or rewritten without the database's triggers")


def head(session: Session) -> tuple[int, str] | None:
    """The id and hash of the log's last line (None when it is empty)."""
    last = session.execute(select(AuditEntry.id, AuditEntry.line_hash)
                           .order_by(AuditEntry.id.desc()).limit(1)).first()
    return (int(last.id), str(last.line_hash)) if last else None
