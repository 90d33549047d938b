"""Markdown, the master format: every template writes Markdown; HTML and Word are made from it.

Templates see plain views of the brief (`quotes`, `facts`, `references`, `frame_lines`,
`status`...) so a communicator editing a template needs no Python, and the sandbox has
little to reach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..compose.brief import FRAME_FIELDS, Brief, ChosenFact, ChosenQuote
from ..compose.select import audience_words, speaker_name
from ..paths import bundled_templates_dir
from .approval import Approval, status_line
from .citations import cite, long_date, short_source
from .templates import TemplateLibrary

FRAME_LABELS = {
    "goal": "Goal",
    "audience": "Audience",
    "message": "Message",
    "messenger": "Messenger",
    "media": "Media",
    "action": "Action",
    "monitoring": "Monitoring",
}


@dataclass(frozen=True)
class QuoteView:
    number: int
    id: str
    text: str
    speaker: str  # short: "Peter Neumann", "26-year-old Syrian fighter"
    label: str  # as the source describes the speaker
    role: str
    context: str
    cite: str
    source_tag: str  # "CBS News via The New York Times", for posts
    graphic: bool
    pinned: bool


@dataclass(frozen=True)
class FigureView:
    who: str
    figure: str
    cite: str


@dataclass(frozen=True)
class FactView:
    id: str
    statement: str
    as_of: str
    cite: str
    single_source: bool
    disagreeing: bool
    figures: list[FigureView]
    conflict_note: str


@dataclass(frozen=True)
class ReferenceView:
    number: int
    text: str


def _quote_view(brief: Brief, chosen: ChosenQuote) -> QuoteView:
    refs = [r for r in brief.references if r.number in chosen.references]
    ref = next((r for r in refs if r.source.outlet), refs[0])  # prefer a named outlet
    return QuoteView(
        number=chosen.number, id=chosen.quote.id, text=chosen.quote.text,
        speaker=speaker_name(chosen.speaker), label=chosen.speaker.label,
        role=chosen.speaker.role.value, context=chosen.quote.context or "",
        cite=cite(chosen.references), source_tag=short_source(ref.source, ref.via),
        graphic=chosen.graphic, pinned=chosen.pinned,
    )


def _fact_view(brief: Brief, chosen: ChosenFact) -> FactView:
    numbers = {(r.source.id, r.via.id if r.via else None): r.number for r in brief.references}
    figures = []
    for fs in chosen.fact.sources:
        source = next(r.source for r in brief.references if r.source.id == fs.source)
        figures.append(FigureView(who=source.outlet or f"“{source.title}”", figure=fs.figure,
                                  cite=cite([numbers[(fs.source, fs.via)]])))
    return FactView(
        id=chosen.fact.id, statement=chosen.fact.statement,
        as_of=long_date(chosen.fact.as_of), cite=cite(chosen.references),
        single_source=not chosen.fact.corroborated, disagreeing=chosen.fact.disagreeing,
        figures=figures, conflict_note=chosen.fact.conflict_note or "",
    )


def template_context(brief: Brief, approval: Approval | None = None) -> dict[str, Any]:
    """Everything a template may use."""
    return {
        "brief": brief,
        "theme": brief.theme,
        "audience": brief.audience,
        "audience_words": audience_words(brief.audience),
        "template": brief.template,
        "frame": brief.frame,
        "frame_lines": [(FRAME_LABELS[f], getattr(brief.frame, f)) for f in FRAME_FIELDS],
        "quotes": [_quote_view(brief, q) for q in brief.quotes],
        "facts": [_fact_view(brief, f) for f in brief.facts],
        "references": [ReferenceView(r.number, r.text) for r in brief.references],
        "content_note": brief.content_note or "",
        "status": status_line(approval),
        "approved": approval is not None,
        "fingerprint": brief.fingerprint,
    }


def default_library() -> TemplateLibrary:
    """The bundled templates (or those installed with the package)."""
    return TemplateLibrary(bundled_templates_dir())


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip().split("\n")]
    joined = re.sub(r"([^\n])\n(#{1,6} )", r"\1\n\n\2", "\n".join(lines))  # air above headings
    return re.sub(r"\n{3,}", "\n\n", joined) + "\n"


def render_markdown(brief: Brief, library: TemplateLibrary | None = None,
                    approval: Approval | None = None) -> str:
    """The brief as Markdown through its template. Raises TemplateError (file and line)."""
    library = library or default_library()
    return tidy(library.render(f"{brief.template.id}.md.j2", template_context(brief, approval)))
