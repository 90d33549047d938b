"""Citations: each quotation and figure carries a marker [n] that resolves to an entry
of the reference list; a quotation's entry names where that quote was published; each
entry matches the corpus source it stands for.

A quotation's citation may stand anywhere in its paragraph or block quote, or in an
attribution line (`— a defector [2]`) right after the block quote. A post may name the
publication instead of a number ("NPR via New York Times"). A citation of the outlet
that printed a remark is right; where neither it nor the text names the outlet the
remark was first made to, that is a reminder (info). A figure's citation points at an
entry of a source that gives the figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from ..corpus import Citation, Corpus, FactSource, Quote, Source
from .context import CheckInput
from .document import CITATION, Block, Document, expand_citation
from .findings import Finding, Severity
from .matching import Match, Status, fits_exactly
from .numbers import dates_in
from .quotations import typographic
from .textindex import PhraseFinder

CHECK = "citations"
_CITED = (Status.exact, Status.typographic, Status.altered)


_NEAR: dict[tuple[int, int], tuple[list[Block], list[Block], set[int]]] = {}


def near_blocks(block: Block, blocks: list[Block]) -> list[Block]:
    """The block, the rest of its block quote, and an attribution line right after it
    (worked out once per block quote, however many quotations it holds)."""
    if block.kind != "quote":
        return [block]
    key = (id(blocks), block.group)
    kept = _NEAR.get(key)
    if kept is None or kept[0] is not blocks or block.index not in kept[2]:
        if len(_NEAR) > 4096:
            _NEAR.clear()
        near = _near(block, blocks)
        kept = (blocks, near, {b.index for b in near})
        _NEAR[key] = kept
    return kept[1]


def _near(block: Block, blocks: list[Block]) -> list[Block]:
    near = [block]
    if block.kind == "quote":
        near, index = [block], block.index
        lo = index
        while lo > 0 and blocks[lo - 1].kind == "quote" and blocks[lo - 1].group == block.group:
            lo -= 1
            near.insert(0, blocks[lo])
        hi = index
        while (hi + 1 < len(blocks) and blocks[hi + 1].kind == "quote"
               and blocks[hi + 1].group == block.group):
            hi += 1
            near.append(blocks[hi])
        if hi + 1 < len(blocks):
            after = blocks[hi + 1]
            if after.kind == "paragraph" and after.text.lstrip()[:1] in ("—", "–", "-", "―"):
                near.append(after)
    return near


def _flat(text: str) -> str:
    return typographic(text).lower()


@lru_cache(maxsize=1 << 16)  # the same names are looked for in the same blocks
def _has(flat: str, name: str | None) -> bool:
    if not name:
        return False
    n = _flat(name)
    return bool(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", flat))


def _printed_title(source: Source) -> str | None:
    """A title the entry prints (our bracketed descriptions are not printed)."""
    return None if source.title.startswith("[") else source.title


def _aliases(source: Source | None) -> list[str]:
    """How a source may be named: its printed title, outlet, the outlet's abbreviation
    ("ICSR"), its author."""
    if source is None:
        return []
    names = [n for n in (_printed_title(source), source.outlet, source.author) if n]
    if source.outlet:
        names += re.findall(r"\(([A-Z]{2,10})\)", source.outlet)
    return names


Named = tuple[tuple[str, ...], tuple[str, ...] | None]
"""How the places a citation points at may be named: the reader's names (title, outlet,
author), and the original outlet's when the reader quotes one."""


def names_citation(flat: str, citation: Citation, corpus: Corpus, around: str = "") -> bool:
    """Whether an entry (or a post's tag) names where a quote or figure was read: the
    reader's title or outlet, and the original outlet when it quotes one."""
    named = _named_by(citation, corpus)
    return named is not None and _names_either(flat, *named, around)


def _named_by(citation: Citation, corpus: Corpus) -> Named | None:
    reader = corpus.sources.get(citation.source)
    if reader is None:
        return None
    via = corpus.sources.get(citation.via) if citation.via else None
    return _aliases_of(reader), _aliases_of(via) if via else None


