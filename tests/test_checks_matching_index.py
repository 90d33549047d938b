"""Matching a quotation through the word index gives what comparing it with every corpus
quote gives: the same status, the same quotes in the same order (all of them, when
several fit equally well), the same changes and the same nearest quote. The quotations
are made from the corpus's own texts, cut, altered, re-cased and re-punctuated the ways
a brief does it, so most of them match something and many match only nearly."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.checks.document import parse
from assistant.checks.matching import Match, _match, _quotes
from assistant.checks.quotations import Quotation, find_quotations
from assistant.corpus import Corpus, load_corpus
from assistant.paths import bundled_corpus_dir
from tests.checks_helpers import corpus as fixture_corpus

_BUNDLED: list[Corpus] = []


def bundled() -> Corpus:
    if not _BUNDLED:
        _BUNDLED.append(load_corpus(bundled_corpus_dir()))
    return _BUNDLED[0]


def _seen(m: Match) -> tuple[object, ...]:
    return (m.status, [q.id for q in m.quotes], m.changes, m.nearest.id if m.nearest else None)


def _quotations(markdown: str) -> list[Quotation]:
    return find_quotations(parse(markdown))


def _same_either_way(corpus: Corpus, markdown: str) -> None:
    index = _quotes(corpus)
    for q in _quotations(markdown):
        assert _seen(_match(q, index, None)) == _seen(_match(q, index, None, everything=True)), q.text


def _edit(text: str, how: int, at: int, word: str) -> str:
    """One of the edits a brief makes to a quote (or a mistake it makes)."""
    words = text.split()
    if not words:
        return text
    k = at % len(words)
    if how == 0:  # a part of it
        return " ".join(words[k : k + 6])
    if how == 1:  # a word left out
        return " ".join(words[:k] + words[k + 1 :])
    if how == 2:  # a word changed
        return " ".join([*words[:k], word, *words[k + 1 :]])
    if how == 3:  # a cut marked with an ellipsis
        return " ".join(words[:k]) + " … " + " ".join(words[k + 2 :])
    if how == 4:  # an insertion in brackets
        return " ".join([*words[:k], f"[{word}]", *words[k:]])
    if how == 5:  # first letter re-cased, straight marks for curly ones
        flat = text.replace("’", "'").replace("—", "-")
        return flat[:1].swapcase() + flat[1:]
    if how == 6:  # cut inside words: the ends of the quotation are parts of words
        return text[at % max(1, len(text) // 2) :][: 40 + at % 40]
    if how == 7:  # a scare quote of one to three words
        return " ".join(words[k : k + 1 + at % 3])
    return word  # a word of the brief's own


def _texts(corpus: Corpus) -> list[str]:
    found = [q.text for q in corpus.quotes.values()]
    found += [f.statement for f in corpus.facts.values()]
    found += [t.claim for t in corpus.themes.values()]
    found += [s.label for s in corpus.speakers.values()]
    return found


def _brief(corpus: Corpus, edits: list[tuple[int, int, int, str, bool]]) -> str:
    texts = _texts(corpus)
    lines = []
    for which, how, at, word, block in edits:
        quoted = _edit(texts[which % len(texts)], how, at, word).replace("\n", " ")
        lines.append(f"> {quoted}\n" if block else f"They said “{quoted}” [1].\n")
    return "\n".join(lines)


_EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8), st.integers(0, 200),
                            st.sampled_from(["fighters", "the", "Caliphate", "not", "Syria",
                                             "they", "İstanbul", "ΟΔΟΣ", "self-declared",
                                             "x"]),
                            st.booleans()), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS)
def test_quotations_match_the_same_through_the_index_as_against_every_quote(
        edits: list[tuple[int, int, int, str, bool]]) -> None:
    _same_either_way(bundled(), _brief(bundled(), edits))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS)
def test_the_checks_corpus_matches_the_same_through_the_index(
        edits: list[tuple[int, int, int, str, bool]]) -> None:
    _same_either_way(fixture_corpus(), _brief(fixture_corpus(), edits))


_DOUBLED: list[Corpus] = []


def doubled() -> Corpus:
    """The bundled corpus with every third quote filed a second time, under another id
    and another source: one remark printed by two outlets."""
    if not _DOUBLED:
        corpus = bundled()
        quotes = dict(corpus.quotes)
        for q in list(corpus.quotes.values())[::3]:
            again = q.model_copy(update={"id": f"{q.id}-again",
                                         "sources": list(reversed(q.sources))})
            quotes[again.id] = again
        _DOUBLED.append(dataclasses.replace(corpus, quotes=quotes))
    return _DOUBLED[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS)
def test_a_corpus_holding_remarks_twice_matches_the_same_through_the_index(
        edits: list[tuple[int, int, int, str, bool]]) -> None:
    """Copies with the same text are compared once for all of them: every copy is still
    found, in corpus order, and the nearest is the first copy, as comparing each finds."""
    _same_either_way(doubled(), _brief(doubled(), edits))


def test_every_bundled_quote_quoted_whole_cut_and_altered_matches_the_same_either_way() -> None:
    corpus = bundled()
    lines = []
    for n, q in enumerate(corpus.quotes.values()):
        text = q.text.replace("\n", " ")
        for how in range(8):
            lines.append(f"> {_edit(text, how, n * 7 + how, 'never')}\n")
    _same_either_way(corpus, "\n".join(lines))


def test_a_quote_the_corpus_holds_twice_is_matched_to_both() -> None:
    corpus = bundled()
    first = next(iter(corpus.quotes.values()))
    twin = first.model_copy(update={"id": "q-twin"})
    doubled = dataclasses.replace(corpus, quotes={**corpus.quotes, "q-twin": twin})
    quotation = _quotations(f"> {first.text}\n")[0]
    match = _match(quotation, _quotes(doubled), None)
    ids = [q.id for q in match.quotes]
    assert ids[0] == first.id and ids[-1] == "q-twin"  # in corpus order, the copy last
    assert ids == [q.id for q in _match(quotation, _quotes(doubled), None, everything=True).quotes]


def test_a_cut_inside_words_still_finds_its_quote() -> None:
    corpus = bundled()
    quote = next(q for q in corpus.quotes.values() if len(q.text.split()) > 8)
    text = quote.text.replace("\n", " ")
    cut = text[2:-2]  # starts and ends inside a word
    match = _match(_quotations(f"> {cut}\n")[0], _quotes(corpus), None)
    assert quote.id in [q.id for q in match.quotes]
