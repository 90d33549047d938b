"""`assistant brief` (compose and export a brief) and `assistant templates` (list formats)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..compose import BriefInputs, ChoiceRefused, TemplateError, UnknownId, compose_brief
from ..compose.build import default_template
from ..compose.explain import selection_report
from ..corpus.characters import forbidden_character
from ..render.formats import FORMATS, FormatMismatch, format_for_path
from .common import BadUsage, Refused, echo_json, settings, unknown_id
from .export_options import export_options, options_from

if TYPE_CHECKING:
    from ..checks import Finding
    from ..compose import Brief
    from ..corpus import Corpus


def _frame_overrides(values: tuple[str, ...]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"'{value}' should be FIELD=TEXT, e.g. goal=...",
                                     param_hint="--frame")
        bad = forbidden_character(text)
        if bad is not None:
            raise click.BadParameter(f"the {name.strip()} line holds a character that is not "
                                     f"allowed ({bad[1]})", param_hint="--frame")
        overrides[name.strip().lower()] = text
    return overrides


def _format(chosen: str | None, output: Path | None) -> str:
    """The format: the -o extension decides and must agree with --format (exit 2)."""
    from ..render.files import is_special

    if output is not None and not is_special(output):
        try:
            return format_for_path(output, chosen)
        except FormatMismatch as exc:
            raise BadUsage(str(exc)) from None
    return chosen or "md"


@click.command("brief")
@click.option("--theme", required=True, metavar="T", help="Theme id (see `assistant themes`).")
@click.option("--audience", required=True, metavar="A",
              help="Audience id (see `assistant audiences`).")
@click.option("--template", default=None, metavar="F",
              help="Format id (see `assistant templates`); default: policy-brief, or the "
                   "first format written for the audience.")
@click.option("--any-audience", is_flag=True,
              help="Use the template even if it is not written for this audience "
                   "(the brief carries a warning).")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="Output format (default: from the -o extension, else md); pdf needs the "
                   "optional extra counterbrief[pdf].")
@click.option("--quotes", type=click.IntRange(min=0), default=None, metavar="N",
              help="How many quotations (default: the template's).")
@click.option("--pin", multiple=True, metavar="Q", help="A quote id that must appear (repeat).")
@click.option("--exclude", multiple=True, metavar="Q",
              help="A quote id that must not appear (repeat).")
@click.option("--fact", "facts", multiple=True, metavar="ID",
              help="A fact id that must appear (repeat).")
@click.option("--frame", "frame", multiple=True, metavar="FIELD=TEXT",
              help="Override a campaign-frame line: goal, audience, message, messenger, "
                   "media, action or monitoring (repeat).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to FILE (atomically); its extension must match the format. "
                   "Without it md/html go to standard output.")
@click.option("--force", is_flag=True,
              help="Write even when FILE is a link, a device or read-only.")
@export_options
@click.option("--json", "as_json", is_flag=True,
              help="Print the selection with the reasons for each choice.")
@click.option("--strict", is_flag=True,
              help="Refuse (exit 1, nothing written) when a check finds an error.")
@click.pass_context
def brief_command(ctx: click.Context, theme: str, audience: str, template: str | None,
                  any_audience: bool, fmt: str | None, quotes: int | None,
                  pin: tuple[str, ...], exclude: tuple[str, ...], facts: tuple[str, ...],
                  frame: tuple[str, ...], output: Path | None, force: bool, part: str,
                  paper: str, marking: str, language: str, as_json: bool,
                  strict: bool) -> None:
    """Compose a draft brief for a theme and an audience, with every quotation cited."""
    from ..render import TemplateLibrary, render_markdown, write_atomically
    from ..render.export import ExportRefused, brief_document, brief_subject, export_bytes

    fmt = _format(fmt, output)
    if FORMATS[fmt].binary and output is None:
        raise click.UsageError(f"a {FORMATS[fmt].name} document needs a file name: add "
                               f"-o FILE{FORMATS[fmt].suffixes[0]}")
    config = settings(ctx)
    options = options_from(part, paper, marking, language, config.user or config.os_user)
    corpus = config.corpus()
    library = TemplateLibrary(config.templates_dir)
    try:
        inputs = BriefInputs(theme=theme, audience=audience,
                             template=template or default_template(library, audience),
                             quotes=quotes, pins=list(pin), exclusions=list(exclude),
                             fact_pins=list(facts), frame=_frame_overrides(frame),
                             any_audience=any_audience)
        brief = compose_brief(corpus, inputs, library)
        markdown = render_markdown(brief, library)
    except UnknownId as exc:
        unknown_id(exc.kind, exc.given, exc.known)
    except (ChoiceRefused, TemplateError) as exc:
        raise Refused(str(exc)) from None

    shown_as = str(output) if output is not None else "brief"
    findings = _checked(brief, markdown, corpus, strict, shown_as)
    try:  # the team notes end with what the checks found
        document = brief_document(markdown, fingerprint=brief.fingerprint,
                                  subject=brief_subject(brief.theme.title, brief.audience.name),
                                  language=corpus.language, findings=findings)
        data = export_bytes(document, fmt, options, library)
    except (TemplateError, ExportRefused) as exc:
        raise Refused(str(exc)) from None

    if output is not None:
        from ..render.files import OutputRefused

        try:
            write_atomically(output, data, force=force)
        except OutputRefused as exc:
            hint = " (add --force to write it anyway)" if exc.forcible else ""
            raise Refused(f"{exc}{hint}") from None
        except OSError as exc:
            raise Refused(f"cannot write {output}: {exc.strerror or exc}") from None
        shown_part = "" if part == "all" else f", {part} part"
        click.echo(f"wrote {output} ({fmt}{shown_part}: {len(brief.quotes)} quotations, "
                   f"{len(brief.facts)} facts, {len(brief.references)} sources; DRAFT)",
                   err=True)
    elif not as_json:
        click.echo(data.decode(), nl=False)

    _show_findings(findings, shown_as)

    if as_json:
        echo_json(selection_report(brief))


def _checked(brief: Brief, markdown: str, corpus: Corpus, strict: bool,
             shown_as: str) -> list[Finding]:
    """The checks' findings; with --strict, error findings refuse the brief before writing."""
    from datetime import date

    from ..checks import VocabularyError, check_brief, count_errors
    from ..checks.findings import sort_findings

    try:
        findings = check_brief(brief, markdown, corpus, today=date.today(), strict=strict)
    except VocabularyError as exc:
        raise Refused(str(exc)) from None
    findings = sort_findings([*findings, *notice_findings(brief, strict)])
    if strict and count_errors(findings):
        _show_findings(findings, shown_as)
        raise Refused(f"{count_errors(findings)} error finding(s); nothing was written "
                      "(--strict)")
    return findings


