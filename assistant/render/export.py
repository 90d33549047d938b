"""One way out for every brief: the part asked for, in the format asked for, with the
same status mark, approval block, page furniture and file properties in each format.

The CLI (`brief`, `draft export`), the app and the review layer all call `export_bytes`,
so a brief composed now and a stored, approved version leave the tool alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..compose.citations import long_date
from ..compose.parts import PARTS, TEAM_HEADING, Part
from ..corpus.models import LANGUAGE_TAG
from .approval import Approval, status_line
from .findings import findings_markdown
from .formats import FORMATS
from .inline import inline, plain

if TYPE_CHECKING:
    from ..checks.findings import Finding
    from .templates import TemplateLibrary

PAPERS = ("A4", "Letter")
DEFAULT_LANGUAGE = "en-GB"
"""The document language when neither the setting nor the corpus names one."""
APPROVAL_HEADING = "Approval"
_TEAM_LINE = re.compile(rf"^# {re.escape(TEAM_HEADING)}\s*$", re.MULTILINE)


class ExportRefused(ValueError):
    """An export that cannot be made as asked (an unknown part, format or paper size, or
    PDF without its optional libraries). The message says what to do."""


@dataclass(frozen=True)
class ExportOptions:
    """How an export is laid out. Every field is a setting; none depends on the brief."""

    part: Part = "all"
    paper: str = "A4"
    language: str = ""  # a language tag; "": the corpus's (Document.language)
    marking: str = ""  # an organisation's protective marking, e.g. OFFICIAL
    author: str = ""  # who exports it: the document's author property
    now: datetime | None = None  # the export time; None: the clock (tests inject one)

    def at(self) -> datetime:
        return self.now if self.now is not None else datetime.now(UTC)

    def checked(self) -> ExportOptions:
        if self.part not in PARTS:
            raise ExportRefused(f"unknown part '{self.part}'; choose one of {', '.join(PARTS)}")
        paper = {p.lower(): p for p in PAPERS}.get(self.paper.strip().lower())
        if paper is None:
            raise ExportRefused(f"unknown paper size '{self.paper}'; choose A4 or Letter")
        language = self.language.strip()
        if language and not re.fullmatch(LANGUAGE_TAG, language):
            raise ExportRefused(f"'{self.language}' is not a language tag; give one such "
                                "as en-GB or fr")
        return replace(self, paper=paper, marking=plain(self.marking), language=language)

    def for_document(self, document: Document) -> ExportOptions:
        """Checked, with the language filled in: the setting, else the corpus's, else
        `DEFAULT_LANGUAGE`."""
        options = self.checked()
        return replace(options, language=options.language or document.language
                       or DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Document:
    """A brief ready to leave the tool: its Markdown and what every page says about it."""

    markdown: str
    status: str  # DRAFT, or who approved which version: the header of every page
    fingerprint: str  # corpus and template version
    approval: Approval | None = None
    subject: str = ""  # theme and audience
    title: str = field(default="")  # default: the Markdown's level-1 title
    language: str = ""  # the corpus's language tag; "" when it declares none
    findings: Sequence[Finding] | None = None
    """What the checks found in this text, summarised at the end of the team notes;
    None when they were not run (nothing is said about them then)."""

    @property
    def approved(self) -> bool:
        return self.approval is not None

    def heading(self) -> str:
        """The title readers see: the first level-1 heading, in house typography."""
        if self.title:
            return plain(self.title)
        match = re.search(r"^# (.+)$", self.markdown, re.MULTILINE)
        return plain(match.group(1)) if match else "Brief"


def split_parts(markdown: str) -> tuple[str, str]:
    """(audience part, team part) of a brief's Markdown; the team part starts with its
    level-1 heading, and is empty when the brief has none."""
    match = _TEAM_LINE.search(markdown)
    if match is None:
        return markdown, ""
    return markdown[: match.start()].rstrip() + "\n", markdown[match.start() :]


def _head(audience: str) -> str:
    """The title, status and kind lines: everything before the first section."""
    match = re.search(r"^## ", audience, re.MULTILINE)
    return audience[: match.start()].rstrip() + "\n" if match else audience


def approval_markdown(approval: Approval) -> str:
    """The approval block at the end of the brief."""
    rows = "\n".join(f"- **{label}:** {inline(value)}" for label, value in approval.block())
    return f"## {APPROVAL_HEADING}\n\n{rows}\n"


def part_markdown(document: Document, part: Part) -> str:
    """The Markdown of the part asked for, with the approval block where it belongs (at the
    end of what the audience reads)."""
    audience, team = split_parts(document.markdown)
    block = approval_markdown(document.approval) if document.approval else ""
    if part == "audience":
        return _joined(audience, block)
    summary = findings_markdown(document.findings) if document.findings is not None else ""
    if not team and (part == "team" or summary):
        team = f"# {TEAM_HEADING}\n\n" + ("" if summary else "_This brief has no team notes._\n")
    if part == "team":
        return _joined(_head(audience), team, summary)
    return _joined(audience, block, team, summary)


def _joined(*pieces: str) -> str:
    return "\n".join(p.rstrip() + "\n" for p in pieces if p.strip())


def footer_text(options: ExportOptions) -> str:
    """The export date every page's footer carries beside its page number."""
    return f"Exported {long_date(options.at().date().isoformat())}"


def export_bytes(document: Document, fmt: str, options: ExportOptions | None = None,
                 library: TemplateLibrary | None = None) -> bytes:
    """The file contents of `document` in `fmt` (see `formats.FORMATS`).

    Raises ExportRefused (unknown format, part or paper; PDF without WeasyPrint) and
    TemplateError (the HTML page template).
    """
    options = (options or ExportOptions()).for_document(document)
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown export format '{fmt}'; choose one of "
                            f"{', '.join(FORMATS)}")
    markdown = part_markdown(document, options.part)
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "docx":
        from .word import markdown_to_docx

        return markdown_to_docx(markdown, document, options)
    from .html import markdown_to_html

    page = markdown_to_html(markdown, document, options, library=library,
                            print_only=fmt == "pdf")
    if fmt == "html":
        return page.encode("utf-8")
    from .pdf import html_to_pdf

    return html_to_pdf(page)


def brief_subject(theme_title: str, audience_name: str) -> str:
    """The file-properties subject of a brief: its theme and its audience."""
    return f"{theme_title} – for {audience_name}"


def brief_document(markdown: str, *, status: str | None = None, fingerprint: str,
                   approval: Approval | None = None, subject: str = "",
                   language: str = "", findings: Sequence[Finding] | None = None
                   ) -> Document:
    """A Document for a just-rendered brief (`language`: the corpus's), with the checks'
    findings on it if they were run."""
    return Document(markdown=markdown, status=status or status_line(approval),
                    fingerprint=fingerprint, approval=approval, subject=subject,
                    language=language, findings=findings)
