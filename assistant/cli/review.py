"""`assistant draft new|show|edit|export`, `assistant review list|submit|approve|changes|log`,
`assistant users add|list`.

SQLAlchemy and the review layer load only when one of these commands runs, so the rest
of the command line stays quick to start.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import Refused, echo_json, settings

if TYPE_CHECKING:
    from ..review import DraftSummary, DraftView, ReviewStore
    from ..review.composing import Composed

STATUSES = ("draft", "in-review", "approved", "changes-requested")
ROLES = ("author", "reviewer", "admin")
QUEUE_PAGE = 100  # drafts `review list` shows at once: a queue of thousands pages
FORMATS = ("md", "html", "docx")


@contextmanager
def refusals() -> Iterator[None]:
    """Review and composition failures as the contract wants them: exit 1 or 2, one line."""
    from ..compose.errors import BriefError, UnknownId
    from ..review import ReviewError

    try:
        yield
    except ReviewError as exc:
        if exc.exit_code == 2:
            raise click.UsageError(str(exc)) from None
        raise Refused(str(exc)) from None
    except UnknownId as exc:
        raise click.UsageError(str(exc)) from None
    except BriefError as exc:
        raise Refused(str(exc)) from None


def open_review_store(ctx: click.Context, *, gate: bool = False) -> ReviewStore:
    """The review database from --db/ASSISTANT_DB, acting as --user (SQLite) or the login.

    With `gate`, submissions are checked against the corpus first.
    """
    from ..review import open_store

    config = settings(ctx)
    checker = None
    if gate:
        from ..review.composing import corpus_checker

        checker = corpus_checker(config.corpus(), config.templates_dir, date.today())
    with refusals():
        return open_store(config.db_url, config.user, os_user=config.os_user,
                          checker=checker)


def _compose(ctx: click.Context, inputs: Any) -> Composed:
    from ..review.composing import compose_version

    config = settings(ctx)
    with refusals():
        return compose_version(config.corpus(), inputs, config.templates_dir)


def _summary_line(draft: DraftSummary) -> str:
    return (f"draft {draft.id}: version {draft.current_number} "
            f"({draft.current_hash[:12]}), {draft.status}")


# -- assistant draft ---------------------------------------------------------------


@click.group("draft")
def draft_group() -> None:
    """Save composed briefs as drafts, edit them into new versions, show and export them."""


@draft_group.command("new")
@click.option("--theme", required=True, help="Narrative theme id (`assistant themes`).")
@click.option("--audience", required=True, help="Audience id (`assistant audiences`).")
@click.option("--template", default="policy-brief", show_default=True, help="Template id.")
@click.option("--title", default=None, help="A title for the queue (default: from the brief).")
@click.option("--quotes", type=click.IntRange(min=0), default=None, help="How many quotes.")
@click.option("--pin", "pins", multiple=True, metavar="Q", help="Quote id that must appear.")
@click.option("--exclude", "exclusions", multiple=True, metavar="Q",
              help="Quote id that must not appear.")
@click.option("--frame", "frame", multiple=True, metavar="FIELD=TEXT",
              help="Campaign-frame field to set (goal, audience, message, ...).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def draft_new(ctx: click.Context, theme: str, audience: str, template: str, title: str | None,
              quotes: int | None, pins: tuple[str, ...], exclusions: tuple[str, ...],
              frame: tuple[str, ...], as_json: bool) -> None:
    """Compose a brief and save it as version 1 of a new draft; prints the draft id."""
    from ..compose.brief import BriefInputs
    from ..review.composing import changed_inputs

    with refusals():
        inputs = changed_inputs(BriefInputs(theme=theme, audience=audience, template=template,
                                            quotes=quotes), pins, exclusions, frame)
    composed = _compose(ctx, inputs)
    store = open_review_store(ctx)
    with refusals():
        draft = store.new_draft(composed.inputs, composed.markdown, composed.fingerprint,
                                title=title or composed.title)
    if as_json:
        echo_json(draft.model_dump(mode="json", exclude={"versions", "reviews"}))
        return
    click.echo(draft.id)
    click.echo(f"saved {_summary_line(draft)}: {draft.title}", err=True)


@draft_group.command("show")
@click.argument("draft_id", type=int)
@click.option("--version", "number", type=int, default=None,
              help="Version number (default: the newest).")
@click.option("--diff", "show_diff", is_flag=True, help="The changes from the version before.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def draft_show(ctx: click.Context, draft_id: int, number: int | None, show_diff: bool,
               as_json: bool) -> None:
    """A draft's state, versions and comments, then the text of one version."""
    from ..review import UnknownDraft

    store = open_review_store(ctx)
    with refusals():
        draft = store.get_draft(draft_id)
        number = draft.current_number if number is None else number
        if not 1 <= number <= draft.current_number:
            raise UnknownDraft(draft_id, number)
    if as_json:
        echo_json(draft.model_dump(mode="json"))
        return
    click.echo("\n".join(_describe(draft)))
    click.echo("")
    if show_diff:
        click.echo(draft.diff(new=number) or "(no changes)", nl=False)
    else:
        click.echo(draft.version(number).markdown, nl=False)


