"""Ranking: which quotes and facts suit a theme and an audience, and why.

Every decision leaves a Reason in the communicator's words, so the `--json` output and
the TUI can show why a quote is in the brief, or why it is not. Scores are plain sums of
reason weights; ties are broken by id, so the ranking never depends on file order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..corpus.loader import Corpus
from ..corpus.models import Audience, Fact, NameDisclosure, Quote, Speaker, Theme
from .brief import Candidate, Reason, TemplateInfo
from .errors import ChoiceRefused
from .index import selection_index

STRENGTH_WEIGHT = 10.0
STRENGTH_WORDS = {1: "touches on", 2: "supports", 3: "states"}
MESSENGER_WEIGHTS = (8.0, 5.0, 3.0)  # most trusted, second, third; any later one: 2
GRAPHIC_WEIGHT = -1.0  # usable where allowed, but a calmer quote of equal strength goes first
FRAGMENT_WEIGHT = -3.0  # part of a sentence reads less well standing alone
NARRATIVE_WEIGHT = -20.0  # the claim itself: the brief states it; quotes should be evidence
SAME_ORIGIN_WEIGHT = -4.0  # per quote already chosen from the same original outlet
MIN_SCORE = 18.0  # below this a quote fits too weakly: a shorter brief beats a padded one


def speaker_name(speaker: Speaker) -> str:
    """A short name for reasons and posts, never more than the speaker made public."""
    if speaker.identity.public is NameDisclosure.full_name and speaker.identity.name:
        return speaker.identity.name
    return speaker.label.split(",")[0].split(" “")[0].split(' "')[0].strip()


def in_sentence(text: str) -> str:
    """'Young people' -> 'young people', 'A growing' -> 'a growing'; 'IS is' stays."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:].islower() or len(first) == 1 else text


def audience_words(audience: Audience) -> str:
    """The audience's name as it reads inside a sentence."""
    return in_sentence(audience.name)


def origin(quote: Quote) -> str:
    """The outlet a quote first appeared in: interviews reported by one paper count apart."""
    first = quote.sources[0]
    return first.via or first.source


def _messenger(speaker: Speaker, audience: Audience) -> Reason:
    role = speaker.role.value
    who = audience_words(audience)
    if speaker.role not in audience.messengers:
        return Reason(text=f"{role}: not among the messengers {who} trust most")
    rank = audience.messengers.index(speaker.role)
    weight = MESSENGER_WEIGHTS[rank] if rank < len(MESSENGER_WEIGHTS) else 2.0
    if rank == 0:
        return Reason(text=f"{role}: most trusted messenger for {who}", weight=weight)
    return Reason(text=f"{role}: trusted messenger for {who} (choice {rank + 1} of "
                       f"{len(audience.messengers)})", weight=weight)


def _candidate(corpus: Corpus, quote: Quote, theme: Theme, audience: Audience,
               template: TemplateInfo, pinned: bool, excluded: bool) -> Candidate:
    speaker = corpus.speakers[quote.speaker]
    strength = quote.strength_for(theme.id)
    reasons: list[Reason] = []
    if strength:
        reasons.append(Reason(text=f"{STRENGTH_WORDS[strength]} the theme (strength {strength})",
                              weight=STRENGTH_WEIGHT * strength))
    else:
        reasons.append(Reason(text="not linked to this theme in the corpus"))
    reasons.append(_messenger(speaker, audience))
    allowed = True
    if quote.graphic and not audience.graphic_allowed:
        allowed = False
        reasons.append(Reason(text=f"graphic: not shown to {audience_words(audience)}"))
    elif quote.graphic:
        reasons.append(Reason(text="graphic: needs the content note", weight=GRAPHIC_WEIGHT))
    if "narrative" in quote.tags:
        reasons.append(Reason(text="states the narrative itself: the brief already gives the "
                                   "claim, quotes should be evidence", weight=NARRATIVE_WEIGHT))
    if "fragment" in quote.tags:
        reasons.append(Reason(text="part of a sentence: reads less well on its own",
                              weight=FRAGMENT_WEIGHT))
    fits = template.quote_max_chars is None or len(quote.text) <= template.quote_max_chars
    if not fits:
        reasons.append(Reason(text=f"too long for {template.name.lower()} ({len(quote.text)} "
                                   f"characters; at most {template.quote_max_chars})"))
    if pinned:
        reasons.append(Reason(text="pinned by you"))
    if excluded:
        reasons.append(Reason(text="excluded by you"))
    return Candidate(quote=quote, speaker=speaker, score=sum(r.weight for r in reasons),
                     reasons=reasons, allowed=allowed, pinned=pinned, excluded=excluded, fits=fits)


