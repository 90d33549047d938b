"""The editable word lists behind the graphic-content, amplification and tone checks.

They live in `assistant/checks/data/*.yaml` so a communicator can read and change them
without touching code; each file is validated (a pydantic model per list) and every
mistake is reported as FILE:LINE. A term is a phrase matched case-insensitively on whole
words; a trailing `*` matches any ending ("behead*" finds "beheading", "beheaded").
A list may also carry `patterns`: regular expressions for what no word list can hold
(tone rules), each with its own message. A pattern may name a word class of its list as
`{name}` (`classes: {insult_nouns: [idiot*, fools]}`): the class's words, each matched
like a term, so a rule is written once for every word of its class.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple, cast

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .findings import Severity

DATA_DIR = Path(__file__).resolve().parent / "data"
GRAPHIC_FILE = DATA_DIR / "graphic.yaml"
STYLE_GUIDE_FILE = DATA_DIR / "style-guide.yaml"


class VocabularyError(Exception):
    """A word list could not be read; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    phrase: str
    pattern: re.Pattern[str]
    suggestion: str


@dataclass(frozen=True)
class Pattern:
    """A tone or graphic rule that is not a phrase: a regular expression and its message."""

    pattern: re.Pattern[str]
    message: str
    suggestion: str


@dataclass(frozen=True)
class Rule:
    """One list of the style guide: its terms, how serious a hit is, what to do instead."""

    name: str
    severity: Severity
    message: str
    suggestion: str
    terms: tuple[Term, ...]
    extra: dict[str, Any]
    patterns: tuple[Pattern, ...] = ()
    keys: re.Pattern[str] | None = None  # patterns are tried only where one of these is
    key_terms: tuple[str, ...] = ()  # the same keys as terms, for `may_contain`

    @cached_property  # read for every block: made once per rule
    def phrases(self) -> tuple[str, ...]:
        return tuple(t.phrase for t in self.terms)

    def find(self, text: str, screen: Screen | None = None) -> list[tuple[Term, re.Match[str]]]:
        """Every hit of the list's terms, in order (one scan of the text, whatever the
        number of terms). `screen`: the document the text is part of."""
        if not self.terms or (screen is not None and not screen.may_contain(self.phrases)):
            return []
        if not may_contain(self.phrases, text):
            return []
        combined = _combined(self)
        return [(self.terms[int((m.lastgroup or "t0")[1:])], m)
                for m in combined.finditer(text)]

    def find_patterns(self, text: str, screen: Screen | None = None
                      ) -> list[tuple[Pattern, re.Match[str]]]:
        """Every hit of the list's patterns, in order. A pattern that starts with words
        (`\\b(?:you|they) must`) is tried only on a text that holds one of them: most
        blocks hold none, and looking for a few words costs far less than a scan.
        `screen`: the document the text is part of; patterns it rules out are not tried."""
        if screen is not None:
            screened, always = screen.patterns(self)
            if not screened and not always:
                return []
        else:
            screened = tuple((p, lead) for p, lead in _leads(self) if lead is not None)
            always = tuple(p for p, lead in _leads(self) if lead is None)
        if self.keys is not None and (not may_contain(self.key_terms, text)
                                      or not self.keys.search(text)):
            return []  # none of the words every pattern needs
        view = _ascii_words(text)
        tried: list[Pattern] = list(always)
        if screened:
            tried += [p for p, lead in screened if view is None or lead.may_match(view)]
        if not tried:
            return []
        hits = [(p, m) for p in tried for m in p.pattern.finditer(text)]
        return sorted(hits, key=lambda h: h[1].start()) if len(tried) > 1 else hits

    def words(self, key: str) -> list[str]:
        return list(self._word_lists.get(key, ()))

    def word_tuple(self, key: str) -> tuple[str, ...]:
        """The word set `key` as the rule keeps it (the same tuple every time)."""
        return self._word_lists.get(key, ())

    @cached_property  # read for every block: made once per rule
    def _word_lists(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(str(w) for w in v or []) for k, v in self.extra.items()}


