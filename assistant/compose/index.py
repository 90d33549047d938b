"""Indexes that let selection look at the best quotes for a theme without scanning them all.

A grown corpus holds tens of thousands of quotes per theme, but a brief uses a handful.
Built once per loaded corpus (and kept with it), the index holds, for each theme, its
linked quotes grouped by everything the ranking reads of a quote (strength of the link,
the speaker's role, graphic, the narrative and fragment tags), each group in id order.
Every quote of a group gets the same score from the same rules, so the rules are asked
once per group, and the groups merged in rank order yield the theme's quotes best first,
lazily: finding the top of 25,000 quotes costs about what finding the top of 250 does.

Selection then considers the TOP_CANDIDATES best, extended until they come from enough
speakers for diversity to choose from, plus every pinned and excluded quote. The bundled
corpus has fewer quotes per theme than that, so every linked quote is considered there.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..corpus.loader import Corpus
from ..corpus.models import Fact, Quote, Role

TOP_CANDIDATES = 100
"""Quotes a brief considers (beyond pins and exclusions): enough to show and choose from."""

MIN_SPEAKERS = 12
"""Distinct speakers the considered quotes must come from, corpus permitting: choosing
takes one quote per speaker, so the top must not be one prolific speaker's."""

Group = tuple[int, Role, bool, bool, bool]
"""What ranking reads of a quote: strength for the theme, speaker's role, graphic,
tagged narrative, tagged fragment."""

Score = Callable[[Quote], tuple[bool, float]]
"""The rules' verdict on one quote: (shown to this audience, score)."""


def group_of(quote: Quote, strength: int, role: Role) -> Group:
    return (strength, role, quote.graphic, "narrative" in quote.tags, "fragment" in quote.tags)


@dataclass
class SelectionIndex:
    """By theme (grouped as above), by speaker, and the facts any theme may borrow."""

    fingerprint: str
    by_theme: dict[str, dict[Group, list[str]]] = field(default_factory=dict)
    by_speaker: dict[str, list[str]] = field(default_factory=dict)
    general_facts: list[str] = field(default_factory=list)
    _ranked: dict[tuple[str, object], list[tuple[tuple[bool, float], list[str]]]] = field(
        default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus) -> SelectionIndex:
        index = cls(fingerprint=corpus.fingerprint)
        for quote in corpus.quotes.values():
            index.by_speaker.setdefault(quote.speaker, []).append(quote.id)
            speaker = corpus.speakers.get(quote.speaker)
            if speaker is None:
                continue
            strengths: dict[str, int] = {}
            for link in quote.themes:  # the strongest link counts, as in Quote.strength_for
                strengths[link.theme] = max(link.strength, strengths.get(link.theme, 0))
            for theme_id, strength in strengths.items():
                groups = index.by_theme.setdefault(theme_id, {})
                groups.setdefault(group_of(quote, strength, speaker.role), []).append(quote.id)
        for groups in index.by_theme.values():
            for ids in groups.values():
                ids.sort()
        index.general_facts = sorted(f.id for f in corpus.facts.values() if _lendable(f))
        return index

    def ranked(self, corpus: Corpus, theme_id: str, key: object, score: Score) -> Iterator[str]:
        """The theme's linked quotes in rank order: shown before not shown, then by score,
        then by id. `key` names the audience and template the scores are for: the order of
        groups is worked out once per theme and key, and kept."""
        groups = self._ranked.get((theme_id, key))
        if groups is None:
            verdicts: dict[tuple[bool, float], list[str]] = {}
            for ids in self.by_theme.get(theme_id, {}).values():
                shown, points = score(corpus.quotes[ids[0]])
                verdicts.setdefault((not shown, -points), []).extend(ids)
            groups = [(verdict, sorted(ids)) for verdict, ids in sorted(verdicts.items())]
            self._ranked[(theme_id, key)] = groups
        for _, ids in groups:
            yield from ids

    def considered(self, corpus: Corpus, theme_id: str, key: object, score: Score,
                   usable: Callable[[Quote], bool], pins: set[str],
                   exclusions: set[str]) -> set[str]:
        """The ids a brief considers: the best linked quotes (at least TOP_CANDIDATES usable
        ones from at least MIN_SPEAKERS speakers, when the theme has them), every pin, and
        every excluded quote linked to the theme (so the communicator can see and undo it)."""
        chosen: set[str] = set()
        speakers: set[str] = set()
        usable_count = 0
        for qid in self.ranked(corpus, theme_id, key, score):
            chosen.add(qid)
            quote = corpus.quotes[qid]
            if qid not in exclusions and qid not in pins and usable(quote):
                usable_count += 1
                speakers.add(quote.speaker)
            if usable_count >= TOP_CANDIDATES and len(speakers) >= MIN_SPEAKERS:
                break
        linked_exclusions = {q for q in exclusions if q in corpus.quotes
                             and corpus.quotes[q].strength_for(theme_id)}
        return chosen | pins | linked_exclusions

    def first_general_facts(self, corpus: Corpus, count: int, exclude: set[str]) -> list[Fact]:
        """Corroborated, undisputed facts outside `exclude`, in id order, at most `count`."""
        return list(islice((corpus.facts[f] for f in self.general_facts if f not in exclude),
                           max(0, count)))


def _lendable(fact: Fact) -> bool:
    return fact.corroborated and not fact.disagreeing


_INDEXES: dict[int, tuple[weakref.ref[Corpus], tuple[object, ...], SelectionIndex]] = {}


def selection_index(corpus: Corpus) -> SelectionIndex:
    """The corpus's index, built on first use and kept as long as the corpus is.

    Rebuilt when the corpus no longer matches it (another fingerprint, or records added
    or removed since, as a test or an import may do to a corpus in memory)."""
    shape = (corpus.fingerprint, len(corpus.quotes), len(corpus.speakers), len(corpus.facts),
             len(corpus.themes))
    kept = _INDEXES.get(id(corpus))
    if kept is not None and kept[0]() is corpus and kept[1] == shape and corpus.fingerprint:
        return kept[2]
    index = SelectionIndex.build(corpus)
    key = id(corpus)
    _INDEXES[key] = (weakref.ref(corpus, lambda _: _INDEXES.pop(key, None)), shape, index)
    return index
