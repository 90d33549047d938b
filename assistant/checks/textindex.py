"""An index of the words in many texts, to find the few that can hold a passage.

Each text is read as its runs of letters and digits, lower-cased (a final sigma is
taken as a plain one, so lower-casing a piece and the whole agree). A passage that stands
in a text, as a substring, holds some of those runs whole: every run with something
else (a space, a comma) on both sides within the passage. The texts holding all of
the passage's whole runs are the only candidates; the caller still compares each
candidate exactly. A run at the passage's edge may be cut ("ll everyone" stands in
"kill everyone"): it is looked up as the end, the start or a part of the words the
index knows, which costs a pass over the distinct words, not over the texts.

Only the candidates are a superset of the truth; the exact comparison decides.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

_RUN = re.compile(r"[^\W_]+")
_SEP = "\x00"
_MANY = 2_000  # cut-edge look-ups matching more words than this narrow nothing


def runs(text: str) -> list[tuple[str, int, int]]:
    """The runs of a text lower-cased, each with where it starts and ends."""
    lowered = text.lower()
    return [(m.group(0).replace("ς", "σ"), m.start(), m.end()) for m in _RUN.finditer(lowered)]


def keys(text: str) -> list[str]:
    return _RUN.findall(text.lower().replace("ς", "σ"))


class TextIndex:
    """Which of `texts` hold which runs. Positions are indexes into `texts`."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.postings: dict[str, list[int]] = {}
        count = 0
        for i, text in enumerate(texts):
            for key in set(keys(text)):
                self.postings.setdefault(key, []).append(i)
            count = i + 1
        self.size = count
        self._sets: dict[str, frozenset[int]] = {}
        self._vocabulary: tuple[str, list[int], list[str]] | None = None

    def holding(self, key: str) -> frozenset[int]:
        """The texts that hold a run."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.postings.get(key, ()))
        return found

    def holding_all(self, keys_: Sequence[str]) -> frozenset[int]:
        """The texts that hold every one of the runs (rarest first)."""
        ordered = sorted(set(keys_), key=lambda k: len(self.postings.get(k, ())))
        found = self.holding(ordered[0]) if ordered else frozenset(range(self.size))
        for key in ordered[1:]:
            if not found:
                break
            found = found & self.holding(key)
        return found

    def _words(self) -> tuple[str, list[int], list[str]]:
        if self._vocabulary is None:
            words = sorted(self.postings)
            starts, pos = [], 1
            for w in words:
                starts.append(pos)
                pos += len(w) + 1
            self._vocabulary = (_SEP + _SEP.join(words) + _SEP, starts, words)
        return self._vocabulary

    def _cut(self, run: str, start: bool, end: bool) -> frozenset[int] | None:
        """Texts with a word that starts with `run` (when the passage cut its end),
        ends with it (cut start) or holds it (both); None when too many words do."""
        joined, starts, words = self._words()
        needle = (_SEP if not start else "") + run + (_SEP if not end else "")
        hits: set[int] = set()
        pos = joined.find(needle)
        while pos >= 0:
            hits.add(bisect_right(starts, pos + (0 if start else 1)) - 1)
            if len(hits) > _MANY:
                return None
            pos = joined.find(needle, pos + 1)
        found: set[int] = set()
        for w in hits:
            found.update(self.postings[words[w]])
        return frozenset(found)

    def candidates(self, passage: str, whole_words: bool = False) -> frozenset[int] | None:
        """The texts that may hold `passage` as a substring (or, with `whole_words`, with
        no letter or digit either side of it); None: no narrowing, every text may."""
        found = runs(passage)
        lowered_len = len(passage.lower())
        whole = [k for k, a, b in found if whole_words or (a > 0 and b < lowered_len)]
        if whole:
            return self.holding_all(whole)
        best: frozenset[int] | None = None
        for key, a, b in found:  # only cut runs are left: the first and the last
            cut = self._cut(key, a == 0, b == lowered_len)
            if cut is not None and (best is None or len(cut) < len(best)):
                best = cut
        return best


class PhraseFinder:
    """Which of many phrases a text may hold whole (each run of the phrase a run of the
    text): each phrase is filed under one of its runs, so a text is looked up by its own
    runs, not tried against every phrase. The caller still tests each candidate."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.by_run: dict[str, list[int]] = {}
        self.always: list[int] = []  # phrases without a letter or digit: always tried
        for i, phrase in enumerate(phrases):
            found = keys(phrase)
            if found:
                self.by_run.setdefault(max(found, key=len), []).append(i)
            else:
                self.always.append(i)

    def candidates(self, text: str) -> list[int]:
        """Positions of the phrases the text may hold, in the phrases' order."""
        found = set(self.always)
        for run in set(keys(text)):
            found.update(self.by_run.get(run, ()))
        return sorted(found)
