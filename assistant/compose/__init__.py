"""Choosing testimony and facts for a theme and an audience into a cited, explained Brief."""

from .brief import Brief, BriefInputs, CampaignFrame
from .build import compose_brief
from .catalogue import TemplateCatalogue
from .errors import BriefError, ChoiceRefused, TemplateError, UnknownId
from .explain import selection_report

__all__ = [
    "Brief",
    "BriefError",
    "BriefInputs",
    "CampaignFrame",
    "ChoiceRefused",
    "TemplateCatalogue",
    "TemplateError",
    "UnknownId",
    "compose_brief",
    "selection_report",
]
