"""Figures, audience fit, the campaign frame, Flesch reading ease and finding formats."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks import Finding, Severity, findings_json
from assistant.checks.readability import reading_ease, sentence_count, sentences_in, syllables
from assistant.compose.brief import CampaignFrame, TemplateInfo
from tests.checks_helpers import CLEAN, of, run, variant

FACT = ("- At least 58 people left IS and spoke publicly about it between January 2014 and "
        "August 2015. [2] _(as of August 2015; single source)_")


def test_a_single_source_figure_must_say_so() -> None:
    unmarked = variant("; single source)_", ")_")
    assert of(run(unmarked), "figures") == [
        ("warning", "fact f-58-went-public rests on a single source and is not marked as such",
         14)]


def test_a_figure_whose_sources_disagree_must_show_it() -> None:
    one = variant(FACT, "- British officials estimate that more than 300 Britons have "
                        "returned, as of September 2015. [2]")
    assert of(run(one), "figures") == [
        ("error", "fact f-britons-returned: the sources disagree (more than 300 "
                  "(straits-times-2015-09-22); half of the 700 (wapo-adam)) but the brief "
                  "shows one version", 14)]
    both = variant(FACT, "- As of September 2015, The Straits Times gives more than 300 "
                         "Britons returned [2]; The Washington Post gives half of the 700 [2].")
    assert of(run(both), "figures") == []


def test_old_data_must_carry_its_as_of_date() -> None:
    undated = variant(FACT, "- 58 defectors went public. [2] _(single source)_")
    assert of(run(undated), "figures") == [
        ("warning", "fact f-58-went-public: the data is from 2015-08, more than 2 years ago, "
                    "and the brief does not say so", 14)]
    assert of(run(undated, today=date(2016, 1, 1)), "figures") == []
    dated = variant(FACT, "- 58 defectors went public, as of August 2015. [2] _(single source)_")
    assert of(run(dated), "figures") == []


def test_reading_ease_below_the_audience_target_is_a_warning() -> None:
    hard = variant("- **Goal:** Show that life under IS is hard.",
                   "- **Goal:** Demonstrate comprehensively, through institutional "
                   "documentation, the organisational deterioration characterising governance "
                   "administration.")
    [(severity, message, line)] = of(run(hard), "audience-fit")
    assert (severity, line) == ("warning", None)
    assert message.startswith("reading ease ") and message.endswith(
        " is below the young-people target of 60")
    assert of(run(hard, audience="workshop"), "audience-fit") == []


def test_length_over_the_stricter_limit_is_a_warning() -> None:
    template = TemplateInfo(id="social-posts", name="Social posts", word_limit=60)
    [(severity, message, _)] = of(run(CLEAN, template=template), "audience-fit")
    assert severity == "warning"
    assert message == "the brief has 80 words; the template social-posts allows 60"
    roomy = TemplateInfo(id="policy-brief", name="Policy brief", word_limit=900)
    assert of(run(CLEAN, template=roomy), "audience-fit") == []


def test_without_an_audience_the_audience_checks_are_skipped_with_a_note() -> None:
    assert of(run(CLEAN, audience=None), "audience-fit") == [
        ("info", "no audience known: reading ease, word limit and graphic material were not "
                 "checked against an audience", None)]


def test_every_frame_field_must_be_filled() -> None:
    empty = variant("- **Monitoring:** Ask one question before and after the talk.",
                    "- **Monitoring:**")
    assert of(run(empty), "campaign-frame") == [
        ("error", "the campaign frame's 'monitoring' is empty", 24)]
    missing = variant("- **Media:** A short talk with a handout.\n", "")
    assert of(run(missing), "campaign-frame") == [
        ("error", "the campaign frame's 'media' is missing", None)]


def test_the_model_frame_is_checked_when_given() -> None:
    frame = CampaignFrame(goal="g", audience="a", message="m", messenger="m", media="m",
                          action="a")
    assert of(run(CLEAN, frame=frame), "campaign-frame") == [
        ("error", "the campaign frame's 'monitoring' is empty", None)]


@pytest.mark.parametrize(("word", "count"), [
    ("cat", 1), ("the", 1), ("defectors", 3), ("brutality", 4), ("people", 2),
    ("smuggler", 2), ("courage", 2), ("organisation", 5), ("", 0)])
def test_syllables_are_counted_by_vowel_groups(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_reading_ease_follows_the_formula() -> None:
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    assert reading_ease(["The cat sat on the mat."]) == pytest.approx(116.145)
    assert reading_ease([]) is None


def test_findings_read_as_file_line_severity_check_message_suggestion() -> None:
    finding = Finding("fidelity", Severity.error, "q-012: 'killing' became 'murdering'",
                      "quote it word for word", line=7, quote_id="q-012")
    assert finding.format("brief.md") == (
        "brief.md:7: error [fidelity] q-012: 'killing' became 'murdering' "
        "(quote it word for word)")
    data = json.loads(findings_json([finding], "brief.md"))
    assert data["errors"] == 1
    assert data["findings"][0]["quote_id"] == "q-012"
    assert data["findings"][0]["severity"] == "error"


def test_sections_written_for_the_team_do_not_count_against_the_word_limit() -> None:
    note = "The team should agree who answers questions from the press after publication. " * 5
    limit = TemplateInfo(id="policy-brief", name="Policy brief", word_limit=100)
    assert of(run(CLEAN, template=limit), "audience-fit") == []
    for_team = variant("## Campaign frame\n", f"## Campaign frame\n\n{note}\n\n")
    assert of(run(for_team, template=limit), "audience-fit") == []
    for_readers = variant("## The numbers\n", f"## The numbers\n\n{note}\n\n")
    [(severity, message, _)] = of(run(for_readers, template=limit), "audience-fit")
    assert severity == "warning" and message.endswith("words; the template policy-brief allows 100")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab .!?:;\t\u00a0")), max_size=12),
                max_size=8))
def test_sentences_are_counted_in_all_passages_at_once_as_in_each_alone(
        passages: list[str]) -> None:
    assert sentences_in(passages) == sum(sentence_count(p) for p in passages)
