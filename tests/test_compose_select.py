"""Choosing quotes and facts: strength, audience, messengers, diversity, pins, reasons."""

from __future__ import annotations

import pytest

from assistant.compose import BriefInputs, ChoiceRefused, UnknownId, compose_brief

from .compose_helpers import brief, library, mini_corpus


def chosen_ids(b) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.quote.id for q in b.quotes]


def test_graphic_quote_is_never_chosen_for_an_audience_that_forbids_it() -> None:
    for theme in ("harsh-life", "leaving-and-speaking-out"):
        b = brief(theme, "young-people", quotes=10)
        assert not any(q.graphic for q in b.quotes)
        assert b.content_note is None
        refused = next(c for c in b.candidates if c.quote.id == "q-behead")
        assert not refused.allowed and not refused.chosen
        assert "graphic: not shown to young people" in [r.text for r in refused.reasons]


def test_pinning_a_graphic_quote_for_young_people_is_refused_with_the_reason() -> None:
    with pytest.raises(ChoiceRefused,
                       match=r"quote q-behead may not appear in a brief for young people "
                             r"\(young-people\): graphic"):
        brief("harsh-life", "young-people", pins=["q-behead"])


def test_graphic_quote_for_an_audience_that_allows_it_brings_a_content_note() -> None:
    b = brief("leaving-and-speaking-out", "policymakers", pins=["q-behead"])
    assert "q-behead" in chosen_ids(b)
    assert b.content_note is not None
    assert "26-year-old Syrian fighter" in b.content_note


def test_no_two_quotes_from_the_same_speaker_and_the_skip_is_explained() -> None:
    b = brief("leaving-and-speaking-out", "policymakers", quotes=3)
    speakers = [q.speaker.id for q in b.quotes]
    assert len(speakers) == len(set(speakers))
    skipped = next(c for c in b.candidates if c.quote.id == "q-confident")
    assert not skipped.chosen
    assert "second remark from Peter Neumann: skipped for diversity" in [
        r.text for r in skipped.reasons]


def test_a_second_remark_from_a_speaker_comes_only_when_no_other_speaker_fits() -> None:
    b = brief("leaving-and-speaking-out", "policymakers", quotes=10)
    speakers = [q.speaker.id for q in b.quotes]
    firsts = list(dict.fromkeys(speakers))
    repeated = [q for q in b.quotes if speakers.index(q.speaker.id) != b.quotes.index(q)]
    assert repeated, "the mini corpus has more Neumann quotes than speakers"
    for q in repeated:
        assert any(r.text.endswith("used because no other speaker fits") for r in q.reasons)
    assert len(firsts) == len(set(speakers))


def test_a_pin_may_bring_a_second_quote_from_the_same_speaker() -> None:
    b = brief("leaving-and-speaking-out", "policymakers", pins=["q-confident", "q-shrewd"])
    assert {"q-confident", "q-shrewd"} <= set(chosen_ids(b))
    assert all("pinned by you" in [r.text for r in q.reasons]
               for q in b.quotes if q.quote.id in ("q-confident", "q-shrewd"))


def test_excluded_quote_never_appears_and_the_next_best_takes_its_place() -> None:
    before = brief("harsh-life", "young-people")
    top = chosen_ids(before)[0]
    after = brief("harsh-life", "young-people", exclusions=[top])
    assert top not in chosen_ids(after)
    assert set(chosen_ids(before)) - {top} <= set(chosen_ids(after))
    left = next(c for c in after.candidates if c.quote.id == top)
    assert "excluded by you" in [r.text for r in left.reasons]


def test_pinned_and_excluded_at_once_is_refused() -> None:
    with pytest.raises(ChoiceRefused, match="both pinned and excluded"):
        brief(pins=["q-says-no"], exclusions=["q-says-no"])


def test_quote_count_is_honoured() -> None:
    assert len(brief(quotes=2).quotes) == 2
    assert brief(quotes=0).quotes == []


def test_defectors_come_before_the_report_for_young_people_at_equal_strength() -> None:
    b = brief("harsh-life", "young-people")
    roles = [q.speaker.role.value for q in b.quotes]
    assert roles[:2] == ["defector", "defector"]
    first = b.quotes[0]
    assert "defector: most trusted messenger for young people" in [r.text for r in first.reasons]
    assert "states the theme (strength 3)" in [r.text for r in first.reasons]


def test_the_report_ranks_above_defectors_for_policymakers_at_equal_strength() -> None:
    b = brief("harsh-life", "policymakers")
    assert b.quotes[0].quote.id == "q-luxury"


