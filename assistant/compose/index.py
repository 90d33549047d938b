"""Selection that scales: the corpus indexed once, a brief reading only the best quotes.

`rank_quotes` and `choose_quotes` define the selection over every quote linked to a theme.
At 100,000 quotes that is tens of thousands of candidates per brief, each with its
reasons. Here the same ranking is kept as plain keys, one per remark, built once per theme
and audience from an index made on the corpus's first brief (each quote's theme strengths,
speaker role, rule flags, word count and remark); a brief takes the best remarks from a
bounded heap, builds candidates for those only and chooses among them with
`choose_quotes`, which is told how well anything below could score. Where something below
could change a choice or a reason, it asks for more and the heap gives four times as many,
up to the whole ranking: the choice, and the reasons of every candidate a brief lists,
are always those of the full scan (tests/test_selection_index.py compares them).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..corpus.loader import Corpus
from ..corpus.models import Audience, Role, Theme
from .brief import Candidate, TemplateInfo
from .select import (
    FRAGMENT_WEIGHT,
    GLOSS_WEIGHT,
    GRAPHIC_WEIGHT,
    MIN_SCORE,
    MIXED_MOTIVES_WEIGHT,
    STRENGTH_WEIGHT,
    NeedMore,
    PostText,
    Rest,
    _as_remark,
    _candidate,
    choose_quotes,
    messenger_weight,
    rank_key,
    refuse_pins,
    remark_fits,
    remarks,
    words_in,
)

SHOWN = 100
"""Remarks a brief lists among its candidates, best first (with every chosen, pinned or
excluded one wherever it ranks); the choice itself weighs every linked quote."""

Key = tuple[bool, float, str, tuple[str, ...]]
"""(not allowed, minus the remark's best score, its first quote's id, its quotes): sorts
remarks as rank_quotes sorts candidates. Ids are unique, so the tuple is never compared."""


@dataclass(frozen=True, slots=True)
class _Entry:
    """What ranking reads of one quote, whatever the theme and audience."""

    role: Role
    graphic: bool
    threat: bool
    tags: frozenset[str]
    bonus: float  # fragment, mixed motives and gloss: the same for every theme
    words: int
    strengths: dict[str, int]


Shape = tuple[int | None, int | None, bool]
"""What of a template decides whether a remark fits: its longest quotation, its longest
post, and whether it is posts."""


@dataclass
class _Open:
    """The remarks of a ranking that a format could use (allowed, and fitting it), best
    first, found as far as a brief has needed; with those led by someone who left."""

    keys: list[Key] = field(default_factory=list)
    words: list[int] = field(default_factory=list)  # of each of `keys`
    voices: list[Key] = field(default_factory=list)
    within: dict[tuple[int, int], int] = field(default_factory=dict)
    """(from, words) -> the first of `keys` from there on within that many words."""
    scanned: int = 0
    done: bool = False


class Ranking:
    """One theme's remarks for one audience, in the order of the full scan, popped from a
    heap only as far as briefs need them."""

    def __init__(self, theme_id: str, keys: list[Key], index: SelectionIndex) -> None:
        self.theme_id = theme_id
        self.keys = keys
        self.size = len(keys)
        self.quotes = sum(len(k[3]) for k in keys)
        self.heads = {k[2] for k in keys}
        self._index = index
        self._heap = list(keys)
        heapq.heapify(self._heap)
        self._sorted: list[Key] = []
        self._open: dict[Shape, _Open] = {}
        self._testimony: tuple[bool, bool] | None = None

    def top(self, k: int) -> list[Key]:
        """The best `k` remarks (all of them when there are fewer), best first."""
        while len(self._sorted) < k and self._heap:
            self._sorted.append(heapq.heappop(self._heap))
        return self._sorted[:k]

    def usable(self, shape: Shape, fits: Callable[[Key], bool], n: int) -> list[Key]:
        """The best `n` remarks the format can use (fewer when there are no more)."""
        found = self._open.setdefault(shape, _Open())
        while len(found.keys) < n and not found.done:
            self._scan(found, fits)
        return found.keys[:n]

    def first_voice(self, shape: Shape, fits: Callable[[Key], bool], skip: set[str],
                    words_left: int | None) -> Key | None:
        """The best usable remark from someone who left, strong enough to be used, neither
        pinned nor excluded, within `words_left` words: the brief's first place."""
        found = self._open.setdefault(shape, _Open())
        seen = 0
        while True:
            for key in found.voices[seen:]:
                if not skip.intersection(key[3]) and (
                        words_left is None
                        or sum(self._index.entries[q].words for q in key[3]) <= words_left):
                    return key
            seen = len(found.voices)
            if found.done:
                return None
            self._scan(found, fits)

    def below(self, shape: Shape, fits: Callable[[Key], bool], taken: set[str],
              skip: set[str], words_left: int | None, floor: float,
              start: int = 0) -> Iterator[Key]:
        """Usable remarks from the `start`th on, not among `taken` (by first quote), neither
        pinned nor excluded, within `words_left` words, scoring at least `floor`, best
        first."""
        found = self._open.setdefault(shape, _Open())
        i = start
        while True:
            if words_left is not None:
                i = self._within(found, fits, i, words_left)
            if i >= len(found.keys) and not found.done:
                self._scan(found, fits)
                continue
            if i >= len(found.keys):
                return
            key = found.keys[i]
            i += 1
            if -key[1] < floor:
                return
            if key[2] not in taken and not skip.intersection(key[3]):
                yield key

    def _within(self, found: _Open, fits: Callable[[Key], bool], start: int,
                words_left: int) -> int:
        """The first usable remark from `start` on within `words_left` words (the number
        of those found so far when none is), remembered for the next brief."""
        known = found.within.get((start, words_left))
        if known is not None and known < len(found.keys):
            return known
        i = start if known is None else known
        while True:
            while i < len(found.keys) and found.words[i] > words_left:
                i += 1
            if i < len(found.keys) or found.done:
                break
            self._scan(found, fits)
        found.within[(start, words_left)] = i
        return i

    def words(self, key: Key) -> int:
        return sum(self._index.entries[q].words for q in key[3])

    def _scan(self, found: _Open, fits: Callable[[Key], bool]) -> None:
        """Look at the next remarks in rank order (a batch at a time)."""
        batch = self.top(found.scanned + 64)[found.scanned:]
        found.scanned += len(batch)
        for key in batch:
            if key[0]:  # not allowed: nor is anything after it
                found.done = True
                return
            if fits(key):
                found.keys.append(key)
                found.words.append(self.words(key))
                if -key[1] >= MIN_SCORE and self._index.entries[key[2]].role is Role.defector:
                    found.voices.append(key)
        if found.scanned >= self.size:
            found.done = True

    def testimony(self) -> tuple[bool, bool]:
        """Whether anyone who left is quoted on the theme, and whether the audience's rules
        allow any of it (for the brief's notices). Worked out once."""
        if self._testimony is None:
            linked = [not k[0] for k in self.keys for q in k[3]
                      if self._index.entries[q].role is Role.defector
                      and self._index.entries[q].strengths.get(self.theme_id)]
            self._testimony = (bool(linked), any(linked))
        return self._testimony


