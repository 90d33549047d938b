"""Figures: every number the audience reads is one the corpus gives, and says how sure it is.

Each number in the brief's own words (digits or words; not inside a quotation, the
reference list or the team's sections, where our own targets live) is matched to a
corpus fact by its context: the words around it and in its sentence, compared with each
fact's statement and figures. Numbers the corpus's own texts print (a theme's summary:
"four defector narratives") match those texts the same way.

- a number whose best-matching fact gives another value is a changed figure: error,
  naming the fact and its sources; a number no fact or corpus text speaks of: error;
- a fact whose sources disagree must show it: two of the differing figures, the conflict
  note, or words such as "sources differ": error otherwise;
- a fact with a single source must say so ("single source", ...): warning;
- an "as of" date next to a figure must be the fact's (as_of "2015-08" allows "August
  2015" or "2015", not "2019"): error; data more than two years before `today` must
  carry "as of" and its year: warning;
- a date next to the words of a dated fact ("the report was published 18 September")
  is that fact's figure, and is checked like a number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from itertools import takewhile
from operator import itemgetter

from ..corpus import Corpus, Fact
from ..corpus.models import earliest_day
from .context import CheckInput
from .document import CITATION, Block
from .findings import Finding, Severity
from .numbers import SCALES, TENS, UNITS, DateMention, Number, dates_in, numbers_in, plain
from .quotations import typographic, without_quotations

CHECK = "figures"
STALE_AFTER_YEARS = 2

SINGLE_SOURCE_LABELS = ("single source", "single-source", "one source", "only one source",
                        "a single report", "uncorroborated", "not corroborated",
                        "not independently confirmed")
DISAGREEMENT_LABELS = ("sources differ", "sources disagree", "reports differ",
                       "reports disagree", "accounts differ", "figures differ",
                       "differ on", "disagree on", "reported differently", "reports vary",
                       "sources vary", "conflicting")
_URL = re.compile(r"https?://\S+|\]\([^)]*\)")
_AS_OF = re.compile(r"\bas of\s+", re.I)
_STOP_WORDS = """a an the and or but of in on at to for from by with as is are was were be
been being it its that this these those than then there their they them who whom which what
when where while about after before between during into over under more most less least
some any each other such only also not no nor so very just than said says according per
cent percent people have has had would could should will can may might out up down at least
nearly almost around about estimated some"""
_STOP = frozenset(_STOP_WORDS.split()) | {w for w in (*UNITS, *TENS, *SCALES)}
_STEM_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """Content words of a text, cut to five letters ("defectors" and "defector" agree)."""
    return frozenset(w.lower()[:5] for w in _STEM_WORD.findall(text)
                     if w.lower() not in _STOP)


@dataclass(frozen=True)
class Known:
    """A fact (or a corpus text that prints numbers) the brief's numbers are matched to."""

    id: str
    values: frozenset[str]  # plain numbers: "58", "865000", "2015-09-21"
    words: frozenset[str]
    fact: Fact | None = None

    @cached_property  # asked of every fact sharing a word with each date of the brief
    def dated(self) -> bool:
        """A fact that gives a date."""
        return self.fact is not None and any("-" in v for v in self.values)

    @cached_property
    def months(self) -> frozenset[str]:
        """The first seven characters of each value: "2015-09" of "2015-09-21"."""
        return frozenset(v[:7] for v in self.values)

    @cached_property
    def disputed(self) -> bool:
        """A fact whose sources give different figures."""
        return self.fact is not None and self.fact.disagreeing

    def label(self) -> str:
        if self.fact is None:
            return self.id
        versions = "; ".join(f"{s.figure} ({s.source})" for s in self.fact.sources)
        return f"fact {self.id} ({versions})"


def _fact_values(fact: Fact) -> set[str]:
    found: set[str] = set()
    for v in [fact.value] + [s.value for s in fact.sources]:
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, int | float):
            found.add(plain(float(v)))
        elif re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v):
            found.add(v)
            found.add(v[4:])  # the date without its year: "-09-21"
    for t in [fact.statement] + [s.figure for s in fact.sources]:
        found.update(plain(n.value) for n in numbers_in(t))
        found.update(_magnitude(m) for m in _MAGNITUDE.finditer(t))
        # the months a statement names: "between January 2014 and August 2015"
        found.update(d.iso() for d in dates_in(t) if d.year and d.day is None)
    return found


