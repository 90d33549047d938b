"""The audit log's hash chain: each line carries the hash of the line before it.

A line's hash covers its own fields and the previous line's hash, so rewriting, removing
or inserting a line anywhere but at the end breaks every hash after it. On PostgreSQL the
database computes the chain itself (migration 0002 holds the same formula in SQL); on
SQLite the store computes it while it holds the write lock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64
"""The 'previous hash' of the first line."""


def moment_text(at: datetime) -> str:
    """The time of a line as the hash sees it: UTC with microseconds, the year in at
    least four digits as PostgreSQL's to_char writes it (strftime drops the zeros)."""
    at = at.astimezone(UTC)
    return f"{at.year:04d}" + at.strftime("-%m-%dT%H:%M:%S.%fZ")


def _field(value: str) -> str:
    # Length-prefixed, so no choice of text can make two different lines hash alike.
    return f"{len(value)}:{value};"


def line_hash(line_id: int, at: datetime, actor: str, action: str, draft_id: int | None,
              version_hash: str | None, detail: str, prev_hash: str) -> str:
    """The SHA-256 of one audit line chained to `prev_hash`."""
    text = "".join(_field(part) for part in (
        str(line_id), moment_text(at), actor, action,
        "" if draft_id is None else str(draft_id), version_hash or "", detail, prev_hash))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first line where the chain does not hold, and why."""

    line_id: int
    reason: str


Line = tuple[int, datetime, str, str, int | None, str | None, str, str, str]
"""(id, at, actor, action, draft_id, version_hash, detail, prev_hash, line_hash)"""


def first_break(lines: Iterable[Line]) -> Break | None:
    """Walk the whole log in id order; None when every line links to the one before.

    Each item is (id, at, actor, action, draft_id, version_hash, detail, prev_hash,
    line_hash) as stored.
    """
    previous = GENESIS
    for line_id, at, actor, action, draft_id, version_hash, detail, prev, own in lines:
        if prev != previous:
            return Break(line_id, "it does not carry the hash of the line before it "
                                  "(a line was removed, inserted or rewritten before it)")
        expected = line_hash(line_id, at, actor, action, draft_id, version_hash, detail, prev)
        if own != expected:
            return Break(line_id, "its content does not match its hash (it was rewritten)")
        previous = own
    return None
