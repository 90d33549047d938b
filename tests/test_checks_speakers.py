"""Protect the messenger, anonymous speakers included: no name, home town, city, employer
or family beside any speaker beyond what the corpus says is public; names the source
itself prints ("Abu Omar", "Mahmoud, Abu Omar's cousin") are understood as such."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.checks import check_markdown
from assistant.corpus import load_corpus
from tests.checks_helpers import CORPUS_DIR, TODAY, of, run, variant

LINE = "> — 26-year-old Syrian fighter [1]"


def safety(text: str) -> list[str]:
    return [m for _, m, _ in of(run(text), "messenger-safety")]


def test_a_full_name_for_an_anonymous_speaker_is_an_error() -> None:
    assert safety(variant(LINE, "> — Ahmed Haddad, 26-year-old Syrian fighter [1]")) == [
        "gives the name 'Ahmed Haddad' next to 26-year-old Syrian fighter, whose name the "
        "corpus does not publish"]


def test_a_home_town_and_a_current_city_for_an_anonymous_speaker_are_errors() -> None:
    text = variant(LINE, "> — 26-year-old Syrian fighter from Deir Hafer, now living in "
                         "Gaziantep [1]")
    assert safety(text) == [
        "names 26-year-old Syrian fighter together with a place ('Deir Hafer') the corpus "
        "does not publish for this speaker",
        "names 26-year-old Syrian fighter together with a place ('Gaziantep') the corpus "
        "does not publish for this speaker"]


def test_an_employer_for_an_anonymous_speaker_is_an_error() -> None:
    text = variant(LINE, "> — 26-year-old Syrian fighter, who now works for Karam Logistics [1]")
    assert safety(text) == ["gives an employer or job ('Karam Logistics') for 26-year-old "
                            "Syrian fighter that the corpus does not publish"]


def test_family_next_to_the_defector_in_prose_is_an_error() -> None:
    text = variant(LINE, LINE + "\n\nThe defector's brother still lives with the group.")
    assert safety(text) == ["names 26-year-old Syrian fighter together with a family member "
                            "('brother') the corpus does not publish"]


def test_a_family_detail_is_a_possessive_next_to_a_speaker_in_any_wording() -> None:
    for sentence, word in [("He left his wife and two children behind.", "wife"),
                           ("Her son is still with the group.", "son"),
                           ("The fighter's younger brother joined a year later.", "brother"),
                           ("He has three children in Turkey.", "children"),
                           ("He is married to a Syrian woman.", "married")]:
        text = variant(LINE, LINE + "\n\n" + sentence)
        assert safety(text) == ["names 26-year-old Syrian fighter together with a family "
                                f"member ('{word}') the corpus does not publish"], sentence


def test_children_in_a_sentence_about_violence_are_not_a_family_detail() -> None:
    for sentence in ["IS fighters killed children in the square.",
                     "Fighters shot men in front of their families, he said.",
                     "The group recruits children as young as twelve, the defector said.",
                     "A fighter said parents were told nothing."]:
        assert safety(variant(LINE, LINE + "\n\n" + sentence)) == [], sentence


def test_a_place_in_a_sentence_about_what_the_group_did_is_not_the_speakers() -> None:
    assert safety(variant(LINE, LINE + "\n\nIS fighters killed civilians in Manbij.")) == []
    assert safety(variant(LINE, LINE + "\n\nHe now lives in Manbij.")) == [
        "names 26-year-old Syrian fighter together with a place ('Manbij') the corpus does "
        "not publish for this speaker"]


def test_what_the_corpus_publishes_about_the_speaker_passes() -> None:
    assert safety(variant(LINE, "> — 26-year-old Syrian fighter, who left Syria [1]")) == []


def _abu_corpus(tmp_path: Path) -> Path:
    data = yaml.safe_load((CORPUS_DIR / "corpus.yaml").read_text(encoding="utf-8"))
    data["speakers"] += [
        {"id": "abu-omar", "label": "Abu Omar, a former fighter", "role": "defector",
         "identity": {"public": "first-name", "name": "Abu Omar"}},
        {"id": "abu-hamza", "label": "Abu Hamza, who left in 2015", "role": "defector",
         "identity": {"public": "first-name", "name": "Abu Hamza"}},
        {"id": "mahmoud-cousin", "label": "Mahmoud, Abu Omar's cousin", "role": "defector",
         "identity": {"public": "first-name", "name": "Mahmoud"}},
    ]
    cite = [{"source": "nyt-2015-09-20"}]
    data["quotes"] += [
        {"id": "q-omar", "text": "We were told we would defend people, and we did not",
         "speaker": "abu-omar", "sources": cite},
        {"id": "q-hamza", "text": "Nobody there was what they had promised to be",
         "speaker": "abu-hamza", "sources": cite},
        {"id": "q-mahmoud", "text": "My cousin came back a different man after that year",
         "speaker": "mahmoud-cousin", "sources": cite},
    ]
    (tmp_path / "corpus.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                          encoding="utf-8")
    return tmp_path


def test_abu_names_and_labels_from_the_source_are_not_flagged(tmp_path: Path) -> None:
    corpus = load_corpus(_abu_corpus(tmp_path))
    text = ("# Brief\n\n> “We were told we would defend people, and we did not”\n"
            "> — Abu Omar, a former fighter [1]\n\n"
            "> “Nobody there was what they had promised to be”\n"
            "> — Abu Hamza, who left in 2015 [1]\n\n"
            "> “My cousin came back a different man after that year”\n"
            "> — Mahmoud, Abu Omar's cousin [1]\n\n"
            "Abu Omar and Abu Hamza both spoke to the New York Times.\n\n## Sources\n\n"
            "1. New York Times, “ISIS Defectors Reveal Disillusionment”, 20 September 2015.\n")
    findings = check_markdown(text, corpus, today=TODAY)
    assert [f.format() for f in findings if f.check in ("messenger-safety", "attribution")] \
        == []


def test_a_surname_added_to_an_abu_name_is_still_an_error(tmp_path: Path) -> None:
    corpus = load_corpus(_abu_corpus(tmp_path))
    text = "# Brief\n\nAbu Omar Khalidi told the New York Times why he left.\n"
    assert [m for _, m, _ in of(check_markdown(text, corpus, today=TODAY),
                                "messenger-safety")] == [
        "abu-omar is public only by first name, but the brief writes 'Abu Omar Khalidi'"]