# Punctuation a brief is full of, none of it a letter or cased: read as a space when
# asking which words an ASCII text holds.
_PUNCTUATION = re.compile("[“”„‘’‚«»–—―‐‑…•·\u00a0\u202f\u2009]")
# Letters that IGNORECASE matches to ASCII letters although lower() does not give them
_ALIKE = (("ſ", "s"), ("ı", "i"), ("İ", "i"), ("K", "k"))
_ASCII_ALIKE = str.maketrans(dict(_ALIKE))
_ASCII_RUN = re.compile(r"\w+", re.ASCII)
_VIEWS: dict[int, tuple[str, tuple[frozenset[str], str] | None]] = {}
# One check run's views of its texts, each made once however many lists read the text
# (a small cache of the last few would be swept clean by every check's pass over the
# blocks). Set by `one_reading`; a context variable, so concurrent checks keep apart.
_READING: ContextVar[dict[int, tuple[str, Any]] | None] = ContextVar("reading", default=None)


_READING_SIZE = 32_768  # texts: a brief of about 1.5 MB, some 50 MB of views at most


@contextmanager
def one_reading() -> Iterator[None]:
    """Within the block, the words of each text are worked out once for every list."""
    token = _READING.set({})
    try:
        yield
    finally:
        _READING.reset(token)


def _ascii_words(text: str) -> tuple[frozenset[str], str] | None:
    """The words of a text and the text, lower-cased, when it is ASCII but for common
    punctuation; None otherwise."""
    views = _READING.get()
    kept = (views if views is not None else _VIEWS).get(id(text))
    if kept is not None and kept[0] is text:
        return cast("tuple[frozenset[str], str] | None", kept[1])
    view = text if text.isascii() else _PUNCTUATION.sub(" ", text)
    found = None
    if view.isascii():
        lowered = view.lower()
        found = (frozenset(_ASCII_RUN.findall(lowered)), lowered)
    if views is not None:
        if len(views) >= _READING_SIZE:  # a very long brief: memory stays bounded, and
            views.clear()  # each check still reads a block's words once for all its lists
        views[id(text)] = (text, found)
    else:
        if len(_VIEWS) >= 8:
            _VIEWS.clear()
        _VIEWS[id(text)] = (text, found)
    return found


def may_contain(phrases: tuple[str, ...], text: str) -> bool:
    """False only when none of the phrases (terms as `compile_term` reads them) can
    match: in an ASCII text a term matches only where the text has the term's longest
    whole word as a word (or, for `behead*`, a word starting with `behead`), so most
    blocks need no scan at all. Any other text is scanned."""
    return _may_hold(_needed(phrases), text)


def _may_hold(needed: Needed, text: str) -> bool:
    whole_words, prefixes, every, _ = needed
    view = None if every else _ascii_words(text)
    if view is None:
        return True
    words, lowered = view
    return not whole_words.isdisjoint(words) or bool(prefixes and prefixes.search(lowered))


class Needed(NamedTuple):
    """What a text must hold for one of a list's terms to match in it."""

    whole: frozenset[str]  # one of these words, standing whole
    prefixes: re.Pattern[str] | None  # or one of the stems of open terms, anywhere
    every: bool  # a term that does not start with a word: every text is scanned
    stems: tuple[str, ...]  # the stems `prefixes` looks for


_NEEDED: dict[int, tuple[tuple[str, ...], Needed]] = {}


def _needed(phrases: tuple[str, ...]) -> Needed:
    """`_words_needed` of a word list, found by the list itself: a rule passes the same
    tuple for every block, and hashing a long tuple costs more than the look it saves."""
    kept = _NEEDED.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        kept = (phrases, _words_needed(phrases))
        if len(_NEEDED) > 256:
            _NEEDED.clear()
        _NEEDED[id(phrases)] = kept
    return kept[1]


_UNICODE_WORD = re.compile(r"\w+")
_Screened = tuple[tuple["Pattern", "_Lead"], ...]


