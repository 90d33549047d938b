"""`assistant review list|submit|approve|changes|log|verify`, `assistant users add|list`;
`assistant draft ...` lives in drafts.py and is re-exported here for the root group."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import click

from .common import echo_json, settings

if TYPE_CHECKING:
    pass

from .drafts import draft_group
from .review_desk import (
    DRAFT_ID,
    ROLES,
    STATUSES,
    brief_json,
    draft_corpus,
    open_review_store,
    refusals,
    summary_line,
)

QUEUE_PAGE = 100  # drafts `review list` shows at once: a queue of thousands pages

__all__ = [
    "COMMANDS",
    "DRAFT_ID",
    "draft_corpus",
    "draft_group",
    "open_review_store",
    "refusals",
    "review_group",
    "users_group",
]

# -- assistant review --------------------------------------------------------------


@click.group("review")
def review_group() -> None:
    """The review queue: submit drafts, approve them or request changes, read the log."""


@review_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only this state.")
@click.option("--limit", type=click.IntRange(min=0), default=QUEUE_PAGE, show_default=True,
              help="List at most this many drafts (0: all of them).")
@click.option("--offset", type=click.IntRange(min=0), default=0,
              help="Skip this many drafts first (the next page starts at the last offset "
                   "plus the limit).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_list(ctx: click.Context, status: str | None, limit: int, offset: int,
                as_json: bool) -> None:
    """Drafts waiting for a decision (or all drafts), oldest first, a page at a time."""
    store = open_review_store(ctx)
    with refusals():
        drafts = store.list_queue(status, limit=limit or None, offset=offset)
        total = store.queue_length(status) if limit and len(drafts) == limit else None
    more = (f"showing drafts {offset + 1}-{offset + len(drafts)} of {total}; "
            f"--offset {offset + len(drafts)} for the next page, --limit 0 for all"
            if total is not None and total > offset + len(drafts) else "")
    if as_json:
        echo_json([d.model_dump(mode="json") for d in drafts])
        if more:
            click.echo(more, err=True)
        return
    if not drafts:
        click.echo("no drafts" + (f" {status.replace('-', ' ')}" if status else ""))
        return
    now = datetime.now(UTC)
    for d in drafts:
        click.echo(f"{d.id:>4}  {d.status:<17} v{d.current_number:<3} {d.author:<12} "
                   f"{d.theme:<26} {d.audience:<18} {_age(d.age(now)):>4}  {d.title}")
    if more:
        click.echo(more)


def _age(delta: Any) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return "now"


@review_group.command("submit")
@click.argument("draft_id", type=DRAFT_ID)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_submit(ctx: click.Context, draft_id: int, as_json: bool) -> None:
    """Send a draft's newest version for review (refused while the checks find errors).

    The checks run against the corpus the version was composed from.
    """
    from ..review.composing import corpus_checker
    from ..review.decks import deck_checker

    store = open_review_store(ctx)
    with refusals():
        seen = store.get_draft(draft_id)
    used = draft_corpus(ctx, seen)
    if used.note and not as_json:
        click.echo(f"note: {used.note}", err=True)
    with refusals():
        store.checker = corpus_checker(used.corpus, settings(ctx).templates_dir, date.today())
        store.deck_checker = deck_checker(used.corpus)
        draft = store.submit(draft_id, expected_revision=seen.revision)
    if as_json:
        echo_json({**brief_json(draft), "corpus": str(used.where), "corpus_note": used.note})
        return
    click.echo(f"submitted {summary_line(draft)}")


@review_group.command("approve")
@click.argument("draft_id", type=DRAFT_ID)
@click.option("--comment", default="", help="A note for the author.")
@click.option("--hash", "expected_hash", default=None, metavar="HASH",
              help="Approve only if the version in review still has this hash.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_approve(ctx: click.Context, draft_id: int, comment: str,
                   expected_hash: str | None, as_json: bool) -> None:
    """Approve the version in review (reviewers and admins, never their own work)."""
    store = open_review_store(ctx)
    with refusals():
        draft = store.approve(draft_id, comment, expected_hash=expected_hash)
    approval = draft.approval_of(draft.current_number)
    if as_json:
        echo_json({**brief_json(draft),
                   "approval": approval.model_dump(mode="json") if approval else None})
        return
    click.echo(f"{summary_line(draft)}: {approval.line() if approval else ''}")


@review_group.command("changes")
@click.argument("draft_id", type=DRAFT_ID)
@click.option("--comment", required=True, help="What should change.")
@click.option("--hash", "expected_hash", default=None, metavar="HASH",
              help="Act only if the version in review still has this hash.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_changes(ctx: click.Context, draft_id: int, comment: str,
                   expected_hash: str | None, as_json: bool) -> None:
    """Send the version in review back to its author with a comment."""
    store = open_review_store(ctx)
    with refusals():
        draft = store.request_changes(draft_id, comment, expected_hash=expected_hash)
    if as_json:
        echo_json(brief_json(draft))
        return
    click.echo(f"{summary_line(draft)}")


@review_group.command("log")
@click.argument("draft_id", type=DRAFT_ID, required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_log(ctx: click.Context, draft_id: int | None, as_json: bool) -> None:
    """The audit log of a draft (or of everything): who did what, when, to which version."""
    store = open_review_store(ctx)
    with refusals():
        entries = store.audit_log(draft_id)
    if as_json:
        echo_json([e.model_dump(mode="json") for e in entries])
        return
    for entry in entries:
        click.echo(entry.line())


@review_group.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def review_verify(ctx: click.Context, as_json: bool) -> None:
    """Check the audit log's hash chain and where it ends, and every stored time; exit 1
    naming the first line that breaks the chain and each row whose time is not valid."""
    store = open_review_store(ctx)
    with refusals():
        count, broken = store.verify_log()
        head = store.log_head()
        bad = store.bad_times()
    if as_json:
        echo_json({"lines": count, "intact": broken is None,
                   "first_broken_line": broken.line_id if broken else None,
                   "reason": broken.reason if broken else "",
                   "last_line": head[0] if head else None,
                   "last_hash": head[1] if head else "",
                   "bad_times": [{"table": b.table, "id": b.row_id, "column": b.column,
                                  "value": b.value} for b in bad]})
    else:
        if broken is None:
            click.echo(f"the audit log is intact: {count} line(s), each carrying the hash "
                       "of the one before, ending where the database recorded its end")
            if head is not None:
                click.echo(f"last line {head[0]}, hash {head[1]}")
        else:
            click.echo(f"error: the audit log is broken at line {broken.line_id}: "
                       f"{broken.reason}", err=True)
        for row in bad:
            click.echo(f"error: {row.message()}", err=True)
    if broken is not None or bad:
        ctx.exit(1)


# -- assistant users ---------------------------------------------------------------


@click.group("users")
def users_group() -> None:
    """Who may write, review and administer drafts."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What NAME may do.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str, as_json: bool) -> None:
    """Register NAME (or change its role). Admins only; the first comes from `db init`.

    On PostgreSQL NAME is a database login, which must exist.
    """
    store = open_review_store(ctx)
    with refusals():
        user = store.add_user(name, role)
    if as_json:
        echo_json(user.model_dump(mode="json"))
        return
    click.echo(f"{user.name}: {user.role}")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """Every registered user and role."""
    store = open_review_store(ctx)
    with refusals():
        users = store.list_users()
    if as_json:
        echo_json([u.model_dump(mode="json") for u in users])
        return
    for user in users:
        click.echo(f"{user.name}: {user.role}")
    if not users:
        click.echo("no users yet", file=sys.stderr)


COMMANDS = [draft_group, review_group, users_group]
