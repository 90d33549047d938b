"""What a deck is made of. Plain frozen data: the TUI, PPTX and HTML writers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SlideKind(StrEnum):
    cover = "title"  # the opening slide
    chart = "chart"  # a bar or pie chart drawn from facts
    figures = "figures"  # facts as sentences, with their sources
    claim = "claim"  # a theme's narrative, opening its section
    content_note = "content-note"  # before graphic testimony; the trainer may skip it
    voice = "voice"  # one quotation from someone who left
    gap = "gap"  # the corpus has too few voices of people who left for this theme
    questions = "questions"
    sources = "sources"
    approval = "approval"  # an approved deck's last slide: who approved which version


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float
    fact: str  # the fact id the number comes from
    given_by: str = ""  # set when sources disagree: whose version this bar shows


@dataclass(frozen=True)
class Chart:
    title: str
    kind: str  # bar | pie
    bars: tuple[ChartBar, ...]
    unit: str
    whole: float | None  # the total the bars divide, when a fact gives it
    source_line: str  # "Sources: ... [1, 2]; as of August 2015"
    note: str = ""

    def alt_text(self) -> str:
        """The chart in one sentence, for screen readers and presenter notes."""
        parts = "; ".join(f"{b.label}{f' ({b.given_by})' if b.given_by else ''} "
                          f"{_number(b.value)}" for b in self.bars)
        whole = f" (out of {_number(self.whole)})" if self.whole is not None else ""
        return f"{self.title}: {parts}{whole}."


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class Voice:
    text: str  # verbatim, as in the corpus
    attribution: str  # "a 26-year-old Syrian fighter"
    references: tuple[int, ...]
    graphic: bool
    context: str = ""
    quote_id: str = ""


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    title: str
    section: int  # 0: who the defectors are; 1..n: the themes in corpus order
    lines: tuple[str, ...] = ()
    notes: str = ""
    chart: Chart | None = None
    voice: Voice | None = None
    skip_to: int | None = None  # content notes: the first slide after the graphic testimony


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    status: str  # DRAFT until approved
    sections: tuple[str, ...]  # section titles, index = Slide.section
    slides: tuple[Slide, ...]
    references: tuple[tuple[int, str], ...] = field(default=())
    keys: tuple[str, ...] = field(default=())  # the key that jumps to each section ("" none)

    def section_for_key(self, key: str) -> int | None:
        """The section a number key jumps to: N is "Narrative N", 0 the opening."""
        if key in self.keys:
            return self.keys.index(key)
        return 0 if key == "0" else None

    def first_of_section(self, section: int) -> int | None:
        """Index of the first slide of a section, or None when there is no such section."""
        return next((i for i, s in enumerate(self.slides) if s.section == section), None)
