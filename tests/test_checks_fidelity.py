"""Fidelity and citations: quotations verbatim, each cited to where it was published."""

from __future__ import annotations

from tests.checks_helpers import CLEAN, of, run, variant

BLOCK = "> “ISIS wants to kill everyone who says no”"
INLINE = "“My main reason for leaving was that I felt that I wasn’t doing what I had initially come for”"


def test_the_clean_brief_has_no_findings_at_all() -> None:
    assert run(CLEAN) == []


def test_an_altered_word_is_reported_with_what_changed() -> None:
    altered = variant(BLOCK, "> “ISIS wants to murder everyone who says no”")
    assert of(run(altered), "fidelity") == [
        ("error", "q-says-no: 'kill' became 'murder'", 7)]


def test_a_quotation_the_corpus_does_not_hold_is_an_error() -> None:
    invented = variant(BLOCK, "> “Life there was better than anything I had known before”")
    assert of(run(invented), "fidelity") == [
        ("error", "quotation “Life there was better than anything I had known before” "
                  "matches nothing in the corpus", 7)]


def test_a_straight_apostrophe_is_only_typographic_info() -> None:
    straight = variant(INLINE, INLINE.replace("wasn’t", "wasn't"))
    assert of(run(straight), "fidelity") == [
        ("info", "q-main-reason: differs from the corpus only in typography "
                    "(quote marks or apostrophes)", 10)]


def test_an_omission_marked_with_an_ellipsis_is_fine() -> None:
    cut = variant(INLINE, "“My main reason for leaving was … to help in a humanitarian sense "
                          "the people of Syria”")
    assert of(run(cut), "fidelity") == []


def test_an_omission_without_an_ellipsis_is_reported() -> None:
    cut = variant(INLINE, "“My main reason for leaving was to help in a humanitarian sense "
                          "the people of Syria”")
    assert of(run(cut), "fidelity") == [
        ("error", "q-main-reason: 'that I felt that I wasn’t doing what I had initially come "
                  "for and that’s' was left out without an ellipsis (…)", 10)]


def test_words_left_out_are_shown_with_their_punctuation_as_printed() -> None:
    from assistant.checks import check_markdown
    from assistant.corpus import load_corpus

    cut = ("# Brief\n\n> “It had become something else — no longer justified me being away "
           "from my family.”\n>\n> — a Western fighter named Ibrahim, speaking to CBS [1]\n\n"
           "## Sources\n\n1. New York Times, “ISIS Defectors Reveal Disillusionment”, "
           "20 September 2015.\n")
    assert of(check_markdown(cut, load_corpus()), "fidelity") == [
        ("error", "q-022: 'so, therefore,' was left out without an ellipsis (…)", 3)]


def test_an_insertion_in_brackets_is_fine_and_without_brackets_is_reported() -> None:
    bracketed = variant(BLOCK, "> “ISIS [the group] wants to kill everyone who says no”")
    assert of(run(bracketed), "fidelity") == []
    bare = variant(BLOCK, "> “ISIS really wants to kill everyone who says no”")
    assert of(run(bare), "fidelity") == [
        ("error", "q-says-no: 'really' was added without [brackets]", 7)]


def test_scare_quotes_and_code_are_not_checked_as_quotations() -> None:
    text = variant("## The numbers", "Life in the group's self-declared “caliphate” was "
                   "`“ISIS wants to murder everyone”` hard.\n\n## The numbers")
    assert of(run(text), "fidelity") == []


def test_a_quotation_without_a_citation_is_an_error() -> None:
    uncited = variant("> — 26-year-old Syrian fighter [1]", "> — 26-year-old Syrian fighter")
    assert of(run(uncited), "citations") == [("error", "q-says-no has no citation", 7)]


def test_a_citation_with_no_reference_entry_is_an_error() -> None:
    dangling = variant("> — 26-year-old Syrian fighter [1]", "> — 26-year-old Syrian fighter [3]")
    assert of(run(dangling), "citations") == [
        ("error", "citation [3] has no entry in the reference list", 8)]


def test_a_citation_to_the_wrong_publication_is_an_error() -> None:
    wrong = variant("> — 26-year-old Syrian fighter [1]", "> — 26-year-old Syrian fighter [2]")
    assert of(run(wrong), "citations") == [
        ("error", "q-says-no: its citation [2] does not point at where it was published "
                  "(NPR via New York Times)", 7)]


def test_a_figure_without_a_citation_is_an_error() -> None:
    uncited = variant("August 2015. [2] _(", "August 2015. _(")
    assert of(run(uncited), "citations") == [("error", "figure 58 has no citation", 14)]


def test_a_post_may_name_the_publication_instead_of_a_number() -> None:
    named = variant("> — 26-year-old Syrian fighter [1]",
                    "> — 26-year-old Syrian fighter (NPR via New York Times)")
    assert of(run(named), "citations") == []


def test_a_quotation_is_compared_as_a_reader_sees_it_with_escapes_undone() -> None:
    # \< and &#110; are how Markdown writes "<" and "n" so that they print as themselves
    escaped = variant(BLOCK, "> “ISIS wants to kill everyone who says &#110;o”")
    assert of(run(escaped), "fidelity") == []
    marked = variant(BLOCK, "> “ISIS wants to kill \\*everyone\\* who says no”")
    assert of(run(marked), "fidelity") == [
        ("error", "q-says-no: '*' was added without [brackets]; "
                  "'*' was added without [brackets]", 7)]


def test_a_block_quote_opening_with_an_escaped_asterisk_is_still_checked() -> None:
    # emphasis at the start marks a label; an escaped asterisk is text a reader sees
    label = variant(BLOCK, "> \\*ISIS wants to murder everyone who says no")
    assert [m for _, m, _ in of(run(label), "fidelity")] == [
        "q-says-no: 'kill' became 'murder'"]
