"""The corpus cache: each file's validated records, kept so an unchanged file is not parsed.

Parsing YAML with line numbers and validating every record is most of the time it takes
to open a large corpus. The cache keeps, per corpus file, what validating that file alone
produced (its records and the line of each) as JSON in the cache directory, for every
file that validates without a problem; a file with problems is read afresh each time.

An entry is used only when it was made from exactly the bytes now in the file (a SHA-256
of the content, not the size or the modification time, which an edit can leave as they
were) by exactly this validating code (a hash of this package's modules and of the
versions of PyYAML and pydantic). Anything else (a missing, corrupt, truncated, foreign or stale entry) is ignored
and replaced: the file is then parsed and validated as if there were no cache. Records
read back are validated again by the same models, so an entry can never put into the
corpus anything the models would refuse. References between files, duplicate ids across
files and date checks are never cached: the loader checks them on every load.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .models import KINDS, Audience, Chart, Fact, Quote, Source, Speaker, Theme

FORMAT = 1
_MAGIC = b"counterbrief-corpus-cache"


class _Entry(BaseModel):
    """What validating one file alone gave, in the order the file holds it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    content: str  # SHA-256 of the file's bytes
    code: str  # hash of the validating code
    display: str  # the file's name as problems give it (relative to the working directory)
    sources: list[Source] = []
    speakers: list[Speaker] = []
    quotes: list[Quote] = []
    facts: list[Fact] = []
    themes: list[Theme] = []
    audiences: list[Audience] = []
    charts: list[Chart] = []
    lines: dict[str, list[int]] = {}
    language: str = ""  # the corpus language, when this file sets it
    language_line: int = 0


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while loading: every collection would walk all the
    records made so far (loading 100,000 quotes took 2.5 times as long with it on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _code_hash() -> str:
    """Every module of this package and the versions of the parser and the validator: an
    entry made by other code may hold what that code accepted, not what this one does."""
    import pydantic
    import yaml

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT}\0{pydantic.VERSION}\0{yaml.__version__}".encode())
    for path in sorted(here.glob("*.py")):
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class CorpusCache:
    """Per-file entries under one directory; every failure to read or write is a miss."""

    _code: str | None = None

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        if CorpusCache._code is None:
            CorpusCache._code = _code_hash()
        self.code = CorpusCache._code
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_corpus(cls) -> CorpusCache:
        """The cache the app and the command line share (see paths.cache_dir)."""
        from ..paths import cache_dir

        return cls(cache_dir() / "corpus")

    def entry_path(self, path: Path) -> Path:
        name = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:32]  # any file name
        return self.directory / f"{name}.json"

    def validate_file(self, path: Path, content: bytes, corpus: Any, display: str) -> list[Any]:
        """Add the file's records to `corpus` and return its problems, as the loader's own
        validation of the file would (from the cache when the entry matches `content`)."""
        from .loader import Corpus, _validate_file

        content_hash = hashlib.sha256(content).hexdigest()
        entry = self._read(path, content_hash, display)
        if entry is not None:
            self.hits += 1
            return _merge(entry, corpus, display)
        self.misses += 1
        alone = Corpus(root=corpus.root)
        problems = _validate_file(path, content, alone)
        if not (problems or alone.broken_ids or alone.broken_records or alone.unreadable_ids):
            # only a file without problems is kept: one being edited is read afresh, so its
            # problems are always exactly what the loader says of it
            entry = _entry_of(alone, content_hash, self.code, display)
            self._write(path, entry)
            return _merge(entry, corpus, display)
        return _validate_file(path, content, corpus)

    def _read(self, path: Path, content_hash: str, display: str) -> _Entry | None:
        try:
            raw = self.entry_path(path).read_bytes()
        except OSError:
            return None
        header, _, body = raw.partition(b"\n")
        parts = header.split(b" ")
        if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != str(FORMAT).encode():
            return None
        if parts[2] != hashlib.sha256(body).hexdigest().encode():
            return None  # truncated or damaged
        try:
            entry = _Entry.model_validate_json(body)
        except (ValidationError, ValueError):
            return None
        if (entry.content, entry.code, entry.display) != (content_hash, self.code, display):
            return None
        if any(len(entry.lines.get(kind, ())) != len(getattr(entry, kind)) for kind in KINDS):
            return None
        return entry

    def _write(self, path: Path, entry: _Entry) -> None:
        try:
            body = entry.model_dump_json(exclude_defaults=True).encode()
        except (ValueError, UnicodeError):
            return  # e.g. a file name that is not UTF-8: such a file is just not cached
        header = b" ".join((_MAGIC, str(FORMAT).encode(), hashlib.sha256(body).hexdigest().encode()))
        target = self.entry_path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(header + b"\n" + body)
                os.replace(temporary, target)  # readers see the old entry or the new, never half
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full cache directory only costs speed


def _entry_of(alone: Any, content_hash: str, code: str, display: str) -> _Entry:
    tables: dict[str, list[Any]] = {kind: list(alone.table(kind).values()) for kind in KINDS}
    lines = {kind: [alone.locations[(kind, r.id)].line for r in records]
             for kind, records in tables.items() if records}
    where = alone.language_at
    return _Entry(content=content_hash, code=code, display=display, lines=lines, **tables,
                  language=alone.language, language_line=where.line if where else 0)


def _merge(entry: _Entry, corpus: Any, display: str) -> list[Any]:
    """The entry's records into the corpus; duplicates of ids from earlier files reported."""
    from .loader import Location, add_record, set_language

    problems: list[Any] = []
    if entry.language:
        problem = set_language(corpus, entry.language, display, entry.language_line)
        problems += [problem] if problem else []
    for kind in KINDS:
        records: list[Any] = getattr(entry, kind)
        if not records:
            continue
        table: dict[str, Any] = corpus.table(kind)
        ids = [r.id for r in records]
        lines = entry.lines[kind]
        if table.keys().isdisjoint(ids):  # the usual case: all at once
            table.update(zip(ids, records, strict=True))
            corpus.locations.update(((kind, rid), Location(display, line))
                                    for rid, line in zip(ids, lines, strict=True))
            continue
        for record, line in zip(records, lines, strict=True):
            duplicate = add_record(corpus, kind, record, display, line)
            if duplicate:
                problems.append(duplicate)
    return problems
