"""Figures, links and tags in the forms people write them: shares and round numbers in
words, defanged and app-scheme channel links, hashtags with accents and dotted capitals."""

from __future__ import annotations

import pytest

from assistant.checks.amplification import fold
from assistant.checks.numbers import numbers_in
from tests.practitioner_edits import NOT_ALL, before_sources, check, generated


@pytest.mark.parametrize(("text", "value"), [
    ("almost two-thirds of the public", 66.7), ("a quarter of them", 25.0),
    ("more than half of the 700", 50.0), ("one in three defectors", 33.3),
    ("3 out of 4 recruits", 75.0), ("three in five of the public", 60.0),
])
def test_a_share_in_words_is_read_as_a_percentage(text: str, value: float) -> None:
    first = numbers_in(text)[0]
    assert (first.value, first.percent) == (value, True)


@pytest.mark.parametrize("text", ["half an hour later", "a quarter of an hour",
                                  "Half the time there was nothing to do",
                                  "a million reasons to stay"])
def test_idioms_with_number_words_state_no_figure(text: str) -> None:
    assert numbers_in(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Nearly a hundred people who left", 100), ("close to a thousand people", 1000),
    ("a hundred of them", 100),
])
def test_a_round_number_that_counts_something_is_a_figure(text: str, value: int) -> None:
    assert [n.value for n in numbers_in(text)] == [value]


def test_hashtag_words_are_compared_without_accents_or_dotted_capitals() -> None:
    assert fold("İslamDevleti") == "islamdevleti"
    assert fold("EstadoIslámico") == "estadoislamico"


@pytest.mark.parametrize("link", ["tg://resolve?domain=some_channel", "hxxps://t[.]me/x",
                                  "t(dot)me/somewhere", "telegram[.]me/s/a",
                                  "whatsapp://send?text=hi", "t.me/joinchat/abc"])
def test_any_messaging_channel_link_is_an_error_in_any_form(link: str) -> None:
    _, found = check(before_sources(f"See {link} for more.")(generated("corrupt-policy")))
    said = [f for f in found if f.check == "amplification" and f.severity == "error"]
    assert said and link.rstrip(".") in said[0].message


def test_a_quote_cited_to_the_outlet_that_printed_it_gets_a_reminder_to_name_the_first(
) -> None:
    md = before_sources(f"As Ibrahim put it, {NOT_ALL} [1]")(generated("harsh-points"))
    _, found = check(md)
    mine = [f for f in found if f.check == "citations" and "q-020" in f.message]
    assert [(f.severity, "CBS" in f.message) for f in mine] == [("info", True)]
