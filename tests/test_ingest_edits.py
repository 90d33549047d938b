"""What a curator types for a candidate's speaker or the article's source, checked before
it is used."""

from __future__ import annotations

import pytest

from assistant.ingest.candidates import ingest_article
from assistant.ingest.edits import SourceRefused, SpeakerRefused, speaker_entry, with_source

ARTICLE = ("Courts\n\nBy Ilse Marqvardt\n\n\"Every verdict had a price,\" said Karim Tahiri, a "
           "former fighter from Antwerp.\n")


def test_a_new_speaker_id_that_is_already_taken_is_refused_with_what_to_type() -> None:
    result = ingest_article(ARTICLE, None)
    [candidate] = result.candidates
    with pytest.raises(SpeakerRefused, match="speaker 'karim-tahiri' already exists; type "
                                             "just karim-tahiri to use it"):
        speaker_entry("karim-tahiri = Karim T.", candidate, result, set())
    with pytest.raises(SpeakerRefused, match="already exists"):
        speaker_entry("k-t = Karim T.", candidate, result, {"k-t"})


def test_a_new_speaker_needs_a_name_after_the_equals_sign() -> None:
    result = ingest_article(ARTICLE, None)
    with pytest.raises(SpeakerRefused, match="give the new speaker's name after '='"):
        speaker_entry("k-t =  ", result.candidates[0], result, set())


def test_a_new_speaker_keeps_what_the_article_says_of_them() -> None:
    result = ingest_article(ARTICLE, None)
    sid, new = speaker_entry("karim-t = Karim T.", result.candidates[0], result, set())
    assert sid == "karim-t" and new is not None
    assert new.label == "Karim T., a former fighter from Antwerp"
    assert new.role.value == "defector" and new.identity.name == "Karim T."


def test_the_source_id_and_date_set_by_hand_replace_the_proposed_ones() -> None:
    result = with_source(ingest_article(ARTICLE, None), "marqvardt-courts", "2019-03")
    assert (result.source.id, result.source.published) == ("marqvardt-courts", "2019-03")
    assert with_source(result, "marqvardt-courts", "").source.published is None
    with pytest.raises(SourceRefused, match="'2019-13' is not a real date"):
        with_source(result, "marqvardt-courts", "2019-13")