class Screen:
    """What a whole document holds, to tell at once which lists and patterns can match
    anywhere in it: a list none of whose words the document holds is not looked for in
    any of its blocks. Only ASCII words screen (a list with a word in another script is
    always looked for): IGNORECASE reads only `ſ`, `K`, `ı` and `İ` as ASCII letters
    besides their own cases, and these are folded; the text's words are read whole in any
    script, so "café" does not hold "caf"."""

    def __init__(self, texts: list[str], words: frozenset[str] | None = None) -> None:
        """`words`: the words of other texts, each of which holds one of these whole (the
        brief itself, for its own words with the quotations blanked): they screen as well
        as these texts' own words, every look here being only for what may be there."""
        self._texts = texts
        joined = "\n".join(texts)
        for odd, ascii_letter in _ALIKE:  # rare: a look for each, not a map of every character
            if odd in joined:
                joined = joined.replace(odd, ascii_letter)
        self.folded = joined.lower()  # the same length: only "İ" lowers to two characters
        self.words = frozenset(_UNICODE_WORD.findall(self.folded)) if words is None else words
        # the document's words, each once: a piece of a word is looked for here, in a
        # fraction of the text (most pieces a list names are in no brief at all)
        self._spelled = "\n".join(self.words)
        self._starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)
                            ) if texts else []
        self._patterns: dict[int, tuple[Rule, _Screened, tuple[Pattern, ...]]] = {}
        self._lists: dict[int, tuple[tuple[str, ...], bool]] = {}
        self._found: dict[tuple[str, bool], frozenset[int]] = {}
        self._holding: dict[int, tuple[object, frozenset[int] | None]] = {}

    def _texts_with(self, piece: str, whole: bool) -> frozenset[int]:
        """The texts (by position) holding `piece` lower-cased: as a word standing whole,
        or anywhere. One scan of the document for the piece, whatever the number of texts:
        a literal the search runs to at C speed, the word's edges checked after it."""
        key = (piece, whole)
        kept = self._found.get(key)
        if kept is None:
            if (piece not in self.words) if whole else not self.spells(piece):
                kept = frozenset()
            else:
                literal = re.escape(piece)
                kept = self.texts_matching(re.compile(
                    rf"{literal}(?!\w)(?<!\w{literal})" if whole else literal))
            self._found[key] = kept
        return kept

    def spells(self, piece: str) -> bool:
        """Whether the lower-cased text holds `piece` anywhere."""
        if _UNICODE_WORD.fullmatch(piece):  # then it stands inside one of the words
            return piece in self._spelled
        return piece in self.folded

    def texts_with(self, pieces: tuple[str, ...]) -> frozenset[int]:
        """The texts holding one of the pieces anywhere (lower-cased, `ſ` read as `s`...)."""
        return frozenset().union(*(self._texts_with(p.lower(), False) for p in pieces))

    def texts_matching(self, literals: re.Pattern[str]) -> frozenset[int]:
        """The texts in which a pattern matches, lower-cased. Only for a pattern whose
        every hit in the whole document is a hit in the one text it starts in, and the
        other way round: literal alternatives, looking around at most for the edge of a
        word (the line break between two texts is one), never across a line break."""
        starts = self._starts
        return frozenset(bisect_right(starts, m.start()) - 1
                         for m in literals.finditer(self.folded))

    def holding(self, phrases: tuple[str, ...]) -> frozenset[int] | None:
        """The texts (by position) in which one of the phrases may match; None when that
        cannot be told, and every text may. Told as `may_contain` tells it for the whole
        document, text by text."""
        kept = self._holding.get(id(phrases))
        if kept is None or kept[0] is not phrases:
            whole_words, _, every, stems = _needed(phrases)
            found: frozenset[int] | None = None
            if not every and _ascii_needs(phrases):
                found = frozenset().union(
                    *(self._texts_with(w, True) for w in whole_words & self.words),
                    *(self._texts_with(s, False) for s in stems))
            kept = self._holding[id(phrases)] = (phrases, found)
        return kept[1]

    def pattern_holding(self, rule: Rule) -> frozenset[int]:
        """The texts in which one of the rule's patterns matches. Each pattern is searched
        for in the texts that hold what it needs (in every text when that cannot be told):
        a search costs a fraction of the work a check does for each text it looks at."""
        kept = self._holding.get(id(rule))
        if kept is None or kept[0] is not rule:
            screened, always = self.patterns(rule)
            texts = self._texts
            found = {i for p in always for i, text in enumerate(texts) if p.pattern.search(text)}
            for p, lead in screened:
                found.update(i for i in self._lead_holding(lead) if p.pattern.search(texts[i]))
            keys = self.holding(rule.key_terms) if rule.keys is not None else None
            kept = self._holding[id(rule)] = (rule, frozenset(
                found if keys is None else found & keys))
        return cast("frozenset[int]", kept[1])

    def _lead_holding(self, lead: _Lead) -> frozenset[int]:
        """The texts that meet every need of a pattern (`_Lead.may_match`, text by text)."""
        found: frozenset[int] | None = None
        for whole, starts in lead.needs:
            if any("\n" in s for s in starts):
                continue  # a need that could run across two texts is not told: passed
            met = frozenset().union(*(self._texts_with(w, True) for w in whole),
                                    *(self._texts_with(s, False) for s in starts))
            found = met if found is None else found & met
            if not found:
                break
        return frozenset(range(len(self._starts))) if found is None else found

    def may_contain(self, phrases: tuple[str, ...]) -> bool:
        kept = self._lists.get(id(phrases))
        if kept is None or kept[0] is not phrases:  # once a list: the text is long
            whole_words, prefixes, every, _ = _needed(phrases)
            found = every or not _ascii_needs(phrases) or not whole_words.isdisjoint(
                self.words) or bool(prefixes and prefixes.search(self._spelled))
            kept = self._lists[id(phrases)] = (phrases, found)
        return kept[1]

    def patterns(self, rule: Rule) -> tuple[_Screened, tuple[Pattern, ...]]:
        """The rule's patterns that can match somewhere in the document: those screened
        by their words, and those tried on every text."""
        kept = self._patterns.get(id(rule))
        if kept is None or kept[0] is not rule:
            screened = tuple((p, lead) for p, lead in _leads(rule)
                             if lead is not None and lead.met(self.words, self.spells))
            always = tuple(p for p, lead in _leads(rule) if lead is None)
            if rule.keys is not None and not self.may_contain(rule.key_terms):
                screened = always = ()
            kept = (rule, screened, always)
            self._patterns[id(rule)] = kept
        return kept[1], kept[2]