class SelectionIndex:
    """Every quote's ranking facts, each theme's linked quotes and every remark."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.groups = {qid: tuple(ids) for qid, ids in remarks(corpus).items()}
        self.entries: dict[str, _Entry] = {}
        self.by_theme: dict[str, list[str]] = {tid: [] for tid in corpus.themes}
        for q in corpus.quotes.values():
            strengths: dict[str, int] = {}
            for link in q.themes:
                strengths[link.theme] = max(strengths.get(link.theme, 0), link.strength)
            bonus = 0.0
            if "fragment" in q.tags:
                bonus += FRAGMENT_WEIGHT
            if "mixed-motives" in q.tags:
                bonus += MIXED_MOTIVES_WEIGHT
            if q.gloss and q.same_as in corpus.quotes:
                bonus += GLOSS_WEIGHT
            self.entries[q.id] = _Entry(corpus.speakers[q.speaker].role, q.graphic, q.threat,
                                        frozenset(q.tags), bonus, words_in(q.text), strengths)
            for tid, strength in strengths.items():
                if strength and tid in self.by_theme:
                    self.by_theme[tid].append(q.id)
        self._rankings: dict[tuple[str, str], Ranking] = {}
        self.made: dict[tuple[object, ...], dict[str, Candidate]] = {}

    def unit(self, qid: str) -> tuple[str, ...]:
        return self.groups.get(qid, (qid,))

    def key(self, unit: tuple[str, ...], theme: Theme, audience: Audience) -> Key:
        """A remark's place in the ranking, as _candidate and rank_quotes would give it."""
        ranks = {role: n for n, role in enumerate(audience.messengers)}
        kept_out = set(audience.kept_out)
        allowed, best = True, float("-inf")
        for qid in unit:
            e = self.entries[qid]
            score = STRENGTH_WEIGHT * e.strengths.get(theme.id, 0) + e.bonus
            rank = ranks.get(e.role)
            if rank is None:
                allowed = False
            else:
                score += messenger_weight(rank)
            if e.graphic:
                if audience.graphic_allowed:
                    score += GRAPHIC_WEIGHT
                else:
                    allowed = False
            if (e.threat and not audience.threat_allowed) or "narrative" in e.tags \
                    or not kept_out.isdisjoint(e.tags):
                allowed = False
            best = max(best, score)
        return (not allowed, -best, unit[0], unit)

    def ranking(self, theme: Theme, audience: Audience) -> Ranking:
        found = self._rankings.get((theme.id, audience.id))
        if found is None:
            units = {self.unit(qid) for qid in self.by_theme.get(theme.id, [])}
            found = Ranking(theme.id, [self.key(u, theme, audience) for u in units], self)
            self._rankings[(theme.id, audience.id)] = found
        return found


