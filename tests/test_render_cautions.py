"""Each caution and discussion question said once: across every theme, audience and
template the bundled files allow, no two cautions (or questions) in one document give the
same advice in other words ("mocking" for "mock", "the data" for "a figure"), and no two
themes' trainer notes put the same question to the room."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from markdown_it import MarkdownIt

from assistant.compose import BriefInputs, compose_brief
from assistant.corpus import load_corpus
from assistant.render import render_markdown
from assistant.render.repeats import same_advice
from assistant.train import SlideKind, build_deck

from .compose_helpers import library
from .test_render_repeats import allowed

LISTS = ("Avoid", "Handle with care", "Facilitation cautions", "Discussion questions")


def _lists(markdown: str) -> dict[str, list[str]]:
    """The items of each caution or question list, by heading."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: dict[str, list[str]] = {}
    heading = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content if tokens[index + 1].content in LISTS else None
        elif token.type == "list_item_open" and heading:
            found.setdefault(heading, []).append(tokens[index + 2].content)
    return found


def _rendered() -> list[tuple[str, str, str, dict[str, list[str]]]]:
    corpus, lib = load_corpus(today=date(2026, 1, 1)), library()
    return [(template, theme, audience, _lists(render_markdown(compose_brief(
        corpus, BriefInputs(theme=theme, audience=audience, template=template), lib), lib)))
        for template, theme, audience in allowed()]


def test_no_two_cautions_or_questions_in_any_allowed_brief_give_the_same_advice() -> None:
    rendered = _rendered()
    assert len(rendered) == 60
    assert sum(1 for *_, lists in rendered if lists) == 60  # every brief has cautions
    repeats = [(template, theme, audience, heading, one, other)
               for template, theme, audience, lists in rendered
               for heading, items in lists.items()
               for one, other in itertools.combinations(items, 2)
               if same_advice(one, other)]
    assert not repeats, repeats[:5]


def test_two_themes_trainer_notes_share_no_discussion_question() -> None:
    asked = {(theme, audience): lists["Discussion questions"]
             for template, theme, audience, lists in _rendered()
             if template == "trainer-notes"}
    assert len({theme for theme, _ in asked}) == 5
    shared = [(one, other, q) for one, other in itertools.combinations(asked, 2)
              if one[0] != other[0]
              for q in asked[one] for r in asked[other] if q == r or same_advice(q, r)]
    assert not shared, shared[:3]


def test_every_bundled_theme_has_questions_of_its_own_no_other_theme_asks() -> None:
    corpus = load_corpus(today=date(2026, 1, 1))
    for one, other in itertools.combinations(corpus.themes.values(), 2):
        assert one.discussion and other.discussion
        assert not set(one.discussion) & set(other.discussion), (one.id, other.id)


def test_no_two_cautions_in_a_trainers_deck_give_the_same_advice() -> None:
    corpus = load_corpus(today=date(2026, 1, 1))
    for audience in ("workshop", "community-leaders"):
        deck = build_deck(corpus, audience=audience)
        for slide in deck.slides:
            if slide.kind != SlideKind.questions:
                continue
            cautions = slide.notes.split("Keep in mind: ", 1)[1].split(". ")
            repeats = [(a, b) for a, b in itertools.combinations(cautions, 2)
                       if same_advice(a, b)]
            assert not repeats, (audience, slide.section, repeats[:3])


@pytest.mark.parametrize(("one", "other"), [
    # from the issue: a template's caution and a theme's pitfall
    ("Lecturing or mocking people who were drawn in; let the speakers' experience carry "
     "the point.", "Do not mock the people who were drawn in by the promises."),
    ("Let the room reach its own conclusions; do not lecture, and do not mock people who "
     "were drawn in.", "Do not mock the people who were drawn in by the promises."),
    ("The material describes 2014–15; say “as of” when you quote a figure.",
     "The data are from 2014-2015; say \"as of\" when you use them."),
    # the same question, reworded
    ("What did these speakers expect, and what did they find instead?",
     "What did the speakers expect to find, and what did they find?"),
])
def test_the_same_advice_in_other_words_is_caught(one: str, other: str) -> None:
    assert same_advice(one, other) and same_advice(other, one)


@pytest.mark.parametrize(("one", "other"), [
    # both forbid mocking, but one is about faith: two pieces of advice
    ("Do not mock the faith of the audience or of the people who joined.",
     "Let the room reach its own conclusions; do not lecture, and do not mock people who "
     "were drawn in."),
    ("Do not set yourself up as a religious authority or lecture anyone on Islam; let "
     "defectors and credible religious voices make the religious argument.",
     "Lecturing or mocking people who were drawn in; let the speakers' experience carry "
     "the point."),
    ("Do not overstate the numbers. The count of public defectors ends in August 2015.",
     "The material describes 2014–15; say “as of” when you quote a figure."),
    ("Who should make a religious argument against the group, and who should not?",
     "Why might favouritism by commanders matter to someone who joined for a cause?"),
])
def test_different_advice_is_not_taken_for_a_repeat(one: str, other: str) -> None:
    assert not same_advice(one, other)
