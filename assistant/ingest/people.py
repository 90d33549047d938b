"""Who a phrase such as "he", "Dr. Neumann" or "the defector" stands for in an article.

People are introduced in reading order; a pronoun, a short name or a definite
description refers back to the person last introduced who fits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sheikh", "gen", "general",
          "col", "colonel", "capt", "captain", "sgt", "sergeant", "imam", "sen", "senator",
          "rep", "minister", "president", "commander", "lt", "maj", "major", "mayor", "judge",
          "father", "sister", "brother", "rev", "reverend", "lord", "lady", "sir", "dame"}
_MALE = {"mr", "he", "man", "father", "brother", "husband", "son", "boy", "sir", "lord",
         "uncle", "grandfather", "nephew"}
_FEMALE = {"mrs", "ms", "miss", "she", "woman", "mother", "sister", "wife", "daughter", "girl",
           "widow", "lady", "dame", "aunt", "grandmother", "niece"}
_PLURAL_HEADS = {"some", "many", "several", "others", "most", "both", "all", "few", "they",
                 "them", "officials", "researchers", "defectors", "fighters", "authors",
                 "experts", "analysts", "authorities", "residents", "police", "people",
                 "families", "men", "women", "relatives", "parents", "prosecutors", "lawyers"}
GENERIC_PERSON = {"defector", "fighter", "militant", "jihadist", "recruit", "member", "man",
                  "woman", "former", "ex-fighter", "youth", "teenager", "veteran", "deserter",
                  "convert", "volunteer", "source", "witness", "survivor", "returnee", "boy",
                  "girl", "child", "adolescent", "student"}
_ORG_WORDS = {"institute", "centre", "center", "ministry", "department", "council", "agency",
              "office", "group", "committee", "university", "college", "police", "army",
              "forces", "commission", "foundation", "network", "coalition", "front",
              "government", "report", "study", "watch", "organisation", "organization",
              "spokesman", "spokeswoman", "statement", "court", "service", "unit", "team",
              "state", "nations", "union", "republic", "party", "brigade", "brigades",
              "battalion", "caliphate", "times", "post", "news", "press", "media",
              # words that name an outlet ("Rivermouth Gazette"), never a person
              "gazette", "herald", "tribune", "courier", "radio", "broadcasting", "dispatch",
              "weekly", "daily", "journal", "quarterly", "magazine", "channel", "newspaper",
              "chronicle", "bulletin", "television", "tv"}
# "people say", "some residents said": hearsay, with no one person to quote
GENERAL_VOICES = {"people", "some people", "many people", "everyone", "everybody", "locals",
                  "some", "many", "others", "some residents", "many residents", "residents",
                  "people here", "the locals"}
PRONOUNS = {"he", "she", "it", "they", "i", "we"}
_NAME_PARTICLES = {"al", "al-", "el", "bin", "ibn", "abu", "umm", "de", "van", "von", "der",
                   "du", "la", "le", "di", "da", "ul", "bint"}
_TRAILING_NAME = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'-]*\.?|al-[A-Z][\w’'-]*|[a-z]{1,3}-[A-Z][\w’'-]*)$")


@dataclass
class Person:
    """Someone (or some body) the article quotes."""

    key: int
    name: str | None = None
    description: str | None = None
    title: str | None = None
    gender: str | None = None
    plural: bool = False
    organisation: bool = False
    phrases: list[str] = field(default_factory=list)
    outlet: str | None = None
    """An outlet the person talked to ("told NPR"): the original source of what they said."""

    @property
    def label(self) -> str:
        if self.name and self.description:
            return f"{self.name}, {self.description}"
        return self.name or self.description or "(unknown)"

    @property
    def head(self) -> str:
        return head_noun(self.description or "")


def _generic(head: str) -> bool:
    """A word for a person that says nothing of who: "the defector", "the 17-year-old"."""
    return head in GENERIC_PERSON or re.fullmatch(r"\d+-year-old", head) is not None


def head_noun(phrase: str) -> str:
    words = re.split(r"\s+(?:of|who|whom|whose|which|that|from|named|called|interviewed|in|at|"
                     r"with|for|by|to|on|published|based|living|now)\s+|,",
                     phrase.lower(), maxsplit=1)[0].split()
    return words[-1].strip(".’'") if words else ""


def _is_name(words: list[str]) -> bool:
    if not words or len(words) > 5:
        return False
    if words[0].lower() in {"the", "a", "an", "one", "this", "that", "his", "her", "their"}:
        return False
    return all(_NAME_TOKEN.match(w) or w.lower() in _NAME_PARTICLES for w in words)


def split_phrase(phrase: str) -> tuple[str | None, str | None, str | None]:
    """(title, name, description) of a speaker phrase."""
    phrase = phrase.strip().strip(",")
    named = re.search(r"\b(?:named|called|identified (?:only )?as|known as|who gave (?:his|her) "
                      r"name (?:only )?as|identified (?:only )?by (?:his|her) first name,?|"
                      r"gave only (?:his|her) first name,?)\s+(.+)$", phrase)
    if named and _is_name(named.group(1).split()):
        return None, named.group(1).strip(), phrase[: named.start()].strip().rstrip(",")
    chunks = [c.strip() for c in phrase.split(",") if c.strip()]
    name = None
    title = None
    rest: list[str] = []
    for chunk in chunks:
        words = chunk.split()
        if words and words[0].lower().rstrip(".") in TITLES and len(words) > 1 and \
                _is_name(words[1:]):
            title, name = words[0], " ".join(words[1:])
            continue
        if name is None and _is_name(words) and not _is_outlet_like(chunk):
            name = chunk
            continue
        trailing = _TRAILING_NAME.search(chunk)
        if name is None and trailing and chunk[: trailing.start()].strip() and \
                chunk[: trailing.start()].split()[-1].islower() and not _is_outlet_like(chunk):
            name = trailing.group(1)  # "Defence lawyer Pia Holm"
            rest.append(chunk[: trailing.start()].strip())
            continue
        rest.append(chunk)
    description = ", ".join(rest) if rest else None
    return title, name, description


def _is_outlet_like(chunk: str) -> bool:
    return bool(set(chunk.lower().split()) & _ORG_WORDS)


class Cast:
    """The people of one article, resolved in reading order."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.recent: list[int] = []

    def _touch(self, person: Person, phrase: str) -> Person:
        if person.key in self.recent:
            self.recent.remove(person.key)
        self.recent.append(person.key)
        person.phrases.append(phrase)
        return person

    def relative(self, phrase: str) -> Person:
        """"Her husband" when the article has named two people of one family name: the one
        who is not the person last spoken of; else someone new."""
        owner = self._latest(lambda p: not p.plural and not p.organisation)
        kin = head_noun(phrase)
        want = _gender_of({kin})
        if owner is not None and owner.name:
            family = owner.name.split()[-1]
            others = [p for p in self.people if p is not owner and p.name
                      and p.name.split()[-1] == family and p.gender in (None, want)]
            if len(others) == 1:
                found = others[0]
                found.gender = found.gender or want
                found.description = found.description or phrase
                return self._touch(found, phrase)
        named = self.resolve(phrase)
        return named if named is not None else self._new(phrase, None, None, phrase)

    def touch(self, person: Person) -> None:
        """Make `person` the one a following pronoun refers to."""
        if person.key in self.recent:
            self.recent.remove(person.key)
        self.recent.append(person.key)

    def _latest(self, test: object) -> Person | None:
        for key in reversed(self.recent):
            person = self.people[key]
            if callable(test) and test(person):
                return person
        return None

    def resolve(self, phrase: str) -> Person | None:
        """The person a phrase refers to, introducing a new one where it names someone new."""
        lowered = phrase.lower().strip()
        if lowered in PRONOUNS:
            return self._pronoun(lowered, phrase)
        title, name, description = split_phrase(phrase)
        if name and description and description.lower().startswith(("the ", "this ")):
            # "The man, who gave his name as Bilel": the man already introduced
            found = self._definite(description)
            if found is not None and found.name is None:
                found.name = name
                return self._touch(found, phrase)
        if name:
            return self._named(phrase, title, name, description)
        if not description:
            return None
        if lowered.split()[0] in {"the", "this", "that"}:
            found = self._definite(description)
            if found:
                if not found.description:
                    found.description = description
                return self._touch(found, phrase)
        return self._new(phrase, None, None, description)

    def _definite(self, description: str) -> Person | None:
        head = head_noun(description)
        if head in {"man", "woman"}:  # "the man said": the last man the article described
            want = "m" if head == "man" else "f"
            return self._latest(lambda p: not p.plural and not p.organisation
                                and p.description is not None and p.gender in (None, want))
        return self._latest(lambda p: not p.plural and (
                (p.head and p.head == head)
                or (p.title is not None and p.title.lower().rstrip(".") == head)
                or (_generic(head) and _generic(p.head))
                or (re.fullmatch(r"\d+-year-old", head) is not None
                    and head in (p.description or "").lower())))

    def _pronoun(self, pronoun: str, phrase: str) -> Person | None:
        if pronoun in {"i", "we"}:
            return None
        if pronoun == "they":
            found = self._latest(lambda p: p.plural or p.organisation)
        elif pronoun == "it":
            found = self._latest(lambda p: p.organisation)
        else:
            want = "m" if pronoun == "he" else "f"
            found = self._latest(lambda p: not p.plural and not p.organisation
                                 and p.gender in (None, want))
            if found and found.gender is None:
                found.gender = want
        return self._touch(found, phrase) if found else None

    def _named(self, phrase: str, title: str | None, name: str,
               description: str | None) -> Person:
        tokens = name.split()
        want = _gender(title)  # "Mr Belhaj" is not his wife
        if len(tokens) == 1:
            same = [p for p in self.people if p.name and tokens[0] in p.name.split()
                    and (want is None or p.gender in (None, want))]
            if len(same) > 1:
                # relatives share a surname: the article calls one of them by it ("Osman")
                # and the others by their first names ("Yusuf")
                called = [p for p in same if name in p.phrases] or \
                    [p for p in same if want is not None and p.gender == want] or \
                    [p for p in same if (p.name or "").split()[-1:] == [name]] or same
                return self._touch(called[0], phrase)
        for key in reversed(self.recent):
            person = self.people[key]
            if not person.name:
                continue
            theirs = person.name.split()
            if want is not None and person.gender not in (None, want):
                continue  # "Mrs Belhaj" is not her husband
            if len(tokens) > 1 and theirs[-len(tokens):] == tokens and tokens[0].islower():
                return self._touch(person, phrase)  # "de Wit" is Pieter de Wit
            if len(tokens) > 1 and len(theirs) > 1 and tokens[0] != theirs[0] and \
                    tokens[0].lower().rstrip(".") not in TITLES:
                continue  # Nadia Benali is not Yusuf Benali
            if person.name == name or theirs[-1] == tokens[-1] or (
                    len(tokens) == 1 and tokens[0] in theirs):
                if len(tokens) > len(theirs):
                    person.name = name
                if description and not person.description:
                    person.description = description
                if title and not person.title:
                    person.title = title
                    person.gender = _gender(title) or person.gender  # "Ms" beats a guess
                return self._touch(person, phrase)
        return self._new(phrase, title, name, description)

    def _new(self, phrase: str, title: str | None, name: str | None,
             description: str | None) -> Person:
        words = set(re.findall(r"[\w-]+", (description or "").lower()))
        head = head_noun(description or "")
        organisation = bool(name and (name.isupper() or _is_outlet_like(name))) or (
            not name and head in _ORG_WORDS)
        plural = not name and (head in _PLURAL_HEADS or (
            head.endswith("s") and not head.endswith("ss") and head not in GENERIC_PERSON
            and not (description or "").lower().startswith(("a ", "an ", "one "))
            and not organisation))
        person = Person(len(self.people), name=name, description=description, title=title,
                        gender=_gender(title) or _gender_of(words), plural=plural,
                        organisation=organisation)
        self.people.append(person)
        return self._touch(person, phrase)


def _gender(title: str | None) -> str | None:
    return _gender_of({title.lower().rstrip(".")}) if title else None


def _gender_of(words: set[str]) -> str | None:
    if words & _MALE and not words & _FEMALE:
        return "m"
    if words & _FEMALE and not words & _MALE:
        return "f"
    return None
