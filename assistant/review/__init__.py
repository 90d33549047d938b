"""Drafts, versions, reviews and an append-only audit log (SQLite or PostgreSQL).

The CLI and the TUI both work through `open_store(...)` and the `ReviewStore` it returns:
`list_queue`, `get_draft`, `diff`, `comments`, `audit_log`, `new_draft`, `edit_draft`,
`submit`, `approve`, `request_changes`, `comment`, `export`, `add_user`, `list_users`.
"""

from __future__ import annotations

from .errors import (
    ChecksFailed,
    ContentTampered,
    DatabaseUnavailable,
    IdentityMismatch,
    NotAllowed,
    ReviewError,
    UnknownDraft,
    VersionChanged,
)
from .models import DECISIONS, ROLES, STATUSES
from .opening import open_store
from .store import Checker, Clock, ReviewStore
from .views import (
    Approval,
    AuditEntryView,
    DraftSummary,
    DraftView,
    Export,
    ReviewView,
    UserView,
    VersionView,
    content_hash,
)

__all__ = [
    "DECISIONS",
    "ROLES",
    "STATUSES",
    "Approval",
    "AuditEntryView",
    "Checker",
    "ChecksFailed",
    "Clock",
    "ContentTampered",
    "DatabaseUnavailable",
    "DraftSummary",
    "DraftView",
    "Export",
    "IdentityMismatch",
    "NotAllowed",
    "ReviewError",
    "ReviewStore",
    "ReviewView",
    "UnknownDraft",
    "UserView",
    "VersionChanged",
    "VersionView",
    "content_hash",
    "open_store",
]
