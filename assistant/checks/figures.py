"""Figures: where the brief states a number from the corpus's facts, it says how sure it is.

A figure is a number in the brief's own words (not inside a quotation, a heading or the
reference list, not a year or a day of the month) that one of the corpus facts gives.
A fact appears in the brief when its statement or one of its sources' figures (with a
digit in it) is there word for word, ignoring typography and case.

- a fact with a single source must say so ("single source", "one source", ...): warning;
- a fact whose sources disagree must show it: two of the differing figures, the
  conflict note, or words such as "sources differ": error otherwise;
- a fact whose data (as_of) is more than two years before `today` must carry "as of"
  and its year: warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..corpus import Corpus, Fact
from ..corpus.models import earliest_day
from .context import CheckInput
from .document import CITATION, Block
from .findings import Finding, Severity, Where
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

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-]|[.,]\d)")
_DAY_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s*$", re.I)
_DAY_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.I)
_LABEL_BEFORE = re.compile(r"(?:narrative|quote|step|part|section|page|chapter|figure|table|"
                           r"no\.|number|theme|item|version|slide|appendix)\s*$", re.I)
_UNIT_AFTER = re.compile(r"^\s*(?:seconds?|minutes?|hours?|days?|weeks?|slides?|pages?|words?|"
                         r"quotes?|quotations?)\b", re.I)
_URL = re.compile(r"https?://\S+|\]\([^)]*\)")


@dataclass(frozen=True)
class FigureMention:
    fact: Fact
    blocks: list[Block]  # every block stating the fact, first first

    @property
    def block(self) -> Block:
        return self.blocks[0]


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def own_words(block: Block) -> str:
    """The block without quotations, citation markers and web addresses (same length)."""
    return _blank(_blank(without_quotations(block), CITATION), _URL)


def _plain(number: str) -> str:
    value = float(number.replace(",", ""))
    return str(int(value)) if value.is_integer() else str(value)


def fact_numbers(corpus: Corpus) -> set[str]:
    """Every number any fact gives, written plainly ("20000", "25")."""
    found: set[str] = set()
    for fact in corpus.facts.values():
        texts = [fact.statement] + [s.figure for s in fact.sources]
        values = [fact.value] + [s.value for s in fact.sources]
        for v in values:
            if isinstance(v, int | float) and not isinstance(v, bool):
                found.add(_plain(str(v)))
        for t in texts:
            found.update(_plain(m.group(1)) for m in _NUMBER.finditer(t))
    return found


def figures_in(block: Block, numbers: set[str]) -> list[tuple[str, int]]:
    """Numbers of the corpus's facts stated in the block's own words, with offsets."""
    if block.kind == "heading" or block.in_references:
        return []
    text = own_words(block)
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        plain = _plain(raw)
        if re.fullmatch(r"(19|20)\d\d", raw) or plain not in numbers:
            continue
        before, after = text[: m.start()], text[m.end() :]
        if (_DAY_BEFORE.search(before) or _DAY_AFTER.match(after)
                or _LABEL_BEFORE.search(before) or _UNIT_AFTER.match(after)):
            continue
        found.append((raw, m.start()))
    return found


def _mentions(fact: Fact, flat: str) -> bool:
    texts = [fact.statement] + [s.figure for s in fact.sources if re.search(r"\d", s.figure)]
    return any(typographic(t).lower().strip(" .") in flat for t in texts)


def fact_mentions(ci: CheckInput) -> list[FigureMention]:
    """Facts the brief states, with every block that states each."""
    facts = list(ci.corpus.facts.values())
    if ci.brief is not None:
        facts = [cf.fact for cf in ci.brief.facts] + [
            f for f in facts if f.id not in {cf.fact.id for cf in ci.brief.facts}]
    found: list[FigureMention] = []
    for fact in facts:
        blocks = [b for b in ci.doc.body()
                  if b.kind != "heading" and _mentions(fact, typographic(own_words(b)).lower())]
        if blocks:
            found.append(FigureMention(fact, blocks))
    return found


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
    if re.search(rf"\bas of\b[^.;]*\b{year}\b", flat):
        return True
    if len(as_of) >= 7:
        month = _MONTH_NAMES[int(as_of[5:7]) - 1]
        return bool(re.search(rf"\b{month}\s+(?:\d{{1,2}},?\s+)?{year}\b", flat))
    return bool(re.search(rf"\b(?:in|by|until|through|to|during)\s+{year}\b", flat))


def check_figures(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    for mention in fact_mentions(ci):
        fact, block = mention.fact, mention.block
        # The qualifier may stand wherever the brief states the figure (say, the list of
        # numbers), not necessarily in a summary that mentions it first.
        flat = " ".join(typographic(b.text).lower() for b in mention.blocks)
        where: Where = {"line": block.line, "section": block.section or None}
        if fact.disagreeing:
            figures = {typographic(s.figure).lower() for s in fact.sources}
            shown = sum(1 for f in figures if f in flat)
            note = fact.conflict_note and typographic(fact.conflict_note).lower().strip(" .")
            if shown < 2 and not (note and note in flat) and not any(
                    label in flat for label in DISAGREEMENT_LABELS):
                versions = "; ".join(f"{s.figure} ({s.source})" for s in fact.sources)
                findings.append(Finding(
                    CHECK, Severity.error,
                    f"fact {fact.id}: the sources disagree ({versions}) but the brief "
                    "shows one version", "give each source's figure, or the conflict note"
                    + (f": {fact.conflict_note}" if fact.conflict_note else ""), **where))
        elif not fact.corroborated and not any(label in flat for label in SINGLE_SOURCE_LABELS):
            findings.append(Finding(
                CHECK, Severity.warning,
                f"fact {fact.id} rests on a single source and is not marked as such",
                "add '(single source)' after the figure", **where))
        stale = ci.today is not None and _stale(fact, ci.today)
        if stale and not shows_date(fact.as_of or "", flat):
            findings.append(Finding(
                CHECK, Severity.warning,
                f"fact {fact.id}: the data is from {fact.as_of}, more than "
                f"{STALE_AFTER_YEARS} years ago, and the brief does not say so",
                f"add 'as of {fact.as_of}'", **where))
    return findings
