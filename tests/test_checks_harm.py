"""Do no harm beyond word lists: violence described without the listed words, links,
handles and hashtags of the group's outlets and channels (Arabic too), and tone rules
that are not only exact phrases."""

from __future__ import annotations

from tests.checks_helpers import of, run, variant

FREE = "Ibrahim, a Western fighter, told CBS why he left:"


def add(sentence: str) -> str:
    return variant(FREE, sentence + " " + FREE)


def test_an_execution_described_without_listed_words_is_graphic() -> None:
    text = add("Fighters cut a prisoner's throat with a knife in the square.")
    assert of(run(text), "graphic-content") == [
        ("error", "a description of violence ('Fighters cut a prisoner's throat with a "
                  "knife…') is graphic and the audience young-people does not allow graphic "
                  "material", 10)]
    assert of(run(text, audience="workshop"), "graphic-content") == [
        ("error", "graphic material (a description of violence ('Fighters cut a prisoner's "
                  "throat with a knife…')) but no content note at the top", 10)]


def test_graphic_words_where_graphic_material_is_forbidden_ask_to_leave_it_out_only() -> None:
    findings = of(run(add("Defectors spoke of beheadings.")), "graphic-content")
    assert [m for _, m, _ in findings] == [
        "'beheadings' is graphic and the audience young-people does not allow graphic material"]


def test_violence_named_without_act_method_and_victim_together_is_not_graphic() -> None:
    assert of(run(add("The group cut off supplies; people went hungry.")),
              "graphic-content") == []


def test_a_telegram_channel_with_or_without_https_is_an_error() -> None:
    for link in ("t.me/nashir_news", "https://t.me/s/some_channel", "telegram.me/joinchat/x"):
        [(severity, message, _)] = of(run(add(f"See {link} for more.")), "amplification")
        assert severity == "error" and link in message


def test_an_archive_mirror_of_the_groups_magazine_is_an_error() -> None:
    [(severity, message, _)] = of(run(add("A copy: https://archive.org/details/dabiq-7")),
                                  "amplification")
    assert (severity, message) == ("error", "links to the group's material or to a messaging "
                                            "channel: https://archive.org/details/dabiq-7")


def test_an_arabic_hashtag_of_the_group_is_an_error() -> None:
    assert of(run(add("They post under #الدولة_الإسلامية daily.")), "amplification") == [
        ("error", "repeats a hashtag of the group: #الدولة_الإسلامية", 10)]


def test_a_handle_of_the_groups_agency_is_an_error() -> None:
    assert ("error", "gives a handle of the group's channels: @amaq_agency", 10) in of(
        run(add("It posts as @amaq_agency.")), "amplification")


def test_our_own_hashtag_and_a_link_to_reporting_pass() -> None:
    text = add("Share with #LeavingTheGroup; read https://www.nytimes.com/2015/09/21/isis.html")
    assert of(run(text), "amplification") == []


def test_telling_the_audience_what_it_must_do_is_lecturing() -> None:
    [(severity, message, _)] = of(run(add("You have to see they were lied to.")), "tone")
    assert severity == "warning" and message.startswith("sounds like lecturing (tells the "
                                                        "audience what they must do)")


def test_an_insult_for_the_people_drawn_in_is_an_error_and_its_shouting_a_warning() -> None:
    findings = of(run(add("Gullible kids fell for it!!")), "tone")
    assert [(s, m.split(" (")[1].split(")")[0]) for s, m, _ in findings] == [
        ("error", "puts a derogatory word on people"),
        ("warning", "shouts or sneers with its punctuation")]


def test_a_plain_respectful_sentence_has_no_tone_finding() -> None:
    assert of(run(add("Many who joined were young and were promised a purpose.")), "tone") == []
