"""What a version is made from: composing and rendering a brief, checking it, and
stamping an export with DRAFT or its approval.

Kept apart from the store so the store can be tested with any text, and so the heavy
compose/render/checks layers load only when a command needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..compose.brief import FRAME_FIELDS, BriefInputs
from .errors import ChecksUnavailable, InvalidInput, ReviewError
from .store import Checker
from .views import Export, VersionView

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from ..corpus import Corpus
    from ..render.export import ExportOptions


@dataclass(frozen=True)
class Composed:
    """A rendered brief, ready to be saved as a version."""

    inputs: BriefInputs
    markdown: str
    fingerprint: str
    title: str
    corpus_dir: str = ""
    """Where the corpus it was composed from lives (absolute)."""
    corpus_hash: str = ""
    """The hash of that corpus's files."""


def compose_version(corpus: Corpus, inputs: BriefInputs, templates_dir: Path) -> Composed:
    """Compose and render `inputs` as unapproved Markdown (its header says DRAFT).

    Raises the compose layer's BriefError (unknown id, refused pin, template error).
    """
    from ..compose.build import compose_brief
    from ..render.markdown import render_markdown
    from ..render.templates import TemplateLibrary

    library = TemplateLibrary(templates_dir)
    brief = compose_brief(corpus, inputs, library)
    return Composed(inputs=inputs, markdown=render_markdown(brief, library),
                    fingerprint=brief.fingerprint,
                    title=f"{brief.theme.title}: {brief.template.name} for "
                          f"{brief.audience.name}",
                    corpus_dir=str(Path(corpus.root).resolve()),
                    corpus_hash=corpus.fingerprint)


def changed_inputs(inputs: BriefInputs, pins: Sequence[str] = (),
                   exclusions: Sequence[str] = (), frame: Sequence[str] = ()) -> BriefInputs:
    """`inputs` with more pins and exclusions and campaign-frame fields (`FIELD=TEXT`).

    A pinned quote stops being excluded and the other way round: the newest wish wins.
    """
    pinned = [p for p in inputs.pins if p not in exclusions] + [
        p for p in pins if p not in inputs.pins]
    excluded = [e for e in inputs.exclusions if e not in pins] + [
        e for e in exclusions if e not in inputs.exclusions]
    fields = dict(inputs.frame)
    for item in frame:
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep or name not in FRAME_FIELDS:
            raise InvalidInput(f"--frame takes FIELD=TEXT with FIELD one of: "
                             f"{', '.join(FRAME_FIELDS)} (got '{item}')")
        fields[name] = value.strip()
    return inputs.model_copy(update={"pins": pinned, "exclusions": excluded, "frame": fields})


class CorpusGone(ReviewError):
    """The corpus a version was composed from is no longer where it was."""


@dataclass(frozen=True)
class RecordedCorpus:
    """The corpus a version is checked against, and what to tell the user about it."""

    corpus: Corpus
    where: Path
    note: str  # "" when it is exactly the corpus the version was built from


def recorded_corpus(version: VersionView, draft_id: int, configured: Path,
                    load: Callable[[Path], Corpus], *, deck: bool = False) -> RecordedCorpus:
    """The corpus `version` was composed from, loaded with `load`.

    A version that records no corpus (saved before counterbrief recorded it) is checked
    against `configured`, and the note says so; a corpus that is gone raises CorpusGone;
    one whose files changed since is used as it is now, and the note says so.
    """
    if not version.corpus_dir:
        corpus = load(configured)
        return RecordedCorpus(corpus, configured, (
            f"version {version.number} of draft {draft_id} does not record its corpus; "
            f"checked against {configured}"))
    where = Path(version.corpus_dir)
    if not where.is_dir():
        again = (f"train edit {draft_id}" if deck  # `draft edit` refuses a deck
                 else f"draft edit {draft_id} --quotes N")
        raise CorpusGone(
            f"version {version.number} of draft {draft_id} was composed from the corpus at "
            f"{where}, which is gone; nothing was checked. Put the corpus back there, or "
            f"compose a new version from another corpus: `assistant --corpus DIR {again}`")
    corpus = load(where)
    note = ""
    if version.corpus_hash and corpus.fingerprint != version.corpus_hash:
        note = (f"the corpus at {where} changed since version {version.number} was "
                f"composed (files {version.corpus_hash} then, {corpus.fingerprint} now); "
                "checked against it as it is now")
    return RecordedCorpus(corpus, where, note)


