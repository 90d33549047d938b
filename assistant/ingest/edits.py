"""What a curator changes in a proposal before adding it: the article's source id and date,
and a speaker typed by hand ("new-id = Their Name" adds one)."""

from __future__ import annotations

import re
from dataclasses import replace

from pydantic import TypeAdapter, ValidationError

from ..corpus.models import PartialDate, Speaker
from .candidates import Candidate, Ingested, new_speaker
from .people import Person

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_NEW = re.compile(r"\s*([^=]+?)\s*=\s*(.*?)\s*")


class EditRefused(Exception):
    """The value typed cannot be used; the message says what to type instead."""


class SpeakerRefused(EditRefused):
    pass


class SourceRefused(EditRefused):
    pass


def _check_id(value: str, what: str, error: type[EditRefused]) -> str:
    if not _ID.fullmatch(value):
        raise error(f"'{value}' cannot be a {what} id: use lower-case letters, digits and "
                    "hyphens (at most 80), starting with a letter or digit")
    return value


def speaker_entry(value: str, candidate: Candidate, result: Ingested,
                  corpus_speakers: set[str]) -> tuple[str, Speaker | None]:
    """The speaker id typed for `candidate`, and the new speaker when one is added
    ("amira-b = Amira B."). A plain id is used as it is: validate names an unknown one."""
    new = _NEW.fullmatch(value)
    if new is None:
        return _check_id(value.strip(), "speaker", SpeakerRefused), None
    sid = _check_id(new.group(1), "speaker", SpeakerRefused)
    name = new.group(2)
    if not name or "\n" in name or len(name) > 120:
        raise SpeakerRefused(f"give the new speaker's name after '=' as the article prints "
                             f"it, e.g. {sid} = Amira B.")
    if sid in corpus_speakers or any(s.id == sid for s in result.speakers):
        raise SpeakerRefused(f"speaker '{sid}' already exists; type just {sid} to use it, "
                             "or choose another id for a new speaker")
    said = candidate.quotation.speaker
    person = Person(-1, name=name, description=said.description if said else None,
                    gender=said.gender if said else None)
    return sid, new_speaker(person, set()).model_copy(update={"id": sid})


def with_source(result: Ingested, source_id: str, published: str) -> Ingested:
    """The proposal with the article's source id and publication date the curator set."""
    sid = _check_id(source_id.strip(), "source", SourceRefused)
    date = published.strip() or None
    if date is not None:
        try:
            TypeAdapter(PartialDate).validate_python(date)
        except ValidationError as exc:
            why = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise SourceRefused(f"published '{date}': {why}") from exc
    old = result.source.id
    originals = [replace(o, title=o.title.replace(f"as quoted in {old}]",
                                                  f"as quoted in {sid}]"))
                 for o in result.originals]
    return replace(result, source=replace(result.source, id=sid, published=date),
                   originals=originals)
