"""Messenger safety: the brief reveals no more about any speaker than is already public.

A sentence is about a speaker when it names one (by label, short name or public name) or,
next to a quotation (in its block or right after a block quote), speaks of "the
defector", "he", "a fighter". In the brief's own words
(quotations aside: those are already published), such a sentence must not add
- a name the corpus does not publish: a full name where only a first name is public, or
  any personal name for an anonymous speaker ("Ahmed Hassan, the Syrian fighter");
- a place ("from Aleppo", "now living in Gaziantep"), an employer ("works for ...") or a
  job ("a former maths teacher", "used to run a shop"), a handle or an e-mail address
  ("@name", "on Instagram as name"), or a family member that the corpus does not already
  publish for that speaker (label, identity, origin, affiliation, their own quotes and
  context). A place the corpus names elsewhere is context, unless the sentence says the
  speaker lives, works, studied or grew up there ("a teacher at a school in Idlib"). A family member is kin
  tied to a person ("his children", "the fighter's brother", "he has two sons"), not any
  mention of children in a sentence about what the group did.
Countries and regions the corpus's own texts speak of (Syria, Turkey, Western Europe)
are general context, not identifying detail. Names the corpus prints ("Abu Omar",
"Mahmoud, Abu Omar's cousin") are the source's words and are understood as such.
Speakers public by full name in a public role (experts, officials on the record) are
checked for names only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..compose.select import speaker_name
from ..corpus import Corpus, NameDisclosure, Role, Speaker
from .attribution import blocks_naming, speakers_named_in
from .context import CheckInput
from .findings import Finding, Severity
from .quotations import typographic, without_quotations
from .vocabulary import any_of

CHECK = "messenger-safety"
_PUBLIC_ROLES = {Role.expert, Role.official, Role.report, Role.journalist}
_KIN = (r"(?:brothers?|sisters?|mother|father|wife|wives|husband|sons?|daughters?|"
        r"child|children|kids|family|families|cousins?|uncles?|aunts?|parents|siblings?|"
        r"fiancée?|relatives?|nephews?|nieces?|grandmother|grandfather|in-laws)")
_MODIFIERS = (r"(?:own|younger|youngest|older|oldest|elder|eldest|little|baby|teenage|late|"
              r"former|new|first|second|only|young|small|infant|step|half|grown|whole|"
              r"extended|two|three|four|five|six|seven|eight|nine|ten|several|\d+|and)")
_PERSON_WORDS = (r"(?:defector|fighter|man|woman|speaker|recruit|returnee|deserter|"
                 r"[A-Z][\w-]+)")
# A family detail is kin tied to a person: "his children", "the fighter's younger brother",
# "whose brother", "he has three children", "married to", "the family of the defector"; not
# any mention of children or families ("fighters killed children in the square").
_FAMILY = re.compile(
    rf"\b(?:(?i:his|her|whose)|{_PERSON_WORDS}['’]s)\s+(?:{_MODIFIERS}\s+){{0,3}}({_KIN})\b"
    rf"|\b(?i:has|had|have|having|with)\s+(?:a|an|no|{_MODIFIERS})\s+(?:{_MODIFIERS}\s+)"
    rf"{{0,2}}({_KIN})\b"
    rf"|\b((?i:married|engaged))\b"
    rf"|\b(?:(?:a|the)\s+)?((?:father|mother))\s+of\s+(?:{_MODIFIERS})\b"
    rf"|\b({_KIN})\s+of\s+(?:the\s+|this\s+|that\s+)?(?:defector|fighter|him|her)\b")
_CAP = r"(?:(?:al|el|bin|ibn|abu|umm|abd|van|von|de)[- ])?[A-Z][\w'’-]+"
_PLACE = re.compile(rf"\b(?:from|in|near|outside|at|to|of)\s+(?:the\s+)?({_CAP}(?:\s+{_CAP}){{0,2}})")
_EMPLOYER = re.compile(rf"\b(?:works?|worked|working|employed|job|employee)\s+(?:now\s+)?"
                       rf"(?:for|at|by|with|as)\s+(?:a\s+|an\s+|the\s+)?((?:{_CAP}|[a-z]+)"
                       rf"(?:\s+{_CAP}){{0,3}})")
# A job or trade, said of the speaker ("a former maths teacher", "used to drive a taxi"):
# one place for the words, a pattern over them.
JOBS = ("teacher", "headteacher", "tutor", "lecturer", "professor", "doctor", "dentist",
        "surgeon", "nurse", "paramedic", "pharmacist", "midwife", "engineer", "mechanic",
        "electrician", "plumber", "carpenter", "builder", "labourer", "laborer", "farmer",
        "shepherd", "fisherman", "driver", "taxi driver", "lorry driver", "truck driver",
        "shopkeeper", "shop owner", "shop assistant", "baker", "butcher", "barber",
        "hairdresser", "tailor", "chef", "cook", "waiter", "accountant", "banker", "clerk",
        "cashier", "lawyer", "solicitor", "judge", "policeman", "police officer", "imam",
        "preacher", "civil servant", "programmer", "developer", "designer", "translator",
        "interpreter", "salesman", "trader", "merchant", "footballer", "boxer", "coach",
        "student", "pupil", "undergraduate", "graduate", "apprentice", "intern", "nurse",
        "security guard", "bouncer", "firefighter", "postman", "courier", "cleaner")
_JOB = re.compile(
    r"\b(?:(?:a|an|the|as|was|is|former|retired|trainee|qualified|one-time|once)\s+)"
    r"(?:(?:former|retired|trainee|qualified|one-time|once|junior|senior|head|assistant|"
    r"part-time|[\w-]{3,12})\s+){0,2}"
    rf"((?:{'|'.join(sorted(map(re.escape, set(JOBS)), key=len, reverse=True))})s?)\b"
    r"|\bused\s+to\s+(?:work|teach|drive|run|own|study|practi[sc]e)\b[^.;,]{0,40}"
    r"|\b(?:taught|teaches|lectured|nursed|drove|drives|owned|owns|ran|runs|managed|manages)"
    r"\s+(?:at|in|for|a|an|the|his|her)\s+[^.;,]{0,40}"
    r"|\bstudie[sd]\s+(?:at|in)\s+[^.;,]{0,40}", re.I)
# Where a place says where the speaker lives, works or comes from, it identifies them even
# when the corpus names the place as the scene of the group's acts ("Raqqa").
_DESCRIBES = re.compile(
    r"\b(?:born|grew\s+up|raised|lives?|lived|living|resides?|resident|settled|moved|"
    r"home(?:\s*town)?|native|originally|based|studie[sd]|studying|school|college|"
    r"university|hospital|clinic|pharmacy|mosque|shop|bakery|factory|garage|office|firm|"
    r"company|restaurant|works?|worked|working|employed|teacher|job|"
    rf"\d{{1,2}}-year-old|{'|'.join(sorted(map(re.escape, set(JOBS)), key=len, reverse=True))})"
    r"\b[^.;:!?]{0,40}$", re.I)
# A social media handle or an e-mail address leads straight to the person.
_CONTACT = re.compile(r"(?<![\w@.])@[A-Za-z_][\w.]{1,40}[\w]|\b[\w.+-]+@[\w-]+\.[\w.-]+\w"
                      r"|\b(?:u|user)/[\w-]{3,}"
                      r"|\b(?:on|via)\s+(?:Instagram|Twitter|X|TikTok|Telegram|Facebook|"
                      r"Snapchat|YouTube|Signal|WhatsApp|Discord|Reddit|Threads|Bluesky)\s+"
                      r"(?:as|at|under|by the name)\s+[\w.@-]{3,}")
_NAMED = re.compile(rf"\b(?:named|called|name is|known as)\s+({_CAP}(?:\s+{_CAP}){{0,2}})")
_FULL_NAME = re.compile(rf"(?<![\w’'-])({_CAP}(?:\s+{_CAP}){{1,2}})")
# The speaker beside a quotation, referred to: "he", "her", "the defector". Plurals and
# indefinites ("IS fighters killed civilians in Manbij", "a fighter told...") are about
# other people, and what they say of places or children is not the speaker's detail.
_PERSON = re.compile(r"\b(he|she|his|her|him|(?:the|this|that|our)\s+(?:defector|fighter|"
                     r"former member|member|recruit|deserter|returnee|man|woman|speaker|"
                     r"young man|young woman))\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_COMMON_WORDS = """the a an he she his her they their it its this that these those in on at
