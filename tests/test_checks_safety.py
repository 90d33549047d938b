"""Do no harm: graphic content, messenger safety, amplification and tone."""

from __future__ import annotations

from tests.checks_helpers import of, run, variant

BLOCK = "> “ISIS wants to kill everyone who says no”"
BEHEAD = "> “I was thinking all the time, if they arrest me, if they stop me, they will behead me”"
NOTE = "> **Content note: this brief quotes a threat of execution.**\n\n## What people"
FREE = "Ibrahim, a Western fighter, told CBS why he left:"


def test_a_graphic_quote_for_an_audience_that_forbids_it_is_an_error() -> None:
    findings = run(variant("## What people", NOTE, variant(BLOCK, BEHEAD)))
    assert of(findings, "graphic-content") == [
        ("error", "q-behead is graphic and the audience young-people does not allow graphic "
                  "material", 9)]


def test_a_graphic_quote_with_a_content_note_is_fine_where_allowed() -> None:
    text = variant("## What people", NOTE, variant(BLOCK, BEHEAD))
    assert of(run(text, audience="workshop"), "graphic-content") == []


def test_a_graphic_quote_without_a_content_note_is_an_error() -> None:
    assert of(run(variant(BLOCK, BEHEAD), audience="workshop"), "graphic-content") == [
        ("error", "graphic material (q-behead) but no content note at the top", 7)]


def test_graphic_free_text_is_spotted_but_killing_is_not() -> None:
    graphic = variant(FREE, "Ibrahim saw a crucifixion and told CBS why he left:")
    assert of(run(graphic, audience="workshop"), "graphic-content") == [
        ("error", "graphic material ('crucifixion') but no content note at the top", 10)]
    plain = variant(FREE, "Ibrahim saw a killing and told CBS why he left:")
    assert of(run(plain, audience="workshop"), "graphic-content") == []


def test_a_full_name_where_only_a_first_name_is_public_is_an_error() -> None:
    named = variant(FREE, "Ibrahim Hassan, a Western fighter, told CBS why he left:")
    assert of(run(named), "messenger-safety") == [
        ("error", "ibrahim-western-fighter is public only by first name, but the brief writes "
                  "'Ibrahim Hassan'", 10)]


def test_a_place_or_family_added_to_a_name_is_an_error() -> None:
    placed = variant(FREE, "Ibrahim, a Western fighter from Leeds, told CBS why he left:")
    assert of(run(placed), "messenger-safety") == [
        ("error", "names Ibrahim together with a place ('Leeds') the corpus does not publish "
                  "for this speaker", 10)]
    family = variant(FREE, "Ibrahim, whose brother stayed, told CBS why he left:")
    assert of(run(family), "messenger-safety") == [
        ("error", "names Ibrahim together with a family member ('brother') the corpus does "
                  "not publish", 10)]


def test_a_place_the_speaker_published_is_fine() -> None:
    public = variant(FREE, "Ibrahim, who went to help people in Syria, told CBS why he left:")
    assert of(run(public), "messenger-safety") == []


def test_a_media_outlet_name_is_flagged_and_a_description_is_not() -> None:
    outlet = variant(FREE, "Amaq never reports this. " + FREE)
    assert of(run(outlet), "amplification") == [
        ("warning", "names an Islamic State media outlet: 'Amaq'", 10)]
    described = variant(FREE, "The group's news agency never reports this. " + FREE)
    assert of(run(described), "amplification") == []


def test_a_self_styled_title_needs_distancing() -> None:
    bare = variant(FREE, "Life in the caliphate was hard. " + FREE)
    assert of(run(bare), "amplification") == [
        ("warning", "uses the group's self-styled title without distancing: 'caliphate'", 10)]
    distanced = variant(FREE, "Life in the group's self-declared ‘caliphate’ was hard. " + FREE)
    assert of(run(distanced), "amplification") == []


def test_hashtags_slogans_and_links_of_the_group_are_errors() -> None:
    text = variant(FREE, "Do not share #AllEyesOnISIS or https://example.org/dabiq-7 or "
                         "'remaining and expanding'. " + FREE)
    assert of(run(text), "amplification") == [
        ("error", "links to the group's material or to a messaging channel: "
                  "https://example.org/dabiq-7", 10),
        ("error", "repeats a hashtag of the group: #AllEyesOnISIS", 10),
        ("error", "reproduces an Islamic State slogan: 'remaining and expanding'", 10)]
    harmless = variant(FREE, "Do not share #ThinkAgain or https://example.org/report. " + FREE)
    assert of(run(harmless), "amplification") == []


def test_lecturing_is_a_warning_and_an_insult_an_error() -> None:
    text = variant(FREE, "Obviously, only losers join. " + FREE)
    assert of(run(text), "tone") == [
        ("error", "insults the people it is about (calls people names): 'losers'", 10),
        ("warning", "sounds like lecturing: 'Obviously'", 10)]
    calm = variant(FREE, "Few who join stay. " + FREE)
    assert of(run(calm), "tone") == []


def test_a_team_note_that_mentions_content_notes_is_not_the_content_note() -> None:
    # the team's "Handle with care" says testimony "needs a content note"; a violent
    # sentence added above it is reported as lacking a note, not as a misplaced one
    from tests.check_mutations import findings, generated

    g = next(x for x in generated() if x.name == "brutality-against-sunnis/journalists/"
                                                 "policy-brief")
    md = g.markdown.replace("## The numbers\n", "The group executed men in front of their "
                            "families in the square.\n\n## The numbers\n", 1)
    said = [f.message for f in findings(g, md) if f.check == "graphic-content"]
    assert said == ["graphic material (a description of violence ('The group executed men in "
                    "front of their…')) but no content note at the top"]
