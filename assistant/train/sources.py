"""One reference list for the whole deck: each (source, original outlet) numbered once."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..compose.citations import format_citation, long_date, short_outlet
from ..corpus.loader import Corpus
from ..corpus.models import Citation, Fact


class DeckSources:
    """Numbers each document read once; an original outlet is named where it is quoted."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.numbers: dict[str, int] = {}

    def cite(self, pairs: Iterable[Citation | tuple[str, str | None]]) -> tuple[int, ...]:
        numbers: set[int] = set()
        for pair in pairs:
            source = pair.source if isinstance(pair, Citation) else pair[0]
            if source not in self.numbers:
                self.numbers[source] = len(self.numbers) + 1
            numbers.add(self.numbers[source])
        return tuple(sorted(numbers))

    def entries(self) -> tuple[tuple[int, str], ...]:
        return tuple((number, format_citation(self.corpus.sources[source]))
                     for source, number in self.numbers.items())

    def first_published(self, citations: Iterable[Citation]) -> str:
        """'first published by NPR' when the documents we read quote another outlet."""
        originals = dict.fromkeys(short_outlet(self.corpus.sources[c.via])
                                  for c in citations if c.via)
        return f"first published by {' and '.join(originals)}" if originals else ""

    def fact_line(self, fact: Fact) -> str:
        """The fact as one readable line; a disputed figure gives every version and source."""
        if fact.disagreeing:
            versions = "; ".join(
                f"{self._who(fs.source, fs.via)} gives “{fs.figure}”{_meaning(fs.figure, fs.value)} "
                f"{marks(self.cite([(fs.source, fs.via)]))}"
                for fs in fact.sources
            )
            # a disputed fact's statement names what is measured; every version follows it
            text = f"{fact.statement.rstrip(' .')}: the sources differ. {versions[0].upper()}{versions[1:]}."
        else:
            text = f"{fact.statement} {marks(self.cite((fs.source, fs.via) for fs in fact.sources))}"
        return text + (f" (as of {long_date(fact.as_of)})" if fact.as_of else "")

    def _who(self, source: str, via: str | None) -> str:
        read = short_outlet(self.corpus.sources[source])
        return f"{short_outlet(self.corpus.sources[via])} via {read}" if via else read


_ISO = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


def _meaning(figure: str, value: object) -> str:
    """What a disputed figure means when the printed words do not show it: " (350)",
    " (21 September 2015)"; nothing when the figure already says it."""
    if isinstance(value, str) and _ISO.match(value):
        shown = long_date(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        shown = str(int(value)) if float(value).is_integer() else f"{value:g}"
    else:
        return ""
    return "" if shown in figure or (isinstance(value, str) and value in figure) else f" ({shown})"


def marks(numbers: tuple[int, ...]) -> str:
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""
