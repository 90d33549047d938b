"""Attribution and sourcing: a quotation is given to the person who said it, its citation
points at where it was published, and each reference entry matches its corpus source."""

from __future__ import annotations

from tests.checks_helpers import of, run, variant

LINE = "> — 26-year-old Syrian fighter [1]"
PROSE = "Ibrahim, a Western fighter, told CBS why he left:"


def test_a_quotation_given_to_another_speaker_is_an_error() -> None:
    text = variant(LINE, "> — a Western fighter named Ibrahim [1]")
    assert of(run(text), "attribution") == [
        ("error", "q-says-no is by 26-year-old Syrian fighter, but the brief gives it to "
                  "a Western fighter named Ibrahim", 7)]


def test_a_defector_quote_given_to_the_expert_is_an_error() -> None:
    text = variant(LINE, "> — Peter Neumann, director of ICSR [1]")
    assert [m for _, m, _ in of(run(text), "attribution")] == [
        "q-says-no is by 26-year-old Syrian fighter, but the brief gives it to Peter Neumann"]


def test_a_real_quotation_put_in_another_mouth_in_prose_is_an_error() -> None:
    text = variant(PROSE, "Peter Neumann told CBS why he left:")
    assert [m for _, m, _ in of(run(text), "attribution")] == [
        "q-main-reason is by a Western fighter named Ibrahim, but the brief gives it to "
        "Peter Neumann"]


def test_the_right_speaker_by_first_name_or_label_passes() -> None:
    assert of(run(variant(PROSE, "Ibrahim told CBS why he left:")), "attribution") == []
    assert of(run(variant(LINE, "> — a 26-year-old Syrian fighter [1]")), "attribution") == []


def test_naming_nobody_is_not_a_misattribution() -> None:
    assert of(run(variant(PROSE, "A fighter told CBS why he left:")), "attribution") == []


def test_a_citation_number_pointing_at_another_source_is_an_error() -> None:
    text = variant(LINE, "> — 26-year-old Syrian fighter [2]")
    assert of(run(text), "citations") == [
        ("error", "q-says-no: its citation [2] does not point at where it was published "
                  "(NPR via New York Times)", 7)]


def test_a_reference_entry_rewritten_to_another_outlet_is_an_error() -> None:
    text = variant("2. The Straits Times, “Growing", "2. The Washington Post, “Growing")
    messages = [m for _, m, _ in of(run(text), "citations")]
    assert "reference [2] names The Washington Post, which the corpus does not record for " \
           "straits-times-2015-09-22" in messages
    assert "reference [2] gives the title of straits-times-2015-09-22 without its outlet " \
           "(The Straits Times)" in messages


def test_a_reference_entry_with_another_date_is_an_error() -> None:
    text = variant("speak out”, 22 September 2015", "speak out”, 12 September 2015")
    assert of(run(text), "citations") == [
        ("error", "reference [2] is dated 12 September 2015; the corpus dates it 2015-09-22",
         29)]


UNMARKED = "## The numbers"


def _unmarked(sentence: str) -> list[tuple[str, str, int | None]]:
    return of(run(variant(UNMARKED, f"{sentence}\n\n{UNMARKED}")), "attribution")


def test_a_corpus_quotations_wording_given_to_another_speaker_without_marks_is_an_error(
        ) -> None:
    # q-shininess is Peter Neumann's; the sentence reports it as Ibrahim's
    for sentence in [
            "Ibrahim said that the shininess is wearing off and it is starting to look less "
            "impressive.",
            "According to Ibrahim, it's starting to look less impressive.",
            "Shininess is wearing off and it is starting to look less impressive, Ibrahim "
            "told CBS.",
            "As the 26-year-old Syrian fighter put it, shininess is wearing off and things "
            "are starting to look less impressive."]:
        found = _unmarked(sentence)
        assert [(s, m.split(",")[0]) for s, m, _ in found] == [
            ("error", "q-shininess is by Peter Neumann")], sentence
        assert "gives its words to" in found[0][1] and "without quotation marks" in found[0][1]


def test_a_speakers_own_words_reported_without_marks_pass() -> None:
    assert _unmarked("Neumann said the shininess is wearing off.") == []
    assert _unmarked("Ibrahim said he was not doing what he had initially come for.") == []


def test_a_short_common_phrase_is_not_taken_for_someone_elses_words() -> None:
    # "wants to kill everyone" is four words of q-says-no, too few to be its wording
    assert _unmarked("Ibrahim said the group wants to kill everyone.") == []
