"""The do-no-harm and credibility checks every brief passes before anyone sends it.

Each check is a plain function from a `CheckInput` to a list of `Finding`s, registered
below. `check_markdown` runs the text checks on a Markdown brief (hand-edited or
rendered); `check_brief` adds the checks that need the `Brief` model itself.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from ..compose.brief import Brief, CampaignFrame, TemplateInfo
from ..corpus import Audience, Corpus
from .amplification import check_amplification
from .attribution import check_attribution
from .audience_fit import check_audience_fit
from .citations import check_citations
from .context import CheckInput
from .cuts import check_cuts
from .document import parse
from .fidelity import check_fidelity
from .figures import check_figures
from .findings import Finding, Severity, count_errors, dedupe, findings_json, sort_findings
from .frame import check_frame
from .graphic import check_graphic, check_graphic_model
from .integrity import check_integrity
from .messenger import check_messenger
from .tone import check_tone
from .vocabulary import VocabularyError, one_reading

Check = Callable[[CheckInput], list[Finding]]

MARKDOWN_CHECKS: dict[str, Check] = {
    "fidelity": check_fidelity,
    "cuts": check_cuts,
    "attribution": check_attribution,
    "citations": check_citations,
    "figures": check_figures,
    "graphic-content": check_graphic,
    "messenger-safety": check_messenger,
    "amplification": check_amplification,
    "tone": check_tone,
    "audience-fit": check_audience_fit,
    "campaign-frame": check_frame,
    "review-integrity": check_integrity,
}
"""Checks that read the text, in the order their findings are best read."""

BRIEF_CHECKS: dict[str, Check] = {"graphic-content": check_graphic_model}
"""Checks that read the Brief model (run by check_brief after the text checks)."""


def check_markdown(text: str, corpus: Corpus, audience: Audience | None = None,
                   template: TemplateInfo | None = None, frame: CampaignFrame | None = None,
                   today: date | None = None, *, approved: bool = False,
                   strict: bool = False) -> list[Finding]:
    """Every text check on a Markdown brief, findings sorted errors first.

    `today` dates the staleness check of figures; without it that check is skipped.
    `approved` is the review layer's word that this text is the approved version (only
    then may it carry an "Approved by" line); `strict` makes the warnings that --strict
    refuses (a brief without quotations) errors. The time taken grows linearly with the
    length of the text. Raises VocabularyError if an editable word list cannot be read.
    """
    with _no_collection():
        ci = CheckInput(parse(text), corpus, audience, template, frame, today,
                        approved=approved, strict=strict)
        return _run(ci, MARKDOWN_CHECKS)


def check_brief(brief: Brief, markdown: str, corpus: Corpus,
                today: date | None = None, *, approved: bool = False,
                strict: bool = False) -> list[Finding]:
    """The text checks on the rendered brief plus the checks of the Brief model."""
    with _no_collection():
        ci = CheckInput(parse(markdown), corpus, brief.audience, brief.template, brief.frame,
                        today, brief, approved=approved, strict=strict)
    return _run(ci, {**{f"text:{k}": v for k, v in MARKDOWN_CHECKS.items()},
                     **{f"model:{k}": v for k, v in BRIEF_CHECKS.items()}})


def _run(ci: CheckInput, checks: dict[str, Check]) -> list[Finding]:
    findings: list[Finding] = []
    with _no_collection(), one_reading():
        for check in checks.values():
            findings.extend(check(ci))
    return sort_findings(dedupe(findings))


_PAUSED = {"depth": 0, "was_enabled": False}
_PAUSE_LOCK = threading.Lock()


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while the checks run. They make many small
    objects that die young and hold no cycles, and each collection would walk everything
    alive, the whole corpus included: a quarter of the time of a large check. Nested or
    concurrent checks (the app checks in a worker thread) resume it when the last ends."""
    with _PAUSE_LOCK:
        if _PAUSED["depth"] == 0:
            _PAUSED["was_enabled"] = gc.isenabled()
            gc.disable()
        _PAUSED["depth"] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _PAUSED["depth"] -= 1
            if _PAUSED["depth"] == 0 and _PAUSED["was_enabled"]:
                gc.enable()


__all__ = [
    "BRIEF_CHECKS",
    "MARKDOWN_CHECKS",
    "CheckInput",
    "Finding",
    "Severity",
    "VocabularyError",
    "check_brief",
    "check_markdown",
    "count_errors",
    "findings_json",
    "sort_findings",
]
