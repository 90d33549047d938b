"""Shared by the checks' tests: a small corpus, a clean brief, and variants of it."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from assistant.checks import Finding, check_markdown
from assistant.compose.brief import CampaignFrame, TemplateInfo
from assistant.corpus import Corpus, load_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
CORPUS_DIR = FIXTURES / "corpus"
CLEAN = (FIXTURES / "clean-brief.md").read_text(encoding="utf-8")
TODAY = date(2026, 1, 1)


@cache
def corpus() -> Corpus:
    return load_corpus(CORPUS_DIR)


def variant(old: str, new: str, text: str = CLEAN) -> str:
    """The clean brief with one passage changed (the passage must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def run(text: str, audience: str | None = "young-people", template: TemplateInfo | None = None,
        frame: CampaignFrame | None = None, today: date = TODAY) -> list[Finding]:
    c = corpus()
    return check_markdown(text, c, audience=c.audiences[audience] if audience else None,
                          template=template, frame=frame, today=today)


def of(findings: list[Finding], check: str) -> list[tuple[str, str, int | None]]:
    """(severity, message, line) of one check's findings: what a user reads."""
    return [(f.severity.value, f.message, f.line) for f in findings if f.check == check]
