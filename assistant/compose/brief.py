"""The Brief: what a communicator asked for, what was chosen and why.

`BriefInputs` is everything needed to build a brief again (a draft version stores it);
`Brief` is the result every renderer, check and screen works from.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..corpus.models import Audience, Fact, Quote, Source, Speaker, Theme, is_placeholder

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
    fact_pins: list[str] = Field(default_factory=list, description="Fact ids that must appear")
    exclusions: list[str] = Field(default_factory=list, description="Quote ids that must not")
    order: list[str] = Field(
        default_factory=list, description="Quote ids in the order the communicator arranged"
    )
    frame: dict[str, str] = Field(
        default_factory=dict, description="Campaign-frame fields overriding the defaults"
    )
    any_audience: bool = Field(
        False, description="Use the template although the audience is not among its own")


class CampaignFrame(Model):
    goal: str = ""
    audience: str = ""
    message: str = ""
    messenger: str = ""
    media: str = ""
    action: str = ""
    monitoring: str = ""

    def missing(self) -> list[str]:
        """Fields left empty or holding a placeholder such as 'TBD'."""
        return [name for name in FRAME_FIELDS if is_placeholder(getattr(self, name))]


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
    allowed: bool = Field(description="False when the audience's rules keep it out")
    pinned: bool = False
    excluded: bool = False
    chosen: bool = False
    fits: bool = Field(True, description="False when too long for the template's format")
    remark: list[str] = Field(
        default_factory=list, description="The quotes used together with this one (itself "
                                          "included), caveat first: all of them or none")


class ChosenQuote(Model):
    number: int = Field(description="Position in the brief, from 1")
    quote: Quote
    speaker: Speaker
    references: list[int] = Field(description="Reference-list numbers citing it")
    reasons: list[Reason]
    pinned: bool = False
    part_of: str | None = Field(
        None, description="The first quote of the remark this one continues or answers")

    @property
    def graphic(self) -> bool:
        return self.quote.graphic

    @property
    def defector(self) -> bool:
        """Said by someone who left the group: only these go under 'people who left'."""
        return self.speaker.role.value == "defector"


class ChosenFact(Model):
    fact: Fact
    references: list[int]
    reasons: list[Reason]
    pinned: bool = False
    text: str = Field("", description="The readable line a brief prints, every version "
                                      "of a disputed figure with its sources")


class Post(Model):
    """One social post: our line, the quotation (with its pair), who, where and when."""

    number: int
    text: str = Field(description="Everything the reader sees, within the post limit")
    quotes: list[str] = Field(description="Quote ids in the post")
    references: list[int]


class Notice(Model):
    """Something missing or thin, in plain words, for the reader, the team, or both."""

    kind: str = Field(description="no-defector-voice, few-quotes, few-posts, "
                                  "outside-audiences or frame-default")
    text: str
    for_reader: bool = Field(False, description="Printed in the audience's part too")


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
    monitoring: str = Field("", description="How reach is counted for this format (the "
                                            "Monitoring line adds outcome and harm)")
    pages: int | None = Field(
        None, description="A4 pages the audience part fits in the bundled fonts")
    post_chars: int | None = Field(
        None, description="Longest post, counting everything the reader sees (e.g. 280)")
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
    candidates: list[Candidate] = Field(description="The best quotes considered, best "
                                        "first, with every chosen, pinned or excluded one")
    considered: int = Field(0, description="How many quotes the choice weighed: every one "
                                           "linked to the theme, and every pinned one")
    content_note: str | None = Field(None, description="Set when any chosen quote is graphic")
    fingerprint: str = Field(description="Corpus and template the brief came from")
    posts: list[Post] = Field(default_factory=list, description="For formats with post_chars")
    notices: list[Notice] = Field(default_factory=list, description="What is missing or thin")
    about: str = Field("", description="When the material dates from, and the report's date")
    others_heading: str = Field("", description="Heading for quotes from people who did "
                                                "not leave: researchers, officials, the report")

    @property
    def defector_quotes(self) -> list[ChosenQuote]:
        return [q for q in self.quotes if q.defector]

    @property
    def other_quotes(self) -> list[ChosenQuote]:
        return [q for q in self.quotes if not q.defector]

    @property
    def reader_notices(self) -> list[Notice]:
        return [n for n in self.notices if n.for_reader]
