"""The GAMMMA+ campaign frame: lines written per theme and audience in the corpus, the
audience's own as a fallback, then the communicator's overrides.

Nothing here is interpolated into a sentence: goal, action, outcome and harm are written
by a person (`themes.yaml`, `frames:`), so they can say what fits the theme and audience.
"""

from __future__ import annotations

from ..corpus.models import Audience, FrameText, Theme
from .brief import FRAME_FIELDS, CampaignFrame, TemplateInfo
from .errors import UnknownId


def frame_text(theme: Theme, audience: Audience) -> FrameText | None:
    """The theme's lines for this audience, else the audience's default, else None."""
    return theme.frames.get(audience.id) or audience.frame


def monitoring_line(text: FrameText, template: TemplateInfo) -> str:
    """An outcome and a harm indicator first; how reach is counted for the format after."""
    line = f"Outcome: {text.outcome} Harm: {text.harm}"
    return f"{line} Reach: {template.monitoring}" if template.monitoring else line


def default_frame(theme: Theme, audience: Audience, template: TemplateInfo) -> CampaignFrame:
    """What the corpus says for this theme and audience; every line can be overridden.
    Without written lines, goal, action and monitoring stay empty (a finding)."""
    text = frame_text(theme, audience)
    return CampaignFrame(
        goal=text.goal if text else "",
        audience=audience.description,
        message=theme.key_messages[0] if theme.key_messages else theme.claim,
        messenger=audience.messenger_guidance,
        media=template.media or template.name,
        action=text.action if text else "",
        monitoring=monitoring_line(text, template) if text else "",
    )


def campaign_frame(theme: Theme, audience: Audience, template: TemplateInfo,
                   overrides: dict[str, str]) -> CampaignFrame:
    """The default frame with the communicator's own lines; UnknownId for a bad field."""
    for name in overrides:
        if name not in FRAME_FIELDS:
            raise UnknownId("frame field", name, list(FRAME_FIELDS))
    frame = default_frame(theme, audience, template)
    return frame.model_copy(update={k: v.strip() for k, v in overrides.items()})
