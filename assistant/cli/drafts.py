"""`assistant draft new|show|edit|export`: save composed briefs as drafts, edit them into
new versions, show and export them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import Refused, echo_json, settings
from .export_options import export_options, options_from

if TYPE_CHECKING:
    from ..review import DraftView

from .review_desk import (
    DRAFT_ID,
    FORMATS,
    compose,
    open_review_store,
    refusals,
    summary_line,
)

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
    composed = compose(ctx, inputs)
    store = open_review_store(ctx)
    with refusals():
        draft = store.new_draft(composed.inputs, composed.markdown, composed.fingerprint,
                                title=title or composed.title,
                                corpus_dir=composed.corpus_dir,
                                corpus_hash=composed.corpus_hash)
    if as_json:
        echo_json(draft.model_dump(mode="json", exclude={"versions", "reviews"}))
        return
    # What was saved first, on stderr: a full or closed stdout still leaves the id said.
    click.echo(f"saved {summary_line(draft)}: {draft.title}", err=True)
    click.echo(draft.id)


@draft_group.command("show")
@click.argument("draft_id", type=DRAFT_ID)
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
    elif draft.is_deck:
        click.echo(_deck_outline(draft, number), nl=False)
    else:
        click.echo(draft.version(number).markdown, nl=False)


def _deck_outline(draft: DraftView, number: int) -> str:
    """A deck's slides as a reviewer reads them (the stored JSON is in `--json`)."""
    from ..train.document import DeckTextError, outline, read_deck

    try:
        return outline(read_deck(draft.version(number).markdown).deck)
    except DeckTextError as exc:
        raise Refused(f"draft {draft.id} version {number}: {exc}") from None


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
@click.argument("draft_id", type=DRAFT_ID)
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
    from ..review.decks import require_kind

    store = open_review_store(ctx)
    with refusals():
        base = store.get_draft(draft_id)
        require_kind(base, "brief")
        current = base.current
        if edited is not None:
            markdown = _read_text(edited)
            inputs, fingerprint = current.inputs, current.corpus_fingerprint
            note = note or f"edited by hand ({edited.name})"
            corpus: tuple[str | None, str | None] = (None, None)  # as the version before
        else:
            inputs = changed_inputs(current.inputs, pins, exclusions, frame)
            if quotes is not None:
                inputs = inputs.model_copy(update={"quotes": quotes})
            composed = compose(ctx, inputs)
            markdown, fingerprint = composed.markdown, composed.fingerprint
            corpus = (composed.corpus_dir, composed.corpus_hash)
        draft = store.edit_draft(draft_id, inputs, markdown, fingerprint,
                                 expected_revision=base.revision, note=note,
                                 corpus_dir=corpus[0], corpus_hash=corpus[1])
    if as_json:
        echo_json(draft.model_dump(mode="json", exclude={"versions", "reviews"}))
    else:
        click.echo(f"saved {summary_line(draft)}")
        if "'Approved by' line was taken out" in draft.current.note:
            click.echo("note: the text's 'Approved by' line was replaced by DRAFT: the new "
                       "version needs its own review", err=True)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(f"cannot read {path}: {exc}") from None


@draft_group.command("export")
@click.argument("draft_id", type=DRAFT_ID)
@click.option("--version", "number", type=int, default=None,
              help="Version number (default: the newest).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the file name, else md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; its extension must match the format (default: standard "
                   "output, Markdown and HTML only).")
@export_options
@click.option("--json", "as_json", is_flag=True,
              help="Say what was exported as JSON (needs -o: the file is the output).")
@click.pass_context
def draft_export(ctx: click.Context, draft_id: int, number: int | None, fmt: str | None,
                 output: Path | None, part: str, paper: str, marking: str, language: str,
                 as_json: bool) -> None:
    """Export a version: an approved one says who approved it, any other says DRAFT.

    Refused if the stored text no longer matches its hash.
    """
    from ..render.formats import FORMATS as EXPORTS
    from ..render.formats import FormatMismatch, format_for_path
    from ..review.composing import export_bytes, export_checks

    if output is not None:
        try:
            fmt = format_for_path(output, fmt)
        except FormatMismatch as exc:
            raise click.UsageError(str(exc)) from None
    fmt = fmt or "md"
    if EXPORTS[fmt].binary and output is None:
        raise click.UsageError(f"{EXPORTS[fmt].name} output needs a file: "
                               f"add -o FILE{EXPORTS[fmt].suffixes[0]}")
    if as_json and output is None:
        raise click.UsageError("--json reports on the file written: add -o FILE")
    chosen = fmt
    config = settings(ctx)
    options = options_from(part, paper, marking, language, config.user or config.os_user)
    store = open_review_store(ctx)
    with refusals():
        export = store.export(
            draft_id, number, kind="brief",
            write=lambda e: _write_export(export_bytes(e, chosen, options, export_checks(
                e, config.corpus_dir, config.templates_dir, date.today())), output),
        )
    state = export.status_line
    if as_json:
        echo_json({"draft_id": draft_id, "version": export.version.number,
                   "content_hash": export.version.content_hash, "format": chosen,
                   "output": str(output), "status": state,
                   "approval": export.approval.model_dump(mode="json")
                   if export.approval else None})
        return
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

