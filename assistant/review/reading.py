"""Queries that turn rows into the views screens and commands show."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session, aliased

from ..compose.brief import BriefInputs
from . import audit
from .errors import DraftIncomplete, UnknownDraft
from .models import STATUSES, AuditEntry, Draft, Review, User, Version
from .views import (
    AuditEntryView,
    DraftSummary,
    DraftView,
    ReviewView,
    UserView,
    VersionView,
)


def queue(session: Session, status: str | None = None, *, limit: int | None = None,
          offset: int = 0) -> list[DraftSummary]:
    """Every draft (or those in `status`), oldest first, with its newest version's hash.

    `limit` and `offset` give one page of it (the database does the paging, so a page of
    a queue of 10,000 drafts costs what a page of a short one does)."""
    query: Any = (
        select(*_SUMMARY_COLUMNS, User.name, Version.content_hash,
               Version.inputs["theme"].as_string(), Version.inputs["audience"].as_string())
        .join(User, User.id == Draft.author_id)
        .outerjoin(Version, (Version.draft_id == Draft.id)
                   & (Version.number == Draft.current_number))
        .order_by(Draft.id)
    )
    query = _in_status(query, status)
    if limit is not None:
        query = query.limit(max(0, limit))
    if offset:
        query = query.offset(max(0, offset))
    names = [c.key for c in _SUMMARY_COLUMNS]
    return [
        DraftSummary(**{**dict(zip(names, row[:-4], strict=True)), **_chosen(*row[-2:])},
                     author=row[-4], current_hash=row[-3] or MISSING_HASH)
        for row in session.execute(query)
    ]


def _chosen(theme: str | None, audience: str | None) -> dict[str, str]:
    """The theme and audience the newest version was made for. A draft's own columns keep
    what it was started with (they never change); a deck built again for other themes or
    another audience is listed as what a reviewer would now read."""
    return {key: value for key, value in (("theme", theme), ("audience", audience)) if value}


MISSING_HASH = "(no version)"
"""What the queue shows for a draft whose newest version is missing (an incomplete row)."""


def queue_length(session: Session, status: str | None = None) -> int:
    """How many drafts `queue` would list without paging."""
    query = _in_status(select(func.count(Draft.id)), status)
    return int(session.scalar(query) or 0)


_SUMMARY_COLUMNS = (Draft.id, Draft.title, Draft.theme, Draft.audience, Draft.template,
                    Draft.status, Draft.current_number, Draft.revision, Draft.created_at,
                    Draft.updated_at, Draft.kind)


def _in_status(query: Any, status: str | None) -> Any:
    """The query narrowed to one state; ValueError names the states for an unknown one."""
    if status is None:
        return query
    if status not in STATUSES:
        raise ValueError(f"unknown status '{status}'; choose one of: {', '.join(STATUSES)}")
    return query.where(Draft.status == status)


def draft_view(session: Session, draft_id: int) -> DraftView:
    """The draft with all versions and reviews; UnknownDraft if there is none."""
    row = session.execute(
        select(Draft, User.name).join(User, User.id == Draft.author_id)
        .where(Draft.id == draft_id)
        .execution_options(populate_existing=True)  # a draft just changed in this session
    ).first()
    if row is None:
        raise UnknownDraft(draft_id)
    draft, author = row
    versions = [
        _version(version, name)
        for version, name in session.execute(
            select(Version, User.name).join(User, User.id == Version.author_id)
            .where(Version.draft_id == draft_id).order_by(Version.number)
            .execution_options(populate_existing=True)
        )
    ]
    current = next((v for v in versions if v.number == draft.current_number), None)
    if current is None:  # a row made by hand; the database refuses it from 0003 on
        raise DraftIncomplete(draft_id, draft.current_number)
    return DraftView(
        **{**_summary(draft, author, current.content_hash).model_dump(),
           "theme": current.inputs.theme, "audience": current.inputs.audience},
        versions=versions,
        reviews=reviews(session, draft_id),
    )


def reviews(session: Session, draft_id: int) -> list[ReviewView]:
    """The comment thread: every decision and comment on any version, oldest first."""
    reviewer = aliased(User)
    rows = session.execute(
        select(Review, Version.number, reviewer.name)
        .join(Version, Version.id == Review.version_id)
        .join(reviewer, reviewer.id == Review.reviewer_id)
        .where(Version.draft_id == draft_id)
        .order_by(Review.created_at, Review.id)
        .execution_options(populate_existing=True)
    )
    return [
        ReviewView(version_number=number, content_hash=review.content_hash, reviewer=name,
                   decision=review.decision, comment=review.comment,
                   created_at=review.created_at, role=review.role)
        for review, number, name in rows
    ]


def audit_log(session: Session, draft_id: int | None = None) -> list[AuditEntryView]:
    """The audit log in the order it was written (of one draft, or all of it)."""
    bad = audit.first_unreadable(session) is not None
    # A time Python cannot read is shown as the nearest it can, and the line says so.
    at = (case((audit.readable_time(), AuditEntry.at),
               (AuditEntry.at < audit.FIRST_MOMENT, literal(audit.FIRST_MOMENT)),
               else_=literal(audit.LAST_MOMENT)) if bad else AuditEntry.at)
    query = select(AuditEntry.id, at.label("at"), AuditEntry.actor, AuditEntry.action,
                   AuditEntry.draft_id, AuditEntry.version_hash, AuditEntry.detail,
                   AuditEntry.prev_hash, AuditEntry.line_hash,
                   (audit.readable_time() if bad else literal(True)).label("readable")
                   ).order_by(AuditEntry.id)
    if draft_id is not None:
        query = query.where(AuditEntry.draft_id == draft_id)
    return [
        AuditEntryView(id=e.id, at=e.at.astimezone(UTC), actor=e.actor, action=e.action,
                       draft_id=e.draft_id, version_hash=e.version_hash,
                       detail=e.detail if e.readable else
                       f"(bad line: {audit.UNREADABLE_TIME}) {e.detail}",
                       prev_hash=e.prev_hash, line_hash=e.line_hash)
        for e in session.execute(query)
    ]


def users(session: Session) -> list[UserView]:
    return [UserView(name=u.name, role=u.role, created_at=u.created_at)
            for u in session.scalars(select(User).order_by(User.name))]


def _summary(draft: Draft, author: str, current_hash: str) -> DraftSummary:
    return DraftSummary(
        id=draft.id, title=draft.title, theme=draft.theme, audience=draft.audience,
        template=draft.template, author=author, status=draft.status,
        current_number=draft.current_number, current_hash=current_hash,
        revision=draft.revision, created_at=draft.created_at, updated_at=draft.updated_at,
        kind=draft.kind,
    )


def _version(version: Version, author: str) -> VersionView:
    return VersionView(
        number=version.number, content_hash=version.content_hash,
        inputs=BriefInputs.model_validate(version.inputs), markdown=version.markdown,
        corpus_fingerprint=version.corpus_fingerprint, author=author, note=version.note,
        created_at=version.created_at, corpus_dir=version.corpus_dir,
        corpus_hash=version.corpus_hash,
    )
