"""The corpus: sources, speakers, quotes, facts, themes and audiences.

Every model forbids unknown keys, so a misspelt field in a hand-edited YAML file is
reported rather than silently ignored.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=80),
]
"""Lower-case letters, digits and hyphens: stable, readable, safe in a file name."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The same dates as a pattern an editor can check: no 2015-02-30, no 2015-02-29.
_LEAP = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_REAL_DATE = (r"^(?:\d{4}(?:-(?:0[1-9]|1[0-2]))?|\d{4}-(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])"
              r"|\d{4}-(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|\d{4}-02-(?:0[1-9]|1\d|2[0-8])"
              rf"|{_LEAP}-02-29)$")


def _partial_date(value: Any) -> Any:
    """Accept a date, a year or a year-month: sources often give no more than that."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str):
        if not _PARTIAL_DATE.match(value):
            raise ValueError("a date must be written YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in value.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date") from exc
        return value
    raise ValueError("a date must be written YYYY, YYYY-MM or YYYY-MM-DD")


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    # YAML reads `published: 2014` as a number; editors must accept what the loader accepts
    WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": _REAL_DATE},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ]}),
]
"""An ISO date that may stop at the year or the month ("2014", "2015-09", "2015-09-20")."""


def earliest_day(value: str) -> date:
    """The first day a partial date can mean, used to spot dates in the future."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class SourceKind(StrEnum):
    news = "news"
    report = "report"
    broadcast = "broadcast"
    op_ed = "op-ed"
    interview = "interview"
    blog = "blog"
    other = "other"


class Source(Strict):
    """Where something was published. `outlet` is None when the copy we read does not name it."""

    id: Id
    outlet: str | None = Field(None, description="Publisher as printed; omit if the copy names none")
    short_name: str | None = Field(
        None, description="How a brief names it in running text, e.g. 'the UK think-tank "
                          "article' (default: the outlet, else the author, else the title)")
    title: NonEmpty
    author: str | None = None
    published: PartialDate | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    address: str | None = Field(None, description="Web address, if known")
    kind: SourceKind = SourceKind.news
    note: str | None = Field(None, description="Anything a reader of the citation should know")


class Role(StrEnum):
    defector = "defector"
    expert = "expert"
    official = "official"
    report = "report"
    journalist = "journalist"
    other = "other"


class NameDisclosure(StrEnum):
    none = "none"
    first_name = "first-name"
    full_name = "full-name"


class Identity(Strict):
    """What has been made public about a speaker. A brief must never reveal more."""

    public: NameDisclosure = NameDisclosure.none
    name: str | None = Field(None, description="The name exactly as published, if any")
    place: str | None = Field(None, description="A place published with the speaker, if any")
    age: int | None = Field(None, ge=0, le=120)


class Speaker(Strict):
    id: Id
    label: NonEmpty = Field(description="How the source describes the speaker")
    role: Role
    identity: Identity = Identity()
    gender: str | None = Field(None, description="Only if published")
    origin: str | None = Field(None, description="Only if published")
    affiliation: str | None = None


class Citation(Strict):
    """Where a quotation or figure was read, and the original outlet when that was quoted."""

    source: Id = Field(description="The source in which it was read")
    via: Id | None = Field(None, description="The original source the reader quoted, if any")


class ThemeLink(Strict):
    theme: Id
    strength: int = Field(2, ge=1, le=3, description="1 touches on, 2 supports, 3 states the theme")


class Quote(Strict):
    id: Id
    text: NonEmpty = Field(description="Verbatim, character for character as printed")
    speaker: Id
    sources: list[Citation] = Field(min_length=1)
    themes: list[ThemeLink] = Field(default_factory=list)
    tags: list[Id] = Field(
        default_factory=list,
        description="At least `graphic` for atrocities, `threat` for threats of violence")
    follows: Id | None = Field(
        None, description="The quote this one answers or continues (e.g. the caveat before "
                          "its 'But...'): a brief uses both or neither")
    same_as: Id | None = Field(
        None, description="The same remark as another report prints it; a brief uses one")
    gloss: str | None = Field(
        None, description="Words the outlet added inside the quotation, e.g. '(another name "
                          "for ISIS)'; the wording without them is preferred")
    post_copy: str | None = Field(
        None, description="One sentence in our own words to post beside the quotation")
    context: str | None = Field(
        None, description="One line in our own words on the circumstances; briefs print it"
    )
    note: str | None = Field(  # repr=False: not even a template printing a record shows it
        None, description="For curators only (related quotes, doubts); never printed", repr=False
    )

    @property
    def graphic(self) -> bool:
        return "graphic" in self.tags

    @property
    def threat(self) -> bool:
        return "threat" in self.tags

    def strength_for(self, theme_id: str) -> int:
        return max((link.strength for link in self.themes if link.theme == theme_id), default=0)


_FLAG_WORDS = re.compile(r"^(?:[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF|[Tt]rue|TRUE|[Ff]alse|FALSE)$")


def _figure_value(value: Any) -> Any:
    # YAML 1.1 reads yes/no/on/off/true/false as booleans, YAML 1.2 editors as text: refuse
    # both, so that the loader and the schema agree and no figure means "true"
    if isinstance(value, bool) or (isinstance(value, str) and _FLAG_WORDS.match(value)):
        raise ValueError("should be a number or text, not yes/no/on/off/true/false "
                         "(write what the figure means, e.g. 58 or \"2015-09-21\")")
    return value


