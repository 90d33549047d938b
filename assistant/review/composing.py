"""What a version is made from: composing and rendering a brief, checking it, and
stamping an export with DRAFT or its approval.

Kept apart from the store so the store can be tested with any text, and so the heavy
compose/render/checks layers load only when a command needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..compose.brief import FRAME_FIELDS, BriefInputs
from .errors import NotAllowed
from .store import Checker
from .views import SHORT_HASH, Export

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..render.export import ExportOptions


@dataclass(frozen=True)
class Composed:
    """A rendered brief, ready to be saved as a version."""

    inputs: BriefInputs
    markdown: str
    fingerprint: str
    title: str


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
                          f"{brief.audience.name}")


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
            raise NotAllowed(f"--frame takes FIELD=TEXT with FIELD one of: "
                             f"{', '.join(FRAME_FIELDS)} (got '{item}')")
        fields[name] = value.strip()
    return inputs.model_copy(update={"pins": pinned, "exclusions": excluded, "frame": fields})


def corpus_checker(corpus: Corpus, templates_dir: Path, today: date) -> Checker | None:
    """The checks as a submission gate: the error findings of a version, one line each.

    None while the checks layer offers no entry point (nothing to gate on yet).
    """
    try:
        from ..checks import check_markdown
    except ImportError:
        return None
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
        return markdown if DRAFT in markdown else f"{DRAFT}\n\n{markdown}"
    stamp = export.approval.line()
    if DRAFT in markdown:
        return markdown.replace(DRAFT, stamp, 1)
    return f"{stamp}\n\n{markdown}"



def export_bytes(export: Export, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The file contents of `export` in `fmt` (md|html|docx|pdf), the part `options` asks.

    Every format is made by the render layer from the same stamped Markdown, so each
    carries exactly the approved text, with the approval block (approver, role, date,
    version, comment) at the end. Raises the render layer's ExportRefused.
    """
    from ..render.approval import Approval as Stamp
    from ..render.export import Document
    from ..render.export import export_bytes as render_export

    approval = None
    if export.approval is not None:
        approval = Stamp(approver=export.approval.reviewer,
                         date=export.approval.approved_at.date(),
                         version=export.approval.content_hash[:SHORT_HASH],
                         role=str(getattr(export.approval, "role", "") or ""),
                         comment=str(getattr(export.approval, "comment", "") or ""))
    document = Document(markdown=stamped_markdown(export), status=export.status_line,
                        fingerprint=export.version.corpus_fingerprint, approval=approval)
    return render_export(document, fmt, options)
