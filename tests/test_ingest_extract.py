"""Finding and attributing quotations in article text, and leaving out what is not testimony."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.evaluation import evaluate_set
from assistant.ingest.extract import read_article

EVAL_SET = Path(__file__).parent / "ingest_eval"


def _kept(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker.label if q.speaker else "") for q in read_article(text)
            if q.left_out is None]


def test_evaluation_set_meets_the_recall_precision_and_speaker_targets() -> None:
    score = evaluate_set(EVAL_SET)
    assert score.expected >= 50
    assert score.recall >= 0.90, score.misses
    assert score.precision >= 0.85, score.extras
    assert score.speaker_accuracy >= 0.80, score.wrong_speakers


def test_a_quotation_split_around_its_attribution_gives_two_verbatim_pieces() -> None:
    article = ("Headline here\n\n“We left at night,” said Rana Hamdan, a former nurse, "
               "“because the day belonged to them.”\n")
    assert _kept(article) == [("We left at night", "Rana Hamdan, a former nurse"),
                              ("because the day belonged to them.", "Rana Hamdan, a former nurse")]


def test_a_quotation_over_paragraphs_with_the_mark_repeated_keeps_its_speaker() -> None:
    article = ("Title line\n\n“The food ran out in May,” said Idris Kone.\n\n"
               "“Then the water went too, and the fighters kept what there was.\n\n"
               "“So we walked north for nine days.”\n\nHe is now in Germany.\n")
    kept = _kept(article)
    assert [t for t, _ in kept] == [
        "The food ran out in May",
        "Then the water went too, and the fighters kept what there was.",
        "So we walked north for nine days.",
    ]
    assert {s for _, s in kept} == {"Idris Kone"}


def test_a_nested_quotation_stays_inside_the_outer_one() -> None:
    article = ("T\n\n\"He shouted, 'Go back to your post,' and I ran the other way,\" "
               "said Malik Sarr.\n")
    assert _kept(article) == [("He shouted, 'Go back to your post,' and I ran the other way",
                               "Malik Sarr")]


def test_guillemets_are_quotation_marks_and_their_inner_spaces_are_not_kept() -> None:
    article = "T\n\n« Nobody was allowed to leave the town », said Anya Petrova.\n"
    assert _kept(article) == [("Nobody was allowed to leave the town", "Anya Petrova")]


def test_a_pronoun_refers_to_the_last_person_of_that_gender() -> None:
    article = ("T\n\n\"I went because my husband went,\" said Leila Amrani. \"He never came "
               "back,\" said her lawyer, Paul Girard. \"She deserves a hearing,\" he added. "
               "\"I only want to go home,\" she said.\n")
    speakers = [s for _, s in _kept(article)]
    assert speakers == ["Leila Amrani", "Paul Girard, her lawyer", "Paul Girard, her lawyer",
                        "Leila Amrani"]


def test_what_is_not_testimony_is_left_out_with_a_reason() -> None:
    article = (
        "Officials call it 'resilience'\n\n"
        "A film titled \"The Road Out Of Raqqa\" was shown on Monday. Critics called the "
        "scheme \"naive\". \"What did you see there?\" I asked. The wall still reads "
        "\"Victory or martyrdom for every believer\".\n\n"
        "\"I saw them burn the market,\" said Hassan Obi.\n"
    )
    found = read_article(article)
    kept = [q.text for q in found if q.left_out is None]
    reasons = {q.text: q.left_out for q in found if q.left_out}
    assert kept == ["I saw them burn the market"]
    assert "title" in (reasons["The Road Out Of Raqqa"] or "")
    assert "short" in (reasons["naive"] or "")
    assert "question" in (reasons["What did you see there?"] or "")
    assert "no speaker" in (reasons["Victory or martyrdom for every believer"] or "")


def test_an_outlet_the_speaker_talked_to_is_the_original_source() -> None:
    article = ("T\n\n\"The commanders ate first,\" a former guard told Reuters. \"We ate what "
               "was left.\"\n")
    found = [q for q in read_article(article) if q.left_out is None]
    assert [(q.text, q.outlet) for q in found] == [("The commanders ate first", "Reuters"),
                                                   ("We ate what was left.", "Reuters")]


def test_a_person_introduced_without_a_verb_of_saying_is_who_he_refers_to() -> None:
    article = ("T\n\nHamid Nasser spent two years in Raqqa before he escaped.\n\n"
               "\"The worst part was the waiting,\" he said.\n")
    assert _kept(article) == [("The worst part was the waiting", "Hamid Nasser")]


def test_a_short_first_piece_of_a_split_quotation_is_not_a_scare_quote() -> None:
    article = ("T\n\n\"The checkpoints,\" said Rami Yusuf, who left in 2015, \"were where "
               "they made their money.\"\n")
    assert _kept(article) == [("The checkpoints", "Rami Yusuf"),
                              ("were where they made their money.", "Rami Yusuf")]


def test_apostrophes_and_plural_possessives_do_not_close_single_quotes() -> None:
    article = ("T\n\nNour Haddad, a former nurse, agreed to talk. 'I didn't know what I'd "
               "signed up for,' she said. 'The fighters' wives were kept apart from everyone.'\n")
    assert _kept(article) == [
        ("I didn't know what I'd signed up for", "Nour Haddad, a former nurse"),
        ("The fighters' wives were kept apart from everyone.", "Nour Haddad, a former nurse"),
    ]


def test_a_name_inside_a_longer_clause_is_still_the_speaker() -> None:
    article = ("T\n\n\"We dug graves every morning\" — that is how Sami Aref, 30, remembers "
               "his first month.\n")
    assert _kept(article) == [("We dug graves every morning", "Sami Aref")]


def test_a_short_sentence_carried_from_the_speaker_before_is_kept() -> None:
    article = ("T\n\nMohammed Omar, 41, said the group had taken his savings. \"They called it "
               "a tax,\" Mr Omar said. \"It was theft.\"\n")
    assert [s for _, s in _kept(article)] == ["Mohammed Omar", "Mohammed Omar"]
