"""Choosing quotes: the audience's rules decide what may appear, ranking orders the rest.

An audience's messengers, its graphic and threat rules and the tags it keeps out are
constraints: a quote that breaks one is not allowed, whatever its score. Ranking (plain
sums of reason weights, ties broken by id) only orders what is allowed. A remark in two
parts (a caveat and the "But..." that answers it) is one unit: both or neither.

Every decision leaves a Reason in the communicator's words, so the `--json` output and
the TUI can show why a quote is in the brief, or why it is not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..corpus.loader import Corpus
from ..corpus.models import Audience, NameDisclosure, Quote, Speaker, Theme
from .brief import Candidate, Reason, TemplateInfo
from .errors import ChoiceRefused

STRENGTH_WEIGHT = 10.0
STRENGTH_WORDS = {1: "touches on", 2: "supports", 3: "states"}
MESSENGER_WEIGHTS = (8.0, 5.0, 3.0)  # most trusted, second, third; any later one: 2
GRAPHIC_WEIGHT = -1.0  # usable where allowed, but a calmer quote of equal strength goes first
FRAGMENT_WEIGHT = -3.0  # part of a sentence reads less well standing alone
MIXED_MOTIVES_WEIGHT = 6.0  # says defectors are no saints: keeps a brief honest about them
GLOSS_WEIGHT = -15.0  # a reprint that adds the outlet's words: the original goes first
SAME_ORIGIN_WEIGHT = -4.0  # per quote already chosen from the same original outlet
MIN_SCORE = 18.0  # below this a quote fits too weakly: a shorter brief beats a padded one
QUOTE_SHARE = 0.22  # of a brief's word limit, at most this much goes to quotations

PostText = Callable[[list[Quote]], str | None]
"""Builds the whole post for a remark (None when it has no post copy)."""


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


def remarks(corpus: Corpus) -> dict[str, list[str]]:
    """Quote id -> every quote of its remark (those linked by `follows`), caveat first.

    Built once per brief: one pass over the corpus, then a walk of each linked group.
    """
    links: dict[str, set[str]] = {}
    for q in corpus.quotes.values():
        if q.follows is not None and q.follows in corpus.quotes:
            links.setdefault(q.id, set()).add(q.follows)
            links.setdefault(q.follows, set()).add(q.id)
    groups: dict[str, list[str]] = {}
    for start in links:
        if start in groups:
            continue
        members, todo = {start}, [start]
        while todo:
            for other in links[todo.pop()] - members:
                members.add(other)
                todo.append(other)
        ordered = sorted(members, key=lambda qid: (_depth(corpus, qid, members), qid))
        for qid in members:
            groups[qid] = ordered
    return groups


def _depth(corpus: Corpus, qid: str, members: set[str]) -> int:
    """How many `follows` steps lead back from a quote to the first of its remark."""
    steps, seen = 0, {qid}
    nxt = corpus.quotes[qid].follows
    while nxt is not None and nxt in members and nxt not in seen:
        seen.add(nxt)
        steps += 1
        nxt = corpus.quotes[nxt].follows
    return steps


def messenger_weight(rank: int) -> float:
    """The weight of the audience's messenger at `rank` (0: the most trusted)."""
    return MESSENGER_WEIGHTS[rank] if rank < len(MESSENGER_WEIGHTS) else 2.0


def _messenger(speaker: Speaker, audience: Audience) -> tuple[Reason, bool]:
    role = speaker.role.value
    who = audience_words(audience)
    if speaker.role not in audience.messengers:
        return Reason(text=f"{role}: not among the messengers for {who}, so not used"), False
    rank = audience.messengers.index(speaker.role)
    weight = messenger_weight(rank)
    if rank == 0:
        return Reason(text=f"{role}: most trusted messenger for {who}", weight=weight), True
    return Reason(text=f"{role}: trusted messenger for {who} (choice {rank + 1} of "
                       f"{len(audience.messengers)})", weight=weight), True