of for to from with by and but or as is was were who when while after before later then
there here islamic state is isis isil daesh syria syrian iraq iraqi turkey turkish europe
european western east west north south january february march april may june july august
september october november december monday tuesday wednesday thursday friday saturday
sunday muslim muslims sunni shia assad caliphate god allah quran mr mrs ms dr sir
content note context goal audience message messenger media action monitoring voice post
draft team notes sources references read say said says told according"""
_COMMON = frozenset(_COMMON_WORDS.split())


def _words(text: str) -> set[str]:
    plain = re.sub(r"['’]s?\b", " ", typographic(text))
    return {w.lower() for w in re.findall(r"[\w-]+", plain)}


class _Record:
    """What the corpus makes public, per speaker and in general."""

    def __init__(self, corpus: Corpus) -> None:
        general: list[str] = []
        for t in corpus.themes.values():
            general += [t.title, t.claim, t.summary, *t.key_messages, *t.pitfalls]
        for f in corpus.facts.values():
            general += [f.statement, *(s.figure for s in f.sources)]
        for src in corpus.sources.values():
            general += [src.outlet or "", src.title, src.author or ""]
        for a in corpus.audiences.values():
            general += [a.name, a.description]
        self.general = typographic(" ".join(general)).lower()
        self.general_words = frozenset(re.findall(r"\w+", self.general))
        self._general_known: dict[str, bool] = {}
        self.vocabulary = _words(" ".join(general)) | _COMMON
        self.by_speaker: dict[str, str] = {}
        for s in corpus.speakers.values():
            self.vocabulary |= _words(s.label + " " + (s.identity.name or ""))
            self.by_speaker[s.id] = ""
        for q in corpus.quotes.values():
            self.vocabulary |= _words(q.text + " " + (q.context or ""))
        said: dict[str, list[str]] = {}  # each speaker's quotes, read in one pass
        for q in corpus.quotes.values():
            said.setdefault(q.speaker, []).extend((q.text, q.context or ""))
        for s in corpus.speakers.values():
            texts = [s.label, s.identity.name or "", s.identity.place or "", s.origin or "",
                     s.affiliation or ""]
            texts += said.get(s.id, [])
            self.by_speaker[s.id] = typographic(" ".join(texts)).lower()
        # speakers public by first name only, by that name, in corpus order
        self.first_names: dict[str, list[Speaker]] = {}
        for s in corpus.speakers.values():
            first = _first_name(s) if s.identity.public is NameDisclosure.first_name else ""
            if first:
                self.first_names.setdefault(first, []).append(s)
        self.first_name_terms = tuple(self.first_names)  # as a word list reads them
        self.order = {sid: n for n, sid in enumerate(corpus.speakers)}

    def public_for(self, speaker: Speaker, phrase: str) -> bool:
        p = typographic(phrase).lower().strip(" .,;:")
        return p in self.by_speaker.get(speaker.id, "")

    def known_place(self, speaker: Speaker, phrase: str) -> bool:
        p = typographic(phrase).lower().strip(" .,;:")
        return p in self.by_speaker.get(speaker.id, "") or self._in_general(p)

    def _in_general(self, p: str) -> bool:
        """Whether the corpus's general texts hold the phrase as whole words: looked up
        once per phrase, and only where each of its words is a word of those texts (a
        search of them all, for each place a long brief names, would cost most)."""
        known = self._general_known.get(p)
        if known is None:
            if len(self._general_known) > 1 << 16:  # a long-lived app checks many briefs
                self._general_known.clear()
            known = self._general_known[p] = all(
                w in self.general_words for w in re.findall(r"\w+", p)) and bool(
                re.search(rf"(?<!\w){re.escape(p)}(?!\w)", self.general))
        return known

    def known_name(self, phrase: str) -> bool:
        phrase = re.sub(r"['’]s?\b", "", phrase)  # possessive: "Neumann's"
        return all(w.lower() in self.vocabulary for w in re.findall(r"[\w-]+", phrase)
                   if w.lower() not in ("al", "bin", "ibn", "abu", "umm", "abd"))


_RECORDS: dict[int, tuple[Corpus, _Record]] = {}


def _record(corpus: Corpus) -> _Record:
    kept = _RECORDS.get(id(corpus))
    if kept is None or kept[0] is not corpus:
        kept = (corpus, _Record(corpus))
        _RECORDS[id(corpus)] = kept
    return kept[1]


def _first_name(speaker: Speaker) -> str:
    name = speaker.identity.name or ""
    parts = name.split()
    if len(parts) > 1 and parts[0].lower() in ("abu", "umm", "abd", "ibn", "bin"):
        return " ".join(parts[:2])  # a kunya is one name: "Abu Omar"
    return parts[0] if parts else ""


def _surname_findings(ci: CheckInput, block_own: str, block_line: int, section: str | None,
                      line_at: object) -> list[Finding]:
    findings: list[Finding] = []
    record = _record(ci.corpus)
    # only the first names the block holds at all, each read once however many speakers
    # share it; then the speakers who have a name written out, in corpus order
    hits: dict[str, list[tuple[int, str]]] = {}
    for first in record.first_names:
        if first not in block_own:
            continue
        for m in re.finditer(rf"\b{re.escape(first)}\s+({_CAP})", block_own):
            surname = m.group(1)
            if surname.lower() in _COMMON or surname.isupper() or record.known_name(surname):
                continue
            hits.setdefault(first, []).append((m.start(), surname))
    named = [s for first in hits for s in record.first_names[first]]
    for speaker in sorted(named, key=lambda s: record.order[s.id]):
        first = _first_name(speaker)
        for start, surname in hits[first]:
            findings.append(Finding(
                CHECK, Severity.error,
                f"{speaker.id} is public only by first name, but the brief writes "
                f"'{first} {surname}'",
                f"write only '{first}', or the corpus label: {speaker.label}",
                line=line_at(start) if callable(line_at) else block_line,
                section=section, ids=(speaker.id,)))
    return findings


def check_messenger(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    record = _record(ci.corpus)
    speakers = ci.corpus.speakers
    # the blocks that may name someone, hold a quotation or follow a block quote
    after_quotes = {b.index + 1 for b in ci.doc.blocks[:-1] if b.kind == "quote"}
    held = any_of(blocks_naming(ci), ci.own_screen.holding(record.first_name_terms),
                  frozenset(ci.matched_blocks), frozenset(after_quotes))
    for block in ci.doc.body_among(held):
        own = without_quotations(block)
        section = block.section or None
        findings += _surname_findings(ci, own, block.line, section, block.line_at)
        quoted = [qt.speaker for m in ci.matches_in(block) for qt in m.quotes[:1]]
        if not quoted and block.index > 0:  # "the defector" right after a block quote
            prev = ci.doc.blocks[block.index - 1]
            if prev.kind == "quote" and block.kind != "heading":
                quoted = [qt.speaker for b in ci.doc.blocks[max(0, prev.index - 5) : prev.index + 1]
                          if b.group == prev.group and b.kind == "quote"
                          for m in ci.matches_in(b) for qt in m.quotes[:1]]
        everyone = speakers_named_in(block, ci.corpus)  # one scan of the block, in order
        if not everyone and not quoted:
            continue
        quoted = list(dict.fromkeys(quoted))
        at_offsets = [at for _, at in everyone]
        pos = 0
        for sentence in _SENTENCE.split(own):
            offset = own.find(sentence, pos)
            pos = max(pos, offset)
            end = offset + len(sentence)
            lo, hi = bisect_left(at_offsets, offset), bisect_left(at_offsets, end)
            subjects = list(dict.fromkeys(s for s, _ in everyone[lo:hi]))
            if not subjects and quoted and _PERSON.search(sentence):
                subjects = quoted
            for sid in subjects:
                speaker = speakers.get(sid)
                if speaker is not None:
                    findings += _about(speaker, sentence, record, block.line_at(offset),
                                       section)
    return findings


class _Pieces:
    """Strings looked for inside other strings by their pieces: each text's pieces of the
    lengths the strings have are looked up, so a long sentence naming many people, places
    and employers is not compared pair by pair."""

    def __init__(self, among: Iterable[str]) -> None:
        self.among = set(among)
        self.lengths = sorted({len(a) for a in self.among})

    def inside(self, texts: Iterable[str], proper: bool = False) -> set[str]:
        """The strings that stand inside one of the texts (shorter than it, when proper)."""
        found: set[str] = set()
        among = self.among
        for text in texts:
            for k in self.lengths:
                if k > len(text) or (proper and k == len(text)):
                    break
                found.update(text[i : i + k] for i in range(len(text) - k + 1)
                             if text[i : i + k] in among)
        return found

    def held_by(self, text: str) -> bool:
        """Whether the text holds one of the strings."""
        return bool(self.among) and bool(self.inside([text]))


def _beside_label(speaker: Speaker, sentence: str) -> list[str]:
    """A single capitalised word set right against an anonymous speaker's label, as a
    name is: "Omar, 26-year-old Syrian fighter", "the 26-year-old Syrian fighter Omar"."""
    label = re.escape(typographic(speaker.label)).replace(r"\ ", r"\s+")
    flat = typographic(sentence)
    found = [m.group(1) for m in re.finditer(
        rf"(?<![\w’'-])([A-Z][a-z]{{2,}}),\s+(?:(?:a|an|the)\s+)?{label}", flat, re.I)]
    found += [m.group(1) for m in re.finditer(rf"{label},?\s+([A-Z][a-z]{{2,}})\b(?!\s*[:(])",
                                              flat, re.I)]
    return [n for n in found if n[0].isupper() and n.lower() not in _COMMON]


def _about(speaker: Speaker, sentence: str, record: _Record, line: int,
           section: str | None) -> list[Finding]:
    found: list[Finding] = []
    public_name = speaker.identity.public is not NameDisclosure.none and speaker.identity.name
    sid = (_first_name(speaker) if speaker.identity.public is NameDisclosure.first_name
           else speaker.identity.name) if public_name else speaker_name(speaker)
    public_person = (speaker.role in _PUBLIC_ROLES
                     and speaker.identity.public is NameDisclosure.full_name)

    def add(message: str, suggestion: str) -> None:
        found.append(Finding(CHECK, Severity.error, message, suggestion, line=line,
                             section=section, ids=(speaker.id,)))

    if speaker.identity.public is NameDisclosure.none:
        # a place or an employer is reported as such below, not also as a name
        elsewhere = {m.group(1) for p in (_PLACE, _EMPLOYER) for m in p.finditer(sentence)}
        names = [m.group(1) for m in _NAMED.finditer(sentence)]
        names += [m.group(1) for m in _FULL_NAME.finditer(sentence)]
        names += _beside_label(speaker, sentence)
        names = list(dict.fromkeys(names))
        named = _Pieces(names)
        longer = named.inside(names, proper=True)  # "Ahmed" of "Ahmed Hassan"
        placed = named.inside(elsewhere)
        places = _Pieces(elsewhere)
        names = [n for n in names if n not in longer and n not in placed
                 and not places.held_by(n)]
        for name in names:
            if not record.known_name(name) and not record.public_for(speaker, name):
                add(f"gives the name '{name}' next to {sid}, whose name the corpus does not "
                    "publish", f"leave the name out; the public description is: "
                    f"{speaker.label}")
    if public_person:
        return found
    for fam in _FAMILY.finditer(sentence):
        kin = next(g for g in fam.groups() if g)
        if not record.public_for(speaker, kin):
            add(f"names {sid} together with a family member ('{kin}') the corpus "
                "does not publish", "leave out family details; they can identify the speaker")
    for place in _PLACE.finditer(sentence):
        words = place.group(1).strip()
        if words.lower() in _COMMON or words.split()[0].lower() in _COMMON:
            continue
        describing = _DESCRIBES.search(sentence[max(0, place.start() - 80) : place.start()])
        if record.public_for(speaker, words) or (
                not describing and record.known_place(speaker, words)):
            continue
        add(f"names {sid} together with a place ('{words}') the corpus does not publish for "
            "this speaker", f"leave out the place; the public description is: {speaker.label}")
    jobs = [job.group(1).strip() for job in _EMPLOYER.finditer(sentence)]
    trades = [job.group(0) for job in _JOB.finditer(sentence)]
    within = _Pieces(t.strip() for t in trades).inside(jobs)  # a trade of an employer
    employers = _Pieces(jobs)
    jobs += [t.strip() for t in trades if t.strip() not in within
             and not employers.held_by(t)]
    for what in dict.fromkeys(jobs):
        trade = next((w for w in re.findall(r"[\w-]+", what.lower())
                      if w.rstrip("s") in JOBS or w in JOBS), what)
        if record.public_for(speaker, what) or record.public_for(speaker, trade):
            continue
        add(f"gives an employer or job ('{what}') for {sid} that the corpus does not publish",
            "leave out work details; they can identify the speaker")
    for contact in _CONTACT.finditer(sentence):
        if record.public_for(speaker, contact.group(0)):
            continue
        add(f"gives an account or address ('{contact.group(0)}') for {sid}, which the corpus "
            "does not publish", "leave out handles and addresses; they lead to the speaker")
    return found