def selection_index(corpus: Corpus) -> SelectionIndex:
    """The corpus's index, made on first use and kept with the corpus."""
    index = corpus.derived.get("selection")
    if not isinstance(index, SelectionIndex) or index.corpus is not corpus:
        index = corpus.derived["selection"] = SelectionIndex(corpus)
    return index


@dataclass(frozen=True)
class Selection:
    """The candidates a brief lists (the best SHOWN remarks, and every chosen, pinned or
    excluded one), best first, and how many quotes were weighed."""

    candidates: list[Candidate]
    considered: int
    testimony: tuple[bool, bool]
    """Anyone who left quoted on the theme; any of it allowed for the audience."""


def select_quotes(corpus: Corpus, theme: Theme, audience: Audience, template: TemplateInfo,
                  pins: Iterable[str], exclusions: Iterable[str], post_text: PostText | None,
                  count: int, per_remark: bool, word_budget: int | None) -> Selection:
    """rank_quotes then choose_quotes, reading only as much of the ranking as the choice
    needs. Raises ChoiceRefused as rank_quotes does."""
    index = selection_index(corpus)
    ranking = index.ranking(theme, audience)
    pin_set, exclusion_set = set(pins), set(exclusions)
    # pinned remarks are considered wherever they rank, linked or not; excluded ones only
    # when linked (rank_quotes considers no other)
    pinned = {index.unit(q) for q in pin_set}
    extra = pinned | {u for u in (index.unit(q) for q in exclusion_set) if u[0] in ranking.heads}
    extra_keys = [index.key(u, theme, audience) for u in extra]
    unlinked = sum(len(u) for u in extra if u[0] not in ranking.heads)
    skip = pin_set | exclusion_set
    shape: Shape = (template.quote_max_chars, template.post_chars, post_text is None)

    def fits(key: Key) -> bool:
        return remark_fits([corpus.quotes[q] for q in key[3]], template, post_text)

    # The first place goes to the best usable remark from someone who left, wherever it
    # ranks: found here, so that choose_quotes has it among its candidates.
    voice = None
    if count and not any(index.entries[u[0]].role is Role.defector for u in pinned):
        used = sum(index.entries[q].words for u in pinned for q in u)
        voice = ranking.first_voice(shape, fits, skip,
                                    None if word_budget is None else word_budget - used)
    if voice is not None:
        extra_keys.append(voice)
    # candidates as rank_quotes makes them, kept for the next brief (a pinned or excluded
    # remark is made afresh)
    made = index.made.setdefault((theme.id, audience.id, template.name, *shape), {})
    n = SHOWN + len(extra)
    short: dict[int, int] = {}  # room left for quotations -> how many remarks within it
    while True:
        usable = ranking.usable(shape, fits, n + 1)
        within = [key for words, m in short.items()
                  for key in islice(ranking.below(shape, fits, set(), skip, words, MIN_SCORE), m)]
        keys = {key[2]: key for key in [*ranking.top(SHOWN), *usable[:n], *within,
                                        *extra_keys]}
        units = {q: key[3] for key in keys.values() for q in key[3]}
        fresh = {
            qid: _candidate(corpus, corpus.quotes[qid], theme, audience, template,
                            qid in pin_set, qid in exclusion_set, list(units[qid]))
            for qid in sorted(units) if qid not in made or skip.intersection(units[qid])
        }
        _as_remark(fresh, template, post_text)
        made.update((q, c) for q, c in fresh.items() if not skip.intersection(units[q]))
        candidates = {qid: fresh.get(qid) or made[qid] for qid in sorted(units)}
        refuse_pins(candidates, pin_set, audience, template)
        ranked = sorted(candidates.values(), key=lambda c: rank_key(c, candidates))
        rest = None if len(usable) <= n else _rest(ranking, shape, fits, set(keys), skip,
                                                  n, voice is not None)
        try:
            chosen = choose_quotes(ranked, count, per_remark, word_budget, rest)
        except NeedMore as missing:
            # short of a remark within the words left: read those; else read further
            if missing.words is not None and missing.words not in short:
                short[missing.words] = SHOWN
            elif missing.words is not None and short[missing.words] < ranking.size:
                short[missing.words] *= 4
            else:
                n *= 4
            continue
        return Selection(_listed(chosen), ranking.quotes + unlinked, ranking.testimony())


