"""Citations: each quotation and figure carries a marker [n] that resolves to an entry
of the reference list, and a quotation's entry names where that quote was published.

A quotation's citation may stand anywhere in its paragraph or block quote, or in an
attribution line (`— a defector [2]`) right after the block quote.
"""

from __future__ import annotations

from ..corpus import Corpus, Quote
from .context import CheckInput
from .document import CITATION, Block, expand_citation
from .figures import fact_numbers, figures_in
from .findings import Finding, Severity, Where
from .matching import Status
from .quotations import typographic

CHECK = "citations"
_CITED = (Status.exact, Status.typographic, Status.altered)


def _near(block: Block, blocks: list[Block]) -> list[Block]:
    """The block, the rest of its block quote, and an attribution line right after it."""
    near = [block]
    if block.kind == "quote":
        near = [b for b in blocks if b.kind == "quote" and b.group == block.group] or near
        index = blocks.index(near[-1])
        if index + 1 < len(blocks):
            after = blocks[index + 1]
            if after.kind == "paragraph" and after.text.lstrip()[:1] in ("—", "–", "-", "―"):
                near.append(after)
    return near


def _names(corpus: Corpus, quote: Quote) -> list[str]:
    names: list[str] = []
    for citation in quote.sources:
        for sid in (citation.source, citation.via):
            source = corpus.sources.get(sid) if sid else None
            if source is not None:
                names += [n for n in (source.outlet, source.title, source.author) if n]
    return names


def check_citations(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    references = ci.doc.references()
    body = ci.doc.body()
    for block in body:
        for m in CITATION.finditer(block.text):
            for n in expand_citation(m.group(1)):
                if n not in references:
                    findings.append(Finding(
                        CHECK, Severity.error,
                        f"citation [{n}] has no entry in the reference list",
                        "add the entry or correct the number",
                        line=block.line_at(m.start()), section=block.section or None))
    checked = [m for m in ci.matches if m.status in _CITED and m.quotation.checked]
    cited_ids: set[str] = set()
    uncited = []
    for match in checked:
        q = match.quotation
        near = _near(q.block, body)
        numbers = [n for b in near for n in b.citations()]
        names = [n for qt in match.quotes for n in _names(ci.corpus, qt)]
        # A post may name the publication instead of numbering it: "(NPR via New York Times)"
        named = any(typographic(n).lower() in typographic(b.text).lower()
                    for n in names for b in near)
        if not (numbers or named):
            uncited.append(match)
            continue
        cited_ids.update(qt.id for qt in match.quotes)
        quote = match.quote
        label = quote.id if quote else f"“{q.preview(40)}”"
        where: Where = {"line": q.line, "section": q.block.section or None,
                        "quote_id": quote.id if quote else None}
        entries = [typographic(references[n].text).lower() for n in numbers if n in references]
        if entries and names and not any(typographic(name).lower() in e
                                         for e in entries for name in names):
            expected = ", ".join(dict.fromkeys(names[:2]))
            findings.append(Finding(
                CHECK, Severity.warning,
                f"{label}: its citation does not name where it was published ({expected})",
                "cite the source the quotation was read in", **where))
    for match in uncited:  # fine when the same quote is cited elsewhere in the brief
        if not any(qt.id in cited_ids for qt in match.quotes):
            q, quote = match.quotation, match.quote
            label = quote.id if quote else f"“{q.preview(40)}”"
            findings.append(Finding(CHECK, Severity.error, f"{label} has no citation",
                                    "add the number of its reference, e.g. [1]", line=q.line,
                                    section=q.block.section or None,
                                    quote_id=quote.id if quote else None))
    numbers_of_facts = fact_numbers(ci.corpus)
    for block in body:
        figures = figures_in(block, numbers_of_facts)
        if figures and not block.citations():
            raw, offset = figures[0]
            findings.append(Finding(
                CHECK, Severity.error, f"figure {raw} has no citation",
                "add the number of its reference, e.g. [1]",
                line=block.line_at(offset), section=block.section or None))
    return findings
