"""Markdown, the master format: every template writes Markdown; HTML and Word are made from it.

Templates see plain views of the brief (`quotes`, `facts`, `references`, `frame_lines`,
`status`...) so a communicator editing a template needs no Python, and the sandbox has
little to reach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..compose.brief import FRAME_FIELDS, Brief, ChosenFact, ChosenQuote
from ..compose.citations import told
from ..compose.select import audience_words, speaker_name
from ..corpus.models import Source
from ..paths import bundled_templates_dir
from .approval import Approval, status_line
from .citations import cite, long_date, short_source
from .inline import inline, typeset
from .repeats import advice_once, without_repeats
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


class Record:
    """A corpus record as templates see it: read-only attributes, every string made safe
    to set inside a Markdown block (`inline`), and no curator `note` at all."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Record({sorted(self._values)})"


def _safe(value: Any, *, ours: bool = True) -> Any:
    """Strings made inline-safe (and typeset when they are our words, not a quotation)."""
    if isinstance(value, str):
        return typeset(inline(value)) if ours else inline(value)
    if isinstance(value, BaseModel):
        return record(value)
    if isinstance(value, list | tuple):
        return [_safe(v, ours=ours) for v in value]
    return value


def record(model: BaseModel) -> Record:
    """`model` without its curator notes, for a template."""
    fields = {name: getattr(model, name) for name in type(model).model_fields
              if name not in CURATOR_ONLY}
    return Record({name: _safe(value) for name, value in fields.items()})


CURATOR_ONLY = frozenset({"note"})
"""Fields for curators only: never in a template's context, so no template can print them."""


@dataclass(frozen=True)
class QuoteView:
    number: int
    id: str
    text: str  # verbatim, made safe to set in a block (one line, no links or markup)
    speaker: str  # short: "Peter Neumann", "26-year-old Syrian fighter"
    label: str  # as the source describes the speaker
    role: str
    context: str
    cite: str
    source_tag: str  # "CBS via New York Times", for posts
    attribution: str  # "26-year-old Syrian fighter, speaking to NPR [1]"
    graphic: bool
    pinned: bool
    part_of: str | None = None  # the first quote id of a remark in two parts


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
    text: str = ""  # the readable line a brief prints: every version of a disputed figure
    references: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReferenceView:
    number: int
    text: str


def _read_in(brief: Brief, chosen: ChosenQuote) -> tuple[Source, Source | None]:
    """The document the quote was read in (a named outlet preferred) and its original."""
    sources = {r.source.id: r.source for r in brief.references}
    pairs = [(sources[c.source], c.via) for c in chosen.quote.sources if c.source in sources]
    source, via_id = next(((s, v) for s, v in pairs if s.outlet), pairs[0])
    return source, brief.originals.get(via_id) if via_id else None


def _context(brief: Brief, chosen: ChosenQuote) -> str:
    """The quote's context line, unless it points back ("the same ...") at a quote or a
    source that comes nowhere earlier in this brief."""
    text = chosen.quote.context or ""
    if not re.search(r"\bsame\b", text, re.IGNORECASE):
        return text
    earlier = [q for q in brief.quotes if q.number < chosen.number]
    mine = {(c.source, c.via) for c in chosen.quote.sources}
    for q in earlier:
        if q.speaker.id == chosen.speaker.id:
            return text
        if any(c.via and (c.source, c.via) in mine for c in q.quote.sources):
            return text
    return ""


def _quote_view(brief: Brief, chosen: ChosenQuote) -> QuoteView:
    source, via = _read_in(brief, chosen)
    label = chosen.speaker.label
    marks = cite(chosen.references)
    # a report quoted from itself needs no "in the ICSR report" after its own name
    told_by = via is not None and chosen.speaker.role.value != "report"
    attribution = f"{label}, {told(via)}" if via is not None and told_by else label
    if chosen.speaker.role.value == "report" and any(
            q.speaker.id == chosen.speaker.id for q in brief.quotes if q.number < chosen.number):
        # the report's title is given at its first quotation: "the ICSR report" after that
        attribution = re.split(r"\s[\"“]", attribution)[0].rstrip(" ,")
    return QuoteView(
        number=chosen.number, id=chosen.quote.id, text=inline(chosen.quote.text, quotation=True),
        speaker=typeset(inline(speaker_name(chosen.speaker))), label=typeset(inline(label)),
        role=chosen.speaker.role.value, context=typeset(inline(_context(brief, chosen))),
        cite=marks, source_tag=typeset(inline(short_source(source, via))),
        attribution=typeset(inline(attribution)) + (f" {marks}" if marks else ""),
        graphic=chosen.graphic, pinned=chosen.pinned, part_of=chosen.part_of,
    )


def _fact_view(brief: Brief, chosen: ChosenFact) -> FactView:
    numbers = {r.source.id: r.number for r in brief.references}
    sources = {r.source.id: r.source for r in brief.references}
    figures = []
    for fs in chosen.fact.sources:
        source = sources[fs.source]
        who = source.outlet or f"“{source.title}”"
        figures.append(FigureView(who=typeset(inline(who)), figure=inline(fs.figure),
                                  cite=cite([numbers[fs.source]])))
    return FactView(
        id=chosen.fact.id, statement=typeset(inline(chosen.fact.statement)),
        as_of=long_date(chosen.fact.as_of), cite=cite(chosen.references),
        single_source=not chosen.fact.corroborated, disagreeing=chosen.fact.disagreeing,
        figures=figures, conflict_note=typeset(inline(chosen.fact.conflict_note or "")),
        text=_fact_text(chosen), references=tuple(chosen.references),
    )


