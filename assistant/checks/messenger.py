"""Messenger safety: the brief reveals no more about a speaker than is already public.

For a speaker whose name is public, the brief's own words (quotations aside: those are
already published) must not
- give a full name where only a first name is public ("Ibrahim" + a surname);
- put the name in one sentence with a place or a family member that the corpus does not
  already publish for that speaker (label, identity, origin, or their own quotes).
Experts, officials, reports and journalists speak publicly by role and are not checked
for place and family.
"""

from __future__ import annotations

import re

from ..corpus import Corpus, NameDisclosure, Role, Speaker
from .context import CheckInput
from .findings import Finding, Severity, Where
from .quotations import without_quotations

CHECK = "messenger-safety"
_PUBLIC_ROLES = {Role.expert, Role.official, Role.report, Role.journalist}
_FAMILY = re.compile(r"\b(brother|sister|mother|father|wife|husband|son|daughter|children|"
                     r"family|cousin|uncle|aunt|parents|siblings?|fiancée?|relatives?)\b", re.I)
_PLACE = re.compile(r"\b(?:from|in|of|near|outside|at)\s+((?:[A-Z][\w'’-]+\s?){1,3})")
_NOT_SURNAME = {
    "a", "an", "the", "and", "but", "or", "he", "she", "his", "her", "in", "on", "at", "of",
    "for", "to", "with", "from", "said", "says", "told", "who", "was", "is", "had", "has",
    "after", "before", "when", "while", "also", "later", "left", "joined", "explained",
}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _public_record(corpus: Corpus, speaker: Speaker) -> str:
    identity = speaker.identity
    texts = [speaker.label, identity.name or "", identity.place or "", speaker.origin or "",
             speaker.affiliation or ""]
    for q in corpus.quotes.values():
        if q.speaker == speaker.id:
            texts += [q.text, q.context or ""]
    # Outlets and titles are where the speaker was published, not where they live.
    for source in corpus.sources.values():
        texts += [source.outlet or "", source.title]
    return " ".join(texts).lower()


def check_messenger(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    speakers = [s for s in ci.corpus.speakers.values()
                if s.identity.name and s.identity.public is not NameDisclosure.none]
    for block in ci.doc.body():
        own = without_quotations(block)
        for speaker in speakers:
            name = speaker.identity.name or ""
            first = name.split()[0]
            where: Where = {"line": block.line, "section": block.section or None}
            if speaker.identity.public is NameDisclosure.first_name:
                for m in re.finditer(rf"\b{re.escape(first)}\s+([A-Z][\w'’-]+)", own):
                    surname = m.group(1)
                    if surname.lower() in _NOT_SURNAME or surname.isupper():
                        continue
                    findings.append(Finding(
                        CHECK, Severity.error,
                        f"{speaker.id} is public only by first name, but the brief writes "
                        f"'{first} {surname}'",
                        f"write only '{first}', or the corpus label: {speaker.label}",
                        line=block.line_at(m.start()), section=block.section or None))
            if speaker.role in _PUBLIC_ROLES:
                continue
            record = _public_record(ci.corpus, speaker)
            for sentence in _SENTENCE.split(own):
                if not re.search(rf"\b{re.escape(first)}\b", sentence):
                    continue
                for fam in _FAMILY.finditer(sentence):
                    if fam.group(1).lower() not in record:
                        findings.append(Finding(
                            CHECK, Severity.error,
                            f"names {first} together with a family member "
                            f"('{fam.group(1)}') the corpus does not publish",
                            "leave out family details; they can identify the speaker",
                            **where))
                for place in _PLACE.finditer(sentence):
                    words = place.group(1).strip()
                    head = words.split()[0].lower()
                    if head in _NOT_SURNAME or head in _MONTHS or words.lower() in record:
                        continue
                    if words.lower() == first.lower() or words.lower() in name.lower():
                        continue
                    findings.append(Finding(
                        CHECK, Severity.error,
                        f"names {first} together with a place ('{words}') the corpus does "
                        "not publish for this speaker",
                        f"leave out the place; the public description is: {speaker.label}",
                        **where))
    return findings
