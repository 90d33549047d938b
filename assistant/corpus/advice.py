"""Curator warnings: things a valid corpus may still get wrong.

Untagged quotes no brief will use, speakers and sources nothing refers to, themes with no
quotation or no defector's voice, and the same quotation under two ids (which would print
twice when both are pinned). Warnings by default; `corpus validate --strict` makes them
errors.
"""

from __future__ import annotations

from .loader import Corpus, Location, Problem


def _typographic(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-",
                           "\u00a0": " "})
    return " ".join(text.translate(table).lower().split()).rstrip(" .,;:")


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def curator_warnings(corpus: Corpus) -> list[Problem]:
    """Every warning, sorted by file and line."""
    found: list[Problem] = []

    def warn(kind: str, rid: str, message: str) -> None:
        at = corpus.where(kind, rid) or Location(str(corpus.root), 0)
        found.append(Problem(at.file, at.line, f"{kind[:-1]} {rid}: {message}"))

    cited = {c.source for q in corpus.quotes.values() for c in q.sources} | {
        c.via for q in corpus.quotes.values() for c in q.sources if c.via} | {
        fs.source for f in corpus.facts.values() for fs in f.sources} | {
        fs.via for f in corpus.facts.values() for fs in f.sources if fs.via}
    speaking = {q.speaker for q in corpus.quotes.values()}
    for qid, quote in corpus.quotes.items():
        if not quote.themes:
            warn("quotes", qid, "linked to no theme, so no brief will use it")
    for sid in corpus.speakers:
        if sid not in speaking:
            warn("speakers", sid, "no quote is by this speaker")
    for sid in corpus.sources:
        if sid not in cited:
            warn("sources", sid, "no quote or fact cites this source")
    for tid in corpus.themes:
        quotes = corpus.quotes_for(tid)
        if not quotes:
            warn("themes", tid, "no quote is linked to this theme")
            continue
        roles = {corpus.speakers[q.speaker].role.value for q in quotes
                 if q.speaker in corpus.speakers}
        if "defector" not in roles:
            warn("themes", tid, f"no defector's voice among its {len(quotes)} quote(s)")
    for fid, fact in corpus.facts.items():
        # a corrected value the sources do not back: charts draw the fact's own value
        own = _number(fact.value)
        given = [v for v in (_number(fs.value) for fs in fact.sources) if v is not None]
        if own is not None and given and own not in given:
            warn("facts", fid, f"value {own:g} is not what any of its sources gives "
                               f"({', '.join(f'{v:g}' for v in dict.fromkeys(given))}); "
                               "correct the sources' values too, or the value")
    first: dict[str, str] = {}
    for qid, quote in corpus.quotes.items():
        key = _typographic(quote.text)
        if key in first:
            other = corpus.where("quotes", first[key])
            where = f" ({other.file}:{other.line})" if other else ""
            warn("quotes", qid, f"the same quotation as {first[key]}{where}; keep one, "
                                 "citing every source")
        else:
            first[key] = qid
    return sorted(found)
