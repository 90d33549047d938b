"""`assistant ingest`, `assistant corpus new`, `assistant corpus verify`: curating testimony."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import Refused, echo_json, settings


def _seeds_dir(corpus_dir: Path) -> Path | None:
    """The seed reports beside the checkout, for the bundled corpus only."""
    from ..paths import bundled_corpus_dir

    if corpus_dir.resolve() != bundled_corpus_dir().resolve():
        return None
    seeds = corpus_dir.resolve().parent.parent / "shared" / "seeds"
    return seeds if seeds.is_dir() else None


@click.command("ingest")
@click.argument("article", required=False, type=click.Path(exists=True, dir_okay=False,
                                                           path_type=Path, allow_dash=True))
@click.option("--source-id", "source_id", metavar="S", help="Id for the article's source.")
@click.option("--accept", "accept_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Add the reviewed candidates in FILE to the corpus.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the candidates to FILE instead of standard output.")
@click.option("--force", is_flag=True,
              help="Replace FILE even when it exists (a reviewed candidates file), is a link, "
                   "a device or read-only.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def ingest_command(ctx: click.Context, article: Path | None, source_id: str | None,
                   accept_file: Path | None, output: Path | None, force: bool,
                   as_json: bool) -> None:
    """Candidate quotes from a news article (a file, or - for standard input), as YAML for
    review; --accept FILE adds the reviewed ones to the corpus."""
    conf = settings(ctx)
    if accept_file is not None:
        if article is not None:
            raise click.UsageError("give either an ARTICLE or --accept FILE, not both")
        _accept(conf.corpus_dir, accept_file, as_json)
        return
    if article is None:
        raise click.UsageError("give an ARTICLE file (or - for standard input), or --accept FILE")
    from ..corpus.models import Id
    from ..ingest.candidates import ingest_article
    from ..ingest.proposal import render_proposal

    if source_id is not None:
        from pydantic import TypeAdapter, ValidationError

        try:
            TypeAdapter(Id).validate_python(source_id)
        except ValidationError as exc:
            raise click.UsageError(f"--source-id '{source_id}': use lower-case letters, digits "
                                   "and hyphens") from exc
    from ..ingest.article import MAX_ARTICLE_BYTES, ArticleRefused, decode_article

    try:
        if str(article) == "-":
            data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        else:
            with article.open("rb") as handle:
                data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise Refused(f"{article}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text = decode_article(data)
    except ArticleRefused as exc:
        where = f"{article}:{exc.line}" if exc.line else f"{article}"
        raise Refused(f"{where}: {exc}") from None
    corpus = conf.corpus()
    hint = None if str(article) == "-" else article.stem
    result = ingest_article(text, corpus, source_id, hint)
    if as_json:
        echo_json(result.as_dict())
        return
    rendered = render_proposal(result, "")
    if output is None:
        click.echo(rendered, nl=False)
        return
    _write_candidates(output, rendered, force)
    click.echo(f"wrote {len(result.candidates)} candidate(s) to {output}; "
               f"{len(result.left_out)} left out")


def _write_candidates(output: Path, rendered: str, force: bool) -> None:
    """Never over a file a curator may have reviewed, a link or a device, unless asked."""
    from ..render.files import OutputRefused, write_atomically

    if not force and output.is_file() and not output.is_symlink():
        raise Refused(f"cannot write {output}: it already exists (it may hold reviewed "
                      "candidates); nothing was written (add --force to replace it)")
    try:
        write_atomically(output, rendered.encode("utf-8"), force=force)
    except OutputRefused as exc:
        hint = " (add --force to write it anyway)" if exc.forcible else ""
        raise Refused(f"{exc}{hint}") from None
    except OSError as exc:
        raise Refused(f"cannot write {output}: {exc.strerror or exc}") from None


def _accept(root: Path, proposal: Path, as_json: bool) -> None:
    from ..ingest.accept import AcceptRefused, accept

    try:
        result = accept(root, proposal)
    except AcceptRefused as exc:
        if as_json:
            echo_json({"accepted": False, "error": str(exc),
                       "problems": [p.as_dict() for p in exc.problems]})
            raise click.exceptions.Exit(1) from exc
        raise Refused("\n".join([str(exc), *(str(p) for p in exc.problems)])) from exc
    if as_json:
        echo_json({"accepted": True, "added": result.added, "already_there": result.skipped,
                   "renumbered": result.renumbered,
                   "files": [str(f) for f in result.files],
                   "warnings": [p.as_dict() for p in result.warnings],
                   "earlier_warnings": result.earlier_warnings,
                   "archived": str(result.archived) if result.archived else None})
        return
    for kind, ids in result.added.items():
        click.echo(f"added {len(ids)} {kind}: {', '.join(ids)}")
    for kind, ids in result.skipped.items():
        click.echo(f"already in the corpus ({kind}): {', '.join(ids)}")
    for old, new in result.renumbered.items():
        click.echo(f"renumbered {old} as {new}: another accept had taken {old}")
    if result.archived:
        click.echo(f"archived the article as {result.archived}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    earlier = (f"; {result.earlier_warnings} earlier warning(s) about other records "
               "(assistant corpus validate lists them)" if result.earlier_warnings else "")
    click.echo("corpus valid" + (f"; {len(result.warnings)} warning(s) for the curator"
                                 if result.warnings else "") + earlier)


@click.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def verify_command(ctx: click.Context, as_json: bool) -> None:
    """Check that every quote and figure stands verbatim in its archived article."""
    from ..ingest.verify import verify_corpus

    conf = settings(ctx)
    result = verify_corpus(conf.corpus(), _seeds_dir(conf.corpus_dir))
    if as_json:
        echo_json({"verbatim": result.verbatim, "checked": result.checked,
                   "archives": result.archives, "not_archived": result.unarchived,
                   "unreadable": result.unreadable, "altered": result.altered,
                   "mismatches": [m.as_dict() for m in result.mismatches]})
    else:
        for why in [*result.unreadable.values(), *result.altered.values()]:
            click.echo(f"{why}; its quotes were not checked", err=True)
        for m in result.mismatches:
            click.echo(str(m), err=True)
        if result.unarchived:
            click.echo(f"not checked (no archived text): {', '.join(result.unarchived)}",
                       err=True)
        if not result.archives:
            click.echo("no archived articles: ingest --accept archives them in archive/",
                       err=True)
        click.echo(f"{result.checked} quote(s) and figure(s) checked against "
                   f"{len(result.archives)} article(s); {len(result.mismatches)} not verbatim"
                   + (f", {len(result.unreadable)} archive(s) unreadable"
                      if result.unreadable else "")
                   + (f", {len(result.altered)} archive(s) changed since archived"
                      if result.altered else ""))
    if not result.verbatim:
        ctx.exit(1)


@click.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def new_command(directory: Path) -> None:
    """Start a corpus in DIRECTORY: files with $schema lines, the bundled audiences, an
    example theme, and a README for curators."""
    from ..ingest.starter import StarterRefused, start_corpus

    try:
        written = start_corpus(directory)
    except StarterRefused as exc:
        raise Refused(str(exc)) from exc
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: assistant --corpus {directory} corpus validate")
