"""A word list skips a text only when none of its terms or patterns can match there: what
it finds is what scanning every text with every term and pattern finds, whatever the
case, punctuation or look-alike letters (ſ, K, ı, İ) of the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks import graphic
from assistant.checks.vocabulary import Rule, _combined, graphic_rules, style_guide


def _rules() -> list[Rule]:
    return [*style_guide().values(), graphic_rules()]


def _pieces() -> list[str]:
    words: list[str] = []
    for rule in _rules():
        for term in rule.terms:
            words += term.phrase.replace("*", "ing").split()
    return [*sorted(set(words)), "YOU MUST", "you  must", "don’t be fooled", "!!", "HA HA",
            "ſlogan", "Kill", "İsis", "ısis", "naïve", "behead-", "-caliph", "“", "”", "’", "—", "…", " ", "\n", ".", "?!"]


def _all_terms(rule: Rule, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "") for m in _combined(rule).finditer(text)]


def _all_patterns(rule: Rule, text: str) -> list[tuple[int, int, str]]:
    hits = [(p, m) for p in rule.patterns for m in p.pattern.finditer(text)]
    return [(m.start(), m.end(), p.message) for p, m in sorted(hits, key=lambda h: h[1].start())]


def _same(text: str) -> None:
    for rule in _rules():
        found = [(m.start(), m.end(), m.lastgroup or "") for _, m in rule.find(text)]
        assert found == _all_terms(rule, text), (rule.name, text)
        patterns = [(m.start(), m.end(), p.message) for p, m in rule.find_patterns(text)]
        assert patterns == _all_patterns(rule, text), (rule.name, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_pieces()), st.sampled_from([" ", "", "-", ", "]),
                          st.sampled_from([str, str.upper, str.title, str.lower])),
                max_size=12))
def test_each_list_finds_what_every_term_and_pattern_finds(
        parts: list[tuple[str, str, object]]) -> None:
    _same("".join(case(word) + gap for word, gap, case in parts))  # type: ignore[operator]


def test_look_alike_letters_are_found_as_the_letters_they_match() -> None:
    for rule in _rules():
        for term in rule.terms[:5]:
            word = term.phrase.replace("*", "").split()[0]
            for odd in (word.replace("s", "ſ"), word.replace("k", "K"), word.upper(),
                        word.replace("i", "ı"), "“" + word + "”", word + "-like"):
                _same(f"They wrote {odd} here.")


def test_a_brief_with_a_listed_phrase_in_every_block_is_still_reported() -> None:
    text = "\n\n".join(f"Paragraph {n}: you must wake up, it’s time." for n in range(50))
    lecturing = style_guide()["lecturing"]
    assert re.search("you must", text)
    assert len(lecturing.find_patterns(text)) == len(_all_patterns(lecturing, text)) > 0


def _violence_pieces() -> list[str]:
    rule = graphic_rules()
    words = [w.replace("*", "ed") for k in ("acts", "methods", "victims") for w in rule.words(k)]
    return [*words, "the", "with a", "ſ", "K", ".", " ", "’", "—", "Kill", "BEHEADED"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_violence_pieces()), max_size=10))
def test_a_description_of_violence_is_found_as_reading_every_sentence_finds_it(
        words: list[str]) -> None:
    text = " ".join(words)
    rule = graphic_rules()
    found = graphic.described_atrocity(text, rule)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graphic, "may_contain", lambda *_: True)
        everywhere = graphic.described_atrocity(text, rule)
    assert (found and found.span()) == (everywhere and everywhere.span())