def any_of(*found: frozenset[int] | None) -> frozenset[int] | None:
    """The texts any of the screens keeps (None, every text, if one could not tell)."""
    if any(f is None for f in found):
        return None
    return frozenset().union(*cast("tuple[frozenset[int], ...]", found))


def all_of(*found: frozenset[int] | None) -> frozenset[int] | None:
    """The texts every screen keeps (a screen that could not tell keeps every text)."""
    told = [f for f in found if f is not None]
    return frozenset.intersection(*told) if told else None


def _ascii_needs(phrases: tuple[str, ...]) -> bool:
    whole_words, prefixes, _, _ = _needed(phrases)
    return all(w.isascii() for w in whole_words) and (prefixes is None
                                                     or prefixes.pattern.isascii())


@cache
def _words_needed(phrases: tuple[str, ...]) -> Needed:
    whole: set[str] = set()
    starts: list[str] = []
    every = False  # a term that does not start with a letter or digit: always scan
    for phrase in phrases:
        stem = phrase.strip()
        open_end = stem.endswith("*")
        stem = stem.rstrip("*")
        folded = stem.replace("İ", "i").lower().translate(_ASCII_ALIKE)
        found = list(re.finditer(r"\w+", folded))
        if not stem[:1].isalnum() or not found:
            every = True
            continue
        # a word of the term the text must hold whole: not one `*` leaves open
        complete = [m.group(0) for m in found if m.end() < len(folded) or not open_end]
        if complete:
            whole.add(max(complete, key=len))
        else:
            starts.append(found[0].group(0))
    # the open words' stems as one pattern: a single scan of the lower-cased text
    starts_pattern = re.compile("|".join(map(re.escape, starts))) if starts else None
    return Needed(frozenset(whole), starts_pattern, every, tuple(dict.fromkeys(starts)))


