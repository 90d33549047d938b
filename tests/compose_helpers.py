"""Shared by the compose/render/CLI tests: the mini corpus and the bundled templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.compose import Brief, BriefInputs, compose_brief
from assistant.corpus import Corpus, load_corpus
from assistant.paths import bundled_templates_dir
from assistant.render import TemplateLibrary

MINI = Path(__file__).parent / "fixtures" / "mini_corpus"
TODAY = date(2026, 1, 1)


def mini_corpus() -> Corpus:
    return load_corpus(MINI, today=TODAY)


def library() -> TemplateLibrary:
    return TemplateLibrary(bundled_templates_dir())


def brief(theme: str = "harsh-life", audience: str = "young-people", **options: object) -> Brief:
    """A brief from the mini corpus. Selection tests use any template with any audience
    (`any_audience`); the rule that refuses them is tested on its own."""
    options.setdefault("any_audience", True)
    inputs = BriefInputs(theme=theme, audience=audience, **options)  # type: ignore[arg-type,unused-ignore]
    return compose_brief(mini_corpus(), inputs, library())