# "Hundreds are thought to have left": a figure with no number, only its order of size.
# Read as such only where the fact it fits gives one too ("thousands" for "hundreds" is a
# changed figure; "dozens" where a fact gives 58 is a fair way of putting 58).
_MAGNITUDE = re.compile(r"\b(?:tens\s+of\s+|hundreds\s+of\s+)?(dozens|scores|hundreds|thousands|"
                        r"millions)\b", re.I)


def _magnitude(m: re.Match[str]) -> str:
    return "~" + " ".join(m.group(0).lower().split())


def known_figures(corpus: Corpus) -> list[Known]:
    """Every fact, and every corpus text a brief prints that has numbers in it."""
    known = [Known(f.id, frozenset(_fact_values(f)),
                   stems(" ".join([f.statement, f.unit or ""] + [s.figure for s in f.sources])),
                   f) for f in corpus.facts.values()]
    texts: list[tuple[str, str]] = []
    for t in corpus.themes.values():
        texts += [(f"theme {t.id}", x) for x in [t.title, t.claim, t.summary,
                                                 *t.key_messages, *t.pitfalls]]
    for a in corpus.audiences.values():
        texts += [(f"audience {a.id}", x) for x in [a.name, a.description, a.tone,
                                                    a.messenger_guidance, a.call_to_action]]
    for q in corpus.quotes.values():
        texts += [(f"quote {q.id}", x) for x in [q.context or ""]]
    for s in corpus.speakers.values():
        texts.append((f"speaker {s.id}", s.label))
    for src in corpus.sources.values():
        texts.append((f"source {src.id}", src.title))
    for ident, text in texts:
        values = frozenset(plain(n.value) for n in numbers_in(text))
        if values:
            known.append(Known(ident, values, stems(text)))
    return known


@dataclass
class FigureMention:
    fact: Fact
    blocks: list[Block] = field(default_factory=list)  # every block stating it, first first
    seen: set[int] = field(default_factory=set)

    def add(self, block: Block) -> None:
        if block.index not in self.seen:
            self.seen.add(block.index)
            self.blocks.append(block)

    @property
    def block(self) -> Block:
        return self.blocks[0]


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def own_words(block: Block) -> str:
    """The block without quotations, citation markers and web addresses (same length)."""
    return _blank(_blank(without_quotations(block), CITATION), _URL)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z“\"(_*])")


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(0, start - 250)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    a = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + 250))
    return text[a : after.start() if after else min(len(text), end + 250)]


def _window(text: str, start: int, end: int, words: int = 5) -> str:
    before = text[max(0, start - 60) : start].split()[-words:]
    after = text[end : end + 60].split()[:words]
    return " ".join(before + after)


@dataclass
class _Reading:
    """What the figures check found in the brief, computed once per brief."""

    findings: list[Finding]
    mentions: dict[str, FigureMention]
    cited_numbers: list[tuple[Block, str, int, str]]  # (block, figure, offset, fact id)


_KNOWN: dict[int, tuple[Corpus, list[Known]]] = {}


def _outside(spans: list[tuple[int, int]], points: list[int]) -> list[bool]:
    """For each point (ascending), whether it lies outside every span (ascending, may
    overlap): one walk over both lists."""
    result, k, reach = [], 0, -1
    for p in points:
        while k < len(spans) and spans[k][0] <= p:
            reach = max(reach, spans[k][1])
            k += 1
        result.append(p > reach)
    return result


_DATES: dict[int, tuple[Corpus, frozenset[str]]] = {}


def _source_dates(corpus: Corpus) -> frozenset[str]:
    kept = _DATES.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        dates = {s.published for s in corpus.sources.values()
                 if s.published and len(s.published) == 10}
        kept = (corpus, frozenset(dates | {d[4:] for d in dates}))
        _DATES[id(corpus)] = kept
    return kept[1]


class FigureIndex:
    """The brief's numbers matched to the corpus; shared by the figures and citation
    checks."""

    def __init__(self, ci: CheckInput) -> None:
        self.ci = ci

    @cached_property
    def known(self) -> list[Known]:
        corpus = self.ci.corpus
        kept = _KNOWN.get(id(corpus))
        if kept is None or kept[0] is not corpus:
            kept = (corpus, known_figures(corpus))
            _KNOWN.clear()  # one corpus at a time: an old one is not kept alive
            _KNOWN[id(corpus)] = kept
        return kept[1]

    @cached_property
    def reading(self) -> _Reading:
        return _read(self.ci, self.known)


_INDEX: dict[int, tuple[list[Known], dict[str, list[int]]]] = {}


