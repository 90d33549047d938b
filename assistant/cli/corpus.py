"""`assistant corpus validate|schema|stats`, `assistant themes`, `assistant audiences`."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import click

from ..corpus import corpus_file_schema, validate_corpus
from ..corpus.stats import corpus_stats
from .common import Refused, echo_json, settings
from .curation import new_command, verify_command

SCHEMA_FILE = "corpus-file.schema.json"


@click.group("corpus")
def corpus_group() -> None:
    """Check, describe and document the corpus."""


corpus_group.add_command(new_command)
corpus_group.add_command(verify_command)


@corpus_group.command("validate")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=None,
              help="Corpus directory (default: the global --corpus or the bundled corpus).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--strict", is_flag=True, help="Treat curator warnings as errors.")
@click.pass_context
def validate_command(ctx: click.Context, corpus_dir: Path | None, as_json: bool,
                     strict: bool) -> None:
    """Report every problem in the corpus, each as file:line: message."""
    from ..corpus.advice import curator_warnings
    from ..corpus.loader import NotACorpus

    root = corpus_dir or settings(ctx).corpus_dir
    try:
        corpus, problems = validate_corpus(root, today=date.today())
    except NotACorpus as exc:
        if not as_json:
            raise
        echo_json({"valid": False, "corpus": str(root),
                   "problems": [p.as_dict() for p in exc.problems], "warnings": []})
        ctx.exit(2)
    warnings = curator_warnings(corpus) if not problems or strict else []
    if strict:
        problems, warnings = sorted(problems + warnings), []
    if as_json:
        echo_json({"valid": not problems, "corpus": str(root),
                   "problems": [p.as_dict() for p in problems],
                   "warnings": [w.as_dict() for w in warnings]})
    else:
        for problem in problems:
            click.echo(str(problem), err=True)
        if not problems:
            totals = ", ".join(
                f"{len(corpus.table(k))} {k}"
                for k in ("quotes", "speakers", "sources", "facts", "themes", "audiences")
            )
            noted = f"; {len(warnings)} warning(s):" if warnings else ""
            click.echo(f"corpus valid: {totals}{noted}")
            for warning in warnings:
                click.echo(str(warning).replace(": ", ": warning: ", 1), err=True)
        else:
            click.echo(f"{len(problems)} problem(s) in {root}", err=True)
    if problems:
        ctx.exit(1)


@corpus_group.command("schema")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory to write the JSON Schema files to.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def schema_command(ctx: click.Context, out_dir: Path, as_json: bool) -> None:
    """Write the JSON Schema of a corpus file, with this corpus's ids, for editors."""
    from ..corpus.folder import corpus_files
    from ..render.files import OutputRefused, write_atomically

    root = settings(ctx).corpus_dir
    corpus, _ = validate_corpus(root, today=date.today())  # ids of what loads, even if not all
    target = out_dir / SCHEMA_FILE
    text = json.dumps(corpus_file_schema(corpus), indent=2, ensure_ascii=False) + "\n"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text.encode("utf-8"))
    except OutputRefused as exc:
        raise Refused(str(exc)) from None
    except OSError as exc:
        raise Refused(f"cannot write to {out_dir}: {exc.strerror}") from None
    unlinked: list[dict[str, str]] = []
    for path in corpus_files(root):
        link = os.path.relpath(target.resolve(), path.parent.resolve())
        line = f"# yaml-language-server: $schema={link}"
        first = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        if first.strip() != line:
            unlinked.append({"file": str(path), "first_line": line})
    if as_json:
        echo_json({"wrote": [str(target)], "corpus": str(root), "unlinked": unlinked})
        return
    click.echo(f"wrote {target} (ids from {root})")
    for entry in unlinked:
        click.echo(f"{entry['file']}: to link it, make its first line: {entry['first_line']}")


@corpus_group.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Quotes, speakers and sources per theme; facts; conflicting figures."""
    stats = corpus_stats(settings(ctx).corpus())
    if as_json:
        echo_json(stats)
        return
    totals = stats["totals"]
    click.echo("  ".join(f"{v} {k}" for k, v in totals.items()))
    click.echo()
    click.echo(f"{'theme':<28} {'quotes':>6} {'speakers':>8} {'sources':>7} {'graphic':>7} {'facts':>5}")
    for t in stats["themes"]:
        click.echo(f"{t['id']:<28} {t['quotes']:>6} {t['speakers']:>8} {t['sources']:>7} "
                   f"{t['graphic_quotes']:>7} {t['facts']:>5}")
    click.echo()
    click.echo(f"Conflicting figures ({len(stats['conflicts'])}):")
    for c in stats["conflicts"]:
        click.echo(f"  {c['id']}: {c['statement']}")
        for source, figure in c["figures"].items():
            click.echo(f"    {source}: {figure}")
        click.echo(f"    note: {c['note']}")


@click.command("themes")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def themes_command(ctx: click.Context, as_json: bool) -> None:
    """List the narrative themes."""
    corpus = settings(ctx).corpus()
    rows: list[dict[str, Any]] = [
        {"id": t.id, "title": t.title, "claim": t.claim, "quotes": len(corpus.quotes_for(t.id))}
        for t in corpus.themes.values()
    ]
    if as_json:
        echo_json(rows)
        return
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        quotes = f"{r['quotes']} quote" + ("" if r["quotes"] == 1 else "s")
        click.echo(f"{r['id']:<{width}}  {r['title']} ({quotes})")


@click.command("audiences")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def audiences_command(ctx: click.Context, as_json: bool) -> None:
    """List the audiences."""
    corpus = settings(ctx).corpus()
    rows: list[dict[str, Any]] = [{"id": a.id, "name": a.name, "description": a.description,
             "graphic_allowed": a.graphic_allowed, "word_limit": a.word_limit}
            for a in corpus.audiences.values()]
    if as_json:
        echo_json(rows)
        return
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['name']}: {r['description']}")
