"""Charts from the corpus's chart records: every number is read from its fact."""

from __future__ import annotations

from ..compose.citations import long_date, short_outlet
from ..corpus.loader import Corpus
from ..corpus.models import Chart as ChartRecord
from ..corpus.models import Fact
from .deck import Chart, ChartBar
from .sources import DeckSources, marks


def numeric_versions(fact: Fact, corpus: Corpus) -> list[tuple[float, str]]:
    """(value, who gives it) for each distinct number the sources give; one entry, with
    no name, when they agree."""
    own = _number(fact.value)
    if own is not None and not fact.disagreeing:
        return [(own, "")]  # the fact's own value: a correction reaches every chart
    found: dict[float, list[str]] = {}
    for fs in fact.sources:
        if isinstance(fs.value, int | float) and not isinstance(fs.value, bool):
            found.setdefault(float(fs.value), []).append(short_outlet(corpus.sources[fs.source]))
    if not found and own is not None:
        return [(own, "")]
    if len(found) == 1:
        return [(next(iter(found)), "")]
    return [(value, " and ".join(dict.fromkeys(names))) for value, names in found.items()]


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def drawn_value(fact: Fact) -> float | None:
    """The one number a chart draws for a fact: its own value, else what every source
    agrees on; None when there is no number or the sources disagree."""
    own = _number(fact.value)
    if own is not None:
        return own
    values = {v for v in (_number(fs.value) for fs in fact.sources) if v is not None}
    return values.pop() if len(values) == 1 else None


def _who_gives(facts: list[Fact], corpus: Corpus) -> str:
    """Each paper named once, with the outlets it reports: "ICSR, as reported by A, B"
    when they all report the same ones, else "A reporting ICSR; B reporting ICSR and its own"."""
    reports: dict[str, dict[str, None]] = {}  # paper read -> originals it reports ("" its own)
    for fs in (fs for f in facts for fs in f.sources):
        read = short_outlet(corpus.sources[fs.source])
        reports.setdefault(read, {})[short_outlet(corpus.sources[fs.via]) if fs.via else ""] = None
    originals = {tuple(o) for o in reports.values()}
    if len(originals) == 1 and "" not in next(iter(originals)):
        return f"{', '.join(next(iter(originals)))}, as reported by {', '.join(reports)}"
    parts: list[str] = []
    for read, given in reports.items():
        others = [o for o in given if o]
        if not others:
            parts.append(read)
            continue
        own = " and its own" if "" in given else ""
        parts.append(f"{read} reporting {', '.join(others)}{own}")
    return ("; " if any(len(g) > 1 or "" not in g for g in reports.values()) else ", ").join(parts)


def build_chart(record: ChartRecord, corpus: Corpus, sources: DeckSources) -> Chart:
    bars: list[ChartBar] = []
    facts: list[Fact] = []
    for part in record.parts:
        fact = corpus.facts[part.fact]
        facts.append(fact)
        for value, who in numeric_versions(fact, corpus):
            bars.append(ChartBar(part.label, value, fact.id, who))
    whole = None
    if record.whole:
        whole_fact = corpus.facts[record.whole]
        versions = numeric_versions(whole_fact, corpus)
        whole = versions[0][0] if len(versions) == 1 else None
    numbers = sources.cite((fs.source, fs.via) for f in facts for fs in f.sources)
    line = "Source: " + _who_gives(facts, corpus)
    line += f" {marks(numbers)}"
    dates = sorted({f.as_of for f in facts if f.as_of})
    if dates:
        line += f"; as of {long_date(dates[-1])}"
    unit = facts[0].unit or ""
    return Chart(title=record.title, kind=record.kind.value, bars=tuple(bars), unit=unit,
                 whole=whole, source_line=line, note=record.note or "")
