"""Load a corpus directory and report every problem in it in one pass.

A problem is always `file:line: message`, whatever the file holds: a communicator who
edits YAML by hand gets the whole list at once, never a traceback.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .folder import FileRefused, FolderRefused, corpus_files, read_corpus_file
from .models import (
    KINDS,
    LANGUAGE_TAG,
    Audience,
    Chart,
    Fact,
    Quote,
    Source,
    Speaker,
    Theme,
    earliest_day,
)
from .yamlfile import LinedDict, LinedList, YamlError, decode_yaml, line_of, parse_yaml

_ID_LINE = re.compile(r"^[ \t-]*id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", re.M)

MODELS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "speakers": Speaker,
    "quotes": Quote,
    "facts": Fact,
    "themes": Theme,
    "audiences": Audience,
    "charts": Chart,
}
SINGULAR = {kind: kind[:-1] for kind in KINDS}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


class CorpusError(Exception):
    """The corpus could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class NotACorpus(CorpusError):
    """The corpus folder is missing or is not a corpus: a usage error, not a bad corpus."""


@dataclass(frozen=True)
class Location:
    file: str
    line: int


@dataclass
class Corpus:
    """Every record by id, where each was defined, and a fingerprint of the files."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    audiences: dict[str, Audience] = field(default_factory=dict)
    charts: dict[str, Chart] = field(default_factory=dict)
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)
    broken_ids: set[tuple[str, str]] = field(default_factory=set)
    unreadable_ids: set[str] = field(default_factory=set)
    """Ids seen in files that are not valid YAML: referring to one is not a second error."""
    broken_records: list[tuple[str, dict[str, Any], Location, set[str]]] = field(
        default_factory=list)
    """Records that failed validation, kept so their references are still checked."""
    fingerprint: str = ""
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What briefs compute from the records once and keep (the selection index): a corpus
    is not changed once it is in use."""
    language: str = ""
    """The language tag the corpus declares (`language:` in one file), or ""."""
    language_at: Location | None = None

    def table(self, kind: str) -> dict[str, Any]:
        table: dict[str, Any] = getattr(self, kind)
        return table

    def quotes_for(self, theme_id: str) -> list[Quote]:
        """Quotes linked to a theme, strongest first, then in corpus order."""
        linked = [q for q in self.quotes.values() if q.strength_for(theme_id) > 0]
        return sorted(linked, key=lambda q: -q.strength_for(theme_id))

    def where(self, kind: str, record_id: str) -> Location | None:
        return self.locations.get((kind, record_id))


