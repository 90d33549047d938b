"""The Brief: what a communicator asked for, what was chosen and why.

`BriefInputs` is everything needed to build a brief again (a draft version stores it);
`Brief` is the result every renderer, check and screen works from.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..corpus.models import Audience, Fact, Quote, Source, Speaker, Theme

FRAME_FIELDS: tuple[str, ...] = (
    "goal",
    "audience",
    "message",
    "messenger",
    "media",
    "action",
    "monitoring",
)
"""The GAMMMA+ campaign frame, in order: Goal, Audience, Message, Messenger, Media,
Action (call to action) and Monitoring/evaluation."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefInputs(Model):
    """The communicator's choices. Equal inputs on an equal corpus give an equal brief."""

    theme: str
    audience: str
    template: str = "policy-brief"
    quotes: int | None = Field(None, ge=0, description="How many quotes; None: the template's")
    pins: list[str] = Field(default_factory=list, description="Quote ids that must appear")
    exclusions: list[str] = Field(default_factory=list, description="Quote ids that must not")
    order: list[str] = Field(
        default_factory=list, description="Quote ids in the order the communicator arranged"
    )
    frame: dict[str, str] = Field(
        default_factory=dict, description="Campaign-frame fields overriding the defaults"
    )


class CampaignFrame(Model):
    goal: str = ""
    audience: str = ""
    message: str = ""
    messenger: str = ""
    media: str = ""
    action: str = ""
    monitoring: str = ""

    def missing(self) -> list[str]:
        return [name for name in FRAME_FIELDS if not getattr(self, name).strip()]


class Reference(Model):
    """One numbered entry of the reference list."""

    number: int
    source: Source
    via: Source | None = None
    text: str = Field(description="The formatted citation, e.g. 'CBS News, quoted in ...'")


class Reason(Model):
    """Why an item was ranked where it was, in the communicator's words."""

    text: str
    weight: float = 0.0


class Candidate(Model):
    """A quote considered for the brief, chosen or not, with its rank and reasons."""

    quote: Quote
    speaker: Speaker
    score: float
    reasons: list[Reason]
    allowed: bool = Field(description="False when the audience may not see it (graphic)")
    pinned: bool = False
    excluded: bool = False
    chosen: bool = False
    fits: bool = Field(True, description="False when too long for the template's format")


class ChosenQuote(Model):
    number: int = Field(description="Position in the brief, from 1")
    quote: Quote
    speaker: Speaker
    references: list[int] = Field(description="Reference-list numbers citing it")
    reasons: list[Reason]
    pinned: bool = False

    @property
    def graphic(self) -> bool:
        return self.quote.graphic


class ChosenFact(Model):
    fact: Fact
    references: list[int]
    reasons: list[Reason]


class TemplateInfo(Model):
    id: str
    name: str
    description: str = ""
    audiences: list[str] = Field(default_factory=list)
    word_limit: int | None = None
    quotes: int = 4
    facts: int = 4
    file: str = ""
    media: str = Field("", description="Default Media line of the campaign frame")
    monitoring: str = Field("", description="Default Monitoring line of the campaign frame")
    pages: int | None = Field(
        None, description="A4 pages the audience part fits in the bundled fonts")
    quote_max_chars: int | None = Field(
        None, description="Longest quotation the format can carry (e.g. a 280-character post)"
    )


class Brief(Model):
    inputs: BriefInputs
    theme: Theme
    audience: Audience
    template: TemplateInfo
    frame: CampaignFrame
    quotes: list[ChosenQuote]
    facts: list[ChosenFact]
    references: list[Reference]
    originals: dict[str, Source] = Field(
        default_factory=dict, description="Outlets the documents read quote, by id")
    candidates: list[Candidate] = Field(description="Every quote considered, best first")
    content_note: str | None = Field(None, description="Set when any chosen quote is graphic")
    fingerprint: str = Field(description="Corpus and template the brief came from")
