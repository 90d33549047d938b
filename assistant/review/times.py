"""Times in the review tables that cannot be read: rows typed in by hand before migration
0003 made the database stamp every time itself. `review verify` names each one.

SQLite keeps a time as text, so anything can sit there ('2026-02-30', 'yesterday');
PostgreSQL keeps real times but can hold years Python cannot read (before 1, after 9999).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from .audit import FIRST_MOMENT, LAST_MOMENT

TIMED_COLUMNS = (
    ("users", "created_at"),
    ("drafts", "created_at"),
    ("drafts", "updated_at"),
    ("versions", "created_at"),
    ("reviews", "created_at"),
)
"""Every time outside the audit log (whose lines `verify` checks with the chain)."""


@dataclass(frozen=True)
class BadTime:
    table: str
    row_id: int
    column: str
    value: str

    def message(self) -> str:
        return (f"{self.table} row {self.row_id}: {self.column} {self.value!r} is not a valid "
                "ISO time (typed in by hand, not stamped by the database)")


def bad_times(session: Session) -> list[BadTime]:
    """Every row of the review tables whose time cannot be read, in table and id order."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    found: list[BadTime] = []
    for table, column in TIMED_COLUMNS:
        if postgresql:
            rows = session.execute(text(
                f"SELECT id, {column}::text FROM {table} "  # names from the list above
                f"WHERE {column} NOT BETWEEN :first AND :last ORDER BY id"),
                {"first": FIRST_MOMENT, "last": LAST_MOMENT})
            found += [BadTime(table, int(i), column, str(v)) for i, v in rows]
            continue
        rows = session.execute(text(f"SELECT id, {column} FROM {table} ORDER BY id"))
        found += [BadTime(table, int(i), column, str(v)) for i, v in rows if not _readable(v)]
    return found


def _readable(value: object) -> bool:
    """An ISO time, as SQLAlchemy reads a SQLite time back ('YYYY-MM-DD HH:MM:SS.ffffff')."""
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
        return _READ(value) is not None
    except (ValueError, TypeError, OverflowError):
        return False


_READ = (sqlite.DATETIME().result_processor(  # type: ignore[no-untyped-call]
    sqlite.dialect(), None) or (lambda v: v))
