"""Matching a quotation of the brief to the corpus quote it comes from.

A quotation is split at ellipses (… or ...) and [bracketed insertions]; each part must
appear, in order, in one corpus quote. Quoting part of a corpus quote is fine. The first
letter of a part may change case (a sentence quoted mid-sentence), and punctuation at
the ends of a part may differ (a comma before "he said"). Anything else is a change.
A line break in a corpus quote may be shown as " / " (as exports print it) or as a space.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from ..corpus import Corpus, Quote
from .quotations import Quotation, collapse, typographic, words
from .textindex import TextIndex, keys

_GAP = re.compile(r"(?:…|\.\s?\.\s?\.|\[[^\]\[\n]{0,300}\])")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|…|[^\w\s]")
_EDGE = " \t,;:.!?\"'“”‘’*_"
GAP_TOKEN = "…"
NEAREST = 0.45  # the share of its words a quote must match to be named the nearest
ALTERED = 0.6  # ... to be the quote a quotation is an altered version of
_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x85\u2028\u2029]\s*")


def _readings(text: str) -> list[str]:
    """A corpus quote as it may be quoted: its line breaks as spaces, or as " / "."""
    plain = collapse(text)
    if not _BREAKS.search(text.strip()):
        return [plain]
    return [plain, collapse(_BREAKS.sub(" / ", text.strip()))]


class Status(StrEnum):
    exact = "exact"
    typographic = "typographic"  # only quote marks, dashes, spaces or ellipses differ
    altered = "altered"
    unmatched = "unmatched"
    other_text = "other-text"  # a title, theme claim, speaker label or figure from the corpus
    short_in_corpus = "short-in-corpus"
    short_unknown = "short-unknown"


@dataclass
class Match:
    quotation: Quotation
    status: Status
    quotes: list[Quote] = field(default_factory=list)  # every corpus quote it fits
    changes: list[str] = field(default_factory=list)
    nearest: Quote | None = None

    @property
    def quote(self) -> Quote | None:
        return self.quotes[0] if self.quotes else self.nearest


def parts(text: str) -> list[str]:
    """The literal pieces of a quotation between ellipses and [insertions]."""
    pieces = [collapse(p).strip(_EDGE) for p in _GAP.split(collapse(text))]
    return [p for p in pieces if p]


def _find_in_order(pieces: list[str], text: str, whole_words: bool = False) -> bool:
    pos = 0
    for piece in pieces:
        variants = {piece, piece[:1].swapcase() + piece[1:]}
        if whole_words:  # a scare quote must be whole words: "war" is not in "toward"
            pattern = "|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in variants)
            found = re.compile(pattern).search(text, pos)
            if not found:
                return False
            pos = found.end()
            continue
        hits = [i for i in (text.find(v, pos) for v in variants) if i >= 0]
        if not hits:
            return False
        pos = min(hits) + len(piece)
    return True


class _Quotes:
    """The corpus quotes indexed by their words (built once per corpus), so a quotation
    is compared only with the quotes that hold its words: the cost of matching does not
    grow with the corpus, only with the quotes that really resemble the quotation."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.quotes = list(corpus.quotes.values())
        self.readings = [_readings(q.text) for q in self.quotes]
        # quotes whose text is the same (one remark filed from several sources): what is
        # said of one is said of all, so each text is indexed and scored once
        first: dict[tuple[str, ...], int] = {}
        self.twins: dict[int, list[int]] = {}
        for i, r in enumerate(self.readings):
            self.twins.setdefault(first.setdefault(tuple(r), i), []).append(i)
        self.first_twin = {i: f for f, members in self.twins.items() for i in members}
        self.texts = list(self.twins)  # the first quote of each text, in corpus order
        # positions in the index are positions in `texts`; every reading has its words
        self.index = TextIndex(self.readings[i][0] for i in self.texts)
        self.other = _other_texts(corpus)
        self.other_index = TextIndex(self.other)
        self._lowered: dict[int, list[str]] = {}
        self._typographic: dict[int, list[str]] = {}

    def among(self, found: frozenset[int] | None) -> list[int]:
        """The quotes (every copy) of the texts the index found, in corpus order."""
        if found is None:
            return list(range(len(self.quotes)))
        texts, twins = self.texts, self.twins
        return sorted(i for p in found for i in twins[texts[p]])

    def in_order(self, pieces: list[str], whole_words: bool) -> list[int]:
        """Quotes that may hold the pieces: each piece (or it with its first letter's case
        changed) in some quote, all in one."""
        found: frozenset[int] | None = None
        for piece in pieces:
            here: frozenset[int] | None = frozenset()
            for v in {piece, piece[:1].swapcase() + piece[1:]}:
                got = self.index.candidates(v, whole_words)
                here = None if got is None or here is None else here | got
            if here is not None:
                found = here if found is None else found & here
        return self.among(found)

    def typographic(self, i: int) -> list[str]:
        """A quote's readings with typography evened out (worked out when first asked)."""
        kept = self._typographic.get(i)
        if kept is None:
            kept = self._typographic[i] = [typographic(t) for t in self.readings[i]]
        return kept

    def lowered(self, i: int) -> list[str]:
        """A quote's readings lower-cased, raw and typographic (what the blob held)."""
        kept = self._lowered.get(i)
        if kept is None:
            texts = [t.lower() for t in self.readings[i]]
            kept = self._lowered[i] = texts + [typographic(t) for t in texts]
        return kept

    def anywhere(self, piece: str) -> bool:
        """Whether any quote holds the piece, whatever the case (raw or typographic)."""
        for needle in dict.fromkeys((piece.lower(), typographic(piece).lower())):
            found = self.index.candidates(needle)
            for p in sorted(found) if found is not None else range(len(self.texts)):
                if any(needle in t for t in self.lowered(self.texts[p])):
                    return True
        return False

    def in_other(self, flat: str) -> bool:
        found = self.other_index.candidates(flat)
        return any(flat in self.other[i] for i in
                   (sorted(found) if found is not None else range(len(self.other))))

    def resembling(self, quotation: str) -> tuple[int, list[tuple[int, int]]]:
        """Quotes that share enough of the quotation's words to be its nearest (a score
        of 0.45 or more in `_window_changes`), with the most words each could match,
        most first. A quote missing every one of the rarest words that make up more than
        the other 55% of the quotation cannot reach that score, so only the quotes
        holding one of those are counted."""
        q = _tokens(f" {GAP_TOKEN} ".join(parts(quotation)))
        said = [t for t in q if t != GAP_TOKEN and t[0].isalnum()]
        n = len(said)
        if not n:
            return 1, []
        least = math.ceil(NEAREST * n)
        while least > 0 and (least - 1) / n >= NEAREST:
            least -= 1
        while least / n < NEAREST:
            least += 1
        counts: dict[tuple[str, ...], int] = {}
        for t in said:
            key = tuple(keys(typographic(t).lower()))
            counts[key] = counts.get(key, 0) + 1
        holders = {key: self.index.holding_all(key) for key in counts}
        rarest = sorted(counts, key=lambda k: len(holders[k]))
        need, taken = n - least + 1, 0
        pool: set[int] = set()
        for key in rarest:
            if taken >= need:
                break
            pool |= holders[key]
            taken += counts[key]
        scored = []
        twins, texts = self.twins, self.texts
        for p in pool:
            most = sum(c for key, c in counts.items() if p in holders[key])
            if most >= least:
                scored += [(most, twin) for twin in twins[texts[p]]]
        scored.sort(key=lambda s: (-s[0], s[1]))
        return n, scored