_QUOTE_NAMES: dict[int, tuple[Corpus, dict[str, tuple[Quote, tuple[Named, ...]]]]] = {}


def quote_names(quote: Quote, corpus: Corpus) -> tuple[Named, ...]:
    """How each place a quote was read may be named, each once (worked out once per quote:
    a remark filed from many sources alike is compared once, not once per copy)."""
    kept = _QUOTE_NAMES.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        _QUOTE_NAMES.clear()  # one corpus at a time: an old one is not kept alive
        kept = _QUOTE_NAMES[id(corpus)] = (corpus, {})
    known = kept[1].get(quote.id)
    if known is None or known[0] is not quote:
        found = (_named_by(c, corpus) for c in quote.sources)
        known = kept[1][quote.id] = (quote, tuple(dict.fromkeys(n for n in found if n)))
    return known[1]


class Copies:
    """The corpus copies a quotation fits, grouped by how their sources may be named, in
    order: copies filed from sources named alike are decided once, not once each. A
    brief's quotations of one text share their list of copies, grouped once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._kept: dict[int, tuple[list[Quote], list[tuple[tuple[Named, ...], Quote]]]] = {}

    def groups(self, quotes: list[Quote]) -> list[tuple[tuple[Named, ...], Quote]]:
        """Each way of naming the sources, with the first copy named so."""
        kept = self._kept.get(id(quotes))
        if kept is None or kept[0] is not quotes:
            first: dict[tuple[Named, ...], Quote] = {}
            for qt in quotes:
                first.setdefault(quote_names(qt, self.corpus), qt)
            kept = self._kept[id(quotes)] = (quotes, list(first.items()))
        return kept[1]

    def names(self, quotes: list[Quote]) -> list[Named]:
        return list(dict.fromkeys(n for names, _ in self.groups(quotes) for n in names))


def names_any(flat: str, names: Iterable[Named], around: str = "") -> bool:
    """Whether the text names where any of the quotes was read (`names_citation`)."""
    return any(_names_either(flat, *named, around) for named in names)


@lru_cache(maxsize=1 << 14)  # sources printed alike (one report recorded twice) read once
def _names_either(flat: str, reader: tuple[str, ...], via: tuple[str, ...] | None,
                  around: str) -> bool:
    read = any(_has(flat, n) for n in reader)
    original = via is None or not via or any(_has(flat, n) or _has(around, n) for n in via)
    return read and original


_ALIASES: dict[str, tuple[Source, tuple[str, ...]]] = {}


def _aliases_of(source: Source) -> tuple[str, ...]:
    kept = _ALIASES.get(source.id)
    if kept is None or kept[0] is not source:
        if len(_ALIASES) > 1 << 16:
            _ALIASES.clear()
        kept = _ALIASES[source.id] = (source, tuple(_aliases(source)))
    return kept[1]


def _pairs(corpus: Corpus) -> dict[str, set[str]]:
    """For each source, the originals it is recorded as quoting."""
    pairs: dict[str, set[str]] = {}
    for q in corpus.quotes.values():
        for c in q.sources:
            pairs.setdefault(c.source, set()).add(c.via or "")
    for f in corpus.facts.values():
        for s in f.sources:
            pairs.setdefault(s.source, set()).add(s.via or "")
    return pairs


def _cites(names: tuple[Named, ...], entries: list[str], near: str) -> bool:
    """Whether the entries cited beside a quotation (or, citing none, its own words)
    name where a copy was published (`names`: how its sources may be named)."""
    if entries:
        return any(names_any(e, names, near) for e in entries)
    return names_any(near, names)


def prefer_cited(matches: list[Match], doc: Document, corpus: Corpus) -> list[Match]:
    """Where several corpus copies fit a quotation (one remark printed by two outlets, one
    with straight and one with curly apostrophes), the copy whose source the brief cites
    beside it comes first; a copy that fits only once typography is evened out makes the
    quotation typographic (info), never a wrong citation."""
    references = doc.references()
    copies = Copies(corpus)
    # the text around each block read once: a long paragraph holds many quotations
    around: dict[tuple[int, int], tuple[str, list[str]]] = {}
    for m in matches:
        if len(m.quotes) < 2:
            continue
        near = near_blocks(m.quotation.block, doc.blocks)
        key = (near[0].index, near[-1].index)
        kept = around.get(key)
        if kept is None:
            kept = around[key] = (" ".join(_flat(b.text) for b in near), [
                _flat(references[n].text) for b in near for n in b.citations()
                if n in references])
        near_flat, entries = kept

        first = next((qt for names, qt in copies.groups(m.quotes)
                      if _cites(names, entries, near_flat)), None)
        if first is None or first is m.quotes[0]:
            continue
        m.quotes = [first, *(qt for qt in m.quotes if qt is not first)]
        if m.status is Status.exact and not fits_exactly(m.quotation, first):
            m.status = Status.typographic
    return matches


def check_references(ci: CheckInput, references: dict[int, Block]) -> list[Finding]:
    """Each entry that names a corpus source by its title names that source's outlet and
    date, and no outlet the source does not quote."""
    corpus = ci.corpus
    findings: list[Finding] = []
    pairs = _pairs(corpus)
    outlets = list({s.outlet for s in corpus.sources.values() if s.outlet})
    titled = [s for s in corpus.sources.values() if _printed_title(s)]
    # each entry is tried only against the titles and outlets that share a word with it
    by_title = PhraseFinder([_flat(s.title) for s in titled])
    by_outlet = PhraseFinder([_flat(o) for o in outlets])
    for number, entry in references.items():
        flat = _flat(entry.text)
        readers = [titled[i] for i in by_title.candidates(flat) if _has(flat, titled[i].title)]
        if not readers:
            continue
        allowed = {s.outlet for s in readers if s.outlet}
        for r in readers:
            for v in pairs.get(r.id, set()):
                via = corpus.sources.get(v)
                if via is not None and via.outlet:
                    allowed.add(via.outlet)
        ids = tuple(r.id for r in readers)
        where = {"line": entry.line, "section": entry.section or None}
        named = [outlets[i] for i in by_outlet.candidates(flat) if _has(flat, outlets[i])]
        named = [o for o in named if not any(o != p and _flat(o) in _flat(p) for p in named)]
        for outlet in sorted(named):
            if outlet not in allowed and not any(_flat(outlet) in _flat(a) for a in allowed):
                findings.append(Finding(
                    CHECK, Severity.error,
                    f"reference [{number}] names {outlet}, which the corpus does not record "
                    f"for {', '.join(ids)}", "copy the entry as the corpus gives the source",
                    ids=ids, **where))  # type: ignore[arg-type]
        for r in readers:
            if r.outlet and not _has(flat, r.outlet) and not any(
                    _flat(r.outlet) in _flat(o) for o in named):
                findings.append(Finding(
                    CHECK, Severity.error,
                    f"reference [{number}] gives the title of {r.id} without its outlet "
                    f"({r.outlet})", "copy the entry as the corpus gives the source",
                    ids=(r.id,), **where))  # type: ignore[arg-type]
        full = [d for d in dates_in(entry.text) if d.year and d.day]
        published = {r.published for r in readers if r.published and len(r.published) == 10}
        if full and published and not any(d.iso() in published for d in full):
            findings.append(Finding(
                CHECK, Severity.error,
                f"reference [{number}] is dated {full[0].raw}; the corpus dates it "
                f"{', '.join(sorted(published))}", "copy the entry as the corpus gives it",
                ids=ids, **where))  # type: ignore[arg-type]
    return findings


def check_citations(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    references = ci.doc.references()
    copies = Copies(ci.corpus)
    blocks = ci.doc.blocks
    for block in ci.doc.body():
        for m in CITATION.finditer(block.text):
            for n in expand_citation(m.group(1)):
                if n not in references:
                    findings.append(Finding(
                        CHECK, Severity.error,
                        f"citation [{n}] has no entry in the reference list",
                        "add the entry or correct the number",
                        line=block.line_at(m.start()), section=block.section or None))
    checked = [m for m in ci.matches if m.status in _CITED and m.quotation.checked]
    marks: dict[int, tuple[int, ...]] = {}  # per block, read once however many quotations it has
    flats: dict[int, str] = {}

    def cited_in(b: Block) -> tuple[int, ...]:
        if b.index not in marks:
            marks[b.index] = b.citations()
        return marks[b.index]

    def flat_of(b: Block) -> str:
        if b.index not in flats:
            flats[b.index] = _flat(b.text)
        return flats[b.index]

    cited_ids: set[str] = set()
    uncited = []
    around: dict[tuple[int, int], tuple[list[int], str, list[str]]] = {}
    printed: dict[tuple[int, int], str] = {}  # a paragraph's markers, as a message lists them
    # per place and list of copies (a brief's quotations of one text share theirs)
    verdicts: dict[tuple[tuple[int, int], int], tuple[bool, bool, bool]] = {}
    counted: set[int] = set()
    for match in checked:
        q = match.quotation
        near = near_blocks(q.block, blocks)
        key = (near[0].index, near[-1].index)
        if key not in around:  # once per paragraph or block quote, however many quotations
            cited = [n for b in near for n in cited_in(b)]
            around[key] = (cited, " ".join(flat_of(b) for b in near),
                           [_flat(references[n].text) for n in dict.fromkeys(cited)
                            if n in references])
        numbers, near_flat, entries = around[key]
        verdict_key = (key, id(match.quotes))
        if verdict_key not in verdicts:
            names = copies.names(match.quotes)
            named = names_any(near_flat, names)
            wrong = bool(entries and any(qt.sources for qt in match.quotes) and not any(
                names_any(e, names, near_flat) for e in entries))
            # the entry of the outlet that printed the remark is the right citation; the
            # original outlet left unnamed is only a reminder
            readers = dict.fromkeys((reader, None) for reader, _ in names)
            unnamed = wrong and any(names_any(e, readers) for e in entries)
            verdicts[verdict_key] = (named, wrong and not unnamed, unnamed)
        named, wrong, unnamed = verdicts[verdict_key]
        if not (numbers or named):
            uncited.append(match)
            continue
        if id(match.quotes) not in counted:
            counted.add(id(match.quotes))
            cited_ids.update(qt.id for qt in match.quotes)
        quote = match.quote
        label = quote.id if quote else f"“{q.preview(40)}”"
        citations = [c for qt in match.quotes for c in qt.sources] if wrong or unnamed else []
        if wrong:
            expected = "; ".join(dict.fromkeys(_where_read(ci.corpus, c) for c in citations))
            if key not in printed:
                printed[key] = ", ".join(map(str, numbers))
            findings.append(Finding(
                CHECK, Severity.error,
                f"{label}: its citation [{printed[key]}] does not point at "
                f"where it was published ({expected})",
                "cite the source the quotation was read in", line=q.line,
                section=q.block.section or None, quote_id=quote.id if quote else None,
                ids=tuple(dict.fromkeys(i for c in citations for i in (c.source, c.via) if i))))
        elif unnamed:
            originals = "; ".join(dict.fromkeys(_where_read(ci.corpus, c) for c in citations
                                                if c.via))
            findings.append(Finding(
                CHECK, Severity.info,
                f"{label}: cited to the outlet that printed it; name the original outlet too "
                f"({originals})", "say who the speaker was talking to, e.g. 'told CBS'",
                line=q.line, section=q.block.section or None,
                quote_id=quote.id if quote else None))
    for match in uncited:  # fine when the same quote is cited elsewhere in the brief
        if not any(qt.id in cited_ids for qt in match.quotes):
            q, quote = match.quotation, match.quote
            label = quote.id if quote else f"“{q.preview(40)}”"
            findings.append(Finding(CHECK, Severity.error, f"{label} has no citation",
                                    "add the number of its reference, e.g. [1]", line=q.line,
                                    section=q.block.section or None,
                                    quote_id=quote.id if quote else None))
    reported: set[int] = set()
    stated = ci.figure_index.reading.cited_numbers
    # like a quotation, a figure is fine uncited where the brief cites the same fact
    has_marks: dict[int, bool] = {}  # each block's citations read once, not per figure
    for block, _, _, _ in stated:
        if block.index not in has_marks:
            has_marks[block.index] = bool(block.citations())
    cited_facts = {fact for block, _, _, fact in stated if has_marks[block.index]}
    findings += _figures_cited_elsewhere(ci, stated, references)
    for block, raw, offset, fact in stated:
        if block.index in reported or has_marks[block.index] or fact in cited_facts:
            continue
        reported.add(block.index)
        findings.append(Finding(
            CHECK, Severity.error, f"figure {raw} has no citation",
            "add the number of its reference, e.g. [1]",
            line=block.line_at(offset), section=block.section or None))
    findings += check_references(ci, references)
    return findings


def names_reader(flat: str, citation: Citation | FactSource, corpus: Corpus) -> bool:
    """Whether an entry names the source a quote or figure was read in (its title or
    outlet), whatever it says of the original outlet."""
    reader = corpus.sources.get(citation.source)
    return reader is not None and _names_either(flat, _aliases_of(reader), None, "")


def _marks_for(block: Block, offset: int) -> tuple[int, ...]:
    """The citation a figure stands under: the first marker after it in its paragraph,
    or, with none after it, every marker before it."""
    starts, numbers = block.marks()
    after = bisect_left(starts, offset)  # a marker holds no "[" but its first: none starts
    if after < len(starts):  # inside another, so this is the one a search from here finds
        return numbers[after]
    return block.citations()


def _figures_cited_elsewhere(ci: CheckInput, stated: list[tuple[Block, str, int, str]],
                             references: dict[int, Block]) -> list[Finding]:
    """A figure's citation points at an entry of a source that gives the figure."""
    findings: list[Finding] = []
    # decided once per fact and marker: the figures after a paragraph's last marker all
    # stand under every marker of it, and a long paragraph has many of both
    decided: dict[tuple[str, int], tuple[list[int], bool]] = {}
    flats: dict[int, str] = {}
    for block, raw, offset, fact_id in stated:
        fact = ci.corpus.facts.get(fact_id)
        marks = _marks_for(block, offset)  # kept with the block: the same tuple each time
        key = (fact_id, id(marks))
        known = decided.get(key)
        if known is None:
            numbers = [n for n in marks if n in references]
            named = False
            if fact is not None and numbers and fact.sources:
                for n in dict.fromkeys(numbers):
                    if n not in flats:
                        flats[n] = _flat(references[n].text)
                named = any(names_reader(flats[n], s, ci.corpus)
                            for n in dict.fromkeys(numbers) for s in fact.sources)
            known = decided[key] = (numbers, named)
        numbers, named = known
        if fact is None or not numbers or not fact.sources or named:
            continue
        givers = "; ".join(dict.fromkeys(_where_read(ci.corpus, s) for s in fact.sources))
        findings.append(Finding(
            CHECK, Severity.error,
            f"figure {raw}: its citation [{', '.join(map(str, numbers))}] does not point at "
            f"a source that gives it ({givers})", "cite a source the figure was read in",
            line=block.line_at(offset), section=block.section or None,
            ids=(fact_id, *(s.source for s in fact.sources))))
    return findings


def _where_read(corpus: Corpus, c: Citation | FactSource) -> str:
    reader = corpus.sources.get(c.source)
    via = corpus.sources.get(c.via) if c.via else None
    name = (reader.outlet or reader.title) if reader else c.source
    return f"{via.outlet or via.title} via {name}" if via else name