def rank_quotes(corpus: Corpus, theme: Theme, audience: Audience, template: TemplateInfo,
                pins: Iterable[str] = (), exclusions: Iterable[str] = ()) -> list[Candidate]:
    """Every quote linked to the theme (and every pinned one), best first, none chosen yet.

    Raises ChoiceRefused for a pin the audience may not see, a pin that is also
    excluded, or a pin too long for the format.
    """
    pin_set, exclusion_set = set(pins), set(exclusions)

    def verdict(quote: Quote) -> tuple[bool, float]:
        c = _candidate(corpus, quote, theme, audience, template, False, False)
        return c.allowed, c.score

    def usable(quote: Quote) -> bool:
        return template.quote_max_chars is None or len(quote.text) <= template.quote_max_chars

    considered = selection_index(corpus).considered(  # the best linked quotes, not all
        corpus, theme.id, (audience.model_dump_json(), template.model_dump_json()), verdict,
        usable, pin_set, exclusion_set)
    candidates = [
        _candidate(corpus, corpus.quotes[qid], theme, audience, template,
                   qid in pin_set, qid in exclusion_set)
        for qid in considered
    ]
    for c in candidates:
        if not c.pinned:
            continue
        if c.excluded:
            raise ChoiceRefused(f"quote {c.quote.id} is both pinned and excluded; choose one")
        if not c.allowed:
            raise ChoiceRefused(
                f"quote {c.quote.id} is graphic and {audience_words(audience)} ({audience.id}) "
                "may not be shown graphic material; unpin it or choose another audience")
        if not c.fits:
            raise ChoiceRefused(
                f"quote {c.quote.id} is {len(c.quote.text)} characters, too long for "
                f"{template.name.lower()} (at most {template.quote_max_chars})")
    return sorted(candidates, key=lambda c: (not c.allowed, -c.score, c.quote.id))


def _note(candidate: Candidate, text: str, chosen: bool | None = None) -> Candidate:
    update: dict[str, object] = {"reasons": [*candidate.reasons, Reason(text=text)]}
    if chosen is not None:
        update["chosen"] = chosen
    return candidate.model_copy(update=update)


def choose_quotes(candidates: list[Candidate], count: int) -> list[Candidate]:
    """Mark the chosen candidates: pins first, then the best of the rest, one per speaker,
    spreading sources. Returns the candidates in their ranked order, with reasons added."""
    result = {c.quote.id: c for c in candidates}
    chosen_ids: list[str] = []
    speakers: set[str] = set()
    origins: Counter[str] = Counter()

    def take(qid: str) -> None:
        chosen_ids.append(qid)
        speakers.add(result[qid].speaker.id)
        origins[origin(result[qid].quote)] += 1

    for c in candidates:
        if c.pinned:
            result[c.quote.id] = c.model_copy(update={"chosen": True})
            take(c.quote.id)
    open_ids = [c.quote.id for c in candidates
                if not c.pinned and c.allowed and c.fits and not c.excluded]
    weak = [q for q in open_ids if result[q].score < MIN_SCORE]
    if len(weak) < len(open_ids) or chosen_ids:
        for qid in weak:
            result[qid] = _note(result[qid], "weak fit for this theme and audience: left out "
                                             "rather than fill a place (pin it to use it)")
            open_ids.remove(qid)
    elif weak and count:  # nothing stronger in the corpus: one weak quote beats none
        best = weak[0]
        result[best] = _note(result[best], "weak fit, used because the corpus has nothing "
                                           "stronger for this theme and audience", chosen=True)
        take(best)
        for qid in weak:
            open_ids.remove(qid)
            if qid != best:
                result[qid] = _note(result[qid], "weak fit for this theme and audience: left "
                                                 "out rather than fill a place (pin it to use it)")
    while open_ids and len(chosen_ids) < count:
        for qid in [q for q in open_ids if result[q].speaker.id in speakers]:
            name = speaker_name(result[qid].speaker)
            result[qid] = _note(result[qid], f"second quote from {name}: skipped for diversity")
            open_ids.remove(qid)
        if not open_ids:
            break

        def adjusted(qid: str) -> float:
            return result[qid].score + SAME_ORIGIN_WEIGHT * origins[origin(result[qid].quote)]

        best = max(open_ids, key=lambda q: (adjusted(q), -open_ids.index(q)))
        if adjusted(best) < result[best].score:
            result[best] = _note(result[best], "chosen although its source is already used: "
                                               "no stronger quote from a new source")
        elif any(origins.values()) and open_ids[0] != best:
            result[best] = _note(result[best], "moved up for a spread of sources")
        result[best] = result[best].model_copy(update={"chosen": True})
        take(best)
        open_ids.remove(best)
    for qid in open_ids:
        result[qid] = _note(result[qid], f"not needed: the brief has its {count} quotes")
    return [result[c.quote.id] for c in candidates]


MIN_FACTS = 2  # below this, a brief borrows general context so it has some numbers


def rank_facts(corpus: Corpus, theme: Theme, count: int) -> list[tuple[Fact, list[Reason]]]:
    """The theme's related facts first (in the theme's order), corroborated before
    single-source; general context only to reach MIN_FACTS, and never a disputed figure."""
    related = {fid: index for index, fid in enumerate(theme.related_facts)}

    def key(fact: Fact) -> tuple[bool, bool, int, str]:
        return (fact.id not in related, not fact.corroborated, related.get(fact.id, 0), fact.id)

    own = sorted((corpus.facts[f] for f in related if f in corpus.facts), key=key)
    general = selection_index(corpus).first_general_facts(  # corroborated, undisputed, by id
        corpus, MIN_FACTS - len(own), set(related))
    ranked = (own + general)[:count]
    chosen: list[tuple[Fact, list[Reason]]] = []
    for fact in ranked:
        reasons = [Reason(text="listed by the theme as a related fact" if fact.id in related
                          else "general context: the theme lists too few facts")]
        sources = len({s.source for s in fact.sources})
        reasons.append(Reason(text=f"corroborated by {sources} sources" if fact.corroborated
                              else "single source: marked as such in the brief"))
        if fact.disagreeing:
            reasons.append(Reason(text="the sources disagree: the brief shows each figure"))
        chosen.append((fact, reasons))
    return chosen
