"""`assistant check FILE.md|--draft ID`: the do-no-harm and credibility checks.

Exit status: 0 no error findings, 1 at least one error finding (or the work was refused),
2 a usage error (no such file, unknown audience).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..checks import VocabularyError, check_markdown, count_errors, findings_json
from ..checks.document import parse
from ..checks.findings import Finding, sort_findings, summary
from ..checks.header import audience_of, template_of
from ..compose.brief import TemplateInfo
from .common import Refused, settings, unknown_id

MAX_CHECKED_BYTES = 50_000_000  # ten times the largest brief the checks are measured on


def _templates(directory: Path) -> list[TemplateInfo]:
    from ..compose import TemplateCatalogue, TemplateError

    try:
        return TemplateCatalogue(directory).infos()
    except TemplateError:  # a broken template must not stop a check of a finished file
        return []


@click.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--draft", "draft_id", metavar="ID", help="Check a saved draft instead of a file.")
@click.option("--audience", metavar="A",
              help="Audience id (default: the one the file names in its header).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--strict", is_flag=True,
              help="Treat the warnings `brief --strict` refuses (no quotation at all) as errors.")
@click.pass_context
def check_command(ctx: click.Context, file: Path | None, draft_id: str | None,
                  audience: str | None, as_json: bool, strict: bool) -> None:
    """Run the do-no-harm and credibility checks on a Markdown brief.

    Prints each finding as FILE:LINE: severity [check] message (suggestion).
    Exits 1 when any finding is an error.
    """
    if file is None and draft_id is None:
        raise click.UsageError("give a Markdown file to check, or --draft ID")
    if file is not None and draft_id is not None:
        raise click.UsageError("give either a file or --draft ID, not both")
    if draft_id is not None:
        _check_draft(ctx, draft_id, audience, as_json, strict)
        return
    assert file is not None
    if not file.exists():
        raise click.UsageError(f"no such file: {file}")
    if not file.is_file():
        raise click.UsageError(f"{file} is not a regular file; give a Markdown file to check")
    if file.stat().st_size > MAX_CHECKED_BYTES:
        raise Refused(f"{file} is over {MAX_CHECKED_BYTES // 1_000_000} MB; a brief that long "
                      "cannot be checked")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Refused(f"{file} is not UTF-8 text; save it as UTF-8 Markdown") from None
    except OSError as exc:
        raise Refused(f"cannot read {file}: {exc.strerror or exc}") from None
    config = settings(ctx)
    corpus = config.corpus()
    if audience is not None and audience not in corpus.audiences:
        unknown_id("audience", audience, list(corpus.audiences))
    doc = parse(text)
    chosen = corpus.audiences[audience] if audience else audience_of(doc, corpus)
    template = template_of(doc, _templates(config.templates_dir))
    try:
        findings = check_markdown(text, corpus, audience=chosen, template=template,
                                  today=date.today(), strict=strict)
    except VocabularyError as exc:
        raise Refused(str(exc)) from None
    report(findings, str(file), as_json)
    if count_errors(findings):
        ctx.exit(1)


def report(findings: list[Finding], file: str, as_json: bool) -> None:
    """Print findings, one a line, and a summary (or the JSON document)."""
    if as_json:
        click.echo(findings_json(findings, file))
        return
    for finding in sort_findings(findings):
        click.echo(finding.format(file))
    click.echo(f"{file}: {summary(findings)}", err=True)


def _check_draft(ctx: click.Context, draft_id: str, audience: str | None,
                 as_json: bool, strict: bool) -> None:
    """Check the current version of a saved draft, as submission for review would."""
    from .review import DRAFT_ID, draft_corpus, open_review_store, refusals

    config = settings(ctx)
    store = open_review_store(ctx)
    with refusals():
        draft = store.get_draft(DRAFT_ID.convert(draft_id, None, ctx))
    version = draft.current
    used = draft_corpus(ctx, draft)  # the corpus the version was composed from
    corpus = used.corpus
    if used.note and not as_json:
        click.echo(f"note: {used.note}", err=True)
    chosen_id = audience or version.inputs.audience
    if chosen_id not in corpus.audiences:
        unknown_id("audience", chosen_id, list(corpus.audiences))
    infos = {t.id: t for t in _templates(config.templates_dir)}
    try:
        findings = check_markdown(version.markdown, corpus, audience=corpus.audiences[chosen_id],
                                  template=infos.get(version.inputs.template),
                                  today=date.today(), strict=strict)
    except VocabularyError as exc:
        raise Refused(str(exc)) from None
    report(findings, f"draft {draft_id} version {version.number}", as_json)
    if count_errors(findings):
        ctx.exit(1)


COMMANDS = [check_command]
