"""Attribution: the speaker the brief names beside a quotation is the corpus speaker of it.

Where the brief says who speaks: the attribution line of a block quote (`— a Western
fighter named Ibrahim [1]`), a heading right above it (`### Voice 1: Peter Neumann`), or
the sentence around a quotation in prose ("Neumann said “…”", "“…”, Ibrahim told CBS").
A speaker is named by the corpus label, the short name the templates print, or the name
the speaker made public ("Ibrahim", "Neumann"). When the brief names corpus speakers
there and none of them is the quotation's speaker, the quotation is given to the wrong
person: an error. Naming nobody is the citations check's business, not this one's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compose.select import speaker_name
from ..corpus import Corpus, NameDisclosure, Speaker
from .citations import near_blocks
from .context import CheckInput
from .findings import Finding, Severity
from .matching import Match, Status
from .quotations import TYPOGRAPHY, Quotation, quotations_in, typographic
from .vocabulary import terms_pattern

CHECK = "attribution"
_ATTRIBUTED = (Status.exact, Status.typographic, Status.altered, Status.short_in_corpus)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Alias:
    speaker: str
    name: str  # lower case, typographic marks made plain
    length: int


def _names(speaker: Speaker) -> list[str]:
    names = [speaker.label, speaker_name(speaker)]
    identity = speaker.identity
    if identity.name and identity.public is not NameDisclosure.none:
        names.append(identity.name)
        parts = identity.name.split()
        if identity.public is NameDisclosure.full_name and len(parts) > 1:
            names.append(parts[-1])  # "Neumann"
    # The label without its article or its quoted title: "the ICSR report"
    names.append(re.split(r"\s[\"“]", speaker.label)[0])
    return [n for n in dict.fromkeys(typographic(n).lower().strip(" ,.") for n in names)
            if len(n) >= 4]


_ALIASES: dict[int, tuple[Corpus, tuple[Alias, ...]]] = {}
_ALTERNATION: dict[int, re.Pattern[str]] = {}


def _aliases(corpus: Corpus) -> tuple[Alias, ...]:
    kept = _ALIASES.get(id(corpus))
    if kept is not None and kept[0] is corpus:
        return kept[1]
    found = []
    for s in corpus.speakers.values():
        for n in _names(s):
            found.append(Alias(s.id, n, len(n)))
    aliases = tuple(sorted(found, key=lambda a: -a.length))
    _ALIASES[id(corpus)] = (corpus, aliases)
    return aliases


def speakers_named(text: str, corpus: Corpus) -> list[tuple[str, int]]:
    """Corpus speakers the text names, with offsets; a name inside a longer name (a
    label that mentions someone else: "Mahmoud, Abu Omar's cousin") counts once."""
    flat = text.translate(TYPOGRAPHY)  # same length: offsets are the text's own
    aliases = _aliases(corpus)
    combined = _ALTERNATION.get(id(aliases))
    if combined is None:
        # longest names first: at any place the longest name that fits is the one read
        combined = terms_pattern([(f"a{i}", a.name) for i, a in enumerate(aliases)])
        _ALTERNATION[id(aliases)] = combined
    return [(aliases[int((m.lastgroup or "a0")[1:])].speaker, m.start())
            for m in combined.finditer(flat)]


def _blank_quotations(text: str, quotations: list[Quotation]) -> str:
    pieces, pos = [], 0
    for q in quotations:
        if q.start < pos:
            continue
        pieces += [text[pos : q.start], " " * (q.end - q.start)]
        pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)


def attribution_texts(match: Match, ci: CheckInput) -> list[str]:
    """Each place the brief says who speaks for this quotation (the attribution line, the
    heading above; in prose, the sentence around it). Each must be right on its own."""
    q = match.quotation
    block = q.block
    blocks = ci.doc.blocks
    if block.kind == "quote":
        near = near_blocks(block, blocks)
        texts = []
        for nb in near:
            own = _blank_quotations(nb.text, quotations_in(nb))
            texts.append(own if nb is not block or q.start > 0 else
                         [*re.split(r"\s(?:—|–|--|―)\s", nb.text, maxsplit=1), ""][1])
        before = blocks[near[0].index - 1] if near[0].index > 0 else None
        found = [" ".join(texts)]
        if before is not None and before.kind == "heading" and before.level >= 3:
            found.append(before.text)
        return found
    text = block.text
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    a = max(s for s in starts if s <= q.start)
    after = _SENTENCE_END.search(text, q.end)
    b = after.start() if after else len(text)
    inside = [x for x in quotations_in(block) if a <= x.start and x.end <= b]
    # another quotation in the same sentence: only the words between this one and it
    others = [x for x in inside if x is not q and x.checked]
    lo = max([x.end for x in others if x.end <= q.start], default=a)
    hi = min([x.start for x in others if x.start >= q.end], default=b)
    return [_blank_quotations(text[lo:hi], [
        Quotation(x.text, x.block, x.start - lo, x.end - lo, x.in_block_quote)
        for x in inside if lo <= x.start and x.end <= hi])]


def check_attribution(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    corpus = ci.corpus
    for match in ci.matches:
        if match.status not in _ATTRIBUTED or not match.quotes or not match.quotation.checked:
            continue
        speakers = {qt.speaker for qt in match.quotes}
        wrong: set[str] = set()
        for said in attribution_texts(match, ci):
            named = {s for s, _ in speakers_named(said, corpus)}
            if named and not named & speakers:
                wrong |= named
        if not wrong:
            continue
        named = wrong
        quote = match.quotes[0]
        actual = corpus.speakers.get(quote.speaker)
        others = ", ".join(sorted(speaker_name(corpus.speakers[s]) for s in named
                                  if s in corpus.speakers))
        q = match.quotation
        findings.append(Finding(
            CHECK, Severity.error,
            f"{quote.id} is by {speaker_name(actual) if actual else quote.speaker}, but the brief "
            f"gives it to {others}",
            f"attribute it to {speaker_name(actual) if actual else quote.speaker}",
            line=q.line, section=q.block.section or None, quote_id=quote.id,
            ids=(quote.speaker, *sorted(named))))
    return findings
