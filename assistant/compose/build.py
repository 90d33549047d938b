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
    Post,
    Reference,
    TemplateInfo,
)
from .catalogue import TemplateCatalogue
from .citations import format_citation
from .errors import ChoiceRefused, UnknownId
from .facts import about_line, fact_line, rank_facts
from .frame import campaign_frame
from .index import select_quotes
from .notices import brief_notices
from .posts import post_writer
from .select import QUOTE_SHARE, PostText, speaker_name


def _check_ids(corpus: Corpus, inputs: BriefInputs) -> None:
    if inputs.theme not in corpus.themes:
        raise UnknownId("theme", inputs.theme, list(corpus.themes))
    if inputs.audience not in corpus.audiences:
        raise UnknownId("audience", inputs.audience, list(corpus.audiences))
    for qid in [*inputs.pins, *inputs.exclusions, *inputs.order]:
        if qid not in corpus.quotes:
            raise UnknownId("quote", qid, list(corpus.quotes))
    for fid in inputs.fact_pins:
        if fid not in corpus.facts:
            raise UnknownId("fact", fid, list(corpus.facts))


def _arranged(chosen: list[Candidate], order: list[str]) -> list[Candidate]:
    """Best first, unless the communicator arranged them: their order, then the rest. The
    parts of a remark stay together, caveat first, wherever the remark is placed."""
    by_id = {c.quote.id: c for c in chosen}

    def unit_of(c: Candidate) -> tuple[str, ...]:
        return tuple(i for i in (c.remark or [c.quote.id]) if i in by_id)

    def best(unit: tuple[str, ...]) -> float:
        return max(by_id[i].score for i in unit)

    units = list(dict.fromkeys(unit_of(c) for c in chosen))
    by_rank = sorted(units, key=lambda u: (-best(u), u[0]))
    placed = list(dict.fromkeys(unit_of(by_id[qid]) for qid in order if qid in by_id))
    return [by_id[i] for unit in placed + [u for u in by_rank if u not in placed]
            for i in unit]


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

    def cited_sources(self) -> set[str]:
        """Every source the brief cites so far, as read or as the original."""
        return set(self.numbers) | set(self.originals)


def _content_note(quotes: list[ChosenQuote]) -> str | None:
    """Named by speaker, not number: a policy brief does not number its quotations."""
    who = list(dict.fromkeys(speaker_name(q.speaker) for q in quotes if q.graphic))
    if not who:
        return None
    what = "a first-hand description" if sum(q.graphic for q in quotes) == 1 \
        else "first-hand descriptions"
    return (f"Content note: this brief quotes {what} of violence ({'; '.join(who)}). "
            "Read it before you share it, and warn your audience before they read it.")


def _others_heading(quotes: list[ChosenQuote]) -> str:
    """'What researchers and the report say': who speaks when it is not people who left."""
    roles = list(dict.fromkeys(q.speaker.role.value for q in quotes if not q.defector))
    words = [ROLE_WORDS.get(r, "others") for r in sorted(roles, key=ROLE_ORDER.index)]
    if not words:
        return ""
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    verb = "says" if words == ["the report"] else "say"  # one report says; people say
    return f"What {listed} {verb}"


ROLE_ORDER = ["expert", "report", "official", "journalist", "other", "defector"]
ROLE_WORDS = {"expert": "researchers", "report": "the report", "official": "officials",
              "journalist": "reporters", "other": "others"}


def _allowed_template(template: TemplateInfo, audience_id: str, any_audience: bool) -> bool:
    """True when the template is for this audience; ChoiceRefused when it is not and the
    communicator did not ask for it anyway. False: used outside its audiences on request."""
    if not template.audiences or audience_id in template.audiences:
        return True
    if any_audience:
        return False
    raise ChoiceRefused(
        f"template {template.id} is written for {', '.join(template.audiences)}, not "
        f"{audience_id}; choose another template or ask for it anyway (--any-audience)")


def default_template(templates: TemplateCatalogue, audience_id: str,
                     preferred: str = "policy-brief") -> str:
    """The template to use when none is named: `preferred` if it is for this audience,
    else the first (alphabetically) that is."""
    infos = templates.infos()
    suitable = [i.id for i in infos if not i.audiences or audience_id in i.audiences]
    if preferred in suitable or not suitable:
        return preferred
    return suitable[0]