@dataclass(frozen=True)
class _Lead:
    """What a text must hold for a pattern to match in it: for each of its needs, one of
    `words` as a word or one of `starts` anywhere (lower-cased)."""

    needs: tuple[tuple[frozenset[str], tuple[str, ...]], ...]

    def may_match(self, view: tuple[frozenset[str], str]) -> bool:
        words, lowered = view
        return self.met(words, lowered.__contains__)

    def met(self, words: frozenset[str], spells: Callable[[str], bool]) -> bool:
        """Whether every need is met by the words a text holds, or what it spells."""
        for whole, starts in self.needs:  # the rarest first: most texts fail at once
            if whole.isdisjoint(words) and not any(map(spells, starts)):
                return False
        return True


_LEADS: dict[int, tuple[Rule, tuple[tuple[Pattern, _Lead | None], ...]]] = {}


def _leads(rule: Rule) -> tuple[tuple[Pattern, _Lead | None], ...]:
    """Each of a rule's patterns with what every match of it holds (`pattern_needs`);
    None where that cannot be told."""
    kept = _LEADS.get(id(rule))
    if kept is None or kept[0] is not rule:
        found: list[tuple[Pattern, _Lead | None]] = []
        for p in rule.patterns:
            needs = pattern_needs(p.pattern.pattern)
            found.append((p, None if needs is None else _Lead(tuple(sorted(
                ((frozenset(w for w, whole in need if whole),
                  _fewest([w for w, whole in need if not whole])) for need in needs),
                key=_rarest)))))
        kept = (rule, tuple(found))
        _LEADS[id(rule)] = kept
    return kept[1]


def _rarest(need: tuple[frozenset[str], tuple[str, ...]]) -> float:
    """Sorts needs so the one least often met comes first: long words are rarer than
    short ones, and a word with few others to stand for it rarer than many."""
    every = [*need[0], *need[1]]
    return -min(map(len, every)) + len(every) / 100 if every else 0.0


def _fewest(words: list[str]) -> tuple[str, ...]:
    """The words without those that hold a shorter one: "he" found, "her" is too."""
    kept: list[str] = []
    for w in sorted(set(words), key=len):
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


_AT_WORD_START = (r"\b", r"(?<![\w-])", r"(?<!\w)", r"(?<![-\w])")


Need = tuple[tuple[str, bool], ...]
"""What a match holds, one of: each lower-cased, and whether it is a word standing whole
(set apart on both sides) or text found anywhere ("haha" of "haha+", "?!")."""


def pattern_needs(source: str) -> list[Need] | None:
    """What every match of a pattern holds, read from the pattern as written: a list of
    needs, each met by one of its words. Read are literal text (letters, digits, plain
    punctuation), word-start assertions (`\\b`, `(?<![\\w-])`), spaces, and
    non-capturing groups; optional groups are stepped over, and reading stops at
    anything else (classes, capturing groups, flags). None when nothing can be told:
    the pattern is then tried on every text."""
    branches = _branches(source)
    if branches is None:
        return None
    if len(branches) == 1:
        return _branch_needs(source, at_start=False, after="") or None
    either: list[tuple[str, bool]] = []  # one of the branches: its first need
    for branch in branches:
        needs = _branch_needs(branch, at_start=False, after="")
        if not needs:
            return None
        either += needs[0]
    return [tuple(either)]


_SPACES = (" ", "\\s+", "\\s")  # a space, where no quantifier makes it optional
_REPEAT = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??")
_NONE_OK = re.compile(r"[?*]|\{0*(?:,|\}|,\d*\})")  # a quantifier that allows none
_PLAIN = frozenset(" !\"#%&',-/:;<=>@_`~")  # ASCII punctuation that stands for itself
_ESCAPED = frozenset(".^$*+?{}[]\\|()") | _PLAIN
_WORD = re.compile(r"\w+", re.ASCII)