def _describe(draft: DraftView) -> Iterator[str]:
    yield f"Draft {draft.id}: {draft.title}"
    yield (f"  {draft.status} · theme {draft.theme} · audience {draft.audience} · "
           f"template {draft.template} · by {draft.author}")
    for version in draft.versions:
        approval = draft.approval_of(version.number)
        marks = [approval.line()] if approval else []
        if not version.intact:
            marks.append("TEXT CHANGED OUTSIDE THE TOOL")
        note = f" - {version.note}" if version.note else ""
        extra = f" [{'; '.join(marks)}]" if marks else ""
        yield (f"  version {version.number} {version.short_hash} by {version.author}, "
               f"{version.created_at:%Y-%m-%d %H:%M}{note}{extra}")
    for review in draft.reviews:
        comment = f": {review.comment}" if review.comment else ""
        yield (f"  > {review.reviewer} {review.decision} version {review.version_number} "
               f"on {review.created_at:%Y-%m-%d %H:%M}{comment}")


@draft_group.command("edit")
@click.argument("draft_id", type=int)
@click.option("--pin", "pins", multiple=True, metavar="Q", help="Quote id that must appear.")
@click.option("--exclude", "exclusions", multiple=True, metavar="Q",
              help="Quote id that must not appear.")
@click.option("--frame", "frame", multiple=True, metavar="FIELD=TEXT",
              help="Campaign-frame field to set.")