def _best(known: list[Known], near: frozenset[str], sentence: frozenset[str]
          ) -> list[tuple[int, Known]]:
    """The known figures sharing words with the number's surroundings, best first (the
    words nearest the number count three times)."""
    kept = _INDEX.get(id(known))
    if kept is None or kept[0] is not known:
        index: dict[str, list[int]] = {}
        for i, k in enumerate(known):
            for w in k.words:
                index.setdefault(w, []).append(i)
        kept = (known, index)
        _INDEX[id(known)] = kept
    # counted by Counter's own loop: against a large corpus a common word of the
    # sentence is shared by thousands of facts, for each number of the brief
    scores: Counter[int] = Counter()
    for w in sentence | near:
        postings = kept[1].get(w)
        if postings:
            for _ in range((3 if w in near else 0) + (1 if w in sentence else 0)):
                scores.update(postings)
    # best first, ties in the corpus's order (a stable sort on the score, of a list in order)
    ranked = sorted(sorted(scores.items()), key=itemgetter(1), reverse=True)
    return [(s, known[i]) for i, s in ranked]


def _read(ci: CheckInput, known: list[Known]) -> _Reading:
    findings: list[Finding] = []
    mentions: dict[str, FigureMention] = {}
    cited: list[tuple[Block, str, int, str]] = []
    for block in ci.doc.audience_blocks():
        text = own_words(block)
        if not text.strip():
            continue
        as_of_spans = [(m.end(), m.end() + 40) for m in _AS_OF.finditer(text)]
        items: list[tuple[str, int, int, bool]] = []  # (value, start, end, is_date)
        dates = [d for d in dates_in(text) if d.day is not None or d.year]
        for d, free in zip(dates, _outside(as_of_spans, [d.start for d in dates]), strict=True):
            if free:
                items.append((_date_key(d), d.start, d.end, True))
        taken = [(s, e - 1) for _, s, e, _ in items]
        numbers = numbers_in(text)
        for n, free in zip(numbers, _outside(taken, [n.start for n in numbers]), strict=True):
            if free:
                items.append((plain(n.value), n.start, n.end, False))
        sizes = list(_MAGNITUDE.finditer(text))  # "hundreds": one walk over the dates too
        for m, free in zip(sizes, _outside(taken, [m.start() for m in sizes]), strict=True):
            if free:
                items.append((_magnitude(m), m.start(), m.end(), False))
        for value, start, end, is_date in sorted(items, key=lambda item: item[1]):
            if value.startswith("~") and not _sized(known, text, start, end):
                continue
            _match_one(ci, known, block, text, value, start, end, is_date, findings,
                       mentions, cited)
    return _Reading(findings, mentions, cited)


def _sized(known: list[Known], text: str, start: int, end: int) -> bool:
    """Whether the facts that best fit a size word's surroundings give a size word too."""
    scored = _best(known, stems(_window(text, start, end)),
                   stems(_sentence_around(text, start, end)))
    top = scored[0][0] if scored else 0
    return top >= 2 and any(v.startswith("~") for s, k in scored if s == top for v in k.values)


def _date_key(d: DateMention) -> str:
    return d.iso()