def compose_brief(corpus: Corpus, inputs: BriefInputs,
                  templates: TemplateCatalogue | None = None) -> Brief:
    """Choose quotes and facts for `inputs` and number their citations.

    Deterministic: the same corpus, inputs and template file give an equal Brief.
    Raises UnknownId (theme, audience, template, quote, fact or frame field, listing the
    valid ids), ChoiceRefused (a pin that cannot be honoured, or a template not written
    for the audience without `any_audience`) or TemplateError (a bad header).
    """
    if templates is None:
        from ..paths import bundled_templates_dir

        templates = TemplateCatalogue(bundled_templates_dir())
    _check_ids(corpus, inputs)
    template = templates.info(inputs.template)
    in_audiences = _allowed_template(template, inputs.audience, inputs.any_audience)
    theme, audience = corpus.themes[inputs.theme], corpus.audiences[inputs.audience]
    frame = campaign_frame(theme, audience, template, inputs.frame)

    post_text = post_writer(corpus) if template.post_chars is not None else None
    count = template.quotes if inputs.quotes is None else inputs.quotes
    limits = [n for n in (template.word_limit, audience.word_limit) if n]
    budget = int(min(limits) * QUOTE_SHARE) if limits and post_text is None else None
    selection = select_quotes(corpus, theme, audience, template, inputs.pins,
                              inputs.exclusions, post_text, count,
                              per_remark=post_text is not None, word_budget=budget)
    candidates = selection.candidates
    refs = _References(corpus)
    quotes: list[ChosenQuote] = []
    for c in _arranged([c for c in candidates if c.chosen], inputs.order):
        quotes.append(ChosenQuote(
            number=len(quotes) + 1, quote=c.quote, speaker=c.speaker,
            references=refs.cite_all(c.quote.sources), reasons=c.reasons, pinned=c.pinned,
            part_of=c.remark[0] if len(c.remark) > 1 else None))
    facts = [ChosenFact(fact=fact, reasons=reasons, pinned=pinned,
                        references=_fact_refs(fact, refs),
                        text=fact_line(corpus, fact, refs.cite))
             for fact, reasons, pinned in rank_facts(corpus, theme.id, template.facts,
                                                     inputs.fact_pins)]
    posts = _posts(corpus, quotes, post_text) if post_text is not None else []
    about = about_line(corpus, refs.cited_sources() | _icsr_named(corpus, quotes), refs.cite)
    notices = brief_notices(corpus, theme.id, audience.id, template, count, quotes,
                            selection.testimony, len(posts), outside=not in_audiences,
                            frame_default=audience.id not in theme.frames
                            and audience.frame is not None)
    digest = hashlib.sha256(corpus.fingerprint.encode() + b"\0"
                            + templates.content(template.id))
    return Brief(
        inputs=inputs, theme=theme, audience=audience, template=template, frame=frame,
        quotes=quotes, facts=facts, references=refs.entries, originals=refs.originals,
        candidates=candidates, considered=selection.considered,
        content_note=_content_note(quotes), fingerprint=digest.hexdigest()[:16],
        posts=posts, notices=notices, about=about, others_heading=_others_heading(quotes),
    )


def _icsr_named(corpus: Corpus, quotes: list[ChosenQuote]) -> set[str]:
    """Sources a brief names through its speakers (a report quoted as a speaker)."""
    return {c.via or c.source for q in quotes if q.speaker.role.value == "report"
            for c in q.quote.sources}


def _fact_refs(fact: Fact, refs: _References) -> list[int]:
    return list(dict.fromkeys(refs.cite(s.source, s.via) for s in fact.sources))


def _posts(corpus: Corpus, quotes: list[ChosenQuote], post_text: PostText) -> list[Post]:
    posts: list[Post] = []
    groups: dict[str, list[ChosenQuote]] = {}
    for q in quotes:
        groups.setdefault(q.part_of or q.quote.id, []).append(q)
    for group in groups.values():
        text = post_text([q.quote for q in group])
        if text is None:  # choose_quotes only keeps remarks with a post; kept for safety
            continue
        posts.append(Post(number=len(posts) + 1, text=text, quotes=[q.quote.id for q in group],
                          references=list(dict.fromkeys(n for q in group for n in q.references))))
    return posts