def _ends_word(rest: str) -> bool:
    """Whether what follows letters in a pattern ends their word: a space or `\\s` that
    must be there, `\\b`, or `(?![\\w...])`."""
    if rest.startswith("\\b") or rest.startswith(("(?![\\w", "(?!\\w")):
        return True
    for space in _SPACES:
        if rest.startswith(space):
            return not _REPEAT.match(rest, len(space)) or rest[len(space)] == "+"
    return False


def _literal(source: str, i: int) -> tuple[str, int]:
    """The literal text a pattern spells from `i`, and where it stops."""
    chunk: list[str] = []
    while i < len(source):
        ch = source[i]
        if ch == "\\" and source[i + 1 : i + 2] in _ESCAPED and i + 1 < len(source):
            chunk.append(source[i + 1])
            i += 2
        elif ch.isascii() and (ch.isalnum() or ch in _PLAIN):
            chunk.append(ch)
            i += 1
        else:
            break
    return "".join(chunk), i


def _branch_needs(source: str, at_start: bool, after: str) -> list[Need]:
    """The needs of one branch, in order, read until something unknown is met."""
    needs: list[Need] = []
    i = 0
    while i < len(source):
        mark = next((m for m in _AT_WORD_START + _SPACES if source.startswith(m, i)), None)
        if mark is not None:
            i += len(mark)
            repeat = _REPEAT.match(source, i) if mark in _SPACES else None
            if repeat:  # "a ?b", "a\s*b": there may be no space at all
                i = repeat.end()
                continue
            at_start = True
            continue
        if source.startswith("(?:", i):
            end = _group_end(source[i:])
            if end is None:
                break
            end += i
            inner, rest = source[i + 3 : end], source[end + 1 :]
            repeat = _REPEAT.match(rest)
            if repeat:  # optional or repeated: stepped over; a word may start after it
                # only if it did before and the group ends in a space
                at_start = at_start and inner.endswith((*_SPACES, "\\s*"))
                i = end + 1 + repeat.end()
                continue
            either: list[tuple[str, bool]] = []
            for branch in _branches(inner) or [""]:
                found = _branch_needs(branch, at_start, rest or after)
                if not found:
                    either = []  # a branch that holds nothing known: no need from here
                    break
                either += found[0]
            if either:
                needs.append(tuple(either))
            i, at_start = end + 1, False  # where the branches end is not known
            continue
        text, j = _literal(source, i)
        if not text:
            break
        rest = source[j:] or after
        repeat = _REPEAT.match(rest)
        if repeat and _NONE_OK.match(rest):
            text = text[:-1]  # the last character may not be there at all
        if text.strip():
            needs.append((_best_of(text.lower(), at_start,
                                   not repeat and _ends_word(rest)),))
        if repeat or not text:
            break
        i, at_start = j, not (text[-1].isalnum() or text[-1] == "_")
    return needs


def _best_of(text: str, at_start: bool, ends_word: bool) -> tuple[str, bool]:
    """Of the literal text a match holds, what is quickest to look for: its longest word
    set apart on both sides, or else the text itself."""
    whole = [m.group(0) for m in _WORD.finditer(text)
             if (m.start() > 0 or at_start) and (m.end() < len(text) or ends_word)]
    return (max(whole, key=len), True) if whole else (text, False)


def _branches(source: str) -> list[str] | None:
    """A pattern split at its top-level `|`, or None when its brackets do not balance."""
    parts: list[str] = []
    start = 0
    for i, ch, depth in _scan(source):
        if depth < 0:
            return None
        if ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    if _depth_at_end(source) != 0:
        return None
    parts.append(source[start:])
    return parts


def _group_end(source: str) -> int | None:
    """The index of the `)` that closes the group opening `source`."""
    for i, ch, depth in _scan(source):
        if ch == ")" and depth == 0:
            return i
    return None


def _scan(source: str) -> Iterator[tuple[int, str, int]]:
    """Each character outside escapes and character classes, with the bracket depth
    after it."""
    depth, i = 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: skip to its end ("]" first, or after "^", is a member)
            j = i + 1
            j += source[j : j + 1] == "^"
            j += source[j : j + 1] == "]"
            while j < len(source) and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            continue
        depth += (ch == "(") - (ch == ")")
        yield i, ch, depth
        i += 1


