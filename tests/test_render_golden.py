"""Golden Markdown for every bundled template, one theme and audience on the mini corpus.

A change to a template or to the ranking shows up here as a diff to review like code.
Regenerate deliberately with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.render import render_markdown

from .compose_helpers import brief, library

GOLDEN = Path(__file__).parent / "golden"
THEME, AUDIENCE = "leaving-and-speaking-out", "policymakers"  # has a graphic quote and a dispute


@pytest.mark.parametrize("template", library().ids())
def test_markdown_matches_the_reviewed_golden_file(template: str) -> None:
    text = render_markdown(brief(THEME, AUDIENCE, template=template), library())
    golden = GOLDEN / f"{template}--{THEME}--{AUDIENCE}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file yet: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_text(encoding="utf-8")
