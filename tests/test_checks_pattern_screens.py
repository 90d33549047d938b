"""A tone or graphic pattern is tried only on a text that holds the words its every match
holds (read from the pattern as written). These tests hold that screen to its promise:
it never keeps a pattern from a text the pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checks.vocabulary import (
    Pattern,
    Rule,
    Screen,
    Severity,
    _ascii_words,
    _Lead,
    _leads,
    graphic_rules,
    one_reading,
    pattern_needs,
    style_guide,
)


def _bundled_patterns() -> list[tuple[str, Pattern]]:
    rules = {**style_guide(), "graphic": graphic_rules()}
    return [(f"{name}[{i}]", p) for name, rule in rules.items()
            for i, p in enumerate(rule.patterns)]


@pytest.mark.parametrize(("source", "needs"), [
    (r"\byou (?:all )?(?:must|should)\b",
     [(("you", True),), (("must", True), ("should", True))]),
    (r"\bhaha+\b", [(("haha", False),)]),  # the last letter repeats: text, not a word
    (r"(?<![\w-])idiot[\w-]*", [(("idiot", False),)]),
    (r"\bcolou?r\b", [(("colo", False),)]),
    (r"\babc\s*def", [(("abc", False),), (("def", False),)]),  # "abcdef" matches too
    (r"\babc ?def", [(("abc", False),)]),
    (r"\babc\s+def\b", [(("abc", True),), (("def", True),)]),
    (r"\bshould be|\bshame on", [(("should", True), ("shame", True))]),
    ("abc", [(("abc", False),)]),  # no word start: found anywhere ("xabc" matches)
    (r"!{2,}|\?!|!\?", [(("!", False), ("?!", False), ("!?", False))]),
    (r"\bab(?:c|d)e", [(("ab", False),), (("c", False), ("d", False)), (("e", False),)]),
    (r"\bit(?:[’']s| is) (?:time|high time) to\b",  # a group nothing is read of is passed
     [(("it", False),), (("time", True), ("high", True)), (("to", True),)]),
])
def test_the_words_a_pattern_needs_are_read_from_it_as_written(source, needs):
    assert pattern_needs(source) == needs


@pytest.mark.parametrize("source", [
    r"\b(?:a|)",  # one branch holds nothing
    r"(?-i:\b[A-Z]{3,})",  # flags, classes: nothing is read
    r"[ab]+c?",
    r"\b(abc)",  # a capturing group is not read
    r"abc|[xy]",  # one branch of the whole holds nothing known
])
def test_a_pattern_whose_words_cannot_be_told_is_tried_on_every_text(source):
    assert pattern_needs(source) is None


@pytest.mark.parametrize(("label", "pattern"), _bundled_patterns(),
                         ids=[label for label, _ in _bundled_patterns()])
@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_text_a_bundled_pattern_matches_is_screened_out(label, pattern, data):
    lead = dict(_leads(_rule_of(pattern)))[pattern]
    if lead is None:
        return  # tried on every text
    text = data.draw(st.from_regex(pattern.pattern, fullmatch=True,
                                   alphabet=st.characters(codec="ascii")))
    view = _ascii_words(text)
    assert view is None or lead.may_match(view), (label, text)


def _rule_of(pattern: Pattern) -> Rule:
    rules = {**style_guide(), "graphic": graphic_rules()}
    return next(r for r in rules.values() if pattern in r.patterns)


def test_a_pattern_is_tried_only_where_its_words_are():
    rule = Rule("t", Severity.warning, "m", "", (), {}, (
        Pattern(re.compile(r"\bsay(?:s|ing)? hello\b", re.I), "greets", ""),))
    with one_reading():
        assert [m.group(0) for _, m in rule.find_patterns("She says hello.")] == ["says hello"]
        assert rule.find_patterns("She says goodbye.") == []
        # the screen would keep the pattern from a text without "hello"...
        lead = dict(_leads(rule))[rule.patterns[0]]
        assert lead is not None and not lead.may_match(_ascii_words("She says goodbye."))
        # ...and so the property above fails for a screen that asks for the wrong word
        wrong = _Lead(((frozenset({"goodbye"}), ()),))
        assert not wrong.may_match(_ascii_words("She says hello."))


def test_every_bundled_pattern_finds_in_a_block_what_it_finds_unscreened():
    """On texts made of the bundled patterns' own words, the screened search finds
    exactly what trying every pattern finds."""
    rules = style_guide()
    texts = [
        "You all must wake up. It is time to wake up, said nobody.",
        "Parents have a duty to act. Families must do better, and we all must step up.",
        "Don't be fooled: how could anyone possibly believe them? Any sane person knows.",
        "Clearly, everyone knows. Who would have thought?! Haha, what a joke.",
        "They are stupid dupes. He is a naive fool. Shame on them. Big heroes, indeed.",
        "The fighters were brainwashed idiots, and you should all feel deeply ashamed.",
        "Let me be absolutely clear: THIS IS WRONG. How stupid can they be?",
        "A plain sentence about the reports, with nothing to find in it.",
    ]
    with one_reading():
        for name in ("insults", "lecturing", "mocking"):
            rule = rules[name]
            for text in texts:
                every = sorted(((p, m.span()) for p in rule.patterns
                                for m in p.pattern.finditer(text)),
                               key=lambda h: h[1][0])
                found = [(p, m.span()) for p, m in rule.find_patterns(text)]
                if rule.keys is not None and not rule.keys.search(text):
                    every = []
                assert found == every, (name, text)


def test_a_word_list_the_document_does_not_hold_anywhere_is_not_looked_for():
    rules = style_guide()
    plain = Screen(["Defectors describe a life far from the one they were promised."])
    assert not plain.may_contain(rules["insults"].key_terms)
    assert plain.patterns(rules["insults"]) == ((), ())
    rude = Screen(["A plain paragraph.", "They are idiots, all of them."])
    assert rude.may_contain(rules["insults"].key_terms)
    with one_reading():
        assert rules["insults"].find_patterns("They are idiots, all of them.", rude)


@pytest.mark.parametrize("text", [
    "They are ſtupid, all of them.",  # the long s IGNORECASE reads as an s
    "THEY ARE STUPİD.",  # a dotted capital I
    "Ces gens sont des idiots, dit-il à la télé.",  # accents elsewhere in the text
])
def test_the_document_screen_keeps_what_the_patterns_find_in_any_script(text):
    rule = style_guide()["insults"]
    with one_reading():
        unscreened = [(p, m.span()) for p, m in rule.find_patterns(text)]
        screened = [(p, m.span()) for p, m in rule.find_patterns(text, Screen([text]))]
    assert unscreened and screened == unscreened
