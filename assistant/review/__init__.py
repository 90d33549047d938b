"""Drafts, versions, reviews and an append-only audit log (SQLite or PostgreSQL).

The CLI and the TUI both work through `open_store(...)` and the `ReviewStore` it returns:
`list_queue`, `get_draft`, `diff`, `comments`, `audit_log`, `new_draft`, `edit_draft`,
`submit`, `approve`, `request_changes`, `comment`, `export`, `add_user`, `list_users`,
`verify_log`; `set_up_database(...)` is `assistant db init`.
"""

from __future__ import annotations

from .errors import (
    ChecksFailed,
    ChecksUnavailable,
    ContentTampered,
    DatabaseUnavailable,
    DraftIncomplete,
    IdentityMismatch,
    InvalidInput,
    NotAllowed,
    NothingChanged,
    NotSetUp,
    ReviewError,
    UnknownDraft,
    VersionChanged,
    WrongKind,
)
from .models import DECISIONS, ROLES, STATUSES
from .opening import SetUp, open_store, set_up_database
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
    "ChecksUnavailable",
    "Clock",
    "ContentTampered",
    "DatabaseUnavailable",
    "DraftIncomplete",
    "DraftSummary",
    "DraftView",
    "Export",
    "IdentityMismatch",
    "InvalidInput",
    "NotAllowed",
    "NotSetUp",
    "NothingChanged",
    "ReviewError",
    "ReviewStore",
    "ReviewView",
    "SetUp",
    "UnknownDraft",
    "UserView",
    "VersionChanged",
    "VersionView",
    "WrongKind",
    "content_hash",
    "open_store",
    "set_up_database",
]
