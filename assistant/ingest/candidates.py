"""Candidate quotes for the corpus: what the article says, joined to what the corpus knows.

Each candidate carries a speaker id (an existing speaker where the description fits one),
suggested themes, the `graphic` flag from the checks' vocabulary, notes on identifying
details, and the id of a corpus quote it duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..corpus.loader import Corpus
from ..corpus.models import Speaker
from .extract import Quotation, read_article
from .ids import id_words
from .people import Person, head_noun
from .source import SourceStub, source_stub

_STOP = set(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "from", "with", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "not", "no", "but", "so", "if", "then", "than", "there", "here", "who", "whom", "which", "what", "when", "where", "why", "how", "all", "any", "some", "more", "most", "other", "into", "about", "over", "after", "before", "up", "down", "out", "off", "again", "also", "just", "only", "very", "can", "could", "would", "should", "will", "may", "might", "must", "do", "does", "did", "have", "has", "had", "said", "says", "one", "two"])


_TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "prof"}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9’'-]*", text.lower().replace("’", "'"))


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content(text: str) -> set[str]:
    return {_stem(w) for w in words(text) if w not in _STOP and len(w) > 2}


def typographic(text: str) -> str:
    """Text with quotation marks, apostrophes, dashes and spaces evened out, lower case."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-",
                           "\u00a0": " ", "«": '"', "»": '"'})
    return " ".join(text.translate(table).lower().split())


@dataclass
class Candidate:
    quotation: Quotation
    id: str
    speaker: str
    speaker_is_new: bool
    via: str | None = None
    themes: list[str] = field(default_factory=list)
    graphic: bool = False
    notes: list[str] = field(default_factory=list)
    duplicate_of: str | None = None

    def as_dict(self) -> dict[str, Any]:
        q = self.quotation
        return {"id": self.id, "text": q.text, "speaker": self.speaker,
                "speaker_is_new": self.speaker_is_new,
                "speaker_as_written": q.speaker.label if q.speaker else None,
                "attribution": q.attribution, "via": self.via, "themes": self.themes,
                "graphic": self.graphic, "notes": self.notes, "duplicate_of": self.duplicate_of,
                "offset": q.start, "paragraph": q.paragraph + 1}


@dataclass
class Ingested:
    """Everything `assistant ingest` proposes for one article."""

    source: SourceStub
    candidates: list[Candidate]
    speakers: list[Speaker]
    originals: list[SourceStub]
    left_out: list[Quotation]
    article: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source.as_dict(),
                "originals": [o.as_dict() for o in self.originals],
                "speakers": [s.model_dump(mode="json", exclude_defaults=True)
                             for s in self.speakers],
                "candidates": [c.as_dict() for c in self.candidates],
                "left_out": [{"text": q.text, "reason": q.left_out, "offset": q.start}
                             for q in self.left_out]}


def only(result: Ingested, ids: set[str]) -> Ingested:
    """The same proposal with only the candidates whose ids are given (and what they need)."""
    kept = [c for c in result.candidates if c.id in ids]
    speakers = {c.speaker for c in kept}
    vias = {c.via for c in kept if c.via}
    return Ingested(result.source, kept, [s for s in result.speakers if s.id in speakers],
                    [o for o in result.originals if o.id in vias], result.left_out,
                    result.article)


def slug(text: str, limit: int = 5) -> str:
    parts = [w for w in id_words(text.replace("’", "")) if w not in
             {"a", "an", "the", "of", "by", "and", "who", "in", "at"}]
    return "-".join(parts[:limit]) or "speaker"


def _speaker_tokens(speaker: Speaker) -> set[str]:
    text = f"{speaker.label} {speaker.identity.name or ''}"
    if speaker.role.value == "report":
        text += f" {speaker.affiliation or ''}"
    return set(words(text))


def match_speaker(person: Person, corpus: Corpus | None) -> str | None:
    """The id of the corpus speaker the article's description fits, if exactly one does."""
    if corpus is None:
        return None
    if person.name and not person.organisation:
        named = [s.id for s in corpus.speakers.values() if _same_person(person, s)]
        return named[0] if len(named) == 1 else None
    head = head_noun(person.description or person.name or "")
    mine = set(words(f"{person.description or ''} {person.name or ''}")) - _STOP
    best: tuple[int, str] | None = None
    for speaker in corpus.speakers.values():
        theirs = _speaker_tokens(speaker)
        if speaker.identity.name and not person.organisation:
            continue
        if head not in theirs and not (person.name and person.name.lower() in theirs):
            continue
        score = len(mine & theirs) + (2 if speaker.id.startswith(head) or head in
                                      speaker.id.split("-") else 0)
        if best is None or score > best[0]:
            best = (score, speaker.id)
    return best[1] if best else None


