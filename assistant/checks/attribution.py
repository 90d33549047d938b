"""Attribution: the speaker the brief names beside a quotation is the corpus speaker of it.

Where the brief says who speaks: the attribution line of a block quote (`— a Western
fighter named Ibrahim [1]`), a heading right above it (`### Voice 1: Peter Neumann`), or
the sentence around a quotation in prose ("Neumann said “…”", "“…”, Ibrahim told CBS").
A speaker is named by the corpus label, the short name the templates print, or the name
the speaker made public ("Ibrahim", "Neumann"). When the brief names corpus speakers
there and none of them is the quotation's speaker, the quotation is given to the wrong
person: an error. Naming nobody is the citations check's business, not this one's.

Naming no one but a kind of speaker ("one defector admitted: “…”", "a researcher put it"):
the kinds named must include the kind the corpus speaker is (their role), or the
quotation is given to the wrong person.

Without quotation marks too: a sentence of the brief's own words that holds a run of
RUN words of a corpus quotation ("Ibrahim said that a lot of people are becoming more
confident...") and names corpus speakers, none of them its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..compose.select import speaker_name
from ..corpus import Corpus, NameDisclosure, Role, Speaker
from .citations import near_blocks
from .context import CheckInput
from .document import Block
from .findings import Finding, Severity
from .matching import Match, Status
from .quotations import Quotation, flatten, quotations_in, typographic, without_quotations
from .quotations import words as _words_of
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


_Named = tuple[Corpus, tuple[Alias, ...], re.Pattern[str] | None, list[str], tuple[str, ...]]
_ALIASES: dict[int, _Named] = {}


def _aliases(corpus: Corpus) -> tuple[Alias, ...]:
    return _named(corpus)[1]


def _named(corpus: Corpus) -> _Named:
    """The corpus's aliases, and one pattern of them all with the speaker each of its
    groups stands for, and the names it reads (built once per corpus)."""
    kept = _ALIASES.get(id(corpus))
    if kept is not None and kept[0] is corpus:
        return kept
    found = []
    for s in corpus.speakers.values():
        for n in _names(s):
            found.append(Alias(s.id, n, len(n)))
    aliases = tuple(sorted(found, key=lambda a: -a.length))
    # A name two speakers share is read as the first's, as the alternation of every
    # alias would read it: one group per name keeps the pattern as small as the names.
    first: dict[str, str] = {}
    for a in aliases:
        first.setdefault(a.name, a.speaker)
    # longest names first: at any place the longest name that fits is the one read
    combined = (terms_pattern([(f"a{i}", name) for i, name in enumerate(first)])
                if first else None)
    kept = (corpus, aliases, combined, list(first.values()), tuple(first))
    _ALIASES.clear()  # one corpus at a time: an old one is not kept alive
    _ALIASES[id(corpus)] = kept
    return kept


def speakers_named(text: str, corpus: Corpus) -> list[tuple[str, int]]:
    """Corpus speakers the text names, with offsets; a name inside a longer name (a
    label that mentions someone else: "Mahmoud, Abu Omar's cousin") counts once."""
    _, _, combined, speakers, _ = _named(corpus)
    if combined is None:  # a corpus whose speakers are all unnamed
        return []
    flat = flatten(text)  # same length: offsets are the text's own
    return [(speakers[int((m.lastgroup or "a0")[1:])], m.start())
            for m in combined.finditer(flat)]


def blocks_naming(ci: CheckInput) -> frozenset[int] | None:
    """The blocks (positions in the document) whose own words may name a corpus speaker:
    the others need no look at all (None: it cannot be told)."""
    return ci.own_screen.holding(_named(ci.corpus)[4])


def speakers_named_in(block: Block, corpus: Corpus) -> list[tuple[str, int]]:
    """speakers_named over the block's own words (quotations blanked), read once per block
    whichever check asks first."""
    kept: tuple[Corpus, list[tuple[str, int]]] | None = block.kept.get("named")
    if kept is None or kept[0] is not corpus:
        kept = block.kept["named"] = (corpus, speakers_named(without_quotations(block), corpus))
    return kept[1]


def _blank_quotations(text: str, quotations: list[Quotation]) -> str:
    pieces, pos = [], 0
    for q in quotations:
        if q.start < pos:
            continue
        pieces += [text[pos : q.start], " " * (q.end - q.start)]
        pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _starts(block: Block) -> list[int]:
    found: list[int] | None = block.kept.get("starts")
    if found is None:
        found = block.kept["starts"] = [x.start for x in quotations_in(block)]
    return found


def attribution_texts(match: Match, ci: CheckInput,
                      memo: dict[tuple[int, int], str] | None = None) -> list[tuple[str, ...]]:
    """Each place the brief says who speaks for this quotation (the attribution line, the
    heading above; in prose, the sentence around it), as the pieces of text it is made
    of. Each place must be right on its own. `memo` keeps a block quote's own words for
    its other quotations, so a long block quote is read once."""
    q = match.quotation
    block = q.block
    blocks = ci.doc.blocks
    if block.kind == "quote":
        near = near_blocks(block, blocks)
        key = (near[0].index, near[-1].index)
        group = memo.get(key) if memo is not None else None
        if group is None:
            group = " ".join(without_quotations(nb) for nb in near)
            if memo is not None:
                memo[key] = group
        pieces = [group]
        if q.start == 0 and q.end >= len(block.text):  # an unmarked paragraph: "… — X"
            pieces.append([*re.split(r"\s(?:—|–|--|―)\s", block.text, maxsplit=1), ""][1])
        found = [tuple(pieces)]
        before = blocks[near[0].index - 1] if near[0].index > 0 else None
        if before is not None and before.kind == "heading" and before.level >= 3:
            found.append((before.text,))
        return found
    text = block.text
    # the sentence around the quotation, looked for near it only (linear in the block)
    floor = max(0, q.start - 600)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, q.start)]
    a = ends[-1] if ends else floor
    after = _SENTENCE_END.search(text, q.end, q.end + 600)
    b = after.start() if after else min(len(text), q.end + 600)
    listed = quotations_in(block)
    first = bisect_left(_starts(block), a)
    inside = []
    for x in listed[first:]:
        if x.start > b:
            break
        if x.end <= b:
            inside.append(x)
    # another quotation in the same sentence: only the words between this one and it
    others = [x for x in inside if x is not q and x.checked]
    lo = max([x.end for x in others if x.end <= q.start], default=a)
    hi = min([x.start for x in others if x.start >= q.end], default=b)
    return [(_blank_quotations(text[lo:hi], [
        Quotation(x.text, x.block, x.start - lo, x.end - lo, x.in_block_quote)
        for x in inside if lo <= x.start and x.end <= hi]),)]


# Kinds of speaker the brief may name instead of a person ("one defector admitted: “…”"):
# a quotation given to a kind its corpus speaker is not is given to the wrong person.
_KINDS: dict[Role, tuple[str, ...]] = {
    Role.defector: ("defector*", "deserter*", "returnee*", "former fighter*", "ex-fighter*",
                    "former member*", "ex-member*", "former jihadi*", "fighter*", "recruit*",
                    "who left", "who defected", "who deserted", "who fled the group",
                    "who came back", "who returned", "survivor*", "insider*"),
    Role.expert: ("researcher*", "expert*", "academic*", "professor*", "analyst*",
                  "scholar*", "specialist*", "scientist*", "think-tank*", "think tank*"),
    Role.report: ("report*", "study", "studies", "paper", "survey*", "researchers",
                  "think-tank*", "think tank*", "authors"),
    Role.journalist: ("journalist*", "reporter*", "correspondent*", "newspaper*", "paper",
                      "editor*", "the times", "the post", "report*"),
    Role.official: ("official*", "minister*", "spokes*", "government*", "ministry",
                    "police", "prosecutor*", "diplomat*", "mp", "senator*"),
}
_KIND_PATTERNS = {role: terms_pattern([("", w) for w in words])
                  for role, words in _KINDS.items()}


def _kinds_named(text: str) -> dict[Role, str]:
    """The kinds of speaker a text names, each with the first word that names it."""
    found = {role: pattern.search(text) for role, pattern in _KIND_PATTERNS.items()}
    return {role: m.group(0) for role, m in found.items() if m is not None}


def check_kind_attribution(ci: CheckInput) -> list[Finding]:
    """A quotation in prose given to a kind of speaker, naming no one: the kinds named
    must include the kind its corpus speaker is."""
    findings: list[Finding] = []
    corpus = ci.corpus
    for match in ci.matches:
        if match.status not in _ATTRIBUTED or not match.quotes or not match.quotation.checked:
            continue
        if match.quotation.block.kind == "quote":
            continue  # a block quote's attribution line names its speaker, or the marked check
        roles = {corpus.speakers[qt.speaker].role for qt in match.quotes
                 if qt.speaker in corpus.speakers}
        if not roles:
            continue
        for place in attribution_texts(match, ci):
            said = " ".join(place)
            if speakers_named(said, corpus):
                continue  # a person is named: the marked check's business
            kinds = _kinds_named(said)
            if not kinds or roles & set(kinds):
                continue
            words = ", ".join(f"'{w}'" for w in dict.fromkeys(kinds.values()))
            quote = match.quotes[0]
            actual = corpus.speakers.get(quote.speaker)
            who = speaker_name(actual) if actual else quote.speaker
            q = match.quotation
            findings.append(Finding(
                CHECK, Severity.error,
                f"{quote.id} is by {who} ({' or '.join(sorted(roles))}), but the brief gives "
                f"it to a kind of speaker {who} is not ({words})", f"attribute it to {who}",
                line=q.line, section=q.block.section or None, quote_id=quote.id,
                ids=(quote.speaker,)))
            break
    return findings


def check_attribution(ci: CheckInput) -> list[Finding]:
    return (check_marked_attribution(ci) + check_kind_attribution(ci)
            + check_unmarked_attribution(ci))


def check_marked_attribution(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    corpus = ci.corpus
    memo: dict[tuple[int, int], str] = {}
    named_in: dict[str, set[str]] = {}  # keyed by the (shared) text: read once
    for match in ci.matches:
        if match.status not in _ATTRIBUTED or not match.quotes or not match.quotation.checked:
            continue
        speakers = {qt.speaker for qt in match.quotes}
        wrong: set[str] = set()
        for place in attribution_texts(match, ci, memo):
            named = set()
            for said in place:
                if said not in named_in:
                    named_in[said] = {s for s, _ in speakers_named(said, corpus)}
                named |= named_in[said]
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


# --- a corpus quotation's wording, without quotation marks, given to someone else -------

RUN = 5
"""A run of this many words of a corpus quotation is its wording..."""
CONTENT_WORDS = 2
"""...when at least this many of them are not function words."""

_FUNCTION_WORDS = """a an the and or but if so of to in on at by for with from as
that this these those it its it's is are was were be been being am i you he she we they
me him her us them my your his our their not no do does did have has had there here
what which who whom when where why how all any some more most very just then than too
can could would should will shall may might must"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_GRAMS: dict[int, tuple[Corpus, dict[tuple[str, ...], set[str]]]] = {}