_INDEXES: dict[int, _Quotes] = {}


def _quotes(corpus: Corpus) -> _Quotes:
    kept = _INDEXES.get(id(corpus))
    if kept is None or kept.corpus is not corpus:
        if len(_INDEXES) >= 4:  # a few corpora at a time: old ones are not kept alive
            _INDEXES.clear()
        kept = _INDEXES[id(corpus)] = _Quotes(corpus)
    return kept


def fits_exactly(quotation: Quotation, quote: Quote) -> bool:
    """Whether the quotation is in the quote character for character (not only once
    typography is evened out)."""
    return any(_find_in_order(parts(quotation.text), t, not quotation.checked)
               for t in _readings(quote.text))


def _other_texts(corpus: Corpus) -> list[str]:
    texts: list[str] = [s.title for s in corpus.sources.values()]
    for t in corpus.themes.values():
        texts += [t.title, t.claim]
    texts += [s.label for s in corpus.speakers.values()]
    for f in corpus.facts.values():  # a figure as its source printed it, “more than 300”
        texts += [f.statement, f.conflict_note or ""] + [s.figure for s in f.sources]
    for t in corpus.themes.values():  # our own texts may quote a phrase of a report
        texts += [t.summary, *t.key_messages, *t.pitfalls]
    texts += [q.context for q in corpus.quotes.values() if q.context]
    return [typographic(t).lower() for t in texts]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _shown(tokens: list[str]) -> str:
    """Words as the text prints them: no space before a comma or a full stop."""
    return re.sub(r" (?=[,.;:!?)”’])", "", " ".join(tokens))