def _depth_at_end(source: str) -> int:
    last = 0
    for _, _, depth in _scan(source):
        last = depth
    return last


_COMBINED: dict[int, tuple[Rule, re.Pattern[str]]] = {}
_WORD_START = r"(?<![\w-])"


def _combined(rule: Rule) -> re.Pattern[str]:
    """All of a list's terms as one pattern that looks only at the start of words and
    branches on their first letter, so a scan costs about the same for 5 terms or 500."""
    kept = _COMBINED.get(id(rule))
    if kept is None or kept[0] is not rule:
        # longest terms first, so "burned to death" wins over a shorter overlapping term
        order = sorted(range(len(rule.terms)), key=lambda i: -len(rule.terms[i].phrase))
        kept = (rule, terms_pattern([(f"t{i}", rule.terms[i].phrase) for i in order]))
        _COMBINED[id(rule)] = kept
    return kept[1]


def terms_pattern(terms: list[tuple[str, str]]) -> re.Pattern[str]:
    """Terms (group name, phrase) as one pattern that looks only at the start of words and
    branches on their first letter, so a scan costs about the same for 5 terms or 500."""
    by_letter: dict[str, list[str]] = {}
    others: list[str] = []
    for name, phrase in terms:
        pattern = compile_term(phrase).pattern
        group = f"?P<{name}>" if name else "?:"
        if pattern.startswith(_WORD_START) and pattern[len(_WORD_START)].isalnum():
            rest = pattern[len(_WORD_START) :]
            by_letter.setdefault(rest[0].lower(), []).append(f"({group}{rest[1:]})")
        else:
            others.append(f"({group}{pattern})")
    words = "|".join(f"{c}(?:{'|'.join(alts)})" for c, alts in by_letter.items())
    return re.compile("|".join(([f"{_WORD_START}(?:{words})"] if words else []) + others),
                      re.IGNORECASE)


def compile_term(phrase: str) -> re.Pattern[str]:
    """`behead*` -> whole-word regex; spaces match any run of whitespace."""
    stem = phrase.strip()
    open_end = stem.endswith("*")
    stem = stem.rstrip("*")
    body = r"\s+".join(re.escape(w) for w in stem.split())
    start = _WORD_START if stem[:1].isalnum() else ""
    end = r"[\w-]*" if open_end else (r"(?![\w])" if stem[-1:].isalnum() else "")
    return re.compile(start + body + end, re.IGNORECASE)


class TermModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=1)
    suggestion: str | None = None


class PatternModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str = Field(min_length=1)
    message: str = Field(min_length=1)
    suggestion: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value


class RuleModel(BaseModel):
    """One list of a word-list file."""

    model_config = ConfigDict(extra="forbid")
    severity: Severity = Severity.warning
    message: str | None = None
    suggestion: str = ""
    terms: list[TermModel | str | int | float] = Field(default_factory=list)
    patterns: list[PatternModel] = Field(default_factory=list)
    # list-specific word sets: hashtags' group words, titles' distancing words,
    # the graphic patterns' acts, methods and victims, channels' hosts
    group_words: list[str] = Field(default_factory=list)
    distancing: list[str] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    methods: list[str] = Field(default_factory=list)
    victims: list[str] = Field(default_factory=list)
    hosts: list[str] = Field(default_factory=list)
    schemes: list[str] = Field(default_factory=list)
    # word classes the patterns name as {class}: insults, derogatory words, people...
    classes: dict[str, list[str]] = Field(default_factory=dict)
    # words (or {class}es) one of which every pattern of the list needs: a block without
    # any is not searched with the patterns
    keys: list[str] = Field(default_factory=list)