def _plain_words(text: str) -> list[str]:
    return [w.lower() for w in _words_of(typographic(text))]


def _grams(corpus: Corpus) -> dict[tuple[str, ...], set[str]]:
    """Every distinctive run of RUN words of every corpus quote, with the quotes it is in."""
    kept = _GRAMS.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        index: dict[tuple[str, ...], set[str]] = {}
        for q in corpus.quotes.values():
            ws = _plain_words(q.text)
            for i in range(len(ws) - RUN + 1):
                gram = tuple(ws[i : i + RUN])
                if sum(1 for w in gram if w not in _FUNCTION) >= CONTENT_WORDS:
                    index.setdefault(gram, set()).add(q.id)
        kept = (corpus, index)
        _GRAMS.clear()
        _GRAMS[id(corpus)] = kept
    return kept[1]


def check_unmarked_attribution(ci: CheckInput) -> list[Finding]:
    """A sentence of the brief's own words (quotations aside) that holds a run of a corpus
    quotation's words and names corpus speakers, none of them that quotation's speaker:
    someone's words reported as another's, without quotation marks."""
    corpus = ci.corpus
    index = _grams(corpus)
    if not index:
        return []
    findings: list[Finding] = []
    for block in ci.doc.body_among(blocks_naming(ci)):
        if block.kind in ("quote", "heading"):
            continue  # a block quote is a quotation: the marked rule reads it
        own = without_quotations(block)
        everyone = speakers_named_in(block, corpus)  # a block naming nobody is done
        if not everyone:
            continue
        at = [a for _, a in everyone]
        pos = 0
        for sentence in _SENTENCE_END.split(own):
            offset = own.find(sentence, pos)
            pos = max(pos, offset)
            lo, hi = bisect_left(at, offset), bisect_left(at, offset + len(sentence))
            named = {s for s, _ in everyone[lo:hi]}
            if not named:
                continue
            ws = _plain_words(sentence)
            hits: set[str] = set()
            for i in range(len(ws) - RUN + 1):
                hits |= index.get(tuple(ws[i : i + RUN]), set())
            if not hits:
                continue
            speakers = {corpus.quotes[h].speaker for h in hits}
            if named & speakers:
                continue
            quote = corpus.quotes[sorted(hits)[0]]
            actual = corpus.speakers.get(quote.speaker)
            by = speaker_name(actual) if actual else quote.speaker
            others = ", ".join(sorted(speaker_name(corpus.speakers[s]) for s in named))
            findings.append(Finding(
                CHECK, Severity.error,
                f"{quote.id} is by {by}, but the brief gives its words to {others} (without "
                "quotation marks)", f"attribute the words to {by}, or leave them out",
                line=block.line_at(offset), section=block.section or None,
                quote_id=quote.id, ids=(*sorted(hits), quote.speaker, *sorted(named))))
    return findings
