"""Who ingest says spoke: one person is one speaker, named by their name, and never a
different corpus speaker who happens to share part of a name."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.loader import Corpus
from assistant.corpus.models import Speaker
from assistant.ingest.candidates import ingest_article


def _corpus(*speakers: dict[str, object]) -> Corpus:
    return Corpus(root=Path("."), speakers={
        str(s["id"]): Speaker.model_validate(s) for s in speakers})


OMAR = {"id": "omar", "label": "Omar, a former fighter from Aleppo", "role": "defector",
        "identity": {"public": "first-name", "name": "Omar", "place": "Aleppo"}}


def _speakers(article: str, corpus: Corpus | None = None) -> list[tuple[str, str]]:
    result = ingest_article(article, corpus, "test-article")
    return [(c.quotation.text, c.speaker) for c in result.candidates]


def test_a_shared_name_part_is_not_an_existing_speaker_with_another_description() -> None:
    article = ('Pharmacies reopen\n\nBy Eva Lund\n\n"Nobody believed the radio any more," '
               'said Ali Omar, a Syrian pharmacist.\n')
    assert _speakers(article, _corpus(OMAR)) == [("Nobody believed the radio any more",
                                                  "ali-omar")]


def test_the_same_name_with_an_agreeing_description_is_the_existing_speaker() -> None:
    article = ('Back in Aleppo\n\nBy Eva Lund\n\n"The fighters ate first," said Omar, a former '
               'fighter who returned to Aleppo.\n\n"We ate what was left," Omar said.\n')
    assert {s for _, s in _speakers(article, _corpus(OMAR))} == {"omar"}
    article = ('Back in Aleppo\n\nBy Eva Lund\n\n"The fighters ate first," said Karim Omar, '
               'a former fighter from Aleppo.\n')
    assert {s for _, s in _speakers(article, _corpus(OMAR))} == {"omar"}


def test_a_name_with_age_and_description_is_one_speaker_named_by_the_name() -> None:
    article = ("Drivers\n\nBy Eva Lund\n\nIbrahim Salim, 41, a former driver for the group's "
               'supply office, told NPR he had left. "We were paid in flour," Mr Salim said.\n\n'
               '"We waited three days," said Abu Yusuf, a 29-year-old from Deir al-Zor who asked '
               "that his family name be withheld.\n")
    result = ingest_article(article, None, "test-article")
    assert [c.speaker for c in result.candidates] == ["ibrahim-salim", "abu-yusuf"]
    assert [s.id for s in result.speakers] == ["ibrahim-salim", "abu-yusuf"]
    assert result.speakers[1].identity.age == 29


def test_he_refers_to_a_person_introduced_in_an_ordinary_sentence() -> None:
    article = ("At the border\n\nBy Eva Lund\n\nDr. Hanan Bakri, a paediatrician, runs the "
               'clinic. "Most families arrive without shoes," she said.\n\n'
               "Sami Rahman did not expect the journey to end there. \"They took our passports "
               'before we sat down," he said.\n\nSamira Darwish was left with three children. '
               '"We bake before dawn," she said.\n')
    assert _speakers(article) == [("Most families arrive without shoes", "hanan-bakri"),
                                  ("They took our passports before we sat down", "sami-rahman"),
                                  ("We bake before dawn", "samira-darwish")]


def test_a_man_met_mid_sentence_keeps_his_quotes_from_the_guide_named_before() -> None:
    article = ("Gaziantep\n\nMy guide, Omar Tahan, a former student, knew them all.\n\n"
               "Next morning we met Yasin Halabi at a tea house. Halabi left at twenty-two, and "
               'he still flinches at motorbikes.\n\n"They take your phone first," he says.\n\n'
               '"Write that I was stupid," he adds.\n')
    assert [s for _, s in _speakers(article)] == ["yasin-halabi", "yasin-halabi"]


def test_she_is_the_woman_named_not_the_man_whose_queue_she_stands_in() -> None:
    article = ("The gate\n\nBy Eva Lund\n\nThe guard, a thin man, checks every name. Mariam "
               'Othman has stood in his queue for two years. "They tell me he is inside," she '
               'said.\n\nMrs Othman, 58, a retired teacher, told the Guardian in 2021 that she '
               'had lost her son. "I lost him twice," she said.\n')
    assert [s for _, s in _speakers(article)] == ["mariam-othman", "mariam-othman"]


def test_a_sentence_opening_with_for_before_a_name_is_about_that_person_not_a_new_name() -> None:
    article = ('Repayment\n\nBy Eva Lund\n\n"I was very good at it," Ms Haddad said.\n\n'
               'For Ms Haddad, the work is a kind of repayment that will never be finished. '
               '"It is not enough," she said.\n')
    result = ingest_article(article, None, "test-article")
    assert [(c.quotation.text, c.speaker) for c in result.candidates] == [
        ("I was very good at it", "haddad"), ("It is not enough", "haddad")]
    assert [s.label for s in result.speakers] == ["Haddad"]


def test_a_former_police_officer_is_an_official_not_a_defector() -> None:
    article = ('T\n\nBy Eva Lund\n\n"Nobody lectures them," said Daniel Okafor, a former police '
               'officer.\n\n"We ate what was left," said Amal Idris, a former fighter.\n')
    roles = {s.id: s.role for s in ingest_article(article, None, "test-article").speakers}
    assert roles == {"daniel-okafor": "official", "amal-idris": "defector"}


def test_a_former_islamic_state_official_is_a_defector() -> None:
    article = ('T\n\nBy Eva Lund\n\n"The emirs ate first," said Karim Aziz, a former Islamic '
               'State official.\n\n"We ate only what the fighters left us," said Bilal Haji, a former IS commander.\n')
    roles = {s.id: s.role for s in ingest_article(article, None, "test-article").speakers}
    assert roles == {"karim-aziz": "defector", "bilal-haji": "defector"}


def test_a_full_name_after_an_opening_phrase_of_time_names_the_later_ms() -> None:
    article = ('T\n\nBy Eva Lund\n\nFor three years Samira Haddad spent her evenings on chat '
               'channels.\n\n"I was very good at it," Ms Haddad said.\n')
    result = ingest_article(article, None, "test-article")
    assert [c.speaker for c in result.candidates] == ["samira-haddad"]
    assert [s.label for s in result.speakers] == ["Samira Haddad"]