def _rules(quote: Quote, audience: Audience) -> tuple[list[Reason], bool]:
    """What the audience's rules say about a quote, and whether it may appear at all."""
    who = audience_words(audience)
    reasons: list[Reason] = []
    allowed = True
    if quote.graphic and not audience.graphic_allowed:
        allowed = False
        reasons.append(Reason(text=f"graphic: not shown to {who}"))
    elif quote.graphic:
        reasons.append(Reason(text="graphic: needs the content note", weight=GRAPHIC_WEIGHT))
    if quote.threat and not audience.threat_allowed:
        allowed = False
        reasons.append(Reason(text=f"threat of violence: not shown to {who}"))
    for tag in quote.tags:
        if tag in audience.kept_out:
            allowed = False
            reasons.append(Reason(text=f"tagged {tag}: kept out of material for {who}"))
    if "narrative" in quote.tags:
        allowed = False
        reasons.append(Reason(text="states the narrative itself: the brief gives the claim; "
                                   "a quote must be evidence, not the claim again"))
    return reasons, allowed


def _candidate(corpus: Corpus, quote: Quote, theme: Theme, audience: Audience,
               template: TemplateInfo, pinned: bool, excluded: bool,
               group: list[str]) -> Candidate:
    speaker = corpus.speakers[quote.speaker]
    strength = quote.strength_for(theme.id)
    reasons: list[Reason] = []
    if strength:
        reasons.append(Reason(text=f"{STRENGTH_WORDS[strength]} the theme (strength {strength})",
                              weight=STRENGTH_WEIGHT * strength))
    else:
        reasons.append(Reason(text="not linked to this theme in the corpus"))
    messenger, allowed = _messenger(speaker, audience)
    reasons.append(messenger)
    rule_reasons, rules_allow = _rules(quote, audience)
    reasons += rule_reasons
    allowed = allowed and rules_allow
    if "fragment" in quote.tags:
        reasons.append(Reason(text="part of a sentence: reads less well on its own",
                              weight=FRAGMENT_WEIGHT))
    if "mixed-motives" in quote.tags:
        reasons.append(Reason(text="says that people who left are no saints or have their "
                                   "own motives: keeps the brief honest about them",
                              weight=MIXED_MOTIVES_WEIGHT))
    if quote.gloss and quote.same_as in corpus.quotes:
        reasons.append(Reason(text=f"this reprint adds {quote.gloss} inside the quotation: "
                                   f"the wording without it ({quote.same_as}) goes first",
                              weight=GLOSS_WEIGHT))
    fits = template.quote_max_chars is None or len(quote.text) <= template.quote_max_chars
    if not fits:
        reasons.append(Reason(text=f"too long for {template.name.lower()} ({len(quote.text)} "
                                   f"characters; at most {template.quote_max_chars})"))
    if pinned:
        reasons.append(Reason(text="pinned by you"))
    if excluded:
        reasons.append(Reason(text="excluded by you"))
    return Candidate(quote=quote, speaker=speaker, score=sum(r.weight for r in reasons),
                     reasons=reasons, allowed=allowed, pinned=pinned, excluded=excluded,
                     fits=fits, remark=group)


def _as_remark(candidates: dict[str, Candidate], template: TemplateInfo,
               post_text: PostText | None) -> None:
    """Make every part of a remark share one verdict: allowed, fits, pinned, excluded."""
    done: set[str] = set()
    for qid in list(candidates):
        ids = candidates[qid].remark
        if qid in done:
            continue
        done |= set(ids)
        parts = [candidates[i] for i in ids]
        notes: dict[str, list[Reason]] = {i: [] for i in ids}
        for part in parts:
            for other in (p for p in parts if p.quote.id != part.quote.id):
                if not part.allowed:
                    notes[other.quote.id].append(Reason(
                        text=f"used only with {part.quote.id}, which may not appear: left out"))
                if part.excluded:
                    notes[other.quote.id].append(Reason(
                        text=f"used only with {part.quote.id}, which you excluded: left out"))
                if part.pinned:
                    notes[other.quote.id].append(Reason(
                        text=f"comes with {part.quote.id}, which you pinned"))
        fits = all(p.fits for p in parts)
        if fits and post_text is not None:
            fits = _post_fits(parts, template, post_text, notes)
        for part in parts:
            if len(parts) > 1 and not any("goes with" in r.text for r in part.reasons):
                others = ", ".join(i for i in ids if i != part.quote.id)
                notes[part.quote.id].insert(0, Reason(
                    text=f"goes with {others}: one remark, used whole or not at all"))
            candidates[part.quote.id] = part.model_copy(update={
                "reasons": [*part.reasons, *notes[part.quote.id]],
                "allowed": all(p.allowed for p in parts),
                "excluded": any(p.excluded for p in parts),
                "pinned": any(p.pinned for p in parts),
                "fits": fits,
            })


