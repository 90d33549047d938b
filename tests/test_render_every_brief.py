"""Every bundled theme x audience x template, as `assistant brief` writes it: no heading
or lead-in ("Points to make in support:") with nothing under it, and trainer voices
numbered in the order they are printed."""

from __future__ import annotations

import re
from functools import cache

import pytest

from assistant.compose import BriefInputs, TemplateCatalogue, compose_brief
from assistant.corpus import load_corpus
from assistant.paths import bundled_templates_dir
from assistant.render import render_markdown
from assistant.render.markdown import without_empty_parts

_HEADING = re.compile(r"^(#{1,6}) ")


@cache
def every_brief() -> tuple[tuple[str, str], ...]:
    corpus = load_corpus()
    templates = TemplateCatalogue(bundled_templates_dir())
    found = []
    for theme in corpus.themes:
        for audience in corpus.audiences:
            for template in templates.ids():
                if audience not in templates.info(template).audiences:
                    continue
                brief = compose_brief(corpus, BriefInputs(theme=theme, audience=audience,
                                                          template=template), templates)
                found.append((f"{theme}/{audience}/{template}", render_markdown(brief)))
    return tuple(found)


def empty_parts(markdown: str) -> list[str]:
    """Headings and lead-ins ending in ':' whose next line that says anything is a
    heading of the same or a higher level (for a lead-in: any heading), or the end."""
    said = [line for line in markdown.split("\n") if line.strip()]
    found = []
    for k, line in enumerate(said):
        after = said[k + 1] if k + 1 < len(said) else None
        next_heading = _HEADING.match(after) if after else None
        heading = _HEADING.match(line)
        if heading:
            empty = after is None or bool(next_heading and len(next_heading.group(1))
                                          <= len(heading.group(1)))
        else:
            empty = line.endswith(":") and not line.startswith((">", "-", " ")) and (
                after is None or bool(next_heading))
        if empty:
            found.append(line)
    return found


def test_the_bundled_combinations_are_all_rendered() -> None:
    assert len(every_brief()) >= 25


def test_no_bundled_brief_prints_a_heading_or_lead_in_with_nothing_under_it() -> None:
    empty = [f"{name}: {line!r}" for name, md in every_brief() for line in empty_parts(md)]
    assert empty == []


def test_trainer_notes_number_their_voices_in_the_order_printed() -> None:
    trainers = [(name, md) for name, md in every_brief() if name.endswith("/trainer-notes")]
    assert trainers
    for name, md in trainers:
        numbers = [int(n) for n in re.findall(r"(?m)^### Voice (\d+):", md)]
        assert numbers == list(range(1, len(numbers) + 1)), name


def test_the_brutality_policy_brief_keeps_its_support_points_only_with_points_under_them(
) -> None:
    md = dict(every_brief())["brutality-against-sunnis/policymakers/policy-brief"]
    assert empty_parts(md) == []
    if "Points to make in support:" in md:
        after = md.split("Points to make in support:", 1)[1].lstrip("\n")
        assert after.startswith("- ")


@pytest.mark.parametrize(("before", "after"), [
    ("## A\n\nLead:\n\n## B\n\nText\n", "## B\n\nText\n"),
    ("## A\n\nText\n\n## Empty\n\n## B\n\nMore\n", "## A\n\nText\n\n\n## B\n\nMore\n"),
    ("## A\n\nText\n\n### Sub\n\nMore\n", "## A\n\nText\n\n### Sub\n\nMore\n"),
    ("## A\n\nPoints:\n\n- one\n", "## A\n\nPoints:\n\n- one\n"),
    ("Text\n\n## Last\n", "Text\n"),
])
def test_an_empty_heading_or_lead_in_is_left_out(before: str, after: str) -> None:
    assert without_empty_parts(before).strip("\n") == after.strip("\n")