def _same_person(person: Person, speaker: Speaker) -> bool:
    """The same name, or one name part of the other's when the descriptions agree: Ali
    Omar, a pharmacist, is not Omar from Aleppo because both are called Omar."""
    mine = [w for w in words(person.name or "") if w not in _TITLE_WORDS]
    theirs = [w for w in words(speaker.identity.name or "") if w not in _TITLE_WORDS]
    if not mine:
        return False
    if not theirs:  # known only by a label: every part of the name must be in it
        return set(mine) <= set(words(speaker.label)) and _agrees(person, speaker)
    if mine == theirs:
        return True
    shorter, longer = sorted((mine, theirs), key=len)
    if not set(shorter) < set(longer):
        return False  # Nadia Benali is not Yusuf Benali
    if not person.description and mine == theirs[-1:]:
        return True  # "Tahiri said", and nothing else about him: the corpus's Karim Tahiri
    return _agrees(person, speaker)


def _agrees(person: Person, speaker: Speaker) -> bool:
    """The article's description of the person fits the corpus speaker's."""
    head = head_noun(person.description or "")
    if not head:
        return False
    described = content(f"{speaker.label} {speaker.identity.place or ''} "
                        f"{speaker.origin or ''} {speaker.affiliation or ''}")
    return _stem(head) in described or bool(
        speaker.identity.place and speaker.identity.place.lower() in
        (person.description or "").lower())


def _role(person: Person) -> str:
    text = f"{person.description or ''}".lower()
    if person.organisation or head_noun(text) in {"report", "study", "statement"}:
        return "report"
    official = re.search(r"\b(?:official|minister|officer|police|spokes\w+|prosecutor|"
                         r"ambassador|general|commander|agency)\b", text)
    # "a former fighter" left the group; "a former police officer" left the police, but
    # "a former Islamic State official" left the group
    group = re.search(r"\b(?:islamic state|isis|isil|daesh|jihadi\w*|the group)\b", text) or \
        re.search(r"\bIS\b", person.description or "")
    if re.search(r"\b(?:defector|fighter|militant|jihadist|recruit|deserter|returnee|left)\b",
                 text) or (re.search(r"\bformer\b", text) and (group or not official)):
        return "defector"
    if official:
        return "official"
    if re.search(r"\b(?:professor|researcher|expert|analyst|director|author|fellow|scholar|"
                 r"lecturer|head)\b", text):
        return "expert"
    if re.search(r"\b(?:journalist|reporter|correspondent|editor)\b", text):
        return "journalist"
    return "other"


def new_speaker(person: Person, taken: set[str]) -> Speaker:
    # a name keeps every part, "A. Khalid" is a-khalid; a description drops its little words
    base = "-".join(id_words(person.name.replace("’", ""))[:5]) if person.name else \
        slug(person.description or "speaker")
    base = base or "speaker"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    identity: dict[str, Any] = {"public": "none"}
    if person.name:
        identity = {"public": "full-name" if len(person.name.split()) > 1 else "first-name",
                    "name": person.name}
    age = re.search(r"\b(\d{1,2})-year-old\b", person.description or "")
    if age:
        identity["age"] = int(age.group(1))
    data: dict[str, Any] = {"id": sid, "label": person.label, "role": _role(person),
                            "identity": identity}
    if person.gender:
        data["gender"] = {"m": "male", "f": "female"}[person.gender]
    return Speaker.model_validate(data)


_FAMILY = re.compile(r"\b(?:my|our|his|her)\s+(?:wife|husband|son|daughter|sons|daughters|"
                     r"children|kids|brother|brothers|sister|sisters|mother|father|parents|"
                     r"cousin|uncle|aunt|family|fiancée?|grandmother|grandfather)\b", re.I)
_PLACE = re.compile(r"\b(?:in|from|of|near|to)\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)?)")
_AGE = re.compile(r"\b(?:I was|when I was|I am|I’m|I'm|aged)\s+(\d{1,2})\b")
_NOT_PLACES = {"Islamic", "Islamic State", "ISIS", "IS", "God", "Allah", "Isis", "I", "Daesh",
               "Muslims", "Sunni", "Syria", "Iraq", "Europe", "Turkey", "Syrians"}


def identifying_details(text: str) -> list[str]:
    """Details in a quotation that could identify its speaker, for the curator to weigh."""
    notes = []
    family = sorted({m.group(0).lower() for m in _FAMILY.finditer(text)})
    if family:
        notes.append(f"mentions family ({', '.join(family)})")
    places = sorted({m.group(1) for m in _PLACE.finditer(text) if m.group(1) not in _NOT_PLACES
                     and m.group(1).split()[0] not in _NOT_PLACES})
    if places:
        notes.append(f"names a place ({', '.join(places)})")
    ages = sorted({m.group(1) for m in _AGE.finditer(text)})
    if ages:
        notes.append(f"gives an age ({', '.join(ages)})")
    return notes