def _post_fits(parts: list[Candidate], template: TemplateInfo, post_text: PostText,
               notes: dict[str, list[Reason]]) -> bool:
    misfit = post_misfit([p.quote for p in parts], template, post_text)
    if misfit is not None:
        notes[parts[0].quote.id].append(Reason(text=misfit))
    return misfit is None


def post_misfit(quotes: list[Quote], template: TemplateInfo, post_text: PostText) -> str | None:
    """Why a remark cannot be a post, or None when it can."""
    if any("fragment" in q.tags for q in quotes):
        return "part of a sentence: a post must be a whole sentence"
    text = post_text(quotes)
    if text is None:
        return "no post copy written for it in the corpus"
    if template.post_chars is not None and len(text) > template.post_chars:
        return f"the post would be {len(text)} characters; at most {template.post_chars}"
    return None


def remark_fits(quotes: list[Quote], template: TemplateInfo, post_text: PostText | None) -> bool:
    """Whether the format can carry a remark: every part short enough, and a post for it
    when the format is posts (the `fits` of its candidates)."""
    if template.quote_max_chars is not None and any(len(q.text) > template.quote_max_chars
                                                    for q in quotes):
        return False
    return post_text is None or post_misfit(quotes, template, post_text) is None


def rank_quotes(corpus: Corpus, theme: Theme, audience: Audience, template: TemplateInfo,
                pins: Iterable[str] = (), exclusions: Iterable[str] = (),
                post_text: PostText | None = None) -> list[Candidate]:
    """Every quote linked to the theme (and every pinned one, and the other parts of their
    remarks), allowed ones first, best first, none chosen yet.

    Raises ChoiceRefused for a pin the audience's rules keep out, a pin that is also
    excluded, or a pin too long for the format.
    """
    pin_set, exclusion_set = set(pins), set(exclusions)
    considered = {q.id for q in corpus.quotes.values() if q.strength_for(theme.id)} | pin_set
    groups = remarks(corpus)
    considered |= {member for qid in considered for member in groups.get(qid, [])}
    candidates = {
        qid: _candidate(corpus, corpus.quotes[qid], theme, audience, template,
                        qid in pin_set, qid in exclusion_set, groups.get(qid, [qid]))
        for qid in sorted(considered)
    }
    _as_remark(candidates, template, post_text)
    refuse_pins(candidates, pin_set, audience, template)
    return sorted(candidates.values(), key=lambda c: rank_key(c, candidates))


def rank_key(candidate: Candidate, candidates: dict[str, Candidate]) -> tuple[bool, float,
                                                                             str, int]:
    """Allowed first, then by the remark's best score; a remark's parts together, caveat
    first; ties by id."""
    return (not candidate.allowed, -unit_score(candidate, candidates), candidate.remark[0],
            candidate.remark.index(candidate.quote.id))


def refuse_pins(candidates: dict[str, Candidate], pin_set: set[str], audience: Audience,
                template: TemplateInfo) -> None:
    """ChoiceRefused for the first pin (by id) that cannot be honoured."""
    who = f"{audience_words(audience)} ({audience.id})"
    for qid in sorted(pin_set):
        c = candidates[qid]
        if c.excluded:
            raise ChoiceRefused(f"quote {c.quote.id} is both pinned and excluded (itself or "
                                "the quote it goes with); choose one")
        if not c.allowed:
            why = next((r.text for r in c.reasons if "not" in r.text or "kept out" in r.text
                        or "left out" in r.text), "the audience's rules keep it out")
            raise ChoiceRefused(f"quote {c.quote.id} may not appear in a brief for {who}: "
                                f"{why}; unpin it or choose another audience")
        if not c.fits:
            raise ChoiceRefused(f"quote {c.quote.id} does not fit {template.name.lower()}: "
                                f"{c.reasons[-1].text}")


def unit_score(candidate: Candidate, candidates: dict[str, Candidate]) -> float:
    """A remark ranks by its best part."""
    return max(candidates[i].score for i in candidate.remark if i in candidates)