GAP_CHECK = "brief-gaps"
GAP_SUGGESTIONS = {
    "no-defector-voice": "add testimony from people who left to the corpus, or say so "
                         "when you send the brief",
    "few-quotes": "accept the shorter brief, or add suitable quotations to the corpus",
    "few-posts": "post fewer, or add quotations with post copy to the corpus",
    "outside-audiences": "choose a template written for this audience",
    "frame-default": "write frames for this audience in themes.yaml",
}


def notice_findings(brief: Brief, strict: bool) -> list[Finding]:
    """Each notice as a finding: a warning, or an error under --strict."""
    from ..checks.findings import Finding, Severity

    severity = Severity.error if strict else Severity.warning
    return [Finding(GAP_CHECK, severity, n.text, GAP_SUGGESTIONS.get(n.kind, ""))
            for n in brief.notices]


def _show_findings(findings: list[Finding], shown_as: str) -> None:
    """Findings on standard error, so the brief on standard output stays clean."""
    from ..checks.findings import summary

    for finding in findings:
        click.echo(finding.format(shown_as), err=True)
    click.echo(f"checks: {summary(findings)}", err=True)


@click.command("templates")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def templates_command(ctx: click.Context, as_json: bool) -> None:
    """List the brief formats with their audiences and limits."""
    from ..compose import TemplateCatalogue

    catalogue = TemplateCatalogue(settings(ctx).templates_dir)
    try:
        infos = catalogue.infos()
    except TemplateError as exc:
        raise Refused(str(exc)) from None
    if as_json:
        echo_json([info.model_dump() for info in infos])
        return
    width = max((len(info.id) for info in infos), default=0)
    for info in infos:
        limits = f"{info.quotes} quotations, up to {info.word_limit} words" if info.word_limit \
            else f"{info.quotes} quotations"
        click.echo(f"{info.id:<{width}}  {info.name}: {info.description}")
        click.echo(f"{'':<{width}}  for {', '.join(info.audiences) or 'any audience'}; {limits}")


COMMANDS = [brief_command, templates_command]