def suggest_themes(text: str, corpus: Corpus | None) -> list[str]:
    """Themes whose claim, title, summary and key messages share the quotation's words."""
    if corpus is None:
        return []
    mine = content(text)
    scored = []
    for theme in corpus.themes.values():
        theirs = content(" ".join([theme.title, theme.claim, theme.summary, *theme.key_messages]))
        shared = mine & theirs
        if len(shared) >= 2:
            scored.append((len(shared) / (len(mine) ** 0.5 or 1), theme.id))
    scored.sort(reverse=True)
    return [tid for _, tid in scored[:2]]


def duplicate_of(text: str, corpus: Corpus | None) -> str | None:
    if corpus is None:
        return None
    mine = typographic(text).rstrip(".,;:!?")
    for quote in corpus.quotes.values():
        theirs = typographic(quote.text).rstrip(".,;:!?")
        if mine == theirs or (len(mine) > 30 and (mine in theirs or theirs in mine)):
            return quote.id
    return None


def _next_quote_ids(corpus: Corpus | None) -> Any:
    numbers = [int(m.group(1)) for q in (corpus.quotes if corpus else {})
               if (m := re.fullmatch(r"q-(\d+)", q))]
    n = max(numbers, default=0)
    width = 3
    while True:
        n += 1
        yield f"q-{n:0{width}d}"


def _graphic(text: str) -> bool:
    from ..checks.vocabulary import graphic_rules

    return bool(graphic_rules().find(text))


def ingest_article(article: str, corpus: Corpus | None, source_id: str | None = None,
                   name_hint: str | None = None) -> Ingested:
    """Candidate quotes for the corpus from one article's text."""
    outlets = [s.outlet for s in corpus.sources.values() if s.outlet] if corpus else []
    found = read_article(article, outlets)
    source = source_stub(article, source_id, name_hint, corpus)
    taken = set(corpus.speakers) if corpus else set()
    by_person: dict[int, str] = {}
    speakers: list[Speaker] = []
    originals: dict[str, SourceStub] = {}
    ids = _next_quote_ids(corpus)
    candidates = []
    for q in found:
        if q.left_out or q.speaker is None:
            continue
        person = q.speaker
        if person.key not in by_person:
            known = match_speaker(person, corpus)
            if known is None:
                speaker = new_speaker(person, taken)
                taken.add(speaker.id)
                speakers.append(speaker)
                known = speaker.id
            by_person[person.key] = known
        sid = by_person[person.key]
        via = None
        own = (source.outlet or "").lower().removeprefix("the ")
        if q.outlet and q.outlet.lower().removeprefix("the ") != own:
            original = _original(q.outlet, sid, corpus, source.id)
            if original.id != source.id:  # an article is never quoted "via" itself
                originals.setdefault(original.id, original)
                via = original.id
        cand = Candidate(q, next(ids), sid, any(s.id == sid for s in speakers), via=via,
                         themes=suggest_themes(q.text, corpus), graphic=_graphic(q.text),
                         notes=identifying_details(q.text), duplicate_of=duplicate_of(q.text,
                                                                                     corpus))
        if q.runs_on:
            cand.notes.append("continues in the next paragraph (next candidate)")
        if q.nested:
            cand.notes.append("holds a nested quotation; keep it whole")
        candidates.append(cand)
    _share_themes(candidates)
    known_originals = [o for o in originals.values() if not (corpus and o.id in corpus.sources)]
    return Ingested(source, candidates, speakers, known_originals,
                    [q for q in found if q.left_out], article)


def _share_themes(candidates: list[Candidate]) -> None:
    """The pieces of one remark (split around "she said", or running on to the next
    paragraph) are about the same thing: one with no themes of its own takes those
    suggested for the piece beside it, so that the curator need not tag it by hand."""
    for n, cand in enumerate(candidates):
        if cand.themes:
            continue
        q = cand.quotation
        for other in (candidates[n - 1] if n else None,
                      candidates[n + 1] if n + 1 < len(candidates) else None):
            if other is None or not other.themes or other.speaker != cand.speaker:
                continue
            o = other.quotation
            same_remark = o.paragraph == q.paragraph or (o.runs_on and q.continued) or (
                q.runs_on and o.continued)
            if same_remark:
                cand.themes = list(other.themes)
                break


def _original(outlet: str, speaker_id: str, corpus: Corpus | None, reader: str) -> SourceStub:
    """The source for an outlet a speaker talked to: the corpus's own where one fits."""
    if corpus is not None:
        fits = [s for s in corpus.sources.values() if s.outlet and (
            s.outlet.lower().removeprefix("the ") == outlet.lower().removeprefix("the "))]
        if len(fits) == 1:
            return SourceStub(fits[0].id, fits[0].outlet, fits[0].title, None, None, "news")
    return SourceStub(f"{slug(outlet, 3)}-{speaker_id}"[:80].rstrip("-"), outlet,
                      f"[{outlet}, as quoted in {reader}]", None, None, "interview")