FigureValue = Annotated[
    float | str | None,
    BeforeValidator(_figure_value),
    WithJsonSchema({"anyOf": [
        {"type": "number"},
        {"type": "string", "not": {"pattern": _FLAG_WORDS.pattern}},
        {"type": "null"},
    ]}),
]
"""A figure's meaning: a number, or text such as an ISO date; never a bare yes/no."""


class FactSource(Strict):
    """One source's version of a figure: disagreements are kept, never resolved silently."""

    source: Id
    via: Id | None = None
    figure: NonEmpty = Field(description="The figure as that source prints it")
    value: FigureValue = Field(
        None, description="What the figure means: a number, or an ISO date for a date"
    )


class Fact(Strict):
    id: Id
    statement: NonEmpty
    value: FigureValue = None
    unit: str | None = None
    as_of: PartialDate | None = Field(None, description="When the data describes")
    sources: list[FactSource] = Field(min_length=1)
    conflict_note: str | None = None
    dates: Id | None = Field(
        None, description="The source whose publication date this fact gives: a brief that "
                          "names that source dates it with every version")

    @property
    def disagreeing(self) -> bool:
        """True when the sources give different values for the same figure."""
        return len({s.value for s in self.sources if s.value is not None}) > 1

    @property
    def corroborated(self) -> bool:
        return len({s.source for s in self.sources}) > 1


_PLACEHOLDERS = re.compile(
    r"^\s*(?:(?:tbd|tbc|todo|to do|fixme)\b.*|xxx+|\?+|\.\.\.|…|-+|n/?a)\s*$",
    re.IGNORECASE | re.DOTALL)


def is_placeholder(text: str) -> bool:
    """True for a campaign-frame line nobody has written yet: empty, 'TBD', 'TODO', '...'."""
    return not text.strip() or bool(_PLACEHOLDERS.match(text))


def _written(value: Any) -> Any:
    if isinstance(value, str) and is_placeholder(value):
        raise ValueError(f"{value!r} is a placeholder; write the line or leave the field out")
    return value


Written = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_written)]
"""A line a person has written: not empty, not 'TBD' or 'TODO'."""


class FrameText(Strict):
    """The campaign frame's own lines for one theme and audience, written by a person."""

    goal: Written = Field(description="What should change for this audience, in our words")
    action: Written = Field(description="What we ask this audience to do")
    outcome: Written = Field(description="The sign that it worked (an outcome, not reach)")
    harm: Written = Field(description="The sign that it did harm, and what we do then")


class Theme(Strict):
    id: Id
    title: NonEmpty
    claim: NonEmpty = Field(description="The narrative in ICSR's words")
    number: int | None = Field(None, ge=1, description="ICSR's numbering, if any")
    summary: NonEmpty
    key_messages: list[NonEmpty] = Field(default_factory=list)
    pitfalls: list[NonEmpty] = Field(default_factory=list)
    related_facts: list[Id] = Field(
        default_factory=list, description="Facts that support this theme, in order of use")
    frames: dict[Id, FrameText] = Field(
        default_factory=dict, description="Campaign-frame lines per audience id")
    discussion: list[NonEmpty] = Field(
        default_factory=list, description="Discussion questions for trainers, per theme")


class Audience(Strict):
    id: Id
    name: NonEmpty
    description: NonEmpty
    tone: NonEmpty
    reading_ease: float = Field(ge=0, le=100, description="Flesch reading-ease target (minimum)")
    word_limit: int = Field(gt=0)
    graphic_allowed: bool = False
    threat_allowed: bool = Field(
        False, description="Whether quotes tagged `threat` (threats of violence) may appear")
    kept_out: list[Id] = Field(
        default_factory=list, description="Quote tags this audience is never shown "
                                          "(e.g. intelligence-value)")
    messengers: list[Role] = Field(
        min_length=1, description="Roles this audience trusts, most trusted first"
    )
    messenger_guidance: NonEmpty
    call_to_action: NonEmpty
    frame: FrameText | None = Field(
        None, description="Default campaign-frame lines for a theme with none of its own")


class ChartKind(StrEnum):
    bar = "bar"
    pie = "pie"
    figures = "figures"  # the facts as sentences, where the numbers make no whole


class ChartPart(Strict):
    """One bar or slice: a fact's figure under a label in our own words."""

    fact: Id
    label: NonEmpty = Field(description="Short label for the bar or slice, e.g. 'Syria'")


class Chart(Strict):
    """A picture of some facts for the trainer's deck; the numbers always come from the facts."""

    id: Id
    title: NonEmpty
    kind: ChartKind = ChartKind.bar
    parts: list[ChartPart] = Field(min_length=1)
    whole: Id | None = Field(None, description="A fact giving the total the parts divide")
    note: str | None = Field(None, description="Printed under the chart, e.g. what it leaves out")


LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
"""A BCP 47 language tag as documents declare it: en-GB, fr, pt-BR, sr-Latn-RS."""


class CorpusFile(Strict):
    """One YAML file of the corpus: any mix of the six kinds of record, and (in one file
    only) the language the corpus is written in."""

    language: str | None = Field(
        None, pattern=LANGUAGE_TAG,
        description="The language the corpus is written in, as a language tag such as "
                    "en-GB: exported briefs declare it (set in one file only)")

    sources: list[Source] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    charts: list[Chart] = Field(default_factory=list)


KINDS = ("sources", "speakers", "quotes", "facts", "themes", "audiences", "charts")