def _defector(candidate: Candidate) -> bool:
    return candidate.speaker.role.value == "defector"


def _note(candidate: Candidate, text: str, chosen: bool | None = None) -> Candidate:
    update: dict[str, object] = {"reasons": [*candidate.reasons, Reason(text=text)]}
    if chosen is not None:
        update["chosen"] = chosen
    return candidate.model_copy(update=update)


def words_in(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Rest:
    """What ranks below the candidates given to choose_quotes, when they are only some of
    a theme's quotes: `best`, the highest score any remark not given could have (None when
    none is allowed); `defector_fits(words)`, whether one from someone who left may fit in
    `words` (None: no word budget); `live(words)`, whether one strong enough to be used may
    fit in `words`; `beats(value, score, head, words)`, whether one fitting in `words` may
    rank above a remark of that adjusted value, score and first quote."""

    best: float | None
    defector_fits: Callable[[int | None], bool]
    live: Callable[[int | None], bool]
    beats: Callable[[float, float, str, int | None], bool]


class NeedMore(Exception):
    """The candidates given were not enough to be sure of the choice a full scan makes:
    call again with more of the ranking. `words` is the room left for quotations when what
    was missing is a remark short enough for it (None otherwise)."""

    def __init__(self, words: int | None = None) -> None:
        super().__init__(words)
        self.words = words


def choose_quotes(candidates: list[Candidate], count: int, per_remark: bool = False,
                  word_budget: int | None = None, rest: Rest | None = None) -> list[Candidate]:
    """Mark the chosen candidates: pinned remarks first, then the best of the rest, one
    remark per speaker and one printing of each remark, spreading sources. `count` counts
    quotations (remarks when `per_remark`, as for posts: one remark, one post); a remark in
    two parts may take the brief one past it rather than be cut. With `word_budget`, a
    remark that would take the quotations past that many words is left out (the brief's
    word limit counts them too). Returns the candidates in ranked order.

    Without `rest`, `candidates` is every quote considered. With it, they are the best
    (in ranked order) and `rest` bounds the others: NeedMore is raised wherever a remark
    from the rest could change a choice or a reason, so that a choice that returns is the
    one the whole ranking gives, for every candidate given."""
    result = {c.quote.id: c for c in candidates}
    units: list[list[str]] = []
    for c in candidates:
        if c.remark and c.remark not in units:
            units.append([i for i in c.remark if i in result])
    chosen_units: list[list[str]] = []
    second: list[list[str]] = []  # skipped for diversity, in rank order
    speakers: set[str] = set()
    origins: Counter[str] = Counter()

    def head(unit: list[str]) -> Candidate:
        return result[unit[0]]

    def score(unit: list[str]) -> float:
        return max(result[i].score for i in unit)

    def mark(unit: list[str], text: str, chosen: bool | None = None) -> None:
        for qid in unit:
            result[qid] = _note(result[qid], text, chosen)

    def take(unit: list[str]) -> None:
        chosen_units.append(unit)
        speakers.add(head(unit).speaker.id)
        origins[origin(head(unit).quote)] += 1
        for qid in unit:
            result[qid] = result[qid].model_copy(update={"chosen": True})

    def reprinted(unit: list[str]) -> str | None:
        """The chosen quote that prints the same remark as one in `unit`, if any."""
        chosen_ids = {i for u in chosen_units for i in u}
        for qid in unit:
            twin = result[qid].quote.same_as
            if twin in chosen_ids:
                return twin
            for other in chosen_ids:
                if result[other].quote.same_as == qid:
                    return other
        return None

    for unit in units:
        if head(unit).pinned:
            take(unit)
    open_units = [u for u in units if u not in chosen_units and head(u).allowed
                  and head(u).fits and not head(u).excluded]
    weak = [u for u in open_units if score(u) < MIN_SCORE]
    strong = len(weak) < len(open_units) or bool(chosen_units)
    below = rest.best if rest is not None else None
    if below is not None and not strong and (below >= MIN_SCORE or (count and not weak)):
        raise NeedMore  # a stronger remark below, or the only weak ones are below
    # from here on, a remark below matters only when it is strong enough to stay open
    beyond = below is not None and below >= MIN_SCORE
    if strong:
        for unit in weak:
            mark(unit, "weak fit for this theme and audience: left out rather than fill a "
                       "place (pin it to use it)")
            open_units.remove(unit)
    elif weak and count:  # nothing stronger in the corpus: one weak remark beats none
        best = weak[0]
        mark(best, "weak fit, used because the corpus has nothing stronger for this theme "
                   "and audience")
        take(best)
        for unit in weak:
            open_units.remove(unit)
            if unit is not best:
                mark(unit, "weak fit for this theme and audience: left out rather than fill "
                           "a place (pin it to use it)")
    def unit_words(unit: list[str]) -> int:
        return sum(words_in(result[i].quote.text) for i in unit)

    def quoted_words() -> int:
        return sum(unit_words(u) for u in chosen_units)

    def left() -> int | None:
        return None if word_budget is None else word_budget - quoted_words()

    def placed() -> int:
        return len(chosen_units) if per_remark else sum(len(u) for u in chosen_units)

    # Someone who left speaks first: the best remark from a defector takes a place before
    # any other, if the audience may hear it and it fits the brief.
    voices = [u for u in open_units if _defector(head(u))]
    if count and not any(_defector(head(u)) for u in chosen_units):
        fitting = [u for u in voices
                   if word_budget is None or unit_words(u) + quoted_words() <= word_budget]
        if fitting:
            mark(fitting[0], "chosen first so that the brief quotes someone who left")
            take(fitting[0])
            open_units.remove(fitting[0])
        elif beyond and rest is not None and rest.defector_fits(left()):
            raise NeedMore

    while open_units and placed() < count:
        for unit in list(open_units):
            twin = reprinted(unit)
            if twin is not None:
                mark(unit, f"the same remark is already in the brief as {twin}")
                open_units.remove(unit)
            elif head(unit).speaker.id in speakers:
                open_units.remove(unit)
                second.append(unit)
        if not open_units:
            if beyond and rest is not None and rest.live(left()):
                raise NeedMore(left())
            break

        def adjusted(unit: list[str]) -> float:
            return score(unit) + SAME_ORIGIN_WEIGHT * origins[origin(head(unit).quote)]

        if word_budget is not None:
            for unit in list(open_units):
                if unit_words(unit) + quoted_words() > word_budget and not head(unit).pinned:
                    mark(unit, f"too long for what is left of the brief's word limit "
                               f"({unit_words(unit)} words; quotations may take "
                               f"{word_budget})")
                    open_units.remove(unit)
            if not open_units:
                if beyond and rest is not None and rest.live(left()):
                    raise NeedMore(left())
                break
        best = max(open_units, key=lambda u: (adjusted(u), -open_units.index(u)))
        if beyond and rest is not None and rest.beats(adjusted(best), score(best),
                                                      best[0], left()):
            raise NeedMore  # a remark below might rank above it
        if adjusted(best) < score(best):
            mark(best, "chosen although its source is already used: no stronger quote "
                       "from a new source")
        elif any(origins.values()) and open_units[0] != best:
            mark(best, "moved up for a spread of sources")
        take(best)
        open_units.remove(best)
    if beyond and placed() < count and rest is not None and rest.live(left()):
        raise NeedMore(left())  # the full scan would go on choosing from below
    # Only when no other speaker is left: a second remark beats an empty place.
    for unit in second:
        name = speaker_name(head(unit).speaker)
        twin = reprinted(unit)
        if twin is not None:
            mark(unit, f"the same remark is already in the brief as {twin}")
        elif placed() < count and (word_budget is None
                                   or quoted_words() + unit_words(unit) <= word_budget):
            mark(unit, f"second remark from {name}: used because no other speaker fits")
            take(unit)
        else:
            mark(unit, f"second remark from {name}: skipped for diversity")
    for unit in open_units:
        mark(unit, f"not needed: the brief has its {count} quotations")
    return [result[c.quote.id] for c in candidates]



def refusals_for(corpus: Corpus, quote: Quote, audience: Audience) -> list[str]:
    """Why the audience's rules keep `quote` out of its material (empty: it may appear)."""
    messenger, by_role = _messenger(corpus.speakers[quote.speaker], audience)
    reasons, by_rules = _rules(quote, audience)
    refused = [] if by_role else [messenger.text]
    if not by_rules:  # the refusing reasons are the ones that carry no weight
        refused += [r.text for r in reasons if not r.weight]
    return refused
