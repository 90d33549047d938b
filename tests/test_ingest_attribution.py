"""Attribution cases found on the held-out articles: who a pronoun, a short name or a role
stands for, and the people an article introduces in passing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.evaluation import evaluate_set
from assistant.ingest.extract import read_article

HELD_OUT = Path(__file__).parent / "ingest_eval" / "heldout"


def _kept(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker.label if q.speaker else "") for q in read_article(text)
            if q.left_out is None]


def _speakers(text: str) -> list[str]:
    return [s for _, s in _kept(text)]


def test_the_held_out_set_meets_the_recall_precision_and_speaker_targets() -> None:
    score = evaluate_set(HELD_OUT)
    assert score.expected >= 120
    assert score.recall >= 0.90, score.misses
    assert score.precision >= 0.85, score.extras
    assert score.speaker_accuracy >= 0.80, score.wrong_speakers


@pytest.mark.parametrize("name", ["heldout2", "heldout3", "heldout4"])
def test_each_later_held_out_set_meets_the_targets(name: str) -> None:
    score = evaluate_set(HELD_OUT.parent / name)
    assert score.expected >= 35
    assert score.recall >= 0.90, score.misses
    assert score.precision >= 0.85, score.extras
    assert score.speaker_accuracy >= 0.80, score.wrong_speakers


def test_a_dateline_does_not_hide_the_person_the_first_sentence_introduces() -> None:
    article = ("Headline words here\n\nTUNIS – Hedi Zouari talks fast, as if time were short. "
               "\"They took everything I owned,\" he said.\n")
    assert _speakers(article) == ["Hedi Zouari"]


def test_a_surname_with_an_appositive_is_the_person_already_named() -> None:
    article = ("Headline words here\n\n\"I was a cook,\" said Adel Sabri, 31.\n\n"
               "Sabri, a baker's son from Hama, said he joined at nineteen. \"I wanted to be "
               "somebody,\" he said.\n")
    assert all("Adel Sabri" in s for s in _speakers(article))


def test_a_pronoun_after_a_subordinate_clause_is_the_speaker_not_the_listener() -> None:
    article = ("Headline words here\n\nMagistrate Ruth Kambili closed the hearing at noon. "
               "Before leaving the bench she warned the press: \"Nothing about the children "
               "may be printed.\"\n")
    assert _speakers(article) == ["Ruth Kambili, Magistrate"] or \
        all("Kambili" in s for s in _speakers(article))


def test_the_person_told_something_is_never_the_speaker() -> None:
    article = ("Headline words here\n\nThe prosecutor, Ines Varga, told the jury: "
               "\"He kept the list of names.\"\n\nThe defendant's brother, Lukas Horn, waited "
               "outside. \"He is not a monster,\" he said.\n")
    assert _speakers(article)[0].startswith("Ines Varga")
    assert "Lukas Horn" in _speakers(article)[1]


def test_a_name_introduced_by_a_possessive_relation_is_a_person() -> None:
    article = ("Headline words here\n\nMalik's uncle, Tariq Osei, drove him to the airport. "
               "\"I thought he was going on holiday,\" he said.\n")
    assert _speakers(article) == ["Tariq Osei, Malik's uncle"]


def test_an_aside_beginning_with_of_is_not_the_speaker() -> None:
    article = ("Headline words here\n\nSergeant Amy Lowe, of the county's prevention unit, "
               "said: \"We missed the signs twice.\"\n")
    assert "Amy Lowe" in _speakers(article)[0]


def test_two_people_named_together_are_both_introduced() -> None:
    article = ("Headline words here\n\nNoor Hadi and Sami Toure run a café in Lyon. "
               "Hadi, 29, was a teacher. \"I taught girls in secret,\" she said.\n\n"
               "Toure, 33, was a driver. \"I drove the trucks,\" he said.\n")
    assert [s.split(",")[0] for s in _speakers(article)] == ["Noor Hadi", "Sami Toure"]


def test_someone_quoted_in_a_report_or_by_another_outlet_is_the_speaker() -> None:
    article = ("Headline words here\n\nOne woman, identified only as Rasha, is quoted in the "
               "study: \"The guards laughed at us.\"\n\nA former cook who knew him, and who "
               "now lives in Austria, was quoted by a local radio station as saying he was "
               "kind. \"He shared his bread,\" the man said.\n")
    speakers = _speakers(article)
    assert "Rasha" in speakers[0]
    assert "cook" in speakers[1]


def test_a_role_refers_back_to_the_person_introduced_with_that_title() -> None:
    article = ("Headline words here\n\n\"I am sorry,\" Dale Price told Circuit Judge Anita "
               "Moss.\n\nMoss said the apology counted. \"It counts, but it is late,\" the judge "
               "said.\n")
    assert "Moss" in _speakers(article)[1]


def test_a_bare_surname_shared_by_relatives_is_the_one_the_article_calls_by_it() -> None:
    article = ("Headline words here\n\nHana Rudi spent three years in the camp. \"We ate once "
               "a day,\" Rudi says.\n\nHer brother, Amir Rudi, stayed at home. \"She wrote "
               "every week,\" Amir says.\n\nRudi looks away. \"I lied in every letter,\" she "
               "says.\n")
    assert _speakers(article)[-1].startswith("Hana Rudi")


def test_a_known_name_opening_a_clause_is_who_the_next_pronoun_means() -> None:
    article = ("Headline words here\n\nZara Kane left in 2016. \"I ran,\" Kane says.\n\n"
               "Her mentor, Ruth Obi, is proud. \"She works hard,\" Obi says. The first thing "
               "people ask, Obi says, is why, and Kane's answer never changes. \"Because I "
               "believed them,\" she says.\n")
    assert _speakers(article)[-1].startswith("Zara Kane")


def test_a_question_people_ask_quoted_as_an_example_is_not_testimony() -> None:
    article = ("Headline words here\n\n\"I was lied to,\" said Omar Diallo. The question he "
               "hears most is some version of \"Why did you not come home sooner?\"\n")
    assert [t for t, _ in _kept(article)] == ["I was lied to"]


def test_what_people_in_general_say_has_no_speaker() -> None:
    article = ("Headline words here\n\n\"The men are back,\" people say in the market. "
               "\"They run the bakeries now.\"\n\n\"I saw one of them,\" said Leila Farah.\n")
    assert [t for t, _ in _kept(article)] == ["I saw one of them"]


def test_titles_given_as_examples_are_not_quotations() -> None:
    article = ("Headline words here\n\nThe films, with names such as \"Knights of the Dawn\", "
               "were cut to hide the dead, said Amal Reza.\n")
    assert _kept(article) == []


def test_a_transcript_answer_is_the_named_speaker_s_quotation() -> None:
    article = ("Interview title here\n\nAn edited transcript.\n\nJOHN DOE: Why did you go?\n\n"
               "SALMA IDRIS: Because I was bored. They promised me a purpose.\n\n"
               "JOHN DOE: And did you find one?\n\nSALMA IDRIS: I found a kitchen and a "
               "locked door.\n")
    assert [(t, s.lower()) for t, s in _kept(article)] == [
        ("Because I was bored. They promised me a purpose.", "salma idris"),
        ("I found a kitchen and a locked door.", "salma idris")]


def test_a_speaker_described_before_a_clause_of_their_own_is_only_the_description() -> None:
    article = ("Headline words here\n\n\"Nobody checked,\" the guard shrugged when asked about "
               "the gate.\n\nA woman at the back raised her hand and asked: \"Were you "
               "afraid of them?\"\n\nThe retired teacher paused when asked. \"Every day,\" "
               "she said.\n")
    assert _speakers(article) == ["the guard", "A woman at the back", "The retired teacher"]


def test_what_a_relative_clause_says_was_said_by_its_antecedent() -> None:
    article = ("Headline words here\n\n\"I was young,\" said Mina Sarraf.\n\nMs Sarraf now "
               "volunteers for the city council, which asked her to speak: \"Come and tell "
               "them.\"\n")
    assert _speakers(article) == ["Mina Sarraf", "the city council"]


def test_a_pronoun_inside_what_someone_said_does_not_make_them_a_man() -> None:
    article = ("Headline words here\n\nRosa Lind, 61, said her grandson was 19 when he went. "
               "\"I found his letter on the table,\" she said.\n")
    assert _speakers(article) == ["Rosa Lind"]


def test_a_role_in_lower_case_before_a_name_introduces_that_person() -> None:
    article = ("Headline words here\n\nPresiding magistrate Helga Brun thanked the jury. "
               "\"You have done your duty,\" she said.\n")
    assert "Helga Brun" in _speakers(article)[0]


def test_two_first_names_sharing_a_surname_are_two_people() -> None:
    article = ("Headline words here\n\nAdam and Lina Sayed met online in 2012. \"I lied to "
               "my parents,\" Lina says.\n\nMr Sayed, 40, agrees. \"So did I,\" he says.\n")
    assert [s.split(",")[0] for s in _speakers(article)] == ["Lina Sayed", "Adam Sayed"]


def test_a_definite_description_before_an_appositive_is_kept_in_the_speaker() -> None:
    article = ("Headline words here\n\nThe informant, a former driver for the group, "
               "described the route. \"We crossed at night,\" the informant said.\n")
    assert all("informant" in s for s in _speakers(article))


def test_a_first_name_given_after_a_description_is_the_speaker_s_name() -> None:
    article = ("Headline words here\n\n\"They paid us in flour,\" said a 30-year-old from "
               "Hama who asked to be identified only by his first name, Samer.\n")
    assert "Samer" in _speakers(article)[0]


def test_a_remark_after_telling_or_saying_is_the_sentence_subjects() -> None:
    article = ("Sentenced\n\nCOLUMBUS, Ohio (AWS) — A 33-year-old Ohio man who spent four "
               "years abroad was sentenced Tuesday, after telling the judge he had \"betrayed "
               "everyone who ever loved me.\"\n")
    assert _kept(article) == [("betrayed everyone who ever loved me.",
                               "A 33-year-old Ohio man")]


def test_a_few_words_closing_a_said_clause_are_a_remark_not_scare_quotes() -> None:
    article = ("Courts\n\nA spokesman for the chief prosecutor's office declined to comment "
               "but said returnees were \"assessed individually.\" An analyst warned against "
               "\"a blanket policy\".\n")
    assert _kept(article) == [("assessed individually.",
                               "A spokesman for the chief prosecutor's office")]


def test_a_question_a_reporter_asks_is_left_out_as_the_journalists() -> None:
    article = ("Court\n\nOutside court, reporters waited. \"Will you appeal?\" one reporter "
               "asked. A spokesperson said the service would \"consider the sentence "
               "carefully\" once it was passed.\n")
    assert _kept(article) == [("consider the sentence carefully", "A spokesperson")]


def test_a_noun_after_her_is_not_a_speech_verb() -> None:
    article = ("Q\n\nSelma Tarek, 27, runs workshops.\n\n\"Do you feel forgiven?\" we asked as "
               "she packed up her notes. \"By my mother, yes,\" she said.\n")
    assert _kept(article) == [("By my mother, yes", "Selma Tarek")]


def test_a_name_with_an_age_later_in_a_sentence_introduces_that_person() -> None:
    article = ("Sentencing\n\nJudge Rosalind Hart is passing sentence on Leila Mansour, 31, who "
               "pleaded guilty.\n\nMansour addressed the court. \"I told women it was safe,\" "
               "she said.\n")
    assert _speakers(article) == ["Leila Mansour"]


def test_the_headline_repeated_in_the_body_introduces_no_one() -> None:
    article = ("Ex-propagandist says the videos were \"theatre with real blood\"\n\n"
               "Ex-propagandist says the videos were \"theatre with real blood\" was the line "
               "a tabloid put on Yasin Adebayo-Clarke's first interview.\n\n"
               "'It was theatre, yes,' he says.\n")
    assert _kept(article) == [("It was theatre, yes", "Yasin Adebayo-Clarke")]


def test_someones_lawyer_named_in_a_sentence_is_the_one_who_then_speaks() -> None:
    article = ("Trial\n\nJonas Brandt, 41, denies the charge.\n\nBrandt's lawyer, Mikkel Ravn, "
               "spoke to reporters. \"My client was a cook,\" he said.\n")
    assert _speakers(article) == ["Mikkel Ravn, Brandt's lawyer"]


def test_her_husband_is_the_other_one_of_a_couple_and_mrs_is_never_him() -> None:
    article = ("Couple\n\nRachid and Soraya Belhaj met in 2013.\n\n'I was the friendly "
               "face,' Soraya says.\n\nHer husband is more guarded. 'Every week there was a "
               "number,' he says.\n\nMrs Belhaj now works with prosecutors. 'They wanted our "
               "words,' she says.\n\nMr Belhaj, 34, says little. 'I would not forgive me,' he "
               "says.\n")
    assert _speakers(article) == ["Soraya Belhaj", "Rachid Belhaj, her husband",
                                  "Soraya Belhaj", "Rachid Belhaj, her husband"]


def test_a_family_name_with_a_particle_is_the_person_named_in_full() -> None:
    article = ("Lawyer\n\nTheir lawyer, Pieter de Wit, spoke. 'Without them, those cases do "
               "not exist,' Mr de Wit said.\n")
    assert _speakers(article) == ["Pieter de Wit, their lawyer"]


def test_asking_not_to_be_named_introduces_someone_but_is_not_their_remark() -> None:
    article = ("Returnees\n\nAnother detainee, a 26-year-old from Deir ez-Zor who asked to be "
               "identified only by his first name, Mahmoud, told the agency he had paid a "
               "smuggler. \"She gave me her ring,\" he said.\n\nA neighbour who has known the "
               "family for years, and who asked not to be named, said simply: \"He came back "
               "a different boy.\"\n")
    assert _speakers(article) == ["Mahmoud", "A neighbour who has known the family for years"]


def test_a_clause_about_a_thing_she_shared_is_not_a_speaker_named_after_the_clause() -> None:
    article = ('T\n\nBy Eva Lund\n\n"I was very good at it," Ms Haddad said.\n\n'
               'In prison she began writing down what she remembered. Part of that account, '
               'which she shared with the Courier, describes the house where new arrivals were '
               'kept.\n\n"The house was crowded and hot."\n')
    assert _kept(article) == [("I was very good at it", "Haddad"),
                              ("The house was crowded and hot.", "Haddad")]


def test_a_role_then_a_name_introduces_the_person_a_later_mr_means() -> None:
    article = ('T\n\nBy Eva Lund\n\n"I was very good at it," Ms Haddad said.\n\n'
               'She now speaks to schools alongside a former police '
               'officer, Daniel Okafor, who runs the prevention programme.\n\n'
               '"Samira doesn\'t lecture anybody," Mr Okafor said.\n')
    assert _kept(article) == [("I was very good at it", "Haddad"),
                              ("Samira doesn't lecture anybody",
                               "Daniel Okafor, a former police officer")]


def test_she_after_a_role_named_in_passing_is_still_the_woman_the_sentence_is_about() -> None:
    article = ('T\n\nBy Eva Lund\n\n"I was very good at it," Ms Haddad said.\n\n'
               'She now speaks to schools alongside a former police officer, Daniel Okafor, who '
               'runs the programme.\n\n'
               '"It is what I can do," she said.\n')
    assert _speakers(article) == ["Haddad", "Haddad"]


def test_a_description_naming_is_the_group_keeps_the_speaker() -> None:
    article = ('T\n\nBy Eva Lund\n\n"We ate only what the fighters left us," said Bilal Nasser, '
               'a former IS commander.\n')
    assert _kept(article) == [("We ate only what the fighters left us",
                               "Bilal Nasser, a former IS commander")]


@pytest.mark.parametrize("sentence", [
    'A former member of IS said: "We ate only what the fighters left us."',
    '"We ate only what the fighters left us," a man who fought for IS said.'])
def test_a_speaker_described_by_the_group_s_initials_is_kept(sentence: str) -> None:
    speakers = _speakers(f"T\n\nBy Eva Lund\n\n{sentence}\n")
    assert len(speakers) == 1 and speakers[0].endswith("IS")


def test_a_name_something_was_called_is_left_out_as_a_term() -> None:
    article = ('T\n\nBy Eva Lund\n\n"I was very good at it," Ms Haddad said.\n\nThe group\'s media '
               'office, she said, called its online recruiters "sisters of the pen", and '
               'measured them by how many women they brought.\n')
    quotes = read_article(article)
    assert [(q.text, q.left_out) for q in quotes][1] == (
        "sisters of the pen", "a name or term something was called, not testimony")