def test_communicators_order_moves_a_quote_up() -> None:
    b = brief()
    last = chosen_ids(b)[-1]
    moved = brief(order=[last])
    assert chosen_ids(moved)[0] == last
    assert sorted(chosen_ids(moved)) == sorted(chosen_ids(b))
    assert [q.number for q in moved.quotes] == list(range(1, len(b.quotes) + 1))


def test_same_inputs_give_an_equal_brief() -> None:
    first = brief("leaving-and-speaking-out", "policymakers", pins=["q-behead"])
    second = brief("leaving-and-speaking-out", "policymakers", pins=["q-behead"])
    assert first.model_dump_json() == second.model_dump_json()


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [("theme", "nope", "theme"), ("audience", "teens", "audience"),
     ("template", "poster", "template")],
)
def test_unknown_ids_name_the_kind_and_list_the_valid_ones(field: str, value: str,
                                                           kind: str) -> None:
    options = {"theme": "harsh-life", "audience": "young-people", field: value}
    with pytest.raises(UnknownId) as caught:
        compose_brief(mini_corpus(), BriefInputs(**options), library())
    assert caught.value.kind == kind
    assert caught.value.given == value
    assert caught.value.known


def test_unknown_pinned_quote_is_an_unknown_id() -> None:
    with pytest.raises(UnknownId, match=r"unknown quote 'q-nope'; choose one of: .*q-behead"):
        brief(pins=["q-nope"])


def test_facts_are_the_themes_own_in_the_themes_order() -> None:
    b = brief("leaving-and-speaking-out", "policymakers")
    ids = [f.fact.id for f in b.facts]
    # the theme's own order: the curator puts first what briefs should use first
    assert ids == ["f-pace", "f-58-went-public", "f-britons-returned"]
    assert "single source: marked as such in the brief" in [r.text for r in b.facts[0].reasons]


def test_disputed_figure_is_never_borrowed_as_general_context() -> None:
    b = brief("harsh-life", "young-people")
    assert "f-britons-returned" not in [f.fact.id for f in b.facts]


def test_campaign_frame_defaults_from_theme_audience_and_template() -> None:
    frame = brief("harsh-life", "young-people").frame
    assert frame.message == "People who lived under IS say it is nothing like the videos."
    assert frame.action == "Talk it through with someone you trust before you share or reply."
    assert frame.messenger.startswith("Former members speaking in their own words")
    assert frame.media.startswith("A one- to two-page written brief")
    assert frame.goal == "Young people question the videos before they share them."
    assert frame.monitoring.startswith("Outcome: Replies that question the group's promises. "
                                       "Harm: Replies that praise the group")
    assert frame.missing() == []


def test_a_theme_frame_for_the_audience_wins_over_the_audiences_default() -> None:
    frame = brief("leaving-and-speaking-out", "policymakers").frame
    assert frame.goal == "Officials act on ICSR's recommendations for people who leave and speak out."
    assert "Harm: A defector's identity exposed" in frame.monitoring


def test_a_frame_line_can_be_overridden_and_an_unknown_field_is_refused() -> None:
    frame = brief(frame={"goal": "Fewer shares of recruitment videos in our groups"}).frame
    assert frame.goal == "Fewer shares of recruitment videos in our groups"
    with pytest.raises(UnknownId, match="unknown frame field 'gaol'"):
        brief(frame={"gaol": "x"})


def test_quote_too_long_for_a_social_post_is_left_out_and_explained() -> None:
    b = brief("harsh-life", "policymakers", template="social-posts")
    assert "q-luxury" not in [q.quote.id for q in b.quotes]
    luxury = next(c for c in b.candidates if c.quote.id == "q-luxury")
    assert not luxury.fits
    assert any(r.text == "no post copy written for it in the corpus"
               or r.text.startswith("the post would be") for r in luxury.reasons)


def test_citations_are_numbered_in_reading_order_and_shared() -> None:
    b = brief("harsh-life", "young-people")
    numbers = [n for q in b.quotes for n in q.references]
    assert numbers[0] == 1
    assert [r.number for r in b.references] == list(range(1, len(b.references) + 1))
    keys = [(r.source.id, r.via.id if r.via else None) for r in b.references]
    assert len(keys) == len(set(keys))


def test_fingerprint_changes_with_the_template() -> None:
    assert brief(template="policy-brief").fingerprint != brief(template="talking-points").fingerprint