@click.option("--quotes", type=click.IntRange(min=0), default=None, help="How many quotes.")
@click.option("--file", "edited", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Save this hand-edited Markdown as the new version.")
@click.option("--note", default="", help="Why this version was made (shown in the log).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def draft_edit(ctx: click.Context, draft_id: int, pins: tuple[str, ...],
               exclusions: tuple[str, ...], frame: tuple[str, ...], quotes: int | None,
               edited: Path | None, note: str, as_json: bool) -> None:
    """Make a new version (state draft) from new choices or a hand-edited file."""
    from ..review.composing import changed_inputs

    if edited is not None and (pins or exclusions or frame or quotes is not None):
        raise click.UsageError("--file saves your text as it is; it cannot be combined with "
                               "--pin, --exclude, --frame or --quotes")
    if edited is None and not (pins or exclusions or frame or quotes is not None):
        raise click.UsageError("say what to change: --pin, --exclude, --frame, --quotes "
                               "or --file EDITED.md")
    store = open_review_store(ctx)
    with refusals():
        base = store.get_draft(draft_id)
        current = base.current
        if edited is not None:
            markdown = _read_text(edited)
            inputs, fingerprint = current.inputs, current.corpus_fingerprint
            note = note or f"edited by hand ({edited.name})"
        else:
            inputs = changed_inputs(current.inputs, pins, exclusions, frame)
            if quotes is not None:
                inputs = inputs.model_copy(update={"quotes": quotes})
            composed = _compose(ctx, inputs)
            markdown, fingerprint = composed.markdown, composed.fingerprint
        draft = store.edit_draft(draft_id, inputs, markdown, fingerprint,
                                 expected_revision=base.revision, note=note)
    if as_json:
        echo_json(draft.model_dump(mode="json", exclude={"versions", "reviews"}))
    else:
        click.echo(f"saved {_summary_line(draft)}")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(f"cannot read {path}: {exc}") from None


@draft_group.command("export")
@click.argument("draft_id", type=int)
@click.option("--version", "number", type=int, default=None,
              help="Version number (default: the newest).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the file name, else md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output, Markdown and HTML only).")
@click.pass_context
def draft_export(ctx: click.Context, draft_id: int, number: int | None, fmt: str | None,
                 output: Path | None) -> None:
    """Export a version: an approved one says who approved it, any other says DRAFT.

    Refused if the stored text no longer matches its hash.
    """
    from ..review.composing import export_bytes

    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = {"markdown": "md", "htm": "html"}.get(suffix, suffix) if suffix in (
            *FORMATS, "markdown", "htm") else "md"
    if fmt == "docx" and output is None:
        raise click.UsageError("Word output needs a file: add -o FILE.docx")
    chosen = fmt
    store = open_review_store(ctx)
    with refusals():
        export = store.export(
            draft_id, number,
            write=lambda e: _write_export(export_bytes(e, chosen), output),
        )
    state = export.status_line
    click.echo(f"draft {draft_id} version {export.version.number}: {state}"
               + (f" -> {output}" if output else ""), err=True)


def _write_export(data: bytes, output: Path | None) -> str:
    """Write atomically to `output`, or to standard output; say where it went."""
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stream unchanged
        return "standard output"
    from ..render.files import write_atomically

    try:
        write_atomically(output, data)
    except OSError as exc:
        raise Refused(f"cannot write {output}: {exc.strerror or exc}") from None
    return str(output)


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
@click.argument("draft_id", type=int)
@click.pass_context
def review_submit(ctx: click.Context, draft_id: int) -> None:
    """Send a draft's newest version for review (refused while the checks find errors)."""
    store = open_review_store(ctx, gate=True)
    with refusals():
        draft = store.submit(draft_id)
    click.echo(f"submitted {_summary_line(draft)}")


@review_group.command("approve")
@click.argument("draft_id", type=int)
@click.option("--comment", default="", help="A note for the author.")
@click.option("--hash", "expected_hash", default=None, metavar="HASH",
              help="Approve only if the version in review still has this hash.")
@click.pass_context
def review_approve(ctx: click.Context, draft_id: int, comment: str,
                   expected_hash: str | None) -> None:
    """Approve the version in review (reviewers and admins, never their own work)."""
    store = open_review_store(ctx)
    with refusals():
        draft = store.approve(draft_id, comment, expected_hash=expected_hash)
    approval = draft.approval_of(draft.current_number)
    click.echo(f"{_summary_line(draft)}: {approval.line() if approval else ''}")


@review_group.command("changes")
@click.argument("draft_id", type=int)
@click.option("--comment", required=True, help="What should change.")
@click.option("--hash", "expected_hash", default=None, metavar="HASH",
              help="Act only if the version in review still has this hash.")
@click.pass_context
def review_changes(ctx: click.Context, draft_id: int, comment: str,
                   expected_hash: str | None) -> None:
    """Send the version in review back to its author with a comment."""
    store = open_review_store(ctx)
    with refusals():
        draft = store.request_changes(draft_id, comment, expected_hash=expected_hash)
    click.echo(f"{_summary_line(draft)}")


@review_group.command("log")
@click.argument("draft_id", type=int, required=False)
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


# -- assistant users ---------------------------------------------------------------


@click.group("users")
def users_group() -> None:
    """Who may write, review and administer drafts."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What NAME may do.")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str) -> None:
    """Register NAME (or change its role). Admins only, once an admin exists."""
    store = open_review_store(ctx)
    with refusals():
        user = store.add_user(name, role)
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
