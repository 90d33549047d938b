"""Tone by a small rule set, not a phrase list: an insult for the people a brief is about
(the audience, the people drawn in, the defectors) is an error in any wording the rules
describe; lecturing, sarcasm and shouting without an insult stay warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks.vocabulary import VocabularyError, load_rules
from tests.checks_helpers import CLEAN, run

AT = "## Sources"


def _tone(sentence: str) -> list[tuple[str, str]]:
    text = CLEAN.replace(AT, f"{sentence}\n\n{AT}", 1)
    assert text != CLEAN
    return [(f.severity.value, f.message) for f in run(text) if f.check == "tone"]


@pytest.mark.parametrize("sentence", [
    "Ibrahim was frankly an idiot to go.",
    "Only fools join a group like this.",
    "They were morons, and they found out.",
    "These pathetic losers got what they deserved.",
    "The brainwashed idiots believed every video.",
    "What kind of idiot believes a recruiter?",
    "Recruits are truly such fools.",
    "How stupid can you be to fall for this?",
    "You should be ashamed of ever listening to them.",
    "Shame on them for believing it.",
    "The defectors were simply dumb.",
    "Every recruit is a dupe of the propaganda.",
    "What a bunch of imbeciles.",
    "Those wannabe jihadis learned fast.",
])
def test_an_insult_for_people_is_an_error_in_many_wordings(sentence: str) -> None:
    found = _tone(sentence)
    assert found, sentence
    assert {s for s, _ in found} == {"error"}, found
    assert all(m.startswith("insults the people it is about") for _, m in found), found


@pytest.mark.parametrize("sentence", [
    "Wake up and read what they say.",
    "Any sensible person can see through these promises.",
    "Real heroes, right?",
])
def test_lecturing_or_sarcasm_without_an_insult_stays_a_warning(sentence: str) -> None:
    found = _tone(sentence)
    assert found and {s for s, _ in found} == {"warning"}, found


@pytest.mark.parametrize("sentence", [
    "Recruits were promised a home and were fooled by the videos.",
    "The group fooled many people, defectors say.",
    "Some recruits were naive about what awaited them, ICSR says.",
    "A recruiter told him he would be a hero.",
    "The clowning on stage at the rally was staged by the group's media.",
    "Ibrahim said he had been naive to trust them.",
])
def test_plain_descriptions_and_a_speakers_own_self_judgement_reported_are_not_insults(
        sentence: str) -> None:
    assert [m for s, m in _tone(sentence) if s == "error"] == []


def test_a_quotation_is_never_searched_for_insults() -> None:
    # the speakers' own words are theirs to choose
    assert _tone("He said: “we were idiots”.") == []


def test_a_pattern_naming_a_word_class_the_list_does_not_have_names_its_line(
        tmp_path: Path) -> None:
    path = tmp_path / "style.yaml"
    path.write_text("insults:\n  message: x\n  classes:\n    nouns: [idiot]\n  patterns:\n"
                    "    - pattern: '\\b{nuons}\\b'\n      message: y\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value) == (f"{path}:6: insults.patterns.0.pattern: names the word "
                                 "class {nuons}, which the list does not define (classes: "
                                 "nouns)")


def test_a_word_class_that_is_not_a_list_of_words_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "style.yaml"
    path.write_text("insults:\n  message: x\n  classes:\n    nouns: idiot\n",
                    encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:4: insults.classes.nouns: Input should be "
                                        "a valid list")


def test_a_key_naming_a_word_class_the_list_does_not_have_names_its_line(
        tmp_path: Path) -> None:
    path = tmp_path / "style.yaml"
    path.write_text("insults:\n  message: x\n  classes:\n    nouns: [idiot]\n"
                    "  keys: ['{nouns}', '{verbs}']\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value) == (f"{path}:5: insults.keys.1: names the word class {{verbs}}, "
                                 "which the list does not define")