def _rest(ranking: Ranking, shape: Shape, fits: Callable[[Key], bool], taken: set[str],
          skip: set[str], n: int, voice: bool) -> Rest:
    """What choose_quotes is told of the remarks it is not given: all but the first `n`
    usable ones, and some below them (`taken`)."""

    def live(words: int | None) -> bool:
        return next(ranking.below(shape, fits, taken, skip, words, MIN_SCORE, n),
                    None) is not None

    def beats(value: float, score: float, head: str, words: int | None) -> bool:
        # the best of them decides: any other scores no more, or as much with a later id
        for key in ranking.below(shape, fits, taken, skip, words, value, n):
            return -key[1] > value or (value == score and key[2] < head)
        return False

    # none is a better first voice: the best that fits is among the candidates already
    best = -ranking.usable(shape, fits, n + 1)[n][1]
    return Rest(best=best, defector_fits=lambda _words: voice, live=live, beats=beats)


def _listed(ranked: list[Candidate]) -> list[Candidate]:
    """The best SHOWN remarks, then every chosen, pinned or excluded one, in rank order."""
    heads: list[str] = []
    for c in ranked:
        if c.remark[0] not in heads[-1:]:
            heads.append(c.remark[0])
    shown = set(heads[:SHOWN])
    return [c for c in ranked if c.remark[0] in shown or c.chosen or c.pinned or c.excluded]
