"""Graphic content: graphic material needs a content note at the top, and stays out of
briefs for audiences that do not allow it.

Graphic material is a quotation of a corpus quote tagged `graphic`, any passage using
the narrow vocabulary of data/graphic.yaml, or a sentence that names an act, a method and
a victim together (the `acts`, `methods` and `victims` of the same file): "they cut the
prisoner's throat with a knife" is graphic without any listed word. A content note is a paragraph naming itself
("Content note", "Content warning", "Trigger warning"); "at the top" means before the
first quotation and before the first graphic passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import Quote
from .context import CheckInput
from .document import Block
from .findings import Finding, Severity
from .matching import Status
from .vocabulary import Rule, Screen, all_of, any_of, graphic_rules, may_contain, terms_pattern

CHECK = "graphic-content"
CONTENT_NOTE = re.compile(r"\b(content note|content warning|trigger warning)\b", re.I)


@dataclass(frozen=True)
class GraphicPassage:
    line: int
    what: str  # "q-020" or "'beheading'"
    quote_id: str | None
    section: str


_NOTE_START = re.compile(r"^\W*(?:[\w’'-]+\W+){0,2}?(?:content note|content warning|"
                         r"trigger warning)\b", re.I)


def is_content_note(block: Block) -> bool:
    """A paragraph that opens with its label ("**Content note:** ...") in the audience's
    part; a team note that mentions content notes ("... needs a content note") is not one."""
    return not block.team and bool(_NOTE_START.match(block.text[:80]))


_SENTENCE = re.compile(r"[^.!?]{1,600}[.!?]?")
_PATTERNS: dict[int, tuple[Rule, list[re.Pattern[str]]]] = {}


def _alternations(rule: Rule) -> list[re.Pattern[str]]:
    kept = _PATTERNS.get(id(rule))
    if kept is None or kept[0] is not rule:
        pats = [terms_pattern([("", t) for t in rule.words(k)])
                for k in ("acts", "methods", "victims") if rule.words(k)]
        kept = (rule, pats if len(pats) == 3 else [])
        _PATTERNS[id(rule)] = kept
    return kept[1]


def described_atrocity(text: str, rule: Rule, screen: Screen | None = None
                       ) -> re.Match[str] | None:
    """The first sentence naming an act, a method and a victim together. `screen`: the
    document the text is part of."""
    pats = _alternations(rule)
    act_words = rule.word_tuple("acts")
    if not pats or (screen is not None and not all(
            screen.may_contain(rule.word_tuple(k)) for k in ("acts", "methods", "victims"))):
        return None
    if not may_contain(act_words, text):
        return None
    acts = pats[0]
    for act in acts.finditer(text):  # only sentences that name an act are read further
        start, end = act.start(), act.end()
        floor = max(0, start - 600)  # bounded look-around: linear however long the text
        lo = max(floor - 1, *(text.rfind(c, floor, start) for c in ".!?")) + 1
        ends = [i for i in (text.find(c, end, end + 600) for c in ".!?") if i >= 0]
        hi = min([*ends, end + 600]) + 1
        sentence = _SENTENCE.match(text, lo, hi)
        if sentence and all(p.search(text, lo, hi) for p in pats[1:]):
            return sentence
    return None


def graphic_passages(ci: CheckInput) -> list[GraphicPassage]:
    found: list[GraphicPassage] = []
    rule = graphic_rules()
    seen_blocks: set[int] = set()
    first: dict[int, Quote | None] = {}  # the quotations of one text share their copies
    for m in ci.matches:
        if m.status is Status.unmatched:
            continue
        if id(m.quotes) not in first:
            first[id(m.quotes)] = next((q for q in m.quotes if q.graphic), None)
        graphic = first[id(m.quotes)]
        if graphic is not None:
            q = m.quotation
            found.append(GraphicPassage(q.line, graphic.id, graphic.id, q.block.section))
            seen_blocks.add(id(q.block))
    screen = ci.text_screen
    # the blocks that hold a listed word, or an act, a method and a victim together
    held = any_of(screen.holding(rule.phrases), all_of(
        *(screen.holding(rule.word_tuple(k)) for k in ("acts", "methods", "victims"))))
    for block in ci.doc.body_among(held):
        if id(block) in seen_blocks or is_content_note(block):
            continue
        hits = rule.find(block.text, ci.text_screen)
        if hits:
            _term, hit = hits[0]
            found.append(GraphicPassage(block.line_at(hit.start()), f"'{hit.group(0)}'",
                                        None, block.section))
            continue
        described = described_atrocity(block.text, rule, ci.text_screen)
        if described:
            words = " ".join(described.group(0).split()[:8])
            found.append(GraphicPassage(block.line_at(described.start()),
                                        f"a description of violence ('{words}…')", None,
                                        block.section))
    return sorted(found, key=lambda p: p.line)


def check_graphic(ci: CheckInput) -> list[Finding]:
    passages = graphic_passages(ci)
    findings: list[Finding] = []
    if not passages:
        return findings
    notes = [b for b in ci.doc.body() if is_content_note(b)]
    first_quote = min((m.quotation.line for m in ci.matches if m.quotation.checked),
                      default=None)
    limit = min(p.line for p in passages)
    if first_quote is not None:
        limit = min(limit, first_quote)
    first = passages[0]
    audience = ci.audience
    forbidden = audience is not None and not audience.graphic_allowed
    # For an audience that must not see graphic material, the answer is to leave it out
    # (reported below for each passage), not to add a content note.
    if forbidden:
        pass
    elif not notes:
        findings.append(Finding(
            CHECK, Severity.error,
            f"graphic material ({first.what}) but no content note at the top",
            "start the brief with a content note, e.g. 'Content note: this brief quotes "
            "descriptions of executions.'", line=first.line, quote_id=first.quote_id,
            section=first.section or None))
    elif notes[0].line > limit:
        findings.append(Finding(
            CHECK, Severity.error,
            f"the content note (line {notes[0].line}) comes after the material it warns of",
            "move the content note to the top, before the first quotation",
            line=notes[0].line, section=notes[0].section or None))
    if forbidden and audience is not None:
        for p in passages:
            findings.append(Finding(
                CHECK, Severity.error,
                f"{p.what} is graphic and the audience {audience.id} does not allow "
                "graphic material",
                "leave it out, or choose a non-graphic quote", line=p.line,
                quote_id=p.quote_id, section=p.section or None))
    return findings


def check_graphic_model(ci: CheckInput) -> list[Finding]:
    """The Brief itself: graphic quotes chosen for an audience that forbids them."""
    brief = ci.brief
    if brief is None:
        return []
    findings: list[Finding] = []
    graphic = [cq for cq in brief.quotes if cq.graphic]
    if graphic and not brief.content_note:
        findings.append(Finding(CHECK, Severity.error,
                                f"{graphic[0].quote.id} is graphic but the brief has no "
                                "content note", "set the brief's content note",
                                quote_id=graphic[0].quote.id))
    if not brief.audience.graphic_allowed:
        findings += [Finding(CHECK, Severity.error,
                             f"{cq.quote.id} is graphic and the audience {brief.audience.id} "
                             "does not allow graphic material",
                             "leave it out, or choose a non-graphic quote",
                             quote_id=cq.quote.id) for cq in graphic]
    return findings
