"""No quoted text is dropped unseen: every piece of a quotation is a candidate or is listed
as left out with a reason."""

from __future__ import annotations

from assistant.ingest.candidates import ingest_article
from assistant.ingest.extract import read_article

LEDGER = ("A clerk's ledger\n\nBy Harriet Cole\n\n"
          "'I kept the accounts,' said Nabil Aswad, a former clerk. 'The prices doubled every "
          "week.\n\n'By the winter we ate bread made from animal feed.\n\n"
          "'Then they took the ledger too.'\n")


def test_a_straight_single_quotation_over_paragraphs_gives_every_paragraph() -> None:
    kept = [(q.text, q.speaker.label if q.speaker else None) for q in read_article(LEDGER)
            if q.left_out is None]
    assert [t for t, _ in kept] == ["I kept the accounts", "The prices doubled every week.",
                                    "By the winter we ate bread made from animal feed.",
                                    "Then they took the ledger too."]
    assert {s for _, s in kept} == {"Nabil Aswad, a former clerk"}


def test_a_quotation_that_never_closes_is_listed_as_left_out_not_dropped() -> None:
    article = ("Checkpoints\n\nBy Harriet Cole\n\n‘We were stopped twice,’ said Nabil Aswad, "
               "a former clerk. ‘The second time they took the car.\n\n"
               "He does not say what happened next.\n")
    result = ingest_article(article, None, "checkpoints")
    assert [c.quotation.text for c in result.candidates] == ["We were stopped twice"]
    left = {q.text: q.left_out for q in result.left_out}
    assert "The second time they took the car." in left
    assert "never closes" in (left["The second time they took the car."] or "")


def test_a_piece_of_a_remark_with_no_themes_takes_those_of_the_piece_beside_it() -> None:
    from assistant.corpus.loader import load_corpus
    from assistant.ingest.candidates import ingest_article

    article = ("Headline words here\n\n\"The emirs lived in villas and took the best food "
               "while the fighters went hungry, corrupt and un-Islamic,\" said Ali Rami, "
               "\"and I had seen enough.\"\n\n\"Later I went home,\" said Dina Sabah.\n")
    found = ingest_article(article, load_corpus())
    own, piece, other = found.candidates
    assert own.themes and piece.themes == own.themes
    assert other.themes == []  # another speaker in another paragraph: nothing shared