def _display(path: Path) -> str:
    """The path as given (a link is named, not where it leads), relative when possible."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.getcwd()))
    except (ValueError, OSError):
        return str(path)


def _describe_loc(data: Any, loc: tuple[int | str, ...]) -> str:
    """`quote q-004, text` rather than `quotes.3.text`."""
    if len(loc) >= 2 and loc[0] in SINGULAR and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        record = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        rid = record.get("id") if isinstance(record, dict) else None
        head = f"{SINGULAR[str(loc[0])]} {rid}" if isinstance(rid, str) else (
            f"{SINGULAR[str(loc[0])]} #{loc[1] + 1}"
        )
        rest = ".".join(str(step) for step in loc[2:])
        return f"{head}, {rest}" if rest else head
    return ".".join(str(step) for step in loc)


def _message(error: Any, data: Any, loc: tuple[int | str, ...], model: type[BaseModel]) -> str:
    where = _describe_loc(data, loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        owner = where.rsplit(",", 1)[0] if "," in where else where
        known = _fields_at(model, loc[2:-1])
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
        return f"{owner}: unknown key '{key}'{hint}"
    if kind == "missing":
        return f"{where}: missing required key"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        known = _fields_at(model, loc[2:])
        keys = f" with keys such as {', '.join(known)}" if known else ""
        return f"{where}: should be a mapping{keys}"
    if kind == "list_type":
        return f"{where}: should be a list (one '- ' item per line, or [a, b])"
    if kind == "string_type":
        return f"{where}: should be text"
    value = error.get("input")
    shown = f" (got {value!r})" if isinstance(value, str | int | float | bool) else ""
    text = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {text}{shown}"


_UNION_TAGS = {"float": "a number", "int": "a whole number", "str": "text", "bool": "true or false",
               "none": "empty", "date": "a date"}


def _merged_union_errors(errors: list[Any], kind: str,
                         index: int) -> list[tuple[Any, tuple[int | str, ...]]]:
    """`value.float` and `value.str` failing together are one problem: "a number or text"."""
    merged: list[tuple[Any, tuple[int | str, ...]]] = []
    alternatives: dict[tuple[int | str, ...], list[str]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        tag = str(loc[-1]) if loc else ""
        if len(loc) > 1 and tag in _UNION_TAGS:
            key = (kind, index, *loc[:-1])
            if key not in alternatives:
                alternatives[key] = []
                merged.append(({"type": "union", "msg": "", "input": error.get("input")}, key))
            alternatives[key].append(_UNION_TAGS[tag])
            continue
        merged.append((error, (kind, index, *loc)))
    return [({**e, "msg": "should be " + " or ".join(alternatives[loc])} if e["type"] == "union"
             else e, loc) for e, loc in merged]


def _fields_at(model: type[BaseModel], path: tuple[int | str, ...]) -> list[str]:
    """The known keys of the nested model a path points into, for suggestions."""
    current: Any = model
    for step in path:
        if isinstance(step, int):
            continue
        info = current.model_fields.get(step) if hasattr(current, "model_fields") else None
        if info is None:
            break
        annotation = info.annotation
        for candidate in getattr(annotation, "__args__", (annotation,)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return sorted(getattr(current, "model_fields", {}))


def _records(data: LinedDict, display: str) -> Iterator[tuple[str, int, Any] | Problem]:
    for kind in data:
        if kind == LANGUAGE:
            continue
        if kind not in MODELS:
            close = difflib.get_close_matches(str(kind), KINDS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(KINDS)})"
            yield Problem(display, data.key_lines[kind], f"unknown section '{kind}'{hint}")
            continue
        items = data[kind]
        if items is None:
            continue
        if not isinstance(items, LinedList):
            yield Problem(display, data.key_lines[kind], f"'{kind}' must be a list of records")
            continue
        for index, item in enumerate(items):
            yield kind, index, item


def _validate_file(path: Path, raw: bytes, corpus: Corpus) -> list[Problem]:
    display = _display(path)
    try:
        data = parse_yaml(decode_yaml(raw))
    except YamlError as exc:
        # the ids it seems to define, so that references to them are not errors too
        corpus.unreadable_ids.update(_ID_LINE.findall(raw.decode("utf-8", errors="replace")))
        return [Problem(display, max(exc.line, 1), exc.message)]
    if data is None:
        return []
    if not isinstance(data, LinedDict):
        return [
            Problem(display, getattr(data, "line", 1) or 1,
                    "a corpus file must be a mapping with keys such as 'quotes:' or 'facts:'")
        ]
    problems: list[Problem] = []
    if LANGUAGE in data:
        problem = _language(corpus, data[LANGUAGE], display, data.key_lines[LANGUAGE])
        problems += [problem] if problem else []
    for entry in _records(data, display):
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        kind, index, item = entry
        model = MODELS[kind]
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                # known but broken: references to it should not add a second, misleading error
                corpus.broken_ids.add((kind, item["id"]))
            if isinstance(item, dict):
                failed = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                corpus.broken_records.append(
                    (kind, item, Location(display, line_of(data, (kind, index))), failed))
            for error, loc in _merged_union_errors(exc.errors(), kind, index):
                problems.append(
                    Problem(display, line_of(data, loc), _message(error, data, loc, model))
                )
            continue
        duplicate = add_record(corpus, kind, record, display, line_of(data, (kind, index)))
        if duplicate:
            problems.append(duplicate)
    return problems


LANGUAGE = "language"
"""The one corpus-level key: the language tag of the corpus, in any one file."""


def _language(corpus: Corpus, value: object, display: str, line: int) -> Problem | None:
    if not isinstance(value, str) or not re.fullmatch(LANGUAGE_TAG, value):
        return Problem(display, line, f"language must be a language tag such as en-GB or "
                                      f"fr, not {value!r}")
    return set_language(corpus, value, display, line)


def set_language(corpus: Corpus, tag: str, display: str, line: int) -> Problem | None:
    """Record the corpus's language, or say another file set it already."""
    if corpus.language_at is not None:
        first = corpus.language_at
        return Problem(display, line, f"the corpus language is set twice (first at "
                                      f"{first.file}:{first.line}); keep one")
    corpus.language, corpus.language_at = tag, Location(display, line)
    return None


def add_record(corpus: Corpus, kind: str, record: Any, display: str, line: int) -> Problem | None:
    """Put a valid record in its table, or say it repeats an id already defined."""
    rid = record.id
    table = corpus.table(kind)
    if rid in table:
        first = corpus.locations[(kind, rid)]
        return Problem(display, line,
                       f"duplicate {SINGULAR[kind]} id '{rid}' (first defined at {first.file}:{first.line})")
    table[rid] = record
    corpus.locations[(kind, rid)] = Location(display, line)
    return None


