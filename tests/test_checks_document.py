"""The brief is read as the exports read it (markdown-it), and no section escapes a check.

The reference list is found by its shape, not its heading's first word; the team part
begins at the team heading; everything, including text after the reference list, is read.
"""

from __future__ import annotations

from assistant.checks.document import parse
from assistant.compose.parts import TEAM_HEADING
from tests.checks_helpers import CLEAN, of, run, variant

ALTERED = "> “ISIS wants to kill everybody who says no” [1]"
SOURCES = "## Sources\n\n1. NPR"


def test_an_altered_quotation_under_notes_for_the_facilitator_is_reported() -> None:
    text = variant(SOURCES, "## Notes for the facilitator\n\n" + ALTERED + "\n\n" + SOURCES)
    assert [m for _, m, _ in of(run(text), "fidelity")] == [
        "q-says-no: 'everyone' became 'everybody'"]


def test_a_name_and_place_under_notes_for_the_facilitator_are_reported() -> None:
    text = variant(SOURCES, "## Notes for the facilitator\n\nIbrahim Hassan, a Western "
                            "fighter from Leeds, told CBS why he left.\n\n" + SOURCES)
    messages = [m for _, m, _ in of(run(text), "messenger-safety")]
    assert "ibrahim-western-fighter is public only by first name, but the brief writes " \
           "'Ibrahim Hassan'" in messages
    assert any("'Leeds'" in m for m in messages)


def test_an_insult_under_notes_is_reported() -> None:
    text = variant(SOURCES, "## Notes\n\nThese losers fell for it.\n\n" + SOURCES)
    assert [s for s, _, _ in of(run(text), "tone")] == ["error"]


def test_text_after_the_reference_list_is_checked_like_the_rest() -> None:
    text = CLEAN.rstrip() + "\n\nIbrahim Hassan told CBS he left.\n\n" + ALTERED + "\n"
    findings = run(text)
    assert of(findings, "fidelity")
    assert [m for _, m, _ in of(findings, "messenger-safety")] == [
        "ibrahim-western-fighter is public only by first name, but the brief writes "
        "'Ibrahim Hassan'"]


def test_a_nested_fence_does_not_hide_an_altered_quotation_after_it() -> None:
    fence = "````\n```\nexample\n```\n````\n\n"
    text = variant("## The numbers", fence + ALTERED + "\n\n## The numbers")
    assert [m for _, m, _ in of(run(text), "fidelity")] == [
        "q-says-no: 'everyone' became 'everybody'"]


def test_a_quotation_inside_a_fence_is_code_not_a_quotation() -> None:
    text = variant("## The numbers", "```\n" + ALTERED + "\n```\n\n## The numbers")
    assert of(run(text), "fidelity") == []


def test_a_setext_sources_heading_is_read_as_the_reference_list() -> None:
    text = variant("## Sources", "Sources\n-------")
    assert [f for f in run(text) if f.is_error] == []


def test_a_sources_heading_over_a_list_that_is_not_references_is_body() -> None:
    doc = parse("# T\n\n## Sources\n\n1. Talk to the team first.\n2. Then post.\n")
    assert doc.references() == {}
    assert [b.text for b in doc.body() if b.kind == "item"] == [
        "Talk to the team first.", "Then post."]


def test_the_last_reference_list_is_the_one_that_counts() -> None:
    text = "# T\n\n## Sources\n\n1. Old, “A”, 2014.\n\n## More\n\nx\n\n## References\n\n" \
           "1. New, “B”, 2015.\n"
    assert parse(text).references()[1].text == "New, “B”, 2015."


def test_the_team_part_starts_at_the_team_heading() -> None:
    doc = parse(f"# Brief\n\nFor the room.\n\n# {TEAM_HEADING}\n\n## Posting\n\nPost twice.\n")
    assert [(b.text, b.team) for b in doc.blocks] == [
        ("Brief", False), ("For the room.", False), (TEAM_HEADING, True),
        ("Posting", True), ("Post twice.", True)]


def test_line_numbers_follow_the_source_lines_of_a_block() -> None:
    doc = parse("# T\n\nfirst line\nsecond line\n\n> quoted\n> more\n")
    para, quote = doc.blocks[1], doc.blocks[2]
    assert (para.line, para.line_at(para.text.index("second"))) == (3, 4)
    assert (quote.kind, quote.line_at(quote.text.index("more"))) == ("quote", 7)


def test_front_matter_and_comments_are_the_header_not_text() -> None:
    doc = parse("---\naudience: workshop\n---\n# T\n\n<!-- template: talking-points -->\n\nx\n")
    assert doc.header == {"audience": "workshop", "template": "talking-points"}
    assert [b.text for b in doc.blocks] == ["T", "x"]
    assert doc.blocks[0].line == 4