_DATED = re.compile(r" _\([^()_*\n]*\)_$")


def _fact_text(chosen: ChosenFact) -> str:
    """A fact's line made inline-safe, keeping the emphasis of the dating we append
    (` _(as of August 2015; single source)_`): the corpus's words never emphasise."""
    text = chosen.text or chosen.fact.statement
    dated = _DATED.search(text) if chosen.fact.as_of or not chosen.fact.corroborated else None
    if dated is None:
        return inline(text)
    return inline(text[: dated.start()]) + dated.group(0)


@dataclass(frozen=True)
class NoticeView:
    kind: str
    text: str


@dataclass(frozen=True)
class PostView:
    number: int
    text: str  # our line and the verbatim quotation: made safe, never retyped
    references: tuple[int, ...]


@dataclass(frozen=True)
class BriefView:
    """What the composition says about the brief as a whole, for the templates."""

    about: str
    others_heading: str
    defector_quotes: list[QuoteView]
    other_quotes: list[QuoteView]
    facts: list[FactView]
    posts: list[PostView]
    notices: list[NoticeView]
    reader_notices: list[NoticeView]


def _brief_view(brief: Brief, quotes: list[QuoteView], facts: list[FactView]) -> BriefView:
    def notices(items: list[Any]) -> list[NoticeView]:
        return [NoticeView(n.kind, typeset(inline(n.text))) for n in items]

    return BriefView(
        about=typeset(inline(brief.about)), others_heading=typeset(inline(brief.others_heading)),
        defector_quotes=[q for q in quotes if q.role == "defector"],
        other_quotes=[q for q in quotes if q.role != "defector"], facts=facts,
        posts=[PostView(p.number, inline(p.text), tuple(p.references)) for p in brief.posts],
        notices=notices(brief.notices), reader_notices=notices(brief.reader_notices),
    )


def template_context(brief: Brief, approval: Approval | None = None) -> dict[str, Any]:
    """Everything a template may use: views of the brief, never the corpus records
    themselves (no curator notes, no text that could leave its block)."""
    quotes = [_quote_view(brief, q) for q in brief.quotes]
    facts = [_fact_view(brief, f) for f in brief.facts]
    return {
        "brief": _brief_view(brief, quotes, facts),
        "theme": record(brief.theme),
        "audience": record(brief.audience),
        "audience_words": typeset(inline(audience_words(brief.audience))),
        "template": brief.template,
        "frame": record(brief.frame),
        "frame_lines": [(FRAME_LABELS[f], typeset(inline(getattr(brief.frame, f))))
                        for f in FRAME_FIELDS],
        "quotes": quotes,
        "facts": facts,
        "references": [ReferenceView(r.number, typeset(inline(r.text)))
                       for r in brief.references],
        "content_note": typeset(inline(brief.content_note or "")),
        "status": inline(status_line(approval)),  # an approver's name is not ours either
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


_HEADING = re.compile(r"^(#{1,6}) ")


def without_empty_parts(text: str) -> str:
    """No lead-in ("Points to make in support:") or heading left with nothing under it
    (its list may have gone as repeats): the next line that says anything is a heading
    of the same or a higher level, or the end."""
    lines = text.split("\n")
    changed = True
    while changed:
        changed = False
        said = [i for i, line in enumerate(lines) if line.strip()]
        for k, i in enumerate(said):
            line = lines[i]
            after = lines[said[k + 1]] if k + 1 < len(said) else None
            next_heading = _HEADING.match(after) if after is not None else None
            heading = _HEADING.match(line)
            if heading:
                empty = after is None or (next_heading is not None and
                                          len(next_heading.group(1)) <= len(heading.group(1)))
            else:
                lead_in = line.rstrip().endswith(":") and not line.startswith(
                    (">", "-", "*", " ", "|")) and not re.match(r"\d+\. ", line)
                empty = lead_in and (after is None or next_heading is not None)
            if empty:
                del lines[i]
                changed = True
                break
    return "\n".join(lines)


def typeset_lines(markdown: str, verbatim: list[str]) -> str:
    """The template's own words in the house typography (curly marks, en dashes): every
    line except block quotes, code and lines holding a quotation, which stay as printed."""
    lines = []
    for line in markdown.split("\n"):
        keep = line.startswith((">", "    ", "```")) or "`" in line or "://" in line \
            or any(text in line for text in verbatim)
        lines.append(line if keep else typeset(line))
    return "\n".join(lines)


def render_markdown(brief: Brief, library: TemplateLibrary | None = None,
                    approval: Approval | None = None) -> str:
    """The brief as Markdown through its template. Raises TemplateError (file and line)."""
    library = library or default_library()
    text = library.render(f"{brief.template.id}.md.j2", template_context(brief, approval))
    # repeats first, then repeated advice: either may leave a heading with nothing under it
    return tidy(without_empty_parts(advice_once(without_repeats(typeset_lines(
        text, [inline(q.quote.text, quotation=True) for q in brief.quotes])))))
