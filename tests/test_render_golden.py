"""Golden Markdown for every bundled template, one theme and audience on the mini corpus.

A change to a template or to the ranking shows up here as a diff to review like code.
Regenerate deliberately with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.render import render_markdown

from .compose_helpers import brief, library, mini_corpus

GOLDEN = Path(__file__).parent / "golden"
THEME, AUDIENCE = "leaving-and-speaking-out", "policymakers"  # has a graphic quote and a dispute


def _audience(template: str) -> tuple[str, bool]:
    """An audience the template is written for, if the mini corpus has one; else
    policymakers, asked for anyway (the brief then says it is outside its audiences)."""
    written_for = library().info(template).audiences
    known = set(mini_corpus().audiences)
    chosen = next((a for a in written_for if a in known), None)
    return (chosen, False) if chosen else (AUDIENCE, True)


@pytest.mark.parametrize("template", library().ids())
def test_markdown_matches_the_reviewed_golden_file(template: str) -> None:
    audience, anyway = _audience(template)
    text = render_markdown(brief(THEME, audience, template=template, any_audience=anyway),
                           library())
    golden = GOLDEN / f"{template}--{THEME}--{audience}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file yet: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_text(encoding="utf-8")
