"""The review workflow as plain rules: who may do what, in which state.

draft -> in-review -> approved | changes-requested; any edit makes a new version in
draft state. Reviewers (and admins) decide, never on a version they wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import NotAllowed

DECIDERS = ("reviewer", "admin")


def require_submittable(draft_id: int, status: str) -> None:
    if status == "in-review":
        raise NotAllowed(f"draft {draft_id} is already in review")
    if status == "approved":
        raise NotAllowed(f"draft {draft_id} is already approved; edit it to start a new version")
    if status == "changes-requested":
        raise NotAllowed(
            f"changes were requested on draft {draft_id}; edit it (a new version) and submit that"
        )


def require_submitter(draft_id: int, actor: str, draft_author: str,
                      version_author: str) -> None:
    """Whoever started the draft, or wrote its newest version, sends it for review."""
    if actor not in (draft_author, version_author):
        raise NotAllowed(f"{actor} neither started draft {draft_id} nor wrote its newest "
                         f"version; {draft_author} or {version_author} submits it")


def require_decidable(draft_id: int, status: str, actor: str, role: str,
                      version_author: str, decision: str) -> None:
    """Raise NotAllowed unless `actor` may approve or request changes now."""
    verb = "approve" if decision == "approved" else "request changes on"
    if role not in DECIDERS:
        raise NotAllowed(
            f"{actor} is {article(role)} {role}; only reviewers and admins may {verb} a draft"
        )
    if status != "in-review":
        raise NotAllowed(f"draft {draft_id} is {status.replace('-', ' ')}, not in review; "
                         f"only a draft in review can be decided")
    if actor == version_author:
        raise NotAllowed(f"{actor} wrote this version of draft {draft_id}; "
                         f"nobody may {verb} their own work")


def may_manage_users(role: str | None) -> bool:
    """Only admins manage users; the first admin comes from `assistant db init`."""
    return role == "admin"


def error_messages(findings: Iterable[Any]) -> list[str]:
    """The findings of severity error, each as one line (location first when known)."""
    lines = []
    for finding in findings:
        severity = getattr(finding, "severity", "error")
        if str(getattr(severity, "value", severity)).lower() != "error":
            continue
        if callable(getattr(finding, "format", None)):
            lines.append(str(finding.format()))
            continue
        message = getattr(finding, "message", None) or str(finding)
        where = getattr(finding, "where", None) or getattr(finding, "location", None)
        check = getattr(finding, "check", None) or getattr(finding, "check_id", None)
        prefix = "".join(f"{part}: " for part in (where, check) if part)
        lines.append(f"{prefix}{message}")
    return lines


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
