"""`assistant train`: trainer mode in the app, and `train export` to PowerPoint or a web page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from .common import Refused, echo_json, settings, unknown_id

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
    _deck(ctx, themes, audience)  # a bad id is refused here, before the screen opens
    from ..tui.train_app import TrainApp

    config = settings(ctx)
    TrainApp(config.corpus_dir, config.templates_dir, list(themes) or None, audience).run()


@train_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["pptx", "html"]), default=None,
              help="pptx or html (default: from the -o extension).")
@click.option("--theme", "themes", multiple=True, metavar="T", help=THEME_HELP)
@click.option("--audience", default=None, metavar="A", help=AUDIENCE_HELP)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write (.pptx or .html).")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str | None, themes: tuple[str, ...],
                   audience: str | None,
                   output: Path, as_json: bool) -> None:
    """Write the trainer's deck: PowerPoint with native charts, or one self-contained page."""
    from ..render import write_atomically
    from ..render.formats import DECK_FORMATS, FormatMismatch, format_for_path

    try:
        fmt = format_for_path(output, fmt, DECK_FORMATS)
    except FormatMismatch as exc:
        raise click.UsageError(str(exc)) from None
    deck = _deck(ctx, themes, audience)
    if fmt == "pptx":
        from ..train.pptx_export import deck_to_pptx

        data = deck_to_pptx(deck, now=datetime.now(UTC), author=settings(ctx).user or "")
    else:
        from ..train.html_export import deck_to_html

        data = deck_to_html(deck).encode()
    try:
        write_atomically(output, data)
    except OSError as exc:
        raise Refused(f"{output}: {exc.strerror or exc}") from None
    summary = {"file": str(output), "format": fmt, "slides": len(deck.slides),
               "sections": list(deck.sections), "status": deck.status}
    if as_json:
        echo_json(summary)
    else:
        themes_n = len(deck.sections) - 2  # less the opening and the sources
        click.echo(f"Wrote {output} ({len(deck.slides)} slides, {themes_n} "
                   f"theme{'s' if themes_n != 1 else ''}); {deck.status}")
