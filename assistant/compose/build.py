"""compose_brief: from a theme, an audience and a template to a cited, explained Brief."""

from __future__ import annotations

import hashlib

from ..corpus.loader import Corpus
from ..corpus.models import Citation, Fact, Source
from .brief import (
    Brief,
    BriefInputs,
    Candidate,
    ChosenFact,
    ChosenQuote,
    Reason,
    Reference,
)
from .catalogue import TemplateCatalogue
from .citations import format_citation
from .errors import UnknownId
from .frame import campaign_frame
from .select import choose_quotes, rank_facts, rank_quotes, speaker_name


def _check_ids(corpus: Corpus, inputs: BriefInputs) -> None:
    if inputs.theme not in corpus.themes:
        raise UnknownId("theme", inputs.theme, list(corpus.themes))
    if inputs.audience not in corpus.audiences:
        raise UnknownId("audience", inputs.audience, list(corpus.audiences))
    for qid in [*inputs.pins, *inputs.exclusions, *inputs.order]:
        if qid not in corpus.quotes:
            raise UnknownId("quote", qid, list(corpus.quotes))


def _arranged(chosen: list[Candidate], order: list[str]) -> list[Candidate]:
    """Best first, unless the communicator arranged them: their order, then the rest."""
    by_rank = sorted(chosen, key=lambda c: (-c.score, c.quote.id))
    placed = [qid for qid in order if any(c.quote.id == qid for c in chosen)]
    first = [next(c for c in chosen if c.quote.id == qid) for qid in dict.fromkeys(placed)]
    return first + [c for c in by_rank if c.quote.id not in placed]


class _References:
    """Numbers each document read on first use, in reading order: one entry per document.
    The outlets it quotes (`via`) are kept apart, for the attributions."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.numbers: dict[str, int] = {}
        self.entries: list[Reference] = []
        self.originals: dict[str, Source] = {}

    def cite(self, source_id: str, via_id: str | None) -> int:
        if via_id:
            self.originals[via_id] = self.corpus.sources[via_id]
        if source_id not in self.numbers:
            source = self.corpus.sources[source_id]
            number = len(self.entries) + 1
            self.numbers[source_id] = number
            self.entries.append(Reference(number=number, source=source,
                                          text=format_citation(source)))
        return self.numbers[source_id]

    def cite_all(self, citations: list[Citation]) -> list[int]:
        return list(dict.fromkeys(self.cite(c.source, c.via) for c in citations))


def _content_note(quotes: list[ChosenQuote]) -> str | None:
    """Named by speaker, not number: a policy brief does not number its quotations."""
    who = list(dict.fromkeys(speaker_name(q.speaker) for q in quotes if q.graphic))
    if not who:
        return None
    what = "a first-hand description" if sum(q.graphic for q in quotes) == 1 \
        else "first-hand descriptions"
    return (f"Content note: this brief quotes {what} of violence ({'; '.join(who)}). "
            "Read it before you share it, and warn your audience before they read it.")


def compose_brief(corpus: Corpus, inputs: BriefInputs,
                  templates: TemplateCatalogue | None = None) -> Brief:
    """Choose quotes and facts for `inputs` and number their citations.

    Deterministic: the same corpus, inputs and template file give an equal Brief.
    Raises UnknownId (theme, audience, template, quote or frame field, listing the valid
    ids), ChoiceRefused (a pin that cannot be honoured) or TemplateError (a bad header).
    """
    if templates is None:
        from ..paths import bundled_templates_dir

        templates = TemplateCatalogue(bundled_templates_dir())
    _check_ids(corpus, inputs)
    template = templates.info(inputs.template)
    theme, audience = corpus.themes[inputs.theme], corpus.audiences[inputs.audience]
    frame = campaign_frame(theme, audience, template, inputs.frame)

    ranked = rank_quotes(corpus, theme, audience, template, inputs.pins, inputs.exclusions)
    count = template.quotes if inputs.quotes is None else inputs.quotes
    candidates = choose_quotes(ranked, count)
    refs = _References(corpus)
    quotes = [
        ChosenQuote(number=number, quote=c.quote, speaker=c.speaker,
                    references=refs.cite_all(c.quote.sources), reasons=c.reasons,
                    pinned=c.pinned)
        for number, c in enumerate(_arranged([c for c in candidates if c.chosen], inputs.order),
                                   start=1)
    ]
    facts = [_chosen_fact(fact, reasons, refs)
             for fact, reasons in rank_facts(corpus, theme, template.facts)]
    digest = hashlib.sha256(corpus.fingerprint.encode() + b"\0"
                            + templates.content(template.id))
    return Brief(
        inputs=inputs, theme=theme, audience=audience, template=template, frame=frame,
        quotes=quotes, facts=facts, references=refs.entries, originals=refs.originals,
        candidates=candidates,
        content_note=_content_note(quotes), fingerprint=digest.hexdigest()[:16],
    )


def _chosen_fact(fact: Fact, reasons: list[Reason], refs: _References) -> ChosenFact:
    numbers = list(dict.fromkeys(refs.cite(s.source, s.via) for s in fact.sources))
    return ChosenFact(fact=fact, references=numbers, reasons=reasons)
