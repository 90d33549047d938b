"""Cuts: a shortened quotation marks its cuts, and no cut removes what qualifies it."""

from __future__ import annotations

from functools import cache

from assistant.checks import check_markdown
from assistant.corpus import Corpus, load_corpus
from tests.checks_helpers import TODAY, of

WHOLE = ("A small but significant number of the defectors expressed disappointment about "
         "living conditions and the quality of life.")


@cache
def bundled() -> Corpus:
    return load_corpus()


def cuts(quotation: str) -> list[tuple[str, str, int | None]]:
    text = (f"# Brief\n\n> “{quotation}”\n> — the ICSR report [1]\n\n## Sources\n\n"
            "1. International Centre for the Study of Radicalisation and Political Violence "
            "(ICSR), King's College London, “Victims, Perpetrators, Assets: The Narratives of "
            "Islamic State Defectors”, quoted in The Washington Post, “Dozens of Fighters Are "
            "Defecting From ISIS and Here’s Why”, Karla Adam, undated.\n")
    return of(check_markdown(text, bundled(), today=TODAY), "cuts")


def test_the_whole_sentence_passes() -> None:
    assert cuts(WHOLE) == []


def test_a_leading_qualifier_dropped_without_an_ellipsis_is_an_error() -> None:
    assert cuts("The defectors expressed disappointment about living conditions and the "
                "quality of life.") == [
        ("error", "q-005: 'A small but significant number of' was cut from the start "
                  "without an ellipsis (…)", 3)]


def test_a_marked_cut_that_removes_only_detail_passes() -> None:
    assert cuts("A small but significant number of the defectors expressed disappointment "
                "about living conditions …") == []


def test_a_marked_cut_that_removes_the_qualifier_is_still_an_error() -> None:
    assert cuts("… the defectors expressed disappointment about living conditions") == [
        ("error", "q-005: the cut at the start removes 'A small but significant number of'", 3)]


def test_a_cut_end_that_drops_a_negation_is_an_error() -> None:
    found = check_markdown("# B\n\n> “ISIS wants to kill everyone who says …”\n"
                           "> — 26-year-old Syrian fighter [1]\n", bundled(), today=TODAY)
    assert [m for _, m, _ in of(found, "cuts")] == [
        "q-016: it stops before 'no', which changes the meaning"]


def test_a_fragment_that_leaves_its_qualifier_behind_is_an_error() -> None:
    [(severity, message, _)] = cuts("expressed disappointment about living conditions")
    assert (severity, message) == (
        "error", "q-005: 'A small but significant number of the defectors' was cut from the "
                 "start without an ellipsis (…)")


def test_a_phrase_quoted_in_prose_that_keeps_the_qualifier_passes() -> None:
    text = ("# B\n\nICSR says a small but significant number of the defectors “expressed "
            "disappointment about living conditions and the quality of life” [1].\n")
    assert of(check_markdown(text, bundled(), today=TODAY), "cuts") == []


def test_an_ellipsis_that_removes_a_negation_is_an_error() -> None:
    text = check_markdown(
        "# B\n\n> “But their voices are strong and clear: ‘The Islamic State is … protecting "
        "Muslims.’”\n> — Peter Neumann [1]\n", bundled(), today=TODAY)
    assert [m for _, m, _ in of(text, "cuts")] == ["q-026: the cut removes 'not'"]


def test_an_ellipsis_that_removes_only_detail_passes() -> None:
    assert cuts("A small but significant number of the defectors expressed disappointment … "
                "the quality of life.") == []