def _lines(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[(*path, key.value)] = key.start_mark.line + 1
            _lines(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def _line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _load(path: Path) -> tuple[dict[str, Any], dict[tuple[Any, ...], int]]:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError:
        raise VocabularyError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise VocabularyError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}:1: expected a mapping of lists at the top")
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _lines(node, (), lines)
    return data, lines


_CLASS = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class _ClassError(Exception):
    def __init__(self, index: int, message: str, field: str = "patterns") -> None:
        super().__init__(message)
        self.index, self.message, self.field = index, message, field


def _expand(pattern: str, classes: dict[str, list[str]], index: int) -> str:
    """A pattern with each {class} replaced by an alternation of the class's words."""
    def one(m: re.Match[str]) -> str:
        words = classes.get(m.group(1))
        if words is None:
            known = ", ".join(sorted(classes)) or "none"
            raise _ClassError(index, f"names the word class {{{m.group(1)}}}, which the list "
                                     f"does not define (classes: {known})")
        alternatives = [compile_term(w).pattern for w in words if w.strip().rstrip("*")]
        return f"(?:{'|'.join(alternatives) or '(?!)'})"
    expanded = _CLASS.sub(one, pattern)
    try:
        re.compile(expanded)
    except re.error as exc:
        raise _ClassError(index, f"not a valid regular expression once its classes are "
                                 f"filled in ({exc})") from None
    return expanded


def _rule(name: str, model: RuleModel) -> Rule:
    terms: list[Term] = []
    for entry in model.terms:
        if isinstance(entry, TermModel):
            phrase, hint = entry.term, entry.suggestion or model.suggestion
        else:
            phrase, hint = str(entry), model.suggestion
        if phrase.strip().rstrip("*"):
            terms.append(Term(phrase, compile_term(phrase), hint))
    patterns = tuple(Pattern(re.compile(_expand(p.pattern, model.classes, i), re.IGNORECASE),
                             p.message, p.suggestion or model.suggestion)
                     for i, p in enumerate(model.patterns))
    extra = {k: getattr(model, k) for k in ("group_words", "distancing", "acts", "methods",
                                            "victims", "hosts", "schemes")}
    keys: list[str] = []
    for i, key in enumerate(model.keys):
        named = _CLASS.fullmatch(key.strip())
        if named and named.group(1) not in model.classes:
            raise _ClassError(i, f"names the word class {key.strip()}, which the list does "
                                 f"not define", field="keys")
        keys += model.classes[named.group(1)] if named else [key]
    keys = [k for k in keys if k.strip().rstrip("*")]
    unique = tuple(dict.fromkeys(keys))
    return Rule(name, model.severity, model.message or name, model.suggestion, tuple(terms),
                extra, patterns, terms_pattern([("", k) for k in unique]) if keys else None,
                unique)


@cache
def load_rules(path: Path) -> dict[str, Rule]:
    """Every list in a vocabulary file, by name. Raises VocabularyError naming FILE:LINE
    for each mistake."""
    data, lines = _load(path)
    problems: list[str] = []
    rules: dict[str, Rule] = {}
    for name, raw in data.items():
        try:
            rules[str(name)] = _rule(str(name), RuleModel.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors():
                loc = (name, *err["loc"])
                field = ".".join(str(p) for p in loc if not (isinstance(p, str) and
                                                             p in ("TermModel", "str")))
                problems.append(f"{path}:{_line_of(lines, tuple(loc))}: {field}: {err['msg']}")
        except _ClassError as exc:
            at: tuple[Any, ...] = ((name, "patterns", exc.index, "pattern")
                                   if exc.field == "patterns" else (name, "keys", exc.index))
            where = ".".join(str(p) for p in at)
            problems.append(f"{path}:{_line_of(lines, at)}: {where}: {exc.message}")
    if problems:
        raise VocabularyError("\n".join(dict.fromkeys(problems)))
    return rules


def _needs(rules: dict[str, Rule], path: Path, *names: str) -> dict[str, Rule]:
    missing = [n for n in names if n not in rules]
    if missing:
        raise VocabularyError(f"{path}:1: missing list(s): {', '.join(missing)}")
    return rules


def graphic_rules() -> Rule:
    return _needs(load_rules(GRAPHIC_FILE), GRAPHIC_FILE, "graphic")["graphic"]


def style_guide() -> dict[str, Rule]:
    return _needs(load_rules(STYLE_GUIDE_FILE), STYLE_GUIDE_FILE, "slogans", "hashtags",
                  "media_outlets", "titles", "links", "lecturing", "mocking", "insults")