def _match_one(ci: CheckInput, known: list[Known], block: Block, text: str, value: str,
               start: int, end: int, is_date: bool, findings: list[Finding],
               mentions: dict[str, FigureMention], cited: list[tuple[Block, str, int, str]]
               ) -> None:
    raw = text[start:end]
    if is_date and value in _source_dates(ci.corpus):
        return  # the date a source was published: a citation, not a claim
    near = stems(_window(text, start, end))
    sentence = stems(_sentence_around(text, start, end))
    scored = _best(known, near, sentence)
    if is_date:  # a date is a figure only next to the words of a dated fact
        dated: list[tuple[int, Known]] = []
        floor = 0
        for s, k in scored:  # best first: only those read below are gathered
            if s < floor:
                break
            if k.dated:
                dated.append((s, k))
                floor = floor or max(3, s // 2)
        scored = dated
        if not scored or scored[0][0] < 4:
            return

    def has(k: Known) -> bool:
        if is_date and len(value) == 7:  # "September 2015" fits 21 September 2015
            return value in k.months
        return value in k.values

    top = scored[0][0] if scored else 0
    # the best reading, or a tie (scored is best first: a figure near common words is
    # compared with the few best, not with every fact sharing a word)
    fits = [k for _, k in takewhile(lambda sk: sk[0] == top, scored) if has(k)]
    if not fits:
        # one version of a disputed figure, near that fact's own words, is that fact even
        # where another text's words fit the sentence better: it is reported as disputed,
        # never as a changed figure of its neighbour (only disputed facts: "17 of the 58"
        # is another breakdown's value, and a changed figure all the same)
        floor = max(3, top // 2)
        fits = next(([k] for _, k in takewhile(lambda sk: sk[0] >= floor, scored)
                     if k.disputed and has(k)), [])
    if fits:
        k = fits[0]
        if k.fact is not None and not value.startswith("~"):  # a size word is not cited
            mention = mentions.setdefault(k.id, FigureMention(k.fact))
            mention.add(block)
            cited.append((block, raw, start, k.id))
        return
    line, section = block.line_at(start), block.section or None
    if top == 0 or scored[0][0] < 2:
        findings.append(Finding(
            CHECK, Severity.error,
            f"figure {raw} matches no fact in the corpus",
            "use a figure the corpus gives, with its source, or move our own targets to "
            "the team notes", line=line, section=section))
        return
    best = scored[0][1]
    if best.fact is not None and best.fact.disagreeing:
        versions = "; ".join(f"{s.figure} ({s.source})" for s in best.fact.sources)
        said = f"figure {raw} is none of the versions of the disputed fact {best.id}: {versions}"
    else:
        said = f"figure {raw} differs from {best.label()}"
    findings.append(Finding(
        CHECK, Severity.error, said,
        "give the figure as its sources print it", line=line, section=section,
        ids=(best.id, *((s.source for s in best.fact.sources) if best.fact else ()))))


_WORDINGS: dict[int, tuple[Corpus, dict[str, list[Fact]], re.Pattern[str] | None]] = {}


def _wordings(corpus: Corpus) -> tuple[dict[str, list[Fact]], re.Pattern[str] | None]:
    """Each way the corpus words a fact (its statement, its figures as printed), with the
    facts worded so, and one pattern of them all, longest first (once per corpus)."""
    kept = _WORDINGS.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        by_text: dict[str, list[Fact]] = {}
        filed: set[tuple[str, str]] = set()  # (wording, fact id): a set, not a list scan
        for fact in corpus.facts.values():
            for t in [fact.statement] + [s.figure for s in fact.sources
                                         if re.search(r"\d", s.figure)]:
                flat_t = typographic(t).lower().strip(" .")
                if flat_t and (flat_t, fact.id) not in filed:
                    filed.add((flat_t, fact.id))
                    by_text.setdefault(flat_t, []).append(fact)
        combined = re.compile("|".join(re.escape(t) for t in sorted(
            by_text, key=len, reverse=True))) if by_text else None
        _WORDINGS.clear()  # one corpus at a time: an old one is not kept alive
        kept = _WORDINGS[id(corpus)] = (corpus, by_text, combined)
    return kept[1], kept[2]


def fact_mentions(ci: CheckInput) -> list[FigureMention]:
    """Facts the brief states (by number, or by its statement or figures word for word)."""
    found = dict(ci.figure_index.reading.mentions)
    by_text, combined = _wordings(ci.corpus)
    if combined is None:
        return []
    # one scan of each block for every fact's wording, longest wording first
    for b in ci.doc.audience_blocks():
        if b.kind == "heading":
            continue
        for hit in combined.finditer(typographic(own_words(b)).lower()):
            for fact in by_text[hit.group(0)]:
                mention = found.setdefault(fact.id, FigureMention(fact))
                mention.add(b)
    for m in found.values():
        m.blocks.sort(key=lambda b: b.index)
    return sorted(found.values(), key=lambda m: m.block.index)


def _stale(fact: Fact, today: date) -> bool:
    if not fact.as_of:
        return False
    start = earliest_day(fact.as_of)
    try:
        limit = start.replace(year=start.year + STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        limit = start.replace(year=start.year + STALE_AFTER_YEARS, day=28)
    return limit < today


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


def shows_date(as_of: str, flat: str) -> bool:
    """Whether lower-cased text dates the data: "as of ... 2015", or "August 2015" for
    2015-08 ("between January 2014 and August 2015" says when as plainly as "as of")."""
    year = as_of[:4]
    if re.search(rf"\bas of\b[^.;]{{0,60}}\b{year}\b", flat):
        return True
    if len(as_of) >= 7:
        month = _MONTH_NAMES[int(as_of[5:7]) - 1]
        return bool(re.search(rf"\b{month}\s+(?:\d{{1,2}},?\s+)?{year}\b", flat))
    return bool(re.search(rf"\b(?:in|by|until|through|to|during)\s+{year}\b", flat))


def _as_of_dates(text: str) -> list[tuple[str, int]]:
    """Each "as of DATE" in the text, as "2015-08" (or "2019"), with its offset."""
    found = []
    for m in _AS_OF.finditer(text):
        tail = text[m.end() : m.end() + 40]
        dates = dates_in(tail)
        if dates and dates[0].start == 0 and dates[0].year:
            found.append((dates[0].iso(), m.start()))
            continue
        year = re.match(r"((?:19|20)\d\d)\b", tail)
        if year:
            found.append((year.group(1), m.start()))
    return found


def _compatible(said: str, as_of: str) -> bool:
    return said.startswith(as_of) or as_of.startswith(said)


def _shows_disagreement(fact: Fact, block: Block) -> bool:
    flat = typographic(block.text).lower()
    figures = {typographic(s.figure).lower() for s in fact.sources}
    if sum(1 for f in figures if f in flat) >= 2:
        return True
    values = {plain(float(s.value)) if isinstance(s.value, int | float) else str(s.value)
              for s in fact.sources}
    own = own_words(block)
    said = {plain(n.value) for n in numbers_in(own)} | {d.iso() for d in dates_in(own)}
    if sum(1 for v in values if v in said or (len(v) == 10 and v[4:] in said)) >= 2:
        return True
    note = fact.conflict_note and typographic(fact.conflict_note).lower().strip(" .")
    return bool(note and note in flat) or any(label in flat for label in DISAGREEMENT_LABELS)


def check_figures(ci: CheckInput) -> list[Finding]:
    findings = list(ci.figure_index.reading.findings)
    mentions = fact_mentions(ci)
    by_block: dict[int, list[Fact]] = {}
    for mention in mentions:
        for b in mention.blocks:
            by_block.setdefault(b.index, []).append(mention.fact)
    for mention in mentions:
        fact, block = mention.fact, mention.block
        ids = (fact.id, *(s.source for s in fact.sources))
        flat = " ".join(typographic(b.text).lower() for b in mention.blocks)
        where = {"line": block.line, "section": block.section or None}
        if fact.disagreeing:
            # every place that states a disputed figure shows the disagreement there: a
            # reader of that paragraph or list item sees only that one
            for b in mention.blocks:
                if not _shows_disagreement(fact, b):
                    versions = "; ".join(f"{s.figure} ({s.source})" for s in fact.sources)
                    findings.append(Finding(
                        CHECK, Severity.error,
                        f"fact {fact.id}: the sources disagree ({versions}) but the brief "
                        "shows one version", "give each source's figure, or the conflict note"
                        + (f": {fact.conflict_note}" if fact.conflict_note else ""),
                        ids=ids, line=b.line, section=b.section or None))
        elif not fact.corroborated and not any(label in flat for label in SINGLE_SOURCE_LABELS):
            findings.append(Finding(
                CHECK, Severity.warning,
                f"fact {fact.id} rests on a single source and is not marked as such",
                "add '(single source)' after the figure", ids=ids,
                **where))  # type: ignore[arg-type]
        stale = ci.today is not None and _stale(fact, ci.today)
        if stale and not shows_date(fact.as_of or "", flat):
            findings.append(Finding(
                CHECK, Severity.warning,
                f"fact {fact.id}: the data is from {fact.as_of}, more than "
                f"{STALE_AFTER_YEARS} years ago, and the brief does not say so",
                f"add 'as of {fact.as_of}'", ids=ids, **where))  # type: ignore[arg-type]
    for index, facts in by_block.items():
        block = ci.doc.blocks[index]
        dated = [f for f in facts if f.as_of]
        if not dated:
            continue
        for given, offset in _as_of_dates(block.text):
            if not any(_compatible(given, f.as_of or "") for f in dated):
                expected = ", ".join(sorted({f"{f.id}: {f.as_of}" for f in dated}))
                findings.append(Finding(
                    CHECK, Severity.error,
                    f"'as of {given}' does not date the figures here ({expected})",
                    "give the date the data describes", line=block.line_at(offset),
                    section=block.section or None, ids=tuple(f.id for f in dated)))
    return findings


__all__ = ["FigureIndex", "FigureMention", "Number", "check_figures", "fact_mentions",
           "known_figures", "own_words", "shows_date", "stems"]
