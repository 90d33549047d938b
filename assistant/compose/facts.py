"""Facts for a brief: the theme's own, or those the communicator pinned, each as one line.

A disputed figure is never shown as one number: its line gives every version with the
sources that print it. The line for the report's date, and the period the material
describes, are written here too, so every brief dates what it names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..corpus.loader import Corpus
from ..corpus.models import Fact, FactSource
from .brief import Reason
from .citations import long_date, marks, short_outlet
from .errors import UnknownId

Cite = Callable[[str, str | None], int]
"""Numbers a (source, via) pair in the brief's reference list."""


def rank_facts(corpus: Corpus, theme_id: str, count: int,
               pins: Iterable[str] = ()) -> list[tuple[Fact, list[Reason], bool]]:
    """Pinned facts first, then the theme's related facts in the theme's order, up to
    `count` (pins always stay). No fact the theme does not list is borrowed to fill space.
    Raises UnknownId for a pinned fact that does not exist."""
    theme = corpus.themes[theme_id]
    pinned = list(dict.fromkeys(pins))
    for fid in pinned:
        if fid not in corpus.facts:
            raise UnknownId("fact", fid, list(corpus.facts))
    own = [fid for fid in theme.related_facts if fid in corpus.facts and fid not in pinned]
    ids = pinned + own[: max(0, count - len(pinned))]
    chosen: list[tuple[Fact, list[Reason], bool]] = []
    for fid in ids:
        fact = corpus.facts[fid]
        reasons = [Reason(text="pinned by you" if fid in pinned
                          else "listed by the theme as a fact that supports it")]
        sources = len({s.source for s in fact.sources})
        reasons.append(Reason(text=f"corroborated by {sources} sources" if fact.corroborated
                              else "single source: marked as such in the brief"))
        if fact.disagreeing:
            reasons.append(Reason(text="the sources disagree: the brief shows every version"))
        chosen.append((fact, reasons, fid in pinned))
    return chosen


def _versions(corpus: Corpus, fact: Fact, cite: Cite) -> list[str]:
    """'“more than 300” (The Straits Times; New York Times [2, 3])', one per value."""
    groups: dict[object, list[FactSource]] = {}
    for fs in fact.sources:
        groups.setdefault(fs.value if fs.value is not None else fs.figure, []).append(fs)
    parts = []
    for value, sources in groups.items():
        if fact.unit == "date" and isinstance(value, str):
            words = long_date(value)
        else:
            words = " / ".join(f"“{f}”" for f in dict.fromkeys(s.figure for s in sources))
        who = "; ".join(dict.fromkeys(short_outlet(corpus.sources[s.source]) for s in sources))
        parts.append(f"{words} ({who} {marks(cite(s.source, s.via) for s in sources)})")
    return parts


def fact_line(corpus: Corpus, fact: Fact, cite: Cite) -> str:
    """The one line a brief prints for a fact, with its citation marks and dating."""
    tail = []
    if fact.as_of:
        tail.append(f"as of {long_date(fact.as_of)}")
    if not fact.corroborated:
        tail.append("single source")
    dated = f" _({'; '.join(tail)})_" if tail else ""
    if not fact.disagreeing:
        return f"{fact.statement} {marks(cite(s.source, s.via) for s in fact.sources)}{dated}"
    versions = " or ".join(_versions(corpus, fact, cite))
    return (f"{fact.statement.strip().rstrip('.')}: the reports differ, {versions}; they do "
            f"not say which is right.{dated}")


def material_period(corpus: Corpus) -> str:
    """The years the corpus describes, from its sources' dates and its facts' 'as of':
    '2014–15'. Worked out once per corpus."""
    period = corpus.derived.get("material_period")
    if not isinstance(period, str):
        period = corpus.derived["material_period"] = _period(corpus)
    return period


def _period(corpus: Corpus) -> str:
    years = sorted({int(d[:4]) for d in [*(s.published for s in corpus.sources.values()),
                                        *(f.as_of for f in corpus.facts.values())] if d})
    if not years:
        return "an undated period"
    first, last = years[0], years[-1]
    if first == last:
        return str(first)
    if first // 100 == last // 100:
        return f"{first}–{last % 100:02d}"
    return f"{first}–{last}"


def about_line(corpus: Corpus, cited: set[str], cite: Cite) -> str:
    """'The material in this brief describes 2014–15.', with the date of every cited
    source a fact dates (each version with its sources, where the reports disagree)."""
    text = f"The material in this brief describes {material_period(corpus)}."
    dating = corpus.derived.get("dating_facts")
    if not isinstance(dating, list):  # the few facts that date a source, found once
        dating = corpus.derived["dating_facts"] = [f for f in corpus.facts.values() if f.dates]
    for fact in dating:
        if fact.dates not in cited:
            continue
        name = f"{short_outlet(corpus.sources[fact.dates])}'s report"
        versions = _versions(corpus, fact, cite)
        if len(versions) == 1:
            text += f" {name} is dated {versions[0]}."
        else:
            text += f" {name} is dated {' or '.join(versions)}: the reports differ."
    return text