def _window_changes(quotation: str, original: str) -> tuple[float, list[str]]:
    """How much of the quotation fits the original, and the word changes, in words.

    Words are compared with typography evened out but shown as each text prints them.
    """
    q = _tokens(f" {GAP_TOKEN} ".join(parts(quotation)))
    c = _tokens(collapse(original))
    qk, ck = [typographic(t) for t in q], [typographic(t) for t in c]
    matcher = difflib.SequenceMatcher(None, [t.lower() for t in qk], [t.lower() for t in ck],
                                      autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    q_words = [t for t in q if t != GAP_TOKEN and t[0].isalnum()]
    matched = sum(1 for b in blocks for t in q[b.a : b.a + b.size] if t[0].isalnum())
    score = matched / max(1, len(q_words))
    if not blocks:
        return 0.0, []
    lo = max(0, blocks[0].b - blocks[0].a)
    hi = min(len(c), blocks[-1].b + blocks[-1].size + (len(q) - blocks[-1].a - blocks[-1].size))
    window, window_keys = c[lo:hi], ck[lo:hi]
    changes: list[str] = []
    ops = difflib.SequenceMatcher(None, qk, window_keys, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        mine = [t for t in q[i1:i2] if t != GAP_TOKEN]
        theirs = _shown(window[j1:j2])
        at_gap = GAP_TOKEN in q[i1:i2]
        if tag == "equal" or (at_gap and not mine):
            continue
        if tag == "insert" and n in (0, len(ops) - 1):
            continue  # quoting part of the original
        if all(not t[0].isalnum() for t in mine + window[j1:j2]) and (
                n in (0, len(ops) - 1) or at_gap):
            continue  # punctuation at an edge
        said = _shown(mine)
        if tag == "replace" and mine:
            changes.append(f"'{theirs}' became '{said}'")
        elif tag in ("replace", "insert") or not mine:
            changes.append(f"'{theirs}' was left out without an ellipsis (…)")
        else:
            changes.append(f"'{said}' was added without [brackets]")
    return score, changes


def match_quotation(quotation: Quotation, corpus: Corpus,
                    other: list[str] | None = None) -> Match:
    """The corpus quote(s) a quotation fits, or the nearest one and what changed.

    `other` replaces the corpus texts that are not quotes (titles, claims, labels,
    figures) a quotation may come from; by default they are the corpus's own."""
    return _match(quotation, _quotes(corpus), other)


def _match(quotation: Quotation, index: _Quotes, other: list[str] | None,
           everything: bool = False) -> Match:
    """`everything` compares the quotation with every quote, not only the candidates the
    index finds: the same result, slowly (the tests hold the two to each other)."""
    pieces = parts(quotation.text)
    quotes, readings = index.quotes, index.readings
    short = not quotation.checked

    def in_other(flat: str) -> bool:
        if other is not None or everything:
            return any(flat in t for t in (other if other is not None else index.other))
        return index.in_other(flat)

    def anywhere(piece: str) -> bool:
        if everything:
            return any(piece.lower() in t or typographic(piece).lower() in t
                       for i in range(len(quotes)) for t in index.lowered(i))
        return index.anywhere(piece)

    def among(found: list[int]) -> list[int]:
        return list(range(len(quotes))) if everything else found

    def fitting(found: list[int], pieces: list[str], texts: Callable[[int], list[str]]
                ) -> list[int]:
        """The quotes that hold the pieces in order, each text tried once for its twins."""
        tried: dict[int, bool] = {}
        fits = []
        for i in among(found):
            twin = index.first_twin[i]
            if twin not in tried:
                tried[twin] = any(_find_in_order(pieces, t, short) for t in texts(twin))
            if tried[twin]:
                fits.append(i)
        return fits

    if short and pieces and not all(anywhere(p) for p in pieces):
        # in no corpus quote at all, whatever the case: no need to look quote by quote
        flat = typographic(" ".join(pieces)).lower()
        if not in_other(flat):
            return Match(quotation, Status.short_unknown)
    exact = [quotes[i] for i in fitting(index.in_order(pieces, short), pieces,
                                        readings.__getitem__)]
    # every copy that fits once typography is evened out is a candidate too: one remark
    # printed by two outlets, straight in one and curly in the other, is one remark, and
    # the citation decides which copy the brief quotes (citations.prefer_cited)
    loose_pieces = parts(typographic(quotation.text))
    taken = {q.id for q in exact}
    loose = [quotes[i] for i in fitting(index.in_order(loose_pieces, short), loose_pieces,
                                        index.typographic) if quotes[i].id not in taken]
    if exact:
        return Match(quotation, Status.short_in_corpus if short else Status.exact,
                     exact + loose)
    if loose:
        return Match(quotation, Status.short_in_corpus if short else Status.typographic, loose)
    flat = typographic(" ".join(pieces)).lower()
    if flat and in_other(flat):
        return Match(quotation, Status.other_text)
    if not quotation.checked:
        return Match(quotation, Status.short_unknown)
    # the first quote, in corpus order, with the best score and the fewest changes
    best: tuple[float, int, int] = (0.0, 0, 0)
    found: tuple[Quote | None, list[str]] = (None, [])
    reading = -1 if " / " in quotation.text else 0
    seen: dict[str, tuple[float, list[str]]] = {}  # a text the corpus holds twice
    said, ranked = ((1, [(0, i) for i in range(len(quotes))]) if everything
                    else index.resembling(quotation.text))
    for most, i in ranked:
        if not everything and most / said < best[0]:
            break  # matching at most `most` words, no quote further down can do better
        shown = readings[i][reading]
        if shown not in seen:
            seen[shown] = _window_changes(quotation.text, shown)
        score, changes = seen[shown]
        if (score, -len(changes), -i) > best and (score, -len(changes)) > (0.0, 0):
            best = (score, -len(changes), -i)
            found = (quotes[i], changes)
    score = best[0]
    nearest, changes = found
    if nearest is not None and score >= ALTERED and changes:
        return Match(quotation, Status.altered, [nearest], changes)
    return Match(quotation, Status.unmatched, [], [], nearest if score >= NEAREST else None)


def match_all(quotations: list[Quotation], corpus: Corpus) -> list[Match]:
    """Each quotation matched once per distinct text (a brief repeating itself costs no
    more than the first time); quotations far longer than any corpus quote cannot be an
    altered version of one and are not compared word by word."""
    index = _quotes(corpus)
    longest = max((len(q.text) for q in index.quotes), default=0)
    seen: dict[tuple[str, bool], Match] = {}
    found: list[Match] = []
    for q in quotations:
        key = (q.text, q.checked)
        known = seen.get(key)
        if known is None:
            if len(q.text) > 3 * longest + 200:
                known = Match(q, Status.unmatched)
            else:
                known = _match(q, index, None)
            seen[key] = known
        found.append(known if known.quotation is q else Match(
            q, known.status, known.quotes, known.changes, known.nearest))
    return found


__all__ = ["Match", "Status", "fits_exactly", "match_all", "match_quotation", "parts",
           "words"]