def _cross_check(corpus: Corpus, today: date) -> list[Problem]:
    problems: list[Problem] = []

    def add(kind: str, rid: str, message: str) -> None:
        loc = corpus.locations[(kind, rid)]
        problems.append(Problem(loc.file, loc.line, f"{SINGULAR[kind]} {rid}: {message}"))

    def refer(kind: str, rid: str, target_kind: str, target: object, what: str,
              at: Location | None = None) -> None:
        if (
            isinstance(target, str)
            and target not in corpus.table(target_kind)
            and (target_kind, target) not in corpus.broken_ids
            and target not in corpus.unreadable_ids
        ):
            message = f"{what} '{target}' is not defined{_hint(target, corpus, target_kind)}"
            if at is None:
                add(kind, rid, message)
            else:
                problems.append(Problem(at.file, at.line, f"{SINGULAR[kind]} {rid}: {message}"))

    for kind, item, at, failed in corpus.broken_records:
        rid = str(item.get("id", "?"))
        if kind == "quotes" and "speaker" not in failed:
            refer(kind, rid, "speakers", item.get("speaker"), "speaker", at)
        if kind in ("quotes", "facts") and "sources" not in failed:
            for citation in item.get("sources") or []:
                if isinstance(citation, dict):
                    refer(kind, rid, "sources", citation.get("source"), "source", at)
                    refer(kind, rid, "sources", citation.get("via"), "via source", at)
        if kind == "quotes" and "themes" not in failed:
            for link in item.get("themes") or []:
                if isinstance(link, dict):
                    refer(kind, rid, "themes", link.get("theme"), "theme", at)

    for qid, quote in corpus.quotes.items():
        if not quote.text.strip():
            add("quotes", qid, "text is empty")
        refer("quotes", qid, "speakers", quote.speaker, "speaker")
        for citation in quote.sources:
            refer("quotes", qid, "sources", citation.source, "source")
            refer("quotes", qid, "sources", citation.via, "via source")
        for link in quote.themes:
            refer("quotes", qid, "themes", link.theme, "theme")
        for name, target in (("follows", quote.follows), ("same_as", quote.same_as)):
            if target == qid:  # a pair or a reprint is always another quote
                add("quotes", qid, f"{name} names the quote itself")
            else:
                refer("quotes", qid, "quotes", target, f"{name} quote")
    for fid, fact in corpus.facts.items():
        for fs in fact.sources:
            refer("facts", fid, "sources", fs.source, "source")
            refer("facts", fid, "sources", fs.via, "via source")
        if fact.disagreeing and not (fact.conflict_note or "").strip():
            figures = "; ".join(f"{fs.source}: {fs.figure}" for fs in fact.sources)
            add("facts", fid, f"sources disagree ({figures}) but there is no conflict_note")
        if fact.as_of and earliest_day(fact.as_of) > today:
            add("facts", fid, f"as_of {fact.as_of} is in the future")
    for tid, theme in corpus.themes.items():
        for fid in theme.related_facts:
            refer("themes", tid, "facts", fid, "related fact")
        for aid in theme.frames:
            refer("themes", tid, "audiences", aid, "campaign frame for audience")
    for fid, fact in corpus.facts.items():
        refer("facts", fid, "sources", fact.dates, "dated source")
    for cid, chart in corpus.charts.items():
        for fid in [part.fact for part in chart.parts] + ([chart.whole] if chart.whole else []):
            refer("charts", cid, "facts", fid, "fact")
            drawn = corpus.facts.get(fid)
            if chart.kind != "figures" and drawn is not None and not _numeric(drawn):
                add("charts", cid, f"fact '{fid}' has no number to draw (give it a value)")
        for message in _chart_problems(chart, corpus):
            add("charts", cid, message)
    for sid, source in corpus.sources.items():
        if source.published and earliest_day(source.published) > today:
            add("sources", sid, f"published date {source.published} is in the future")
    return problems


def _hint(target: str, corpus: Corpus, kind: str) -> str:
    """A close id when there is one, and the valid ids when there are few enough to read."""
    known = sorted(corpus.table(kind))
    close = [c for c in difflib.get_close_matches(target, known, n=3, cutoff=0.6)
             if c[:3] == target[:3] or target in c or c in target][:1]
    if close:
        return f" (did you mean '{close[0]}'?)"
    if not known:
        return f" (there are no {kind} yet)"
    if len(known) <= 12:
        return f" (known {kind}: {', '.join(known)})"
    return ""