def corpus_checker(corpus: Corpus, templates_dir: Path, today: date) -> Checker:
    """The checks as a submission gate: the error findings of a version, one line each.

    Raises ChecksUnavailable when the checks cannot be loaded: a gate that runs no checks
    must refuse, never let everything through.
    """
    try:
        from ..checks import check_markdown
    except ImportError as exc:
        raise ChecksUnavailable(
            f"the checks cannot be loaded ({exc}); nothing is submitted until they run. "
            "Reinstall counterbrief") from exc
    from ..compose.catalogue import TemplateCatalogue
    from .rules import error_messages

    catalogue = TemplateCatalogue(templates_dir)

    def check(markdown: str, inputs: BriefInputs) -> list[str]:
        try:
            template = catalogue.info(inputs.template)
        except Exception:  # a template since removed: check the text without its limits
            template = None
        findings = check_markdown(markdown, corpus, audience=corpus.audiences.get(
            inputs.audience), template=template, today=today)
        return error_messages(findings)

    return check


def stamped_markdown(export: Export) -> str:
    """The version's Markdown with its status line: DRAFT, or who approved it and when.

    The approved text is otherwise exactly what the reviewer saw: only the DRAFT header
    line that the render layer wrote is replaced.
    """
    from ..render.approval import DRAFT

    markdown = export.version.markdown
    if export.approval is None:
        # A version saved before approval lines were taken out on save may still carry one.
        from .stamps import without_approval

        markdown, _stale = without_approval(markdown)
        return markdown if DRAFT in markdown else f"{DRAFT}\n\n{markdown}"
    # The render layer adds the approval block; one copied in from an older export goes.
    from .stamps import without_approval_block

    markdown, _stale = without_approval_block(markdown)
    stamp = export.approval.line()
    if DRAFT in markdown:
        return markdown.replace(DRAFT, stamp, 1)
    return f"{stamp}\n\n{markdown}"



@dataclass(frozen=True)
class ExportChecks:
    """What the team notes of an exported version say about the checks, and the
    language of the corpus it was composed from."""

    findings: list[Finding] | None  # None: the checks could not run on it
    language: str = ""
    subject: str = ""  # its theme and audience, as that corpus names them


def export_checks(export: Export, configured: Path, templates_dir: Path,
                  today: date | None = None) -> ExportChecks:
    """The checks run on the version being exported, against the corpus it was composed
    from (see recorded_corpus). A corpus that is gone or cannot be loaded gives no
    findings rather than findings against the wrong corpus; the export goes ahead."""
    from ..checks import VocabularyError, check_markdown
    from ..compose.catalogue import TemplateCatalogue
    from ..corpus import CorpusError, load_corpus
    from ..render.export import brief_subject

    version = export.version
    try:
        used = recorded_corpus(version, export.draft_id, configured, load_corpus)
    except (CorpusGone, CorpusError):
        return ExportChecks(None)
    theme = used.corpus.themes.get(version.inputs.theme)
    audience = used.corpus.audiences.get(version.inputs.audience)
    subject = brief_subject(theme.title, audience.name) if theme and audience else ""
    try:
        template = TemplateCatalogue(templates_dir).info(version.inputs.template)
    except Exception:  # a template since removed: check the text without its limits
        template = None
    try:
        findings = check_markdown(
            version.markdown, used.corpus, audience=audience, template=template,
            today=today)
    except VocabularyError:
        return ExportChecks(None, used.corpus.language, subject)
    return ExportChecks(findings, used.corpus.language, subject)


def export_bytes(export: Export, fmt: str, options: ExportOptions | None = None,
                 checks: ExportChecks | None = None) -> bytes:
    """The file contents of `export` in `fmt` (md|html|docx|pdf), the part `options` asks.

    Every format is made by the render layer from the same stamped Markdown, so each
    carries exactly the approved text, with the approval block (approver, role, date,
    version, comment) at the end, and `checks` summarised at the end of the team notes.
    Raises the render layer's ExportRefused.
    """
    from ..render.export import Document
    from ..render.export import export_bytes as render_export

    checks = checks or ExportChecks(None)
    approval = export.approval.stamp() if export.approval is not None else None
    document = Document(markdown=stamped_markdown(export), status=export.status_line,
                        fingerprint=export.version.corpus_fingerprint, approval=approval,
                        subject=checks.subject, language=checks.language,
                        findings=checks.findings)
    return render_export(document, fmt, options)
