"""The GAMMMA+ campaign frame: defaults from theme, audience and template, then overrides."""

from __future__ import annotations

from ..corpus.models import Audience, Theme
from .brief import FRAME_FIELDS, CampaignFrame, TemplateInfo
from .errors import UnknownId
from .select import audience_words, in_sentence

DEFAULT_MONITORING = (
    "Note where and when it was used; collect questions and objections it drew; "
    "review with the team after four weeks."
)


def default_frame(theme: Theme, audience: Audience, template: TemplateInfo) -> CampaignFrame:
    """What a communicator would write first; every line can be overridden."""
    return CampaignFrame(
        goal=f"Show {audience_words(audience)}, through the words of people who left, "
             f"that {in_sentence(theme.claim.strip().rstrip('.'))}.",
        audience=audience.description,
        message=theme.key_messages[0] if theme.key_messages else theme.claim,
        messenger=audience.messenger_guidance,
        media=template.media or template.name,
        action=audience.call_to_action,
        monitoring=template.monitoring or DEFAULT_MONITORING,
    )


def campaign_frame(theme: Theme, audience: Audience, template: TemplateInfo,
                   overrides: dict[str, str]) -> CampaignFrame:
    """The default frame with the communicator's own lines; UnknownId for a bad field."""
    for name in overrides:
        if name not in FRAME_FIELDS:
            raise UnknownId("frame field", name, list(FRAME_FIELDS))
    frame = default_frame(theme, audience, template)
    return frame.model_copy(update={k: v.strip() for k, v in overrides.items()})