def _value(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _drawn(fact: Fact) -> float | None:
    """The number a chart draws: the fact's own value, else the one its sources agree on."""
    own = _value(fact.value)
    if own is not None:
        return own
    given = {v for v in (_value(fs.value) for fs in fact.sources) if v is not None}
    return given.pop() if len(given) == 1 else None


def _chart_problems(chart: Chart, corpus: Corpus) -> list[str]:
    """A bar or pie draws parts of one kind of thing, undisputed, that make up its whole."""
    if chart.kind == "figures":
        return []
    problems: list[str] = []
    parts = [(p.fact, corpus.facts[p.fact]) for p in chart.parts if p.fact in corpus.facts]
    for fid, fact in parts:
        if fact.disagreeing:
            problems.append(f"fact '{fid}' is disputed by its sources; a {chart.kind} chart "
                            "cannot draw it as one part (show it in a `figures` chart, "
                            "with every version)")
    whole = corpus.facts.get(chart.whole) if chart.whole else None
    unit = (whole.unit if whole is not None else parts[0][1].unit if parts else None) or ""
    against = f"the whole '{chart.whole}'" if whole is not None else f"'{parts[0][0]}'" \
        if parts else ""
    for fid, fact in parts:
        if (fact.unit or "") != unit:
            problems.append(f"fact '{fid}' counts {fact.unit or 'no unit'}, but {against} "
                            f"counts {unit or 'no unit'}")
    if whole is None or whole.disagreeing or problems:
        if whole is not None and whole.disagreeing:
            problems.append(f"the whole '{chart.whole}' is disputed by its sources")
        return problems
    total, values = _drawn(whole), [_drawn(f) for _, f in parts]
    if total is None or any(v is None for v in values):
        return problems
    summed = sum(v for v in values if v is not None)
    if summed > total:
        problems.append(f"its parts add up to {summed:g}, more than the whole "
                        f"'{chart.whole}' ({total:g})")
    elif summed < total:
        problems.append(f"its parts add up to {summed:g}, not the whole '{chart.whole}' "
                        f"({total:g}); add the missing part (e.g. 'not known')")
    return problems


def _numeric(fact: Fact) -> bool:
    values = [fact.value, *(s.value for s in fact.sources)]
    return any(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def validate_corpus(root: Path, today: date | None = None, *,
                    cache: bool = True) -> tuple[Corpus, list[Problem]]:
    """Load everything that can be loaded and list every problem, sorted by file and line.

    Raises NotACorpus when `root` is missing or is not a corpus folder. With `cache`, a
    file whose bytes are unchanged since an earlier load is read from the corpus cache
    (see cache.py) instead of being parsed and validated again; the result is the same
    either way. References between files are always checked afresh.
    """
    from .cache import collection_paused

    with collection_paused():  # a large corpus is a million new objects, none of them garbage
        return _validate_corpus(root, today, cache)


def _validate_corpus(root: Path, today: date | None, cache: bool) -> tuple[Corpus, list[Problem]]:
    today = today or date.today()
    corpus = Corpus(root=root)
    try:
        files = corpus_files(root)
    except FolderRefused as exc:
        raise NotACorpus([Problem(_display(root), 0, exc.message)]) from None
    if not files:
        raise NotACorpus([Problem(_display(root), 0, "no .yaml files in the corpus directory")])
    problems: list[Problem] = []
    digest = hashlib.sha256()
    from .cache import CorpusCache

    store = CorpusCache.for_corpus() if cache else None
    for path in files:
        try:
            raw = read_corpus_file(path, root)
        except FileRefused as exc:
            problems.append(Problem(_display(path), exc.line, exc.message))
            continue
        digest.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0")
        digest.update(raw + b"\0")
        if store is None:
            problems.extend(_validate_file(path, raw, corpus))
        else:
            problems.extend(store.validate_file(path, raw, corpus, _display(path)))
    corpus.fingerprint = digest.hexdigest()[:16]
    problems.extend(_cross_check(corpus, today))
    return corpus, sorted(set(problems))


def load_corpus(root: Path | None = None, today: date | None = None) -> Corpus:
    """The corpus at `root` (the bundled one by default). Raises CorpusError listing problems."""
    from ..paths import bundled_corpus_dir

    corpus, problems = validate_corpus(root or bundled_corpus_dir(), today)
    if problems:
        raise CorpusError(problems)
    return corpus


def corpus_file_schema(corpus: Corpus | None = None) -> dict[str, Any]:
    """JSON Schema for one corpus file, for editors; with a corpus, its ids as enums."""
    from .schema import build_schema

    if corpus is None:
        return build_schema()
    return build_schema({kind: list(corpus.table(kind))
                         for kind in ("speakers", "sources", "themes", "facts")})
