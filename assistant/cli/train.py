"""`assistant train`: trainer mode in the app, and `train export` to PowerPoint or a web page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import Refused, echo_json, settings, unknown_id
from .review_desk import DRAFT_ID, brief_json, open_review_store, refusals, summary_line

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..train import Deck

THEME_HELP = "A theme id to include (repeat; default: every theme, in corpus order)."
AUDIENCE_HELP = ("The workshop's audience, whose rules decide which voices may appear "
                 "(default: workshop).")


def _deck(ctx: click.Context, themes: tuple[str, ...], audience: str | None):  # type: ignore[no-untyped-def]
    from ..compose import ChoiceRefused, TemplateCatalogue, TemplateError, UnknownId
    from ..train import build_deck

    config = settings(ctx)
    corpus = config.corpus()
    try:
        return build_deck(corpus, list(themes) or None, audience,
                          TemplateCatalogue(config.templates_dir))
    except UnknownId as exc:
        unknown_id(exc.kind, exc.given, exc.known)
    except (ChoiceRefused, TemplateError) as exc:
        raise Refused(str(exc)) from None


@click.group("train", invoke_without_command=True)
@click.option("--theme", "themes", multiple=True, metavar="T", help=THEME_HELP)
@click.option("--audience", default=None, metavar="A", help=AUDIENCE_HELP)
@click.pass_context
def train_group(ctx: click.Context, themes: tuple[str, ...], audience: str | None) -> None:
    """Walk a room through the narratives, full screen (keys: arrows, n, b, s, 0-9)."""
    if ctx.invoked_subcommand is not None:
        return
    from .tui_launch import keys_reach_the_app

    with keys_reach_the_app():
        _deck(ctx, themes, audience)  # a bad id is refused here, before the screen opens
        from ..tui.train_app import TrainApp

        config = settings(ctx)
        app = TrainApp(config.corpus_dir, config.templates_dir, list(themes) or None,
                       audience)
        app.run()
    if app.return_code:  # it died of an error, or its terminal hung up
        ctx.exit(app.return_code)


@train_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["pptx", "html"]), default=None,
              help="pptx or html (default: from the -o extension).")
@click.option("--theme", "themes", multiple=True, metavar="T", help=THEME_HELP)
@click.option("--audience", default=None, metavar="A", help=AUDIENCE_HELP)
@click.option("--draft", "draft_id", type=DRAFT_ID, default=None,
              help="Export this deck draft as it was saved (approved: with its approval).")
@click.option("--version", "number", type=int, default=None,
              help="With --draft: the version (default: the newest).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write (.pptx or .html).")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str | None, themes: tuple[str, ...],
                   audience: str | None, draft_id: int | None, number: int | None,
                   output: Path, as_json: bool) -> None:
    """Write the trainer's deck: PowerPoint with native charts, or one self-contained page.

    Without --draft the deck is built from the corpus now and says DRAFT on every slide;
    with --draft ID it is the deck saved in that draft, marked with its approval.
    """
    from ..render.formats import DECK_FORMATS, FormatMismatch, format_for_path

    try:
        fmt = format_for_path(output, fmt, DECK_FORMATS)
    except FormatMismatch as exc:
        raise click.UsageError(str(exc)) from None
    if draft_id is not None:
        if themes or audience:
            raise click.UsageError("--draft exports the deck as it was saved; --theme and "
                                   f"--audience belong to `assistant train edit {draft_id}`")
        _export_draft(ctx, draft_id, number, fmt, output, as_json)
        return
    if number is not None:
        raise click.UsageError("--version needs --draft ID")
    deck = _deck(ctx, themes, audience)
    _write(output, _deck_file(deck, fmt, settings(ctx).user or ""))
    summary = {"file": str(output), "format": fmt, "slides": len(deck.slides),
               "sections": list(deck.sections), "status": deck.status}
    if as_json:
        echo_json(summary)
    else:
        themes_n = len(deck.sections) - 2  # less the opening and the sources
        click.echo(f"Wrote {output} ({len(deck.slides)} slides, {themes_n} "
                   f"theme{'s' if themes_n != 1 else ''}); {deck.status}")


def _deck_file(deck: Deck, fmt: str, author: str) -> bytes:
    if fmt == "pptx":
        from ..train.pptx_export import deck_to_pptx

        return deck_to_pptx(deck, now=datetime.now(UTC), author=author)
    from ..train.html_export import deck_to_html

    return deck_to_html(deck).encode()


def _write(output: Path, data: bytes) -> str:
    from ..render import write_atomically

    try:
        write_atomically(output, data)
    except OSError as exc:
        raise Refused(f"{output}: {exc.strerror or exc}") from None
    return str(output)


def _export_draft(ctx: click.Context, draft_id: int, number: int | None, fmt: str,
                  output: Path, as_json: bool) -> None:
    from ..review.decks import deck_bytes, exported_deck

    config = settings(ctx)
    author = config.user or config.os_user
    store = open_review_store(ctx)
    with refusals():
        export = store.export(draft_id, number, kind="deck", write=lambda e: _write(
            output, deck_bytes(e, fmt, now=datetime.now(UTC), author=author)))
    slides = len(exported_deck(export).slides)
    if as_json:
        echo_json({"draft_id": draft_id, "version": export.version.number,
                   "content_hash": export.version.content_hash, "format": fmt,
                   "file": str(output), "slides": slides, "status": export.status_mark,
                   "approval": export.approval.model_dump(mode="json")
                   if export.approval else None})
        return
    click.echo(f"Wrote {output} (draft {draft_id} version {export.version.number}, "
               f"{slides} slides); {export.status_mark}")


@train_group.command("draft")
@click.option("--theme", "themes", multiple=True, metavar="T", help=THEME_HELP)
@click.option("--audience", default=None, metavar="A", help=AUDIENCE_HELP)
@click.option("--title", default=None, help="A title for the review queue.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def draft_command(ctx: click.Context, themes: tuple[str, ...], audience: str | None,
                  title: str | None, as_json: bool) -> None:
    """Save the deck as a draft for review (prints its id); approved, it exports as such."""
    built = _built(ctx, list(themes), audience)
    store = open_review_store(ctx)
    with refusals():
        draft = store.new_draft(built.inputs, built.text, built.fingerprint,
                                title=title or built.title, corpus_dir=built.corpus_dir,
                                corpus_hash=built.fingerprint, kind="deck")
    if as_json:
        echo_json(brief_json(draft))
        return
    # What was saved first, on stderr: a full or closed stdout still leaves the id said.
    click.echo(f"saved {summary_line(draft)}: {draft.title}", err=True)
    click.echo(draft.id)


@train_group.command("edit")
@click.argument("draft_id", type=DRAFT_ID)
@click.option("--theme", "themes", multiple=True, metavar="T",
              help="A theme id to include (repeat; default: the themes the deck has).")
@click.option("--audience", default=None, metavar="A",
              help="The workshop's audience (default: the deck's).")
@click.option("--note", default="", help="Why this version was made (shown in the log).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def edit_command(ctx: click.Context, draft_id: int, themes: tuple[str, ...],
                 audience: str | None, note: str, as_json: bool) -> None:
    """Build the deck again from the corpus as a new version (back in draft: an approval
    stays with the version it names)."""
    from ..review.decks import require_kind
    from ..train.document import DeckTextError, read_deck

    store = open_review_store(ctx)
    with refusals():
        base = store.get_draft(draft_id)
        require_kind(base, "deck")
    try:
        stored = read_deck(base.current.markdown)
    except DeckTextError as exc:
        raise Refused(f"draft {draft_id} version {base.current_number}: {exc}") from None
    built = _built(ctx, list(themes or stored.themes), audience or stored.audience)
    with refusals():
        draft = store.edit_draft(draft_id, built.inputs, built.text, built.fingerprint,
                                 expected_revision=base.revision,
                                 note=note or "built again from the corpus",
                                 corpus_dir=built.corpus_dir, corpus_hash=built.fingerprint)
    if as_json:
        echo_json(brief_json(draft))
        return
    click.echo(f"saved {summary_line(draft)}")


class _Built:
    def __init__(self, deck: Deck, themes: list[str], audience: str, corpus: Corpus) -> None:
        from ..review.decks import deck_inputs
        from ..train.document import deck_text

        self.text = deck_text(deck, themes, audience)
        self.inputs = deck_inputs(themes, audience)
        self.fingerprint = corpus.fingerprint
        self.corpus_dir = str(Path(corpus.root).resolve())
        self.title = (f"Trainer's deck: {len(deck.sections) - 2} theme"
                      f"{'s' if len(deck.sections) != 3 else ''} for "
                      f"{corpus.audiences[audience].name}")


def _built(ctx: click.Context, themes: list[str], audience: str | None) -> _Built:
    from ..compose import TemplateCatalogue
    from ..train.build import default_audience

    config = settings(ctx)
    corpus = config.corpus()
    themes = list(dict.fromkeys(themes))  # a theme given twice is one section, recorded once
    audience = audience or default_audience(corpus, TemplateCatalogue(config.templates_dir))
    deck = _deck(ctx, tuple(themes), audience)
    return _Built(deck, themes, audience, corpus)
