"""Nothing said twice in what the audience reads: across every theme, audience and
template the bundled files allow, no two sentences say the same thing, in the same words
or in others ("two" for "2", "chosen" for "selected", a figure and a point about it)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from assistant.compose import BriefInputs, compose_brief
from assistant.corpus import load_corpus
from assistant.render import render_markdown
from assistant.render.repeats import says_the_same, without_repeats

from .compose_helpers import library
from .print_helpers import audience_sentences


def allowed() -> list[tuple[str, str, str]]:
    corpus = load_corpus(today=date(2026, 1, 1))
    return [(info.id, theme, audience)
            for info in library().infos()
            for theme, audience in itertools.product(sorted(corpus.themes), info.audiences)
            if audience in corpus.audiences]


def test_no_two_sentences_of_any_allowed_brief_say_the_same_thing() -> None:
    corpus, lib = load_corpus(today=date(2026, 1, 1)), library()
    cases = allowed()
    assert len(cases) == 60
    repeats = []
    for template, theme, audience in cases:
        b = compose_brief(corpus, BriefInputs(theme=theme, audience=audience,
                                              template=template), lib)
        said = audience_sentences(render_markdown(b, lib))
        repeats += [(template, theme, audience, one, other)
                    for one, other in itertools.combinations(said, 2)
                    if says_the_same(one, other)]
    assert not repeats, repeats[:5]


@pytest.mark.parametrize(("one", "other"), [
    # from the issue: other words, a number for "some", "chosen" for "selected"
    ("Some defectors left when they found out they had been chosen as suicide bombers.",
     "Two defectors left after finding out they had been selected as suicide bombers. [4, 5]"),
    ("Some left after learning they had been selected as suicide bombers.",
     "Two defectors left after finding out they had been selected as suicide bombers."),
    # the shorter is all in the longer, though the longer says much more
    ("Hundreds are thought to have left the Islamic State; most have gone into hiding.",
     "Leaving the Islamic State is dangerous: it treats defectors as apostates, most of the "
     "hundreds thought to have left have gone into hiding."),
    # a figure and a point that give the same number about the same thing
    ("Seven of the defectors who spoke out were women.",
     "- **Figure:** 7 women defectors spoke out publicly [2] _(as of August 2015)_"),
    ("Ibrahim, a Western fighter, told CBS that it was not all military parades and "
     "victories.",
     "The videos online show parades and victories; Ibrahim, a Western fighter who left, "
     "told CBS that is not the whole story."),
    # who reports it is not what is said: a clause of a summary and a reported point
    ("daily life brought shortages such as electricity, far from the paradise in the "
     "propaganda.",
     "The Washington Post reports that daily life brought problems such as electricity "
     "shortages."),
    ("According to the report, the defectors had joined for material reasons.",
     "The defectors had joined for material reasons."),
])
def test_the_same_thing_said_in_other_words_is_caught(one: str, other: str) -> None:
    assert says_the_same(one, other) and says_the_same(other, one)


@pytest.mark.parametrize(("one", "other"), [
    ("Life under IS was harsh.", "Defectors found the fighting brutal."),
    # two posts by one speaker: the quotations differ, the attributions do not count
    ("What he found: “It’s not all military parades, or it’s not all victories.” — a "
     "Western fighter named Ibrahim (CBS via New York Times, 2015)",
     "A man who went says this: “A lot of people when they come, they have a lot of "
     "enthusiasm” — a Western fighter named Ibrahim (CBS via New York Times, 2015)"),
    # the same number about different things
    ("Seven of the defectors were women.", "Seven defectors were killed by the group."),
    # the same year and outlet are not the same figure
    ("The material in this brief describes 2014–15, as the New York Times reported.",
     "A Syrian fighter who left spoke to NPR in 2015, as the New York Times reported."),
    # the same outlet reporting two different things
    ("The Washington Post reports that daily life brought electricity shortages.",
     "The Washington Post reports that most defectors went into hiding."),
])
def test_different_things_are_not_taken_for_repeats(one: str, other: str) -> None:
    assert not says_the_same(one, other)


def test_a_summary_sentence_a_cited_figure_repeats_leaves_the_summary() -> None:
    markdown = ("# T\n\n## In brief\n\nLife was dull. Some left after learning they had been "
                "selected as suicide bombers. Shortages were common.\n\n## The numbers\n\n"
                "- Two defectors left after finding out they had been selected as suicide "
                "bombers. [2, 3] _(as of August 2015)_\n")
    kept = without_repeats(markdown)
    assert "Life was dull. Shortages were common.\n" in kept
    assert "Two defectors left after finding out they had been selected as suicide bombers. "\
           "[2, 3] _(as of August 2015)_" in kept


def test_a_summary_sentence_that_says_more_takes_the_figures_citation() -> None:
    markdown = ("# T\n\nLeaving is dangerous: the group treats defectors as apostates, most "
                "of the hundreds thought to have left have gone into hiding, and speakers "
                "risk reprisals. ICSR urges help.\n\n## The numbers\n\n"
                "- Hundreds are thought to have left; most have gone into hiding. [1, 3] "
                "_(as of September 2015)_\n- At least 58 spoke out. [1]\n")
    kept = without_repeats(markdown)
    assert "risk reprisals. [1, 3] _(as of September 2015)_ ICSR urges help." in kept
    assert "- Hundreds" not in kept and "- At least 58 spoke out. [1]" in kept


def test_a_labelled_line_and_a_quotation_are_never_taken_out() -> None:
    markdown = ("# T\n\nLife was dull. Recruits who joined for material reasons found the "
                "promised luxury goods and cars never came.\n\n**Our message:** recruits who "
                "joined for material reasons found that the luxury goods and cars never "
                "came.\n\n> “Recruits who joined for material reasons found the luxury "
                "goods and cars never came.”\n")
    kept = without_repeats(markdown)
    assert kept.count("luxury goods") == 2 and "**Our message:**" in kept
    assert "Life was dull.\n" in kept


def test_a_sentence_that_two_cited_figures_repeat_takes_both_citations() -> None:
    markdown = ("# T\n\nLeaving is dangerous: most of the hundreds thought to have left have "
                "gone into hiding, and seven of the defectors who spoke out were women. "
                "ICSR urges help.\n\n## The numbers\n\n"
                "- Hundreds are thought to have left; most have gone into hiding. [3] "
                "_(as of September 2015)_\n"
                "- Seven of the defectors who spoke out were women. [1, 2]\n")
    kept = without_repeats(markdown)
    assert "were women. [1, 2, 3] _(as of September 2015)_ ICSR urges help." in kept
    assert "- " not in kept
