"""Matching a quotation of the brief to the corpus quote it comes from.

A quotation is split at ellipses (… or ...) and [bracketed insertions]; each part must
appear, in order, in one corpus quote. Quoting part of a corpus quote is fine. The first
letter of a part may change case (a sentence quoted mid-sentence), and punctuation at
the ends of a part may differ (a comma before "he said"). Anything else is a change.
A line break in a corpus quote may be shown as " / " (as exports print it) or as a space.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..corpus import Corpus, Quote
from .quotations import Quotation, collapse, typographic, words

_GAP = re.compile(r"(?:…|\.\s?\.\s?\.|\[[^\]\[\n]{0,300}\])")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|…|[^\w\s]")
_EDGE = " \t,;:.!?\"'“”‘’*_"
GAP_TOKEN = "…"
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


_BLOBS: dict[int, tuple[Corpus, str]] = {}


def _blob(corpus: Corpus) -> str:
    """Every corpus quote, lower-cased, raw and typographic, in one text."""
    kept = _BLOBS.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        texts = [t.lower() for q in corpus.quotes.values() for t in _readings(q.text)]
        kept = (corpus, "\n".join(texts + [typographic(t) for t in texts]))
        _BLOBS[id(corpus)] = kept
    return kept[1]


_TYPOGRAPHIC: dict[int, tuple[Corpus, dict[str, list[str]]]] = {}


def _typographic_readings(corpus: Corpus) -> dict[str, list[str]]:
    """Each corpus quote's readings with typography evened out (worked out once)."""
    kept = _TYPOGRAPHIC.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        kept = (corpus, {q.id: [typographic(t) for t in _readings(q.text)]
                         for q in corpus.quotes.values()})
        _TYPOGRAPHIC.clear()
        _TYPOGRAPHIC[id(corpus)] = kept
    return kept[1]


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
    """The corpus quote(s) a quotation fits, or the nearest one and what changed."""
    pieces = parts(quotation.text)
    quotes = list(corpus.quotes.values())
    short = not quotation.checked
    if short and pieces and not all(p.lower() in _blob(corpus) or
                                    typographic(p).lower() in _blob(corpus) for p in pieces):
        # in no corpus quote at all, whatever the case: no need to look quote by quote
        flat = typographic(" ".join(pieces)).lower()
        if not any(flat in t for t in (other if other is not None else _other_texts(corpus))):
            return Match(quotation, Status.short_unknown)
    exact = [q for q in quotes
             if any(_find_in_order(pieces, t, short) for t in _readings(q.text))]
    # every copy that fits once typography is evened out is a candidate too: one remark
    # printed by two outlets, straight in one and curly in the other, is one remark, and
    # the citation decides which copy the brief quotes (citations.prefer_cited)
    loose_pieces = parts(typographic(quotation.text))
    readings, taken = _typographic_readings(corpus), {q.id for q in exact}
    loose = [q for q in quotes if q.id not in taken and any(
        _find_in_order(loose_pieces, t, short) for t in readings[q.id])]
    if exact:
        return Match(quotation, Status.short_in_corpus if short else Status.exact,
                     exact + loose)
    if loose:
        return Match(quotation, Status.short_in_corpus if short else Status.typographic, loose)
    flat = typographic(" ".join(pieces)).lower()
    if flat and any(flat in t for t in (other if other is not None else _other_texts(corpus))):
        return Match(quotation, Status.other_text)
    if not quotation.checked:
        return Match(quotation, Status.short_unknown)
    best: tuple[float, int, Quote | None, list[str]] = (0.0, 0, None, [])
    for q in quotes:
        shown = _readings(q.text)[-1 if " / " in quotation.text else 0]
        score, changes = _window_changes(quotation.text, shown)
        if (score, -len(changes)) > (best[0], best[1]):
            best = (score, -len(changes), q, changes)
    score, _, nearest, changes = best
    if nearest is not None and score >= 0.6 and changes:
        return Match(quotation, Status.altered, [nearest], changes)
    return Match(quotation, Status.unmatched, [], [], nearest if score >= 0.45 else None)


def match_all(quotations: list[Quotation], corpus: Corpus) -> list[Match]:
    """Each quotation matched once per distinct text (a brief repeating itself costs no
    more than the first time); quotations far longer than any corpus quote cannot be an
    altered version of one and are not compared word by word."""
    other = _other_texts(corpus)
    longest = max((len(q.text) for q in corpus.quotes.values()), default=0)
    seen: dict[tuple[str, bool], Match] = {}
    found: list[Match] = []
    for q in quotations:
        key = (q.text, q.checked)
        known = seen.get(key)
        if known is None:
            if len(q.text) > 3 * longest + 200:
                known = Match(q, Status.unmatched)
            else:
                known = match_quotation(q, corpus, other)
            seen[key] = known
        found.append(known if known.quotation is q else Match(
            q, known.status, known.quotes, known.changes, known.nearest))
    return found


__all__ = ["Match", "Status", "fits_exactly", "match_all", "match_quotation", "parts",
           "words"]
