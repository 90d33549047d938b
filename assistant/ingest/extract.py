"""From article text to attributed quotations, and the ones left out with the reason.

No corpus is needed here: this is only what the article says. `candidates.py` adds what
the corpus knows (speaker ids, themes, duplicates).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .marks import SINGLE, Span, find_spans, inner_text, mask, paragraphs, unclosed
from .outlets import find_outlet, interview_outlet, is_outlet
from .people import GENERAL_VOICES, GENERIC_PERSON, Cast, Person
from .sentences import (
    LISTENER_VERBS,
    PERSON_NOUNS,
    VERB_RE,
    Mention,
    Sentence,
    mentions,
    requests,
    sentences,
)
from .transcript import answers, labelled_questions, quoted_answers

_FIRST_PERSON = {"i", "we", "this reporter", "a reporter", "the reporter", "this correspondent",
                 "this writer", "the interviewer", "an interviewer", "this newspaper",
                 "the newspaper", "this journalist", "the journalist", "our reporter",
                 "our correspondent"}
# "one reporter asked", "reporters asked": the press asking, not anyone quoted
_JOURNALISTS = {"reporter", "journalist", "correspondent", "interviewer", "presenter", "host",
                "editor", "writer"}
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:titled|entitled|called|headlined|dubbed|named|the headline|the title|"
    r"under the banner|slogan|hashtag)\s*,?\s*|"
    r"\b(?:report|video|film|documentary|book|article|study|campaign|series|podcast|programme|"
    r"program|nasheed|song|magazine|pamphlet|poster|leaflet|paper|booklet|episode)\s*,?\s*|"
    r"\b(?:titles?|names?)\s+(?:such\s+as|like)\s*|"
    r"\b(?:watch|listen|read|read more|explainer|analysis|related|see also)\s*:\s*)$",
    re.IGNORECASE)
# "called its online recruiters "sisters of the pen"": what something was called
_NAMED_AS = re.compile(r"\b(?:called|dubbed|nicknamed|termed|labelled|labeled|branded|known as)"
                       r"(?:\s+[\w’'-]+){0,4}\s*$")
# a title given as an example ("with names such as '...'") or a link to another page
# ("Watch: '...'", "Our full explainer: '...'"), whatever its capitals
_TITLE_LINK = re.compile(r"\b(?:titles?|names?)\s+(?:such\s+as|like)\s*$|\b(?:watch|listen|"
                         r"read|read more|explainer|analysis|related|see also)\s*:\s*$",
                         re.IGNORECASE)
_TITLE_AFTER = re.compile(
    r"^\s*,?\s*(?:report|video|film|documentary|book|campaign|series|programme|program|"
    r"podcast|study|nasheed|song|magazine|pamphlet|hashtag|slogan)s?\b", re.IGNORECASE)


@dataclass
class Quotation:
    """One quotation the article prints, who said it (as the article describes them), and
    why it was left out, if it was."""

    text: str
    start: int
    end: int
    paragraph: int
    speaker: Person | None = None
    attribution: str = ""
    outlet: str | None = None
    runs_on: bool = False
    continued: bool = False
    nested: bool = False
    left_out: str | None = None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def headline_lines(text: str) -> set[str]:
    """Short lines at the top with no full stop: the headline, standfirst, section labels."""
    found = set()
    for para in paragraphs(text)[:4]:
        line = text[para.start:para.end].strip()
        # a headline may end in a quotation (Former fighter says caliphate "ran on lies"),
        # a sentence of testimony ends in one too ("... of names."), and so does a paragraph
        # that is all quotation
        inside = line.rstrip("”\"»").rstrip()
        testimony = line.endswith(("”", '"', "»")) and (
            inside.endswith((".", "!", "?", ",")) or line.startswith(("“", '"', "«")))
        if len(_words(line)) <= 20 and not line.endswith(".") and not testimony:
            found.add(_key(line))
    return found


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _words(text.replace("’", "'")))


def _looks_like_title(text: str) -> bool:
    words = [w for w in _words(text) if w[0].isalpha()]
    if not words or text.rstrip().endswith((".", "?", "!")):
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "from",
             "with", "is", "not"}
    capital = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return capital == len(words) and sum(1 for w in words if w[0].isupper()) >= 2


def _is_nested(text: str) -> bool:
    return bool(re.search(r"(?:^|[\s(—])[‘'«“\"]\S.*?\S[’'»”\"](?:\W|$)", text))


_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
_PARTICLE = (r"(?:al-|bin\s|Abu\s|abu\s|el-|ibn\s|"
             r"(?:de|van|von|der|den|du|di|da|la|le|ter)\s(?:(?:de|der|den|la)\s)?)?")
# an initial for a family name ("Amira B.") or before one ("J. Smith", "Mr A. Khalid"),
# never a sentence's first word ("A. The office")
_INITIAL = r"[A-Z]\.(?![\w’'-])"
_NOT_AFTER_INITIAL = r"(?!(?:The|A|An|In|On|At|He|She|It|They|We|I|This|That|But|And)\b)"


# a sentence's first word is capitalised, but "For Ms Haddad, the work..." names Ms Haddad
_NOT_A_NAME_WORD = (r"(?!(?:For|In|At|On|To|With|Without|After|Before|Like|Unlike|From|By|"
                    r"Of|As|When|While|Since|Because|Although|Though|Despite|But|And|Yet|"
                    r"So|If|Unless|Until|Once|During|Under|Among|Against|Through)\s)")


_CLAUSE_VERB = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|can|could)\b")


def _full_name(first: str, part: str, particles: bool = True) -> str:
    """A name of two to four words, as a regex: a title, then words written as names, or
    an initial with a family name, or a name with an initial for the family name."""
    particle = _PARTICLE if particles else ""
    return (rf"{_NOT_A_NAME_WORD}{_TITLE}(?:{_INITIAL}\s+{_NOT_AFTER_INITIAL}{part}|"
            rf"{first}(?:\s+{particle}(?:{part}|{_INITIAL})){{1,3}})")


_APPOSITIVE = re.compile(
    r"(?<![\w’'-])(" + _full_name(r"[A-Z][\w’'-]+", r"[A-Z][\w’'-]+") + r"),(?:\s+\d{1,3},)?"
    r"\s+((?:a|an|the)\s+[^,§.;]{3,80}?)"
    r"(?:,|\s+(?:who|whom|whose|which|that)\b|[.;]|$)")
# "His mother, Fatima Nuri, watches": a relative named after how the article knows them
_RELATIVE_NAMED = re.compile(
    r"\b((?:[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he\s+[a-z-]+|[A-Z][\w-]+)[’']s)\s+(?:[a-z-]+\s+)?"
    r"[a-z-]+),\s+(" + _full_name(r"[A-Z][\w’'-]+", r"[A-Z][\w’'-]+") + r"),")
_NAME = _full_name(r"[A-Z][a-z’'-]+", r"[A-Z][a-z][\w’'-]*")
# "Sami Rahman did not expect...": a full name opening a sentence is someone introduced
_NAME_OPENS = re.compile(
    r"\s*(" + _NAME + r")(?:,\s+\d{1,3},)?\s+(?:and\s+(?=his\b|her\b))?"
    r"(?!of\b|and\b|in\b|on\b|at\b)[a-z]+\b")
_SENTENCE_SUBJECT = re.compile(
    r"\s*(" + _full_name(r"[A-Z][a-z’'-]+", r"[A-Z][\w’'-]+") + r")\s+"
    r"(?:has\s+|had\s+|was\s+|is\s+)?[a-z]+ed\b|"
    r"\s*(" + _full_name(r"[A-Z][a-z’'-]+", r"[A-Z][\w’'-]+", particles=False) + r")\s+"
    r"(?:spent|fled|left|went|took|came|ran|joined|travelled|traveled|lives|lived|grew|met|"
    r"became|saw|got|made|knew|thought|felt|wanted|tried|began|spoke|works|worked)\b")
_OPENING_TIME = re.compile(r"\s*(?:For|In|After|Since|Until|During|Over|Within)\s+"
                           r"(?:(?:the|a|an|\d+|[a-z]+)\s+){0,2}(?:years?|months?|weeks?|days?|"
                           r"decades?|\d{4}|spring|summer|autumn|winter),?\s+")
_MET_BY_REPORTER = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:asked|told|interviewed|met|called|phoned|visited|reached)\s+"
    r"((?:a|an|one)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)(?=\s+(?:what|whether|if|why|how|about|"
    r"to|for|in|at|who|when|last|this)\b|[,.])")
_MET_NAMED = re.compile(
    r"\b(?:met|meet|meets|interviewed|visited|found|introduced\s+(?:me|us)\s+to|"
    r"(?:spoke|talked|sat\s+down)\s+(?:to|with))\s+(" + _NAME + r")(?![\w’'-])")
_KNOWN_OPENS = re.compile(r"\s*([A-Z][a-z’'-]+)\s+(?!of\b|and\b)[a-z]+\b")
_ASKED_SUBJECT = re.compile(
    r"\s*(?:Asked|Pressed|Questioned|Interviewed|Reached|Speaking)\b[^,§]*,\s+"
    r"((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+[a-z]")
_LIST_ITEM = re.compile(r"\s*(?:\d+[.)]|[-•*])\s")
# "LYON – ", "ERBIL, Iraq (Reuters) - ", "GAZA CITY, May 2 (Agency) — ": where the sentence
# begins is after the dateline
_DATELINE = re.compile(r"\s*[A-Z][A-Z’'. -]+[A-Z](?:,[^–—\n]{0,60}?)?(?:\s*\([^)]{1,60}\))?"
                       r"\s+[–—-]\s+")
# "Noor Hadi and Sami Toure run a café": both are introduced
_PAIR_OPENS = re.compile(rf"\s*({_NAME})\s+and\s+({_NAME})\s+(?!of\b)[a-z]+\b")
# "Rachid and Soraya Belhaj met": two first names and the surname they share
_PAIR_SHARED = re.compile(r"\s*([A-Z][a-z’'-]+)\s+and\s+([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]+)\s+"
                          r"(?!of\b)[a-z]+\b")
# "Her husband is more guarded": a relative the article goes on to quote
_RELATION_OPENS = re.compile(r"\s*((?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+)?(?:" +
                             "|".join(sorted(PERSON_NOUNS)) + r"))\s+(?!and\b)[a-z]+\b")
# "Presiding judge Ada Berg thanked...", "Committee chair Henrik Solberg", "Researcher Hélène
# Dufrasne": a role, capitalised or not, then the name
_ROLE_NOUNS = PERSON_NOUNS | {"judge", "counsel", "prosecutor", "officer", "magistrate", "juror",
                              "chair", "chairman", "chairwoman", "chairperson", "researcher",
                              "analyst", "professor", "director", "founder", "official",
                              "worker", "spokesperson", "minister", "senator", "mayor",
                              "investigator", "psychologist", "imam", "activist", "scholar"}
_ROLE_OPENS = re.compile(r"\s*((?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:" +
                         "|".join(f"[{n[0].upper()}{n[0]}]{n[1:]}" for n in sorted(_ROLE_NOUNS))
                         + r"))\s+(" + _NAME + r")\s+(?:has\s+|had\s+)?[a-z]+\b")
# "alongside a former police officer, Daniel Okafor, who runs": a role, then the name
_ROLE_THEN_NAME = re.compile(
    r"(?<![\w’'-])((?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:" +
    "|".join(sorted(_ROLE_NOUNS | GENERIC_PERSON)) + r")),\s+(" + _NAME + r"),")
# "passing sentence on Leila Mansour, 31, who pleaded guilty": a name with an age, anywhere
_NAME_AGED = re.compile(r"(?<![\w’'-])(" + _NAME + r"),\s+(?:now\s+)?\d{1,3},")
# "Yasin Adebayo-Clarke's first interview": someone the article goes on to call "he"
_NAME_OWNS = re.compile(r"(?<![\w’'-])(" + _NAME + r")[’']s\s+[a-z]")
# "Liam, now 24, was sentenced": one name and an age
_AGED_OPENS = re.compile(r"\s*(" + _TITLE + r"[A-Z][a-z’'-]+(?:\s+" + _INITIAL + r")?),"
                         r"\s+(?:now\s+)?\d{1,3},"
                         r"\s+[a-z]+\b")
# "..., and Kane's answer never changes": a known name opening a clause is the topic now
_CLAUSE_NAME = re.compile(r"(?:^\s*|[;]\s+|,\s+(?:and|but|while)\s+)"
                          r"([A-Z][a-z-]+(?:[’'][A-Z][a-z-]+)?)(?:[’']s)?"
                          r"\s+[a-z]")
_PRONOUN_OPENS = re.compile(r"\s*(He|She)\s+(?!said\b|says\b)[a-z]+\b")
# "Circuit Judge Anita Moss": someone addressed by a role and a name
_ROLES = ("Judge", "Justice", "Magistrate", "Inspector", "Sergeant", "Constable", "Officer",
          "Attorney", "Prosecutor", "Senator", "Minister", "Commissioner", "Superintendent",
          "Detective", "Chief", "Dr", "Professor", "Prof")
_ROLE_NAME = re.compile(r"^\s*((?:[A-Z][\w.]*\s+){0,3}?(?:" + "|".join(_ROLES) + r"))\s+("
                        + _NAME + r")\s*$")


class _Reader:
    def __init__(self, text: str, outlets: Iterable[str]) -> None:
        self.text = text
        self.outlets = tuple(outlets)
        self.spans = find_spans(text)
        self.opens = [s.open_at for s in self.spans]
        self.masked = mask(text, self.spans)
        self.paras = paragraphs(text)
        self.sentences = sentences(text, self.masked, self.paras, self.spans)
        self.headlines = headline_lines(text)
        self.cast = Cast()
        self.found: list[Quotation] = []
        self.last_in_paragraph: dict[int, Person] = {}
        self.paragraph_subject: dict[int, Person] = {}
        self.paragraph_outlet: dict[tuple[int, int], str] = {}
        self.spoken: list[int] = []
        """Who spoke each quotation so far, in order."""
        self.told_at: dict[int, int] = {}
        """Person -> how many quotations there were when they were said to talk to an
        outlet: what they told it carries to their next words only until someone else is
        quoted."""
        self.quoted_answers = quoted_answers(text, self.paras)
        self.questions = labelled_questions(text, self.paras)

    def read(self) -> list[Quotation]:
        for sentence in self.sentences:
            if sentence.paragraph < 3 and _key(self.text[sentence.start:sentence.end]) in \
                    self.headlines:
                continue  # "Syrian teenager recounts escape": a headline introduces no one
            if sentence.paragraph in self.questions:
                continue  # the interviewer's question: no one in it is quoted
            self._answer_label(sentence)
            self._introductions(sentence)
            headline_end = self._headline_end(sentence)
            resolved = [(m, self._resolve(m)) for m in mentions(self.masked, sentence)
                        if m.at >= headline_end]  # the headline again introduces no one
            main = next((p for m, p in resolved if p is not None and not m.according), None)
            if main is not None and len(resolved) > 1:
                # "He said his commander had told...": the one who speaks stays the one
                # "he" means next, not the person named inside what he said
                self.cast.touch(main)
            for person in (p for _, p in resolved if p is not None):
                self.last_in_paragraph[sentence.paragraph] = person
                self.paragraph_subject.setdefault(sentence.paragraph, person)
            self._addressed(resolved, main)
            self._topic(sentence, resolved)
            self._named_after_role(sentence)
            lo = bisect.bisect_left(self.opens, sentence.start)
            hi = bisect.bisect_left(self.opens, sentence.end)
            in_sentence = self.spans[lo:hi]
            for n, span in enumerate(in_sentence):
                self.found.append(self._quotation(sentence, in_sentence, n, span, resolved))
        self._fill_run_ons()
        for answer in answers(self.text, self.paras):
            self.found.append(Quotation(self.text[answer.start:answer.end], answer.start,
                                        answer.end, answer.paragraph,
                                        speaker=self.cast.resolve(answer.label),
                                        attribution=f"{answer.label}:"))
        for at, end in unclosed(self.text, self.spans):
            para = bisect.bisect_right([p.start for p in self.paras], at) - 1
            self.found.append(Quotation(
                self.text[at + 1:end].strip(), at + 1, end, para,
                left_out="its quotation mark never closes and the next paragraph does not "
                         "continue it: check where the quotation ends"))
        self.found.sort(key=lambda q: q.start)
        return self.found

    def _headline_end(self, sentence: Sentence) -> int:
        """Where a paragraph that opens with the headline, word for word, leaves it."""
        para = self.paras[sentence.paragraph]
        if sentence.paragraph >= 4 or self.text[para.start:sentence.start].strip():
            return -1
        words = list(re.finditer(r"[\w’'-]+", self.text[para.start:para.end]))
        for headline in self.headlines:
            wanted = headline.split()
            if len(wanted) >= 4 and len(words) > len(wanted) and \
                    _key(" ".join(w.group(0) for w in words[:len(wanted)])) == headline:
                return para.start + words[len(wanted) - 1].end()
        return -1

    def _answer_label(self, sentence: Sentence) -> None:
        """"Amira B.: « ... »": the name before the colon says what follows."""
        label = self.quoted_answers.get(sentence.paragraph)
        opens = self.paras[sentence.paragraph].start
        if label is None or self.text[opens:sentence.start].strip() or \
                is_outlet(label, self.outlets):
            return
        person = self.cast.resolve(label)
        if person is not None and not person.organisation:
            self.last_in_paragraph[sentence.paragraph] = person

    def _introductions(self, sentence: Sentence) -> None:
        """People the article introduces without quoting them yet: "Name, a former medic,"."""
        seg = self.masked[sentence.start:sentence.end]
        dateline = _DATELINE.match(seg)
        if dateline:
            seg = seg[dateline.end():]
        for m in _APPOSITIVE.finditer(seg):
            if _CLAUSE_VERB.search(m.group(2)):
                continue  # "For Ms Haddad, the work is...": a clause, not a description
            if not is_outlet(m.group(1), self.outlets):
                self.cast.resolve(f"{m.group(1)}, {m.group(2)}")
        for phrase in requests(self.masked, sentence):  # "a sniper who asked not to be named"
            if phrase.lower() not in _FIRST_PERSON and not is_outlet(phrase, self.outlets):
                self.cast.resolve(phrase)
        for m in _MET_BY_REPORTER.finditer(seg):  # "I asked a senior official what..."
            self.cast.resolve(m.group(1))
        asked = _ASKED_SUBJECT.match(seg)  # "Asked whether she regretted it, Hiba paused."
        if asked:
            self.cast.resolve(asked.group(1))
        for m in _RELATIVE_NAMED.finditer(seg):
            relation = m.group(1)
            if relation.split()[0].lower() in {"his", "her", "their"}:
                relation = relation.lower()
            if not is_outlet(m.group(2), self.outlets):
                self._introduced(self.cast.resolve(f"{m.group(2)}, {relation}"), "")
        pair = _PAIR_OPENS.match(seg)
        if pair:
            for name in pair.groups():
                if not is_outlet(name, self.outlets):
                    self.cast.resolve(name)
        shared = _PAIR_SHARED.match(seg)
        if shared and not pair:
            for first in shared.group(1, 2):
                self.cast.resolve(f"{first} {shared.group(3)}")
        relation = _RELATION_OPENS.match(seg)
        if relation:
            self.cast.relative(relation.group(1).lower())
        role = _ROLE_OPENS.match(seg)
        if role and not is_outlet(role.group(2), self.outlets):
            self._introduced(self.cast.resolve(f"{role.group(2)}, {role.group(1).lower()}"),
                             seg[role.end():])
        for m in _NAME_OWNS.finditer(seg):  # "... put on Yasin Adebayo-Clarke's interview"
            if " " in m.group(1) and not is_outlet(m.group(1), self.outlets):
                self.cast.resolve(m.group(1))
        for m in _NAME_AGED.finditer(seg):
            if m.start() and not is_outlet(m.group(1), self.outlets):
                first, _, rest = m.group(1).partition(" ")
                titled = first.lower() in _ROLE_NOUNS | GENERIC_PERSON | {"defendant"} and \
                    len(rest.split()) > 1  # "Defendant Jonas Brandt, 41,"
                self.cast.resolve(f"{rest}, {first.lower()}" if titled else m.group(1))
        aged = _AGED_OPENS.match(seg)
        if aged and not is_outlet(aged.group(1), self.outlets):
            self._introduced(self.cast.resolve(aged.group(1)), seg[aged.end():])
        for m in _MET_NAMED.finditer(seg):  # "we met Yasin Halabi at a tea house"
            if not is_outlet(m.group(1), self.outlets):
                self._introduced(self.cast.resolve(m.group(1)), seg[m.end():])
        known = _KNOWN_OPENS.match(seg)  # "Halabi joined the group at nineteen"
        if known and any(known.group(1) in (p.name or "").split() for p in self.cast.people):
            self._introduced(self.cast.resolve(known.group(1)), seg[known.end():])
        timed = _OPENING_TIME.match(seg)  # "For three years Samira Haddad spent..."
        opening = _SENTENCE_SUBJECT.match(seg) or _NAME_OPENS.match(seg) or (
            _SENTENCE_SUBJECT.match(seg, timed.end()) if timed else None)
        name = opening and next((g for g in opening.groups() if g), None)
        if name and not _APPOSITIVE.match(seg) and not is_outlet(name, self.outlets):
            self._introduced(self.cast.resolve(name), seg[opening.end():] if opening else "")

    def _named_after_role(self, sentence: Sentence) -> None:
        """"She speaks alongside a former police officer, Daniel Okafor,": someone a later
        "Mr Okafor" means; met after the sentence's own "she", so not the one she is."""
        seg = self.masked[sentence.start:sentence.end]
        topic = self.cast.people[self.cast.recent[-1]] if self.cast.recent else None
        for m in _ROLE_THEN_NAME.finditer(seg):
            if not is_outlet(m.group(2), self.outlets):
                self._introduced(self.cast.resolve(f"{m.group(2)}, {m.group(1)}"),
                                 seg[m.end():])
                if topic is not None:  # the next "she" is still the sentence's own
                    self.cast.touch(topic)

    def _addressed(self, resolved: list[tuple[Mention, Person | None]],
                   main: Person | None) -> None:
        """"Price told Circuit Judge Anita Moss": the judge is someone the article may
        later call "the judge", but the one who spoke stays the one "he" means."""
        for mention, person in resolved:
            if mention.verb not in LISTENER_VERBS or person is None:
                continue
            role = _ROLE_NAME.match(mention.tail.rstrip(" .!?"))
            if role and not is_outlet(role.group(2), self.outlets):
                self.cast.resolve(f"{role.group(2)}, {role.group(1)}")
                self.cast.touch(main or person)

    def _topic(self, sentence: Sentence, resolved: list[tuple[Mention, Person | None]]) -> None:
        """A known person who opens a clause after the last attribution ("..., Obi says, and
        Kane's answer never changes"), or a sentence that is about "he" or "she", is the
        one a following quotation or pronoun is about."""
        seg = self.masked[sentence.start:sentence.end]
        last = max((m.at - sentence.start for m, p in resolved if p is not None), default=-1)
        for m in _CLAUSE_NAME.finditer(seg):
            if m.start(1) <= last:
                continue
            owned = re.match(r"[’']s\s+([a-z-]+)", seg[m.end(1):])
            if owned and owned.group(1) in _ROLE_NOUNS:
                continue  # "Brandt's lawyer, Mikkel Ravn, spoke": the lawyer is the topic
            known = [p for p in self.cast.people if m.group(1) in (p.name or "").split()]
            if known:
                person = self.cast.resolve(m.group(1))
                if person is not None:
                    self.last_in_paragraph[sentence.paragraph] = person
        if not resolved and (subject := _PRONOUN_OPENS.match(seg)):
            person = self.cast.resolve(subject.group(1).lower())
            if person is not None:  # "He left Lyon in 2013. « The first thing... »"
                self.last_in_paragraph[sentence.paragraph] = person

    def _introduced(self, person: Person | None, rest: str) -> None:
        """The pronouns of the rest of the sentence say whether a new person is a man or a
        woman ("Karim Aziz spent the day with his uncle"), so a later "she" is not him."""
        if person is None or person.gender or person.plural or person.organisation:
            return
        # subject pronouns only: "Mariam Othman has stood in his queue" is the guard's queue;
        # and none from what they said: "Ana Ruiz said her son left when he was 20"
        verb = VERB_RE.search(rest)
        rest = rest[:verb.start()] if verb else rest
        said = set(re.findall(r"\b(?:he|she|himself|herself)\b", rest.lower()))
        if said and said <= {"he", "himself"}:
            person.gender = "m"
        elif said and said <= {"she", "herself"}:
            person.gender = "f"

    def _resolve(self, mention: Mention) -> Person | None:
        phrase = mention.phrase.strip()
        if phrase.lower() in _FIRST_PERSON or is_outlet(phrase, self.outlets):
            return None
        person = self.cast.resolve(phrase)
        if person is not None and mention.verb in {"told", "tells"}:
            # someone who talked to an outlet: that outlet first published what they said
            # (or, told of an earlier interview, they are speaking elsewhere now: no outlet)
            person.outlet = interview_outlet(f"told {mention.tail}", self.outlets)
            self.told_at[person.key] = len(self.spoken)
        return person

    def _quotation(self, sentence: Sentence, in_sentence: list[Span], n: int, span: Span,
                   resolved: list[tuple[Mention, Person | None]]) -> Quotation:
        text = self.text
        q = Quotation(inner_text(text, span), span.start, span.end, span.paragraph,
                      runs_on=span.runs_on, continued=span.continued)
        q.nested = _is_nested(q.text)
        lo = in_sentence[n - 1].close_at if n else sentence.start
        hi = in_sentence[n + 1].open_at if n + 1 < len(in_sentence) else sentence.end
        before, after = self.masked[lo:span.open_at], self.masked[span.close_at:hi]
        after_m = [(m, p) for m, p in resolved if span.close_at <= m.at < hi]
        before_m = [(m, p) for m, p in resolved if lo <= m.at < span.open_at]
        chosen = (after_m[:1] or before_m[-1:] or
                  sorted(resolved, key=lambda mp: abs(mp[0].at - span.open_at))[:1])
        q.left_out = self._left_out(q, span, before, after, chosen,
                                    self._split(in_sentence, n, resolved))
        if chosen:
            mention, person = chosen[0]
            q.attribution = f"{mention.phrase} {mention.verb}".strip()
            q.speaker = person
            clause = self.masked[sentence.start:sentence.end].replace("§", " ")
            q.outlet = interview_outlet(f"{mention.phrase} {mention.tail}", self.outlets) or \
                interview_outlet(clause, self.outlets)
            if mention.according and person is None:
                q.outlet = q.outlet or find_outlet(mention.phrase, self.outlets)
        if q.speaker is None and q.left_out is None:
            q.speaker = self._carried(span, q)
        if q.speaker is None and q.left_out is None:
            q.left_out = "no speaker: the article does not say who said it"
        if q.left_out is None and q.speaker is not None and q.speaker.name is None and \
                (q.speaker.description or "").lower() in GENERAL_VOICES:
            q.left_out = "said by people in general: no one speaker to quote"
        if q.speaker is not None:
            self.last_in_paragraph[span.paragraph] = q.speaker
            where = (span.paragraph, q.speaker.key)
            key = q.speaker.key
            told = q.speaker.outlet if all(
                k == key for k in self.spoken[self.told_at.get(key, 0):]) else None
            self.spoken.append(key)
            q.outlet = q.outlet or told or self.paragraph_outlet.get(where)
            if q.outlet:
                self.paragraph_outlet.setdefault(where, q.outlet)
        return q

    def _in_repeated_headline(self, q: Quotation, span: Span) -> bool:
        """A paragraph that opens with the headline, word for word, and the quotation is in
        that part of it."""
        para = self.paras[span.paragraph]
        whole = _key(self.text[para.start:para.end])
        opening = _key(self.text[para.start:span.close_at])
        return any(len(h.split()) >= 4 and len(whole) > len(h) and whole.startswith(h)
                   and h.startswith(opening) for h in self.headlines)

    def _left_out(self, q: Quotation, span: Span, before: str, after: str,
                  chosen: list[tuple[Mention, Person | None]], split: bool) -> str | None:
        words = _words(q.text)
        direct = bool(chosen) and (span.close_at <= chosen[0][0].at < span.close_at + 40 or
                                   before.rstrip().endswith((":", ",")))
        sentence_like = q.text[:1].isupper() and q.text.rstrip().endswith((".", "!", "?"))
        if split and len(words) >= 2:
            return None if _key(q.text) not in self.headlines else "the headline repeated"
        if len(words) < 2 or (len(words) <= 3 and not (q.text[:1].isupper() and direct)
                              and not (sentence_like and len(words) == 3)
                              and not self._closing_remark(span, before, after, chosen)):
            return "a single word or short term (scare quotes)"
        if span.kind == SINGLE and len(words) < 5 and not chosen and not sentence_like:
            return "a short term in single quotes"
        if len(words) <= 6 and not sentence_like and q.text[:1].islower() and \
                _NAMED_AS.search(before):
            return "a name or term something was called, not testimony"
        if _key(q.text) in self.headlines or self._in_repeated_headline(q, span):
            return "the headline repeated in the body"
        if span.paragraph < 3 and _key(self.text[self.paras[span.paragraph].start:
                                                 self.paras[span.paragraph].end]) in self.headlines:
            return "in the headline"
        if _TITLE_BEFORE.search(before) and (_looks_like_title(q.text) or re.search(
                r"(?:titled|entitled|headlined|headline|title)\s*,?\s*$", before, re.I)
                or _TITLE_LINK.search(before)):
            return "a title (of a report, video or headline)"
        if _TITLE_AFTER.match(after) and _looks_like_title(q.text):
            return "a title (of a report, video or headline)"
        if q.text.rstrip().endswith("?") and re.search(r"\bquestions?\b|\bversion of\b",
                                                          before, re.IGNORECASE):
            return "a question quoted as an example, not anyone's testimony"
        if chosen:
            mention = chosen[0][0]
            phrase = mention.phrase.lower().strip()
            asker = chosen[0][1]
            if phrase in _FIRST_PERSON or (mention.verb in {"asked", "asks"} and
                                           q.text.rstrip().endswith("?") and (
                    asker is None or (asker.name is None and asker.head.rstrip("s") in
                                      _JOURNALISTS))):
                return "the journalist's own question"
        if re.match(r"^\s*(?:Q|Question)\s*[:.]", self.text[self.paras[span.paragraph].start:]):
            return "the journalist's own question"
        return None

    def _closing_remark(self, span: Span, before: str, after: str,
                        chosen: list[tuple[Mention, Person | None]]) -> bool:
        """"... but said returnees were "assessed individually."": a few words that end the
        sentence of an attribution just before them are what the speaker said, not a term."""
        if not chosen or chosen[0][1] is None or chosen[0][0].according:
            return False
        mention = chosen[0][0]
        lead = self.masked[mention.at:span.open_at].split()
        return (mention.at < span.open_at and not after.strip(" .!?”’\"'»")
                and mention.verb in {"said", "says", "added", "adds", "told", "tells"}
                and 3 <= len(lead) <= 7 and "§" not in lead
                and re.search(r"\b(?:was|were|is|are|had|has|would|will|could|being|been)$",
                              " ".join(lead)) is not None
                and not re.search(r"\b(?:so-called|dubbed|called|termed|term|word|words|"
                                  r"phrase|label|known as|described as)\s*$", before, re.I))

    def _split(self, in_sentence: list[Span], n: int,
               resolved: list[tuple[Mention, Person | None]]) -> bool:
        """One quotation broken by its attribution: "The checkpoints," he said, "were..."."""
        def joined(a: Span, b: Span) -> bool:
            between = self.masked[a.close_at:b.open_at]
            return (len(between.split()) <= 14 and between.rstrip().endswith(",")
                    and any(a.close_at <= m.at < b.open_at for m, _ in resolved))
        return (n + 1 < len(in_sentence) and joined(in_sentence[n], in_sentence[n + 1])) or (
            n > 0 and joined(in_sentence[n - 1], in_sentence[n]))

    def _carried(self, span: Span, q: Quotation) -> Person | None:
        """A quotation with no attribution of its own, where the article makes the speaker
        clear: the same paragraph's speaker, or a paragraph that is only quotation following
        one that ends with a quoted speaker."""
        para = span.paragraph
        if para in self.last_in_paragraph:
            return self.last_in_paragraph[para]
        p = self.paras[para]
        if re.fullmatch(r"[\s§\d.)•*-]*", self.masked[p.start:p.end]) is None:
            return None  # the paragraph says something else besides: no guessing
        if not _LIST_ITEM.match(self.text[p.start:p.end]):
            return self.last_in_paragraph.get(para - 1)
        lead = para - 1  # a list item: the speaker of the paragraph that leads into the list
        while lead >= 0 and _LIST_ITEM.match(self.text[self.paras[lead].start:]):
            lead -= 1
        if lead < 0:
            return None
        if lead in self.paragraph_subject:
            return self.paragraph_subject[lead]
        lead_text = self.masked[self.paras[lead].start:self.paras[lead].end]
        words_of = re.search(r"\bin (?:the|its|his|her|their) ([\w-]+)[’']s? words", lead_text)
        if words_of:
            return self.cast.resolve(f"the {words_of.group(1)}")
        first = re.match(r"\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+[a-z]", lead_text)
        return self.cast.resolve(first.group(1)) if first else None

    def _fill_run_ons(self) -> None:
        """Every paragraph of a quotation that runs on has the speaker of the one that says."""
        chain: list[Quotation] = []
        for q in [*self.found, None]:
            if q is not None and (q.continued and chain):
                chain.append(q)
                continue
            if chain:
                speaker = next((c.speaker for c in chain if c.speaker), None)
                reason_ok = all(c.left_out is None or c.left_out.startswith("no speaker")
                                for c in chain)
                if speaker is not None and reason_ok:
                    for c in chain:
                        c.speaker = c.speaker or speaker
                        if c.left_out and c.left_out.startswith("no speaker"):
                            c.left_out = None
            chain = [q] if q is not None and q.runs_on else []


def read_article(text: str, outlets: Iterable[str] = ()) -> list[Quotation]:
    """Every quotation in the article, attributed where the article says who spoke."""
    return _Reader(text, outlets).read()
