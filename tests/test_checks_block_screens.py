"""The checks look only at the blocks that may hold what a rule looks for, told once for
the whole document (which words it holds, in which blocks). Told wrongly, a block would be
skipped and a finding lost. These tests hold the screens to that: on documents made of
the rules' own words, the speakers' names, links, tags and look-alike letters, checking
with the screens finds exactly what reading every block finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checks import check_markdown
from assistant.checks.vocabulary import Screen, graphic_rules, style_guide
from assistant.corpus import load_corpus


def _vocabulary() -> list[str]:
    words: list[str] = []
    rules = [*style_guide().values(), graphic_rules()]
    for rule in rules:
        words += [t.phrase.replace("*", "ing") for t in rule.terms]
        for key in ("acts", "methods", "victims", "hosts", "distancing"):
            words += [w.replace("*", "ed") for w in rule.words(key)]
    corpus = load_corpus()
    for speaker in corpus.speakers.values():
        words += [speaker.label, *(speaker.identity.name or "").split()]
    words += [q.text.split(".")[0] for q in list(corpus.quotes.values())[:12]]
    return sorted(set(w for w in words if w.strip()))


_PIECES = [*_vocabulary(), "you must", "YOU ALL MUST WAKE UP", "of course, everyone",
           "who would have thought", "haha", "?!", "@ansar_news", "#dawlah", "hxxps://t[.]me/x",
           "t(dot)me/chan", "https://example.org/a", "www.example.org", "tg://resolve?domain=x",
           "ſ", "K", "İ", "ı", "naïve", "—", "’s", "[1]", ",", ".", "Omar Hassan", "Abu",
           "so-called", "the", "a 26-year-old", "in Raqqa", "his younger brother", "he",
           "the defector", "from Aleppo", "a former teacher", "worked for Mercy Aid",
           "named Karim Haddad", "on Telegram as abu_x1", "omar@example.org", "Ibrahim Khalil"]

_GAPS = [" ", " ", ", ", ". ", "-", "", "\n"]
_BLOCKS = ["{}", "{}", "> {}", "- {}", "## {}", "> “{}”\n> — a defector [1]", "“{}” [1]",
           "Content note: {}"]


def _speakers() -> list[str]:
    corpus = load_corpus()
    return sorted({n for s in corpus.speakers.values()
                   for n in (s.label, s.identity.name) if n})


_SPEAKERS = _speakers()
_DETAILS = ["his younger brother", "her husband", "from Aleppo", "in Manbij", "a former teacher",
            "worked for Mercy Aid", "named Karim Haddad", "on Telegram as abu_x1", "Haddad",
            "omar@example.org", "said", "who is married", ", 26-year-old Syrian fighter",
            *(f"said that {q.text[:90]}" for q in list(load_corpus().quotes.values())[::7])]


@st.composite
def _documents(draw: st.DrawFn) -> str:
    blocks = [f"{draw(st.sampled_from(_SPEAKERS))} {draw(st.sampled_from(_DETAILS))}."
              for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(1, 7))):
        words = draw(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS),
                                        st.sampled_from([str, str.upper, str.title])),
                              min_size=1, max_size=10))
        text = "".join(case(w) + gap for w, gap, case in words).strip() or "x"
        blocks.append(draw(st.sampled_from(_BLOCKS)).format(text))
    blocks = draw(st.permutations(blocks))
    return "# Brief\n\n" + "\n\n".join(blocks) + "\n\n## Sources\n\n1. A report, 2015.\n"


def _findings(text: str) -> list[tuple[str, str, int | None]]:
    return [(f.check, f.message, f.line) for f in check_markdown(text, load_corpus())]


@settings(max_examples=120, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.data())
def test_checking_only_the_blocks_the_screens_keep_finds_what_reading_every_block_finds(
        data: st.DataObject) -> None:
    text = data.draw(_documents())
    screened = _findings(text)
    with pytest.MonkeyPatch.context() as patch:
        _keep_every_block(patch)
        unscreened = _findings(text)
    assert screened == unscreened, text


def _keep_every_block(patch: pytest.MonkeyPatch) -> None:
    def every(self: Screen, *_: object) -> frozenset[int]:
        return frozenset(range(len(self._starts)))

    patch.setattr(Screen, "holding", lambda self, phrases: None)
    for name in ("pattern_holding", "texts_with", "texts_matching"):
        patch.setattr(Screen, name, every)


def test_the_comparison_above_sees_a_screen_that_skips_a_block() -> None:
    """The property can fail: a screen that keeps no block loses the findings."""
    text = "# Brief\n\nThe recruits were idiots who saw a beheading.\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Screen, "holding", lambda self, phrases: frozenset())
        patch.setattr(Screen, "pattern_holding", lambda self, rule: frozenset())
        skipped = _findings(text)
    assert {c for c, _, _ in _findings(text)} - {c for c, _, _ in skipped} >= {
        "tone", "graphic-content"}


def test_a_rule_found_in_one_block_of_many_is_reported_there() -> None:
    """The screens tell blocks apart: the one block that holds an insult, a graphic word
    and a channel link is reported at its own line, and only there."""
    plain = "Defectors describe a life far from the one they were promised."
    blocks = [plain] * 40
    blocks[17] = "The recruits were idiots, who saw a beheading and followed t.me/channel."
    text = "# Brief\n\n" + "\n\n".join(blocks) + "\n"
    line = text.splitlines().index(blocks[17]) + 1
    found = {(f.check, f.line) for f in check_markdown(text, load_corpus())}
    for check in ("tone", "graphic-content", "amplification"):
        assert (check, line) in found, check
        assert {ln for c, ln in found if c == check} == {line}, check


def test_the_screen_names_the_blocks_that_hold_a_word_standing_whole() -> None:
    screen = Screen(["The fighters left.", "A fighter left.", "Fightersmith spoke.", ""])
    assert screen.holding(("fighter",)) == frozenset({1})
    assert screen.holding(("fighter*",)) == frozenset({0, 1, 2})
    assert screen.texts_with(("SPOKE",)) == frozenset({2})
    assert Screen([]).holding(("fighter",)) == frozenset()
